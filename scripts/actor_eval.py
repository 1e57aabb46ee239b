#!/usr/bin/env python3
"""Actor accuracy of Chronik's actor layer against tests/gold/actors-de.jsonl.

    python scripts/actor_eval.py [--shared ../shared] [--gold tests/gold/actors-de.jsonl] [--verbose]

Each gold line names a mention by its text and occurrence (the n-th occurrence of that
text in the cleaned document, counted as substrings, 1-based) with the expected
``country`` and ``sector`` (null sector = not checked). The script runs the
``segment`` and ``actors`` components on the dev documents, finds the predicted
mention that overlaps the gold span (largest overlap, then the shortest) and prints:

- gold mentions, found (an overlapping prediction exists);
- country accuracy = correct country / gold mentions (a missing prediction is wrong);
- sector accuracy = correct sector / gold mentions with a sector.

With ``--verbose`` every error is listed. Always exits 0 (it is a report, not a gate),
unless the gold or the documents cannot be read.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def nth_occurrence(text: str, sub: str, n: int) -> int:
    """Offset of the n-th (1-based) occurrence of ``sub`` in ``text``, or -1."""
    i = text.find(sub)
    while i >= 0 and n > 1:
        i = text.find(sub, i + 1)
        n -= 1
    return i


def best_overlap(mentions, start: int, end: int):
    best, key = None, None
    for m in mentions:
        ov = min(end, m.end) - max(start, m.start)
        if ov <= 0:
            continue
        k = (-ov, m.end - m.start)
        if key is None or k < key:
            best, key = m, k
    return best


def load_gold(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            row = json.loads(line)
            row["_line"] = n
            rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (with eval/dev/docs)")
    ap.add_argument("--gold", default=str(ROOT / "tests" / "gold" / "actors-de.jsonl"))
    ap.add_argument("--verbose", "-v", action="store_true", help="list every error")
    args = ap.parse_args(argv)

    from chronik.ingest import load_documents
    from chronik.model import Document
    from chronik.pipeline import Pipeline

    gold = load_gold(Path(args.gold))
    docs_dir = Path(args.shared) / "eval" / "dev" / "docs"
    wanted = sorted({g["doc"] for g in gold})
    paths = [str(docs_dir / f"{d}.txt") for d in wanted]
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print(f"actor eval: {len(missing)} dev documents missing under {docs_dir} (e.g. {missing[0]})", file=sys.stderr)
        return 2

    pipe = Pipeline(names=("segment", "actors"))
    docs: dict[str, Document] = {}
    for item in load_documents(paths):
        if isinstance(item, Document):
            docs[item.id] = pipe(item)

    n = found = country_ok = 0
    sector_n = sector_ok = 0
    not_located = 0
    errors: list[str] = []
    per_doc: dict[str, Counter] = defaultdict(Counter)
    for g in gold:
        doc = docs.get(g["doc"])
        n += 1
        per_doc[g["doc"]]["gold"] += 1
        has_sector = g.get("sector") is not None
        sector_n += has_sector
        if doc is None:
            errors.append(f"{g['doc']}: document not loaded")
            continue
        start = nth_occurrence(doc.text, g["text"], int(g.get("occurrence", 1)))
        if start < 0:
            not_located += 1
            errors.append(f"{g['doc']} line {g['_line']}: gold text {g['text']!r} #{g.get('occurrence', 1)} not in the cleaned text")
            continue
        end = start + len(g["text"])
        m = best_overlap(doc.mentions, start, end)
        ctx = doc.text[max(0, start - 30):end + 30].replace("\n", " ")
        want = f"{g['country']}/{g.get('sector')}"
        if m is None:
            errors.append(f"MISS   {g['doc']}: {g['text']!r} want {want}   …{ctx}…")
            continue
        found += 1
        per_doc[g["doc"]]["found"] += 1
        got = f"{m.actor.country}/{m.actor.sector}"
        c_ok = m.actor.country == g["country"]
        s_ok = (not has_sector) or m.actor.sector == g["sector"]
        country_ok += c_ok
        per_doc[g["doc"]]["country"] += c_ok
        if has_sector:
            sector_ok += m.actor.sector == g["sector"]
        if not (c_ok and s_ok):
            what = "COUNTRY" if not c_ok else "SECTOR "
            errors.append(f"{what} {g['doc']}: {g['text']!r} want {want} got {got} "
                          f"(pred {m.text!r}, how {m.how}, name {m.actor.name})   …{ctx}…")

    def pct(a: int, b: int) -> str:
        return f"{100.0 * a / b:5.1f}%" if b else "  n/a"

    print(f"actor eval (German dev documents, {len(docs)} documents, gold {Path(args.gold).name})")
    print(f"  gold mentions     {n}")
    print(f"  found             {found}  ({pct(found, n)})")
    print(f"  country accuracy  {pct(country_ok, n)}  ({country_ok}/{n})")
    print(f"  sector accuracy   {pct(sector_ok, sector_n)}  ({sector_ok}/{sector_n} with a gold sector)")
    if not_located:
        print(f"  gold mentions not located in the text: {not_located}")
    if args.verbose:
        print("\nper document (gold / found / country ok):")
        for d in sorted(per_doc):
            c = per_doc[d]
            print(f"  {d:<30} {c['gold']:>4} {c['found']:>4} {c['country']:>4}")
        print(f"\nerrors ({len(errors)}):")
        for e in errors:
            print("  " + e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
