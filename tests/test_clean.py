"""Cleaning scraped pages: the founding article and page shells of other outlets."""
from __future__ import annotations

import pytest

from chronik.clean import clean_text, normalize_chars
from chronik.ingest.text import document_from_text


def test_clean_founding_article_title_date_body(founding_text):
    doc = document_from_text(founding_text, "de-azvision-blinken-aliyev")
    assert doc.title == "US-Außenminister Anthony Blinken rief Präsident Ilham Aliyev an"
    assert doc.published == "2023-09-20"
    assert doc.lang == "de"
    assert doc.source == "AzVision"
    body = doc.text[doc.body_start:]
    assert body.startswith("Am 19. September rief US-Außenminister Antony Blinken")
    assert body.endswith("armenischen Einwohner unterstützen.")
    for junk in ("Gelesen", "Tags:", "Newsticker", "419"):
        assert junk not in doc.text
    # the headline is kept once, not twice
    assert doc.text.count("rief Präsident Ilham Aliyev an") == 1


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Bundes\u00adregierung", "Bundesregierung"),
        ("20\u00a0September\u00a02023", "20 September 2023"),
        ("a\u200bb", "ab"),
        ("line one\r\nline two", "line one\nline two"),
    ],
)
def test_clean_normalizes_invisible_characters(raw, expected):
    assert normalize_chars(raw) == expected


PAGES = [
    # (raw page, title, published, body start, body end, must not contain)
    (
        "Startseite > Politik > Ausland\n\nKiew meldet neue Drohnenangriffe auf Odessa\n\n"
        "Kiew meldet neue Drohnenangriffe auf Odessa\n21.03.2024 | Aufrufe: 1.203\n\n"
        "Russland hat in der Nacht Odessa mit Drohnen angegriffen, teilte die ukrainische Luftwaffe mit.\n\n"
        "Teilen\nFacebook\nTwitter\nMehr zum Thema\nUkraine-Krieg: Die Lage am Morgen\n",
        "Kiew meldet neue Drohnenangriffe auf Odessa", "2024-03-21", "Russland hat in der Nacht",
        "Luftwaffe mit.", ["Startseite", "Aufrufe", "Teilen", "Facebook", "Mehr zum Thema", "Lage am Morgen"],
    ),
    (
        "UN Security Council extends Mali mission\n\nBy Jane Doe\nJune 29, 2018\n1,234 views\n\n"
        "The UN Security Council on Thursday extended its peacekeeping mission in Mali by one year.\n\n"
        "Share this article\nRelated articles\nMali: attacks rise in the centre\n© 2018 Example News. All rights reserved.\n",
        "UN Security Council extends Mali mission", "2018-06-29", "The UN Security Council on Thursday",
        "by one year.", ["views", "Jane Doe", "Share", "Related", "All rights reserved"],
    ),
    (
        "Polizei löst Kundgebung in Minsk auf\n\nMinsk, 16. August 2020\nLesezeit: 2 Min.\n\n"
        "Die Polizei hat am Sonntag eine Kundgebung der Opposition in Minsk aufgelöst.\n"
        "Dutzende Demonstranten wurden festgenommen.\n\nTags: Belarus, Lukaschenko, Proteste\n\nNewsticker\n",
        "Polizei löst Kundgebung in Minsk auf", "2020-08-16", "Die Polizei hat am Sonntag",
        "wurden festgenommen.", ["Lesezeit", "Tags:", "Newsticker", "Lukaschenko"],
    ),
]


@pytest.mark.parametrize("raw,title,published,first,last,without", PAGES)
def test_clean_page_shells(raw, title, published, first, last, without):
    c = clean_text(raw)
    assert c.title == title
    assert c.published == published
    body = c.text[c.body_start:]
    assert body.startswith(first)
    assert body.endswith(last)
    for junk in without:
        assert junk not in c.text


def test_clean_keeps_body_lines_that_look_short():
    raw = "Titel der Meldung\n\n1. März 2022\n\nDie Regierung trat zurück.\n\nDer Präsident nahm den Rücktritt an.\n"
    c = clean_text(raw)
    assert c.text.endswith("Der Präsident nahm den Rücktritt an.")
