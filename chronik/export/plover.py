"""PLOVER JSON records, as the PLOVER manual's "Data Fields" chapter defines them.

Every record is dated: ``date`` (YYYY-MM-DD) is the event's date, else the first
report's publication date; ``date_precision`` says how much of it is known and
``date_source`` where it came from ("event" or "published"); an event with neither has
``date`` null and ``date_source`` "none". ``text_info`` holds the evidence offsets of
each report (``sequence`` is the sentence number, ``start``/``end`` character offsets
into the cleaned document text).
"""
from __future__ import annotations

from typing import Any

from ..records import period_start


def _entity(a: dict[str, Any]) -> dict[str, Any]:
    ent = {"code": a.get("country"), "sector": a.get("sector"), "entity_text": a.get("text")}
    if a.get("kb_id"):
        ent["identifier_id"] = a["kb_id"]
    if a.get("name"):
        ent["identifier_text"] = a["name"]
    if a.get("role"):
        ent["office"] = a["role"]
    return ent


def plover_date(rec: dict[str, Any]) -> tuple[str | None, str | None, str]:
    """(date as YYYY-MM-DD, precision, source) of an export record."""
    d = period_start(rec.get("date"))
    if d:
        return d.isoformat(), rec.get("date_precision") or "day", "event"
    for m in rec.get("mentions") or []:
        p = period_start(m.get("published"))
        if p:
            prec = {4: "year", 7: "month"}.get(len(m["published"]), "day")
            return p.isoformat(), prec, "published"
    return None, None, "none"


def plover_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER record (``id``, ``date``, ``actor``, ``recipient``, ``event``, ...) of an
    export record (:func:`chronik.records.event_record`)."""
    date, precision, source = plover_date(rec)
    ms = rec.get("mentions") or []
    loc = rec.get("location")
    out: dict[str, Any] = {
        "id": rec["event_id"], "has_event": True, "date": date, "date_precision": precision, "date_source": source,
        "actor": [_entity(a) for a in rec["source"]],
        "recipient": [_entity(a) for a in rec["target"]],
        "event": [rec["type"]],
        "mode": [rec["mode"]] if rec.get("mode") else [],
        "context": list(rec.get("context") or []),
        "quad_code": rec.get("quad"), "event_scale": rec.get("intensity"),
        "event_text": [m["evidence"]["text"] for m in ms] or [rec["evidence"]["text"]],
        "text_info": [{"doc_id": m["doc_id"], "sequence": (m.get("sentence") or 0) + 1,
                       "start": m["evidence"]["start"], "end": m["evidence"]["end"]} for m in ms]
                     or [{"doc_id": rec["doc_id"], "sequence": None, "start": rec["evidence"]["start"],
                          "end": rec["evidence"]["end"]}],
        "cite_info": [{"corpus": "chronik", "citation": m["doc_id"], "url": m.get("url"), "urls": m.get("urls") or [],
                       "title": m.get("title"), "language": m.get("lang") or rec.get("lang"),
                       "publication": m.get("source"), "published": m.get("published")} for m in ms],
        "coder": "chronik", "codebook": "plover-2.0", "cameo": rec.get("cameo"), "status": rec.get("status"),
        "event_loc": None,
    }
    if loc:
        out["event_loc"] = {"extracted_place": loc.get("text"), "resolved_place": loc.get("name"),
                            "geonameid": loc.get("geonames_id"), "lat": loc.get("lat"), "lon": loc.get("lon"),
                            "country_code": loc.get("country")}
    return out
