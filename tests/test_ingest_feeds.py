"""RSS/Atom feeds: local feed files and feed URLs, with articles fetched from a loopback server."""
from __future__ import annotations

import http.server
import threading

import pytest

from chronik.errors import InputError
from chronik.ingest.feeds import doc_id_from_url, documents_from_feed_text, documents_from_url
from chronik.model import Document

ARTICLES = {
    "/world/armenia-azerbaijan.html": (
        "Armenia accuses Azerbaijan of shelling",
        ["Armenia accused Azerbaijan on Tuesday of shelling villages near the border, the foreign ministry in Yerevan said.",
         "The ministry said several houses had been damaged and called on international observers to visit the area.",
         "Azerbaijan's defence ministry rejected the accusation and said its forces had only returned fire.",
         "The European Union urged both sides to respect the ceasefire and to return to negotiations in Brussels."]),
    "/world/blinken-call.html": (
        "Blinken calls Aliyev",
        ["US Secretary of State Antony Blinken spoke by phone with Azerbaijani President Ilham Aliyev on Monday.",
         "Blinken expressed concern about the military operation and called for an immediate end to the fighting.",
         "The State Department said the United States supports direct dialogue between Baku and Yerevan.",
         "Aliyev told Blinken that the operation would end once the separatist forces laid down their weapons."]),
}


def page(title: str, paras: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright 2023 Example News</footer></body></html>").encode("utf-8")


def rss(base: str, links: list[str]) -> str:
    items = "".join(
        f"<item><title>{ARTICLES[p][0] if p in ARTICLES else 'Missing'}</title><link>{base}{p}</link>"
        f"<pubDate>Tue, 19 Sep 2023 10:00:00 GMT</pubDate><description>Short teaser.</description></item>"
        for p in links)
    return (f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel><title>Example News</title>"
            f"<link>{base}/</link><description>World news</description>{items}</channel></rss>")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id><updated>2023-09-20T00:00:00Z</updated>
<entry><title>Ceasefire talks</title><id>urn:wire:1</id><updated>2023-09-20T08:00:00Z</updated>
<content type="html">&lt;p&gt;{body}&lt;/p&gt;</content></entry></feed>"""


@pytest.fixture(autouse=True)
def allow_loopback():
    """These tests fetch from a server on 127.0.0.1, which the URL policy refuses by default."""
    from chronik import fetch

    fetch.configure(fetch.FetchOptions(allow_private=True, deadline=10, retries=0))
    yield
    fetch._DEFAULT = None


@pytest.fixture(scope="module")
def server():
    routes = {p: page(*a) for p, a in ARTICLES.items()}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path == "/feed.xml":
                body = rss(f"http://127.0.0.1:{self.server.server_port}", [*ARTICLES, "/gone.html"]).encode()
                ctype = "application/rss+xml"
            elif self.path in routes:
                body, ctype = routes[self.path], "text/html; charset=utf-8"
            else:
                self.send_error(404, "Not Found")
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_feed_file_fetches_linked_articles(server):
    items = list(documents_from_feed_text(rss(server, list(ARTICLES)), "news.rss", timeout=5))
    docs = [d for d in items if isinstance(d, Document)]
    assert len(docs) == 2
    d = docs[0]
    assert "shelling villages near the border" in d.text and "Copyright" not in d.text
    assert d.url == f"{server}/world/armenia-azerbaijan.html"
    assert d.published == "2023-09-19"
    assert d.id == "127.0.0.1-world-armenia-azerbaijan"


def test_feed_url_and_unreachable_article(server):
    items = list(documents_from_url(f"{server}/feed.xml", timeout=5))
    assert sum(isinstance(i, Document) for i in items) == 2
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1 and "HTTP 404" in str(errors[0]) and "gone.html" in str(errors[0])


def test_article_url_without_feed(server):
    (doc,) = documents_from_url(f"{server}/world/blinken-call.html", published="2023-09-18", timeout=5)
    assert "Antony Blinken spoke by phone" in doc.text and doc.published == "2023-09-18"


def test_unreachable_server_times_out_cleanly():
    (err,) = documents_from_url("http://127.0.0.1:9/feed.xml", timeout=2)
    assert isinstance(err, InputError) and "E009" in str(err)


def test_loopback_feed_entries_refused_without_allow_private(server):
    from chronik import fetch

    fetch.configure(fetch.FetchOptions())
    items = list(documents_from_feed_text(rss(server, list(ARTICLES)), "news.rss"))
    assert items and all(isinstance(i, InputError) and "E016" in str(i) for i in items), items
    (err,) = documents_from_url(f"{server}/feed.xml")
    assert "E016" in str(err) and "127.0.0.1" in str(err)


def test_atom_entry_content_used_without_link():
    body = " ".join(ARTICLES["/world/blinken-call.html"][1])
    (doc,) = documents_from_feed_text(ATOM.format(body=body), "wire.atom")
    assert doc.title == "Ceasefire talks" and doc.published == "2023-09-20" and doc.source == "Atom Wire"
    assert "Ilham Aliyev" in doc.text


def test_not_a_feed():
    (err,) = documents_from_feed_text("<html><body>nothing</body></html>", "x.xml")
    assert isinstance(err, InputError) and "feed" in err.message


def test_feed_via_load_documents(tmp_path, server):
    from chronik.ingest import load_documents

    p = tmp_path / "news.rss"
    p.write_text(rss(server, list(ARTICLES)), encoding="utf-8")
    docs = [d for d in load_documents([str(p)]) if isinstance(d, Document)]
    assert len(docs) == 2


@pytest.mark.parametrize("url,expected", [
    ("https://www.example.com/world/2023/09/story.html", "www.example.com-world-2023-09-story"),
    ("https://example.com/", "example.com"),
])
def test_doc_id_from_url(url, expected):
    assert doc_id_from_url(url) == expected


def test_doc_id_from_url_with_query_is_unique():
    a, b = doc_id_from_url("https://x.org/a?id=1"), doc_id_from_url("https://x.org/a?id=2")
    assert a != b and a.startswith("x.org-a-")
