"""`chronik watch` against a feed server on 127.0.0.1 whose feed changes between polls."""
from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import pytest

import chronik.store as store_mod
from chronik.fetch import Fetcher, FetchOptions
from chronik.watch import Watcher, parse_interval, read_feed_list

from .localhttp import ARTICLE_A, ARTICLE_B, ARTICLE_C, html_page, local_server, rss

LOOPBACK = FetchOptions(allow_private=True, deadline=10, retries=0)
DATES = {"/a.html": "Tue, 19 Sep 2023 10:00:00 GMT", "/b.html": "Wed, 20 Sep 2023 10:00:00 GMT",
         "/c.html": "Thu, 21 Sep 2023 10:00:00 GMT"}


class ChangingFeed:
    """Poll 1: entry a; poll 2: a and b; then a, b and c; answers 304 to a matching ETag."""

    def __init__(self, srv):
        self.srv = srv
        self.version = 1
        self.down = False
        self.plan: list[int] = []  # versions of the next polls (then the last one stays)
        srv.routes["/feed.xml"] = self.feed
        for path, art in (("/a.html", ARTICLE_A), ("/b.html", ARTICLE_B), ("/c.html", ARTICLE_C)):
            srv.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, html_page(*art))

    def feed(self, h):
        if self.plan:
            self.version = self.plan.pop(0)
        if self.down:
            return 503, {}, b"down"
        etag = f'"v{self.version}"'
        if h.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        paths = ["/a.html", "/b.html", "/c.html"][: self.version]
        body = rss(self.srv.base, [(p.strip("/"), p, DATES[p]) for p in paths])
        return 200, {"Content-Type": "application/rss+xml", "ETag": etag}, body


@pytest.fixture
def srv():
    with local_server() as s:
        yield s


def test_parse_interval_and_feed_list(tmp_path):
    assert parse_interval("15m") == 900 and parse_interval("30s") == 30 and parse_interval("2h") == 7200
    assert parse_interval("45") == 45
    for bad in ("", "fast", "0s", "-5m"):
        with pytest.raises(ValueError):
            parse_interval(bad)
    p = tmp_path / "feeds.txt"
    p.write_text("# news\nhttps://example.com/feed.xml\n\nhttp://example.org/rss\n", encoding="utf-8")
    assert read_feed_list(str(p)) == ["https://example.com/feed.xml", "http://example.org/rss"]
    p.write_text("https://example.com/feed.xml\n/etc/passwd\n", encoding="utf-8")
    with pytest.raises(Exception, match="line 2 is no http"):
        read_feed_list(str(p))


def test_cycles_fetch_only_new_entries_and_survive_errors_and_restarts(srv, tmp_path):
    feed = ChangingFeed(srv)
    url = f"{srv.base}/feed.xml"
    db = str(tmp_path / "w.db")
    lines: list[str] = []

    def watcher(store):
        from chronik.store.http_cache import StoreValidatorCache

        return Watcher(store, [url], Fetcher(LOOPBACK, StoreValidatorCache(store)), lang="en", log=lines.append)

    with store_mod.open(db) as store:
        w = watcher(store)
        r1 = w.cycle()
        assert (r1.new_entries, r1.added) == (1, 1)
        feed.version = 2
        r2 = w.cycle()
        assert (r2.new_entries, r2.added, r2.unchanged) == (1, 1, 0), "only the new entry b"
        r3 = w.cycle()
        assert r3.unchanged_feeds == 1 and r3.new_entries == 0, "304 from the feed"
        feed.down = True
        r4 = w.cycle()
        assert r4.failed_feeds == 1 and "HTTP 503" in r4.errors[0]
        assert "1 failed" in r4.line(60) and "next in 1m" in r4.line(60)
    assert srv.paths().count("/a.html") == 1 and srv.paths().count("/b.html") == 1
    # a restart: the state is in the store
    feed.down = False
    feed.version = 3
    with store_mod.open(db) as store:
        r5 = watcher(store).cycle()
        assert (r5.new_entries, r5.added) == (1, 1)
        assert store.stats()["documents"] == 3
        assert store.db.scalar("SELECT etag FROM watch_feeds WHERE url = ?", (url,)) == '"v3"'
    assert srv.paths().count("/c.html") == 1 and srv.paths().count("/a.html") == 1


