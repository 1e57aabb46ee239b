"""The calibrated confidence (chronik/confidence.py, weights in chronik/data/confidence.tsv) and the
threshold that keeps what is likely right (settings min_confidence, CLI --min-confidence)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chronik import confidence
from chronik.settings import Options

from .conftest import make_doc
from .test_events import code

ROOT = Path(__file__).resolve().parent.parent
FOUNDING = ROOT / "examples" / "de-azvision-blinken-aliyev.txt"


def test_shipped_weights_load_with_a_bias_and_type_cues():
    w = confidence.load_weights()
    assert "bias" in w
    assert any(c.startswith("type=") for c in w)


def test_every_event_carries_its_cues_and_a_probability():
    events = code("Am 19. September rief US-Außenminister Antony Blinken den Präsidenten Aserbaidschans Ilham Aliyev an.",
                  published="2023-09-20")
    [e] = [e for e in events if e.type == "CONSULT"]
    assert {"type=CONSULT", "lang=de"} <= set(e.cues)
    assert 0.0 < e.confidence < 1.0
    assert e.confidence == pytest.approx(confidence.probability(e.cues, confidence.load_weights()))
    assert "cues" not in e.to_record()  # internal, not part of the record contract


def test_probability_follows_the_weights():
    w = {"bias": 0.0, "good": 2.0, "bad": -2.0}
    assert confidence.probability({}, w) == pytest.approx(0.5)
    assert confidence.probability({"good": 1.0}, w) > 0.85
    assert confidence.probability({"bad": 1.0}, w) < 0.15


def test_a_named_source_and_target_weigh_more_than_a_missing_target():
    # the same act, once with a named recipient and once without one
    with_target = code("Der Außenminister Armeniens warf Aserbaidschan Provokationen vor.", published="2023-09-20")
    without = code("Der Außenminister Armeniens äußerte scharfe Kritik.", published="2023-09-20")
    [a] = [e for e in with_target if e.type == "ACCUSE"]
    [b] = [e for e in without if e.type == "ACCUSE"]
    assert a.target is not None and b.target is None
    assert a.confidence > b.confidence


def test_default_threshold_keeps_the_founding_events_and_drops_weak_ones():
    text = FOUNDING.read_text(encoding="utf-8")
    everything = make_doc(text, published="2023-09-20")
    from chronik.ingest.text import document_from_text
    from chronik.pipeline import Pipeline

    raw = Pipeline(options=Options.load(min_confidence=0.0))(document_from_text(text, "f", published="2023-09-20"))
    kept = {(e.type, e.source.country if not isinstance(e.source, list) else None) for e in everything.events}
    assert {("CONSULT", "USA"), ("ACCUSE", "AZE"), ("REQUEST", "USA"), ("SUPPORT", "USA")} <= kept
    th = Options.load().min_confidence
    assert th > 0
    assert len(raw.events) >= len(everything.events)
    assert all(e.confidence >= th for e in everything.events)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chronik", "extract", str(FOUNDING), "--format", "jsonl", *args],
                          capture_output=True, text=True)


def test_cli_min_confidence_trades_recall_for_precision():
    all_ = [json.loads(l) for l in _cli("--min-confidence", "0").stdout.splitlines()]
    strict = [json.loads(l) for l in _cli("--min-confidence", "0.6").stdout.splitlines()]
    assert len(all_) > len(strict) >= 1
    assert all(e["confidence"] >= 0.6 for e in strict)
    assert _cli("--min-confidence", "1.0").stdout == ""


def test_cli_min_confidence_out_of_range_is_a_usage_error():
    r = _cli("--min-confidence", "2")
    assert r.returncode == 2 and "min-confidence" in r.stderr and "Traceback" not in r.stderr


def test_training_learns_the_sign_of_a_cue():
    sys.path.insert(0, str(ROOT / "scripts"))
    from train_confidence import fit, prob

    rows = [("s", f"d{i}", {"good": 1.0}, 1) for i in range(20)] + [("s", f"e{i}", {"bad": 1.0}, 0) for i in range(20)]
    w = fit(rows, l2=0.01)
    assert w["good"] > 0 > w["bad"]
    assert prob(w, {"good": 1.0}) > 0.7 > 0.3 > prob(w, {"bad": 1.0})
