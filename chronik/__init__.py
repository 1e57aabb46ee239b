"""Chronik: news -> a sourced chronicle of political events (PLOVER, CAMEO-compatible).

>>> import chronik
>>> doc = chronik.extract("Am 19. September rief Antony Blinken Ilham Aliyev an.", published="2023-09-20")
>>> [e.type for e in doc.events]
['CONSULT']
"""
from __future__ import annotations

__version__ = "0.1.0"

from .model import Actor, Document, Event, Location, Mention, Sentence, Token  # noqa: E402

__all__ = ["extract", "open", "process", "Document", "Event", "Actor", "Mention", "Location", "Sentence", "Token", "__version__"]


def extract(text: str, *, published: str | None = None, lang: str | None = None, doc_id: str = "doc", url: str | None = None) -> Document:
    """Clean ``text``, find its events and return the :class:`Document` with ``.events``."""
    from .ingest.text import document_from_text
    from .pipeline import process as _process

    return _process(document_from_text(text, doc_id, published=published, lang=lang, url=url))


def process(doc: Document) -> Document:
    """Run the pipeline on an already built document."""
    from .pipeline import process as _process

    return _process(doc)


def open(db: str):  # noqa: A001 - mirrors sqlite3.connect / builtins.open naming on purpose
    """Open an event store (SQLite file or postgresql:// URL); see :mod:`chronik.store`."""
    from .store import open as _open

    return _open(db)
