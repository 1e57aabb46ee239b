#!/usr/bin/env python3
"""Whole-pipeline throughput on real, distinct articles: the German and English Wikinews pools
of ../shared/corpus/ (770 and 246 articles) through ingest -> clean -> segment -> actors -> events,
in one process.

Prints start-up time (first article: loads lexicons, knowledge base, parser), articles/s for
each language and peak memory (max RSS). Speed goals live here, not in tests.
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _articles(path: Path, limit: int) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
            if len(out) >= limit:
                break
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("-n", "--articles", type=int, default=10_000, help="at most this many articles per language")
    args = ap.parse_args()
    corpus = Path(args.shared) / "corpus"
    from chronik.ingest.text import document_from_text
    from chronik.pipeline import process

    t0 = time.perf_counter()
    process(document_from_text("Am 19. September rief Antony Blinken in Baku Ilham Aliyev an.", "warm-de", lang="de"))
    process(document_from_text("On Monday in Paris, Antony Blinken called Ilham Aliyev.", "warm-en", lang="en"))
    warm = time.perf_counter() - t0
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, 1 process")
    print(f"start-up (first articles, loads all data and the parser): {warm:.2f} s")
    for lang in ("de", "en"):
        path = corpus / f"{lang}-wikinews.jsonl"
        if not path.exists():
            print(f"{lang}: {path} not found, skipped")
            continue
        arts = _articles(path, args.articles)
        events = chars = 0
        t0 = time.perf_counter()
        for a in arts:
            doc = process(document_from_text(a["text"], a["id"], published=(a.get("published") or "")[:10] or None,
                                             lang=lang, title=a.get("title")))
            events += len(doc.events)
            chars += len(a["text"])
        dt = time.perf_counter() - t0
        print(f"{lang}: {len(arts)} distinct articles ({chars / len(arts):.0f} chars avg), {events} events, "
              f"{len(arts) / dt:.1f} articles/s")
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
