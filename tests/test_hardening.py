"""Hostile and broken input: every input fails alone with one coded line, never a
traceback; limits bound size, nesting, decompression and time; feed XML is parsed by a
hardened parser; the store never lets one document stop an ingest."""
from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import subprocess
import sys
import time

import pytest

import chronik
import chronik.limits as limits_mod
import chronik.store as store_mod
from chronik.errors import InputError
from chronik.ingest import documents_from_bytes, load_documents
from chronik.model import Document

from .conftest import FOUNDING

ATTACK = "Russia attacked Ukraine on Monday near {place}, the governor said. The attack killed {n} people in {place}."
PLACES = ["Kharkiv", "Odesa", "Lviv", "Kherson", "Sumy", "Poltava"]


def attack(i: int) -> str:
    return ATTACK.format(place=PLACES[i % len(PLACES)], n=i + 2)


def jsonl(*objs) -> bytes:
    return "\n".join(o if isinstance(o, str) else json.dumps(o) for o in objs).encode("utf-8")


def split(items):
    items = list(items)
    docs = [i for i in items if isinstance(i, Document)]
    errs = [str(i) for i in items if isinstance(i, InputError)]
    return docs, errs


@pytest.fixture
def small_limits(monkeypatch):
    """Set limits for one test: ``small_limits(max_document_chars=1000)``."""

    def set_(**kw):
        monkeypatch.setattr(limits_mod, "_CACHE", dataclasses.replace(limits_mod.Limits(), **kw))

    yield set_
    limits_mod._CACHE = None


def run(*args, stdin: bytes | None = None, timeout=120):
    return subprocess.run([sys.executable, "-m", "chronik", *args], input=stdin, capture_output=True, timeout=timeout)


# JSON Lines records fail alone --------------------------------------------------------
@pytest.mark.parametrize("field,value", [("title", 5), ("title", ["a", "b"]), ("title", {"x": 1}), ("lang", ["de"]),
                                         ("url", 7), ("id", [1]), ("published", {"y": 2023})])
def test_corpus_field_of_the_wrong_kind_is_a_clear_error(field, value):
    data = jsonl({"text": attack(0), field: value}, {"text": attack(1), "id": "good"})
    docs, errs = split(documents_from_bytes(data, "c.jsonl"))
    assert [d.id for d in docs] == ["good"]
    assert len(errs) == 1 and "E018 line 1" in errs[0] and repr(field) in errs[0], errs


def test_numbers_are_fine_as_id_and_published():
    (doc,) = documents_from_bytes(jsonl({"text": attack(0), "id": 17, "published": 2023}), "c.jsonl")
    assert doc.id == "17"


def test_deeply_nested_json_is_refused_without_recursion():
    deep = '{"text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    data = jsonl(deep, "[" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000, {"text": attack(0), "id": "ok"})
    docs, errs = split(documents_from_bytes(data, "c.jsonl"))
    assert [d.id for d in docs] == ["ok"]
    assert len(errs) == 3 and all("E006" in e and "nested deeper" in e for e in errs), errs


def test_lone_surrogates_become_replacement_characters():
    data = jsonl({"text": "Russia attacked Ukraine \ud800 on Monday near Kharkiv, the governor said.",
                  "title": "Strike \udfff", "id": "s\ud801"})
    (doc,) = documents_from_bytes(data, "c.jsonl")
    assert "\ufffd" in doc.text and "\ufffd" in doc.title and doc.id == "s\ufffd"
    chronik.process(doc)
    from chronik.output import write_json, write_jsonl

    out = io.StringIO()
    write_json(doc, out)
    write_jsonl(doc, out)
    out.getvalue().encode("utf-8")  # would raise on a surrogate


