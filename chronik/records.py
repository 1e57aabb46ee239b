"""The data contract of stored events: one record shape for every export.

The store reads each stored event as a :class:`~chronik.model.StoredEvent` (the coded
event of its first report, the counts, every :class:`~chronik.model.Report`).
:func:`export_record` turns it into the *export record*, the one shape every file
format is derived from (``chronik schema`` prints its JSON Schema):

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
from .model import Actor, Location, Report, StoredEvent

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


def _actor(a: Actor) -> dict[str, Any]:
    return {"text": a.text, "name": a.name, "kb_id": a.kb_id, "country": a.country, "sector": a.sector, "role": a.role}


def actor_list(value: Actor | list[Actor] | None) -> list[dict[str, Any]]:
    """The actors of a ``source``/``target``/``reported_by`` value (None, one actor or a
    list) as a list of objects with exactly :data:`ACTOR_KEYS`."""
    if value is None:
        return []
    return [_actor(a) for a in ([value] if isinstance(value, Actor) else value)]


def location_record(loc: Location | None) -> dict[str, Any] | None:
    """A location object with exactly :data:`LOCATION_KEYS` (floats for lat/lon), or None."""
    if loc is None:
        return None
    return {"text": loc.text, "name": loc.name, "country": loc.country, "lat": _float(loc.lat),
            "lon": _float(loc.lon), "geonames_id": _int(loc.geonames_id)}


def _evidence(text: str, start: int, end: int) -> dict[str, Any]:
    return {"text": text or "", "start": int(start or 0), "end": int(end or 0)}


def report_record(r: Report) -> dict[str, Any]:
    """One report of an event: the document, all its URLs (aliases included) and the evidence."""
    return {
        "doc_id": r.doc_id, "event_id": r.event_id, "url": r.url, "urls": r.urls,
        "aliases": [{"doc_id": a.doc_id, "url": a.url} for a in r.aliases], "source": r.source,
        "published": r.published, "title": r.title, "lang": r.lang, "sentence": r.sentence,
        "confidence": _float(r.confidence), "doc_length": r.doc_length, "added": r.added,
        "evidence": _evidence(r.evidence_text, r.evidence_start, r.evidence_end),
    }


def export_record(ev: StoredEvent) -> dict[str, Any]:
    """The export record of a stored event (see the module docstring): the one shape that
    JSON Lines, CSV, Parquet, GDELT and PLOVER are written from."""
    cameo = ev.cameo
    return {
        "event_id": ev.event_id,
        "global_event_id": ev.global_event_id or global_event_id(ev.event_id),
        "doc_id": ev.doc_id,
        "type": ev.type,
        "mode": ev.mode,
        "context": [str(c) for c in ev.context],
        "cameo": cameo,
        "quad": _int(ev.quad),
        "intensity": _float(ev.intensity),
        "goldstein": goldstein(cameo),
        "source": actor_list(ev.source),
        "target": actor_list(ev.target),
        "date": ev.date,
        "date_precision": precision_of(ev.date, ev.date_precision),
        "location": location_record(ev.location),
        "status": ev.status or "asserted",
        "reported_by": actor_list(ev.reported_by),
        "evidence": _evidence(ev.evidence_text, ev.evidence_start, ev.evidence_end),
        "lang": ev.lang,
        "confidence": float(ev.confidence),
        "num_mentions": ev.num_mentions,
        "num_articles": ev.num_articles,
        "num_sources": ev.num_sources,
        "mentions": [report_record(r) for r in ev.reports],
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
