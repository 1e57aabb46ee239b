"""``chronik serve`` benchmark (issue 12): a real uvicorn server process over a big
synthetic SQLite store, measured over loopback HTTP.

1. Store: M events (default 1,000,000) with actors, one report each (evidence in the
   full-text index), places with coordinates, bulk-inserted (no NLP).
2. Latency: p50/p95 of ``/api/events`` with filters (type + year, actor + type, full text,
   dyad + quad; 50 events a page with the total count), target p95 <= 50 ms; and of
   ``/api/stats`` (type/quad/country counts and a monthly timeline), cold (every filter
   computed once) and warm (the server's result cache), target p95 <= 200 ms.
3. Load: a bounded run (default 60 s, loopback only) of 16 keep-alive clients mixing
   pages, filtered pages, stats, dyads and single events; target >= 200 requests/s with
   no error.
4. First render of the page in headless Chromium (when chromium and chromedriver are
   installed), target <= 1 s.

Usage:
    python benchmarks/server_bench.py              # 1M events, 60 s load (15 minutes here, mostly building)
    python benchmarks/server_bench.py --events 250000    # what `make bench` runs
    python benchmarks/server_bench.py --quick      # 100,000 events, 15 s load
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import http.client
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

print = functools.partial(print, flush=True)  # noqa: A001 - progress lines appear when written
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

import chronik.store as store_mod  # noqa: E402

COUNTRIES = {"USA": (38.9, -77.0), "RUS": (55.75, 37.62), "UKR": (50.45, 30.52), "CHN": (39.9, 116.4),
             "FRA": (48.86, 2.35), "DEU": (52.52, 13.4), "GBR": (51.5, -0.13), "TUR": (39.93, 32.86),
             "IRN": (35.7, 51.42), "ISR": (31.78, 35.22), "ARM": (40.18, 44.51), "AZE": (40.41, 49.87),
             "IND": (28.61, 77.21), "PAK": (33.69, 73.06), "JPN": (35.68, 139.69), "KOR": (37.57, 126.98),
             "SYR": (33.51, 36.29), "IRQ": (33.31, 44.36), "EGY": (30.04, 31.24), "SAU": (24.71, 46.68),
             "POL": (52.23, 21.01), "GEO": (41.72, 44.79), "NGA": (9.08, 7.4), "ETH": (9.03, 38.74)}
TYPES = {"AGREE": (1, 5.0), "CONSULT": (1, 1.0), "SUPPORT": (1, 3.0), "COOPERATE": (2, 6.0), "AID": (2, 7.0),
         "REQUEST": (3, -1.0), "ACCUSE": (3, -2.0), "REJECT": (3, -3.0), "THREATEN": (3, -4.0),
         "PROTEST": (3, -5.0), "SANCTION": (4, -7.0), "MOBILIZE": (4, -6.0), "COERCE": (4, -8.0), "ASSAULT": (4, -9.0)}
# evidence words: 10 topics x 20 variants, so a word is in about 1 % of the events (a
# searched word in a news corpus is rarer still)
WORDS = [f"{w}{k}" if k else w for w in ("ceasefire", "border", "talks", "pipeline", "drones", "refugees",
                                       "election", "corridor", "grain", "troops") for k in range(20)]
SECTORS = ["GOV", "GOV", "GOV", "MIL", "REB", "OPP", "CVL"]


def build_store(path: str, m: int, per_doc: int = 10) -> None:
    """M synthetic events, ``per_doc`` reports per document, bulk-inserted."""
    rng = random.Random(12)
    base = dt.date(2015, 1, 1)
    names, types = list(COUNTRIES), list(TYPES)
    with store_mod.open(path) as store:
        db = store.db
        with db.transaction():
            for first in range(0, m, 50_000):
                n = min(50_000, m - first)
                docs, events, actors, reports, fts = [], [], [], [], []
                for i in range(first, first + n):
                    if i % per_doc == 0:
                        docs.append((i // per_doc + 1, f"doc-{i // per_doc}", f"h{i}", f"Report {i // per_doc}",
                                     "synthetic article text", "now"))
                    s, t = rng.sample(names, 2)
                    typ = rng.choice(types)
                    quad, intensity = TYPES[typ]
                    day = (base + dt.timedelta(days=rng.randrange(3650))).isoformat()
                    ss, ts = rng.choice(SECTORS), rng.choice(SECTORS)
                    here = rng.choice((s, t))
                    lat, lon = COUNTRIES[here]
                    words = " ".join(rng.sample(WORDS, 2))
                    evidence = f"{s} {typ.lower()} {t} over {words} on {day}."
                    rec = {"event_id": f"e{i}", "doc_id": f"doc-{i // per_doc}", "type": typ, "date": day,
                           "date_precision": "day", "quad": quad, "intensity": intensity, "cameo": None,
                           "source": {"text": s, "name": s, "country": s, "sector": ss},
                           "target": {"text": t, "name": t, "country": t, "sector": ts},
                           "location": {"text": here, "name": f"capital of {here}", "country": here,
                                        "lat": lat + rng.uniform(-1, 1), "lon": lon + rng.uniform(-1, 1)},
                           "evidence": {"text": evidence, "start": 0, "end": len(evidence)},
                           "status": "asserted", "lang": "en", "confidence": round(rng.uniform(0.5, 1.0), 2)}
                    js = json.dumps(rec, separators=(",", ":"))
                    eid = i + 1
                    events.append((eid, f"e{i}", typ, day, f"{s}|{ss}", f"{t}|{ts}", s, ss, s, t, ts, t, here, quad,
                                   intensity, js, i // per_doc + 1))
                    actors += [(eid, "source", 0, s, s.lower(), s, ss), (eid, "target", 0, t, t.lower(), t, ts)]
                    reports.append((eid, eid, i // per_doc + 1, f"e{i}", evidence, 0, len(evidence), rec["confidence"], js))
                    fts.append((eid, evidence, ""))
                db.executemany("INSERT INTO documents (id, doc_id, content_hash, title, text, ingested_at) "
                               "VALUES (?, ?, ?, ?, ?, ?)", docs)
                db.executemany("INSERT INTO events (id, event_key, type, date, source_key, target_key, source_country, "
                               "source_sector, source_name, target_country, target_sector, target_name, "
                               "location_country, quad, intensity, record, first_document_id) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events)
                db.executemany("INSERT INTO event_actors (event_id, role, idx, name, name_norm, country, sector) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)", actors)
                db.executemany("INSERT INTO event_mentions (id, event_id, document_id, local_id, evidence_text, "
                               "evidence_start, evidence_end, confidence, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               reports)
                db.executemany("INSERT INTO event_mentions_fts (rowid, evidence_text, title) VALUES (?, ?, ?)", fts)
        db.execute("ANALYZE")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class Server:
    def __init__(self, db: str, port: int):
        self.port = port
        self.proc = subprocess.Popen([sys.executable, "-m", "chronik", "serve", "--db", db, "--port", str(port),
                                      "--log-level", "warning"], cwd=ROOT)
        deadline = time.monotonic() + 60
        while True:
            try:
                status, _ = request(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/health")
                if status == 200:
                    return
            except OSError:
                time.sleep(0.2)
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise SystemExit("the server did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(20)
        except subprocess.TimeoutExpired:  # a request still running: do not wait for it
            self.proc.kill()
            self.proc.wait(20)


def request(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    resp = conn.getresponse()
    return resp.status, resp.read()


def path(endpoint: str, **params: object) -> str:
    return endpoint + ("?" + urllib.parse.urlencode(params) if params else "")


def event_filters(rng: random.Random) -> str:
    kind = rng.randrange(4)
    year = rng.randrange(2015, 2025)
    if kind == 0:
        return path("/api/events", type=rng.choice(list(TYPES)), since=year, until=year)
    if kind == 1:
        return path("/api/events", actor=rng.choice(list(COUNTRIES)), type=rng.choice(list(TYPES)))
    if kind == 2:
        return path("/api/events", q=rng.choice(WORDS), since=f"{year}-{rng.randrange(1, 13):02d}",
                    until=f"{year}-12")
    s, t = rng.sample(list(COUNTRIES), 2)
    return path("/api/events", source=s, target=t, quad=rng.randrange(1, 5))


def stats_filters(rng: random.Random) -> str:
    return path("/api/stats", type=rng.choice(list(TYPES)), since=rng.randrange(2015, 2025))


def timed(port: int, paths: list[str], timeout: float = 60) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    out = []
    for p in paths:
        t0 = time.perf_counter()
        status, body = request(conn, p)
        out.append((time.perf_counter() - t0) * 1000)
        if status != 200:
            raise SystemExit(f"{p}: HTTP {status}: {body[:200]!r}")
    conn.close()
    return out


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) >= 2 else values[0]


def report(name: str, times: list[float], target: float) -> None:
    p95 = pct(times, 95)
    print(f"{name}: {len(times)} requests, p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
          f"max {max(times):.1f} ms (target p95 <= {target:.0f} ms: {'ok' if p95 <= target else 'MISSED'})")


def load_run(port: int, seconds: float, clients: int, m: int) -> None:
    stop = time.monotonic() + seconds
    counts = {"ok": 0, "error": 0}
    lock = threading.Lock()

    def client(k: int) -> None:
        rng = random.Random(k)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        ok = err = 0
        while time.monotonic() < stop:
            r = rng.random()
            if r < 0.45:
                p = event_filters(rng) + ("&total=false" if rng.random() < 0.5 else "")
            elif r < 0.6:
                p = path("/api/events", limit=20, total="false")
            elif r < 0.75:
                p = stats_filters(rng) if rng.random() < 0.5 else "/api/stats"
            elif r < 0.85:
                p = path("/api/dyads", type=rng.choice(list(TYPES)))
            else:
                p = "/api/events/" + urllib.parse.quote(f"e{rng.randrange(m)}")
            try:
                status, _ = request(conn, p)
                ok, err = (ok + 1, err) if status == 200 else (ok, err + 1)
            except (OSError, http.client.HTTPException):
                err += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with lock:
            counts["ok"] += ok
            counts["error"] += err

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    rate = counts["ok"] / elapsed
    print(f"load: {clients} keep-alive clients for {elapsed:.0f} s: {counts['ok']} requests = {rate:.0f} req/s, "
          f"{counts['error']} errors (target >= 200 req/s, no error: "
          f"{'ok' if rate >= 200 and not counts['error'] else 'MISSED'})")


def first_render(port: int) -> None:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        chromium = None
    if not chromium or not driver:
        print("page: first render not measured (chromium, chromium-driver or selenium missing)")
        return
    profile = tempfile.mkdtemp(prefix="chronik-bench-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1280,1000", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    d = webdriver.Chrome(service=Service(executable_path=driver), options=opts)
    try:
        table, full = [], []
        for i in range(5):
            d.get(f"http://127.0.0.1:{port}/?since={2015 + i}")  # a new filter each time: nothing cached
            WebDriverWait(d, 30).until(lambda x: x.execute_script("return document.body.dataset.ready === '1'"))
            table.append(d.execute_script("return window.chronikTableMs"))
            full.append(d.execute_script("return window.chronikFirstRenderMs"))
        med = statistics.median(table)
        print(f"page: first render (navigation start to the event table drawn) {med:.0f} ms median of 5, "
              f"every view drawn {statistics.median(full):.0f} ms (target <= 1000 ms: {'ok' if med <= 1000 else 'MISSED'})")
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seconds", type=float, default=60.0, help="length of the load run")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--quick", action="store_true", help="100,000 events, a 15 s load run")
    ap.add_argument("--port", type=int, default=0, help="loopback port (default: a free one)")
    ap.add_argument("--db", help="a store built by an earlier run (--keep) to measure again; --events must match it")
    ap.add_argument("--keep", action="store_true", help="keep the generated store and print its path")
    args = ap.parse_args()
    if args.quick:
        args.events, args.seconds = min(args.events, 100_000), min(args.seconds, 15.0)
    tmp = tempfile.mkdtemp(prefix="chronik-serve-bench-")
    db = args.db or os.path.join(tmp, "events.db")
    if args.db:
        print(f"chronik serve benchmark: the store {db} ({os.path.getsize(db) / 1e6:.0f} MB)")
    else:
        t0 = time.perf_counter()
        build_store(db, args.events)
        print(f"chronik serve benchmark: {args.events} synthetic events stored in {time.perf_counter() - t0:.0f} s "
              f"({os.path.getsize(db) / 1e6:.0f} MB)")
    port = args.port
    if not port:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    srv = Server(db, port)
    try:
        t0 = time.perf_counter()
        # the server computes the page's unfiltered aggregates at start-up: wait for them
        timed(port, ["/api/stats", "/api/dyads?limit=40", "/api/places?limit=300"], timeout=900)
        print(f"start-up: unfiltered statistics, dyads and places ready {time.perf_counter() - t0:.1f} s "
              "after the server answered")
        rng = random.Random(1)
        timed(port, [event_filters(rng) for _ in range(10)])  # warm the page cache
        pages = [event_filters(rng) for _ in range(200)]
        report("/api/events with filters, 50 a page (total=false, as the page asks)",
               timed(port, [p + "&total=false" for p in pages]), 50)
        report("/api/events with filters and the total count", timed(port, pages), 50)
        report("/api/stats unfiltered, cold (weekly; not precomputed)", timed(port, ["/api/stats?interval=week"]), 200)
        distinct = [stats_filters(random.Random(k)) for k in range(40)]
        report("/api/stats with filters, cold (each computed once)", timed(port, list(dict.fromkeys(distinct))), 200)
        report("/api/stats warm (result cache)", timed(port, [distinct[k % len(distinct)] for k in range(200)]), 200)
        load_run(port, args.seconds, args.clients, args.events)
        first_render(port)
    finally:
        srv.stop()
        if args.keep and not args.db:
            print(f"store kept: {db}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
