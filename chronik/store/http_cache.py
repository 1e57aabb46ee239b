"""HTTP validators (ETag, Last-Modified) of fetched URLs, kept in the event store, so that
a re-run or the next ``chronik watch`` cycle asks with a conditional GET and a server
answers 304 for what has not changed.

A validator is only offered for a URL whose document the store holds: a run killed
between fetching and committing an article fetches it in full again (nothing is lost)."""
from __future__ import annotations

from typing import Any

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS http_cache (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, "
    "checked TEXT NOT NULL)",
)


def ensure_schema(db: Any) -> None:
    """Create the table if the store has none (idempotent, outside the numbered migrations)."""
    for sql in SCHEMA:
        db.execute(sql)


class StoreValidatorCache:
    """A :class:`chronik.fetch.ValidatorCache` over a :class:`~chronik.store.Store`."""

    def __init__(self, store: Any, *, documents_only: bool = True):
        self.db = store.db
        self.documents_only = documents_only
        ensure_schema(self.db)

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        row = self.db.one("SELECT etag, last_modified FROM http_cache WHERE url = ?", (url,))
        if row is None:
            return None
        if self.documents_only and self.db.one("SELECT 1 FROM documents WHERE url = ?", (url,)) is None:
            return None
        return row[0], row[1]

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        import datetime as dt

        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.db.execute(
            "INSERT INTO http_cache (url, etag, last_modified, checked) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
            "checked = excluded.checked", (url, etag, last_modified, now))
