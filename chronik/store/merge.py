"""Cross-source event merging: one real-world event, many reports.

Events of different articles merge into one stored event (GDELT's events table) when
they have the same PLOVER type, the same actors (country + sector + name, compared by
:func:`actor_key`), dates at most :data:`MAX_DAYS` apart and similar evidence
(:func:`~chronik.store.dedup.evidence_similarity` >= :data:`EVIDENCE_THRESHOLD`). Every
report stays as a row of ``event_mentions`` (GDELT's mentions table).
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..model import Actor, Event, Location
from .backend import Backend
from .dedup import evidence_similarity, words

MAX_DAYS = 1
EVIDENCE_THRESHOLD = 0.2
MAX_COMPARED_MENTIONS = 20


def actors_of(value: Any) -> list[dict[str, Any]]:
    """The actor records of a ``source``/``target`` field (None, one dict or a list)."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]
    return [a for a in value if isinstance(a, dict)]


def actor_key(value: Any) -> str:
    """A comparable key for the actor(s) of one role: ``country|sector|name`` per actor,
    sorted and joined by ``;``; "" when there is no actor."""
    keys = []
    for a in actors_of(value):
        name = (a.get("name") or a.get("text") or "").strip().casefold()
        keys.append(f"{a.get('country') or ''}|{a.get('sector') or ''}|{name}")
    return ";".join(sorted(keys))


def event_columns(rec: dict[str, Any]) -> dict[str, Any]:
    """The indexed columns of ``events`` for an event record (first actor of each role)."""
    src = actors_of(rec.get("source"))
    tgt = actors_of(rec.get("target"))
    s = src[0] if src else {}
    t = tgt[0] if tgt else {}
    loc = rec.get("location") or {}
    return {
        "type": rec["type"],
        "date": rec.get("date"),
        "source_key": actor_key(rec.get("source")),
        "target_key": actor_key(rec.get("target")),
        "source_country": s.get("country"),
        "source_sector": s.get("sector"),
        "source_name": s.get("name") or s.get("text"),
        "target_country": t.get("country"),
        "target_sector": t.get("sector"),
        "target_name": t.get("name") or t.get("text"),
        "location_country": loc.get("country"),
        "cameo": rec.get("cameo"),
        "quad": rec.get("quad"),
        "intensity": rec.get("intensity"),
        "status": rec.get("status"),
    }


def actor_rows(event_id: int, rec: dict[str, Any]) -> list[tuple]:
    """Rows of ``event_actors`` for every actor of the record."""
    rows = []
    for role in ("source", "target"):
        for i, a in enumerate(actors_of(rec.get(role))):
            name = a.get("name") or a.get("text")
            rows.append((event_id, role, i, name, (name or "").casefold(), a.get("country"), a.get("sector"), a.get("kb_id")))
    return rows


def dumps(rec: dict[str, Any]) -> str:
    """Canonical JSON text of a record (sorted keys: stable across runs)."""
    return json.dumps(rec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _actor(d: dict[str, Any] | None) -> Actor | None:
    if not d:
        return None
    return Actor(text=d.get("text") or d.get("name") or "", name=d.get("name"), country=d.get("country"),
                 sector=d.get("sector"), role=d.get("role"), kb_id=d.get("kb_id"))


def _actors(value: Any) -> Actor | list[Actor] | None:
    if isinstance(value, list):
        return [a for a in (_actor(x) for x in value) if a]
    return _actor(value)


def event_from_record(rec: dict[str, Any], cls: type[Event] = Event, **extra: Any) -> Event:
    """Rebuild an :class:`~chronik.model.Event` (or a subclass ``cls`` with the fields
    ``extra``) from its EVENTS.md record."""
    ev = rec.get("evidence") or {}
    loc = rec.get("location")
    location = None
    if loc:
        location = Location(text=loc.get("text") or "", name=loc.get("name") or "", country=loc.get("country"),
                            lat=loc.get("lat"), lon=loc.get("lon"), geonames_id=loc.get("geonames_id"))
    return cls(
        doc_id=rec.get("doc_id") or "", type=rec["type"], source=_actors(rec.get("source")),
        target=_actors(rec.get("target")), evidence_text=ev.get("text") or "",
        evidence_start=ev.get("start") or 0, evidence_end=ev.get("end") or 0,
        event_id=rec.get("event_id") or "", mode=rec.get("mode"), context=list(rec.get("context") or []),
        cameo=rec.get("cameo"), quad=rec.get("quad"), intensity=rec.get("intensity"), date=rec.get("date"),
        date_precision=rec.get("date_precision"), location=location, status=rec.get("status") or "asserted",
        reported_by=_actor(rec.get("reported_by")) if isinstance(rec.get("reported_by"), dict) else None,
        lang=rec.get("lang"), confidence=rec.get("confidence") if rec.get("confidence") is not None else 0.5,
        **extra,
    )


def _shift(date: str, days: int) -> str:
    return (dt.date.fromisoformat(date[:10]) + dt.timedelta(days=days)).isoformat()


def find_merge_target(db: Backend, rec: dict[str, Any], document_id: int,
                      threshold: float = EVIDENCE_THRESHOLD) -> int | None:
    """The stored event that ``rec`` (from document ``document_id``) reports again, or None.

    Candidates share type and actor keys, lie within :data:`MAX_DAYS` and have no report
    from the same document yet; the one with the most similar evidence (ties: lowest id)
    wins if it reaches ``threshold``.
    """
    date = rec.get("date")
    if not date or not rec.get("source") and not rec.get("target"):
        return None
    try:
        lo, hi = _shift(date, -MAX_DAYS), _shift(date, MAX_DAYS)
    except ValueError:
        return None
    cols = event_columns(rec)
    cands = db.all(
        "SELECT id FROM events WHERE type = ? AND source_key = ? AND target_key = ? AND date >= ? AND date <= ? "
        "AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = events.id AND m.document_id = ?) "
        "ORDER BY id LIMIT 50",
        (cols["type"], cols["source_key"], cols["target_key"], lo, hi + "\uffff", document_id),
    )
    evidence = (rec.get("evidence") or {}).get("text") or ""
    ignore = {w for role in ("source", "target") for a in actors_of(rec.get(role))
              for w in words(f"{a.get('text') or ''} {a.get('name') or ''}")}
    best: tuple[float, int] | None = None
    for (eid,) in cands:
        texts = db.all("SELECT evidence_text FROM event_mentions WHERE event_id = ? ORDER BY id LIMIT ?",
                       (eid, MAX_COMPARED_MENTIONS))
        score = max((evidence_similarity(evidence, t or "", ignore) for (t,) in texts), default=0.0)
        if score >= threshold and (best is None or score > best[0]):
            best = (score, eid)
    return best[1] if best else None
