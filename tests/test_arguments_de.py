"""German argument structure from case: "der" before a feminine noun is dative or genitive."""
from __future__ import annotations

from chronik.lang.de.grammar import feminine_case

from .test_events import code, countries, one, sector


def test_feminine_nouns_after_der_are_not_nominative():
    assert feminine_case("der", "Bundesregierung", "body", after_noun=False) == "dat"
    assert feminine_case("der", "Regierung", "body", after_noun=True) == "gen"
    assert feminine_case("der", "Türkei", "country", after_noun=False) == "dat"
    assert feminine_case("der", "Kanzlerin", "role", after_noun=False) == "dat"
    assert feminine_case("der", "Iran", "country", after_noun=False) is None  # "der Iran" is masculine
    assert feminine_case("der", "Präsident", "role", after_noun=False) is None
    assert feminine_case("die", "Regierung", "body", after_noun=False) is None


def test_dative_feminine_recipient_is_the_target_not_the_source():
    # a fronted dative ("Der Türkei warf Armenien ... vor"): the feminine noun after "der" is the recipient
    e = one(code("Der Türkei warf Armenien Provokationen vor.", published="2023-09-20"), "ACCUSE")
    assert (countries(e.source), countries(e.target)) == ("ARM", "TUR")
    e = one(code("Der Regierung warf die Opposition am Montag Versagen vor.", published="2023-09-20"), "ACCUSE")
    assert (sector(e.source), sector(e.target)) == ("OPP", "GOV")
    e = one(code("Der Kanzlerin warf der Oppositionsführer Wortbruch vor.", published="2023-09-20"), "ACCUSE")
    assert (sector(e.source), sector(e.target)) == ("OPP", "GOV")
    e = one(code("Der armenische Außenminister warf der Regierung Aserbaidschans Provokationen vor.",
                 published="2023-09-20"), "ACCUSE")
    assert countries(e.source) == "ARM"
    assert countries(e.target) == "AZE"


def test_von_after_a_patient_noun_is_the_one_acted_upon():
    # "Festnahme von X": X is arrested, not the arresting authority
    events = code("Die Polizei meldete am Montag die Festnahme von zwei mutmaßlichen Al-Qaida-Mitgliedern in Mainz.",
                  published="2020-01-01")
    assert not any(e.type == "COERCE" and sector(e.source) == "REB" for e in events)
    # an agent noun keeps its von phrase as the actor
    e = one(code("Am Samstag gab es eine Kundgebung von Gegnern des Präsidenten Mubarak in Kairo.", published="2005-07-30"),
            "PROTEST")
    assert countries(e.source) == "EGY"


def test_a_pattern_word_can_name_the_target():
    # "Diplomat ausweisen" is the pattern; the expelled diplomats are still whom the act is done to
    e = one(code("Russland wies am Montag zwei deutsche Diplomaten aus.", published="2020-01-01"), "SANCTION")
    assert (countries(e.source), countries(e.target)) == ("RUS", "DEU")
