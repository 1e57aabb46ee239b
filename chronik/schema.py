"""JSON Schemas (draft 2020-12) of what Chronik writes: the export record of a stored
event (``chronik export --format jsonl``, ``query --format jsonl``) and the PLOVER
record (``--format plover``). ``chronik schema`` prints them; the tests validate every
export against them."""
from __future__ import annotations

from typing import Any

from .records import ACTOR_KEYS, PLOVER_TYPES, PRECISIONS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
STATUSES = ("asserted", "claimed", "future", "hypothetical", "negated")
_STR = {"type": ["string", "null"]}
_NUM = {"type": ["number", "null"]}
_INT = {"type": ["integer", "null"]}
_DATE = {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}


def _obj(props: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"type": "object", "required": list(props), "properties": props, "additionalProperties": False, **extra}


ACTOR = _obj({k: dict(_STR) for k in ACTOR_KEYS}, description="An actor; every key always present.")
EVIDENCE = _obj({"text": {"type": "string"}, "start": {"type": "integer", "minimum": 0},
                 "end": {"type": "integer", "minimum": 0}}, description="Character offsets into the cleaned text.")
LOCATION = {"oneOf": [{"type": "null"}, _obj({
    "text": _STR, "name": _STR, "country": _STR, "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
    "lon": {"type": ["number", "null"], "minimum": -180, "maximum": 180}, "geonames_id": _INT})]}
MENTION = _obj({
    "doc_id": {"type": "string"}, "event_id": {"type": "string"}, "url": _STR,
    "urls": {"type": "array", "items": {"type": "string"}, "description": "The document's URL and its aliases' URLs."},
    "aliases": {"type": "array", "items": _obj({"doc_id": {"type": "string"}, "url": _STR})},
    "source": _STR, "published": _DATE, "title": _STR, "lang": _STR, "sentence": _INT, "confidence": _NUM,
    "doc_length": _INT, "added": _STR, "evidence": EVIDENCE,
}, description="One report of the event in one stored document.")
ACTORS = {"type": "array", "items": ACTOR, "description": "Always a list: empty for none, two for a compound actor."}

EVENT = _obj({
    "event_id": {"type": "string"},
    "global_event_id": {"type": "integer", "minimum": 0, "maximum": 2 ** 53 - 1},
    "doc_id": {"type": "string"},
    "type": {"enum": list(PLOVER_TYPES)},
    "mode": _STR,
    "context": {"type": "array", "items": {"type": "string"}},
    "cameo": {"type": ["string", "null"], "pattern": r"^\d{2,4}$", "description": "A string: keeps leading zeros."},
    "quad": {"type": ["integer", "null"], "minimum": 1, "maximum": 4},
    "intensity": {"type": ["number", "null"], "minimum": -10, "maximum": 10},
    "goldstein": {"type": ["number", "null"], "minimum": -10, "maximum": 10},
    "source": ACTORS, "target": ACTORS, "reported_by": ACTORS,
    "date": _DATE,
    "date_precision": {"enum": [*PRECISIONS, None]},
    "location": LOCATION,
    "status": {"enum": list(STATUSES)},
    "evidence": EVIDENCE,
    "lang": _STR,
    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    "num_mentions": {"type": "integer", "minimum": 1},
    "num_articles": {"type": "integer", "minimum": 1},
    "num_sources": {"type": "integer", "minimum": 1},
    "mentions": {"type": "array", "items": MENTION, "minItems": 1},
}, title="Chronik stored event", **{"$schema": DRAFT})

_ENTITY = {"type": "object", "required": ["code", "sector", "entity_text"], "properties": {
    "code": _STR, "sector": _STR, "entity_text": _STR, "identifier_id": {"type": "string"},
    "identifier_text": {"type": "string"}, "office": {"type": "string"}}, "additionalProperties": False}
PLOVER = {
    "$schema": DRAFT, "title": "PLOVER event record (Chronik)", "type": "object",
    "required": ["id", "date", "date_precision", "date_source", "actor", "recipient", "event", "text_info"],
    "properties": {
        "id": {"type": "string"}, "has_event": {"type": "boolean"},
        "date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "date_precision": {"enum": [*PRECISIONS, None]}, "date_source": {"enum": ["event", "published", "none"]},
        "actor": {"type": "array", "items": _ENTITY}, "recipient": {"type": "array", "items": _ENTITY},
        "event": {"type": "array", "items": {"enum": list(PLOVER_TYPES)}, "minItems": 1, "maxItems": 1},
        "mode": {"type": "array", "items": {"type": "string"}}, "context": {"type": "array", "items": {"type": "string"}},
        "quad_code": {"type": ["integer", "null"], "minimum": 1, "maximum": 4}, "event_scale": _NUM,
        "event_text": {"type": "array", "items": {"type": "string"}},
        "text_info": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["doc_id", "sequence", "start", "end"], "properties": {
                "doc_id": {"type": "string"}, "sequence": _INT, "start": {"type": "integer", "minimum": 0},
                "end": {"type": "integer", "minimum": 0}}}},
        "cite_info": {"type": "array", "items": {"type": "object"}},
        "coder": {"type": "string"}, "codebook": {"type": "string"}, "cameo": _STR, "status": {"enum": list(STATUSES)},
        "event_loc": {"type": ["object", "null"]},
    },
}
SCHEMAS = {"jsonl": EVENT, "plover": PLOVER}


def schema(kind: str = "jsonl") -> dict[str, Any]:
    """The JSON Schema of an export format ("jsonl" or "plover")."""
    return SCHEMAS[kind]
