"""Criticism by evaluation: a speaker who calls an act or an actor "a disgrace", "unlawful",
"eine Farce" disapproves of it (PLOVER ACCUSE, CAMEO 111 "criticize or denounce"), though no
verb of accusing is used: 'Corbyn called the move a "smash and grab on our democracy"',
'"Boris Johnson is trying ... this is a deeply irresponsible way to govern," said Cooper',
"Ströbele nannte den Bericht eine Ente".

Inputs: one sentence, its mentions, the events already coded (for the act a definite "the move",
"den Schritt" refers to). Output: at most one ACCUSE per sentence, whose source is the speaker
(the speaker of the quotation, or the subject of a verb of saying or labelling) and whose target is
the first other actor in what is said, else the actor of the act referred to, else none. The
evaluative words are data: ``lang/<code>/data/evaluative.tsv``.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import data_path, read_tsv
from .model import Mention, Sentence

CAMEO = "111"  # criticize or denounce


@lru_cache(maxsize=None)
def evaluative_lemmas(lang: str) -> frozenset[str]:
    path = data_path("evaluative.tsv", lang)
    if not path.exists():
        return frozenset()
    return frozenset(row["lemma"].casefold() for row in read_tsv(path, ("lemma", "note")))


def find_criticism(coder, sent: Sentence, mentions: list[Mention], earlier) -> tuple[int, Mention, Mention | None, object] | None:
    """(index of the evaluative word, speaker, target mention, target actor of an earlier act) or None."""
    words = evaluative_lemmas(coder.code)
    if not words or not mentions:
        return None
    toks = sent.tokens
    gr = coder.gr
    hits = [k for k, t in enumerate(toks) if t.lemma.casefold() in words]
    if not hits:
        return None
    k = hits[0]
    if any(toks[j].text.casefold() in gr.NEGATIONS for j in range(max(0, k - 3), k)):
        return None  # "kein Fehler", "not a mistake"
    depth = coder._quote_depth(sent)
    labels = gr.SPEECH_LEMMAS | getattr(gr, "LABEL_LEMMAS", frozenset())
    speaker = None
    start = 0
    if depth[k] > 0:
        speaker = coder._quote_speaker(sent, mentions)
        start = max((j for j in range(k) if depth[j] == 0), default=-1) + 1  # where the quotation opens
    else:
        verbs = [j for j in range(k) if toks[j].lemma in labels and depth[j] == 0]
        if verbs:
            v = verbs[-1]
            start = v + 1
            before = [m for m in mentions if m.tok_end <= v and depth[m.tok_start] == 0 and _is_subject(coder._case(sent, m))]
            after = [m for m in mentions if v < m.tok_start <= v + 3 and m.tok_start < k]  # "sagte Sarkozy", "said Becerra"
            speaker = before[-1] if before else (after[0] if after and coder.code == "de" else None)
    if speaker is None:
        return None
    others = [m for m in mentions if m.entity != speaker.entity and m.tok_start >= start and m is not speaker
              and coder._case(sent, m)[1] not in getattr(gr, "PLACE_LIKE_PREPOSITIONS", frozenset())]
    if others:
        return k, speaker, others[0], None
    return k, speaker, None, _referred_act(coder, sent, start, k, speaker, earlier)


def _referred_act(coder, sent: Sentence, lo: int, hi: int, speaker: Mention, earlier):
    """"called the move ...", "nannte den Schritt ...": the actor of the latest act in the last two sentences."""
    toks = sent.tokens
    gr = coder.gr
    dets = getattr(gr, "EVENT_ANAPHOR_DETERMINERS", frozenset())
    nouns = getattr(gr, "EVENT_ANAPHOR_NOUNS", frozenset())
    if not any(toks[j].text.casefold() in dets and j + 1 < len(toks) and toks[j + 1].lemma.casefold() in nouns
               for j in range(lo, min(hi + 1, len(toks)))):
        return None
    return coder._recent_act_source(sent, speaker.actor, earlier, lambda prev: prev.type not in ("ACCUSE", "REJECT"))


def _is_subject(case_prep: tuple[str | None, str | None]) -> bool:
    """No preposition and no oblique case: a possible subject."""
    case, prep = case_prep
    return prep is None and case not in ("acc", "dat", "gen")
