"""A small, fast date grammar: finds date expressions and resolves them.

The engine is language-independent; every word it knows comes from
``chronik/lang/<lang>/data/dates.tsv`` (see the comment header there). Absolute
dates ("19. September 2023", "2023-09-19") resolve on their own; everything
else ("gestern", "on Tuesday", "am 19. September", "last week") is resolved
against the reference (publication) date and skipped when there is none.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "lang"
_D = dt.timedelta
_FUTURE_DAYS = 60  # a year-less date further than this after ref belongs to the previous year
_SENT_START = re.compile(r"(?:^|[.!?:;\"'„“»«(\n])\s*$")
_PREV_WORD = re.compile(r"(\w+)\W{0,3}$")
_NEXT_WORD = re.compile(r"\s+(\w)")
_FULL = frozenset({"dmy", "mdy", "iso", "num"})  # day-precision date patterns


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression found in a text.

    Attributes:
        start: character offset of the expression in the given text.
        end: end offset (exclusive); ``text[start:end] == self.text``.
        text: the expression as written.
        value: "YYYY-MM-DD" (day, or the Monday of a week), "YYYY-MM" or "YYYY".
        precision: "day", "week", "month" or "year".
        relative: True when resolved against the reference date.
    """

    start: int
    end: int
    text: str
    value: str
    precision: str
    relative: bool


@dataclass(slots=True)
class _Grammar:
    """The compiled grammar of one language."""

    data: dict[str, dict[str, str]]
    patterns: list[tuple[str, re.Pattern[str]]]

    def has(self, kind: str, form: str) -> bool:
        return form.lower() in self.data.get(kind, {})

    def get(self, kind: str, form: str) -> str:
        return self.data[kind][" ".join(form.lower().split())]


def _alt(forms: dict[str, str] | list[str]) -> str:
    """A regex alternation of literal forms, longest first, spaces as ``\\s+``."""
    ordered = sorted(forms, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in ordered) or r"(?!x)x"


@lru_cache(maxsize=None)
def _grammar(lang: str) -> _Grammar | None:
    """Load and compile the grammar of ``lang`` once; None for an unknown language."""
    path = _DATA / lang / "data" / "dates.tsv"
    if not path.is_file():
        return None
    data: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, form, value = (line.split("\t") + ["", ""])[:3]
        data.setdefault(kind, {})[form.strip().lower()] = value.strip()
    opt = data.get("option", {})
    month, wday = _alt(data.get("month", {})), _alt(data.get("weekday", {}))
    part = f"(?:{_alt(data['day_part'])})?" if data.get("day_part") else ""
    ords = f"(?:{_alt(data['ordinal'])})?" if data.get("ordinal") else ""
    join = rf"(?:\s+(?:{_alt(data['joiner'])}))?" if data.get("joiner") else ""
    year = r"(?P<y>\d{4})(?![\d\w]|[.,]\d)"
    num = rf"(?:\d{{1,3}}|{_alt(data.get('number', {}))})"
    unit = _alt(data.get("unit", {}))
    pats = [
        ("dmy", rf"(?<![\w.,])(?P<d>\d{{1,2}})(?:\.\s*|{ords}{join}\s+)(?P<m>{month})(?!\w)(?:,?\s+{year})?"),
        ("my", rf"(?<!\w)(?P<m>{month})(?!\w)(?:,?\s+{year})?"),
        ("iso", r"(?<![\w.\-])(?P<y>\d{4})-(?P<mn>\d{1,2})-(?P<d>\d{1,2})(?![\w\-]|[.,]\d)"),
        ("year", rf"(?<![\w.,\-]){year}(?!-\d)"),
        ("wday", rf"(?<!\w)(?:(?P<mod>{_alt(data.get('weekday_mod', {}))})\s+)?(?P<w>{wday}){part}(?!\w)"),
        ("rday", rf"(?<!\w)(?P<r>{_alt(data.get('relative_day', {}))})(?!\w)"),
        ("radj", rf"(?<!\w)(?P<r>{_alt(data.get('relative_adj', {}))})(?:\s+(?P<w>{wday}){part})?(?!\w)"),
        ("span", rf"(?<!\w)(?P<r>{_alt(data.get('relative_span', {}))})(?!\w)"),
    ]
    if opt.get("month_day") == "1":
        pats.append(("mdy", rf"(?<!\w)(?P<m>{month})\s+(?P<d>\d{{1,2}}){ords}(?![\d\w])(?:,?\s+{year})?"))
    if opt.get("numeric_dmy") == "1":
        pats.append(("num", r"(?<![\w.,])(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?:(?P<y>\d{4})(?![\w]|[.,]\d)|(?![\w]|[.,]?\d))"))
    for form, where in data.get("ago", {}).items():
        core = rf"(?P<n>{num})\s+(?P<u>{unit})"
        ago = rf"{re.escape(form)}\s+{core}" if where == "before" else rf"{core}\s+{re.escape(form)}"
        pats.append(("ago", rf"(?<!\w){ago}(?!\w)"))
    return _Grammar(data, [(name, re.compile(p, re.IGNORECASE)) for name, p in pats])


