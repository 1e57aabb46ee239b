"""Crash safety: SIGKILL `chronik ingest` at arbitrary moments, re-run, and compare the
database with one from an uninterrupted run (canonical dumps, ids and timestamps aside)."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import chronik.store as store_mod
from chronik.store import synthetic

pytestmark = pytest.mark.skipif(os.name != "posit" and not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

DRIVER = """
import sys, time
import chronik.store.db as db
from chronik.store import synthetic

def slow(doc):
    time.sleep(0.004)
    return synthetic.code(doc)

db._default_process = lambda: slow
from chronik.cli import main
sys.argv = ["chronik", "ingest", *sys.argv[1:]]
main()
"""


def corpus(path, n=70):
    lines = []
    for i in range(n):
        title, text = synthetic.article(i, seed=7)
        lines.append({"id": f"a{i:03d}", "title": title, "text": text, "url": f"https://n{i % 5}.example/{i}",
                      "published": "2023-06-01"})
        if i % 10 == 3:  # a wire copy of this article
            lines.append({"id": f"copy{i:03d}", "text": "From our partners. " + text, "url": f"https://copy.example/{i}"})
        if i % 10 == 6:  # a second report of this article's first event, from another outlet
            first = synthetic._EVENT.search(text).group(0)
            lines.append({"id": f"rep{i:03d}", "text": first + " The ministry repeated the claim in a statement later.",
                          "url": f"https://other.example/{i}"})
        if i == 20:
            lines.append({"id": "a003", "text": "Russia attacked Ukraine on 2023-06-02 near Kharkiv, officials said.",
                          "url": "https://n3.example/3"})  # an update of an earlier article
    with open(path, "w", encoding="utf-8") as f:
        for obj in lines:
            f.write(json.dumps(obj) + "\n")
    return len(lines)


def run(driver, corpus_path, db, *, kill_after_docs=None, rng=None):
    cmd = [sys.executable, str(driver), str(corpus_path), "--db", str(db), "--lang", "en", "--batch-size", "4",
           "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if kill_after_docs is None:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        return False
    deadline = time.time() + 60
    while proc.poll() is None and time.time() < deadline:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as c:
                n = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            n = 0
        if n >= kill_after_docs:
            break
        time.sleep(0.005)
    time.sleep(rng.uniform(0, 0.03))
    killed = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return killed


def dump(db):
    with store_mod.open(str(db)) as s:
        return json.dumps(s.dump(), sort_keys=True, default=str)


def test_sigkill_then_rerun_equals_clean_run(tmp_path):
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    src = tmp_path / "corpus.jsonl"
    total = corpus(src)
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    run(driver, src, clean)
    rng = random.Random(5)
    kills = sum(run(driver, src, crashed, kill_after_docs=k, rng=rng) for k in (2, 12, 25, 38, 52))
    assert kills >= 3, "the ingest finished before it could be killed"
    run(driver, src, crashed)
    assert dump(crashed) == dump(clean)
    with store_mod.open(str(clean)) as s:
        st = s.stats()
    assert st["duplicates"] == 7 and st["merged_events"] >= 5
    assert st["documents"] + st["duplicates"] == total - 1  # one line updates an earlier article
    # and one more run changes nothing
    run(driver, src, clean)
    assert dump(crashed) == dump(clean)


def test_two_concurrent_ingests_into_one_store_equal_a_clean_run(tmp_path):
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    src = tmp_path / "corpus.jsonl"
    corpus(src)
    clean, shared = tmp_path / "clean.db", tmp_path / "shared.db"
    run(driver, src, clean)
    cmd = [sys.executable, str(driver), str(src), "--db", str(shared), "--lang", "en", "--batch-size", "4",
           "--no-progress"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == 0, err.decode()
    assert dump(shared) == dump(clean)