def test_lone_surrogate_through_cli_and_ingest(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_bytes(jsonl({"text": "Russia attacked Ukraine \ud800 on Monday near Kharkiv.", "id": "a"},
                          {"text": attack(3), "id": "b"}))
    r = run("extract", str(src), "--format", "jsonl")
    assert r.returncode == 0, r.stderr.decode()
    assert {json.loads(x)["doc_id"] for x in r.stdout.decode().splitlines()} == {"a", "b"}
    r = run("ingest", str(src), "--db", str(tmp_path / "e.db"), "--no-progress")
    assert r.returncode == 0 and "2 added" in r.stderr.decode(), r.stderr.decode()


def test_non_string_title_in_actors_command(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_bytes(jsonl({"text": attack(0), "title": 5}, {"text": attack(1)}))
    r = run("actors", str(src), "--format", "jsonl")
    err = r.stderr.decode()
    assert r.returncode == 1 and "Traceback" not in err
    assert "c.jsonl: E018 line 1: field 'title'" in err and "1 documents done, 1 inputs failed" in err
    assert "Russia" in r.stdout.decode()


def test_unexpected_exception_is_E099_naming_the_input_and_the_run_goes_on(monkeypatch):
    import chronik.ingest as ingest

    real = ingest.document_from_text

    def flaky(text, doc_id, **kw):
        if "Odesa" in text:
            raise RuntimeError("boom")
        return real(text, doc_id, **kw)

    monkeypatch.setattr(ingest, "document_from_text", flaky)
    docs, errs = split(documents_from_bytes(jsonl({"text": attack(0)}, {"text": attack(1)}, {"text": attack(2)}),
                                            "c.jsonl"))
    assert len(docs) == 2
    assert errs == ["c.jsonl:2: E099 internal error while processing this input (RuntimeError: boom); please report it"]


# files and folders -----------------------------------------------------------------
def corpus_with_loop(tmp_path, n: int):
    """A folder of ``n`` articles and a symbolic link loop (loop1 -> loop2 -> loop1)."""
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(n):
        (d / f"a{i}.txt").write_text(attack(i), encoding="utf-8")
    os.symlink(d / "loop2", d / "loop1")
    os.symlink(d / "loop1", d / "loop2")
    return d


def test_symlink_loop_does_not_hide_the_rest_of_the_folder(tmp_path):
    d = corpus_with_loop(tmp_path, 4)
    os.symlink(d, d / "self")  # a symlink to a folder above: not followed
    docs, errs = split(load_documents([str(d)]))
    assert sorted(x.id for x in docs) == ["a0", "a1", "a2", "a3"]
    assert len(errs) == 2 and all("symbolic links" in e for e in errs), errs


def test_cli_symlink_loop_folder(tmp_path):
    d = corpus_with_loop(tmp_path, 3)
    r = run("extract", str(d), "--format", "jsonl")
    assert {json.loads(x)["doc_id"] for x in r.stdout.decode().splitlines()} == {"a0", "a1", "a2"}
    assert r.returncode == 1 and r.stderr.decode().count("E009") == 2


def test_too_large_input_and_document_are_refused(tmp_path, small_limits):
    small_limits(max_input_bytes=10_000, max_document_chars=2_000)
    big = tmp_path / "big.txt"
    big.write_text(attack(0) + " " + "word " * 5_000, encoding="utf-8")
    (err,) = load_documents([str(big)])
    assert isinstance(err, InputError) and "E014 input too large" in str(err)
    data = jsonl({"text": "x " * 1_500, "id": "long"}, {"text": attack(1), "id": "short"})
    docs, errs = split(documents_from_bytes(data, "c.jsonl"))
    assert [d.id for d in docs] == ["short"] and "E014 document too large" in errs[0]


def test_long_title_is_cut_and_long_lines_are_split():
    title = " ".join(["Minister"] * 20_000)
    (doc,) = documents_from_bytes(jsonl({"text": attack(0), "title": title}), "c.jsonl")
    lim = limits_mod.limits()
    assert len(doc.title) <= lim.max_title_chars
    text = "Russia attacked Ukraine near Kharkiv " * 10_000  # one 370,000-character line
    doc = chronik.extract(text, lang="en")
    assert max(len(line) for line in doc.text.split("\n")) <= lim.max_line_chars


def test_sentence_without_full_stop_is_split_into_bounded_pieces():
    text = ", ".join(["Russia attacked Ukraine near Kharkiv"] * 3_000)  # 110,000 characters, no full stop
    doc = chronik.extract(text, lang="en")
    lim = limits_mod.limits().max_sentence_chars
    assert len(doc.sentences) > 40 and max(len(s.text) for s in doc.sentences) <= lim
    assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)
    assert any(e.type == "ASSAULT" for e in doc.events)


def test_time_budget_stops_a_document(small_limits):
    from chronik.limits import DocumentTimeout, time_budget

    start = time.monotonic()
    with pytest.raises(DocumentTimeout, match="E015"):
        with time_budget(0.3):
            while True:
                sum(range(1000))
    assert time.monotonic() - start < 2


# archives ------------------------------------------------------------------------
def _warc(records: list[tuple[str, bytes]], gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for url, body in records:
        h = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=h))
    return buf.getvalue()


def _page(i: int) -> bytes:
    return (f"<html><body><article><h1>Attack near {PLACES[i]}</h1><p>{attack(i)}</p>"
            f"<p>The European Union condemned the attack and urged Russia to stop.</p></article></body></html>").encode()


def test_truncated_warc_never_raises():
    raw = _warc([("http://example.com/a", _page(0)), ("http://example.com/b", _page(1))], gz=False)
    truncated = 0
    for cut in range(60, len(raw), 23):
        items = list(documents_from_bytes(raw[:cut], "news.warc"))  # must not raise
        assert all(isinstance(i, (Document, InputError)) for i in items)
        truncated += any("truncated" in str(i) for i in items)
    assert truncated >= 1


