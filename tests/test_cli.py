"""The CLI as a user runs it: a real subprocess, exit codes, one-line errors, formats."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import EXAMPLES, FOUNDING


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "chronik", *args], input=stdin, capture_output=True, timeout=120)


def test_cli_extract_json_document_shape():
    r = run("extract", str(FOUNDING), "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout.decode())  # issue 11: one JSON document, not one object per line
    assert set(doc) == {"documents", "skipped"} and doc["skipped"] == []
    [obj] = doc["documents"]
    assert set(obj["document"]) == {"id", "title", "published", "lang", "source", "url", "text"}
    assert obj["document"]["id"] == "de-azvision-blinken-aliyev"
    assert isinstance(obj["events"], list)


def test_cli_extract_jsonl_is_event_records():
    r = run("extract", str(FOUNDING), "--format", "jsonl")
    assert r.returncode == 0, r.stderr.decode()
    recs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert recs, "the founding article has events"
    for rec in recs:
        assert rec["doc_id"] == "de-azvision-blinken-aliyev"
        assert {"event_id", "type", "source", "target", "date", "evidence", "cameo", "quad", "intensity", "status"} <= set(rec)


def test_cli_extract_stdin_and_table():
    r = run("extract", "-", "--format", "table", "--lang", "de", "--published", "2023-09-20",
            stdin="Am 19. September rief US-Außenminister Antony Blinken den Präsidenten Ilham Aliyev an.".encode())
    assert r.returncode == 0, r.stderr.decode()
    assert "stdin" in r.stdout.decode()


def test_cli_extract_bad_inputs_one_line_each_and_exit_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02" * 50)
    r = run("extract", str(tmp_path / "missing.txt"), str(empty), str(binary), str(FOUNDING), "--format", "jsonl")
    assert r.returncode == 1
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 3
    assert "Traceback" not in r.stderr.decode()
    assert any("missing.txt" in e and "E001" in e for e in err)
    assert any("empty.txt" in e and "E004" in e for e in err)
    assert any("b.bin" in e and "E003" in e for e in err)
    assert r.stdout.decode().strip(), "the good input is still processed"


@pytest.mark.parametrize("args", [["extract"], ["extract", str(FOUNDING), "--published", "20.09.2023"], ["extract", str(FOUNDING), "--lang", "fr"]])
def test_cli_usage_errors_exit_2(args):
    r = run(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr.decode()


def test_cli_extract_directory_of_examples():
    r = run("extract", str(EXAMPLES), "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    ids = [d["document"]["id"] for d in json.loads(r.stdout.decode())["documents"]]
    assert {"de-azvision-blinken-aliyev", "en-example-ceasefire-talks", "en-corpus-1", "de-corpus-1"} <= set(ids)


@pytest.mark.parametrize("cmd", ["extract", "actors"])
def test_cli_commands_have_help(cmd):
    r = run(cmd, "--help")
    assert r.returncode == 0 and b"Usage" in r.stdout


def test_cli_kb_import_builds_people_file_and_reports_bad_lines(tmp_path):
    from .conftest import ROOT

    out = tmp_path / "people.tsv"
    r = run("kb-import", str(ROOT / "tests" / "fixtures" / "wikidata-mini.json"), "-o", str(out))
    assert r.returncode == 1  # the fixture has one corrupt line, reported, not fatal
    assert "Traceback" not in r.stderr.decode()
    rows = [line for line in out.read_text().splitlines() if not line.startswith("#")]
    assert any(line.split("\t")[1] == "Barack Obama" for line in rows)


def test_cli_extra_people_file_is_used(tmp_path):
    people = tmp_path / "extra.tsv"
    people.write_text("# qid\tname\tvariants\tcountry\tsector\trole\tstart\tend\n"
                      "\tHarouna Djibrilla Adamou\t\tNER\tMIL\tjunta member\t2010-02-18\t2011-04-07\n")
    import os

    env = dict(os.environ, CHRONIK_PEOPLE=str(people))
    r = subprocess.run([sys.executable, "-m", "chronik", "actors", "-", "--lang", "de", "--published", "2010-02-20",
                        "--format", "jsonl"], input="Harouna Djibrilla Adamou dankte den Menschen.".encode(),
                       capture_output=True, timeout=120, env=env)
    recs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert any(x["name"] == "Harouna Djibrilla Adamou" and x["country"] == "NER" and x["how"] == "kb" for x in recs)
