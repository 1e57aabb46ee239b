"""Validate the actor and role gazetteers in chronik/lang/{de,en}/data/."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parent.parent / "chronik" / "lang"
LANGS = ["de", "en"]

SECTORS = {"AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "GOV", "JRN", "JUD", "LAB",
           "LEG", "MED", "MIL", "OPP", "PRE", "PRM", "PTY", "REB", "REF", "REL", "SOC",
           "SPY", "UAF", "UNK"}
ACTOR_KINDS = ["country", "adj", "capital", "igo", "ngo", "group", "org"]
ROLE_KINDS = {"person", "group", "body"}
FLAGS = {"cs", "cap", "prefix"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}  # Kosovo (user-assigned)
ACTOR_HEADER = "# form\tkind\tcountry\tsector\tname\tflags"
ROLE_HEADER = "# form\tsector\trole\tkind"


def read(path: Path, header: str, ncols: int) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == header, f"{path}: bad header {lines[0]!r}"
    assert lines[-1] == "", f"{path}: missing final newline"
    rows = []
    for n, line in enumerate(lines[1:-1], start=2):
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == ncols, f"{path}:{n}: {len(cols)} columns: {line!r}"
        rows.append(cols)
    return rows


def actors(lang: str) -> list[list[str]]:
    return read(DATA / lang / "data" / "actors.tsv", ACTOR_HEADER, 6)


def roles(lang: str) -> list[list[str]]:
    return read(DATA / lang / "data" / "roles.tsv", ROLE_HEADER, 4)


def check_form(form: str) -> None:
    assert form == form.lower(), f"form not lowercase: {form!r}"
    assert form == form.strip() and "  " not in form and "\t" not in form, f"bad spacing: {form!r}"
    assert form, "empty form"


@pytest.mark.parametrize("lang", LANGS)
def test_actor_rows_are_valid(lang):
    for form, kind, country, sector, name, flags in actors(lang):
        check_form(form)
        assert kind in ACTOR_KINDS, (form, kind)
        assert name and name == name.strip(), (form, name)
        assert set(filter(None, flags.split(","))) <= FLAGS, (form, flags)
        if kind == "igo":
            assert (country, sector) == ("IGO", ""), form
        elif kind == "ngo":
            assert (country, sector) == ("NGO", ""), form
        elif kind == "group":
            assert country == "" or country in ISO3, (form, country)
            assert sector in SECTORS, (form, sector)
        else:
            assert country in ISO3, (form, country)
            if kind == "adj":
                assert sector == "", form
            elif kind == "country":
                assert sector == "GOV", form
            else:
                assert sector in SECTORS, (form, sector)


@pytest.mark.parametrize("lang", LANGS)
def test_actor_rows_unique_and_sorted(lang):
    rows = actors(lang)
    keys = [(r[0], r[1]) for r in rows]
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, dupes
    order = [(ACTOR_KINDS.index(r[1]), r[0]) for r in rows]
    assert order == sorted(order), "actors.tsv must be sorted by kind, then form"
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms)), {f for f in forms if forms.count(f) > 1}


@pytest.mark.parametrize("lang", LANGS)
def test_every_country_covered(lang):
    rows = actors(lang)
    named = {r[2] for r in rows if r[1] == "country"}
    missing = ISO3 - named
    assert not missing, missing


@pytest.mark.parametrize("lang", LANGS)
def test_cs_flag_only_on_short_acronyms(lang):
    for form, _kind, _c, _s, _name, flags in actors(lang):
        if "cs" in flags.split(","):
            assert len(form) <= 4 and " " not in form, form


def _strip(token: str) -> str:
    # the German loader's inflection stripping, longest ending first
    for end in ("es", "en", "er", "em", "s", "n", "e"):
        if token.endswith(end) and len(token) - len(end) >= 3:
            return token[: -len(end)]
    return token


def test_de_stripped_forms_do_not_collide_across_actors():
    """Stripping endings must not make forms of two different actors equal.
    (Country/demonym pairs of one country, Armenien/Armenier, may collide.)"""
    seen = defaultdict(set)
    for form, _kind, country, sector, _name, flags in actors("de"):
        if "cs" in flags.split(","):
            continue
        key = " ".join(_strip(t) for t in form.split())
        seen[key].add(country if _kind in ("country", "adj") else (country, sector))
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not clashes, clashes


@pytest.mark.parametrize("lang", LANGS)
def test_role_rows_are_valid(lang):
    rows = roles(lang)
    for form, sector, role, kind in rows:
        check_form(form)
        assert sector in SECTORS, (form, sector)
        assert role and role == role.strip(), form
        assert kind in ROLE_KINDS, (form, kind)
    forms = [r[0] for r in rows]
    assert len(forms) == len(set(forms)), {f for f in forms if forms.count(f) > 1}
    assert forms == sorted(forms), "roles.tsv must be sorted by form"


def _actor(lang, form, kind=None):
    hits = [r for r in actors(lang) if r[0] == form and (kind is None or r[1] == kind)]
    assert hits, f"{lang}: no actor row for {form!r}"
    return hits[0]


@pytest.mark.parametrize("lang,form,kind,country,sector", [
    ("de", "armenien", "country", "ARM", "GOV"),
    ("de", "aserbaidschan", "country", "AZE", "GOV"),
    ("de", "aserbaidschanisch", "adj", "AZE", ""),
    ("de", "armenisch", "adj", "ARM", ""),
    ("de", "baku", "capital", "AZE", "GOV"),
    ("de", "vereinigte staaten von amerika", "country", "USA", "GOV"),
    ("de", "us", "country", "USA", "GOV"),
    ("de", "moskau", "capital", "RUS", "GOV"),
    ("de", "kreml", "capital", "RUS", "GOV"),
    ("de", "un-sicherheitsrat", "igo", "IGO", ""),
    ("de", "sicherheitsrat", "igo", "IGO", ""),
    ("de", "afrikanische union", "igo", "IGO", ""),
    ("de", "hisbollah", "group", "LBN", "REB"),
    ("de", "russe", "adj", "RUS", ""),
    ("de", "palästina", "country", "PSE", "GOV"),
    ("de", "kosovo", "country", "XKX", "GOV"),
    ("de", "bundeswehr", "org", "DEU", "MIL"),
    ("de", "gruppe wagner", "group", "RUS", "PRM"),
    ("en", "azerbaijani", "adj", "AZE", ""),
    ("en", "kremlin", "capital", "RUS", "GOV"),
    ("en", "the kremlin", "capital", "RUS", "GOV"),
    ("en", "britain", "country", "GBR", "GOV"),
    ("en", "security council", "igo", "IGO", ""),
    ("en", "taliban", "group", "AFG", "REB"),
    ("en", "pentagon", "capital", "USA", "MIL"),
    ("en", "rapid support forces", "group", "SDN", "PRM"),
    ("en", "russians", "adj", "RUS", ""),
    ("en", "myanmar", "country", "MMR", "GOV"),
])
def test_actor_spot_checks(lang, form, kind, country, sector):
    row = _actor(lang, form, kind)
    assert (row[2], row[3]) == (country, sector), row


@pytest.mark.parametrize("lang,form,flags", [
    ("de", "us", {"cs", "prefix"}),
    ("en", "us", {"cs", "prefix"}),
    ("de", "un", {"cs", "prefix"}),
    ("de", "eu", {"cs", "prefix"}),
    ("en", "who", {"cs", "prefix"}),
    ("de", "nato", {"prefix"}),
])
def test_actor_flags(lang, form, flags):
    assert set(_actor(lang, form)[5].split(",")) == flags


@pytest.mark.parametrize("lang,form", [
    ("en", "rsf"), ("de", "rsf"),   # Sudan's RSF or Reporters sans frontières
    ("en", "amnesty"),              # ordinary English noun
    ("en", "is"),                   # the verb, in capitals in headlines
])
def test_ambiguous_forms_left_out(lang, form):
    assert form not in {r[0] for r in actors(lang)}


@pytest.mark.parametrize("lang,form,sector,kind", [
    ("de", "außenminister", "GOV", "person"),
    ("de", "außenministerin", "GOV", "person"),
    ("de", "staatsoberhaupt", "GOV", "person"),
    ("de", "streitkraft", "MIL", "group"),
    ("de", "soldat", "MIL", "person"),
    ("de", "polizist", "COP", "person"),
    ("de", "geheimdienst", "SPY", "body"),
    ("de", "mönch", "REL", "person"),
    ("de", "oppositionspolitiker", "OPP", "person"),
    ("de", "aufständischer", "REB", "group"),
    ("de", "flüchtling", "REF", "group"),
    ("en", "foreign minister", "GOV", "person"),
    ("en", "troop", "MIL", "group"),
    ("en", "riot police", "COP", "body"),
    ("en", "protester", "CVL", "group"),
    ("en", "refugee", "REF", "group"),
    ("en", "gunman", "UAF", "group"),
])
def test_role_spot_checks(lang, form, sector, kind):
    hits = [r for r in roles(lang) if r[0] == form]
    assert hits, form
    assert (hits[0][1], hits[0][3]) == (sector, kind), hits[0]


@pytest.mark.parametrize("word", ["Streitkräfte", "Soldaten", "Rebellen", "Polizisten",
                                  "Demonstranten", "Flüchtlinge", "Geheimdienste",
                                  "Abgeordneten", "Aufständische", "Mönche", "Truppen",
                                  "Personen", "Ermittler", "Randalierer", "Tatverdächtigen",
                                  "Gefangenen", "Beschäftigten", "Angestellte", "Jugendliche",
                                  "Passanten", "Asylsuchende", "Wehrpflichtigen", "Schaulustige",
                                  "Christen", "Muslimen", "Kopten"])
def test_de_role_forms_are_simplemma_lemmas(word):
    simplemma = pytest.importorskip("simplemma")
    lemma = simplemma.lemmatize(word, lang="de").lower()
    assert lemma in {r[0] for r in roles("de")}, (word, lemma)


@pytest.mark.parametrize("word", ["troops", "soldiers", "protesters", "refugees", "lawmakers",
                                  "militants", "gunmen", "civilians", "officials"])
def test_en_role_forms_are_simplemma_lemmas(word):
    simplemma = pytest.importorskip("simplemma")
    lemma = simplemma.lemmatize(word, lang="en").lower()
    assert lemma in {r[0] for r in roles("en")}, (word, lemma)
