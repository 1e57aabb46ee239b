"""`chronik ingest | query | export | stats` end to end (the NLP pipeline is replaced by
the store's synthetic coder, so these tests exercise the store and the commands)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import chronik.store.db as store_db
from chronik.cli import cli
from chronik.store import synthetic

ARTICLES = {
    "reuters-1.txt": "Russia attacked Ukraine on 2023-03-01 near Kharkiv, officials said. "
                     "Ukraine urged Russia on 2023-03-01 to stop the shelling of civilians, officials said.",
    "afp-2.txt": "Russia attacked Ukraine on 2023-03-02 near Kharkiv overnight, officials said.",
    "dpa-3.txt": "France praised Germany on 2023-04-10 for the pipeline deal, officials said.",
    "ap-4.txt": "The United States sanctioned Iran on 2023-05-20 over drone exports, officials said.",
}


@pytest.fixture()
def runner(monkeypatch):
    monkeypatch.setattr(store_db, "_default_process", lambda: synthetic.code)
    return CliRunner()


@pytest.fixture()
def db(tmp_path, runner):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    path = str(tmp_path / "events.db")
    res = runner.invoke(cli, ["ingest", str(corpus), "--db", path, "--lang", "en", "--published", "2023-05-21"])
    assert res.exit_code == 0, res.output
    assert "4 added" in res.output and "1 merged" in res.output
    return path


def test_ingest_twice_is_idempotent(runner, db, tmp_path):
    res = runner.invoke(cli, ["ingest", str(tmp_path / "corpus"), "--db", db, "--lang", "en", "--published", "2023-05-21"])
    assert res.exit_code == 0 and "4 unchanged" in res.output and "0 events" in res.output


def test_stats_json(runner, db):
    res = runner.invoke(cli, ["stats", "--db", db, "--format", "json"])
    st = json.loads(res.output)
    assert (st["documents"], st["events"], st["mentions"]) == (4, 4, 10)
    assert st["by_type"]["ASSAULT"] == 1 and st["merged_events"] == 1
    assert st["top_dyads"][0] == {"source": "RUS", "target": "UKR", "events": 1} or len(st["top_dyads"]) == 4
    assert sum(st["per_day"].values()) == 4 and "2023-05-20" in st["per_day"]


def test_stats_table(runner, db):
    res = runner.invoke(cli, ["stats", "--db", db])
    assert res.exit_code == 0 and "documents" in res.output and "ASSAULT" in res.output


@pytest.mark.parametrize("args,types", [
    (["--actor", "UKR"], ["REQUEST", "ASSAULT"]),  # afp-2 (2023-03-02) came first: its date is kept
    (["--actor", "Iran"], ["SANCTION"]),
    (["--type", "assault"], ["ASSAULT"]),
    (["--country", "deu"], ["SUPPORT"]),
    (["--since", "2023-04-01", "--until", "2023-04-30"], ["SUPPORT"]),
    (["--text", "drone exports"], ["SANCTION"]),
])
def test_query_jsonl(runner, db, args, types):
    res = runner.invoke(cli, ["query", "--db", db, "--format", "jsonl", *args])
    assert res.exit_code == 0, res.output
    recs = [json.loads(line) for line in res.output.splitlines()]
    assert [r["type"] for r in recs] == types


def test_query_table_and_csv(runner, db):
    res = runner.invoke(cli, ["query", "--db", db, "--actor", "RUS"])
    assert "Russia (RUS/GOV)" in res.output and "2023-03-01" in res.output
    res = runner.invoke(cli, ["query", "--db", db, "--format", "csv", "--type", "ASSAULT"])
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert rows[0]["num_mentions"] == "2" and rows[0]["doc_ids"] == "afp-2;reuters-1" or rows[0]["doc_ids"] == "reuters-1;afp-2"


@pytest.mark.parametrize("args,message", [
    (["query", "--db", "missing.db"], "no such database: missing.db"),
    (["stats", "--db", "/nonexistent/dir/x.db"], "no such database"),
    (["ingest", "x.txt", "--db", "/nonexistent/dir/x.db"], "directory /nonexistent/dir does not exist"),
    (["export", "--db", "{db}", "--format", "parquet", "-o", "-"], "parquet export needs a file"),
    (["export", "--db", "{db}", "--format", "csv", "-o", "/nonexistent/out.csv"], "cannot write /nonexistent/out.csv"),
    (["ingest", "x.txt", "--db", "postgresql://u:secret@127.0.0.1:1/db"], "cannot connect to postgresql://u:***@"),
])
def test_errors_are_one_line(runner, db, args, message):
    res = runner.invoke(cli, [a.format(db=db) for a in args])
    assert res.exit_code == 1
    assert message in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_bad_input_files_warn_and_exit_1(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "ok.txt").write_text(ARTICLES["dpa-3.txt"])
    res = runner.invoke(cli, ["ingest", str(tmp_path / "empty.txt"), str(tmp_path / "ok.txt"), "--db",
                              str(tmp_path / "e.db"), "--lang", "en"])
    assert res.exit_code == 1
    assert "warning" in res.output and "E004" in res.output and "1 added" in res.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "gdelt", "plover", "parquet"])
def test_export_formats(runner, db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    res = runner.invoke(cli, ["export", "--db", db, "--format", fmt, "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "wrote 4 events" in res.output
    if fmt == "parquet":
        import pyarrow.parquet as pq

        t = pq.read_table(out)
        assert t.num_rows == 4 and "source_country" in t.column_names
        assert sorted(t.column("num_mentions").to_pylist()) == [1, 1, 1, 2]
        return
    text = out.read_text(encoding="utf-8")
    if fmt == "jsonl":
        recs = {json.loads(line)["type"]: json.loads(line) for line in text.splitlines()}
        assert len(recs["ASSAULT"]["mentions"]) == 2 and recs["ASSAULT"]["num_sources"] == 2
        assert {m["doc_id"] for m in recs["ASSAULT"]["mentions"]} == {"reuters-1", "afp-2"}
    elif fmt == "csv":
        assert text.splitlines()[0].startswith("event_id,global_event_id,date,")
    elif fmt == "gdelt":
        rows = [line.split("\t") for line in text.splitlines()]
        assert {len(r) for r in rows} == {61}
        r = next(r for r in rows if r[26] == "190")
        assert r[1] in ("20230301", "20230302") and r[5] == "RUSGOV" and r[7] == "RUS" and r[15] == "UKRGOV"
        assert r[26] == "190" and r[29] == "4" and r[31] == "2"  # EventCode, QuadClass, NumMentions
    else:
        recs = [json.loads(line) for line in text.splitlines()]
        r = next(r for r in recs if r["event"] == ["ASSAULT"])
        assert r["actor"][0]["code"] == "RUS" and r["recipient"][0]["sector"] == "GOV"
        assert r["date"] in ("2023-03-01", "2023-03-02") and len(r["event_text"]) == 2 and r["quad_code"] == 4


def test_export_with_filters_to_stdout(runner, db):
    res = runner.invoke(cli, ["export", "--db", db, "--format", "jsonl", "-o", "-", "--actor", "IRN"])
    assert [json.loads(line)["type"] for line in res.output.splitlines()] == ["SANCTION"]


def test_jsonl_corpus_and_updates(runner, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": ARTICLES["dpa-3.txt"], "url": "https://a/x"}) + "\n")
    path = str(tmp_path / "u.db")
    assert runner.invoke(cli, ["ingest", str(corpus), "--db", path, "--lang", "en"]).exit_code == 0
    corpus.write_text(json.dumps({"id": "x", "text": ARTICLES["ap-4.txt"], "url": "https://a/x"}) + "\n")
    res = runner.invoke(cli, ["ingest", str(corpus), "--db", path, "--lang", "en"])
    assert "1 updated" in res.output
    out = runner.invoke(cli, ["query", "--db", path, "--format", "jsonl"]).output
    assert [json.loads(line)["type"] for line in out.splitlines()] == ["SANCTION"]


def test_real_pipeline_end_to_end(tmp_path):
    """With the real extractor: what `chronik ingest` stores is what chronik.extract finds."""
    import chronik

    texts = {
        "de-blinken.txt": "Am 19. September rief Antony Blinken Ilham Aliyev an. Blinken forderte ein sofortiges Ende der Kämpfe.",
        "en-protest.txt": "Police arrested dozens of protesters in Tbilisi on Saturday, the interior ministry said.",
    }
    try:
        expected = sum(len(chronik.extract(t, published="2023-09-20").events) for t in texts.values())
    except Exception as exc:  # noqa: BLE001 - the extractor is developed elsewhere
        pytest.skip(f"extraction pipeline not usable here: {exc}")
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "real.db")
    runner = CliRunner()
    args = ["ingest", str(tmp_path / "de-blinken.txt"), str(tmp_path / "en-protest.txt"), "--db", db,
            "--published", "2023-09-20"]
    res = runner.invoke(cli, args)
    assert res.exit_code == 0, res.output
    st = json.loads(runner.invoke(cli, ["stats", "--db", db, "--format", "json"]).output)
    assert st["documents"] == 2 and st["events"] + 0 <= expected and st["event_mentions"] == expected
    assert "2 unchanged" in runner.invoke(cli, args).output
