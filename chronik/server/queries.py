"""What the HTTP API reads from the event store: filters parsed from query parameters,
event pages with keyset (cursor) pagination, one event, one document, actors, statistics,
dyads and places.

Plain functions over a :class:`~chronik.store.Store`; the store's own filter
(:class:`~chronik.store.EventFilter`) does the work it can, and this module adds only the
conditions the API offers on top of it (sector, quad class, place, document, confidence).
"""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, fields
from typing import Any

from ..store import EventFilter, Store, StoreError
from ..store.query import stored_record


class ApiError(Exception):
    """A request the API refuses: ``status`` (400, 404, ...) and a message saying why."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


MAX_LIMIT = 1000
DEFAULT_LIMIT = 50
SORTS = {"date": "e.date", "intensity": "e.intensity", "mentions": "e.num_mentions"}
INTERVALS = ("day", "week", "month")
_SECTOR = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Filters:
    """The event filters of the API (every one optional; set ones are ANDed).

    Attributes:
        actor: ISO3 code or (part of) a name, in either role.
        source: the acting side, as ``actor``.
        target: the recipient, as ``actor``.
        country: where it happened (ISO3), else a country of source or target.
        sector: actor sector (GOV, MIL, REB, ...) of source or target.
        type: PLOVER event type.
        quad: quad class 1-4 (verbal/material cooperation, verbal/material conflict).
        since: first date, YYYY-MM-DD (or YYYY-MM, YYYY).
        until: last date, inclusive.
        place: (part of) the name of the event's place.
        q: words that must all occur in the evidence (full text).
        doc: id of a document that reports the event.
        min_confidence: lowest coder confidence (0-1) of at least one report.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    sector: str | None = None
    type: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    q: str | None = None
    doc: str | None = None
    min_confidence: float | None = None

    def store_filter(self) -> EventFilter:
        """The part the store's own filter understands."""
        return EventFilter(actor=self.actor, source=self.source, target=self.target, type=self.type,
                           country=self.country, since=self.since, until=self.until, text=self.q)

    def where(self, dialect: str) -> tuple[str, list[Any]]:
        """SQL condition on alias ``e`` and its parameters."""
        try:
            sql, params = self.store_filter().where(dialect)
        except StoreError as exc:
            raise ApiError(exc.message) from None
        conds = [sql]
        if self.sector:
            conds.append("(e.source_sector = ? OR e.target_sector = ?)")
            params += [self.sector, self.sector]
        if self.quad is not None:
            conds.append("e.quad = ?")
            params.append(self.quad)
        if self.place:
            conds.append(f"lower({_json_text('e.record', 'location', 'name', dialect=dialect)}) LIKE ? ESCAPE '\\'")
            params.append(f"%{_like_escape(self.place.casefold())}%")
        if self.doc:
            conds.append("e.id IN (SELECT m.event_id FROM event_mentions m JOIN documents d ON d.id = m.document_id "
                         "WHERE d.doc_id = ?)")
            params.append(self.doc)
        if self.min_confidence is not None:
            conds.append("e.id IN (SELECT event_id FROM event_mentions WHERE confidence >= ?)")
            params.append(self.min_confidence)
        return " AND ".join(conds), params

    def key(self) -> tuple:
        return tuple(sorted((k, v) for k, v in asdict(self).items() if v is not None))


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _json_text(column: str, *path: str, dialect: str) -> str:
    """SQL for a text field inside a JSON column."""
    if dialect == "sqlite":
        return f"json_extract({column}, '$.{'.'.join(path)}')"
    return f"({column}::json #>> '{{{','.join(path)}}}')"


