"""The OpenAPI 3.1 document of the API (served at ``/openapi.json``), written from the
same parameter names the handlers accept."""
from __future__ import annotations

from typing import Any

from .. import __version__
from ..store.query import PLOVER_TYPES
from .queries import INTERVALS, MAX_LIMIT, SORTS

FILTERS: dict[str, tuple[dict[str, Any], str]] = {
    "actor": ({"type": "string"}, "Actor in either role: ISO3 country code or (part of) a name."),
    "source": ({"type": "string"}, "Acting side: ISO3 code or (part of) a name."),
    "target": ({"type": "string"}, "Recipient: ISO3 code or (part of) a name."),
    "country": ({"type": "string", "pattern": "^[A-Za-z]{3}$"}, "Where it happened (else source or target country)."),
    "sector": ({"type": "string", "pattern": "^[A-Za-z]{3}$"}, "Sector of source or target (GOV, MIL, REB, ...)."),
    "type": ({"type": "string", "enum": list(PLOVER_TYPES)}, "PLOVER event type."),
    "quad": ({"type": "integer", "enum": [1, 2, 3, 4]},
             "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."),
    "since": ({"type": "string"}, "First date, YYYY-MM-DD (or YYYY-MM, YYYY)."),
    "until": ({"type": "string"}, "Last date, inclusive."),
    "place": ({"type": "string"}, "(Part of) the name of the event's place."),
    "q": ({"type": "string"}, "Words that must all occur in the evidence (full text)."),
    "doc": ({"type": "string"}, "Id of a document reporting the event."),
    "min_confidence": ({"type": "number", "minimum": 0, "maximum": 1}, "Lowest coder confidence of a report."),
}


def _param(name: str, schema: dict[str, Any], doc: str, where: str = "query", required: bool = False) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "schema": schema, "description": doc}


def _filters() -> list[dict[str, Any]]:
    return [_param(n, s, d) for n, (s, d) in FILTERS.items()]


def _limit(default: int, maximum: int) -> dict[str, Any]:
    return _param("limit", {"type": "integer", "minimum": 1, "maximum": maximum, "default": default},
                  "How many results.")


def _json(description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema or {"type": "object"}}}}


ERRORS = {"400": _json("Invalid parameter (JSON with 'error')", {"$ref": "#/components/schemas/Error"}),
          "404": _json("Not found (JSON with 'error')", {"$ref": "#/components/schemas/Error"})}


def spec() -> dict[str, Any]:
    """The OpenAPI document."""
    sorts = [s for name in SORTS for s in (name, "-" + name)]
    events_params = _filters() + [
        _param("sort", {"type": "string", "enum": sorts, "default": "date"}, "Order; '-' for descending."),
        _limit(50, MAX_LIMIT),
        _param("cursor", {"type": "string"}, "The 'next' value of the previous page."),
        _param("total", {"type": "boolean", "default": True}, "Count all matching events."),
        _param("format", {"type": "string", "enum": ["json", "csv", "jsonl", "parquet", "gdelt", "gdelt-mentions",
                                                    "plover"],
                          "default": "json"},
               "json: a page; the others stream every matching event as an export file."),
    ]
    paths = {
        "/health": {"get": {"summary": "Liveness and database check", "responses": {"200": _json("OK")}}},
        "/api/events": {"get": {"summary": "Events matching the filters, sorted, paginated by cursor",
                                "parameters": events_params,
                                "responses": {"200": _json("A page: events, next, total"), **ERRORS}}},
        "/api/events/{event_id}": {"get": {
            "summary": "One event with all its reports",
            "parameters": [_param("event_id", {"type": "string"}, "Event id.", "path", True)],
            "responses": {"200": _json("The event record with 'mentions'"), **ERRORS}}},
        "/api/documents/{doc_id}": {"get": {
            "summary": "A document: clean text, actor mentions, events with evidence offsets",
            "parameters": [_param("doc_id", {"type": "string"}, "Document id.", "path", True)],
            "responses": {"200": _json("The document"), **ERRORS}}},
        "/api/documents": {"post": {
            "summary": "Code and store an article (only with --allow-ingest and a bearer token; idempotent)",
            "security": [{"bearer": []}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "properties": {k: {"type": "string"} for k in
                                                 ("text", "url", "id", "title", "published", "lang")}}}}},
            "responses": {"201": _json("Added"), "200": _json("Unchanged or updated"),
                          "401": _json("Missing or wrong token"), "403": _json("Read-only server"), **ERRORS}}},
        "/api/actors": {"get": {"summary": "Actors by name or country with event counts",
                                "parameters": [_param("q", {"type": "string"}, "Part of a name, or an ISO3 code."),
                                               _limit(20, 200)],
                                "responses": {"200": _json("actors"), **ERRORS}}},
        "/api/stats": {"get": {"summary": "Counts by type, quad class, country and a timeline",
                               "parameters": _filters() + [_param("interval", {"type": "string", "enum": list(INTERVALS),
                                                                              "default": "month"}, "Timeline step.")],
                               "responses": {"200": _json("Statistics"), **ERRORS}}},
        "/api/dyads": {"get": {"summary": "Source-target country pairs with counts and mean intensity",
                               "parameters": _filters() + [_limit(50, 500)],
                               "responses": {"200": _json("dyads"), **ERRORS}}},
        "/api/places": {"get": {"summary": "Event places with coordinates and counts",
                                "parameters": _filters() + [_limit(300, 2000)],
                                "responses": {"200": _json("places"), **ERRORS}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Chronik", "version": __version__,
                 "description": "Political events (PLOVER/CAMEO) coded from news, with their evidence."},
        "paths": paths,
        "components": {
            "schemas": {"Error": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