def test_gzip_bomb_in_warc_is_stopped(tmp_path, small_limits):
    small_limits(max_input_bytes=2_000_000)
    bomb = _warc([("http://example.com/a", _page(0)),
                  ("http://example.com/bomb", b"<html><body><p>" + b"A" * 30_000_000 + b"</p></body></html>")])
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(bomb)
    docs, errs = split(load_documents([str(path)]))
    assert len(docs) == 1 and len(errs) == 1 and "E014" in errs[0] and "bomb" in errs[0]


def test_gunzip_bounded_ratio_guard(small_limits):
    small_limits(max_decompression_ratio=50)
    data = gzip.compress(b"\0" * 20_000_000)
    with pytest.raises(limits_mod.LimitError, match="E014"):
        limits_mod.gunzip_bounded(data)
    assert limits_mod.gunzip_bounded(gzip.compress(b"hello")) == b"hello"


# hardened XML -------------------------------------------------------------------
ITEMS = ("<item><title>Attack</title><description>&e;</description></item>")
XML_ATTACKS = {
    "xxe-file": '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                f"<rss version='2.0'><channel><title>t</title>{ITEMS}</channel></rss>",
    "xxe-network": '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]>'
                   f"<rss version='2.0'><channel><title>t</title>{ITEMS}</channel></rss>",
    "billion-laughs": '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol">'
                      + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
                      + '<!ENTITY e "&j;">]>'
                      f"<rss version='2.0'><channel><title>t</title>{ITEMS}</channel></rss>",
    "quadratic-blowup": '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e "' + "x" * 100_000 + '">]>'
                        "<rss version='2.0'><channel><title>t</title>"
                        + "<item><title>A</title><description>" + "&e;" * 20_000 + "</description></item>"
                        + "</channel></rss>",
    "parameter-entity": '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>'
                        "<rss version='2.0'><channel><title>t</title><item><title>A</title></item></channel></rss>",
}


@pytest.mark.parametrize("name", sorted(XML_ATTACKS))
def test_hostile_feed_xml_is_refused_fast(name):
    start = time.monotonic()
    items = list(documents_from_bytes(XML_ATTACKS[name].encode(), f"{name}.rss"))
    assert time.monotonic() - start < 5
    assert len(items) == 1 and isinstance(items[0], InputError) and "E017" in str(items[0]), items
    assert "root:" not in str(items[0])


def test_feed_parser_is_defusedxml():
    import feedparser.api

    from chronik.ingest.feeds import parse_feed

    feed = parse_feed(b"<rss version='2.0'><channel><title>t</title><item><title>A &amp; B</title></item></channel></rss>",
                      "x.rss")
    assert feed.entries[0].title == "A & B"
    assert feedparser.api.PREFERRED_XML_PARSERS == ["defusedxml.expatreader"]


def test_surrogate_character_references_in_a_feed():
    body = " ".join([attack(0)] * 6)
    feed = (f"<rss version='2.0'><channel><title>t &#xD800;</title><item><title>A &#55296; &#xdfff;</title>"
            f"<guid>g1</guid><description>{body} &#xD800;</description></item></channel></rss><p &#xD800;")
    (doc,) = documents_from_bytes(feed.encode(), "s.rss")
    assert isinstance(doc, Document) and "\ufffd" in doc.title


def test_feed_entries_are_capped(small_limits):
    from chronik.ingest.feeds import documents_from_feed_text

    small_limits(max_feed_entries=3)
    body = " ".join([attack(0)] * 6)
    items = "".join(f"<item><title>T{i}</title><guid>g{i}</guid><description>{body}</description></item>"
                    for i in range(10))
    feed = f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>"
    docs, errs = split(documents_from_feed_text(feed, "x.rss", fetch_articles=False))
    assert len(docs) == 3 and len(errs) == 1 and "E014 feed too large: 10 entries" in errs[0]


# the store -------------------------------------------------------------------------
def test_published_0001_01_01_does_not_stop_the_ingest(tmp_path):
    dates = ["2023-09-01", "0001-01-01", "2023-09-02", "9999-12-31", "2023-09-03"]
    data = jsonl(*({"id": f"d{i}", "text": attack(i), "published": p} for i, p in enumerate(dates)))
    with store_mod.open(str(tmp_path / "e.db")) as store:
        rep = store.ingest(documents_from_bytes(data, "c.jsonl"), batch_size=2)
        assert rep.failed == 0 and rep.added == 5
        assert store.stats()["documents"] == 5


