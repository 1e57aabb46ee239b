"""Resource limits for untrusted input, read from the ``[limits]`` section of
``settings.cfg``: every input is bounded in size, nesting, decompression and time, so
that no article, archive or feed can take the memory or the hours of a whole run.

Each limit is a plain number; :func:`limits` returns them (a user file or keyword
overrides may change them). The guards here are small functions the loaders call.
"""
from __future__ import annotations

import configparser
import contextlib
import re
import signal
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, fields, replace
from typing import IO

from .errors import ChronikError, Errors
from .settings import CONFIG


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits; see ``settings.cfg`` for each one's meaning."""

    max_input_bytes: int = 50_000_000
    max_document_chars: int = 5_000_000
    max_title_chars: int = 500
    max_line_chars: int = 100_000
    max_sentence_chars: int = 2_000
    max_decompressed_bytes: int = 1_000_000_000
    max_decompression_ratio: int = 200
    max_json_depth: int = 64
    max_feed_entries: int = 1_000
    document_seconds: float = 60.0
    max_field_chars: int = 2_000


_CACHE: Limits | None = None


def limits(path: str | None = None, **overrides: object) -> Limits:
    """The limits of ``settings.cfg`` (section ``[limits]``), then a user file, then overrides."""
    global _CACHE
    if _CACHE is None or path or overrides:
        cp = configparser.ConfigParser()
        cp.read([str(CONFIG)] + ([path] if path else []), encoding="utf-8")
        values = dict(cp["limits"]) if cp.has_section("limits") else {}
        base = Limits()
        kw = {}
        for f in fields(Limits):
            if f.name in values:
                kw[f.name] = type(getattr(base, f.name))(values[f.name])
        result = replace(base, **kw, **overrides)
        if path or overrides:
            return result
        _CACHE = result
    return _CACHE


_SURROGATE = re.compile("[\ud800-\udfff]")


class LimitError(ChronikError):
    """An input exceeds one of the limits."""


# text -------------------------------------------------------------------------
def clip(value: object, n: int) -> str | None:
    """A metadata field as a string of at most ``n`` characters (None for empty or
    non-scalar values such as lists and objects)."""
    if value is None or isinstance(value, (list, dict, tuple, set, bytes)):
        return None
    text = value if isinstance(value, str) else str(value)
    return scrub(text[:n]) or None


def scrub(text: str) -> str:
    """Replace lone surrogates ("\\ud800" from JSON escapes) by U+FFFD, so that the text
    can be written as UTF-8 anywhere; linear, and a no-op for well-formed text."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)


def break_long_lines(text: str, max_line: int) -> str:
    """Split lines longer than ``max_line`` characters at a space (else hard) so that
    line-wise cleaning stays linear; shorter lines are untouched."""
    if max_line <= 0 or len(text) <= max_line:
        return text
    out = []
    for line in text.split("\n"):
        while len(line) > max_line:
            cut = line.rfind(" ", max_line // 2, max_line)
            cut = cut if cut > 0 else max_line
            out.append(line[:cut])
            line = line[cut:].lstrip(" ")
        out.append(line)
    return "\n".join(out)


def check_document_size(text: str, where: str) -> None:
    """Refuse a document whose text is longer than ``max_document_chars``."""
    lim = limits().max_document_chars
    if len(text) > lim:
        raise LimitError(Errors.E014.format(what="document", size=f"{len(text):,} characters", limit=f"{lim:,}"))


def check_input_size(size: int, where: str) -> None:
    """Refuse an input file larger than ``max_input_bytes`` (archives are streamed and exempt)."""
    lim = limits().max_input_bytes
    if size > lim:
        raise LimitError(Errors.E014.format(what="input", size=f"{size:,} bytes", limit=f"{lim:,} bytes"))


# JSON -----------------------------------------------------------------------------
def json_depth_ok(line: str, max_depth: int | None = None) -> bool:
    """Whether the brackets of a JSON text nest at most ``max_depth`` deep (a linear scan
    that skips strings; checked before ``json.loads``, which would recurse)."""
    max_depth = max_depth or limits().max_json_depth
    if line.count("[") + line.count("{") <= max_depth:
        return True
    depth = 0
    in_str = esc = False
    for ch in line:
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch in "[{":
            depth += 1
            if depth > max_depth:
                return False
        elif ch in "]}":
            depth -= 1
    return True


# decompression ---------------------------------------------------------------------
class BoundedReader:
    """A read-only stream over ``raw`` that stops with a :class:`LimitError` once more than
    ``max_bytes`` have been read from it, or (for gzip) more than ``ratio`` times the
    compressed bytes consumed so far (after the first megabyte): a zip-bomb guard."""

    def __init__(self, raw: IO[bytes], *, max_bytes: int | None = None, ratio: int | None = None,
                 compressed: IO[bytes] | None = None, where: str = ""):
        lim = limits()
        self.raw = raw
        self.max_bytes = max_bytes or lim.max_decompressed_bytes
        self.ratio = ratio or lim.max_decompression_ratio
        self.compressed = compressed
        self.where = where
        self.count = 0

    def _check(self, n: int) -> None:
        self.count += n
        if self.count > self.max_bytes:
            raise LimitError(Errors.E014.format(what="decompressed data", size=f"over {self.max_bytes:,} bytes",
                                                limit=f"{self.max_bytes:,} bytes"))
        if self.compressed is not None and self.count > 1_000_000:
            try:
                used = max(1, self.compressed.tell())
            except (OSError, ValueError):
                return
            if self.count > used * self.ratio:
                raise LimitError(Errors.E014.format(what="decompression ratio",
                                                    size=f"{self.count // used}:1", limit=f"{self.ratio}:1"))

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = self.max_bytes + 1 - self.count
        data = self.raw.read(n)
        self._check(len(data))
        return data

    def readline(self, n: int = -1) -> bytes:
        data = self.raw.readline(n if n and n > 0 else self.max_bytes + 1 - self.count)
        self._check(len(data))
        return data

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.raw.tell()

    def close(self) -> None:
        self.raw.close()


def gunzip_bounded(data: bytes, where: str = "") -> bytes:
    """Decompress gzip ``data`` with the size and ratio limits."""
    lim = limits()
    cap = min(lim.max_decompressed_bytes, max(1_000_000, len(data) * lim.max_decompression_ratio))
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(data, cap + 1)
    if len(out) > cap or d.unconsumed_tail:
        raise LimitError(Errors.E014.format(what="decompressed data", size=f"over {cap:,} bytes",
                                            limit=f"{cap:,} bytes"))
    return out


# time ---------------------------------------------------------------------------
class DocumentTimeout(LimitError):
    """A document took longer than ``document_seconds``."""


@contextlib.contextmanager
def time_budget(seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in the block once ``seconds`` have passed (a real
    timer signal, so also inside a long regular expression's Python caller). Only in the
    main thread of a Unix process; elsewhere (worker threads) the block runs unbounded."""
    seconds = limits().document_seconds if seconds is None else seconds
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return
    def _expired(signum: int, frame: object) -> None:
        raise DocumentTimeout(Errors.E015.format(seconds=f"{seconds:g}"))

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
