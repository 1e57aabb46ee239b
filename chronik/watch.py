"""``chronik watch``: poll a list of feeds on a schedule and ingest what is new.

Each cycle asks every feed with a conditional GET (its ETag/Last-Modified from the last
cycle), reads only entries it has not seen in the same version (entry id or link, and
its updated date or content fingerprint), fetches their articles under the URL policy of
:mod:`chronik.fetch` and ingests them (dedup as usual). The state lives in the store
(tables ``watch_feeds`` and ``watch_entries``) and is written only after the entries'
documents are committed: a restart, a kill or a network error loses nothing, the next
cycle retries what failed. One log line per cycle; SIGINT/SIGTERM stop after the
document in hand.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .errors import ChronikError, Errors, InputError
from .model import Document

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS watch_feeds (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, "
    "polled TEXT, status TEXT, entries INTEGER NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS watch_entries (feed TEXT NOT NULL, entry TEXT NOT NULL, version TEXT NOT NULL, "
    "seen TEXT NOT NULL, PRIMARY KEY (feed, entry))",
)
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNIT = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``15m`` -> 900.0 seconds (units s, m, h, d; a bare number is seconds).

    Raises:
        ValueError: not an interval, or under one second.
    """
    m = _INTERVAL.match(text or "")
    if not m:
        raise ValueError(f"invalid interval {text!r}: use e.g. 30s, 15m, 2h")
    seconds = float(m.group(1)) * _UNIT[(m.group(2) or "").lower() or None]
    if seconds < 1:
        raise ValueError(f"interval {text!r} is under one second")
    return seconds


def read_feed_list(path: str) -> list[str]:
    """Feed URLs of a list file: one a line, ``#`` comments and blank lines ignored.

    Raises:
        InputError: the file is missing, unreadable, empty or has a line that is no http(s) URL.
    """
    from .fetch import is_url

    try:
        with open(path, encoding="utf-8") as f:
            lines = [ln.strip() for ln in f]
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, Errors.E009.format(detail=getattr(exc, "strerror", None) or str(exc))) from None
    urls = []
    for n, line in enumerate(lines, 1):
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(path, Errors.E009.format(detail=f"line {n} is no http(s) URL: {line[:80]!r}"))
        urls.append(line)
    if not urls:
        raise InputError(path, Errors.E004)
    return urls


@dataclass
class CycleReport:
    """What one cycle did."""

    number: int
    feeds: int = 0
    unchanged_feeds: int = 0
    failed_feeds: int = 0
    new_entries: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self, next_in: float | None) -> str:
        """The cycle's log line."""
        when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        nxt = f"; next in {_human(next_in)}" if next_in else ""
        return (f"chronik watch: cycle {self.number} at {when}: {self.feeds} feeds ({self.unchanged_feeds} unchanged, "
                f"{self.failed_feeds} failed), {self.new_entries} new entries: {self.added} added, "
                f"{self.updated} updated, {self.unchanged} unchanged, {self.duplicates} near-duplicates, "
                f"{self.failed} failed; {self.events} events{nxt}")


def _human(seconds: float) -> str:
    for unit, n in (("h", 3600), ("m", 60)):
        if seconds >= n and seconds % n == 0:
            return f"{int(seconds // n)}{unit}"
    return f"{seconds:g}s"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def entry_key(entry: Any, n: int) -> tuple[str, str]:
    """(identity, version) of a feed entry: its id or link; its updated/published date,
    else a fingerprint of title, link and summary."""
    ident = str(entry.get("id") or entry.get("link") or f"#{n}")
    version = str(("updated" in entry.keys() and entry["updated"]) or entry.get("published") or "")
    if not version:
        raw = "\x1f".join(str(entry.get(k) or "") for k in ("title", "link", "summary"))
        version = hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest()
    return ident[:2000], version[:200]