def _month_shift(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` months after the month of ``day``."""
    k = day.year * 12 + day.month - 1 + months
    return k // 12, k % 12 + 1


def _guess_year(month: int, day: int, ref: dt.date) -> int:
    """ref's year, or the previous one when that puts the date far after ref."""
    try:
        cand = dt.date(ref.year, month, day)
    except ValueError:  # 29 February
        return ref.year - 1 if (month, day) > (ref.month, ref.day) else ref.year
    return ref.year - 1 if (cand - ref).days > _FUTURE_DAYS else ref.year


def _resolve_weekday(wd: int, mod: int, ref: dt.date) -> dt.date:
    """The weekday ``wd`` on or before ref (mod 0), strictly before (-1) or after (+1)."""
    if mod > 0:
        return ref + _D((wd - ref.weekday()) % 7 or 7)
    back = (ref.weekday() - wd) % 7
    return ref - _D(back or (7 if mod < 0 else 0))


def _span(offset: int, unit: str, ref: dt.date) -> tuple[str, str]:
    """Value and precision of ``offset`` units from ref."""
    if unit == "day":
        return (ref + _D(offset)).isoformat(), "day"
    if unit == "week":
        day = ref + _D(7 * offset)
        return (day - _D(day.weekday())).isoformat(), "week"
    if unit == "month":
        y, m = _month_shift(ref, offset)
        return f"{y:04d}-{m:02d}", "month"
    return f"{ref.year + offset:04d}", "year"


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def _capitalised(s: str) -> bool:
    return s[:1].isupper()


def _month_ok(g: _Grammar, text: str, m: re.Match[str], has_number: bool) -> bool:
    """Month names must be capitalised; ambiguous ones ("Mai", "May") need a number or a licensing word."""
    name = m.group("m")
    if not _capitalised(name):
        return False
    if has_number:
        return True
    prev = _prev_word(text, m.start())
    allowed = g.data.get("needs_number", {}).get(name.lower())
    if allowed is not None:
        return prev in allowed.split(",")
    return g.has("month_prep", prev)


def _ymd(y: int, mo: int, d: int) -> str | None:
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _match(g: _Grammar, kind: str, m: re.Match[str], text: str, ref: dt.date | None) -> tuple[str, str, bool] | None:
    """Resolve one regex match to (value, precision, relative), or None to reject it."""
    gd = m.groupdict()
    y = int(gd["y"]) if gd.get("y") else None
    if y is not None and not 1000 <= y <= 2199:
        return None
    if kind in ("dmy", "mdy", "iso", "num"):
        if gd.get("m") and not _month_ok(g, text, m, True):
            return None
        mo = int(gd["mn"]) if gd.get("mn") else int(g.get("month", gd["m"]))
        d = int(gd["d"])
        if y is None:
            if ref is None or not 1 <= mo <= 12:
                return None
            value = _ymd(_guess_year(mo, d, ref), mo, d)
        else:
            value = _ymd(y, mo, d)
        return (value, "day", y is None) if value else None
    if kind == "my":
        if not _month_ok(g, text, m, y is not None):
            return None
        mo = int(g.get("month", gd["m"]))
        if y is not None:
            return f"{y:04d}-{mo:02d}", "month", False
        return (f"{_guess_year(mo, 1, ref):04d}-{mo:02d}", "month", True) if ref else None
    if kind == "year":
        prev = _prev_word(text, m.start())
        if not g.has("year_prep", prev) or (y is not None and y < 1900 and prev in ("in", "by", "von", "from")):
            return None
        if g.data.get("option", {}).get("capitalised_nouns") == "1" and not prev.startswith("jahr"):
            nxt = _NEXT_WORD.match(text, m.end())
            if nxt and _capitalised(nxt.group(1)):  # "von 2000 Soldaten"
                return None
        return f"{y:04d}", "year", False
    if ref is None:
        return None
    if kind == "wday":
        if not _capitalised(m.group("w")):
            return None
        mod = int(g.get("weekday_mod", gd["mod"])) if gd.get("mod") else 0
        return _resolve_weekday(int(g.get("weekday", gd["w"])), mod, ref).isoformat(), "day", True
    r = gd.get("r", "")
    if kind == "rday":
        low = r.lower()
        prev = _prev_word(text, m.start())
        if g.data.get("not_after", {}).get(prev) == low:
            return None
        if g.has("lower_only", low) and r != low and not _SENT_START.search(text, max(0, m.start() - 5), m.start()):
            return None
        return (ref + _D(int(g.get("relative_day", r)))).isoformat(), "day", True
    if kind == "radj":
        if g.has("needs_weekday", r) and not gd.get("w"):
            return None
        return (ref + _D(int(g.get("relative_adj", r)))).isoformat(), "day", True
    if kind == "span":
        offset, unit = g.get("relative_span", r).split()
        value, prec = _span(int(offset), unit, ref)
        return value, prec, True
    if kind == "ago":
        n = gd["n"]
        count = int(n) if n.isdigit() else int(g.get("number", n))
        value, prec = _span(-count, g.get("unit", gd["u"]), ref)
        return value, prec, True
    return None


def find_dates(text: str, lang: str, ref: dt.date | None) -> list[DateMention]:
    """Find and resolve the date expressions of a text.

    Args:
        text: the text to search (offsets of the result point into it).
        lang: language code with a ``lang/<lang>/data/dates.tsv`` file ("de", "en");
            an unknown language yields no dates.
        ref: the reference (publication) date; without it relative and year-less
            expressions are skipped.

    Returns:
        Non-overlapping mentions in text order; where candidates overlap the longest wins.
        A weekday directly followed by a full date ("Dienstag, 19. September 2023")
        is merged into one mention with the date's value.
    """
    g = _grammar(lang)
    if g is None or not text:
        return []
    cands: list[tuple[int, int, str, tuple[str, str, bool]]] = []
    for kind, pat in g.patterns:
        for m in pat.finditer(text):
            res = _match(g, kind, m, text, ref)
            if res is not None:
                cands.append((m.start(), m.end(), kind, res))
    cands.sort(key=lambda c: (c[0] - c[1], c[0]))  # longest first
    chosen: list[tuple[int, int, str, tuple[str, str, bool]]] = []
    for c in cands:
        if all(c[1] <= o[0] or c[0] >= o[1] for o in chosen):
            chosen.append(c)
    chosen.sort()
    out: list[DateMention] = []
    prev_kind = ""
    for s, e, kind, (value, prec, rel) in chosen:
        if prev_kind == "wday" and kind in _FULL and not text[out[-1].end:s].strip(", "):
            s = out.pop().start  # "Dienstag, 19. September": one mention, the date's value
        out.append(DateMention(s, e, text[s:e], value, prec, rel))
        prev_kind = kind
    return out
