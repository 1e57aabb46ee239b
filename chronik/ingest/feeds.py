"""RSS and Atom feeds -> documents (feedparser): each entry's linked article is fetched
over HTTP (:mod:`chronik.fetch`, under its URL policy) and its main text extracted from the HTML; when the
page cannot be fetched, the entry's own content is used if it is long enough."""
from __future__ import annotations

import hashlib
import html as htmlmod
import io
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from ..errors import ChronikError, Errors, InputError
from ..limits import clip
from ..model import Document

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


def fetch(url: str, *, timeout: float | None = None, fetcher: Any = None) -> tuple[bytes, str | None]:
    """GET ``url`` under the URL policy of :mod:`chronik.fetch`; returns the body and the
    charset the server declared.

    Raises:
        InputError: refused (E016), HTTP error, timeout, unreachable host, a body over 20 MB.
    """
    resp = _fetcher(fetcher, timeout).get(url, conditional=False)
    return resp.body, resp.charset


def _fetcher(fetcher: Any, timeout: float | None) -> Any:
    import dataclasses

    from .. import fetch as fetchmod

    if fetcher is not None:
        return fetcher
    base = fetchmod.default_fetcher()
    if timeout is None:
        return base
    opts = base.options
    return fetchmod.Fetcher(dataclasses.replace(opts, read_timeout=timeout, connect_timeout=min(opts.connect_timeout, timeout),
                                             deadline=min(opts.deadline, timeout * 3)), base.cache)


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


_ENTITY = re.compile(rb"<!ENTITY", re.I)
# numeric character references to UTF-16 surrogates (U+D800-DFFF), hexadecimal or decimal
_SURROGATE_REF = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*(?:5529[6-9]|55[3-9]\d\d|56\d{3}|57[0-2]\d\d|573[0-3]\d|5734[0-3]));")
_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)


def parse_feed(data: str | bytes, path: str) -> Any:
    """Parse a feed with feedparser on a hardened XML parser (defusedxml): a document type
    that declares entities (billion laughs, quadratic blowup, external entities: XXE) is
    refused before parsing, and no DTD or external resource is ever loaded.

    Raises:
        InputError: E017 for a refused feed.
    """
    import feedparser
    import feedparser.api
    from defusedxml import DefusedXmlException

    raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
    doctype = raw.find(b"<!DOCTYPE", 0, 65536)
    if doctype < 0:
        doctype = raw.upper().find(b"<!DOCTYPE", 0, 65536)
    if doctype >= 0:
        root = _ROOT.search(raw, doctype)
        if _ENTITY.search(raw, doctype, root.start() if root else len(raw)):
            raise InputError(path, Errors.E017.format(detail="the feed declares XML entities "
                                                            "(entity expansion and external entities are not allowed)"))
    feedparser.api.PREFERRED_XML_PARSERS = ["defusedxml.expatreader"]
    raw = _SURROGATE_REF.sub(b"&#xFFFD;", raw)  # feedparser's loose parser fails on "&#xD800;"
    try:
        return feedparser.parse(io.BytesIO(raw), resolve_relative_uris=False, sanitize_html=True)
    except DefusedXmlException as exc:
        raise InputError(path, Errors.E017.format(detail=type(exc).__name__)) from None
    except (ValueError, UnicodeError, LookupError, RecursionError) as exc:
        raise InputError(path, Errors.E009.format(detail=f"unreadable feed ({type(exc).__name__}: {exc})"[:200])) from None


