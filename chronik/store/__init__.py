"""Chronik's event store: ingest corpora into SQLite or PostgreSQL, merge reports of the
same event across sources, detect wire copies, query (files are written by
:mod:`chronik.export`, which builds on this package; the store never imports it).

>>> import chronik.store
>>> store = chronik.store.open("events.db")              # doctest: +SKIP
>>> store.ingest(chronik.ingest.load_documents(["corpus/"]))  # doctest: +SKIP
>>> for ev in store.events(actor="USA", since="2023-09-01"):  # doctest: +SKIP
...     print(ev.date, ev.type, ev.source, ev.target)
>>> df = store.events(type="ASSAULT").to_pandas()        # doctest: +SKIP
"""
from __future__ import annotations

from .backend import StoreError
from .db import IngestReport, Store
from .query import EventFilter, EventQuery, records_with_mentions, stats, stored_events

__all__ = ["open", "Store", "StoreError", "IngestReport", "EventFilter", "EventQuery", "stored_events",
           "records_with_mentions", "stats"]


def open(db: str) -> Store:  # noqa: A001 - the store's natural verb
    """Open (creating and migrating as needed) an event store.

    Args:
        db: a SQLite file path, or a ``postgresql://user:pass@host/dbname`` URL.

    Raises:
        StoreError: the database cannot be opened or migrated.
    """
    return Store(db)
