"""Inputs: kind detection, decoding, JSONL corpora, directories, and every bad-input case."""
from __future__ import annotations

import pytest

from chronik.errors import InputError
from chronik.ingest import doc_id_for, documents_from_bytes, iter_files, load_documents, sniff
from chronik.model import Document

from .conftest import EXAMPLES


def _docs(items):
    return [x for x in items if isinstance(x, Document)]


def _errors(items):
    return [x for x in items if isinstance(x, InputError)]


@pytest.mark.parametrize(
    "text,kind",
    [
        ("<!DOCTYPE html><html><body><p>a</p></body></html>", "html"),
        ('{"text": "Der Präsident sprach."}\n{"text": "x"}', "jsonl"),
        ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "feed"),
        ("US-Außenminister Anthony Blinken rief Präsident Ilham Aliyev an\n\nAm 19. September ...", "text"),
    ],
)
def test_ingest_sniffs_kind_from_content(text, kind):
    assert sniff(text) == kind


def test_ingest_html_page_uses_trafilatura_metadata():
    items = list(load_documents([str(EXAMPLES / "en-example-ceasefire-talks.html")]))
    [doc] = _docs(items)
    assert doc.id == "en-example-ceasefire-talks"
    assert doc.title == "Armenia and Azerbaijan hold talks in Brussels"
    assert doc.published == "2023-07-15"
    assert doc.lang == "en"
    assert "Nikol Pashinyan met Azerbaijani President Ilham Aliyev" in doc.text
    for junk in ("Most read", "Subscribe", "All rights reserved", "WhatsApp"):
        assert junk not in doc.text


def test_ingest_jsonl_corpus_ids_and_metadata():
    docs = _docs(load_documents([str(EXAMPLES / "corpus.jsonl")]))
    assert [d.id for d in docs] == ["en-corpus-1", "de-corpus-1", "en-corpus-2"]
    assert docs[0].published == "2020-08-16" and docs[0].url.endswith("minsk-1")
    assert docs[1].lang == "de"
    assert docs[2].published == "2019-09-06"


def test_ingest_published_override():
    [doc] = _docs(load_documents([str(EXAMPLES / "de-azvision-blinken-aliyev.txt")], published="2023-09-21"))
    assert doc.published == "2023-09-21"


def test_ingest_latin1_file_is_decoded(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Die Bundesregierung äußerte sich besorgt über die Lage in Kiew. Der Außenminister forderte Gespräche.".encode("latin-1"))
    [doc] = _docs(load_documents([str(p)]))
    assert "äußerte" in doc.text


@pytest.mark.parametrize(
    "name,data,code",
    [
        ("empty.txt", b"", "E004"),
        ("blank.txt", b"   \n\n  ", "E004"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E003"),
        ("binary.bin", b"abc\x00\x01\x02def" * 10, "E003"),
        ("bad.jsonl", b'{"text": "ok text here"}\n{"text": broken\n', "E006"),
        ("notext.jsonl", b'{"title": "no text"}\n', "E007"),
    ],
)
def test_ingest_bad_inputs_give_coded_errors(tmp_path, name, data, code):
    p = tmp_path / name
    p.write_bytes(data)
    errors = _errors(load_documents([str(p)]))
    assert errors and errors[0].message.startswith(code)
    assert str(p) in str(errors[0])


def test_ingest_missing_path_and_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    items = list(load_documents([str(tmp_path / "missing.txt"), str(tmp_path / "empty")]))
    codes = [e.message[:4] for e in _errors(items)]
    assert codes == ["E001", "E002"]


def test_ingest_bad_jsonl_line_does_not_lose_good_lines(tmp_path):
    p = tmp_path / "mixed.jsonl"
    p.write_text('{"id": "a", "text": "Die Polizei nahm zwei Männer fest."}\nnot json\n{"id": "b", "text": "Police arrested two men."}\n')
    items = list(load_documents([str(p)]))
    assert [d.id for d in _docs(items)] == ["a", "b"]
    assert len(_errors(items)) == 1


def test_ingest_directory_is_walked_recursively_and_lazily(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Titel\n\nDie Regierung trat am Montag zurück.")
    (tmp_path / "y.txt").write_text("Title\n\nThe government resigned on Monday.")
    (tmp_path / ".hidden.txt").write_text("ignored")
    it = iter_files(str(tmp_path))
    assert not isinstance(it, list)
    assert sorted(p.rsplit("/", 1)[1] for p in it) == ["x.txt", "y.txt"]
    assert sorted(d.id for d in _docs(load_documents([str(tmp_path)]))) == ["x", "y"]


@pytest.mark.parametrize("path,doc_id", [("a/de-wn-1.txt", "de-wn-1"), ("page.html", "page"), ("c.jsonl", "c"), ("x.warc.gz", "x")])
def test_ingest_doc_id_is_file_name_without_extension(path, doc_id):
    assert doc_id_for(path) == doc_id


def test_ingest_utf8_bom_is_stripped():
    [doc] = _docs(documents_from_bytes("\ufeffTitel\n\nDer Präsident sprach am Montag.".encode("utf-8"), "bom.txt"))
    assert doc.title == "Titel"