# parsing query parameters ----------------------------------------------------------------
def parse_filters(params: dict[str, str]) -> Filters:
    """Filters from query parameters (strings), validated.

    Raises:
        ApiError: a value is malformed (the message names the parameter).
    """
    vals: dict[str, Any] = {}
    for f in fields(Filters):
        raw = params.get(f.name)
        if raw is None or raw.strip() == "":
            continue
        raw = raw.strip()
        if len(raw) > 200:
            raise ApiError(f"parameter {f.name!r} is too long (at most 200 characters)")
        if f.name == "quad":
            if raw not in ("1", "2", "3", "4"):
                raise ApiError(f"invalid quad {raw!r}: use 1, 2, 3 or 4")
            vals["quad"] = int(raw)
        elif f.name == "min_confidence":
            try:
                conf = float(raw)
            except ValueError:
                conf = -1.0
            if not 0.0 <= conf <= 1.0:
                raise ApiError(f"invalid min_confidence {raw!r}: use a number from 0 to 1")
            vals["min_confidence"] = conf
        elif f.name == "sector":
            vals["sector"] = raw.upper()
            if not _SECTOR.match(vals["sector"]):
                raise ApiError(f"invalid sector {raw!r}: use a three-letter code such as GOV, MIL, REB")
        elif f.name == "q":
            vals["q"] = check_words(raw)
        else:
            vals[f.name] = raw
    flt = Filters(**vals)
    flt.where("sqlite")  # validates dates, type, country and the full-text words
    return flt


_QUERY_SYNTAX = re.compile(r"[\"*():^{}\[\];=<>|\\+]|--")
_OPERATORS = re.compile(r"\b(AND|OR|NOT|NEAR)\b")


def check_words(q: str) -> str:
    """``q`` when it is plain words: the search finds events whose evidence has all of them.

    Raises:
        ApiError: ``q`` holds query syntax (quotes, ``*``, parentheses, operators).
    """
    bad = _QUERY_SYNTAX.search(q) or _OPERATORS.search(q)
    if bad:
        raise ApiError(f"q takes plain words (all must occur in the evidence); query syntax such as "
                       f"{bad.group(0)!r} is not supported")
    if not re.search(r"\w", q):
        raise ApiError(f"q has no words to search: {q!r}")
    return q


def parse_limit(raw: str | None, default: int = DEFAULT_LIMIT, maximum: int = MAX_LIMIT) -> int:
    """A page size from 1 to ``maximum``."""
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise ApiError(f"invalid limit {raw!r}: use a whole number from 1 to {maximum}")
    return int(raw)


def parse_sort(raw: str | None) -> tuple[str, bool]:
    """``date``, ``-date``, ``intensity``, ``-intensity``, ``mentions``, ``-mentions``."""
    raw = raw or "date"
    name, desc = (raw[1:], True) if raw.startswith("-") else (raw, False)
    if name not in SORTS:
        choices = ", ".join(f"{s}, -{s}" for s in SORTS)
        raise ApiError(f"invalid sort {raw!r}: choose one of {choices}")
    return name, desc