def test_failed_article_is_retried_next_cycle(srv, tmp_path):
    feed = ChangingFeed(srv)
    feed.version = 2
    srv.routes["/b.html"] = (500, {}, b"")
    with store_mod.open(str(tmp_path / "w.db")) as store:
        w = Watcher(store, [f"{srv.base}/feed.xml"], Fetcher(LOOPBACK), lang="en", log=lambda _: None)
        r1 = w.cycle()
        assert r1.added == 1 and r1.failed == 1
        srv.routes["/b.html"] = (200, {"Content-Type": "text/html"}, html_page(*ARTICLE_B))
        r2 = w.cycle()
        assert r2.new_entries == 1 and r2.added == 1, "the feed's ETag was not stored while an entry failed"


def test_run_stops_when_asked(srv, tmp_path):
    ChangingFeed(srv)
    stop = threading.Event()
    lines: list[str] = []
    with store_mod.open(str(tmp_path / "w.db")) as store:
        w = Watcher(store, [f"{srv.base}/feed.xml"], Fetcher(LOOPBACK), lang="en", log=lines.append, stop=stop)
        t = threading.Thread(target=w.run, args=(3600,))
        t.start()
        deadline = time.monotonic() + 60
        while not lines and time.monotonic() < deadline:
            time.sleep(0.05)
        stop.set()
        t.join(10)
        assert not t.is_alive() and w.cycles == 1
    assert lines[-1].startswith("chronik watch: cycle 1 at ") and "1 added" in lines[-1]


def _watch(srv, tmp_path, *extra):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{srv.base}/feed.xml\n", encoding="utf-8")
    return subprocess.Popen([sys.executable, "-m", "chronik", "watch", str(feeds), "--db", str(tmp_path / "w.db"),
                             "--lang", "en", *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_cli_watch_polls_a_changing_feed(srv, tmp_path):
    feed = ChangingFeed(srv)
    proc = _watch(srv, tmp_path, "--every", "2s", "--cycles", "3", "--allow-private-urls")
    feed.plan = [1, 2]  # the feed changes between the first and the second poll
    lines = [line.rstrip("\n") for line in proc.stderr]
    proc.wait(timeout=120)
    assert proc.returncode == 0, lines
    cycles = [ln for ln in lines if ln.startswith("chronik watch: cycle")]
    assert len(cycles) == 3, lines
    assert "1 new entries: 1 added" in cycles[0] and "1 new entries: 1 added" in cycles[1]
    assert "1 unchanged, 0 failed), 0 new entries" in cycles[2]
    with store_mod.open(str(tmp_path / "w.db")) as store:
        assert store.stats()["documents"] == 2


def test_cli_watch_refuses_loopback_without_the_flag_and_stops_on_sigterm(srv, tmp_path):
    ChangingFeed(srv)
    proc = _watch(srv, tmp_path, "--every", "1h")
    first = proc.stderr.readline() + proc.stderr.readline()
    proc.send_signal(signal.SIGTERM)
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    assert "E016" in first and "cycle 1" in first and "1 failed" in first
    assert proc.returncode == 0 and "stopped by SIGTERM after 1 cycles" in rest
    assert srv.requests == []
    proc = _watch(srv, tmp_path, "--every", "1h", "--allow-private-urls")
    line = proc.stderr.readline()
    proc.send_signal(signal.SIGINT)
    rest = proc.stderr.read()
    proc.wait(timeout=60)
    assert "1 added" in line and proc.returncode == 130 and rest.count("\n") == 1 and "SIGINT" in rest
