"""Writers for ``chronik extract``: table (human), json (one JSON document, :class:`JsonDocument`), jsonl (events)."""
from __future__ import annotations

import json
import shutil
from typing import IO

from .model import Actor, Document, Event


def document_object(doc: Document) -> dict:
    """``{"document": {...}, "events": [...]}`` of one processed document."""
    return {"document": doc.to_record(), "events": [e.to_record() for e in doc.events]}


class JsonDocument:
    """``--format json``: one JSON document for the whole run, written as it goes:
    ``{"documents": [{"document": ..., "events": [...]}, ...], "skipped": [...]}``, where
    ``skipped`` lists documents in a language Chronik has no pack for."""

    def __init__(self, out: IO[str]):
        self.out = out
        self.count = 0
        out.write('{"documents": [')

    def __call__(self, doc: Document, out: IO[str] | None = None) -> None:
        self.out.write(("," if self.count else "") + "\n" + json.dumps(document_object(doc), ensure_ascii=False))
        self.count += 1

    def close(self, skipped: list[dict]) -> None:
        self.out.write(("\n" if self.count else "") + '], "skipped": ' + json.dumps(skipped, ensure_ascii=False) + "}\n")


def write_json(doc: Document, out: IO[str]) -> None:
    """One document's object on one line (the unit :class:`JsonDocument` collects)."""
    out.write(json.dumps(document_object(doc), ensure_ascii=False) + "\n")


def write_jsonl(doc: Document, out: IO[str]) -> None:
    for e in doc.events:
        out.write(json.dumps(e.to_record(), ensure_ascii=False) + "\n")


def _actor(a: Actor | list[Actor] | None) -> str:
    if a is None:
        return "-"
    if isinstance(a, list):
        return " + ".join(_actor(x) for x in a)
    label = a.name or a.text
    tag = "/".join(x for x in (a.country, a.sector) if x)
    return f"{label} ({tag})" if tag else label


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def write_table(doc: Document, out: IO[str]) -> None:
    width = shutil.get_terminal_size((120, 20)).columns
    out.write(f"━━ {doc.id}  [{doc.lang or '?'}]  {doc.published or 'no date'}"
              f"{'  source: ' + doc.source if doc.source else ''}\n")
    if doc.title:
        out.write(f"   {_clip(doc.title, width - 3)}\n")
    body = doc.text[doc.body_start:]
    out.write(f"   {len(doc.sentences)} sentences, {len(body)} characters of body text, {len(doc.events)} events\n")
    for e in doc.events:
        out.write(_event_line(e, width))
    out.write("\n")


def _event_line(e: Event, width: int) -> str:
    head = f"   {e.date or '----------'}  {e.type:<9} {_actor(e.source)} → {_actor(e.target)}"
    extra = []
    if e.mode:
        extra.append(e.mode)
    if e.status != "asserted":
        extra.append(e.status)
    if extra:
        head += f"  [{', '.join(extra)}]"
    return _clip(head, width) + "\n" + "      “" + _clip(e.evidence_text, width - 9) + "”\n"


WRITERS = {"json": write_json, "jsonl": write_jsonl, "table": write_table}
