"""Language identification restricted to the languages Chronik supports.

lingua's all-language model takes 1.3 GB; restricted to Chronik's languages it
stays small. Short or ambiguous texts fall back to a stop-word vote.
"""
from __future__ import annotations

import re
from functools import lru_cache

SUPPORTED = ("de", "en")

_STOP = {
    "de": {"der", "die", "das", "und", "nicht", "mit", "von", "den", "des", "ist", "wurde", "sich", "auf", "für", "dem", "ein", "eine"},
    "en": {"the", "and", "of", "to", "in", "is", "was", "that", "for", "with", "on", "by", "has", "have", "a", "an"},
}
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _detector():
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in SUPPORTED]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def stopword_vote(text: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(text[:2000])]
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOP.items()}
    best = max(scores, key=scores.get)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] >= 3 and ranked[0] >= 2 * ranked[1]:
        return best
    return None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, among :data:`SUPPORTED` (default "en")."""
    quick = stopword_vote(text)
    if quick:
        return quick
    lang = _detector().detect_language_of(text[:1000])
    if lang is None:
        return "en"
    return lang.iso_code_639_1.name.lower()
