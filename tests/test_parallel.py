"""`--jobs N`: a process pool codes documents; the output equals one process's, in order."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from chronik.errors import InputError
from chronik.ingest.text import document_from_text
from chronik.output import write_jsonl
from chronik.parallel import CHUNK_SIZE, PrecodedStream, code_documents
from chronik.store import open as open_store
from chronik.store import synthetic

CLI = [sys.executable, "-m", "chronik"]


def _reference_jsonl(docs) -> str:
    out = io.StringIO()
    for d in docs:
        write_jsonl(d, out)
    return out.getvalue()


def _reference_store(docs, path):
    with open_store(str(path)) as store:
        store.ingest(docs, process=lambda d: d)
        return store.dump()


def test_parallel_jobs2_extract_equals_single_process(scale_corpus, tmp_path):
    root, docs = scale_corpus
    out = tmp_path / "events.jsonl"
    res = subprocess.run([*CLI, "extract", str(root), "--jobs", "2", "--format", "jsonl", "-o", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    expected = _reference_jsonl(docs)
    assert len(expected.splitlines()) > 40  # the corpus really has events to compare
    assert out.read_text(encoding="utf-8") == expected


def test_parallel_jobs2_ingest_equals_single_process(scale_corpus, tmp_path):
    root, docs = scale_corpus
    db = tmp_path / "events.db"
    cmd = [*CLI, "ingest", str(root), "--db", str(db), "--jobs", "2", "--no-progress"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "200 inputs: 200 added" in res.stderr
    with open_store(str(db)) as store:
        got = store.dump()
    assert got == _reference_store(docs, tmp_path / "reference.db")
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "200 unchanged" in again.stderr and "0 events" in again.stderr


def _synthetic_docs(n):
    items = []
    for i in range(n):
        if i % 7 == 3:
            items.append(InputError(f"bad-{i}.txt", "E004 empty file: nothing to extract"))
            continue
        title, text = synthetic.article(i, events=2)
        items.append(document_from_text(f"{title}\n\n{text}", f"doc-{i}", lang="en", published="2023-05-01"))
    return items


def _flaky(doc):
    if doc.id.endswith("5"):
        raise ValueError(f"cannot code {doc.id}")
    return synthetic.code(doc)


@pytest.mark.parametrize("jobs", [2])
def test_parallel_code_documents_keeps_order_and_errors(jobs):
    serial = list(code_documents(_synthetic_docs(60), jobs=1, process=_flaky))
    pooled = list(code_documents(_synthetic_docs(60), jobs=jobs, process=_flaky))
    assert [(r.doc.id if r.doc else None, r.error, r.failure, r.coded) for r in pooled] == \
        [(r.doc.id if r.doc else None, r.error, r.failure, r.coded) for r in serial]
    assert [[e.to_record() for e in r.doc.events] for r in pooled if r.coded] == \
        [[e.to_record() for e in r.doc.events] for r in serial if r.coded]
    errors = [r.error for r in pooled if r.error]
    assert "bad-3.txt: E004 empty file: nothing to extract" in errors
    assert any(e.startswith("doc-5: E099") and "cannot code doc-5" in e for e in errors)
    assert sum(1 for r in pooled if r.coded) == 60 - 9 - 5


def test_parallel_memory_is_bounded():
    pulled = 0

    def source():
        nonlocal pulled
        for item in _synthetic_docs(200):
            pulled += 1
            yield item

    most_ahead = 0
    for n, _ in enumerate(code_documents(source(), jobs=2, process=synthetic.code), 1):
        most_ahead = max(most_ahead, pulled - n)
    assert 0 < most_ahead <= (2 * 2 + 1) * CHUNK_SIZE  # in flight: at most 2 x jobs chunks, never the corpus


def test_parallel_precoded_stream_feeds_the_store_like_its_own_coder(tmp_path):
    items = _synthetic_docs(40)
    with open_store(str(tmp_path / "a.db")) as a:
        rep_a = a.ingest(_synthetic_docs(40), process=_flaky)
        want = a.dump()
    with open_store(str(tmp_path / "b.db")) as b:
        stream = PrecodedStream(code_documents(items, jobs=2, process=_flaky), keep=20, process=_flaky)
        rep_b = b.ingest(iter(stream), process=stream.process)
        assert b.dump() == want
    assert rep_b.to_dict() == rep_a.to_dict() and rep_b.errors == rep_a.errors
    assert rep_a.failed == 6 + 4  # unreadable inputs and documents the coder failed on


def test_parallel_small_input_stays_in_one_process(monkeypatch):
    import chronik.parallel as par

    monkeypatch.setattr(par, "_pooled", lambda *a: pytest.fail("a pool was started for 5 documents"))
    res = list(code_documents(_synthetic_docs(5), jobs=4, min_pool=par.MIN_POOL, process=synthetic.code))
    assert len(res) == 5 and json.dumps([r.error for r in res if r.error])


def test_parallel_unsupported_language_is_skipped_not_failed(tmp_path):
    fr = ("Le président français a rencontré lundi à Paris le chancelier allemand pour discuter de la "
          "guerre en Ukraine et des sanctions contre la Russie, a indiqué l'Élysée dans un communiqué.")
    docs = [document_from_text(fr, f"fr-{i}", published="2023-05-01") for i in range(3)]
    pooled = list(code_documents(docs, jobs=2))
    assert [r.skipped_lang for r in pooled] == ["fr"] * 3 and not any(r.error for r in pooled)
    with open_store(str(tmp_path / "e.db")) as store:
        stream = PrecodedStream(code_documents(docs, jobs=2))
        rep = store.ingest(iter(stream), process=stream.process)
    assert (rep.skipped, rep.failed, rep.added) == (3, 0, 0) and "no language pack" in rep.notes[0]
