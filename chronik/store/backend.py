"""Database connections: one small interface over SQLite (default) and PostgreSQL.

SQL is written once with ``?`` placeholders; :class:`PostgresBackend` rewrites them to
``%s``. Both backends run in autocommit mode and open explicit transactions with
:meth:`Backend.transaction`, so a batch of work is either fully stored or not at all.
"""
from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from ..errors import ChronikError


class StoreError(ChronikError):
    """The event store cannot be opened, migrated or written."""


class Backend:
    """Common interface. ``dialect`` is "sqlite" or "postgresql"."""

    dialect = ""
    location = ""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        raise NotImplementedError
        yield  # pragma: no cover

    def close(self) -> None:
        raise NotImplementedError

    # helpers -----------------------------------------------------------
    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """All rows of a query, as tuples."""
        return list(self.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        """The first row of a query, or None."""
        return self.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row, or None."""
        row = self.one(sql, params)
        return row[0] if row else None

    def dicts(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows as dicts, streamed in chunks."""
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        while True:
            chunk = cur.fetchmany(2000)
            if not chunk:
                return
            for row in chunk:
                yield dict(zip(names, row))

    def tables(self) -> set[str]:
        raise NotImplementedError


class SQLiteBackend(Backend):
    """A SQLite file in WAL mode (``synchronous=NORMAL``: a killed process loses at most
    the transaction in flight; the database stays consistent)."""

    dialect = "sqlite"

    def __init__(self, path: str):
        self.location = path
        if path != ":memory:":
            parent = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(parent):
                raise StoreError(f"cannot open database {path}: directory {parent} does not exist")
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=60.0, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA cache_size=-65536")
            self.conn.execute("PRAGMA temp_store=MEMORY")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from None
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    def tables(self) -> set[str]:
        return {r[0] for r in self.all("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}


_QMARK = re.compile(r"\?")


class PostgresBackend(Backend):
    """A PostgreSQL database reached through psycopg 3."""

    dialect = "postgresql"

    def __init__(self, dsn: str):
        try:
            import psycopg
        except ImportError:
            raise StoreError("PostgreSQL support needs psycopg: pip install 'psycopg[binary]'") from None
        self.location = re.sub(r"//([^:@/]+):[^@/]*@", r"//\1:***@", dsn)
        try:
            self.conn = psycopg.connect(dsn, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {self.location}: {msg}") from None
        self._tx: list[Any] = []

    @staticmethod
    def _sql(sql: str) -> str:
        return _QMARK.sub("%s", sql.replace("%", "%%"))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), list(params) if params else None)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(self._sql(sql), rows)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def close(self) -> None:
        self.conn.close()

    def tables(self) -> set[str]:
        rows = self.all("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        return {r[0] for r in rows}


def connect(db: str) -> Backend:
    """A backend for ``db``: a ``postgresql://`` URL or a SQLite file path."""
    if db.startswith(("postgresql://", "postgres://")):
        return PostgresBackend(db)
    if db.startswith("sqlite:///"):
        db = db[len("sqlite:///"):]
    return SQLiteBackend(db)
