"""Event-store benchmark (issue 5).

1. Ingest: N generated article variants (default 20,000; 5 % of them wire copies) through
   ``Store.ingest`` with the store's synthetic coder instead of the NLP pipeline, so the
   figure measures the store (hashing, near-duplicate search, merging, indexes,
   transactions), not the extractor. Prints articles/s and the database size.
2. Query: M stored events (default 1,000,000, bulk-inserted) and a dyad + time-range
   query (``store.events(source="USA", target="RUS", since=..., until=...)``), timed as the
   median of several runs including building the Event dataclasses. Target <= 100 ms.

Usage:
    python benchmarks/store_bench.py            # full size (a few minutes on 2 cores)
    python benchmarks/store_bench.py --quick    # 2,000 articles, 100,000 events
    python benchmarks/store_bench.py --db postgresql://...   # ingest part on PostgreSQL
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import random
import statistics
import sys
import tempfile
import time

print = functools.partial(print, flush=True)  # noqa: A001 - progress lines appear when written
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import chronik.store as store_mod  # noqa: E402
from chronik.model import Document  # noqa: E402
from chronik.store import synthetic  # noqa: E402


def size_of(path: str) -> int:
    return sum(os.path.getsize(p) for p in (path, path + "-wal", path + "-shm") if os.path.exists(p))


def articles(n: int) -> list[Document]:
    docs = []
    for i in range(n):
        if i % 20 == 19:  # a wire copy of a recent article
            src = docs[-random.Random(i).randrange(1, 10)]
            docs.append(Document(id=f"copy-{i}", text="(Partner agency) " + src.text, title=src.title, lang="en",
                                 source=f"partner{i % 3}", url=f"https://partner.example/{i}"))
        else:
            docs.append(synthetic.document(i, seed=1, events=3, filler=8))
    return docs


def bench_ingest(db: str, n: int) -> None:
    docs = articles(n)
    with store_mod.open(db) as store:
        t0 = time.perf_counter()
        rep = store.ingest(docs, process=synthetic.code, batch_size=500)
        dt = time.perf_counter() - t0
        st = store.stats()
        if store.db.dialect == "sqlite":
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(f"ingest: {n} articles in {dt:.1f} s = {n / dt:.0f} articles/s "
          f"({rep.added} coded, {rep.duplicates} wire copies detected, {rep.events} event reports, "
          f"{st['events']} events after merging)")
    if "://" not in db:
        print(f"ingest: database size {size_of(db) / 1e6:.1f} MB ({size_of(db) / n / 1e3:.1f} kB per article)")
    t0 = time.perf_counter()
    with store_mod.open(db) as store:
        again = store.ingest(docs, process=synthetic.code, batch_size=500)
    print(f"re-ingest: {again.unchanged} unchanged in {time.perf_counter() - t0:.1f} s")


def bench_export(db: str, tmp: str) -> None:
    """Every export format over the ingested store: events/s and file size."""
    from chronik.export import FORMATS, export

    with store_mod.open(db) as store:
        for fmt in FORMATS:
            out = os.path.join(tmp, f"export.{fmt}")
            t0 = time.perf_counter()
            n = export(store, out, fmt)
            dt = time.perf_counter() - t0
            print(f"export {fmt}: {n} events in {dt:.1f} s = {n / dt:.0f} events/s, {os.path.getsize(out) / 1e6:.1f} MB")


COUNTRIES = ["USA", "RUS", "UKR", "CHN", "FRA", "DEU", "GBR", "TUR", "IRN", "ISR", "ARM", "AZE", "IND", "PAK", "JPN",
             "KOR", "PRK", "SYR", "IRQ", "EGY", "SAU", "POL", "GEO", "BLR", "KAZ", "BRA", "MEX", "NGA", "ETH", "SDN"]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
         "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def bench_query(path: str, m: int) -> None:
    import datetime as dt

    rng = random.Random(42)
    base = dt.date(2015, 1, 1)
    with store_mod.open(path) as store:
        db = store.db
        t0 = time.perf_counter()
        with db.transaction():
            did = db.scalar("INSERT INTO documents (doc_id, content_hash, text, ingested_at) VALUES "
                            "('bench', 'x', 'x', 'now') RETURNING id")

            def rows():
                for i in range(m):
                    s, t = rng.sample(COUNTRIES, 2)
                    day = (base + dt.timedelta(days=rng.randrange(3650))).isoformat()
                    typ = rng.choice(TYPES)
                    rec = {"event_id": f"b#{i}", "doc_id": "bench", "type": typ, "date": day,
                           "source": {"text": s, "name": s, "country": s, "sector": "GOV"},
                           "target": {"text": t, "name": t, "country": t, "sector": "GOV"},
                           "evidence": {"text": f"{s} {typ.lower()} {t}", "start": 0, "end": 10}}
                    yield (f"b#{i}", typ, day, f"{s}|GOV|{s.lower()}", f"{t}|GOV|{t.lower()}", s, "GOV", s, t, "GOV",
                           t, json.dumps(rec, separators=(",", ":")), did)

            db.executemany("INSERT INTO events (event_key, type, date, source_key, target_key, source_country, "
                           "source_sector, source_name, target_country, target_sector, target_name, record, "
                           "first_document_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
            for role in ("source", "target"):
                db.execute(f"INSERT INTO event_actors SELECT id, '{role}', 0, {role}_name, lower({role}_name), "
                           f"{role}_country, {role}_sector, NULL FROM events")
        db.execute("ANALYZE")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"query: stored {m} events in {time.perf_counter() - t0:.1f} s; database {size_of(path) / 1e6:.0f} MB")
        times, n = [], 0
        for _ in range(7):
            t0 = time.perf_counter()
            n = len(list(store.events(source="USA", target="RUS", since="2020-03-01", until="2020-08-31")))
            times.append((time.perf_counter() - t0) * 1000)
        med = statistics.median(times)
        print(f"query: dyad USA->RUS, 2020-03-01..2020-08-31: {n} events in {med:.1f} ms median "
              f"(min {min(times):.1f} ms; target <= 100 ms: {'ok' if med <= 100 else 'MISSED'})")
        t0 = time.perf_counter()
        n2 = len(list(store.events(actor="USA", type="ASSAULT", since="2020-01-01", until="2020-12-31")))
        print(f"query: actor USA (either role) + type + year: {n2} events in {(time.perf_counter() - t0) * 1000:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--quick", action="store_true", help="2,000 articles and 100,000 events")
    ap.add_argument("--db", help="database for the ingest part (default: a temporary SQLite file)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary databases")
    args = ap.parse_args()
    if args.quick:
        args.articles, args.events = min(args.articles, 2000), min(args.events, 100_000)
    tmp = tempfile.mkdtemp(prefix="chronik-bench-")
    print(f"chronik store benchmark: {args.articles} articles, {args.events} events (synthetic coder, no NLP)")
    bench_ingest(args.db or os.path.join(tmp, "ingest.db"), args.articles)
    bench_export(args.db or os.path.join(tmp, "ingest.db"), tmp)
    bench_query(os.path.join(tmp, "query.db"), args.events)
    if not args.keep:
        for name in os.listdir(tmp):
            os.remove(os.path.join(tmp, name))
        os.rmdir(tmp)
    else:
        print(f"databases kept in {tmp}")


if __name__ == "__main__":
    main()
