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
from ..limits import BoundedReader, LimitError, check_input_size, clip, json_depth_ok, limits, scrub

BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF", b"\x1f\x8b", b"BZh", b"\xfd7zXZ")
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
GZIP_CORPUS_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".json.gz")  # gzipped JSON Lines shards
SKIP_NAMES = {".DS_Store", "Thumbs.db"}
# Chronik's own databases may sit inside a corpus folder: never read them as articles.
SKIP_SUFFIXES = (".db", ".db-wal", ".db-shm", ".sqlite", ".sqlite3", "-wal", "-shm", "-journal")

__all__ = ["load_documents", "documents_from_bytes", "document_from_text", "document_from_html", "iter_files"]


def doc_id_for(path: str) -> str:
    """The file name without its extension(s) (``a/b/de-1.txt`` -> ``de-1``)."""
    name = Path(path).name
    for suffix in (".warc.gz", ".jsonl.gz", ".ndjson.gz", ".json.gz", ".jsonl", ".ndjson", ".json", ".txt", ".html", ".htm", ".xml", ".rss", ".atom", ".warc"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem or name


def iter_files(root: str) -> Iterator[str]:
    """Walk a directory lazily (``os.scandir``; one folder's listing in memory at a time),
    in sorted order, skipping hidden entries. Symbolic links to directories are not
    followed (no loops); an entry that cannot be inspected (a symlink loop, a dangling
    link, no permission) is yielded, so that reading it reports the problem, and the rest
    of its folder is still walked."""
    stack = [root]
    while stack:
        d = stack.pop()
        try:
            it = os.scandir(d)
        except OSError:
            continue
        subdirs, files = [], []
        with it:
            while True:
                try:
                    entry = next(it)
                except (StopIteration, OSError):
                    break
                if entry.name.startswith(".") or entry.name in SKIP_NAMES or entry.name.endswith(SKIP_SUFFIXES):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        subdirs.append(entry.path)
                    elif entry.is_symlink():
                        if not _points_to_dir(entry.path):
                            files.append(entry.path)  # a link to a file, or a loop or dangling link (reported when read)
                    elif entry.is_file():
                        files.append(entry.path)
                except OSError:
                    files.append(entry.path)
        # sorted, so output order never depends on the file system: a folder's files, then its subfolders
        yield from sorted(files)
        stack.extend(sorted(subdirs, reverse=True))


def _points_to_dir(path: str) -> bool:
    try:
        return os.path.isdir(path)
    except OSError:
        return False


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
            obj = json.loads(first) if json_depth_ok(first) else None
            if isinstance(obj, dict):
                return "jsonl"
        except (json.JSONDecodeError, RecursionError):
            pass
        if head.startswith("{\n") or head.startswith('{"'):
            return "jsonl"
    if low.startswith(("<?xml", "<!doctype")) and "<!entity" in low:
        return "feed"  # XML with entity declarations: refused by the hardened feed parser
    if low.startswith("<?xml") or low.startswith("<rss") or low.startswith("<feed"):
        if "<rss" in low or "<feed" in low or "<rdf:rdf" in low:
            return "feed"
    if low.startswith("<!doctype html") or low.startswith("<html") or ("<body" in low and "</" in low) or low.count("<p") >= 2 and low.count("</p>") >= 2:
        return "html"
    return "text"


def documents_from_jsonl(text: str, path: str, *, published: str | None, lang: str | None) -> Iterator[Document | InputError]:
    """One article per line: ``text`` required; ``id``, ``title``, ``published``, ``url``, ``lang`` optional.

    Each line fails alone: invalid or too deeply nested JSON (E006), no ``text`` (E007), a
    field of the wrong kind (E018), a bug (E099); the other lines are still read."""
    base = doc_id_for(path)
    depth = limits().max_json_depth
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        if not json_depth_ok(line, depth):
            yield InputError(path, Errors.E006.format(line=n, detail=f"nested deeper than {depth} levels"))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, Errors.E006.format(line=n, detail=exc.msg))
            continue
        except (RecursionError, ValueError) as exc:
            yield InputError(path, Errors.E006.format(line=n, detail=str(exc)[:120]))
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield InputError(path, Errors.E007.format(line=n))
            continue
        problem = _bad_field(obj, n)
        if problem:
            yield InputError(path, problem)
            continue
        try:
            yield document_from_text(
                obj["text"],
                clip(obj.get("id"), limits().max_field_chars) or f"{base}-{n}",
                published=published or _date10(obj.get("published") or obj.get("date")),
                lang=lang if lang and lang != "auto" else obj.get("lang"),
                url=clip(obj.get("url"), limits().max_field_chars),
                title=obj.get("title"),
                path=where,
            )
        except ChronikError as exc:
            yield InputError(where, exc.message)
        except Exception as exc:  # noqa: BLE001 - one bad line must not stop a corpus
            yield InputError(where, Errors.E099.format(detail=_short(exc)))


