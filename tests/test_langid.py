"""Issue 11: text in a language without a pack is recognised as such (and then skipped),
never taken for German or English."""
from __future__ import annotations

import pytest

from chronik.langid import detect_language, normalise_code

from .test_export import FRENCH


@pytest.mark.parametrize("text,lang", [
    (FRENCH, "fr"),
    ("El ministro de Asuntos Exteriores dijo el martes que las tropas se han retirado de la ciudad y que las "
     "negociaciones con el gobierno están en una fase difícil, pero que el país sigue comprometido con la paz.", "es"),
    ("Il ministro degli Esteri ha detto che le truppe si sono ritirate dalla città e che i negoziati con il governo "
     "sono in una fase difficile, ma che il paese è ancora impegnato per la pace e non per la guerra.", "it"),
    ("De minister van Buitenlandse Zaken zei dinsdag dat de troepen zich uit de stad hebben teruggetrokken en dat "
     "de onderhandelingen met de regering in een moeilijke fase zijn, maar het land is niet van plan op te geven.", "nl"),
    ("The foreign minister said on Tuesday that the troops had withdrawn from the city and that the talks with "
     "the government were in a difficult phase, but that France remained committed to peace.", "en"),
    ("Der Außenminister sagte am Dienstag, die Truppen hätten sich aus der Stadt zurückgezogen und die "
     "Verhandlungen mit der Regierung seien in einer schwierigen Phase, aber Frankreich stehe für den Frieden ein.", "de"),
    ("Le Monde and La Repubblica reported that the president of the European Commission met de Gaulle's heirs.", "en"),
])
def test_langid_detects_unsupported_languages(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("tag,code", [("en-GB", "en"), ("DE", "de"), ("de_AT", "de"), ("fr", "fr"), ("", None), ("12", None)])
def test_langid_normalises_metadata_tags(tag, code):
    assert normalise_code(tag) == code
