"""Party politicians: German parties written as nouns ("die Grünen", capitalised only), and a generic
role speaking for an organisation takes its sector ("Geschäftsführer der Grünen" is PTY)."""
from __future__ import annotations

from .conftest import make_doc


def _mentions(text: str, lang: str = "de"):
    return {m.text: (m.actor.country, m.actor.sector) for m in make_doc(text, lang=lang).mentions}


def test_capitalised_party_names_only():
    assert _mentions("Die Grünen lehnten den Entwurf ab.")["Grünen"] == ("DEU", "PTY")
    assert "grünen" not in {t.casefold() for t in _mentions("Sie wanderten über die grünen Hügel Irlands.")}


def test_generic_role_of_a_party_is_the_party():
    found = _mentions("Der parlamentarische Geschäftsführer der Grünen, Volker Beck, kritisierte die Bundesregierung.")
    assert found["Geschäftsführer der Grünen"] == ("DEU", "PTY")
    assert found["Bundesregierung"] == ("DEU", "GOV")
    found = _mentions("Die Haushaltspolitikerin von Bündnis 90/Die Grünen, Anja Hajduk, kritisierte die Pläne.")
    assert found["Haushaltspolitikerin von Bündnis 90"] == ("DEU", "PTY")


def test_a_role_does_not_swallow_an_organisation_across_a_conjunction():
    found = _mentions("Iraq threatened on Monday to expel all UN weapons inspectors unless the Security Council lifted "
                      "sanctions.", lang="en")
    assert "UN weapons inspectors" in found
