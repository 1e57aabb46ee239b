"""Tests of the date grammar (chronik/dates.py) on real news sentences."""
from __future__ import annotations

import datetime as dt

import pytest

from chronik.dates import find_dates


def _ref(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


# (text, lang, ref, expected [(value, precision)] in text order)
CASES = [
    ("Am 19. September rief US-Außenminister Antony Blinken den Präsidenten an.", "de", "2023-09-20",
     [("2023-09-19", "day")]),
    ("  20 September 2023    Gelesen: 419", "de", None, [("2023-09-20", "day")]),
    ("Am Samstag wurde in der Innenstadt von Kairo eine Kundgebung abgehalten.", "de", "2005-07-31",
     [("2005-07-30", "day")]),
    ("Der UN-Sicherheitsrat hat in seiner Sitzung am gestrigen Samstag Sanktionen beschlossen.", "de",
     "2011-02-27", [("2011-02-26", "day")]),
    ("Am Donnerstag hatten Militäreinheiten den Präsidentenpalast gestürmt.", "de", "2010-02-20",
     [("2010-02-18", "day")]),
    ("Putin hat am 28. Dezember 2012 ein Gesetz unterzeichnet.", "de", "2012-12-30", [("2012-12-28", "day")]),
    ("Die USA hatten im Jahre 1980 die diplomatischen Beziehungen zum Iran abgebrochen.", "de", None,
     [("1980", "year")]),
    ("Der Iran hat heute die Bereitschaft zu Gesprächen erklärt.", "de", "2006-05-31", [("2006-05-31", "day")]),
    ("Die Wahl fand im Jahr 2006 statt.", "de", None, [("2006", "year")]),
    ("Der Anschlag vom 28. Dezember erschütterte das Land.", "de", "2013-01-02", [("2012-12-28", "day")]),
    ("Der Gipfel soll am 15. Januar beginnen.", "de", "2013-01-02", [("2013-01-15", "day")]),
    ("Am Sonntagabend demonstrierten Tausende in Tiflis.", "de", "2023-03-08", [("2023-03-05", "day")]),
    ("Am Mittwoch trafen sich die Minister.", "de", "2023-03-08", [("2023-03-08", "day")]),
    ("Am vergangenen Mittwoch trafen sich die Minister.", "de", "2023-03-08", [("2023-03-01", "day")]),
    ("Die Wahl am kommenden Sonntag gilt als offen.", "de", "2023-03-08", [("2023-03-12", "day")]),
    ("Gestern wurden zwei Soldaten getötet.", "de", "2023-03-08", [("2023-03-07", "day")]),
    ("Das Treffen findet morgen in Brüssel statt.", "de", "2023-03-08", [("2023-03-09", "day")]),
    ("Vergangene Woche hatte die Regierung den Notstand ausgerufen.", "de", "2023-03-08", [("2023-02-27", "week")]),
    ("Im vergangenen Jahr waren es noch doppelt so viele.", "de", "2023-03-08", [("2022", "year")]),
    ("Die Proteste begannen im September 2022.", "de", None, [("2022-09", "month")]),
    ("Die Proteste begannen im September.", "de", "2023-03-08", [("2022-09", "month")]),
    ("Erst im Mai hatte er das Amt übernommen.", "de", "2023-06-08", [("2023-05", "month")]),
    ("Am 1. Mai gingen Tausende auf die Straße.", "de", "2023-05-02", [("2023-05-01", "day")]),
    ("Das Abkommen wurde am 19.09.2023 unterzeichnet.", "de", None, [("2023-09-19", "day")]),
    ("Die Sitzung am 19.9. wurde vertagt.", "de", "2023-09-25", [("2023-09-19", "day")]),
    ("Veröffentlicht: 2023-09-19 14:02", "de", None, [("2023-09-19", "day")]),
    ("Published 2023-09-19T10:00:00Z by Reuters", "en", None, [("2023-09-19", "day")]),
    ("Vom 18. bis 20. September tagt der Rat in Brüssel.", "de", "2023-09-20", [("2023-09-18", "day")]),
    ("Am Montag, den 18. September 2023, trat der Rat zusammen.", "de", "2023-09-20", [("2023-09-18", "day")]),
    ("Talks on Sept. 18-19 produced no result.", "en", "2023-09-20", [("2023-09-18", "day")]),
    ("Heute Morgen griffen Rebellen einen Konvoi an.", "de", "2023-09-20", [("2023-09-20", "day")]),
    ("Am Dienstagnachmittag trat das Kabinett zusammen.", "de", "2023-09-20", [("2023-09-19", "day")]),
    ("Vor drei Wochen hatte die Armee die Stadt eingenommen.", "de", "2023-09-20", [("2023-08-28", "week")]),
    ("Dienstag, 19. September 2023 – Berlin", "de", "2023-09-19", [("2023-09-19", "day")]),
    ("Vor zwei Tagen hatten Rebellen die Stadt eingenommen.", "de", "2023-09-19", [("2023-09-17", "day")]),
    ("Seit 2015 ist er Präsident des Landes.", "de", None, [("2015", "year")]),
    ("Senior Hungarian and Romanian officials agreed on Wednesday that the treaty stands.", "en", None, []),
    ("Senior Hungarian and Romanian officials agreed on Wednesday that the treaty stands.", "en", "2020-01-10",
     [("2020-01-08", "day")]),
    ("The attack happened last week", "en", "2020-01-10", [("2019-12-30", "week")]),
    ("The summit was held on September 19, 2023 in New York.", "en", None, [("2023-09-19", "day")]),
    ("Talks resumed on Sept. 19 after a pause.", "en", "2023-09-25", [("2023-09-19", "day")]),
    ("Elections were held on 19 September 2023.", "en", None, [("2023-09-19", "day")]),
    ("The treaty was signed on the 5th of May 1955.", "en", None, [("1955-05-05", "day")]),
    ("The embassy was closed in 1980 after the hostage crisis.", "en", None, [("1980", "year")]),
    ("Protests erupted in March and spread quickly.", "en", "2023-04-10", [("2023-03", "month")]),
    ("Yesterday, rebels shelled the city.", "en", "2023-04-10", [("2023-04-09", "day")]),
    ("The minister resigned earlier this month.", "en", "2023-04-10", [("2023-04", "month")]),
    ("Troops withdrew three days ago.", "en", "2023-04-10", [("2023-04-07", "day")]),
    ("The vote is expected next Tuesday.", "en", "2023-04-10", [("2023-04-11", "day")]),
    ("Last year the government fell.", "en", "2023-04-10", [("2022", "year")]),
]

NEGATIVES = [
    ("Die Regierung hat die Vorwürfe zurückgewiesen.", "de"),
    ("Die Nato schickt 2.000 Soldaten in die Region.", "de"),
    ("Die Hamas feuerte 155 Raketen auf Israel.", "de"),
    ("Von 2000 Soldaten kehrten nur wenige zurück.", "de"),
    ("Beim G-20-Gipfel in Hamburg kam es zu Krawallen.", "de"),
    ("Am Morgen griffen Rebellen einen Konvoi an.", "de"),
    ("Am frühen Morgen griffen Rebellen einen Konvoi an.", "de"),
    ("Die Wissenschaftsjournalistin Mai Thi Nguyen-Kim sprach im Bundestag.", "de"),
    ("Das Gespräch mit August Hanning dauerte lange.", "de"),
    ("Im heutigen Syrien leben viele Minderheiten.", "de"),
    ("Die Zahl 1980 steht für nichts.", "de"),
    ("Leaders met at the G-20 summit.", "en"),
    ("May we never see such violence again, he said.", "en"),
    ("Thousands march through the capital.", "en"),
    ("The Sun reported that Theresa May would resign.", "en"),
    ("Rebels fired 155 rockets and 2,000 shells.", "en"),
]


@pytest.mark.parametrize(("text", "lang", "ref", "expected"), CASES)
def test_find_dates(text: str, lang: str, ref: str | None, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text, lang, _ref(ref))
    assert [(m.value, m.precision) for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize(("text", "lang"), NEGATIVES)
def test_no_false_dates(text: str, lang: str) -> None:
    assert find_dates(text, lang, dt.date(2020, 1, 10)) == []


def test_spans_and_relative_flag() -> None:
    text = "Der UN-Sicherheitsrat hat in seiner Sitzung am gestrigen Samstag beraten, am 28. Dezember 2012 auch."
    first, second = find_dates(text, "de", dt.date(2013, 2, 27))
    assert (first.text, first.relative) == ("gestrigen Samstag", True)
    assert (second.text, second.relative) == ("28. Dezember 2012", False)


def test_relative_skipped_without_ref() -> None:
    assert find_dates("Gestern und am 19. September, aber am 20. September 2023.", "de", None)[0].value == "2023-09-20"


def test_unknown_language() -> None:
    assert find_dates("19 September 2023", "xx", None) == []


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Die Stadt wurde im Jahre 1453 erobert.", "de", ["1453"]),
        ("Die Festung liegt in 1500 Metern Höhe.", "de", []),
        ("Bis 2030 will das Land klimaneutral sein.", "de", ["2030"]),
        ("The city fell in the year 1453.", "en", ["1453"]),
        ("The treaty of 1648 ended the war.", "en", []),
    ],
)
def test_bare_years(text: str, lang: str, expected: list[str]) -> None:
    assert [m.value for m in find_dates(text, lang, None)] == expected


def test_offsets_when_lowercasing_changes_length() -> None:
    text = "İstanbul: Am 19. September 2023 trafen sich die Minister."
    (m,) = find_dates(text, "de", None)
    assert (m.text, m.value) == ("19. September 2023", "2023-09-19")