class Watcher:
    """Polls ``feeds`` into ``store``; :meth:`cycle` is one poll, :meth:`run` the schedule."""

    def __init__(self, store: Any, feeds: list[str], fetcher: Any, *, lang: str | None = None,
                 merge: bool = True, log: Callable[[str], None] = print, stop: threading.Event | None = None):
        self.store = store
        self.feeds = feeds
        self.fetcher = fetcher
        self.lang = lang
        self.merge = merge
        self.log = log
        self.stop = stop or threading.Event()
        for sql in SCHEMA:
            store.db.execute(sql)
        self.cycles = 0

    # one cycle --------------------------------------------------------------
    def cycle(self) -> CycleReport:
        self.cycles += 1
        rep = CycleReport(self.cycles)
        for url in self.feeds:
            if self.stop.is_set():
                break
            rep.feeds += 1
            try:
                self._poll(url, rep)
            except ChronikError as exc:
                rep.failed_feeds += 1
                rep.errors.append(str(exc))
                self._set_feed(url, status=str(exc)[:300])
            except Exception as exc:  # noqa: BLE001 - one feed must not stop the watcher
                rep.failed_feeds += 1
                rep.errors.append(f"{url}: {Errors.E099.format(detail=f'{type(exc).__name__}: {exc}'[:200])}")
        return rep

    def _poll(self, url: str, rep: CycleReport) -> None:
        from .fetch import FetchError
        from .ingest.feeds import entry_document, is_feed, parse_feed

        db = self.store.db
        row = db.one("SELECT etag, last_modified FROM watch_feeds WHERE url = ?", (url,))
        resp = self._get_feed(url, row)
        if resp.not_modified:
            rep.unchanged_feeds += 1
            self._set_feed(url, status="304 not modified")
            return
        if not is_feed(resp.body):
            raise FetchError(url, Errors.E009.format(detail="not an RSS/Atom feed"))
        feed = parse_feed(resp.body, url)
        site = (feed.feed.get("title") or "").strip()[:500] or None
        from .limits import limits

        entries = feed.entries[: limits().max_feed_entries]
        seen = dict(db.all("SELECT entry, version FROM watch_entries WHERE feed = ?", (url,)))
        fresh = []
        for n, entry in enumerate(entries, 1):
            key, version = entry_key(entry, n)
            if seen.get(key) != version:
                fresh.append((n, entry, key, version))
        rep.new_entries += len(fresh)
        done: list[tuple[str, str]] = []

        def documents() -> Iterator[Document | InputError]:
            for n, entry, key, version in fresh:
                if self.stop.is_set():
                    return
                try:
                    item = entry_document(entry, n, url, site, published=None, lang=self.lang, fetcher=self.fetcher)
                except Exception as exc:  # noqa: BLE001
                    item = InputError(f"{url}#{n}", Errors.E099.format(detail=f"{type(exc).__name__}: {exc}"[:200]))
                if isinstance(item, InputError):
                    rep.errors.append(str(item))  # not marked seen: retried next cycle
                else:
                    done.append((key, version))  # None: 304, the store has it unchanged
                if item is not None:
                    yield item

        ing = self.store.ingest(documents(), merge=self.merge)
        for name in ("added", "updated", "unchanged", "duplicates", "failed", "events"):
            setattr(rep, name, getattr(rep, name) + getattr(ing, name))
        with db.transaction():  # the documents are committed: now the state may say so
            now = _now()
            for key, version in done:
                db.execute("INSERT INTO watch_entries (feed, entry, version, seen) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (feed, entry) DO UPDATE SET version = excluded.version, seen = excluded.seen",
                           (url, key, version, now))
            if len(done) == len(fresh) and not self.stop.is_set():  # all entries in: the feed version is done
                self._set_feed(url, status="200", etag=resp.etag, last_modified=resp.last_modified,
                               entries=len(entries))
            else:
                self._set_feed(url, status=f"200, {len(fresh) - len(done)} entries to retry", entries=len(entries))

    def _get_feed(self, url: str, validators: tuple | None) -> Any:
        return self.fetcher.get(url, validators=validators or (None, None))

    def _set_feed(self, url: str, *, status: str, etag: str | None = None, last_modified: str | None = None,
                  entries: int | None = None) -> None:
        db = self.store.db
        with db.transaction():
            db.execute("INSERT INTO watch_feeds (url, polled, status) VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE "
                       "SET polled = excluded.polled, status = excluded.status", (url, _now(), status))
            if etag is not None or last_modified is not None:
                db.execute("UPDATE watch_feeds SET etag = ?, last_modified = ? WHERE url = ?", (etag, last_modified, url))
            if entries is not None:
                db.execute("UPDATE watch_feeds SET entries = ? WHERE url = ?", (entries, url))

    # the schedule --------------------------------------------------------------
    def run(self, every: float, cycles: int | None = None,
            on_cycle: Callable[[CycleReport], None] | None = None) -> int:
        """Poll every ``every`` seconds until :attr:`stop` is set (or ``cycles`` are done);
        returns the number of cycles run."""
        import time

        while not self.stop.is_set():
            start = time.monotonic()
            rep = self.cycle()
            last = cycles is not None and self.cycles >= cycles
            for err in rep.errors:
                self.log(f"chronik: warning: {err}")
            self.log(rep.line(None if last or self.stop.is_set() else every))
            if on_cycle:
                on_cycle(rep)
            if last:
                break
            self.stop.wait(max(0.0, every - (time.monotonic() - start)))
        return self.cycles
