"""Tests for the knowledge base of office holders (chronik/kb.py, data/people.tsv)."""
from __future__ import annotations

import bz2
import gzip
import re
import shutil
from pathlib import Path

import pycountry
import pytest

from chronik.kb import (HEADER, PEOPLE_TSV, SECTORS, KnowledgeBase, Person,
                        convert_wikidata_dump, default_kb, load_positions, normalise)

FIXTURE = Path(__file__).parent / "fixtures" / "wikidata-mini.json"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
POSITIONS = {"Q11696": ("USA", "GOV", "president"), "Q9000001": ("", "GOV", "chancellor")}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def _data_lines() -> list[tuple[int, str]]:
    lines = PEOPLE_TSV.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]


def test_header() -> None:
    assert PEOPLE_TSV.read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_schema_of_every_row() -> None:
    seen: set[str] = set()
    problems = []
    for n, line in _data_lines():
        cols = line.split("\t")
        if len(cols) != 8:
            problems.append(f"{n}: {len(cols)} columns")
            continue
        qid, name, variants, country, sector, role, start, end = cols
        if qid and not re.fullmatch(r"Q\d+", qid):
            problems.append(f"{n}: bad qid {qid}")
        if not name or name != name.strip() or not role:
            problems.append(f"{n}: empty/untrimmed name or role")
        if country not in ("IGO", "NGO", "XKX") and pycountry.countries.get(alpha_3=country) is None:  # XKX: Kosovo, as in the gazetteer
            problems.append(f"{n}: bad country {country}")
        if sector not in SECTORS:
            problems.append(f"{n}: bad sector {sector}")
        for d in (start, end):
            if d and not DATE.match(d):
                problems.append(f"{n}: bad date {d}")
        if start and end and start > end:
            problems.append(f"{n}: start {start} after end {end}")
        if any(not v.strip() for v in variants.split("|")) and variants:
            problems.append(f"{n}: empty variant")
        if line in seen:
            problems.append(f"{n}: duplicate row")
        seen.add(line)
    assert not problems, problems[:20]


def test_one_qid_one_name(kb: KnowledgeBase) -> None:
    names: dict[str, set[str]] = {}
    for p in kb:
        if p.qid:
            names.setdefault(p.qid, set()).add(p.name)
    assert {q: n for q, n in names.items() if len(n) > 1} == {}


def test_size(kb: KnowledgeBase) -> None:
    assert len(kb) >= 400


@pytest.mark.parametrize("text, expected", [
    ("İlham Əliyev", "ilham aliyev"),
    ("Jean-Yves Le Drian", "jean yves le drian"),
    ("  Sergei   LAWROW ", "sergei lawrow"),
    ("Gideon Sa'ar", "gideon saar"),
])
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


@pytest.mark.parametrize("name", ["Anthony Blinken", "Antony Blinken", "ANTONY BLINKEN", "Tony Blinken"])
def test_blinken_variants(kb: KnowledgeBase, name: str) -> None:
    rows = kb.lookup(name, on="2023-09-19")
    top = rows[0]
    assert (top.name, top.country, top.sector, top.role) == ("Antony Blinken", "USA", "GOV", "foreign minister")
    assert top.covers("2023-09-19")


@pytest.mark.parametrize("surname", ["Alijew", "Aliyev", "Əliyev", "Aliev"])
def test_aliyev_surname(kb: KnowledgeBase, surname: str) -> None:
    top = kb.lookup_surname(surname, on="2023-09-19")[0]
    assert (top.name, top.country, top.sector, top.role) == ("Ilham Aliyev", "AZE", "GOV", "president")


