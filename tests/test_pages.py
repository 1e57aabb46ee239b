"""Realistic pages of other outlets (tests/pages/, gold in gold.json): cleaning keeps the
article and drops the page shell; the main events come out."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import chronik
from chronik.ingest import load_documents
from chronik.model import Document

PAGES = Path(__file__).parent / "pages"
GOLD = json.loads((PAGES / "gold.json").read_text(encoding="utf-8"))


def _doc(name: str) -> Document:
    from chronik.pipeline import Pipeline
    from chronik.settings import Options

    [doc] = [d for d in load_documents([str(PAGES / name)]) if isinstance(d, Document)]
    return Pipeline(options=Options.load(min_confidence=0.0))(doc)  # the coder's rules, no confidence threshold


@pytest.mark.parametrize("name", sorted(GOLD))
def test_pages_metadata_and_cleaning(name):
    gold, doc = GOLD[name], _doc(name)
    assert doc.title == gold["title"]
    assert doc.published == gold["published"]
    assert doc.lang == gold["lang"]
    for snippet in gold["with"]:
        assert snippet in doc.text
    for junk in gold["without"]:
        assert junk not in doc.text


@pytest.mark.parametrize("name", sorted(GOLD))
def test_pages_main_events(name):
    gold, doc = GOLD[name], _doc(name)
    found = {(e.type, getattr(e.source, "country", None), getattr(e.source, "sector", None)) for e in doc.events}
    for etype, country, sector in gold["events"]:
        assert any(t == etype and c == country and (sector is None or s == sector) for t, c, s in found), (etype, found)
