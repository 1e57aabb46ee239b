"""Knowledge base of political office holders (``chronik/data/people.tsv``).

One :class:`Person` row per person per office term. :class:`KnowledgeBase` looks
people up by full name, spelling variant or surname (case- and accent-insensitive)
and tells which office a person held on a given date. :func:`convert_wikidata_dump`
turns a Wikidata JSON dump into rows of the same format, to :meth:`KnowledgeBase.merge`.
"""
from __future__ import annotations

import os

import bz2
import gzip
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
PEOPLE_TSV = DATA_DIR / "people.tsv"
POSITIONS_TSV = DATA_DIR / "wikidata-positions.tsv"
HEADER = "# qid\tname\tvariants\tcountry\tsector\trole\tstart\tend"
# Countries whose names put the family name first ("Xi Jinping", "Moon Jae-in").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR"})
_KOREAN = re.compile(r"^[A-Z]\w* [A-Z]\w*-[a-z]\w*$")  # "Ban Ki-moon", "Kim Jong-un"
_SUFFIX = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|jr|sr)$")  # "Charles III", "Abdullah II"
SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED "
    "REF OPP PRE REL SOC".split()
)
_FOLD = str.maketrans({"ə": "a", "ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss",
                       "æ": "ae", "œ": "oe", "-": " ", "‐": " ", "–": " ", ".": " ",
                       "'": "", "’": "", "ʼ": "", "‘": "", "`": "", "ʻ": "", "ʿ": "", "ʾ": ""})


def normalise(text: str) -> str:
    """Matching form of a name: NFKD, combining marks dropped, lower case,
    hyphens and dots to spaces, apostrophes dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(text.translate(_FOLD).split())


@dataclass(frozen=True)
class Person:
    """One office term of one person (one row of ``people.tsv``)."""

    qid: str | None
    name: str
    variants: tuple[str, ...]
    country: str
    sector: str
    role: str
    start: str | None
    end: str | None

    def covers(self, on: str) -> bool:
        """True when the term includes the ISO date ``on`` (end date inclusive)."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.variants)

    def surnames(self) -> set[str]:
        """Normalised surnames: last token of the name and each variant (first token
        for countries in :data:`FAMILY_NAME_FIRST`)."""
        first = self.country in FAMILY_NAME_FIRST or any(map(_KOREAN.match, self.all_names()))
        out = set()
        for form in map(normalise, self.all_names()):
            tokens = form.split()
            while len(tokens) > 1 and _SUFFIX.match(tokens[-1]):
                tokens.pop()
            if tokens:
                out.add(tokens[0] if first else tokens[-1])
        return out

    def to_row(self) -> str:
        return "\t".join([self.qid or "", self.name, "|".join(self.variants), self.country,
                          self.sector, self.role, self.start or "", self.end or ""])

    @classmethod
    def from_row(cls, line: str) -> Person:
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 8:
            raise ValueError(f"expected 8 tab-separated columns, got {len(cols)}")
        qid, name, variants, country, sector, role, start, end = (c.strip() for c in cols)
        return cls(qid or None, name, tuple(v.strip() for v in variants.split("|") if v.strip()),
                   country, sector, role, start or None, end or None)


def _rank(rows: Iterable[Person], on: str | None) -> list[Person]:
    """Rows covering ``on`` first, the rest after (most recent term first)."""
    rows = sorted(rows, key=lambda p: p.start or "", reverse=True)
    if on is None:
        return rows
    return sorted(rows, key=lambda p: not p.covers(on))