@pytest.mark.parametrize("name, on, country, sector, role", [
    ("Barack Obama", "2009-07-10", "USA", "GOV", "president"),
    ("Hosni Mubarak", "2012-01-01", "EGY", "ELI", "former president"),
    ("Medwedew", "2009-07-10", "RUS", "GOV", "president"),
    ("Dmitri Medwedew", "2015-01-01", "RUS", "GOV", "prime minister"),
    ("Sergei Lawrow", "2022-03-01", "RUS", "GOV", "foreign minister"),
    ("Wladimir Putin", "2010-01-01", "RUS", "GOV", "prime minister"),
    ("Haibatullah Akhundzada", "2019-01-01", "AFG", "REB", "Taliban leader"),
    ("Haibatullah Akhundzada", "2022-01-01", "AFG", "GOV", "supreme leader"),
    ("Ismail Hanija", "2023-10-10", "PSE", "REB", "Hamas political bureau chief"),
    ("Mohamed Bazoum", "2024-01-01", "NER", "ELI", "former president"),
    ("Ban Ki-moon", "2010-05-05", "IGO", "GOV", "UN secretary-general"),
    ("Abu Mohammed al-Julani", "2020-01-01", "SYR", "REB", "leader of Hayat Tahrir al-Sham"),
    ("Ahmed al-Scharaa", "2025-06-01", "SYR", "GOV", "president"),
    ("Hemedti", "2024-05-01", "SDN", "PRM", "commander of the Rapid Support Forces"),
])
def test_office_on(kb: KnowledgeBase, name: str, on: str, country: str, sector: str, role: str) -> None:
    office = kb.office_on(name, on)
    assert office is not None
    assert (office.country, office.sector, office.role) == (country, sector, role)


def test_office_before_first_term_is_none(kb: KnowledgeBase) -> None:
    assert kb.office_on("Volodymyr Zelenskyy", "2010-01-01") is None
    assert kb.office_on("Nobody Atall", "2010-01-01") is None


@pytest.mark.parametrize("surname, name", [("Xi", "Xi Jinping"), ("Moon", "Moon Jae-in"), ("Kim", "Kim Jong-un")])
def test_family_name_first(kb: KnowledgeBase, surname: str, name: str) -> None:
    assert kb.lookup_surname(surname, on="2019-06-30")[0].name == name


def test_names_iterator(kb: KnowledgeBase) -> None:
    names = dict(kb.names())
    assert names["sergej lawrow"] == "Sergey Lavrov"
    assert names["anthony blinken"] == "Antony Blinken"


def test_person_row_roundtrip(kb: KnowledgeBase) -> None:
    p = kb.lookup("Angela Merkel")[0]
    assert Person.from_row(p.to_row()) == p
    with pytest.raises(ValueError):
        Person.from_row("Q1\tonly\tthree")


def test_shipped_positions_file() -> None:
    positions = load_positions()
    assert positions["Q11696"] == ("USA", "GOV", "president")
    assert all(re.fullmatch(r"Q\d+", q) and s in SECTORS for q, (_, s, _) in positions.items())


def _expected_rows() -> list[str]:
    return [
        "Q567\tAngela Merkel\tAngela Dorothea Merkel|Angela Dorothea Kasner\tDEU\tGOV\tchancellor\t2005-11-22\t2021-12-01",
        "Q76\tBarack Obama\tBarack Hussein Obama II\tUSA\tGOV\tpresident\t2009-01-20\t2017-01-20",
        "Q6279\tJoe Biden\tJoseph Robinette Biden Jr.|Joseph Biden\tUSA\tGOV\tpresident\t2021-01-20\t2025-01-20",
    ]


@pytest.mark.parametrize("suffix, opener", [(".json", None), (".json.gz", gzip.open), (".json.bz2", bz2.open)])
def test_convert_wikidata_dump(tmp_path: Path, caplog: pytest.LogCaptureFixture, suffix: str, opener) -> None:
    src = tmp_path / f"dump{suffix}"
    if opener is None:
        shutil.copy(FIXTURE, src)
    else:
        with open(FIXTURE, "rb") as fin, opener(src, "wb") as fout:
            fout.write(fin.read())
    out = tmp_path / "people.tsv"
    stats = convert_wikidata_dump(src, out, POSITIONS)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER
    assert lines[1:] == _expected_rows()
    assert stats["rows"] == 3 and stats["humans"] == 4
    assert stats["bad_lines"] == 1
    assert "line 10" in stats["errors"][0]
    assert "line 10" in caplog.text


def test_converted_rows_merge(tmp_path: Path) -> None:
    out = tmp_path / "people.tsv"
    convert_wikidata_dump(FIXTURE, out, POSITIONS)
    base = KnowledgeBase.load()
    before = len(base)
    added = base.merge(KnowledgeBase.load(out))
    # Obama, Biden (same qid/role/start as shipped rows) are not added twice; Merkel's
    # fixture term is identical in start date too, so nothing is new.
    assert added == 0 and len(base) == before
    fresh = KnowledgeBase()
    assert fresh.merge(KnowledgeBase.load(out)) == 3
    assert fresh.office_on("Angela Dorothea Kasner", "2010-01-01").role == "chancellor"
