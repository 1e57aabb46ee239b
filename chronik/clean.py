"""Cleaning scraped article text without losing meaning.

One function per rule; :func:`clean_text` runs them in order and returns the
cleaned text with the metadata it found (title, publication date, outlet).

The cleaned text is ``title + "\\n\\n" + body``: the headline is kept once (it
often states the main event), repeated headlines, datelines, view counters,
navigation and tag/share/newsticker trailers are removed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import dates as _dates
from .outlets import find_outlet

# Characters that are invisible or layout-only in scraped pages.
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")

# View counters and similar page furniture: "Gelesen: 419", "Aufrufe 1.203", "Views: 12",
# "1,234 views", "Lesezeit: 3 Min."
COUNTER = re.compile(
    r"(?i)\b(?:gelesen|aufrufe|views?|seitenaufrufe|zugriffe|lesezeit|reading time|read time)\b\s*:?\s*[\d.,]+"
    r"(?:\s*(?:min(?:uten|utes)?\.?))?|\b[\d.,]+\s+(?:views|aufrufe|mal gelesen)\b"
)
# Whole lines that are navigation, sharing or tag furniture (matched on the stripped line).
BOILERPLATE_LINE = re.compile(
    r"(?i)^(?:tags?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|themen|topics|newsticker|news ticker|"
    r"teilen|share(?: this(?: article)?)?|drucken|print|e-?mail|facebook|twitter|x|whatsapp|telegram|"
    r"linkedin|mehr zum thema|lesen sie auch|auch interessant|related(?: articles| stories)?|read more|"
    r"weitere artikel|weitere nachrichten|kommentare?|comments?|zur[üu]ck|nach oben|back to top|home|"
    r"startseite|menu|menü|suche|search|anzeige|werbung|advertisement|newsletter|abonnieren|subscribe|"
    r"alle rechte vorbehalten|all rights reserved|quelle|quellen|sources?|copyright)\b[\s:|•·-]*.{0,80}$"
)
# Markers after which everything is trailer, even long lines ("Tags: Aserbaidschan, Karabach").
TRAILER_START = re.compile(
    r"(?i)^(?:tags?|schlagw(?:ö|oe)rter|newsticker|mehr zum thema|lesen sie auch|related articles|"
    r"read more|weitere artikel|share this article)\s*:?"
)
COPYRIGHT = re.compile(r"(?i)^(?:©|\(c\)|copyright)\s")
BREADCRUMB = re.compile(r"^[^.!?]{1,60}(?:\s*[>»/|›]\s*[^.!?]{1,40}){2,}$")
BYLINE = re.compile(r"(?i)^(?:von|by|autor(?:in)?:|author:)\s+[\w.\- ]{2,60}$")
SENTENCE_END = re.compile(r"[.!?…\"“”»«')]\s*$")


@dataclass(slots=True)
class Cleaned:
    """Result of :func:`clean_text`."""

    text: str
    title: str | None
    published: str | None
    source: str | None
    body_start: int


def normalize_chars(text: str) -> str:
    """NBSP and exotic spaces to plain spaces, drop soft hyphens and zero-width
    characters, unify line ends, NFC-normalise ("Präsident" in one code point each)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(INVISIBLE)
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def _norm_key(line: str) -> str:
    return re.sub(r"\W+", " ", line.casefold()).strip()


def is_furniture(line: str) -> bool:
    """A line that is page furniture: counters, breadcrumbs, share buttons, bylines."""
    rest = COUNTER.sub("", line).strip(" |•·-–—:")
    if not rest:
        return True
    return bool(BOILERPLATE_LINE.match(line) or COPYRIGHT.match(line) or BREADCRUMB.match(line))


