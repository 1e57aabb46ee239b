#!/usr/bin/env python3
"""Train the confidence model (`make train-confidence`): a logistic regression over the coder's
cues (chronik/confidence.py), fitted on the development gold sets of ../shared/eval/dev and our own
English wire sentences (tests/gold), written to chronik/data/confidence.tsv.

Each predicted event is labelled by the scorer's own matching (../shared/eval/score.py): 1 when it
matches a required gold event (loose), 0 when it is a false alarm; events matching optional gold
events are left out. The script prints document-grouped cross-validated figures for a range of
thresholds (so the threshold in settings.cfg is chosen on held-out folds, not on the fit) and the
weights it writes. The check split is never read here: `make eval` measures the result on it.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def predictions(docs: list[Path]):
    """(doc_id, lang, [events]) for every document, with the shipped weights ignored."""
    from chronik import confidence
    from chronik.errors import InputError
    from chronik.ingest import load_documents
    from chronik.pipeline import Pipeline
    from chronik.settings import Options

    confidence.load_weights.cache_clear()
    saved = confidence.load_weights
    confidence.load_weights = lambda: {}  # raw cues, no calibration
    try:
        pipe = Pipeline(options=Options.load(min_confidence=0.0))
        for item in load_documents([str(d) for d in docs]):
            if isinstance(item, InputError):
                continue
            doc = pipe(item)
            yield doc.id, doc.lang, doc.events
    finally:
        confidence.load_weights = saved


def labelled(shared: Path) -> list[tuple[str, str, dict, int]]:
    """(gold set, doc, cues, label) for every prediction that is a hit or a false alarm."""
    sys.path.insert(0, str(shared / "eval"))
    from score import score_doc  # the scorer's own matching

    sets = [(g, shared / "eval" / "dev" / "docs") for g in sorted((shared / "eval" / "dev").glob("gold-*.jsonl"))]
    wire = ROOT / "tests" / "gold"
    if (wire / "events-en-wire.jsonl").exists():
        sets.append((wire / "events-en-wire.jsonl", wire / "docs-en-wire"))
    rows = []
    cache: dict[Path, dict] = {}
    for gold_path, docs in sets:
        gold = {json.loads(l)["doc"]: json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()}
        if docs not in cache:
            cache[docs] = {doc_id: events for doc_id, _, events in predictions([docs])}
        for doc_id, g in gold.items():
            events = cache[docs].get(doc_id, [])
            recs = [e.to_record() for e in events]
            _, _, _, _, fas, m1 = score_doc(g["events"], recs, False)
            fa_ids = {id(r) for r in fas}
            for j, (ev, rec) in enumerate(zip(events, recs)):
                if j in m1:
                    rows.append((gold_path.stem, doc_id, ev.cues, 1))
                elif id(rec) in fa_ids:
                    rows.append((gold_path.stem, doc_id, ev.cues, 0))
    return rows


def fit(rows, l2: float, epochs: int = 300, lr: float = 0.5) -> dict[str, float]:
    """L2-regularised logistic regression by full-batch gradient descent (small data, no dependency)."""
    w: dict[str, float] = defaultdict(float)
    n = len(rows)
    for _ in range(epochs):
        grad: dict[str, float] = defaultdict(float)
        for _, _, cues, y in rows:
            z = w["bias"] + sum(w[c] * v for c, v in cues.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            d = p - y
            grad["bias"] += d
            for c, v in cues.items():
                grad[c] += d * v
        for c, g in grad.items():
            reg = 0.0 if c == "bias" else l2 * w[c]
            w[c] -= lr * (g / n + reg)
    return {c: v for c, v in w.items() if abs(v) > 1e-4 or c == "bias"}


def prob(w, cues) -> float:
    z = w.get("bias", 0.0) + sum(w.get(c, 0.0) * v for c, v in cues.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def cross_validate(rows, l2: float, folds: int = 5, seed: int = 7):
    docs = sorted({(s, d) for s, d, _, _ in rows})
    random.Random(seed).shuffle(docs)
    fold_of = {key: k % folds for k, key in enumerate(docs)}
    out = []
    for k in range(folds):
        train = [r for r in rows if fold_of[(r[0], r[1])] != k]
        w = fit(train, l2)
        out += [(r[0], prob(w, r[2]), r[3]) for r in rows if fold_of[(r[0], r[1])] == k]
    return out


def report(scored, misses_by_set: dict[str, int], thresholds) -> dict[float, float]:
    """P/R/F1 per gold set when events below a threshold are dropped (a dropped hit becomes a miss)."""
    mean_f1 = {}
    for th in thresholds:
        parts = []
        f1s = []
        for s in sorted(misses_by_set):
            h = sum(1 for g, p, y in scored if g == s and y == 1 and p >= th)
            fa = sum(1 for g, p, y in scored if g == s and y == 0 and p >= th)
            lost = sum(1 for g, p, y in scored if g == s and y == 1 and p < th)
            mi = misses_by_set[s] + lost
            pr = h / (h + fa) if h + fa else 0.0
            rc = h / (h + mi) if h + mi else 0.0
            f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
            f1s.append(f1)
            parts.append(f"{s[5:] if s.startswith('gold-') else s}: P={pr:.2f} R={rc:.2f} F1={f1:.3f}")
        mean_f1[th] = sum(f1s) / len(f1s)
        print(f"  >= {th:.2f}  " + "  ".join(parts) + f"  mean F1={mean_f1[th]:.3f}")
    return mean_f1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--l2", type=float, default=0.02, help="L2 penalty")
    ap.add_argument("-o", "--output", default=str(ROOT / "chronik" / "data" / "confidence.tsv"))
    args = ap.parse_args()
    shared = Path(args.shared)
    sys.path.insert(0, str(shared / "eval"))
    from score import score_doc

    rows = labelled(shared)
    # misses the coder never had a prediction for (they stay misses at any threshold)
    misses: dict[str, int] = defaultdict(int)
    for s in {r[0] for r in rows}:
        hits = sum(1 for r in rows if r[0] == s and r[3] == 1)
        path = shared / "eval" / "dev" / f"{s}.jsonl"
        if not path.exists():
            path = ROOT / "tests" / "gold" / f"{s}.jsonl"
        required = sum(sum(1 for e in json.loads(l)["events"] if e.get("required", True)) for l in open(path) if l.strip())
        misses[s] = required - hits
    print(f"{len(rows)} labelled events ({sum(r[3] for r in rows)} right, {sum(1 - r[3] for r in rows)} false alarms)")
    thresholds = [0.0, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]
    print("cross-validated (5 folds by document):")
    cv = report(cross_validate(rows, args.l2), misses, thresholds)
    best = max(cv, key=lambda t: (round(cv[t], 3), t))
    print(f"best threshold by mean cross-validated F1: {best:.2f}")
    w = fit(rows, args.l2)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("# cue\tweight\n")
        f.write("# Logistic confidence model over the coder's cues (chronik/confidence.py), trained by\n")
        f.write(f"# scripts/train_confidence.py on the dev gold sets and tests/gold/events-en-wire.jsonl ({len(rows)} events, l2={args.l2}).\n")
        f.write(f"# Cross-validated best threshold: {best:.2f}. Regenerate with `make train-confidence`.\n")
        for c in sorted(w, key=lambda c: (c != "bias", c)):
            f.write(f"{c}\t{w[c]:.4f}\n")
    print(f"wrote {len(w)} weights to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