def test_a_document_the_store_cannot_take_fails_alone(tmp_path, monkeypatch):
    import chronik.store.db as db_mod

    real = db_mod.Store._write_document

    def picky(self, doc, *a, **kw):
        if doc.id == "d2":
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return real(self, doc, *a, **kw)

    monkeypatch.setattr(db_mod.Store, "_write_document", picky)
    data = jsonl(*({"id": f"d{i}", "text": attack(i), "published": "2023-09-01"} for i in range(5)))
    with store_mod.open(str(tmp_path / "e.db")) as store:
        rep = store.ingest(documents_from_bytes(data, "c.jsonl"), batch_size=5)
        assert rep.added == 4 and rep.failed == 1
        assert "c.jsonl:3" in rep.errors[0] and "E099" in rep.errors[0] and "OverflowError" in rep.errors[0]
        docs = {r[0] for r in store.db.all("SELECT doc_id FROM documents")}
        assert docs == {"d0", "d1", "d3", "d4"}
        assert store.db.scalar("SELECT COUNT(*) FROM mentions m JOIN documents d ON d.id = m.document_id "
                               "WHERE d.doc_id = 'd2'") == 0


# query filters ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    from chronik.store import synthetic

    db = tmp_path_factory.mktemp("q") / "q.db"
    with store_mod.open(str(db)) as store:
        docs = []
        for i in range(30):
            title, text = synthetic.article(i, seed=3)
            docs.append(Document(id=f"s{i}", text=text, title=title, lang="en", published="2023-06-01"))
        docs.append(Document(id="pct", text="Russia attacked the 100% Party on 2023-06-02 near the border.", lang="en",
                             published="2023-06-02"))
        store.ingest(docs, process=synthetic.code)
    return str(db)


def test_actor_like_wildcards_are_escaped_and_codes_ignore_case(filled):
    with store_mod.open(filled) as store:
        total = len(list(store.events().records()))
        assert total > 20
        for pattern in ("%", "_", "%%", "_%_", "\\"):
            assert len(list(store.events(actor=pattern).records())) < total, pattern
        assert list(store.events(actor="%").records()) == []
        usa = len(list(store.events(actor="USA").records()))
        assert usa > 0 and len(list(store.events(actor="usa").records())) == usa
        assert len(list(store.events(actor="Usa").records())) == usa
        aze = len(list(store.events(actor="azerbaijan").records()))
        assert aze > 0 and aze == len(list(store.events(actor="AZERBAIJAN").records()))


@pytest.mark.parametrize("filters", [{"actor": ""}, {"actor": "   "}, {"source": " "}, {"target": ""},
                                     {"country": " "}, {"text": " "}])
def test_blank_filters_are_refused(filled, filters):
    with store_mod.open(filled) as store:
        with pytest.raises(store_mod.StoreError):
            list(store.events(**filters).records())


def test_cli_query_refuses_blank_and_wildcard_actor(filled):
    r = run("query", "--db", filled, "--actor", " ", "--format", "jsonl")
    assert r.returncode == 1 and "--actor is blank" in r.stderr.decode()
    r = run("query", "--db", filled, "--actor", "%", "--format", "jsonl")
    assert r.returncode == 0 and r.stdout == b""


# CLI exits: broken pipe, Ctrl-C -------------------------------------------------------
def _closed_stdout(args: list[str], stdin=subprocess.DEVNULL):
    proc = subprocess.Popen([sys.executable, "-m", "chronik", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=stdin)
    proc.stdout.close()  # the reader goes away before the first line is written
    _, err = proc.communicate(timeout=120)
    return proc.returncode, err.decode()


@pytest.mark.parametrize("cmd", ["extract", "actors", "query", "export", "stats"])
def test_broken_pipe_is_quiet_with_status_0(cmd, filled):
    args = {"extract": ["extract", str(FOUNDING), "--format", "jsonl"],
            "actors": ["actors", str(FOUNDING), "--format", "jsonl"],
            "query": ["query", "--db", filled],
            "export": ["export", "--db", filled, "--format", "jsonl", "-o", "-"],
            "stats": ["stats", "--db", filled, "--format", "json"]}[cmd]
    code, err = _closed_stdout(args)
    assert code == 0 and err == "", err


@pytest.mark.parametrize("cmd", [["extract", "-"], ["actors", "-"], ["ingest", "-", "--db", "{db}", "--no-progress"]])
def test_sigint_exits_130_with_one_message(cmd, tmp_path):
    import signal

    args = [a.replace("{db}", str(tmp_path / "e.db")) for a in cmd]
    proc = subprocess.Popen([sys.executable, "-m", "chronik", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.PIPE)  # stdin stays open: the command waits for input
    time.sleep(2.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    lines = err.decode().strip().splitlines()
    assert proc.returncode == 130 and len(lines) == 1 and "interrupted" in lines[0], lines
