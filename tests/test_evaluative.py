"""Criticism by negative evaluation (chronik/evaluative.py, lang/<code>/data/evaluative.tsv):
the speaker of "a disgrace", "eine Farce" disapproves (ACCUSE, CAMEO 111)."""
from __future__ import annotations

from pathlib import Path

import pytest

from chronik.evaluative import evaluative_lemmas
from chronik.lang import get_lang
from chronik.lexicon import read_tsv

from .conftest import make_doc
from .test_events import code, countries, of_type, sector

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_evaluative_entry_matches_its_example(lang):
    path = ROOT / "chronik" / "lang" / lang / "data" / "evaluative.tsv"
    rows = list(read_tsv(path, ("lemma", "note")))
    assert len(rows) >= 20
    L = get_lang(lang)
    for row in rows:
        toks = L.tokenize(row["note"])
        L.post_tokens(toks)
        assert row["lemma"] in {t.lemma.casefold() for t in toks}, row
    assert evaluative_lemmas(lang) == {r["lemma"] for r in rows}


def test_quoted_evaluation_is_the_speakers_criticism_of_the_actor_in_the_quote():
    events = code('"Boris Johnson is trying to use the Queen to concentrate power in his own hands, this is a deeply '
                  'irresponsible way to govern," said Labour MP Yvette Cooper.', "en", published="2019-08-29")
    [e] = of_type(events, "ACCUSE")
    assert countries(e.target) == "GBR" and sector(e.target) == "GOV"
    assert "Cooper" in e.source.text
    assert e.cameo == "111" and e.status == "asserted"


def test_labelling_verb_with_an_evaluation_in_german():
    [e] = of_type(code("Der finnische Außenminister Erkki Tuomioja nannte die Entscheidung der russischen Regierung eine Farce.",
                       published="2006-10-14"), "ACCUSE")
    assert (countries(e.source), countries(e.target)) == ("FIN", "RUS")


def test_the_move_refers_to_the_latest_act():
    events = code("Prime Minister Boris Johnson suspended Parliament on Wednesday. Labour leader Jeremy Corbyn called "
                  "the move a disgrace.", "en", published="2019-08-29")
    [e] = of_type(events, "ACCUSE")
    assert "Corbyn" in e.source.text and countries(e.target) == "GBR" and sector(e.target) == "GOV"


def test_negated_or_speakerless_evaluations_are_no_events():
    assert not of_type(code("Labour leader Jeremy Corbyn said the vote was not a mistake.", "en"), "ACCUSE")
    assert not of_type(code("The weather in London was a disgrace.", "en"), "ACCUSE")


def test_a_truncated_compound_head_is_no_role():
    # "Bericht" does not end in "Richter"; "Farce" is not the FARC
    found = {m.text: m.actor.sector for m in make_doc("Der Bericht der Zeitung sei eine Farce, sagte der Richter.").mentions}
    assert "Bericht" not in found and "Farce" not in found
    assert found.get("Richter") == "JUD"
