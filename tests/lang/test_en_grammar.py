"""English grammar rules (chronik/lang/en/grammar.py), each on real news sentences.

Every function in ``RULES`` has a test here; the data sets the coder reads are tested
through their effect on coded events in tests/test_events.py.
"""
from __future__ import annotations

import pytest

from chronik.lang import get_lang
from chronik.lang.en import grammar

EN = get_lang("en")

TESTED = {"stem", "split_possessives"}


def test_every_rule_is_tested():
    assert set(grammar.RULES) == TESTED


# ----------------------------------------------------------------- stem
@pytest.mark.parametrize(
    "word, key",
    [
        ("Iran's", "iran"),
        ("Iran’s", "iran"),  # typographic apostrophe
        ("IRAN", "iran"),
        ("Russia's", "russia"),
        ("Sudanese", "sudanese"),
        ("U.S.", "u.s."),
    ],
)
def test_stem_casefolds_and_drops_possessive(word, key):
    assert grammar.stem(word) == key
    assert EN.stem(word) == key


def test_stem_keeps_plural_s():
    # only the possessive goes, not a plural s
    assert grammar.stem("Kurds") == "kurds"


# ----------------------------------------------------------------- split_possessives
@pytest.mark.parametrize(
    "sentence, name, clitic",
    [
        ("Iran's foreign minister met his Syrian counterpart in Damascus on Sunday.", "Iran", "'s"),
        ("Russia’s envoy to the United Nations rejected the draft resolution.", "Russia", "’s"),
        ("Pakistan's government threatened to break off diplomatic relations with Congo.", "Pakistan", "'s"),
        ("The army's chief of staff ordered troops into the capital.", "army", "'s"),
    ],
)
def test_split_possessives(sentence, name, clitic):
    toks = EN.tokenize(sentence)
    texts = [t.text for t in toks]
    k = texts.index(name)
    assert texts[k + 1] == clitic
    assert toks[k].end == toks[k + 1].start  # adjacent, no gap
    assert sentence[toks[k].start:toks[k].end] == name
    assert sentence[toks[k + 1].start:toks[k + 1].end] == clitic
    assert toks[k + 1].lemma == "'s"
    assert toks[k].lemma == EN.lemmatize(name)
    assert [t.i for t in toks] == list(range(len(toks)))


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("The rebels don't accept the ceasefire.", "don't"),
        ("Police arrested 's-Hertogenbosch residents.", "s-Hertogenbosch"),
        ("Militants fired at U.S. troops in Baghdad.", "U.S."),
    ],
)
def test_split_possessives_leaves_other_tokens(sentence, word):
    texts = [t.text for t in EN.tokenize(sentence)]
    assert word in texts


def test_split_possessives_direct_call():
    from chronik.model import Token

    toks = [Token("Iran's", 0, 6, "iran's", 0), Token("envoy", 7, 12, "envoy", 1)]
    out = grammar.split_possessives(toks, EN.lemmatize)
    assert [(t.text, t.start, t.end, t.i) for t in out] == [("Iran", 0, 4, 0), ("'s", 4, 6, 1), ("envoy", 7, 12, 2)]


def test_possessive_name_becomes_actor():
    import chronik

    doc = chronik.extract("Iran's foreign minister met his Syrian counterpart in Damascus on Sunday.", lang="en", published="2006-08-13")
    countries = {m.actor.country for m in doc.mentions}
    assert "IRN" in countries
