#!/usr/bin/env python3
"""Scaling: articles/s with ``--jobs 1`` and ``--jobs 2`` (process pool) and with a local
Dask cluster of 1 and 2 worker processes, on the same corpus of distinct real articles
(the unannotated Wikinews pools of ../shared/corpus, about 1,000 articles, cut into JSON
Lines shards). Prints rates, scaling efficiency (rate with 2 / (2 x rate with 1)) and peak
memory per worker. Start-up (loading the language data, starting the cluster) is timed
apart from the rates. Goals live here, never in tests.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_shards(shared: Path, out: Path, limit: int, per_shard: int) -> int:
    lines = []
    for name in ("de-wikinews.jsonl", "en-wikinews.jsonl"):
        p = shared / "corpus" / name
        if p.exists():
            lines.extend(line for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    lines = lines[:limit] if limit else lines
    for i in range(0, len(lines), per_shard):
        (out / f"shard-{i // per_shard:03d}.jsonl").write_text("\n".join(lines[i:i + per_shard]) + "\n",
                                                              encoding="utf-8")
    return len(lines)


def bench_jobs(corpus: Path, jobs: int) -> tuple[float, int, float]:
    """(seconds, documents, peak RSS MB of the largest worker) for code_documents with ``jobs``."""
    from chronik.ingest import load_documents
    from chronik.parallel import code_documents

    t0 = time.perf_counter()
    n = sum(1 for r in code_documents(load_documents([str(corpus)]), jobs=jobs) if not r.error)
    dt = time.perf_counter() - t0
    who = resource.RUSAGE_SELF if jobs == 1 else resource.RUSAGE_CHILDREN
    return dt, n, resource.getrusage(who).ru_maxrss / 1024


def bench_dask(corpus: Path, workers: int) -> tuple[float, int, float, float]:
    """(seconds, documents, peak RSS MB per worker, start-up seconds) on a local cluster."""
    from distributed import Client, LocalCluster

    from chronik.cluster import run_extract
    from chronik.parallel import warm_up

    t0 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=50) as lc, Client(lc) as client:
        client.run(warm_up)  # every worker loads the language data before the clock starts
        start = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            rep = run_extract([str(corpus)], out, client, retries=1)
            dt = time.perf_counter() - t0
    return dt, rep.documents, max((r.peak_rss_mb for r in rep.results), default=0.0), start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("-n", "--articles", type=int, default=0, help="at most N articles (default: all)")
    ap.add_argument("--per-shard", type=int, default=32, help="articles per JSON Lines shard (a Dask partition)")
    args = ap.parse_args()
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("scale benchmark skipped: dask.distributed is not installed (pip install 'chronik[dask]')")
        return 0
    from chronik.parallel import cpu_count, warm_up

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        total = make_shards(Path(args.shared), corpus, args.articles, args.per_shard)
        if not total:
            print(f"scale benchmark skipped: no corpus under {args.shared}/corpus")
            return 0
        t0 = time.perf_counter()
        warm_up()
        warm = time.perf_counter() - t0
        print(f"machine: {platform.machine()}, {cpu_count()} cores usable, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}")
        print(f"corpus: {total} distinct Wikinews articles (German and English) in "
              f"{-(-total // args.per_shard)} shards; start-up of one process (loads all data): {warm:.1f} s")
        rates = {}
        for jobs in (1, 2):
            dt, n, rss = bench_jobs(corpus, jobs)
            rates[("jobs", jobs)] = n / dt
            print(f"--jobs {jobs}: {n} articles in {dt:.1f} s = {n / dt:.1f} articles/s; "
                  f"peak memory per worker {rss:.0f} MB")
        for workers in (1, 2):
            dt, n, rss, start = bench_dask(corpus, workers)
            rates[("dask", workers)] = n / dt
            print(f"--dask local:{workers}: {n} articles in {dt:.1f} s = {n / dt:.1f} articles/s "
                  f"(cluster start-up and data loading {start:.1f} s, not counted); "
                  f"peak memory per worker {rss:.0f} MB")
        for kind, goal in (("jobs", 0.8), ("dask", 0.7)):
            eff = rates[(kind, 2)] / (2 * rates[(kind, 1)])
            print(f"scaling efficiency {'--jobs' if kind == 'jobs' else 'Dask'} 1 -> 2: {eff:.2f} (goal >= {goal})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
