"""The fetch module's URL policy, against a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import gzip
import subprocess
import sys
import time

import pytest

from chronik import fetch
from chronik.fetch import FetchError, Fetcher, FetchOptions, address_allowed

from .localhttp import ARTICLE_A, ARTICLE_B, html_page, local_server, rss

LOOPBACK = FetchOptions(allow_private=True, deadline=10, retries=0, backoff=0.01)


@pytest.fixture
def srv():
    with local_server() as s:
        yield s


def html(page: bytes, **headers: str):
    return 200, {"Content-Type": "text/html; charset=utf-8", **headers}, page


@pytest.mark.parametrize("ip,ok", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("172.16.5.4", False),
    ("169.254.169.254", False), ("0.0.0.0", False), ("100.64.0.1", False), ("224.0.0.1", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False), ("not an ip", False),
    ("93.184.216.34", True), ("2606:4700::1111", True),
])
def test_address_policy(ip, ok):
    assert address_allowed(ip) is ok


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x", "http://localhost:9/x", "http://0.0.0.0:9/",
                                 "http://169.254.169.254/latest/meta-data/", "http://[::1]:9/", "http://10.0.0.1/"])
def test_private_addresses_refused_without_connecting(url):
    start = time.monotonic()
    with pytest.raises(FetchError) as e:
        Fetcher(FetchOptions(connect_timeout=5)).get(url)
    assert "E016" in e.value.message and "--allow-private-urls" in e.value.message
    assert time.monotonic() - start < 2, "refused before any connection attempt"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/", "/etc/passwd", "http://"])
def test_other_schemes_refused(url):
    with pytest.raises(FetchError) as e:
        Fetcher(LOOPBACK).get(url)
    assert "E016" in e.value.message


def test_loopback_refused_then_allowed(srv):
    srv.routes["/a.html"] = html(html_page(*ARTICLE_A))
    with pytest.raises(FetchError) as e:
        Fetcher().get(f"{srv.base}/a.html")
    assert "E016" in e.value.message
    assert srv.requests == [], "nothing was sent to the refused address"
    resp = Fetcher(LOOPBACK).get(f"{srv.base}/a.html")
    assert resp.status == 200 and b"Yerevan" in resp.body and resp.charset == "utf-8"
    ua = srv.requests[-1][1].get("User-Agent", "")
    assert ua.startswith("Chronik/") and "news event coder" in ua


def test_redirects_are_checked_at_every_hop(srv, monkeypatch):
    srv.routes["/r1"] = (302, {"Location": "/r2"}, b"")
    srv.routes["/r2"] = (301, {"Location": f"{srv.base}/a.html"}, b"")
    srv.routes["/a.html"] = html(html_page(*ARTICLE_A))
    srv.routes["/to-file"] = (302, {"Location": "file:///etc/passwd"}, b"")
    port = srv.base.rsplit(":", 1)[1]
    srv.routes["/to-other-loopback"] = (302, {"Location": f"http://127.0.0.2:{port}/a.html"}, b"")
    srv.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    assert Fetcher(LOOPBACK).get(f"{srv.base}/r1").url == f"{srv.base}/a.html"
    with pytest.raises(FetchError, match="E016"):
        Fetcher(LOOPBACK).get(f"{srv.base}/to-file")
    with pytest.raises(FetchError, match="redirects"):
        Fetcher(LOOPBACK).get(f"{srv.base}/loop")
    # the policy allows only 127.0.0.1 here: a redirect to 127.0.0.2 is refused at its hop
    monkeypatch.setattr(fetch, "address_allowed", lambda ip: ip == "127.0.0.1")
    f = Fetcher(FetchOptions(retries=0, deadline=10))
    assert f.get(f"{srv.base}/r1").status == 200
    with pytest.raises(FetchError) as e:
        f.get(f"{srv.base}/to-other-loopback")
    assert "E016" in e.value.message and "127.0.0.2" in e.value.message


def test_total_deadline_cuts_a_dripping_server(srv):
    def drip(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        try:
            for _ in range(100):
                h.wfile.write(b"x")
                h.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass
        return None

    srv.routes["/drip"] = drip
    start = time.monotonic()
    with pytest.raises(FetchError) as e:
        Fetcher(FetchOptions(allow_private=True, read_timeout=5, deadline=1.5, retries=0)).get(f"{srv.base}/drip")
    assert "within 1.5 s" in e.value.message
    assert time.monotonic() - start < 4


def test_retries_with_backoff_on_429_and_5xx(srv):
    answers = [(503, {}, b"busy"), (429, {"Retry-After": "0"}, b"slow down"), html(html_page(*ARTICLE_B))]
    srv.routes["/b.html"] = lambda h: answers.pop(0)
    waits = []
    f = Fetcher(FetchOptions(allow_private=True, retries=3, backoff=0.05, deadline=10), sleep=waits.append)
    assert f.get(f"{srv.base}/b.html").status == 200
    assert waits == [0.05, 0.1], "exponential backoff"
    srv.routes["/down"] = (500, {}, b"")
    with pytest.raises(FetchError, match="HTTP 500"):
        Fetcher(FetchOptions(allow_private=True, retries=2, backoff=0.01)).get(f"{srv.base}/down")
    assert srv.paths().count("/down") == 3
    srv.routes["/gone"] = (404, {}, b"")
    with pytest.raises(FetchError, match="HTTP 404"):
        Fetcher(FetchOptions(allow_private=True, retries=2, backoff=0.01)).get(f"{srv.base}/gone")
    assert srv.paths().count("/gone") == 1, "no retry on 404"


def test_size_cap_and_gzip_bomb(srv):
    srv.routes["/big"] = html(b"<p>" + b"a" * 300_000 + b"</p>")
    with pytest.raises(FetchError, match="larger than"):
        Fetcher(FetchOptions(allow_private=True, max_bytes=100_000)).get(f"{srv.base}/big")
    bomb = gzip.compress(b"<html><body><p>" + b"A" * 50_000_000 + b"</p></body></html>", 9)
    srv.routes["/bomb"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb)
    with pytest.raises(FetchError, match="larger than"):
        Fetcher(FetchOptions(allow_private=True, max_bytes=1_000_000)).get(f"{srv.base}/bomb")
    small = gzip.compress(html_page(*ARTICLE_A))
    srv.routes["/gz"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, small)
    assert b"Yerevan" in Fetcher(LOOPBACK).get(f"{srv.base}/gz").body


def test_robots_txt_is_respected(srv):
    srv.routes["/robots.txt"] = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    srv.routes["/private/a.html"] = html(html_page(*ARTICLE_A))
    srv.routes["/a.html"] = html(html_page(*ARTICLE_A))
    f = Fetcher(LOOPBACK)
    with pytest.raises(FetchError) as e:
        f.get(f"{srv.base}/private/a.html")
    assert "E016" in e.value.message and "robots.txt" in e.value.message
    assert f.get(f"{srv.base}/a.html").status == 200
    assert srv.paths().count("/robots.txt") == 1, "read once per host"
    assert "/private/a.html" not in srv.paths()


def test_conditional_get_with_validators_in_the_store(srv, tmp_path):
    import chronik.store as store_mod
    from chronik.cli_store import iter_inputs
    from chronik.store.http_cache import StoreValidatorCache

    def page(h):
        if h.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return html(html_page(*ARTICLE_B), ETag='"v1"', **{"Last-Modified": "Tue, 19 Sep 2023 10:00:00 GMT"})

    srv.routes["/b.html"] = page
    url = f"{srv.base}/b.html"
    with store_mod.open(str(tmp_path / "e.db")) as store:
        for run in range(2):
            fetcher = Fetcher(LOOPBACK, StoreValidatorCache(store))
            rep = store.ingest(iter_inputs([url], published="2023-09-18", lang="en", fetcher=fetcher))
            if run == 0:
                assert rep.added == 1
            else:
                assert rep.seen == 0, "304: nothing fetched, nothing coded"
        headers = [h for p, h in srv.requests if p == "/b.html"]
        assert "If-None-Match" not in headers[0] and headers[1]["If-None-Match"] == '"v1"'
        assert headers[1]["If-Modified-Since"] == "Tue, 19 Sep 2023 10:00:00 GMT"
        assert store.db.scalar("SELECT etag FROM http_cache WHERE url = ?", (url,)) == '"v1"'
        assert store.stats()["documents"] == 1


def _chronik(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "chronik", *args], capture_output=True, timeout=timeout)


def test_cli_extract_url_and_url_list(srv, tmp_path):
    srv.routes["/a.html"] = html(html_page(*ARTICLE_A))
    srv.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                               rss(srv.base, [("B", "/b.html", "Mon, 18 Sep 2023 10:00:00 GMT")]))
    srv.routes["/b.html"] = html(html_page(*ARTICLE_B))
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# articles\n{srv.base}/a.html\n\n{srv.base}/feed.xml\n", encoding="utf-8")
    r = _chronik("extract", str(urls), "--format", "json", "--allow-private-urls", "--lang", "en")
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "Yerevan" in out and "Blinken" in out
    r = _chronik("extract", f"{srv.base}/a.html", "--format", "jsonl")
    assert r.returncode == 1 and "E016" in r.stderr.decode() and "Traceback" not in r.stderr.decode()


def test_cli_ingest_refuses_feed_links_to_loopback_without_the_flag(srv, tmp_path):
    srv.routes["/a.html"] = html(html_page(*ARTICLE_A))
    feed = tmp_path / "news.rss"
    feed.write_bytes(rss(srv.base, [("A", "/a.html", "Tue, 19 Sep 2023 10:00:00 GMT")]))
    db = tmp_path / "e.db"
    r = _chronik("ingest", str(feed), "--db", str(db), "--no-progress")
    assert r.returncode == 1 and "E016" in r.stderr.decode()
    assert "/a.html" not in srv.paths()
    r = _chronik("ingest", str(feed), "--db", str(db), "--no-progress", "--allow-private-urls")
    assert r.returncode == 0, r.stderr.decode()
    assert "1 added" in r.stderr.decode()
