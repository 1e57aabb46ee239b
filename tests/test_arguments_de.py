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