# The optional fields of a corpus line and what they must be: a string (or a number for
# id and published), "de"/"en"/"auto" for lang.
_FIELD_KINDS = {"id": (str, int), "title": (str,), "url": (str,), "lang": (str,), "published": (str, int),
                "date": (str, int)}


def _bad_field(obj: dict, n: int) -> str | None:
    for key, kinds in _FIELD_KINDS.items():
        value = obj.get(key)
        if value is None or isinstance(value, kinds) and not isinstance(value, bool):
            continue
        kind = "a string" if kinds == (str,) else "a string or a number"
        return Errors.E018.format(line=n, field=key, kind=kind + f", not {type(value).__name__}")
    return None


def _short(exc: BaseException) -> str:
    """``TypeName: message`` of an exception, at most 200 characters."""
    return f"{type(exc).__name__}: {exc}"[:200]


def _date10(value: object) -> str | None:
    return scrub(str(value)[:10]) if value else None


def documents_from_bytes(
    data: bytes, path: str, *, doc_id: str | None = None, published: str | None = None, lang: str | None = None
) -> Iterator[Document | InputError]:
    """Turn one input's bytes into documents (a corpus or feed gives several)."""
    if not data.strip():
        yield InputError(path, Errors.E004)
        return
    lower = path.lower()
    if not lower.endswith(ARCHIVE_SUFFIXES):
        try:
            check_input_size(len(data), path)
        except LimitError as exc:
            yield InputError(path, exc.message)
            return
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
    except Exception as exc:  # noqa: BLE001 - a bug must not stop the run: name the input
        yield InputError(path, Errors.E099.format(detail=_short(exc)))


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
            yield from _isolated(documents_from_bytes(_read_stdin(), "<stdin>", doc_id="stdin", published=published,
                                                      lang=lang), "<stdin>")
            continue
        if not os.path.lexists(path):
            yield InputError(path, Errors.E001)
            continue
        if os.path.isdir(path):
            found = False
            for file in iter_files(path):
                for item in _isolated(_read_file(file, published=published, lang=lang), file):
                    found = found or isinstance(item, Document)
                    yield item
            if not found:
                yield InputError(path, Errors.E002)
            continue
        yield from _isolated(_read_file(path, published=published, lang=lang), path)


def _read_stdin() -> bytes:
    """Standard input, at most one byte over the input limit (refused then; an endless pipe is not drained)."""
    return sys.stdin.buffer.read(limits().max_input_bytes + 1)


def _isolated(items: Iterator[Document | InputError], where: str) -> Iterator[Document | InputError]:
    """Pass ``items`` on; an unexpected exception while producing them becomes one E099
    naming ``where`` (the documents before it are kept, the run goes on)."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001
        yield InputError(where, Errors.E099.format(detail=_short(exc)))


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
        if path.lower().endswith(GZIP_CORPUS_SUFFIXES):
            import gzip

            with open(path, "rb") as raw:
                data = BoundedReader(gzip.GzipFile(fileobj=raw), max_bytes=limits().max_input_bytes, compressed=raw,
                                     where=path).read()
            check_input_size(len(data), path)
        else:
            with open(path, "rb") as f:
                size = os.fstat(f.fileno()).st_size
                check_input_size(size, path)
                data = f.read(limits().max_input_bytes + 1)
    except LimitError as exc:
        yield InputError(path, exc.message)
        return
    except (OSError, EOFError) as exc:
        yield InputError(path, Errors.E009.format(detail=getattr(exc, "strerror", None) or str(exc)))
        return
    yield from documents_from_bytes(data, path, published=published, lang=lang)
