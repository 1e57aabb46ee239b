"""The English trigger entries derived from PETRARCH2's CAMEO verb dictionary
(scripts/derive_cameo_en.py): provenance, attribution, the conversion rules, and what the
multiword entries change on real sentences."""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED, make_doc

EVENTS_DIR = ROOT / "chronik" / "lang" / "en" / "data" / "events"
CAMEO = SHARED / "reference" / "petrarch2" / "CAMEO.2.0.txt"
ATTRIBUTION = "Open Event Data Alliance, MIT licence"


def _script():
    spec = importlib.util.spec_from_file_location("derive_cameo_en", ROOT / "scripts" / "derive_cameo_en.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def derivation():
    if not CAMEO.exists():
        pytest.skip(f"{CAMEO} not available (../shared is not beside the checkout)")
    mod = _script()
    skipped: Counter = Counter()
    cands = mod.derive(SHARED, skipped, [])
    return mod, cands, skipped


def _derived_files() -> list[Path]:
    return [p for p in sorted(EVENTS_DIR.glob("*.tsv")) if "# derived: scripts/derive_cameo_en.py" in p.read_text(encoding="utf-8")]


def test_derived_sections_exist_and_carry_the_attribution_in_the_header():
    files = _derived_files()
    assert len(files) == 16  # every type has derived entries
    for path in files:
        head = path.read_text(encoding="utf-8").split("\n")[:2]
        assert head[1].startswith("#") and ATTRIBUTION in head[1] and "CAMEO.2.0.txt" in head[1], path.name


def test_every_derived_entry_is_a_candidate_of_the_derivation(derivation):
    mod, cands, _ = derivation
    assert mod.check(cands) == []
    derived = [pat for pat, (_, _, d) in mod.lexicon().items() if d]
    assert len(derived) >= 300


def test_derivation_maps_codes_and_drops_what_plover_drops(derivation):
    _, cands, skipped = derivation
    by = {(c.pattern, c.cameo): c for c in cands}
    # a pattern line: the verb of its comment, the words of its prepositional phrase
    assert by[("look into allegation", "090")].type == "ACCUSE"
    # CAMEO 163 and 116 follow the project's documented departures (SANCTION)
    assert by[("add sanction", "163")].type == "SANCTION"
    # a multiword verb of the dictionary ("+CALL_OFF [160]")
    assert by[("call off", "160")].type == "SANCTION"
    # irregular forms listed in the dictionary are kept: simplemma leaves "broke" alone
    assert by[("broke up demonstration", "175")].type == "ASSAULT"
    codes = {c.cameo[:2] for c in cands}
    assert not codes & {"01", "02"}  # public statements and appeals: dropped by PLOVER
    assert not any(c.pattern == "appear before court" for c in cands)  # "[:173]": the subject is acted upon
    assert skipped["CAMEO 01/02 (dropped by PLOVER)"] > 500
    assert skipped["words before the verb"] > 100


def test_derivation_types_agree_with_the_lexicon_tests(derivation):
    from .test_triggers_en import DOCUMENTED, ROOTS, TABLE_EXCEPTIONS

    _, cands, _ = derivation
    for c in cands:
        if (c.type, c.cameo) in DOCUMENTED:
            continue
        expected = TABLE_EXCEPTIONS.get(c.cameo) or TABLE_EXCEPTIONS.get(c.cameo[:3])
        if c.cameo in ("0813", "0814"):
            continue  # the table files these under RETREAT, their 081 parent under CONCEDE: not used in the lexicon
        assert c.type in ({expected} if expected else ROOTS[c.cameo[:2]]), c


@pytest.mark.parametrize(
    "sentence,expected,not_expected",
    [
        # a multiword entry claims the words an ambiguous single entry would code alone
        ("Hundreds of villagers formed a human shield around the mosque on Sunday.", "PROTEST", "ASSAULT"),
        ("The Greek tanker broke the embargo on Iran, officials said.", "REJECT", "SANCTION"),
        ("Saudi Arabia cooperated with the investigation into the killing on Friday.", "COOPERATE", "ACCUSE"),
        ("Kenya reduced its troops in Somalia on Monday.", "RETREAT", None),
        ("The Swedish government expressed displeasure over the visit of the Chinese envoy.", "ACCUSE", "CONSULT"),
        ("Rebels took two Colombian soldiers prisoner near the border on Sunday.", "ASSAULT", None),
        ("Israeli troops returned fire near Gaza on Monday.", "ASSAULT", None),
    ],
)
def test_derived_entries_code_real_sentences(sentence, expected, not_expected):
    types = {e.type for e in make_doc(sentence, lang="en", published="2020-03-02").events}
    assert expected in types
    if not_expected:
        assert not_expected not in types
