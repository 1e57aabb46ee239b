"""Outlets and news agencies: who published or is cited as the source of an article.

Data: ``chronik/data/outlets.tsv`` (name, country, aliases). The outlet's country
lets first-person state media ("unsere Armee") resolve to a country.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import data_path, read_tsv

# "AzVision teilt mit", "berichtet die Nachrichtenagentur AFP", "meldet Xinhua",
# "(Reuters) -", "according to AFP", "Reuters reported".
CUE_PATTERNS = (
    r"\b(?P<o>{names})\s+(?:teilt|teilte|meldet|meldete|berichtet|berichtete)\b",
    r"\b(?:teilt|teilte|meldet|meldete|berichtet|berichtete|zufolge|laut)\s+(?:die\s+|der\s+|dem\s+)?(?:Nachrichtenagentur\s+|Agentur\s+)?(?P<o>{names})\b",
    r"\((?P<o>{names})\)\s*[-–—]",
    r"\b(?:according to|told|reported by)\s+(?:the\s+)?(?:news agency\s+)?(?P<o>{names})\b",
    r"\b(?P<o>{names})\s+(?:reported|said|quoted)\b",
)


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    country: str | None
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """All known outlets keyed by every name and alias."""
    out: dict[str, Outlet] = {}
    for row in read_tsv(data_path("outlets.tsv"), ("name", "country", "aliases")):
        o = Outlet(row["name"], row["country"] or None, tuple(a for a in row["aliases"].split("|") if a))
        for key in (o.name, *o.aliases):
            out[key] = o
    return out


@lru_cache(maxsize=1)
def _cue_res() -> tuple[re.Pattern[str], ...]:
    names = "|".join(sorted((re.escape(k) for k in outlets()), key=len, reverse=True))
    return tuple(re.compile(p.format(names=names)) for p in CUE_PATTERNS)


def find_outlet(text: str) -> str | None:
    """The outlet the text names as its source ("AzVision teilt mit" -> "AzVision")."""
    head = text[:4000]
    for rx in _cue_res():
        m = rx.search(head)
        if m:
            return outlets()[m.group("o")].name
    return None


def outlet_country(name: str | None) -> str | None:
    if not name:
        return None
    o = outlets().get(name)
    return o.country if o else None
