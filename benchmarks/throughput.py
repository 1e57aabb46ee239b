#!/usr/bin/env python3
"""Whole-pipeline throughput: many copies of the German dev documents through
ingest -> clean -> segment -> actors -> events, in one process.

Prints articles/s and peak memory (max RSS). Speed goals live here, not in tests.
"""
from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("-n", "--articles", type=int, default=2000, help="articles to process (default 2000)")
    args = ap.parse_args()
    docs_dir = Path(args.shared) / "eval" / "dev" / "docs"
    texts = [p.read_text(encoding="utf-8") for p in sorted(docs_dir.glob("de-*.txt"))]
    if not texts:
        texts = [(ROOT / "examples" / "de-azvision-blinken-aliyev.txt").read_text(encoding="utf-8")]
    from chronik.ingest.text import document_from_text
    from chronik.pipeline import process

    t0 = time.perf_counter()
    process(document_from_text(texts[0], "warmup"))  # loads lexicons, KB, language models
    warm = time.perf_counter() - t0
    events = chars = 0
    t0 = time.perf_counter()
    for i in range(args.articles):
        text = texts[i % len(texts)]
        doc = process(document_from_text(text, f"doc-{i}"))
        events += len(doc.events)
        chars += len(text)
    dt = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, 1 process")
    print(f"start-up (first article, loads all data): {warm:.2f} s")
    print(f"German articles: {args.articles} ({chars / args.articles:.0f} chars avg), {events} events")
    print(f"throughput: {args.articles / dt:.1f} articles/s")
    print(f"peak memory (max RSS): {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