class KnowledgeBase:
    """All rows, indexed by normalised full names, variants and surnames."""

    def __init__(self, rows: Iterable[Person] = ()) -> None:
        self.rows: list[Person] = []
        self._by_name: dict[str, list[Person]] = {}
        self._by_surname: dict[str, list[Person]] = {}
        self._seen: set[tuple[Any, ...]] = set()
        for row in rows:
            self.add(row)

    @staticmethod
    def _key(p: Person) -> tuple[Any, ...]:
        return (p.qid or normalise(p.name), p.country, p.role, p.start)

    def add(self, person: Person) -> bool:
        """Add a row unless the same term of the same person is already there."""
        key = self._key(person)
        if key in self._seen:
            return False
        self._seen.add(key)
        self.rows.append(person)
        for form in {normalise(n) for n in person.all_names()}:
            self._by_name.setdefault(form, []).append(person)
        for form in person.surnames():
            self._by_surname.setdefault(form, []).append(person)
        return True

    @classmethod
    def load(cls, path: str | Path | None = None) -> KnowledgeBase:
        """Read a ``people.tsv`` file (default: the shipped one)."""
        path = Path(path) if path is not None else PEOPLE_TSV
        kb = cls()
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                try:
                    kb.add(Person.from_row(line))
                except ValueError as err:
                    raise ValueError(f"{path}:{n}: {err}") from None
        return kb

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Person]:
        return iter(self.rows)

    def lookup(self, name: str, on: str | None = None) -> list[Person]:
        """Rows whose name or a variant equals ``name`` (normalised); with ``on``,
        the rows whose term covers that date come first."""
        return _rank(self._by_name.get(normalise(name), ()), on)

    def lookup_surname(self, surname: str, on: str | None = None) -> list[Person]:
        """Rows whose (variant) surname equals ``surname``; covering rows first."""
        return _rank(self._by_surname.get(normalise(surname), ()), on)

    def office_on(self, person_name: str, on: str) -> Person | None:
        """The row in force on ``on``; else the most recent ended term as a copy with
        sector ``ELI`` (PLOVER: former officials) and role "former ..."; ``None`` when unknown or not yet in office.
        Falls back to a surname lookup when ``person_name`` is no known full name."""
        rows = self.lookup(person_name, on) or self.lookup_surname(person_name, on)
        if not rows:
            return None
        if rows[0].covers(on):
            return rows[0]
        past = [r for r in rows if r.end is not None and r.end < on]
        if not past:
            return None
        last = max(past, key=lambda r: r.end or "")
        return replace(last, sector="ELI", role=f"former {last.role}")

    def names(self) -> Iterator[tuple[str, str]]:
        """(normalised name form, canonical name) for every name and variant."""
        for form, rows in self._by_name.items():
            for name in dict.fromkeys(r.name for r in rows):
                yield form, name

    def merge(self, other: KnowledgeBase | Iterable[Person]) -> int:
        """Add the rows of ``other`` (e.g. a converted dump); returns how many were new."""
        return sum(self.add(p) for p in other)


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once, merged with the people files named in the
    environment variable ``CHRONIK_PEOPLE`` (``os.pathsep``-separated; e.g. a file built
    by ``chronik kb-import`` from a Wikidata dump)."""
    kb = KnowledgeBase.load()
    for extra in filter(None, os.environ.get("CHRONIK_PEOPLE", "").split(os.pathsep)):
        kb.merge(KnowledgeBase.load(extra))
    return kb


# --------------------------------------------------------------- Wikidata dumps

def load_positions(path: str | Path | None = None) -> dict[str, tuple[str, str, str]]:
    """Position QID -> (country, sector, role); country may be empty (then taken from
    the position item's P17/P1001 in the dump, else the holder's P27)."""
    out: dict[str, tuple[str, str, str]] = {}
    with open(path or POSITIONS_TSV, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                qid, country, sector, role = line.rstrip("\n").split("\t")[:4]
                out[qid.strip()] = (country.strip(), sector.strip(), role.strip())
    return out


def _open(path: str | Path) -> IO[str]:
    p = str(path)
    if p.endswith(".gz"):
        return gzip.open(p, "rt", encoding="utf-8")
    if p.endswith(".bz2"):
        return bz2.open(p, "rt", encoding="utf-8")
    return open(p, encoding="utf-8")


def _ids(entity: dict[str, Any], prop: str) -> list[str]:
    """Item ids of the non-deprecated statements of ``prop``."""
    out = []
    for st in entity.get("claims", {}).get(prop, []):
        value = st.get("mainsnak", {}).get("datavalue", {}).get("value")
        if st.get("rank") != "deprecated" and isinstance(value, dict):
            qid = value.get("id") or (f"Q{value['numeric-id']}" if "numeric-id" in value else None)
            if qid:
                out.append(qid)
    return out


def _strings(entity: dict[str, Any], prop: str) -> list[str]:
    return [st["mainsnak"]["datavalue"]["value"] for st in entity.get("claims", {}).get(prop, [])
            if isinstance(st.get("mainsnak", {}).get("datavalue", {}).get("value"), str)]


def _time(statement: dict[str, Any], prop: str) -> str | None:
    """A qualifier's time as YYYY-MM-DD (month/day 01 below day/month precision)."""
    for q in statement.get("qualifiers", {}).get(prop, []):
        value = q.get("datavalue", {}).get("value")
        if not isinstance(value, dict) or "time" not in value:
            continue
        m = re.match(r"\+(\d{4})-(\d\d)-(\d\d)", value["time"])
        if not m:
            continue
        year, month, day = m.groups()
        precision = value.get("precision", 11)
        month = "01" if precision < 10 or month == "00" else month
        day = "01" if precision < 11 or day == "00" else day
        return f"{year}-{month}-{day}"
    return None


