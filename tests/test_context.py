"""Context countries (chronik/context.py): a definite body named before keeps that country, also in a
sentence that names another one; a role without any country takes its sentence's or article's."""
from __future__ import annotations

from .conftest import make_doc


def test_the_parliament_is_the_one_named_before():
    doc = make_doc("Yesterday, the Parliament of Iraq voted to expel United States troops. A State Department "
                   "spokesperson said the United States was disappointed by the Parliament's decision.", lang="en",
                   published="2020-01-06")
    later = [m for m in doc.mentions if m.text.startswith("Parliament") and m.sentence == 1]
    assert later and later[0].actor.country == "IRQ"


def test_a_role_without_country_takes_its_sentences_country():
    doc = make_doc("Police in Kenya arrested two men on Monday.", lang="en", published="2020-01-06")
    [police] = [m for m in doc.mentions if m.text == "Police"]
    assert police.actor.country == "KEN" and police.actor.sector == "COP"


def test_german_group_modifiers_give_the_sector():
    found = {m.text: m.actor.sector for m in make_doc(
        "Regierungstreue Milizen griffen das Dorf an. Unbekannte Täter erschossen zwei Polizisten. "
        "Außenminister Joschka Fischer kritisierte den Angriff.", published="2004-01-01").mentions}
    assert found["Regierungstreue Milizen"] == "PRM"
    assert found["Unbekannte Täter"] == "UAF"
    assert found["Außenminister Joschka Fischer"] == "GOV"  # the surname is no fisherman


def test_german_closed_compounds_read_their_first_part():
    found = {m.text: (m.actor.country, m.actor.sector) for m in make_doc(
        "Die Bundeswehrsoldaten in Kundus wurden beschossen. Der Gewerkschaftsführer traf den Regierungssprecher.",
        published="2009-01-01").mentions}
    assert found["Bundeswehrsoldaten"] == ("DEU", "MIL")  # not Afghan: the Bundeswehr is German
    assert found["Gewerkschaftsführer"][1] == "LAB"  # a generic head speaks for the union
    assert found["Regierungssprecher"][1] == "GOV"


def test_one_person_keeps_one_country():
    doc = make_doc("Journalist Jamal Khashoggi was killed in the Saudi consulate in Istanbul. Turkey said that Khashoggi "
                   "had been killed by a team from Riyadh.", lang="en", published="2018-10-20")
    countries = {m.actor.country for m in doc.mentions if "Khashoggi" in m.text}
    assert len(countries) == 1
