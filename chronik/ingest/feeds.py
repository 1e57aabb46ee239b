"""RSS and Atom feeds -> documents (feedparser): each entry's linked article is fetched
over HTTP (urllib, with a timeout) and its main text extracted from the HTML; when the
page cannot be fetched, the entry's own content is used if it is long enough."""
from __future__ import annotations

import hashlib
import html as htmlmod
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from ..errors import ChronikError, Errors, InputError
from ..model import Document

USER_AGENT = "Chronik/0.1 (news event coder; +https://pypi.org/project/chronik/)"
MAX_BYTES = 20 * 1024 * 1024
MIN_ENTRY_WORDS = 40
_TAG = re.compile(r"<[^>]+>")


def doc_id_from_url(url: str) -> str:
    """A readable, stable document id for a URL: host and path, with a short hash when
    the URL has a query or is long (``https://x.org/a/b.html`` -> ``x.org-a-b``)."""
    p = urlparse(url)
    path = re.sub(r"\.(s?html?|php|aspx?)$", "", p.path or "")
    slug = re.sub(r"[^\w.]+", "-", f"{p.hostname or ''}{path}").strip("-.")
    if p.query or len(slug) > 100:
        slug = f"{slug[:90].rstrip('-')}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:8]}"
    return slug or hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]


def fetch(url: str, *, timeout: float = 20.0) -> tuple[bytes, str | None]:
    """GET ``url``; returns the body and the charset the server declared.

    Raises:
        InputError: HTTP error, timeout, unreachable host, or a body over 20 MB.
    """
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                                               "application/rss+xml,application/atom+xml,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - http(s) only, checked by callers
            data = resp.read(MAX_BYTES + 1)
            charset = resp.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise InputError(url, Errors.E009.format(detail=f"HTTP {exc.code} {exc.reason}")) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            reason = f"no answer within {timeout:g} s"
        raise InputError(url, Errors.E009.format(detail=str(reason))) from None
    if len(data) > MAX_BYTES:
        raise InputError(url, Errors.E009.format(detail="response larger than 20 MB"))
    return data, charset


def decode_html(data: bytes, charset: str | None, where: str) -> str:
    """Decode an HTML body: the declared charset, else UTF-8, else detection."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    from . import decode

    return decode(data, where)


def _date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            return time.strftime("%Y-%m-%d", st)
    return None


def _entry_html(entry: Any) -> str:
    for c in entry.get("content") or []:
        if c.get("value"):
            return c["value"]
    return entry.get("summary") or entry.get("description") or ""


def _from_entry(entry: Any, doc_id: str, link: str | None, *, published: str | None, lang: str | None,
                path: str) -> Document | None:
    """The entry's own content as a document, if it is long enough to be an article."""
    from .text import document_from_text

    body = htmlmod.unescape(_TAG.sub(" ", re.sub(r"(?i)</p>|<br\s*/?>", "\n\n", _entry_html(entry))))
    body = "\n\n".join(" ".join(p.split()) for p in body.split("\n\n") if p.strip())
    if len(body.split()) < MIN_ENTRY_WORDS:
        return None
    return document_from_text(body, doc_id, published=published, lang=lang, url=link,
                              title=entry.get("title") or None, path=path)


def documents_from_feed_text(text: str | bytes, path: str, *, published: str | None = None, lang: str | None = None,
                             fetch_articles: bool = True, timeout: float = 20.0) -> Iterator[Document | InputError]:
    """One document per feed entry.

    Args:
        text: the feed (RSS 0.9x/1.0/2.0 or Atom).
        path: where the feed came from (file path or URL), for messages and ``doc.path``.
        published: overrides the entries' dates (YYYY-MM-DD).
        lang: "de", "en" or None to detect.
        fetch_articles: fetch each entry's link; otherwise use the entry content only.
        timeout: HTTP timeout in seconds per article.
    """
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        why = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield InputError(path, Errors.E009.format(detail=f"not an RSS/Atom feed or a feed without entries{why}"))
        return
    site = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries, 1):
        link = entry.get("link") or None
        if link and not link.startswith(("http://", "https://")):
            link = None
        doc_id = doc_id_from_url(link) if link else re.sub(r"\W+", "-", str(entry.get("id") or f"{path}-{n}")).strip("-")
        date = published or _date(entry)
        where = f"{path}#{n}"
        problem = None
        doc = None
        if link and fetch_articles:
            try:
                data, charset = fetch(link, timeout=timeout)
                from .html import document_from_html

                doc = document_from_html(decode_html(data, charset, link), doc_id, url=link, published=date,
                                         lang=lang, path=link)
                if not doc.text.strip():
                    doc, problem = None, InputError(link, Errors.E008)
            except ChronikError as exc:
                problem = exc
        if doc is None:
            try:
                doc = _from_entry(entry, doc_id, link, published=date, lang=lang, path=where)
            except ChronikError as exc:
                problem = problem or exc
        if doc is None:
            if problem is None:
                problem = InputError(where, Errors.E009.format(detail="entry has no link and too little text"))
            yield problem if isinstance(problem, InputError) else InputError(link or where, problem.message)
            continue
        if not doc.title and entry.get("title"):
            doc.title = entry["title"]
        if not doc.source and site:
            doc.source = site
        doc.meta.setdefault("feed", path)
        yield doc


def documents_from_url(url: str, *, published: str | None = None, lang: str | None = None,
                       timeout: float = 20.0) -> Iterator[Document | InputError]:
    """A feed URL (each entry's article is fetched) or, when the page is no feed, the
    article at that URL."""
    try:
        data, charset = fetch(url, timeout=timeout)
    except InputError as exc:
        yield exc
        return
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and any(t in data[:4096].lower() for t in (b"<rss", b"<feed", b"<rdf")):
        yield from documents_from_feed_text(data, url, published=published, lang=lang, timeout=timeout)
        return
    try:
        from .html import document_from_html

        yield document_from_html(decode_html(data, charset, url), doc_id_from_url(url), url=url,
                                 published=published, lang=lang, path=url)
    except InputError as exc:
        yield exc
    except ChronikError as exc:
        yield InputError(url, exc.message)
