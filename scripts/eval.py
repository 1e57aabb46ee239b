#!/usr/bin/env python3
"""`make eval`: run the extractor over ../shared/eval/dev/docs and print the scorer's figures
for every gold set, then on our own English wire sentences (tests/gold/events-en-wire.jsonl), plus
the actor accuracy on our own actor gold (tests/gold/actors-de.jsonl)."""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="path of the shared folder with eval/")
    ap.add_argument("--verbose", action="store_true", help="list misses and false alarms")
    args = ap.parse_args()
    shared = Path(args.shared)
    docs = shared / "eval" / "dev" / "docs"
    if not docs.is_dir():
        print(f"eval: {docs} not found; pass --shared PATH", file=sys.stderr)
        return 2
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False) as pred:
        r = subprocess.run([sys.executable, "-m", "chronik", "extract", str(docs), "--format", "jsonl", "-o", pred.name])
        if r.returncode not in (0, 1):
            return r.returncode
        for gold in sorted((shared / "eval" / "dev").glob("gold-*.jsonl")):
            print(f"== {gold.stem}")
            cmd = [sys.executable, str(shared / "eval" / "score.py"), str(gold), pred.name]
            if args.verbose:
                cmd.append("--verbose")
            out = subprocess.run(cmd, capture_output=True, text=True).stdout
            print(out if args.verbose else "\n".join(out.splitlines()[:6]))
    wire_docs, wire_gold = ROOT / "tests" / "gold" / "docs-en-wire", ROOT / "tests" / "gold" / "events-en-wire.jsonl"
    if wire_docs.is_dir() and wire_gold.exists():
        # our own English wire sentences (tests/gold, written for this project): generality beyond the dev sentences
        with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False) as pred:
            r = subprocess.run([sys.executable, "-m", "chronik", "extract", str(wire_docs), "--format", "jsonl", "-o", pred.name])
            if r.returncode not in (0, 1):
                return r.returncode
            print("== en-wire (tests/gold/events-en-wire.jsonl)")
            cmd = [sys.executable, str(shared / "eval" / "score.py"), str(wire_gold), pred.name] + (["--verbose"] if args.verbose else [])
            out = subprocess.run(cmd, capture_output=True, text=True).stdout
            print(out if args.verbose else "\n".join(out.splitlines()[:6]))
    actor_eval = ROOT / "scripts" / "actor_eval.py"
    if actor_eval.exists():
        print("== actors (tests/gold/actors-de.jsonl)")
        subprocess.run([sys.executable, str(actor_eval), "--shared", str(shared)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
