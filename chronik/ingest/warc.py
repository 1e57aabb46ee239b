"""WARC and WARC.gz archives (warcio), as Common Crawl News publishes them: every
``response`` (or ``resource``) record with an HTML payload becomes a document; its id
is derived from the record's target URI and its date, when the page names none, is the
capture date (WARC-Date)."""
from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO

from ..errors import ChronikError, Errors, InputError
from ..fetch import content_charset
from ..limits import limits
from ..model import Document
from .feeds import decode_html, doc_id_from_url

HTML_TYPES = ("text/html", "application/xhtml+xml")


def documents_from_warc_stream(stream: IO[bytes], path: str, *, published: str | None = None,
                               lang: str | None = None) -> Iterator[Document | InputError]:
    """Documents from an open WARC or WARC.gz byte stream (gzip is detected).

    Records that are not successful HTML responses are skipped silently; pages without
    extractable text give an :class:`InputError` naming the archive and the URL. A
    record over ``max_input_bytes``, or more decompressed data than the limits allow
    (size, ratio to the compressed bytes read), stops the archive with E014; a truncated
    or damaged archive stops with E009 after the records read so far.
    """
    from warcio.exceptions import ArchiveLoadFailed

    lim = limits()
    cap = lim.max_input_bytes
    found = total = 0
    try:
        for rec in _archive_iterator(stream):
            if rec.rec_type not in ("response", "resource"):
                continue
            url = rec.rec_headers.get_header("WARC-Target-URI") or ""
            if rec.rec_type == "response":
                if rec.http_headers is None:
                    continue
                status = rec.http_headers.get_statuscode() or ""
                if not status.startswith("2"):
                    continue
                ctype = rec.http_headers.get_header("Content-Type") or ""
            else:
                ctype = rec.rec_headers.get_header("Content-Type") or ""
            if ctype.lower().split(";")[0].strip() not in HTML_TYPES:
                continue
            where = f"{path}#{url}" if url else path
            data = rec.content_stream().read(cap + 1)
            if len(data) > cap:  # a record this large (or a gzip bomb): the archive is not trusted further
                yield InputError(where, Errors.E014.format(what="archive record", size=f"over {cap:,} bytes",
                                                          limit=f"{cap:,} bytes"))
                return
            used = _position(stream)
            total += len(data)
            if total > lim.max_decompressed_bytes or (total > 1_000_000 and used
                                                      and total > used * lim.max_decompression_ratio):
                yield InputError(where, Errors.E014.format(what="decompressed archive", size=f"{total:,} bytes from "
                                                          f"{used:,}", limit=f"ratio {lim.max_decompression_ratio}:1"))
                return
            if not data.strip():
                continue
            found += 1
            date = published
            captured = (rec.rec_headers.get_header("WARC-Date") or "")[:10] or None
            try:
                from .html import document_from_html

                doc = document_from_html(decode_html(data, content_charset(ctype), where),
                                         doc_id_from_url(url) if url else f"{path}-{found}",
                                         url=url or None, published=date, lang=lang, path=where)
            except InputError as exc:
                yield InputError(where, exc.message)
                continue
            except ChronikError as exc:
                yield InputError(where, exc.message)
                continue
            except Exception as exc:  # noqa: BLE001 - one bad record must not stop the archive
                yield InputError(where, Errors.E099.format(detail=f"{type(exc).__name__}: {exc}"[:200]))
                continue
            if not doc.text.strip():
                yield InputError(where, Errors.E008)
                continue
            if not doc.published and captured:
                doc.published = captured
            doc.meta["warc_date"] = rec.rec_headers.get_header("WARC-Date")
            yield doc
    except ArchiveLoadFailed as exc:
        yield InputError(path, Errors.E009.format(detail=f"not a valid WARC archive ({str(exc).strip()[:120]})"))
        return
    except (OSError, EOFError, ValueError) as exc:
        yield InputError(path, Errors.E009.format(detail=f"damaged archive: {exc}"))
        return
    except Exception as exc:  # noqa: BLE001 - warcio fails on truncated records in many ways
        after = f" after {found} HTML records" if found else ""
        yield InputError(path, Errors.E009.format(detail=f"damaged or truncated archive{after} "
                                                  f"({type(exc).__name__}: {str(exc)[:120]})"))
        return
    if not found:
        yield InputError(path, Errors.E009.format(detail="archive holds no HTML responses"))


def _archive_iterator(stream: IO[bytes]):
    """warcio's iterator without its multi-line stderr warning about records not followed
    by a blank line (a damaged record still fails alone, with one coded line)."""
    from warcio.archiveiterator import ArchiveIterator

    class Quiet(ArchiveIterator):
        INC_RECORD = ""

    return Quiet(stream)


def _position(stream: IO[bytes]) -> int:
    """Bytes of the (compressed) archive consumed so far, 0 when unknown."""
    try:
        return stream.tell()
    except (OSError, ValueError, AttributeError):
        return 0


def documents_from_warc_bytes(data: bytes, path: str, *, published: str | None = None,
                              lang: str | None = None) -> Iterator[Document | InputError]:
    """:func:`documents_from_warc_stream` over bytes already read."""
    yield from documents_from_warc_stream(io.BytesIO(data), path, published=published, lang=lang)


def documents_from_warc(path: str, *, published: str | None = None,
                        lang: str | None = None) -> Iterator[Document | InputError]:
    """Stream the documents of a WARC(.gz) file without reading it all into memory."""
    try:
        f = open(path, "rb")
    except OSError as exc:
        yield InputError(path, Errors.E009.format(detail=exc.strerror or str(exc)))
        return
    with f:
        yield from documents_from_warc_stream(f, path, published=published, lang=lang)
