"""`extract --dask`: partitions coded on a Dask cluster give exactly one process's events,
survive a killed worker, are retried and reported by name, and resume."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pa_parquet = pytest.importorskip("pyarrow.parquet")

from chronik import cluster  # noqa: E402
from chronik.cluster import event_record, plan_partitions, run_extract  # noqa: E402
from chronik.ingest import iter_files  # noqa: E402
from chronik.store import open as open_store  # noqa: E402
from chronik.records import flat_row  # noqa: E402

CLI = [sys.executable, "-m", "chronik"]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _expected_rows(docs):
    return [flat_row(event_record(d, i, ev)) for d in docs for i, ev in enumerate(d.events)]


def _parquet_rows(out):
    rows = []
    for f in sorted(Path(out).glob("part-*.parquet")):
        rows.extend(pa_parquet.read_table(f).to_pylist())
    return rows


def _run(*args, timeout=300):
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout)


def test_cluster_plan_partitions_follow_the_loaders_order(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        for i in range(3):
            (tmp_path / sub / f"{sub}{i}.txt").write_text(f"Artikel {sub} {i}.", encoding="utf-8")
    (tmp_path / "a" / "corpus.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    parts = plan_partitions([str(tmp_path)], files_per_partition=2)
    assert [f for p in parts for f in p.inputs] == list(iter_files(str(tmp_path)))
    assert all(len(p.inputs) <= 2 for p in parts)
    shard = next(p for p in parts if p.inputs[0].endswith(".jsonl"))
    assert shard.inputs == (str(tmp_path / "a" / "corpus.jsonl"),) and shard.name == shard.inputs[0]
    assert all(len({os.path.dirname(f) for f in p.inputs}) == 1 for p in parts)  # never across directories
    assert [p.index for p in parts] == list(range(len(parts)))
    assert any(p.name.endswith("files 1-2") for p in parts)


def test_cluster_plan_reports_missing_inputs_and_refuses_stdin(tmp_path):
    errors = []
    assert plan_partitions([str(tmp_path / "nope")], on_error=errors.append) == []
    assert errors == [f"{tmp_path / 'nope'}: E001 no such file or directory"]
    with pytest.raises(cluster.DistributedError, match="standard input"):
        plan_partitions(["-"])


def test_cluster_local2_equals_single_process(scale_corpus, tmp_path):
    root, docs = scale_corpus
    out = tmp_path / "out"
    res = _run("extract", str(root), "--dask", "local:2", "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "8 partitions (0 finished before, 0 retried, 0 failed): 200 documents" in res.stderr
    expected = _expected_rows(docs)
    assert len(expected) > 40 and _parquet_rows(out) == expected
    import pandas as pd

    assert len(pd.read_parquet(out)) == len(expected)  # the directory reads as one table of events

    # the store loaded from the partitions equals a single-process ingest of the corpus
    db = tmp_path / "events.db"
    res = _run("ingest", "--from-parquet", str(out), "--db", str(db), "--no-progress")
    assert res.returncode == 0, res.stderr
    with open_store(str(tmp_path / "reference.db")) as ref:
        ref.ingest(docs, process=lambda d: d)
        want = ref.dump()
    with open_store(str(db)) as store:
        assert store.dump() == want

    # resumable: a second run finds every partition finished and starts no cluster
    res = _run("extract", str(root), "--dask", "local:2", "-o", str(out))
    assert res.returncode == 0 and "8 partitions (8 finished before" in res.stderr


def test_cluster_worker_killed_mid_run_still_gives_the_complete_result(scale_corpus, tmp_path):
    from distributed import Client, LocalCluster

    root, docs = scale_corpus
    out = tmp_path / "out"
    killed = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as lc, Client(lc) as client:

        def kill_a_busy_worker(result):
            if killed:
                return
            busy = [(addr, keys) for addr, keys in client.processing().items() if keys]
            if busy:
                addr, keys = busy[0]
                pid = client.run(os.getpid, workers=[addr])[addr]
                os.kill(pid, signal.SIGKILL)
                killed.append((addr, list(keys)))

        rep = run_extract([str(root)], str(out), client, retries=2, on_result=kill_a_busy_worker)
        assert killed and killed[0][1], "no worker was busy when the first partition finished"
        assert rep.failed_partitions == [] and rep.documents == 200 and rep.partitions == 8
        assert _parquet_rows(out) == _expected_rows(docs)

        # resumable: only the partitions whose files are gone are coded again
        (out / "_chronik" / "done-00002.json").unlink()
        (out / "part-00005.parquet").unlink()
        again = run_extract([str(root)], str(out), client)
    assert (again.finished_before, again.documents, again.failed_partitions) == (6, 200, [])
    assert _parquet_rows(out) == _expected_rows(docs)


def test_cluster_failed_partition_is_retried_then_reported_by_name(tmp_path, monkeypatch):
    from distributed import Client, LocalCluster

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in sorted(os.listdir(EXAMPLES))[:3]:
        (corpus / f"{name}.jsonl").write_text(
            '{"id": "%s", "text": %s}\n' % (name, __import__("json").dumps((EXAMPLES / name).read_text(
                encoding="utf-8", errors="replace"))), encoding="utf-8")
    parts = plan_partitions([str(corpus)])
    flaky, broken = parts[0].name, parts[1].name
    real = cluster.run_partition
    log = tmp_path / "attempts.log"  # a file: the task may run on a copy of this closure

    def failing(part, *args):
        with open(log, "a", encoding="utf-8") as f:
            f.write(part.name + "\n")
        tries = log.read_text(encoding="utf-8").splitlines().count(part.name)
        if part.name == broken or (part.name == flaky and tries == 1):
            raise OSError(f"disk full while writing {part.stem}")
        return real(part, *args)

    monkeypatch.setattr(cluster, "run_partition", failing)
    errors, notes = [], []
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as lc, Client(lc) as client:
        rep = run_extract([str(corpus)], str(tmp_path / "out"), client, retries=1,
                          on_error=errors.append, log=notes.append)
    assert rep.retried == [flaky, broken] or sorted(rep.retried) == sorted([flaky, broken])
    calls = log.read_text(encoding="utf-8").splitlines()
    assert rep.failed_partitions == [broken] and calls.count(broken) == 2 and calls.count(flaky) == 2
    assert any(broken in e and "failed after 2 attempts" in e and "disk full" in e for e in errors)
    assert any(flaky in n and "retrying" in n for n in notes)
    assert broken in rep.summary()

    # loading an incomplete run names the missing partition and still loads the others
    res = _run("ingest", "--from-parquet", str(tmp_path / "out"), "--db", str(tmp_path / "e.db"), "--no-progress")
    assert res.returncode == 1
    assert f"partition {broken} (part-00001) is not finished" in res.stderr
    assert "2 added" in res.stderr


def test_cluster_cli_errors_are_one_line(tmp_path):
    res = _run("ingest", "--from-parquet", str(tmp_path), "--db", str(tmp_path / "e.db"))
    assert res.returncode == 1 and res.stderr.count("\n") == 1 and "not the output of chronik extract --dask" in res.stderr
    res = _run("extract", str(EXAMPLES), "--dask", "local:2")
    assert res.returncode == 2 and "-o DIR" in res.stderr and "Traceback" not in res.stderr
    res = _run("extract", "-", "--dask", "local:2", "-o", str(tmp_path / "o"))
    assert res.returncode == 1 and "standard input" in res.stderr and "Traceback" not in res.stderr
    res = _run("extract", str(EXAMPLES), "--dask", "local:zero", "-o", str(tmp_path / "o"))
    assert res.returncode == 1 and "local:N" in res.stderr and "Traceback" not in res.stderr


def test_cluster_partition_is_finished_only_while_its_inputs_are_unchanged(tmp_path):
    src = EXAMPLES / "de-azvision-blinken-aliyev.txt"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (part,) = plan_partitions([str(corpus)])
    out = tmp_path / "out"
    res = cluster.run_partition(part, str(out))
    assert res.documents == 1 and res.events >= 1 and res.errors == []
    assert cluster.finished(part, str(out)) == res
    assert not list(out.rglob("*.tmp"))  # written under temporary names, then renamed
    with open(corpus / src.name, "a", encoding="utf-8") as f:
        f.write("\nEin weiterer Absatz.\n")
    assert cluster.finished(part, str(out)) is None  # the input changed: code it again