def encode_cursor(sort: str, desc: bool, value: Any, event_id: int) -> str:
    raw = json.dumps([sort, desc, value, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(raw: str, sort: str, desc: bool) -> tuple[Any, int]:
    """The last row's sort value and id from a cursor of the same sort order."""
    try:
        data = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        s, d, value, eid = data
        if not isinstance(eid, int) or not isinstance(value, (str, int, float, type(None))):
            raise ValueError
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise ApiError("invalid cursor: pass the 'next' value of the previous page unchanged") from None
    if (s, d) != (sort, desc):
        raise ApiError("the cursor belongs to another sort order: start again without a cursor")
    return value, eid


# reading -------------------------------------------------------------------------------
def _keyset(col: str, desc: bool, value: Any, eid: int) -> tuple[str, list[Any]]:
    """Rows after (value, id) in the order ``col`` ASC NULLS FIRST (DESC NULLS LAST)."""
    if not desc:
        if value is None:
            return f"(({col} IS NULL AND e.id > ?) OR {col} IS NOT NULL)", [eid]
        return f"({col} > ? OR ({col} = ? AND e.id > ?))", [value, value, eid]
    if value is None:
        return f"({col} IS NULL AND e.id < ?)", [eid]
    return f"({col} < ? OR ({col} = ? AND e.id < ?) OR {col} IS NULL)", [value, value, eid]


def event_page(store: Store, flt: Filters, *, sort: str = "date", desc: bool = False, limit: int = DEFAULT_LIMIT,
               cursor: str | None = None, with_total: bool = True) -> dict[str, Any]:
    """One page of events: ``events`` (stored records), ``next`` (cursor or None), ``total``."""
    dialect = store.db.dialect
    where, params = flt.where(dialect)
    col = SORTS[sort]
    page_where, page_params = where, list(params)
    if cursor:
        value, eid = decode_cursor(cursor, sort, desc)
        cond, extra = _keyset(col, desc, value, eid)
        page_where += " AND " + cond
        page_params += extra
    order = "DESC" if desc else "ASC"
    nulls = "" if dialect == "sqlite" else (" NULLS LAST" if desc else " NULLS FIRST")
    sql = (f"SELECT e.id, e.event_key, e.record, e.num_mentions, e.num_articles, e.num_sources, {col} AS sort_value, "
           "d.doc_id AS first_doc FROM events e LEFT JOIN documents d ON d.id = e.first_document_id "
           f"WHERE {page_where} ORDER BY {col} {order}{nulls}, e.id {order} LIMIT {int(limit) + 1}")
    rows = list(store.db.dicts(sql, page_params))
    more = len(rows) > limit
    rows = rows[:limit]
    events = []
    for row in rows:
        rec = stored_record(row)
        rec["doc_id"] = row["first_doc"] or rec.get("doc_id")
        events.append(rec)
    out: dict[str, Any] = {"events": events, "next": None}
    if more and rows:
        out["next"] = encode_cursor(sort, desc, rows[-1]["sort_value"], rows[-1]["id"])
    if with_total:
        out["total"] = store.db.scalar(f"SELECT COUNT(*) FROM events e WHERE {where}", params)
    return out


def _mentions_of(store: Store, event_pk: int) -> list[dict[str, Any]]:
    rows = store.db.dicts(
        "SELECT m.local_id, m.evidence_text, m.evidence_start, m.evidence_end, m.confidence, d.doc_id, d.url, "
        "d.title, d.published, s.name AS outlet FROM event_mentions m JOIN documents d ON d.id = m.document_id "
        "LEFT JOIN sources s ON s.id = d.source_id WHERE m.event_id = ? ORDER BY m.id", (event_pk,))
    return [{"doc_id": r["doc_id"], "event_id": r["local_id"], "url": r["url"], "title": r["title"],
             "published": r["published"], "source": r["outlet"], "confidence": r["confidence"],
             "evidence": {"text": r["evidence_text"], "start": r["evidence_start"], "end": r["evidence_end"]}}
            for r in rows]


def event_detail(store: Store, event_id: str) -> dict[str, Any]:
    """One stored event with every report (``mentions``).

    Raises:
        ApiError: 404 when there is no such event.
    """
    row = store.db.one("SELECT id, event_key, record, num_mentions, num_articles, num_sources FROM events "
                       "WHERE event_key = ?", (event_id,))
    if row is None:
        raise ApiError(f"no event {event_id!r}", 404)
    rec = stored_record(dict(zip(("id", "event_key", "record", "num_mentions", "num_articles", "num_sources"), row)))
    rec["mentions"] = _mentions_of(store, row[0])
    return rec


def document_detail(store: Store, doc_id: str) -> dict[str, Any]:
    """A stored document: metadata, clean text, actor mentions and the events it reports
    with their evidence offsets into ``text``.

    Raises:
        ApiError: 404 when there is no such document.
    """
    db = store.db
    sql = ("SELECT d.id, d.doc_id, d.url, d.title, d.published, d.lang, s.name, d.text, dd.doc_id "
           "FROM documents d LEFT JOIN sources s ON s.id = d.source_id "
           "LEFT JOIN documents dd ON dd.id = d.duplicate_of WHERE d.doc_id = ?")
    row = db.one(sql, (doc_id,))
    if row is None and "document_aliases" in db.tables():  # the same article stored under another id
        alias = db.one("SELECT d.doc_id FROM document_aliases a JOIN documents d ON d.id = a.document_id "
                       "WHERE a.doc_id = ? ORDER BY a.id LIMIT 1", (doc_id,))
        row = db.one(sql, (alias[0],)) if alias else None
    if row is None:
        raise ApiError(f"no document {doc_id!r}", 404)
    pk = row[0]
    doc: dict[str, Any] = dict(zip(("doc_id", "url", "title", "published", "lang", "source", "text", "duplicate_of"),
                                   row[1:]))
    doc["mentions"] = [
        {"start": r[0], "end": r[1], "text": r[2], "name": r[3], "country": r[4], "sector": r[5], "role": r[6],
         "entity": r[7], "how": r[8]}
        for r in db.all("SELECT start_offset, end_offset, text, name, country, sector, role, entity, how "
                        "FROM mentions WHERE document_id = ? ORDER BY start_offset, end_offset", (pk,))]
    events = []
    for key, local_id, record, start, end, text in db.all(
            "SELECT e.event_key, m.local_id, m.record, m.evidence_start, m.evidence_end, m.evidence_text "
            "FROM event_mentions m JOIN events e ON e.id = m.event_id WHERE m.document_id = ? "
            "ORDER BY m.evidence_start, m.id", (pk,)):
        rec = json.loads(record)
        events.append({"event_id": key, "report_id": local_id, "type": rec.get("type"), "date": rec.get("date"),
                       "quad": rec.get("quad"), "cameo": rec.get("cameo"), "status": rec.get("status"),
                       "source": rec.get("source"), "target": rec.get("target"), "location": rec.get("location"),
                       "confidence": rec.get("confidence"),
                       "evidence": {"text": text, "start": start, "end": end}})
    doc["events"] = events
    return doc


def stored_doc_id(store: Store, doc: Any) -> str | None:
    """The id under which ``doc`` is stored: its own, or that of the stored article with
    the same content (the store keeps one copy)."""
    from ..store.dedup import content_hash

    row = store.db.one("SELECT doc_id FROM documents WHERE doc_id = ?", (doc.id,)) or store.db.one(
        "SELECT doc_id FROM documents WHERE content_hash = ? ORDER BY id LIMIT 1", (content_hash(doc.text),))
    return row[0] if row else None


def actors(store: Store, q: str | None, limit: int = 20) -> list[dict[str, Any]]:
    """Actors whose name contains ``q`` (or whose country is ``q``, an ISO3 code), with the
    number of events they take part in, most active first."""
    conds, params = ["1 = 1"], []
    if q:
        q = q.strip()
        if len(q) > 200:
            raise ApiError("parameter 'q' is too long (at most 200 characters)")
        if re.fullmatch(r"[A-Za-z]{3}", q):
            conds = ["(name_norm LIKE ? ESCAPE '\\' OR country = ?)"]
            params = [f"%{_like_escape(q.casefold())}%", q.upper()]
        else:
            conds = ["name_norm LIKE ? ESCAPE '\\'"]
            params = [f"%{_like_escape(q.casefold())}%"]
    rows = store.db.all(
        "SELECT name, country, sector, COUNT(DISTINCT event_id) AS n, SUM(CASE WHEN role = 'source' THEN 1 ELSE 0 END), "
        f"SUM(CASE WHEN role = 'target' THEN 1 ELSE 0 END) FROM event_actors WHERE {' AND '.join(conds)} "
        f"GROUP BY name, country, sector ORDER BY n DESC, name LIMIT {int(limit)}", params)
    return [{"name": r[0], "country": r[1], "sector": r[2], "events": r[3], "as_source": r[4], "as_target": r[5]}
            for r in rows]


def _period(day: str, interval: str) -> str:
    if interval == "month" or len(day) < 10:
        return day[:7]
    if interval == "week":
        try:
            y, w, _ = dt.date.fromisoformat(day).isocalendar()
        except ValueError:
            return day[:7]
        return f"{y}-W{w:02d}"
    return day


def stats(store: Store, flt: Filters, interval: str = "month", top: int = 30) -> dict[str, Any]:
    """Counts of the matching events: total, by type, by quad class, by country (the place's,
    else the source's), and a timeline per ``interval`` split by quad class."""
    if interval not in INTERVALS:
        raise ApiError(f"invalid interval {interval!r}: choose one of {', '.join(INTERVALS)}")
    db = store.db
    where, params = flt.where(db.dialect)
    by_type: dict[str, int] = {}
    by_quad: dict[str, int] = defaultdict(int)
    timeline: dict[str, dict[str, int]] = {}
    total = 0
    # one pass in the order of the events_aggregates index (type, date, quad): no sorting
    for typ, day, quad, n in db.all(f"SELECT e.type, e.date, e.quad, COUNT(*) FROM events e WHERE {where} "
                                    "GROUP BY e.type, e.date, e.quad", params):
        q = str(quad) if quad is not None else "none"
        by_type[typ] = by_type.get(typ, 0) + n
        by_quad[q] += n
        total += n
        if day:
            slot = timeline.setdefault(_period(day[:10], interval), {"1": 0, "2": 0, "3": 0, "4": 0})
            slot[q] = slot.get(q, 0) + n
    by_country = {c: n for c, n in db.all(
        f"SELECT COALESCE(e.location_country, e.source_country) AS c, COUNT(*) AS n FROM events e WHERE {where} "
        f"GROUP BY COALESCE(e.location_country, e.source_country) ORDER BY n DESC, c LIMIT {int(top)}", params)
        if c is not None}
    return {
        "events": total,
        "by_type": dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_quad": dict(sorted(by_quad.items())),
        "by_country": by_country,
        "interval": interval,
        "timeline": [{"period": p, "quad": q} for p, q in sorted(timeline.items())],
    }


def dyads(store: Store, flt: Filters, limit: int = 50) -> list[dict[str, Any]]:
    """Source-target country pairs of the matching events: count and mean intensity."""
    where, params = flt.where(store.db.dialect)
    rows = store.db.all(
        "SELECT e.source_country, e.target_country, COUNT(*) AS n, AVG(e.intensity) FROM events e "
        f"WHERE {where} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL "
        "GROUP BY e.source_country, e.target_country ORDER BY n DESC, e.source_country, e.target_country "
        f"LIMIT {int(limit)}", params)
    return [{"source": s, "target": t, "events": n, "mean_intensity": None if m is None else round(float(m), 2)}
            for s, t, n, m in rows]


PLACE_SAMPLE = 10_000


def places(store: Store, flt: Filters, limit: int = 300) -> dict[str, Any]:
    """Event places with coordinates and the number of matching events there, over the
    latest :data:`PLACE_SAMPLE` matching events with a place (coordinates live in the
    event record, so this bounds the work on a big store).

    Returns:
        ``places`` (name, country, lat, lon, events) and ``considered``, the number of
        events looked at (``sampled`` is true when that hit the bound).
    """
    d = store.db.dialect
    where, params = flt.where(d)
    loc = "json_extract(e.record, '$.location')" if d == "sqlite" else "(e.record::json -> 'location')::text"
    rows = store.db.all(f"SELECT {loc} FROM events e WHERE {where} AND e.location_country IS NOT NULL "
                        f"ORDER BY e.date DESC LIMIT {PLACE_SAMPLE}", params)
    counts: dict[tuple, int] = defaultdict(int)
    for (raw,) in rows:
        p = json.loads(raw) if raw else None
        if isinstance(p, dict) and isinstance(p.get("lat"), (int, float)) and isinstance(p.get("lon"), (int, float)):
            counts[(p.get("name") or p.get("text"), p.get("country"), float(p["lat"]), float(p["lon"]))] += 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0][0])))[:limit]
    return {"places": [{"name": k[0], "country": k[1], "lat": k[2], "lon": k[3], "events": n} for k, n in top],
            "considered": len(rows), "sampled": len(rows) >= PLACE_SAMPLE}


def data_version(store: Store) -> tuple:
    """Changes whenever events or reports are written (ids only grow), for caching."""
    return (store.db.scalar("SELECT MAX(id) FROM events"), store.db.scalar("SELECT MAX(id) FROM event_mentions"),
            store.db.scalar("SELECT COUNT(*) FROM documents"))
