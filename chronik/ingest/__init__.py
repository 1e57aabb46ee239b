"""Inputs -> documents. Kinds are detected from content, not only the extension.

Supported: plain text, HTML pages, JSON Lines corpora (one article a line with at
least ``text``), RSS/Atom feeds and WARC archives (when their modules are present),
files, directories (walked lazily, recursively) and ``-`` for stdin.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ChronikError, Errors, InputError
from ..model import Document
from .html import document_from_html
from .text import document_from_text

BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\x1f\x8b", b"BZh", b"\xfd7zXZ")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
SKIP_NAMES = {".DS_Store", "Thumbs.db"}
# Chronik's own databases may sit inside a corpus folder: never read them as articles.
SKIP_SUFFIXES = (".db", ".db-wal", ".db-shm", ".sqlite", ".sqlite3", "-wal", "-shm", "-journal")

__all__ = ["load_documents", "documents_from_bytes", "document_from_text", "document_from_html", "iter_files"]


def doc_id_for(path: str) -> str:
    """The file name without its extension(s) (``a/b/de-1.txt`` -> ``de-1``)."""
    name = Path(path).name
    for suffix in (".warc.gz", ".json.gz", ".jsonl", ".json", ".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".warc"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem or name


def iter_files(root: str) -> Iterator[str]:
    """Walk a directory lazily (``os.scandir``; one folder's listing in memory at a time),
    in sorted order, skipping hidden entries."""
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            with os.scandir(d) as it:
                subdirs, files = [], []
                for entry in it:
                    if entry.name.startswith(".") or entry.name in SKIP_NAMES or entry.name.endswith(SKIP_SUFFIXES):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        subdirs.append(entry.path)
                    elif entry.is_file():
                        files.append(entry.path)
        except OSError:
            continue
        # sorted, so output order never depends on the file system: a folder's files, then its subfolders
        yield from sorted(files)
        stack.extend(sorted(subdirs, reverse=True))


def decode(data: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else detection by charset-normalizer.

    Raises:
        InputError: binary content or an undecodable file.
    """
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:8192]:
        if not (data.startswith((b"\xff\xfe", b"\xfe\xff"))):  # UTF-16 has NULs but is text
            raise InputError(path, Errors.E003)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(path, Errors.E005.format(detail="no text encoding fits"))
    text = str(best)
    if sum(1 for c in text[:4000] if not c.isprintable() and c not in "\n\r\t") > 40:
        raise InputError(path, Errors.E005.format(detail=f"detected {best.encoding} gives control characters"))
    return text


def sniff(text: str) -> str:
    """The input kind of decoded content: "jsonl", "html", "feed" or "text"."""
    head = text.lstrip()[:2000]
    low = head.lower()
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            obj = json.loads(first)
            if isinstance(obj, dict):
                return "jsonl"
        except json.JSONDecodeError:
            if head.startswith("{\n") or head.startswith('{"'):
                return "jsonl"
    if low.startswith("<?xml") or low.startswith("<rss") or low.startswith("<feed"):
        if "<rss" in low or "<feed" in low or "<rdf:rdf" in low:
            return "feed"
    if low.startswith("<!doctype html") or low.startswith("<html") or ("<body" in low and "</" in low) or low.count("<p") >= 2 and low.count("</p>") >= 2:
        return "html"
    return "text"


def documents_from_jsonl(text: str, path: str, *, published: str | None, lang: str | None) -> Iterator[Document | InputError]:
    """One article per line: ``text`` required; ``id``, ``title``, ``published``, ``url``, ``lang`` optional."""
    base = doc_id_for(path)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, Errors.E006.format(line=n, detail=exc.msg))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield InputError(path, Errors.E007.format(line=n))
            continue
        doc_id = str(obj.get("id") or f"{base}-{n}")
        try:
            yield document_from_text(
                obj["text"],
                doc_id,
                published=published or _date10(obj.get("published") or obj.get("date")),
                lang=lang if lang and lang != "auto" else obj.get("lang"),
                url=obj.get("url"),
                title=obj.get("title"),
                path=f"{path}:{n}",
            )
        except ChronikError as exc:
            yield InputError(f"{path}:{n}", exc.message)


def _date10(value: object) -> str | None:
    return str(value)[:10] if value else None


def documents_from_bytes(
    data: bytes, path: str, *, doc_id: str | None = None, published: str | None = None, lang: str | None = None
) -> Iterator[Document | InputError]:
    """Turn one input's bytes into documents (a corpus or feed gives several)."""
    if not data.strip():
        yield InputError(path, Errors.E004)
        return
    lower = path.lower()
    if lower.endswith(ARCHIVE_SUFFIXES):
        yield from _archive(data, path, published=published, lang=lang)
        return
    try:
        text = decode(data, path)
    except InputError as exc:
        yield exc
        return
    if not text.strip():
        yield InputError(path, Errors.E004)
        return
    kind = sniff(text)
    doc_id = doc_id or doc_id_for(path)
    try:
        if kind == "jsonl":
            yield from documents_from_jsonl(text, path, published=published, lang=lang)
        elif kind == "feed":
            yield from _feed(text, path, published=published, lang=lang)
        elif kind == "html":
            yield document_from_html(text, doc_id, published=published, lang=lang, path=path)
        else:
            yield document_from_text(text, doc_id, published=published, lang=lang, path=path)
    except InputError as exc:
        yield exc
    except ChronikError as exc:
        yield InputError(path, exc.message)


def _feed(text: str, path: str, *, published: str | None, lang: str | None) -> Iterator[Document | InputError]:
    try:
        from . import feeds
    except ImportError:
        yield InputError(path, Errors.E009.format(detail="RSS/Atom support is not installed"))
        return
    yield from feeds.documents_from_feed_text(text, path, published=published, lang=lang)


def _archive(data: bytes, path: str, *, published: str | None, lang: str | None) -> Iterator[Document | InputError]:
    try:
        from . import warc
    except ImportError:
        yield InputError(path, Errors.E009.format(detail="WARC support is not installed"))
        return
    yield from warc.documents_from_warc_bytes(data, path, published=published, lang=lang)


def load_documents(
    paths: Iterable[str], *, published: str | None = None, lang: str | None = None
) -> Iterator[Document | InputError]:
    """Yield a :class:`Document` per article, or an :class:`InputError` per failed input.

    Args:
        paths: files, directories (recursive) or "-" for stdin.
        published: YYYY-MM-DD overriding the publication date of every document.
        lang: "de", "en" or None/"auto" to detect.
    """
    for path in paths:
        if path == "-":
            yield from documents_from_bytes(sys.stdin.buffer.read(), "<stdin>", doc_id="stdin", published=published, lang=lang)
            continue
        if not os.path.exists(path):
            yield InputError(path, Errors.E001)
            continue
        if os.path.isdir(path):
            found = False
            for file in iter_files(path):
                for item in _read_file(file, published=published, lang=lang):
                    found = found or isinstance(item, Document)
                    yield item
            if not found:
                yield InputError(path, Errors.E002)
            continue
        yield from _read_file(path, published=published, lang=lang)


def _read_file(path: str, *, published: str | None, lang: str | None) -> Iterator[Document | InputError]:
    if path.lower().endswith(ARCHIVE_SUFFIXES):  # stream archives record by record
        try:
            from . import warc
        except ImportError:
            yield InputError(path, Errors.E009.format(detail="WARC support is not installed"))
            return
        yield from warc.documents_from_warc(path, published=published, lang=lang)
        return
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        yield InputError(path, Errors.E009.format(detail=exc.strerror or str(exc)))
        return
    yield from documents_from_bytes(data, path, published=published, lang=lang)
