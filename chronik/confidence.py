"""Calibrated confidence: how likely an event record is right, from what the coder saw.

The coder records *cues* for each event (its type, how source and target were found,
voice, distance, reported speech, ...); a logistic model weighs them. The weights are
data (``chronik/data/confidence.tsv``, one cue a line), trained on the development gold
by ``scripts/train_confidence.py`` (``make train-confidence``) and checked on the check
split; ``--min-confidence`` (settings: ``min_confidence``) keeps what is likely right.
Without a weights file the coder's own rough score stays.
"""
from __future__ import annotations

import math
from functools import lru_cache

from .lexicon import read_tsv
from .model import Actor, Event, Mention, Sentence

WEIGHTS_FILE = "confidence.tsv"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def _first(a: Actor | list[Actor] | None) -> Actor | None:
    return a[0] if isinstance(a, list) and a else (a if isinstance(a, Actor) else None)


def event_cues(lang: str, etype: str, sent: Sentence, head: int, src: Mention, tgt: Mention | None,
               src_actor, tgt_actor, mentions: list[Mention], *, passive: bool, noun: bool, multiword: bool,
               status: str, speaker: bool, quoted: bool, subordinate: bool, demonym: bool) -> dict[str, float]:
    """The cues of one coded trigger, as binary features ``name=value``."""
    s, t = _first(src_actor), _first(tgt_actor)
    cues = [f"type={etype}", f"lang={lang}", f"type={etype}|lang={lang}",
            f"src_how={src.how}", f"src_kind={src.kind}", f"src_sector={(s.sector if s else None) or 'none'}"]
    if s is None or not s.country:
        cues.append("src_country=none")
    if src.tok_start >= 0:
        cues.append("src_dist" + _bucket(abs(src.tok_start - head), (2, 6, 12)))
        cues.append("src_after" if src.tok_start > head else "src_before")
    if tgt_actor is None:
        cues.append("tgt=none")
        cues.append(f"tgt=none|type={etype}")
    else:
        how = "demonym" if demonym else (tgt.how if tgt is not None else "place")
        cues += [f"tgt_how={how}", f"tgt_sector={(t.sector if t else None) or 'none'}"]
        if tgt is not None:
            cues.append(f"tgt_kind={tgt.kind}")
            cues.append("tgt_dist" + _bucket(abs(tgt.tok_start - head), (2, 6, 12)))
        if t is None or not t.country:
            cues.append("tgt_country=none")
        elif s is not None and s.country == t.country:
            cues.append("same_country")
    if isinstance(src_actor, list) or isinstance(tgt_actor, list):
        cues.append("compound")
    for flag, name in ((passive, "passive"), (noun, "noun"), (multiword, "multiword"), (speaker, "speaker"),
                       (quoted, "quoted"), (subordinate, "subordinate"), (sent.is_title, "headline")):
        if flag:
            cues.append(name)
    if status != "asserted":
        cues.append(f"status={status}")
    cues.append("sent" + _bucket(sent.index, (0, 2, 6, 12)))
    cues.append("mentions" + _bucket(len(mentions), (1, 2, 4)))
    cues.append("tokens" + _bucket(len(sent.tokens), (15, 30, 45)))
    return {c: 1.0 for c in cues}


@lru_cache(maxsize=None)
def load_weights() -> dict[str, float]:
    """Cue weights (and ``bias``) from the shipped TSV; empty when there is none."""
    from .lexicon import data_path

    path = data_path(WEIGHTS_FILE)
    if not path.exists():
        return {}
    return {row["cue"]: float(row["weight"]) for row in read_tsv(path, ("cue", "weight"))}


def probability(cues: dict[str, float], weights: dict[str, float]) -> float:
    z = weights.get("bias", 0.0) + sum(weights.get(c, 0.0) * v for c, v in cues.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def calibrate(events: list[Event]) -> None:
    """Set each event's confidence to the model's probability that it is right."""
    weights = load_weights()
    if not weights:
        return
    for ev in events:
        if ev.cues:
            ev.confidence = probability(ev.cues, weights)