def documents_from_feed_text(text: str | bytes, path: str, *, published: str | None = None, lang: str | None = None,
                             fetch_articles: bool = True, timeout: float | None = None,
                             fetcher: Any = None) -> Iterator[Document | InputError]:
    """One document per feed entry.

    Args:
        text: the feed (RSS 0.9x/1.0/2.0 or Atom).
        path: where the feed came from (file path or URL), for messages and ``doc.path``.
        published: overrides the entries' dates (YYYY-MM-DD).
        lang: "de", "en" or None to detect.
        fetch_articles: fetch each entry's link; otherwise use the entry content only.
        timeout: HTTP read timeout in seconds per article (else the fetcher's).
        fetcher: a :class:`chronik.fetch.Fetcher` (default: the configured one).

    Each entry fails alone (one error naming the feed and the entry); at most
    ``max_feed_entries`` entries are read. An article the store already has unchanged
    (HTTP 304 on a conditional GET) is skipped.
    """
    from ..limits import limits

    try:
        feed = parse_feed(text, path)
    except InputError as exc:
        yield exc
        return
    if not feed.entries:
        why = f": {feed.bozo_exception}" if feed.get("bozo") else ""
        yield InputError(path, Errors.E009.format(detail=f"not an RSS/Atom feed or a feed without entries{why}"))
        return
    site = clip(feed.feed.get("title"), 500)
    cap = limits().max_feed_entries
    if len(feed.entries) > cap:
        yield InputError(path, Errors.E014.format(what="feed", size=f"{len(feed.entries):,} entries",
                                                  limit=f"{cap:,}; the first {cap:,} are read"))
    fetcher = _fetcher(fetcher, timeout) if fetch_articles else None
    for n, entry in enumerate(feed.entries[:cap], 1):
        try:
            item = entry_document(entry, n, path, site, published=published, lang=lang, fetcher=fetcher)
        except Exception as exc:  # noqa: BLE001 - one bad entry must not stop the feed
            item = InputError(f"{path}#{n}", Errors.E099.format(detail=f"{type(exc).__name__}: {exc}"[:200]))
        if item is not None:
            yield item


def entry_document(entry: Any, n: int, path: str, site: str | None, *, published: str | None, lang: str | None,
                    fetcher: Any) -> Document | InputError | None:
    """The document of one feed entry: its linked article, else its own content."""
    link = entry.get("link") or None
    if link and not link.startswith(("http://", "https://")):
        link = None
    doc_id = doc_id_from_url(link) if link else re.sub(r"\W+", "-", str(entry.get("id") or f"{path}-{n}")).strip("-")
    date = published or _date(entry)
    where = f"{path}#{n}"
    problem = None
    doc = None
    if link and fetcher is not None:
        try:
            resp = fetcher.get(link)
            if resp.not_modified:
                return None
            from .html import document_from_html

            doc = document_from_html(decode_html(resp.body, resp.charset, link), doc_id, url=link, published=date,
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
        return problem if isinstance(problem, InputError) else InputError(link or where, problem.message)
    if not doc.title and entry.get("title"):
        doc.title = clip(entry["title"], 500)
    if not doc.source and site:
        doc.source = site
    doc.meta.setdefault("feed", path)
    return doc


def documents_from_url(url: str, *, published: str | None = None, lang: str | None = None,
                       timeout: float | None = None, fetcher: Any = None) -> Iterator[Document | InputError]:
    """A feed URL (each entry's article is fetched) or, when the page is no feed, the
    article at that URL (skipped when the store has it unchanged: HTTP 304)."""
    fetcher = _fetcher(fetcher, timeout)
    try:
        resp = fetcher.get(url)
    except InputError as exc:
        yield exc
        return
    if resp.not_modified:
        return
    data = resp.body
    if is_feed(data):
        yield from documents_from_feed_text(data, url, published=published, lang=lang, fetcher=fetcher)
        return
    try:
        from .html import document_from_html

        yield document_from_html(decode_html(data, resp.charset, url), doc_id_from_url(url), url=url,
                                 published=published, lang=lang, path=url)
    except InputError as exc:
        yield exc
    except ChronikError as exc:
        yield InputError(url, exc.message)
    except Exception as exc:  # noqa: BLE001 - name the URL, go on
        yield InputError(url, Errors.E099.format(detail=f"{type(exc).__name__}: {exc}"[:200]))


def is_feed(data: bytes) -> bool:
    """Whether a fetched body is an RSS/Atom feed."""
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and any(
        t in data[:4096].lower() for t in (b"<rss", b"<feed", b"<rdf"))