def _iso3(entity: dict[str, Any]) -> str | None:
    codes = _strings(entity, "P298")
    if codes:
        return codes[0].upper()
    for alpha2 in _strings(entity, "P297"):
        import pycountry

        country = pycountry.countries.get(alpha_2=alpha2.upper())
        if country is not None:
            return country.alpha_3
    return None


def convert_wikidata_dump(path_in: str | Path, path_out: str | Path,
                          positions: dict[str, tuple[str, str, str]] | None = None) -> dict[str, Any]:
    """Stream a Wikidata JSON dump (.json/.json.gz/.json.bz2, one entity a line) and
    write people.tsv rows for humans (P31=Q5) holding a P39 position in ``positions``
    (default: ``data/wikidata-positions.tsv``). Returns statistics; unparsable lines
    are logged and counted (``bad_lines``, ``errors``) but do not stop the run."""
    positions = load_positions() if positions is None else positions
    stats: dict[str, Any] = {"lines": 0, "entities": 0, "humans": 0, "rows": 0,
                             "bad_lines": 0, "errors": []}
    iso3: dict[str, str] = {}
    position_country: dict[str, list[str]] = {}
    pending: list[tuple[dict[str, Any], str, list[str]]] = []  # (fields, position, P27)
    with _open(path_in) as fh:
        for n, line in enumerate(fh, 1):
            stats["lines"] += 1
            line = line.strip().rstrip(",")
            if line in ("", "[", "]"):
                continue
            try:
                entity = json.loads(line)
                if not isinstance(entity, dict) or "id" not in entity:
                    raise ValueError("not an entity object")
            except ValueError as err:
                msg = f"{path_in}: line {n}: cannot parse entity: {err}"
                log.warning(msg)
                stats["bad_lines"] += 1
                stats["errors"].append(msg)
                continue
            stats["entities"] += 1
            qid = entity["id"]
            code = _iso3(entity)
            if code:
                iso3[qid] = code
            if qid in positions:
                position_country[qid] = _ids(entity, "P17") + _ids(entity, "P1001")
            if "Q5" not in _ids(entity, "P31"):
                continue
            stats["humans"] += 1
            labels = {k: v.get("value", "") for k, v in entity.get("labels", {}).items()}
            name = labels.get("en") or labels.get("de") or next(iter(labels.values()), "")
            if not name:
                continue
            names = [labels.get("de", "")] + [a.get("value", "") for lang in ("en", "de")
                                              for a in entity.get("aliases", {}).get(lang, [])]
            seen = {normalise(name), normalise(name).split()[-1]}  # no bare surnames
            variants = []
            for v in names:
                if v and normalise(v) not in seen:
                    seen.add(normalise(v))
                    variants.append(v)
            for st in entity.get("claims", {}).get("P39", []):
                pos = next(iter(_ids({"claims": {"P39": [st]}}, "P39")), None)
                if pos in positions:
                    fields = dict(qid=qid, name=name, variants=tuple(variants),
                                  start=_time(st, "P580"), end=_time(st, "P582"))
                    pending.append((fields, pos, _ids(entity, "P27")))
    rows = []
    for fields, pos, citizenship in pending:
        country, sector, role = positions[pos]
        if not country:
            found = [iso3[c] for c in position_country.get(pos, []) + citizenship if c in iso3]
            country = found[0] if found else ""
        rows.append(Person(country=country, sector=sector, role=role, **fields))
    rows.sort(key=lambda p: (p.country, p.role, p.start or "", p.name))
    with open(path_out, "w", encoding="utf-8") as out:
        out.write(HEADER + "\n")
        for row in rows:
            out.write(row.to_row() + "\n")
    stats["rows"] = len(rows)
    return stats
