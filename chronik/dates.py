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

    data: dict[str, dict[str, str]]  # kind -> form -> value
    lower: re.Pattern[str]  # for lower-cased text
    anycase: re.Pattern[str]  # when lower-casing would change the text's length
    groups: dict[str, list[str]]  # pattern name -> names of its groups ("dmy" -> "dmy_d", ...)

    def has(self, kind: str, form: str) -> bool:
        return form.lower() in self.data.get(kind, {})

    def get(self, kind: str, form: str) -> str:
        return self.data[kind][" ".join(form.lower().split())]


def _alt(forms: dict[str, str] | list[str]) -> str:
    """A regex matching any of the literal ``forms``, as a prefix trie (fast); spaces match ``\\s+``."""
    trie: dict[str, dict] = {}
    for form in forms:
        node = trie
        for ch in " ".join(form.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [(r"\s+" if k == " " else re.escape(k)) + emit(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = "(?:" + "|".join(alts) + ")"
        return body + "?" if "" in node else body

    return emit(trie) if trie else r"(?!x)x"


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
    opt = data.setdefault("option", {})
    month, wday = _alt(data.get("month", {})), _alt(data.get("weekday", {}))
    part = f"{_alt(data['day_part'])}?" if data.get("day_part") else ""
    ords = f"{_alt(data['ordinal'])}?" if data.get("ordinal") else ""
    join = rf"(?:\s+{_alt(data['joiner'])})?" if data.get("joiner") else ""
    rng = rf"(?:\s*{_alt(data['range'])}\s*\d{{1,2}})?" if data.get("range") else ""  # "18.-20.", value: the first
    year = r"(?P<K_y>\d{4})(?![\d\w]|[.,]\d)"
    num = rf"(?:\d{{1,3}}|{_alt(data.get('number', {}))})"
    # (name, first character: "a" letter / "0" digit / "*" either, pattern); every match starts a word,
    # and at each position the first pattern that matches wins
    pats = [
        ("radj", "a", rf"(?P<K_r>{_alt(data.get('relative_adj', {}))})(?:\s+(?P<K_w>{wday}){part})?(?!\w)"),
        ("span", "a", rf"(?P<K_r>{_alt(data.get('relative_span', {}))})(?!\w)"),
        ("wday", "a", rf"(?:(?P<K_mod>{_alt(data.get('weekday_mod', {}))})\s+)?(?P<K_w>{wday}){part}(?!\w)"),
        ("rday", "a", rf"(?P<K_r>{_alt(data.get('relative_day', {}))})(?!\w)"),
    ]
    for i, (form, where) in enumerate(data.get("ago", {}).items()):
        core = rf"(?P<K_n>{num})\s+(?P<K_u>{_alt(data.get('unit', {}))})"
        ago = (rf"{re.escape(form)}\s+{core}", "a") if where == "before" else (rf"{core}\s+{re.escape(form)}", "*")
        pats.insert(0, (f"ago{i}", ago[1], rf"{ago[0]}(?!\w)"))
    if opt.get("month_day") == "1":
        mdy = rf"(?P<K_m>{month})\s+(?P<K_d>\d{{1,2}}){ords}(?:{rng}{ords})?(?![\d\w])(?:,?\s+{year})?"
        pats.append(("mdy", "a", mdy))
    day = rf"(?<![.,])(?P<K_d>\d{{1,2}})(?:(?:\.|{ords}){rng})?(?:\.\s*|{ords}{join}\s+)"
    pats += [
        ("dmy", "0", rf"{day}(?P<K_m>{month})(?!\w)(?:,?\s+{year})?"),
        ("my", "a", rf"(?P<K_m>{month})(?!\w)(?:,?\s+{year})?"),
        ("iso", "0", r"(?<![.\-])(?P<K_y>\d{4})-(?P<K_mn>\d{1,2})-(?P<K_d>\d{1,2})(?=[tT]\d|(?!\w|-|[.,]\d))"),
    ]
    if opt.get("numeric_dmy") == "1":
        num_end = r"(?:(?P<K_y>\d{4})(?!\w|[.,]\d)|(?!\w|[.,]?\d))"  # "19.09.2023", "19.9."
        pats.append(("num", "0", rf"(?<![.,])(?P<K_d>\d{{1,2}})\.(?P<K_mn>\d{{1,2}})\.{num_end}"))
    pats.append(("year", "0", rf"(?<![.,\-]){year}(?!-\d)"))

    def union(first: str) -> str:
        return "|".join(f"(?P<{n}>{p.replace('(?P<K_', f'(?P<{n}_')})" for n, f, p in pats if f == first) or "(?!x)x"

    # cheap guards: only word starts are tried, and only the patterns that can begin with their first character
    combined = rf"(?<!\w)(?:{union('*')}|(?=\d)(?:{union('0')})|(?=[^\W\d])(?:{union('a')}))"
    groups = {n: [g for g in re.compile(combined).groupindex if g.startswith(n + "_")] for n, _, _ in pats}
    return _Grammar(data, re.compile(combined), re.compile(combined, re.IGNORECASE), groups)


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


def _month_ok(g: _Grammar, text: str, name: str, start: int, has_number: bool) -> bool:
    """Month names must be capitalised; ambiguous ones ("Mai", "May") need a number or a licensing word."""
    if not _capitalised(name):
        return False
    if has_number:
        return True
    prev = _prev_word(text, start)
    allowed = g.data.get("needs_number", {}).get(name.lower())
    if allowed is not None:
        return prev in allowed.split(",")
    return g.has("month_prep", prev)


def _ymd(y: int, mo: int, d: int) -> str | None:
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def _match(
    g: _Grammar, kind: str, gd: dict[str, str], span: tuple[int, int], text: str, ref: dt.date | None
) -> tuple[str, str, bool] | None:
    """Resolve one match (its groups ``gd`` and ``span``) to (value, precision, relative), or None to reject it."""
    start, end = span
    y = int(gd["y"]) if gd.get("y") else None
    if y is not None and not 1000 <= y <= 2199:
        return None
    if kind in ("dmy", "mdy", "iso", "num"):
        if gd.get("m") and not _month_ok(g, text, gd["m"], start, True):
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
        if not _month_ok(g, text, gd["m"], start, y is not None):
            return None
        mo = int(g.get("month", gd["m"]))
        if y is not None:
            return f"{y:04d}-{mo:02d}", "month", False
        return (f"{_guess_year(mo, 1, ref):04d}-{mo:02d}", "month", True) if ref else None
    if kind == "year":
        strength = g.data.get("year_prep", {}).get(_prev_word(text, start))
        if strength is None or y is None:
            return None
        if strength != "any":  # "in 1500 Metern", "von 2000 Soldaten"
            nxt = _NEXT_WORD.match(text, end)
            noun = nxt is not None and _capitalised(nxt.group(1)) and g.data["option"].get("capitalised_nouns") == "1"
            if noun or not 1900 <= y <= 2099:
                return None
        return f"{y:04d}", "year", False
    if ref is None:
        return None
    if kind == "wday":
        if not _capitalised(gd["w"]):
            return None
        mod = int(g.get("weekday_mod", gd["mod"])) if gd.get("mod") else 0
        return _resolve_weekday(int(g.get("weekday", gd["w"])), mod, ref).isoformat(), "day", True
    r = gd.get("r", "")
    if kind == "rday":
        low = r.lower()
        prev = _prev_word(text, start)
        if g.data.get("not_after", {}).get(prev) == low:
            return None
        if g.has("lower_only", low) and r != low and not _SENT_START.search(text, max(0, start - 5), start):
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
        Non-overlapping mentions in text order (at each position the first matching pattern
        wins: "ago", relative adjective, span, weekday, relative day, dates, bare year).
        A weekday directly followed by a full date ("Dienstag, 19. September 2023") is
        merged into one mention with the date's value.
    """
    g = _grammar(lang)
    if g is None or not text:
        return []
    low = text.lower()
    pat, hay = (g.lower, low) if len(low) == len(text) else (g.anycase, text)
    chosen: list[tuple[int, int, str, tuple[str, str, bool]]] = []
    for m in pat.finditer(hay):
        name = m.lastgroup or ""
        gd = {n[len(name) + 1:]: text[m.start(n):m.end(n)] for n in g.groups[name] if m.start(n) >= 0}
        kind = name.rstrip("0123456789")
        res = _match(g, kind, gd, m.span(), text, ref)
        if res is not None:
            chosen.append((m.start(), m.end(), kind, res))
    out: list[DateMention] = []
    prev_kind = ""
    for s, e, kind, (value, prec, rel) in chosen:
        gap = text[out[-1].end:s].strip(", ") if prev_kind == "wday" else "x"
        if kind in _FULL and (not gap or g.has("weekday_gap", gap)):
            s = out.pop().start  # "Dienstag, 19. September": one mention, the date's value
        out.append(DateMention(s, e, text[s:e], value, prec, rel))
        prev_kind = kind
    return out
