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


# frequent function words of languages Chronik has no pack for: a text whose words are
# clearly these is reported as that language (and skipped), never coded as de or en
# ("Le ministre a déclaré que les troupes ..." -> "fr")
_OTHER_STOP = {
    "fr": {"le", "la", "les", "des", "et", "est", "une", "dans", "pour", "que", "qui", "du", "au", "aux", "sur",
           "pas", "avec", "ce", "sont", "ont", "été", "il", "elle", "par", "mais", "leur", "ses"},
    "es": {"el", "los", "las", "del", "y", "es", "una", "en", "para", "que", "por", "con", "se", "su", "sus",
           "lo", "al", "como", "fue", "han", "más", "pero", "este", "esta"},
    "it": {"il", "lo", "gli", "della", "delle", "dei", "e", "è", "una", "per", "che", "con", "non", "sono",
           "nel", "nella", "alla", "anche", "più", "ha", "stato", "questo"},
    "nl": {"het", "een", "en", "van", "de", "is", "niet", "op", "te", "dat", "zijn", "met", "voor", "wordt",
           "ook", "naar", "bij", "heeft", "werd", "maar", "deze"},
    "pt": {"o", "os", "as", "do", "da", "dos", "das", "e", "é", "um", "uma", "em", "para", "que", "não",
           "com", "por", "se", "foi", "ao", "mais", "seu", "sua", "também"},
    "pl": {"i", "w", "na", "nie", "się", "z", "że", "do", "jest", "to", "jak", "przez", "oraz", "po", "od",
           "który", "które", "także", "był", "została"},
    "tr": {"ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "daha", "çok", "gibi", "olan", "ama",
           "sonra", "kadar", "değil", "ise"},
    "ru": {"и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "за", "от", "для", "был", "его",
           "она", "они", "также", "который"},
}
MIN_OTHER_VOTES = 6  # an unsupported language needs this many function words ...
OTHER_MARGIN = 2.0  # ... and this many times the votes of the best supported language


def unsupported_language(text: str) -> str | None:
    """The ISO 639-1 code of an unsupported language the text is clearly written in, else None."""
    words = [w.lower() for w in _WORD.findall(text[:3000])]
    if not words:
        return None
    supported = max(sum(w in stop for w in words) for stop in _STOP.values())
    scores = {lang: sum(w in stop for w in words) for lang, stop in _OTHER_STOP.items()}
    best = max(scores, key=scores.get)
    if scores[best] >= MIN_OTHER_VOTES and scores[best] >= OTHER_MARGIN * max(supported, 1):
        return best
    return None


def normalise_code(value: str | None) -> str | None:
    """An ISO 639-1 code from a language tag as metadata gives it ("en-GB", "FR", "de_AT")."""
    if not value:
        return None
    code = str(value).strip().lower().replace("_", "-").split("-")[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def stopword_vote(text: str) -> str | None:
    words = [w.lower() for w in _WORD.findall(text[:2000])]
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOP.items()}
    best = max(scores, key=scores.get)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] >= 3 and ranked[0] >= 2 * ranked[1]:
        return best
    return None


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language: one of :data:`SUPPORTED` (default "en"), or
    the code of an unsupported language the text is clearly written in
    (:func:`unsupported_language`), which the pipeline then skips."""
    other = unsupported_language(text)
    if other:
        return other
    quick = stopword_vote(text)
    if quick:
        return quick
    lang = _detector().detect_language_of(text[:1000])
    if lang is None:
        return "en"
    return lang.iso_code_639_1.name.lower()
