"""The per-document time budget ([limits] document_seconds) holds for `extract` too: its coder
(chronik.parallel.code_one, in the calling process or a worker) reports E015 and goes on."""
from __future__ import annotations

from dataclasses import replace

from chronik import limits as limits_mod
from chronik.ingest.text import document_from_text
from chronik.parallel import code_one

TEXT = "Am 19. September rief US-Außenminister Antony Blinken den Präsidenten Ilham Aliyev an. " * 400


def test_a_document_over_budget_fails_alone(monkeypatch):
    monkeypatch.setattr(limits_mod, "_CACHE", replace(limits_mod.limits(), document_seconds=0.001))
    out = code_one(document_from_text(TEXT, "slow", lang="de", published="2023-09-20"))
    assert not out.coded and "slow" in out.error and "E015" in out.error


def test_within_budget_codes_as_usual(monkeypatch):
    monkeypatch.setattr(limits_mod, "_CACHE", replace(limits_mod.limits(), document_seconds=60.0))
    out = code_one(document_from_text(TEXT[:200], "fast", lang="de", published="2023-09-20"))
    assert out.coded and out.error is None and out.doc.events
