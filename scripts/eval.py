#!/usr/bin/env python3
"""`make eval`: run the extractor over ../shared/eval/dev/docs and ../shared/eval/check/docs and
print the scorer's figures and the diagnose table (which stage caused each error) for every gold
set, then our own English wire sentences (tests/gold/events-en-wire.jsonl) and the actor accuracy
on our own actor gold (tests/gold/actors-de.jsonl).

The check split is a thermometer: only its aggregate figures are printed (never its documents),
and `--verbose` lists errors of the dev sets only. `--summary` prints one line per gold set.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _extract(docs: Path, extra: list[str]) -> str | None:
    pred = tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False).name
    r = subprocess.run([sys.executable, "-m", "chronik", "extract", str(docs), "--format", "jsonl", "-o", pred, *extra])
    return pred if r.returncode in (0, 1) else None


def _score(shared: Path, gold: Path, pred: str, verbose: bool, summary: bool, diagnose: bool) -> None:
    score = shared / "eval" / "score.py"
    if summary:
        out = json.loads(subprocess.run([sys.executable, str(score), str(gold), pred, "--json"],
                                        capture_output=True, text=True).stdout)
        lo, st = out["loose"], out["strict"]
        print(f"{gold.parent.name + '/' + gold.stem:28s} loose P={lo['precision']:.3f} R={lo['recall']:.3f} "
              f"F1={lo['f1']:.3f}  strict F1={st['f1']:.3f}  (hits {lo['hits']}, false alarms {lo['false_alarms']}, "
              f"misses {lo['misses']})")
        return
    print(f"== {gold.parent.name}/{gold.stem}")
    out = subprocess.run([sys.executable, str(score), str(gold), pred] + (["--verbose"] if verbose else []),
                         capture_output=True, text=True).stdout
    print(out if verbose else "\n".join(out.splitlines()[:6]))
    dia = shared / "eval" / "diagnose.py"
    if diagnose and dia.exists():
        print(subprocess.run([sys.executable, str(dia), str(gold), pred], capture_output=True, text=True).stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="path of the shared folder with eval/")
    ap.add_argument("--verbose", action="store_true", help="list misses and false alarms (dev sets only)")
    ap.add_argument("--summary", action="store_true", help="one line per gold set, no diagnose tables")
    ap.add_argument("--no-check", action="store_true", help="skip the check split")
    ap.add_argument("--min-confidence", default=None, help="passed to chronik extract")
    args = ap.parse_args()
    shared = Path(args.shared)
    extra = ["--min-confidence", args.min_confidence] if args.min_confidence else []
    splits = ["dev"] + ([] if args.no_check else ["check"])
    for split in splits:
        docs = shared / "eval" / split / "docs"
        if not docs.is_dir():
            print(f"eval: {docs} not found; pass --shared PATH", file=sys.stderr)
            return 2
        pred = _extract(docs, extra)
        if pred is None:
            return 1
        for gold in sorted((shared / "eval" / split).glob("gold-*.jsonl")):
            _score(shared, gold, pred, args.verbose and split == "dev", args.summary, True)
    wire_docs, wire_gold = ROOT / "tests" / "gold" / "docs-en-wire", ROOT / "tests" / "gold" / "events-en-wire.jsonl"
    if wire_docs.is_dir() and wire_gold.exists():
        # our own English wire sentences (tests/gold, written for this project)
        pred = _extract(wire_docs, extra)
        if pred is None:
            return 1
        _score(shared, wire_gold, pred, args.verbose, args.summary, False)
    actor_eval = ROOT / "scripts" / "actor_eval.py"
    if actor_eval.exists() and not args.summary:
        print("== actors (tests/gold/actors-de.jsonl)")
        subprocess.run([sys.executable, str(actor_eval), "--shared", str(shared)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
