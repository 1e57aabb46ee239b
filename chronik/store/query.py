"""Reading the store: event filters, the Python query API, statistics, canonical dumps."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import Alias, Report, StoredEvent
from ..records import PLOVER_TYPES, arrow_table, export_record, flat_row, global_event_id
from .backend import StoreError
from .merge import event_from_record

if TYPE_CHECKING:
    from .db import Store

_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_bound(value: str | dt.date | None, end: bool) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD as an inclusive bound (the last day for ``end``)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    v = str(value).strip()
    if not _DATE.match(v):
        raise StoreError(f"invalid date {value!r}: use YYYY-MM-DD (or YYYY-MM, YYYY)")
    try:
        if len(v) == 4:
            return f"{v}-12-31" if end else f"{v}-01-01"
        if len(v) == 7:
            first = dt.date.fromisoformat(v + "-01")
            if not end:
                return first.isoformat()
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return (nxt - dt.timedelta(days=1)).isoformat()
        return dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise StoreError(f"invalid date {value!r}: use YYYY-MM-DD") from None


@dataclass
class EventFilter:
    """Which events to read. Every field is optional; set fields are ANDed.

    Attributes:
        actor: an ISO3 code (matches actor countries) or a name (case-insensitive substring
            of an actor name), in either role.
        source: as ``actor``, for the acting side only.
        target: as ``actor``, for the recipient only.
        type: PLOVER event type.
        country: where it happened (location country), or, for events without a location,
            a country of source or target.
        since: first date (inclusive); YYYY-MM-DD, YYYY-MM or YYYY.
        until: last date (inclusive).
        text: words that must all occur in the evidence (full-text search).
        limit: at most this many events.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    type: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int | None = None

    def where(self, dialect: str) -> tuple[str, list[Any]]:
        """The SQL condition (on alias ``e``) and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        if self.actor:
            a = self.actor.strip()
            if _ISO3.match(a):
                conds.append("(e.source_country = ? OR e.target_country = ? OR e.id IN "
                             "(SELECT event_id FROM event_actors WHERE country = ? AND idx > 0))")
                params += [a, a, a]
            else:
                conds.append("e.id IN (SELECT event_id FROM event_actors WHERE name_norm LIKE ?)")
                params.append(f"%{a.casefold()}%")
        for role, value in (("source", self.source), ("target", self.target)):
            if value:
                v = value.strip()
                if _ISO3.match(v):
                    conds.append(f"e.{role}_country = ?")
                    params.append(v)
                else:
                    conds.append(f"e.id IN (SELECT event_id FROM event_actors WHERE role = '{role}' AND name_norm LIKE ?)")
                    params.append(f"%{v.casefold()}%")
        if self.type:
            t = self.type.strip().upper()
            if t not in PLOVER_TYPES:
                raise StoreError(f"unknown event type {self.type!r}: choose one of {', '.join(PLOVER_TYPES)}")
            conds.append("e.type = ?")
            params.append(t)
        if self.country:
            c = self.country.strip().upper()
            if not _ISO3.match(c):
                raise StoreError(f"invalid country {self.country!r}: use an ISO 3166-1 alpha-3 code such as USA")
            conds.append("(e.location_country = ? OR (e.location_country IS NULL AND "
                         "(e.source_country = ? OR e.target_country = ?)))")
            params += [c, c, c]
        since, until = _date_bound(self.since, False), _date_bound(self.until, True)
        if since and until and since > until:
            raise StoreError(f"--since {since} is after --until {until}")
        if since:
            conds.append("e.date >= ?")
            params.append(since)
        if until:
            conds.append("e.date <= ?")
            params.append(until + "\uffff")
        if self.text and self.text.strip():
            words = re.findall(r"\w+", self.text)
            if not words:
                raise StoreError(f"no words to search in {self.text!r}")
            if dialect == "sqlite":
                conds.append("e.id IN (SELECT m.event_id FROM event_mentions m WHERE m.id IN "
                             "(SELECT rowid FROM event_mentions_fts WHERE event_mentions_fts MATCH ?))")
                params.append(" ".join(f'"{w}"' for w in words))
            else:
                conds.append("e.id IN (SELECT m.event_id FROM event_mentions m WHERE "
                             "to_tsvector('simple', coalesce(m.evidence_text, '')) @@ plainto_tsquery('simple', ?))")
                params.append(" ".join(words))
        return (" AND ".join(conds) or "1 = 1"), params


ORDER = "ORDER BY e.date IS NULL, e.date, e.id"  # dated events first, by date; stable across backends


def stored_record(row: dict[str, Any]) -> dict[str, Any]:
    """The EVENTS.md record of a merged event: the first report's record, with the store's
    event id and the GDELT-style counts."""
    rec = json.loads(row["record"])
    rec["event_id"] = row["event_key"]
    rec["num_mentions"] = row["num_mentions"]
    rec["num_articles"] = row["num_articles"]
    rec["num_sources"] = row["num_sources"]
    return rec


def aliases_by_document(store: Store) -> dict[int, list[Alias]]:
    """Document row id -> its aliases, in ingest order."""
    out: dict[int, list[Alias]] = {}
    for did, doc_id, url, source, path in store.db.all(
            "SELECT a.document_id, a.doc_id, a.url, s.name, a.path FROM document_aliases a "
            "LEFT JOIN sources s ON s.id = a.source_id ORDER BY a.id"):
        out.setdefault(did, []).append(Alias(doc_id, url, source, path))
    return out


def stored_events(store: Store, flt: EventFilter | None = None, **filters: Any) -> Iterator[StoredEvent]:
    """Stored events matching the filter, each with every report (document, URLs and
    aliases, outlet, publication date, sentence, evidence) in ingest order. Order: dated
    events by date, then undated ones; ties in storage order."""
    flt = flt or EventFilter(**filters)
    where, params = flt.where(store.db.dialect)
    keys = "SELECT e.id FROM events e WHERE " + where + " " + ORDER
    if flt.limit is not None:
        keys += f" LIMIT {int(flt.limit)}"
    sql = ("SELECT e.id, e.event_key, e.record, e.num_mentions, e.num_articles, e.num_sources, "
           "m.local_id, m.sentence, m.evidence_text, m.evidence_start, m.evidence_end, m.confidence AS m_conf, "
           "d.id AS did, d.doc_id, d.url, d.published, d.title, d.lang, d.ingested_at, LENGTH(d.text) AS doc_length, "
           "s.name AS outlet FROM events e JOIN event_mentions m ON m.event_id = e.id "
           "JOIN documents d ON d.id = m.document_id LEFT JOIN sources s ON s.id = d.source_id "
           f"WHERE e.id IN ({keys}) {ORDER}, m.id")
    aliases = aliases_by_document(store)
    current: StoredEvent | None = None
    current_id = None
    for row in store.db.dicts(sql, params):
        if current is None or row["id"] != current_id:
            if current is not None:
                yield current
            rec = stored_record(row)
            current_id = row["id"]
            current = event_from_record(rec, StoredEvent, global_event_id=global_event_id(rec["event_id"]),
                                        num_mentions=rec["num_mentions"], num_articles=rec["num_articles"],
                                        num_sources=rec["num_sources"])
            current.doc_id = row["doc_id"]
        current.reports.append(Report(
            doc_id=row["doc_id"], evidence_text=row["evidence_text"] or "", evidence_start=row["evidence_start"] or 0,
            evidence_end=row["evidence_end"] or 0, event_id=row["local_id"], url=row["url"],
            aliases=aliases.get(row["did"], []), source=row["outlet"], published=row["published"], title=row["title"],
            lang=row["lang"], sentence=row["sentence"], confidence=row["m_conf"], doc_length=row["doc_length"],
            added=row["ingested_at"]))
    if current is not None:
        yield current


def records_with_mentions(store: Store, flt: EventFilter | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
    """The export records (:func:`chronik.records.export_record`) of :func:`stored_events`."""
    return map(export_record, stored_events(store, flt, **filters))


class EventQuery:
    """Lazy result of :meth:`Store.events`: iterate it for typed
    :class:`~chronik.model.StoredEvent` dataclasses (Events with counts and reports), or
    call :meth:`records` (export records), :meth:`to_arrow`, :meth:`to_pandas` or
    :meth:`to_polars` (one typed flat row per event)."""

    def __init__(self, store: Store, **filters: Any):
        unknown = set(filters) - set(EventFilter.__dataclass_fields__)
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        self.store = store
        self.filter = EventFilter(**filters)
        self.filter.where(store.db.dialect)  # validate early

    def __iter__(self) -> Iterator[StoredEvent]:
        return stored_events(self.store, self.filter)

    def records(self) -> Iterator[dict[str, Any]]:
        """Export records (the shape of ``chronik schema``): actors always lists, every
        report under ``mentions``, ``num_mentions``/``num_articles``/``num_sources``."""
        return records_with_mentions(self.store, self.filter)

    def to_arrow(self) -> Any:
        """A pyarrow Table of flat rows (:data:`chronik.records.FLAT_COLUMNS`): ``date`` as
        date32 (the first day of its period) with ``date_precision``, codes as strings,
        counts as int64 with nulls.

        Raises:
            StoreError: pyarrow is not installed.
        """
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise StoreError("to_arrow() needs pyarrow: pip install pyarrow") from None
        return arrow_table([flat_row(r) for r in self.records()])

    def to_pandas(self) -> Any:
        """A pandas DataFrame of the flat rows: ``date`` as datetime64 (every precision
        parses: "2001-03" is 2001-03-01 with ``date_precision`` "month"), codes as strings,
        counts as nullable ``Int64``.

        Raises:
            StoreError: pandas (or pyarrow) is not installed.
        """
        try:
            import pandas as pd
        except ImportError:
            raise StoreError("to_pandas() needs pandas: pip install pandas") from None
        import pyarrow as pa

        ints = {pa.int64(): pd.Int64Dtype()}
        return self.to_arrow().to_pandas(types_mapper=ints.get, date_as_object=False)

    def to_polars(self) -> Any:
        """A polars DataFrame of the flat rows (``date`` as pl.Date, ints as Int64).

        Raises:
            StoreError: polars is not installed.
        """
        try:
            import polars as pl
        except ImportError:
            raise StoreError("to_polars() needs polars: pip install polars") from None
        return pl.from_arrow(self.to_arrow())


def _by_period(db: Any, length: int, precisions: tuple[str, ...]) -> dict[str, int]:
    prec = ("json_extract(record, '$.date_precision')" if db.dialect == "sqlite"
            else "(record::jsonb ->> 'date_precision')")
    marks = ", ".join("?" * len(precisions))
    return {p: n for p, n in db.all(
        f"SELECT substr(date, 1, {length}) AS p, COUNT(*) FROM events WHERE date IS NOT NULL "
        f"AND LENGTH(date) >= {length} AND (COALESCE({prec}, CASE LENGTH(date) WHEN 4 THEN 'year' WHEN 7 "
        f"THEN 'month' ELSE 'day' END) IN ({marks})) GROUP BY substr(date, 1, {length}) ORDER BY p", precisions)}


def stats(store: Store, top: int = 10) -> dict[str, Any]:
    """Corpus statistics, JSON-serialisable. ``per_day`` counts events dated to the day,
    ``per_month`` those dated to the day, week or month, ``per_year`` every dated event;
    ``undated`` the rest."""
    db = store.db
    out: dict[str, Any] = {
        "documents": db.scalar("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NULL"),
        "duplicates": db.scalar("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "aliases": db.scalar("SELECT COUNT(*) FROM document_aliases"),
        "events": db.scalar("SELECT COUNT(*) FROM events"),
        "event_mentions": db.scalar("SELECT COUNT(*) FROM event_mentions"),
        "merged_events": db.scalar("SELECT COUNT(*) FROM events WHERE num_mentions > 1"),
        "mentions": db.scalar("SELECT COUNT(*) FROM mentions"),
        "sources": db.scalar("SELECT COUNT(*) FROM sources"),
        "undated": db.scalar("SELECT COUNT(*) FROM events WHERE date IS NULL"),
    }
    out["by_type"] = {t: n for t, n in db.all("SELECT type, COUNT(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")}
    out["top_dyads"] = [
        {"source": s, "target": t, "events": n}
        for s, t, n in db.all(
            "SELECT source_country, target_country, COUNT(*) AS n FROM events WHERE source_country IS NOT NULL "
            "AND target_country IS NOT NULL GROUP BY source_country, target_country "
            f"ORDER BY n DESC, source_country, target_country LIMIT {int(top)}")
    ]
    out["per_day"] = _by_period(db, 10, ("day",))
    out["per_month"] = _by_period(db, 7, ("day", "week", "month"))
    out["per_year"] = _by_period(db, 4, ("day", "week", "month", "year"))
    return out


_DUMP = {
    "sources": "SELECT name FROM sources",
    "documents": "SELECT d.doc_id, d.url, d.content_hash, d.minhash, d.title, d.published, d.lang, s.name, d.path, "
                 "d.text, dd.doc_id, d.n_events FROM documents d LEFT JOIN sources s ON s.id = d.source_id "
                 "LEFT JOIN documents dd ON dd.id = d.duplicate_of",
    "document_lsh": "SELECT l.key, d.doc_id FROM document_lsh l JOIN documents d ON d.id = l.document_id",
    "mentions": "SELECT d.doc_id, m.start_offset, m.end_offset, m.text, m.sentence, m.entity, m.how, m.kind, m.name, "
                "m.country, m.sector, m.role, m.kb_id FROM mentions m JOIN documents d ON d.id = m.document_id",
    "events": "SELECT e.event_key, e.type, e.date, e.source_key, e.target_key, e.source_country, e.source_sector, "
              "e.source_name, e.target_country, e.target_sector, e.target_name, e.location_country, e.cameo, e.quad, "
              "e.intensity, e.status, e.record, d.doc_id, e.num_mentions, e.num_articles, e.num_sources "
              "FROM events e LEFT JOIN documents d ON d.id = e.first_document_id",
    "event_actors": "SELECT e.event_key, a.role, a.idx, a.name, a.name_norm, a.country, a.sector, a.kb_id "
                    "FROM event_actors a JOIN events e ON e.id = a.event_id",
    "document_aliases": "SELECT d.doc_id, a.doc_id, a.url, s.name, a.path FROM document_aliases a "
                        "JOIN documents d ON d.id = a.document_id LEFT JOIN sources s ON s.id = a.source_id",
    "event_mentions": "SELECT e.event_key, d.doc_id, m.local_id, m.sentence, m.evidence_text, m.evidence_start, "
                      "m.evidence_end, m.confidence, m.record FROM event_mentions m JOIN events e ON e.id = m.event_id "
                      "JOIN documents d ON d.id = m.document_id",
}


def canonical_dump(store: Store) -> dict[str, list]:
    """Every table by natural keys (no surrogate ids, no timestamps), sorted."""
    db = store.db
    out: dict[str, list] = {}
    queries = dict(_DUMP)
    if db.dialect == "sqlite":
        queries["event_mentions_fts"] = (
            "SELECT d.doc_id, m.local_id, f.evidence_text, f.title FROM event_mentions_fts f "
            "LEFT JOIN event_mentions m ON m.id = f.rowid LEFT JOIN documents d ON d.id = m.document_id")
    for name, sql in queries.items():
        rows = [tuple(bytes(v).hex() if isinstance(v, (bytes, memoryview)) else v for v in r) for r in db.all(sql)]
        out[name] = sorted(rows, key=lambda r: json.dumps(r, default=str))
    return out