def header_date(line: str) -> str | None:
    """A dateline: the line is (mostly) a date, maybe with a counter ("20 September 2023 Gelesen: 419")."""
    rest = COUNTER.sub("", line)
    found = _dates.find_dates(rest, "de", None) + _dates.find_dates(rest, "en", None)
    for m in found:
        if m.precision != "day":
            continue
        leftover = (rest[: m.start] + rest[m.end :]).strip(" ,|•·-–—:")
        if len(leftover) <= 30:  # "Berlin, 20. September 2023", "Stand: 20.09.2023"
            return m.value
    return None


def strip_trailer(lines: list[str]) -> list[str]:
    """Cut tag/share/newsticker/navigation lines at the end of the page."""
    # Everything after an explicit trailer marker in the last third goes.
    cut = len(lines)
    for i in range(len(lines) - 1, max(-1, len(lines) * 2 // 3 - 2), -1):
        if lines[i] and TRAILER_START.match(lines[i]):
            cut = i
    lines = lines[:cut]
    while lines and (not lines[-1] or is_furniture(lines[-1]) or _short_fragment(lines[-1])):
        lines.pop()
    return lines


def _short_fragment(line: str) -> bool:
    """A trailing line of at most three words without sentence punctuation (menu items)."""
    return len(line.split()) <= 3 and not SENTENCE_END.search(line)


def split_header(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    """Find the title and the dateline among the first lines; drop the headline's
    repetition, counters and bylines. Returns (title, date, body lines)."""
    title = None
    published = None
    i = 0
    n = len(lines)
    # Scan at most the first 8 non-empty lines for header material.
    seen = 0
    while i < n and seen < 8:
        line = lines[i]
        if not line:
            i += 1
            continue
        seen += 1
        if title is not None and _norm_key(line) == _norm_key(title):
            i += 1  # repeated headline
            continue
        d = header_date(line)
        if d is not None:
            published = published or d
            i += 1
            continue
        if is_furniture(line) or BYLINE.match(line):
            i += 1
            continue
        if title is None and len(line) <= 200 and not _is_body_paragraph(line):
            title = line
            i += 1
            continue
        break
    return title, published, lines[i:]


def _is_body_paragraph(line: str) -> bool:
    """Long running text with sentence punctuation: the body has started."""
    return len(line) > 200 or (len(line) > 80 and line.count(". ") >= 1 and SENTENCE_END.search(line) is not None)


def join_paragraphs(lines: list[str]) -> str:
    """Lines to paragraphs: blank lines separate paragraphs; runs of blanks collapse."""
    out: list[str] = []
    blank = False
    for line in lines:
        if not line:
            blank = True
            continue
        if out and blank:
            out.append("")
        out.append(line)
        blank = False
    return "\n".join(out)


def clean_text(raw: str, *, title: str | None = None) -> Cleaned:
    """Clean scraped text. ``title`` (from HTML metadata) is used when given.

    Example: the founding article loses its second headline, "20 September 2023
    Gelesen: 419", "Tags:" and "Newsticker"; its date becomes 2023-09-20.
    """
    lines = normalize_chars(raw).split("\n")
    lines = strip_trailer(lines)
    found_title, published, body_lines = split_header(lines)
    if title:
        title = normalize_chars(title).strip()
        # The page repeats the metadata title as its first line: drop it.
        if found_title and _norm_key(found_title) != _norm_key(title):
            body_lines = [found_title, ""] + body_lines
    else:
        title = found_title
    body_lines = [ln for ln in body_lines if not (ln and is_furniture(ln) and len(ln) < 60)]
    body = join_paragraphs(body_lines).strip()
    if title and body.startswith(title):
        body = body[len(title):].lstrip()
    if found_title and not body and title == found_title and SENTENCE_END.search(title):
        body, title = title, None  # a lone sentence is a body, not a headline
    if title:
        text = f"{title}\n\n{body}" if body else title
        body_start = len(title) + 2 if body else len(title)
    else:
        text, body_start = body, 0
    return Cleaned(text=text, title=title, published=published, source=find_outlet(body), body_start=body_start)
