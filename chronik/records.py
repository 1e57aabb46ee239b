"""The data contract of stored events: one record shape for every export.

A stored event is read from the store as the EVENTS.md record of its first report plus
its reports (``mentions``). :func:`event_record` turns that into the *export record*,
the one shape every file format is derived from (``chronik schema`` prints its JSON
Schema):

* ``source``, ``target`` and ``reported_by`` are always lists of actor objects (empty
  when there is none; a compound actor such as "the United States and France" is a
  list of two), and every actor object has the same six keys;
* every other field keeps one JSON type; ``null`` only means "unknown" for scalars and
  for ``location``;
* numbers that are floats in one row are floats in every row (``intensity``, ``lat``...).

:data:`FLAT_COLUMNS` is the one flat row (CSV, Parquet, pandas, polars, Arrow) with a
type per column; :func:`arrow_table` builds the typed table.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from typing import Any

from .cameo import goldstein

ACTOR_KEYS = ("text", "name", "kb_id", "country", "sector", "role")
LOCATION_KEYS = ("text", "name", "country", "lat", "lon", "geonames_id")
PRECISIONS = ("day", "week", "month", "year")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def global_event_id(event_key: str) -> int:
    """A stable integer id for an event key (GDELT's GLOBALEVENTID): the first 52 bits of
    its SHA-1, so the same event has the same id in every export and after re-ingests, and
    the id is exact in JavaScript and spreadsheets (below 2**53)."""
    return int(hashlib.sha1(event_key.encode("utf-8")).hexdigest()[:13], 16)


def period_start(value: str | None) -> dt.date | None:
    """The first day of a date of any precision ("2001", "2001-03", "2001-03-04"), or None."""
    m = _DATE.match(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def precision_of(value: str | None, stated: str | None = None) -> str | None:
    """The precision of a date: the stated one when valid, else from its length."""
    if not value:
        return None
    if stated in PRECISIONS:
        return stated
    return {4: "year", 7: "month"}.get(len(value), "day")


def _float(v: Any) -> float | None:
    return None if v is None or v == "" else float(v)


def _int(v: Any) -> int | None:
    return None if v is None or v == "" else int(v)


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def actor_list(value: Any) -> list[dict[str, Any]]:
    """The actors of a ``source``/``target``/``reported_by`` value (None, one object or a
    list) as a list of objects with exactly :data:`ACTOR_KEYS`."""
    if value is None:
        return []
    items = [value] if isinstance(value, dict) else [a for a in value if isinstance(a, dict)]
    return [{k: _str(a.get(k)) for k in ACTOR_KEYS} for a in items]


def location_record(loc: Any) -> dict[str, Any] | None:
    """A location object with exactly :data:`LOCATION_KEYS` (floats for lat/lon), or None."""
    if not isinstance(loc, dict):
        return None
    return {"text": _str(loc.get("text")), "name": _str(loc.get("name")), "country": _str(loc.get("country")),
            "lat": _float(loc.get("lat")), "lon": _float(loc.get("lon")), "geonames_id": _int(loc.get("geonames_id"))}


def _evidence(ev: Any) -> dict[str, Any]:
    ev = ev if isinstance(ev, dict) else {}
    return {"text": ev.get("text") or "", "start": int(ev.get("start") or 0), "end": int(ev.get("end") or 0)}


def mention_record(m: dict[str, Any]) -> dict[str, Any]:
    """One report of an event: the document, all its URLs (aliases included) and the evidence."""
    aliases = [{"doc_id": a.get("doc_id"), "url": a.get("url")} for a in m.get("aliases") or []]
    urls = [u for u in dict.fromkeys([m.get("url"), *(a["url"] for a in aliases)]) if u]
    return {
        "doc_id": m["doc_id"], "event_id": m.get("event_id") or "", "url": _str(m.get("url")), "urls": urls,
        "aliases": aliases, "source": _str(m.get("source")), "published": _str(m.get("published")),
        "title": _str(m.get("title")), "lang": _str(m.get("lang")), "sentence": _int(m.get("sentence")),
        "confidence": _float(m.get("confidence")), "doc_length": _int(m.get("doc_length")),
        "added": _str(m.get("added")), "evidence": _evidence(m.get("evidence")),
    }


def event_record(rec: dict[str, Any], mentions: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """The export record of a stored event (see the module docstring).

    Args:
        rec: the stored EVENTS.md record (with the store's ``event_id`` and counts).
        mentions: the event's reports, in ingest order (see :func:`mention_record`).
    """
    ms = [mention_record(m) for m in mentions]
    date = _str(rec.get("date"))
    cameo = _str(rec.get("cameo"))
    return {
        "event_id": rec["event_id"],
        "global_event_id": global_event_id(rec["event_id"]),
        "doc_id": ms[0]["doc_id"] if ms else rec.get("doc_id") or "",
        "type": rec["type"],
        "mode": _str(rec.get("mode")),
        "context": [str(c) for c in rec.get("context") or []],
        "cameo": cameo,
        "quad": _int(rec.get("quad")),
        "intensity": _float(rec.get("intensity")),
        "goldstein": goldstein(cameo),
        "source": actor_list(rec.get("source")),
        "target": actor_list(rec.get("target")),
        "date": date,
        "date_precision": precision_of(date, rec.get("date_precision")),
        "location": location_record(rec.get("location")),
        "status": rec.get("status") or "asserted",
        "reported_by": actor_list(rec.get("reported_by")),
        "evidence": _evidence(rec.get("evidence")),
        "lang": _str(rec.get("lang")),
        "confidence": _float(rec.get("confidence")) if rec.get("confidence") is not None else 0.5,
        "num_mentions": int(rec.get("num_mentions") or max(1, len(ms))),
        "num_articles": int(rec.get("num_articles") or max(1, len(ms))),
        "num_sources": int(rec.get("num_sources") or 1),
        "mentions": ms,
    }


# the flat row ---------------------------------------------------------------------
FLAT_COLUMNS: dict[str, str] = {
    "event_id": "str", "global_event_id": "int", "date": "date", "date_text": "str", "date_precision": "str",
    "type": "str", "mode": "str", "context": "str", "cameo": "str", "quad": "int", "intensity": "float",
    "goldstein": "float", "status": "str",
    "source_name": "str", "source_country": "str", "source_sector": "str",
    "target_name": "str", "target_country": "str", "target_sector": "str",
    "location_name": "str", "location_country": "str", "lat": "float", "lon": "float", "geonames_id": "int",
    "lang": "str", "confidence": "float", "num_mentions": "int", "num_articles": "int", "num_sources": "int",
    "doc_ids": "str", "urls": "str", "evidence": "str",
}
"""Column -> kind ("str", "int", "float", "date"). Compound actors and lists are joined
with ``;``. ``date`` is the first day of the event's period, ``date_text`` the date as
coded ("2001-03"), ``date_precision`` says which part of ``date`` is known."""


def _join(values: Iterable[Any]) -> str | None:
    vals = [str(v) for v in values if v]
    return ";".join(vals) if vals else None


def _actor_col(actors: list[dict[str, Any]], key: str) -> str | None:
    return _join(a.get(key) or (a.get("text") if key == "name" else None) for a in actors)


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    """The flat row of an export record (:func:`event_record`), typed per :data:`FLAT_COLUMNS`."""
    loc = rec.get("location") or {}
    ms = rec.get("mentions") or []
    return {
        "event_id": rec["event_id"], "global_event_id": rec["global_event_id"],
        "date": period_start(rec.get("date")), "date_text": rec.get("date"), "date_precision": rec.get("date_precision"),
        "type": rec["type"], "mode": rec.get("mode"), "context": _join(rec.get("context") or []),
        "cameo": rec.get("cameo"), "quad": rec.get("quad"), "intensity": rec.get("intensity"),
        "goldstein": rec.get("goldstein"), "status": rec.get("status"),
        **{f"{role}_{key}": _actor_col(rec[role], key) for role in ("source", "target")
           for key in ("name", "country", "sector")},
        "location_name": loc.get("name"), "location_country": loc.get("country"), "lat": loc.get("lat"),
        "lon": loc.get("lon"), "geonames_id": loc.get("geonames_id"), "lang": rec.get("lang"),
        "confidence": rec.get("confidence"), "num_mentions": rec.get("num_mentions"),
        "num_articles": rec.get("num_articles"), "num_sources": rec.get("num_sources"),
        "doc_ids": _join(dict.fromkeys(m["doc_id"] for m in ms)) or rec.get("doc_id"),
        "urls": _join(dict.fromkeys(u for m in ms for u in m.get("urls") or [])),
        "evidence": (rec.get("evidence") or {}).get("text"),
    }


def arrow_schema() -> Any:
    """The Arrow schema of the flat rows: strings, int64 (nullable), float64, date32."""
    import pyarrow as pa

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    return pa.schema([(name, kinds[kind]) for name, kind in FLAT_COLUMNS.items()])


def arrow_table(rows: list[dict[str, Any]]) -> Any:
    """A typed Arrow table of flat rows (:func:`flat_row`)."""
    import pyarrow as pa

    return pa.Table.from_pylist(rows, schema=arrow_schema())
