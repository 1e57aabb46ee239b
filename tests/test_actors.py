"""Actor resolution (chronik/actors.py) on real sentences: gazetteer, compounds, KB people
with dated offices, titled unknown names, surname/variant merging, coreference, outlet
first person, context country, IGOs, and the ``chronik actors --format jsonl`` output.

Sentences come from the German dev documents (../shared/eval/dev/docs), the founding
article (examples/) or are realistic news sentences. Known resolution bugs are marked
``xfail(strict=True)`` with the reason, so a fix shows up as XPASS and the mark goes.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chronik.model import Document, Mention

from .conftest import DEV_DOCS, FOUNDING, ROOT


# ---------------------------------------------------------------- helpers
def run_actors(text: str, lang: str, published: str | None = None) -> Document:
    """Clean ``text`` and run only the segment and actors components."""
    from chronik.ingest.text import document_from_text
    from chronik.pipeline import Pipeline

    doc = document_from_text(text, "t", published=published, lang=lang)
    return Pipeline(names=("segment", "actors"))(doc)


def load_actors(path: Path, published: str | None = None) -> Document:
    from chronik.ingest import load_documents
    from chronik.pipeline import Pipeline

    if not path.exists():
        pytest.skip(f"{path} not available")
    docs = [d for d in load_documents([str(path)], published=published) if isinstance(d, Document)]
    assert len(docs) == 1
    return Pipeline(names=("segment", "actors"))(docs[0])


def at(doc: Document, sub: str, n: int = 1) -> Mention:
    """The mention overlapping the n-th occurrence (1-based) of ``sub`` in the cleaned text."""
    i = doc.text.find(sub)
    for _ in range(n - 1):
        assert i >= 0, f"{sub!r} occurs fewer than {n} times"
        i = doc.text.find(sub, i + 1)
    assert i >= 0, f"{sub!r} #{n} not in the text"
    j = i + len(sub)
    hits = [m for m in doc.mentions if m.start < j and m.end > i]
    assert hits, f"no mention overlaps {sub!r} #{n}; mentions: {[m.text for m in doc.mentions]}"
    return max(hits, key=lambda m: (min(j, m.end) - max(i, m.start), -(m.end - m.start)))


def has_mention(doc: Document, sub: str, n: int = 1) -> bool:
    try:
        at(doc, sub, n)
    except AssertionError:
        return False
    return True


# ---------------------------------------------------------------- the founding article
@pytest.fixture(scope="module")
def founding() -> Document:
    return load_actors(FOUNDING, published="2023-09-20")


def test_founding_outlet_is_known(founding):
    assert founding.source == "AzVision"
    assert founding.lang == "de"


def test_founding_blinken_is_one_entity(founding):
    spans = [("Anthony Blinken", 1), ("Antony Blinken", 1), ("Antony Blinken", 2)]
    ms = [at(founding, s, n) for s, n in spans]
    assert "Anthony" in ms[0].text and "Antony" in ms[1].text
    assert len({m.entity for m in ms}) == 1
    for m in ms:
        assert (m.actor.country, m.actor.sector) == ("USA", "GOV")
        assert m.actor.name == "Antony Blinken"
    # and Blinken is not Aliyev
    assert ms[0].entity != at(founding, "Ilham Aliyev").entity


@pytest.mark.parametrize(
    "sub,n",
    [
        ("Das Staatsoberhaupt", 1),
        ("Das Staatsoberhaupt", 2),
        ("Das Staatsoberhaupt", 3),
        ("Der Präsident Aserbaidschans", 1),
        ("Präsidenten Aserbaidschans", 1),  # "der Regierung des Präsidenten Aserbaidschans"
    ],
)
def test_founding_role_nouns_corefer_to_aliyev(founding, sub, n):
    aliyev = at(founding, "Ilham Aliyev")
    m = at(founding, sub, n)
    assert m.entity == aliyev.entity
    assert (m.actor.country, m.actor.sector, m.actor.name) == ("AZE", "GOV", "Ilham Aliyev")
    assert m.how == "coreference"


@pytest.mark.parametrize(
    "sub,n,country,sector,how",
    [
        ("Ilham Aliyev", 1, "AZE", "GOV", "kb"),
        ("Ilham Aliyev", 2, "AZE", "GOV", "kb"),  # "den Präsidenten der Republik Aserbaidschan Ilham Aliyev"
        ("Armeniens", 1, "ARM", "GOV", "gazetteer"),
        ("Baku", 1, "AZE", "GOV", "gazetteer"),
        ("Vereinigten Staaten von Amerika", 1, "USA", "GOV", "gazetteer"),
        ("Unsere Armee", 1, "AZE", "MIL", "outlet"),
        ("Polizisten", 1, "AZE", "COP", None),
    ],
)
def test_founding_actors(founding, sub, n, country, sector, how):
    m = at(founding, sub, n)
    assert (m.actor.country, m.actor.sector) == (country, sector)
    if how:
        assert m.how == how


def test_founding_armenian_forces_country(founding):
    assert at(founding, "armenischen Streitkräfte").actor.country == "ARM"
    assert at(founding, "Geheimdienst-Sabotagegruppen").actor.country == "ARM"


def test_founding_armenian_forces_are_mil(founding):
    m = at(founding, "armenischen Streitkräfte")
    assert (m.actor.country, m.actor.sector) == ("ARM", "MIL")


# ---------------------------------------------------------------- office on the date decides the sector
@pytest.mark.parametrize(
    "lang,published,text,sub,sector",
    [
        ("de", "2012-06-02", "Der frühere Präsident Hosni Mubarak wurde am Samstag zu lebenslanger Haft verurteilt.", "Hosni Mubarak", "ELI"),
        ("de", "2005-07-31", "Präsident Hosni Mubarak kündigte am Donnerstag seine erneute Kandidatur an.", "Hosni Mubarak", "GOV"),
        ("en", "2012-06-02", "Hosni Mubarak was sentenced to life in prison on Saturday.", "Hosni Mubarak", "ELI"),
        ("en", "2005-07-31", "Hosni Mubarak announced on Thursday that he would run again.", "Hosni Mubarak", "GOV"),
        # dismissed as vice-president in 2013, in 2014 the rebel leader, whatever the text calls him
        ("de", "2014-04-22", "In dem aktuellen Bürgerkrieg kämpfen Präsident Salva Kiir und Vize-Präsident Riek Machar um die Macht.", "Riek Machar", "REB"),
        ("de", "2014-04-22", "In dem aktuellen Bürgerkrieg kämpfen Präsident Salva Kiir und Vize-Präsident Riek Machar um die Macht.", "Salva Kiir", "GOV"),
    ],
)
def test_office_on_the_date_decides_sector(lang, published, text, sub, sector):
    m = at(run_actors(text, lang, published), sub)
    assert m.actor.sector == sector
    assert m.how == "kb"


def test_mubarak_kb_country_and_name():
    m = at(run_actors("Hosni Mubarak was sentenced to life in prison on Saturday.", "en", "2012-06-02"), "Mubarak")
    assert (m.actor.country, m.actor.name) == ("EGY", "Hosni Mubarak")


def test_opposition_spokesman_before_he_was_president():
    text = ("Bazoum Mohammed, Sprecher der oppositionellen Gruppierung CFDR, forderte die Militärjunta bei der "
            "Kundgebung in Niger dazu auf, alsbald zur Demokratie zurückzukehren.")
    m = at(run_actors(text, "de", "2010-02-20"), "Bazoum Mohammed")
    assert (m.actor.country, m.actor.sector) == ("NER", "OPP")


# ---------------------------------------------------------------- unknown names with a title
@pytest.mark.parametrize(
    "lang,published,text,sub,country,sector,name",
    [
        ("de", "2006-08-13", "Der libanesische Informationsminister Ghasi Aridi hatte bereits am Samstag die Zustimmung "
                             "seiner Regierung zu der Resolution bekanntgegeben.", "Ghasi Aridi", "LBN", "GOV", "Ghasi Aridi"),
        ("en", "2010-09-06", "Iranian lawyer Nasrin Sotoudeh was arrested in Tehran on Saturday.", "Nasrin Sotoudeh", "IRN", None, "Nasrin Sotoudeh"),
    ],
)
def test_unknown_name_resolved_from_title(lang, published, text, sub, country, sector, name):
    m = at(run_actors(text, lang, published), sub)
    assert m.actor.country == country
    if sector:
        assert m.actor.sector == sector
    assert m.actor.name == name
    assert m.how == "title"


# ---------------------------------------------------------------- one entity per person
@pytest.mark.parametrize(
    "lang,published,text,full,short,name",
    [
        ("de", "2009-07-10", "Der französische Staatspräsident Nicolas Sarkozy erklärte, die Zeit sei befristet. "
                             "„Wenn es keine Fortschritte gibt, werden wir Entscheidungen treffen müssen“, sagte Sarkozy.",
         "Nicolas Sarkozy", "sagte Sarkozy", "Nicolas Sarkozy"),
        ("de", "2012-12-30", "Der russische Präsident Wladimir Putin hat ein Gesetz unterzeichnet. Putin sagte, das Gesetz sei notwendig.",
         "Wladimir Putin", "Putin sagte", "Vladimir Putin"),
        ("de", "2006-05-31", "Die US-amerikanische Außenministerin Condoleezza Rice hat heute die Bereitschaft erklärt. "
                             "Der Iran müsse die Anreicherung beenden, so Rice.", "Condoleezza Rice", "so Rice", "Condoleezza Rice"),
        ("en", "2023-09-20", "President Ilham Aliyev spoke with Secretary of State Antony Blinken on Tuesday. "
                             "Aliyev said Azerbaijan wanted peace.", "Ilham Aliyev", "Aliyev said", "Ilham Aliyev"),
    ],
)
def test_surname_merges_with_full_name(lang, published, text, full, short, name):
    doc = run_actors(text, lang, published)
    a, b = at(doc, full), at(doc, short)
    assert a.entity == b.entity
    assert b.actor.name == name
    assert (b.actor.country, b.actor.sector) == (a.actor.country, a.actor.sector)


@pytest.mark.parametrize(
    "lang,text,variant",
    [
        ("de", "Präsident Ilham Alijew empfing am Montag den Gast in Baku.", "Ilham Alijew"),
        ("de", "Auch der russische Außenminister Sergei Lawrow sprach sich gegen das Adoptionsverbot aus.", "Sergei Lawrow"),
        ("en", "Russian Foreign Minister Sergei Lavrov accused the West of waging war.", "Sergei Lavrov"),
    ],
)
def test_spelling_variants_map_to_canonical_name(lang, text, variant):
    m = at(run_actors(text, lang, "2022-03-01" if lang == "en" else "2012-12-30"), variant)
    assert m.actor.name in {"Ilham Aliyev", "Sergey Lavrov"}
    assert m.actor.sector == "GOV"


@pytest.mark.xfail(reason="German surname of a KB variant ('Ilham Alijew ... Alijew sagte') is not recognised; "
                          "the surname index holds only the canonical 'Aliyev'", strict=True)
def test_german_variant_surname_merges():
    doc = run_actors("Präsident Ilham Alijew empfing den Gast. Alijew sagte, Aserbaidschan wolle Frieden.", "de", "2023-09-20")
    assert at(doc, "Alijew sagte").entity == at(doc, "Ilham Alijew").entity


def test_surname_of_titled_unknown_name_merges():
    doc = run_actors("Iranian lawyer Nasrin Sotoudeh was arrested on Saturday. Sotoudeh denied the charges.", "en", "2010-09-06")
    a, b = at(doc, "Nasrin Sotoudeh"), at(doc, "Sotoudeh denied")
    assert a.entity == b.entity and b.actor.country == "IRN"


# ---------------------------------------------------------------- coreference of pronouns and role nouns
@pytest.mark.parametrize(
    "lang,published,text,antecedent,anaphor,name",
    [
        ("de", "2006-05-31", "Zum gleichen Thema äußerte sich heute auch US-Präsident George W. Bush. Er beanspruchte dabei eine Führungsrolle.",
         "George W. Bush", "Er beanspruchte", "George W. Bush"),
        ("en", "2005-07-31", "Hosni Mubarak announced on Thursday that he would run again.", "Hosni Mubarak", "he would", "Hosni Mubarak"),
        ("de", "2012-12-30", "Der russische Präsident Wladimir Putin hat ein Gesetz unterzeichnet. Per Dekret ordnete der "
                             "russische Präsident Maßnahmen zur Unterstützung verwaister Kinder an.",
         "Wladimir Putin", "russische Präsident Maßnahmen", "Vladimir Putin"),
        ("en", "2015-01-01", "Iranian Foreign Minister Javad Zarif met his Omani counterpart. The minister said the talks were useful.",
         "Javad Zarif", "minister said", "Mohammad Javad Zarif"),
    ],
)
def test_pronouns_and_roles_corefer(lang, published, text, antecedent, anaphor, name):
    doc = run_actors(text, lang, published)
    a, b = at(doc, antecedent), at(doc, anaphor)
    assert b.entity == a.entity
    assert b.how == "coreference"
    assert b.actor.name == name


@pytest.fixture(scope="module")
def niger() -> Document:
    return load_actors(DEV_DOCS / "de-wn-61320.txt")


@pytest.mark.parametrize("sub", ["seine Minister", "befindet sich der Präsident", "Er dankte"])
def test_niger_roles_do_not_corefer_to_un_chief(niger, sub):
    m = at(niger, sub)
    assert m.actor.country == "NER"


def test_niger_tandja_is_ner(niger):
    assert at(niger, "Tandja Mamadou").actor.country == "NER"


@pytest.mark.xfail(reason="later surname mentions of 'Tandja Mamadou' (family name first; the KB has 'Mamadou "
                          "Tandja', in office until 2010-02-18) lose the country: 'des nun gestürzten Präsidenten "
                          "Mamadou' and 'Mamadou hatte' are None/GOV, not NER", strict=True)
@pytest.mark.parametrize("sub", ["Präsidenten Mamadou", "Mamadou hatte"])
def test_niger_tandja_surname_keeps_country(niger, sub):
    m = at(niger, sub)
    assert m.actor.country == "NER" and m.entity == at(niger, "Tandja Mamadou").entity


@pytest.mark.parametrize("sub,country,sector", [("Moskauer Richter", "RUS", "JUD"), ("Kreml-Sprecher", "RUS", "GOV")])
def test_roles_do_not_corefer_to_private_people(sub, country, sector):
    m = at(load_actors(DEV_DOCS / "de-wn-74557.txt"), sub)
    assert (m.actor.country, m.actor.sector) == (country, sector)


# ---------------------------------------------------------------- German compounds
@pytest.mark.parametrize(
    "text,sub,country,sector",
    [
        ("Am 19. September rief US-Außenminister Antony Blinken den Präsidenten an.", "US-Außenminister", "USA", "GOV"),
        ("Die Hisbollah-Miliz schoss vom Libanon aus 155 Raketen auf Ziele in Israel ab.", "Hisbollah-Miliz", "LBN", "REB"),
        ("IDF-Fallschirmjäger erwiderten das Feuer.", "IDF-Fallschirmjäger", "ISR", "MIL"),
        ("UNMISS-Truppen konnten jedoch eigenen Angaben zufolge 500 Zivilisten retten.", "UNMISS-Truppen", "IGO", "MIL"),
        ("Oppositionspolitiker und Mitglieder der Militärjunta wandten sich in Niger an die Demonstranten.", "Oppositionspolitiker", "NER", "OPP"),
        ("Das wurde vom Presseamt des Kremls am 28. Dezember bekannt gegeben.", "Kremls", "RUS", "GOV"),
    ],
)
def test_german_compounds(text, sub, country, sector):
    m = at(run_actors(text, "de", "2010-01-01"), sub)
    assert (m.actor.country, m.actor.sector) == (country, sector)


def test_geheimdienst_compound_is_intelligence():
    text = "Geheimdienst-Sabotagegruppen haben Minen gelegt."
    m = at(run_actors(text, "de", "2023-09-20"), "Geheimdienst-Sabotagegruppen")
    assert m.actor.sector == "SPY"


@pytest.mark.parametrize("text", ["Drei Bundeswehrsoldaten wurden am Montag bei einem Anschlag verletzt.",
                                  "In Afghanistan wurden am Montag drei Bundeswehrsoldaten verletzt."])
def test_bundeswehrsoldaten_are_german_military(text):
    m = at(run_actors(text, "de", "2010-01-05"), "Bundeswehrsoldaten")
    assert (m.actor.country, m.actor.sector) == ("DEU", "MIL")


def test_kreml_spokesman():
    m = at(run_actors("Diese Liste existiere bereits, teilte ein Kreml-Sprecher mit.", "de", "2012-12-30"), "Kreml-Sprecher")
    assert (m.actor.country, m.actor.sector) == ("RUS", "GOV")


# ---------------------------------------------------------------- countries, demonyms, capitals, genitives (German)
@pytest.mark.parametrize(
    "text,sub,country,sector",
    [
        ("Zuvor schon nahmen kenianische Polizeikräfte zwei Iraner fest.", "kenianische Polizeikräfte", "KEN", "COP"),
        ("Die Zustimmung zur Waffenruhe war in der Resolution gemacht worden. Die israelische Regierung stimmte der Resolution zu.",
         "israelische Regierung", "ISR", "GOV"),
        ("Der Vertreter Libyens rief die libysche Armee auf, ihr eigenes Volk zu unterstützen.", "libysche Armee", "LBY", "MIL"),
        ("Seit dem die Armee Kenias den Kampf gegen die Milizen in Somalia aufnahm, gab es Anschläge.", "Armee Kenias", "KEN", "MIL"),
        ("Die USA bemühen sich darum, Russland und China von ihren ablehnenden Haltungen abzubringen.", "Russland", "RUS", "GOV"),
        ("Die USA bemühen sich darum, Russland und China von ihren ablehnenden Haltungen abzubringen.", "USA", "USA", "GOV"),
        ("Moskau und Peking riefen zur Zurückhaltung auf.", "Peking", "CHN", "GOV"),
        ("Das Weiße Haus lehnte die Forderung ab.", "Weiße Haus", "USA", "GOV"),
        ("Irans Präsident Mahmud Ahmadinedschad leugnete den Holocaust.", "Mahmud Ahmadinedschad", "IRN", "GOV"),
        ("Zuvor hatte das Gesetz das russische Parlament erfolgreich passiert.", "russische Parlament", "RUS", "LEG"),
        ("Ein libanesischer Militärsprecher widersprach dieser Darstellung.", "libanesischer Militärsprecher", "LBN", "MIL"),
        ("Die Taliban griffen einen Stützpunkt der afghanischen Armee an.", "Taliban", "AFG", "REB"),
    ],
)
def test_german_gazetteer(text, sub, country, sector):
    m = at(run_actors(text, "de", "2012-06-24"), sub)
    assert (m.actor.country, m.actor.sector) == (country, sector)


def test_swiss_ambassador_alone():
    m = at(run_actors("Der Schweizer Botschafter protestierte.", "de", "2006-05-31"), "Schweizer Botschafter")
    assert (m.actor.country, m.actor.sector) == ("CHE", "GOV")


@pytest.mark.parametrize("text", [
    "Die Erklärung wurde dem Schweizer Botschafter in Washington zur Weiterleitung übergeben.",
    "Die US-amerikanische Außenministerin Condoleezza Rice hat die Bereitschaft erklärt. Eine Erklärung wurde dem "
    "Schweizer Botschafter in Washington zur Weiterleitung an die iranische Regierung übergeben.",
])
def test_ambassador_keeps_his_own_country(text):
    m = at(run_actors(text, "de", "2006-05-31"), "Schweizer Botschafter")
    assert m.actor.country == "CHE" and m.how != "coreference"


def test_al_shabaab_german():
    doc = run_actors("Die Armee Kenias kämpft gegen die Milizen der islamistischen al-Shabaab in Somalia.", "de", "2012-06-24")
    assert (at(doc, "al-Shabaab").actor.country, at(doc, "al-Shabaab").actor.sector) == ("SOM", "REB")


def test_genitive_person_name():
    doc = run_actors("Barack Obamas Wunsch nach einem Neubeginn erlitt im Juni einen Dämpfer.", "de", "2009-07-10")
    assert at(doc, "Barack Obamas").actor.name == "Barack Obama"


def test_phrase_does_not_span_a_verb():
    doc = run_actors("Nach israelischen Militärangaben seien IDF-Fallschirmjäger beschossen worden.", "de", "2008-02-04")
    m = at(doc, "IDF-Fallschirmjäger")
    assert "seien" not in m.text and m.actor.sector == "MIL"


def test_mention_span_excludes_final_period():
    doc = run_actors("Zum gleichen Thema äußerte sich heute auch US-Präsident George W. Bush. Er sprach lange.", "de", "2006-05-31")
    assert not at(doc, "George W. Bush").text.endswith(".")


# ---------------------------------------------------------------- English
@pytest.mark.parametrize(
    "published,text,sub,country,sector,name",
    [
        ("2022-03-01", "Russian Foreign Minister Sergei Lavrov accused the West of waging war. The Kremlin rejected the sanctions.",
         "Sergei Lavrov", "RUS", "GOV", "Sergey Lavrov"),
        ("2022-03-01", "Russian Foreign Minister Sergei Lavrov accused the West of waging war. The Kremlin rejected the sanctions.",
         "Kremlin", "RUS", "GOV", None),
        ("2015-04-02", "Iran's foreign minister said the talks in Lausanne were constructive.", "Iran's foreign minister", "IRN", "GOV", None),
        ("2020-01-06", "Washington said it would not withdraw its troops. Moscow and Beijing called for restraint.", "Washington", "USA", "GOV", None),
        ("2020-01-06", "Washington said it would not withdraw its troops. Moscow and Beijing called for restraint.", "Moscow", "RUS", "GOV", None),
        ("2019-10-10", "Downing Street said the Prime Minister had raised the case with President Trump.", "Downing Street", "GBR", "GOV", None),
        ("2019-10-10", "Downing Street said the Prime Minister had raised the case with President Trump.", "President Trump", "USA", "GOV", "Donald Trump"),
        ("2020-01-06", "Iraq's parliament voted to expel US troops.", "Iraq's parliament", "IRQ", "LEG", None),
        ("2020-01-06", "Iraq's parliament voted to expel US troops.", "US troops", "USA", "MIL", None),
    ],
)
def test_english(published, text, sub, country, sector, name):
    m = at(run_actors(text, "en", published), sub)
    assert (m.actor.country, m.actor.sector) == (country, sector)
    if name:
        assert m.actor.name == name


def test_iran_foreign_minister_role():
    m = at(run_actors("Iran's foreign minister said the talks were constructive.", "en", "2015-04-02"), "foreign minister")
    assert m.actor.role == "foreign minister"


# ---------------------------------------------------------------- international organisations
@pytest.mark.parametrize(
    "lang,text,sub,country,name",
    [
        ("de", "Der UN-Sicherheitsrat hat am Samstag einstimmig Sanktionen gegen Libyen beschlossen.", "UN-Sicherheitsrat", "IGO", "UN Security Council"),
        ("de", "Die Afrikanische Union verhängte außerdem Sanktionen gegen Niger.", "Afrikanische Union", "IGO", "African Union"),
        ("de", "Die NATO und die EU-Kommission verurteilten die Angriffe; auch Amnesty International äußerte Kritik.", "EU-Kommission", "IGO", "European Commission"),
        ("de", "Die NATO und die EU-Kommission verurteilten die Angriffe; auch Amnesty International äußerte Kritik.", "Amnesty International", "NGO", "Amnesty International"),
        ("en", "NATO and the European Union condemned the attacks. The UN Security Council met on Saturday.", "UN Security Council", "IGO", "UN Security Council"),
        ("en", "NATO and the European Union condemned the attacks. The UN Security Council met on Saturday.", "NATO", "IGO", "NATO"),
    ],
)
def test_igo_and_ngo(lang, text, sub, country, name):
    m = at(run_actors(text, lang, "2011-02-27"), sub)
    assert (m.actor.country, m.actor.name) == (country, name)


def test_un_security_council_is_not_a_country():
    doc = run_actors("Der UN-Sicherheitsrat hat am Samstag einstimmig Sanktionen gegen Libyen beschlossen.", "de", "2011-02-27")
    assert at(doc, "Libyen").actor.country == "LBY"
    assert at(doc, "UN-Sicherheitsrat").entity != at(doc, "Libyen").entity


# ---------------------------------------------------------------- context country for role nouns
EGYPT = ("Am Samstag wurde in der Innenstadt von Kairo eine Kundgebung von Gegnern des ägyptischen Präsidenten "
         "Muhammad Husni Mubarak gewaltsam beendet. Polizisten und Unterstützer der Regierung schlugen mit Knüppeln "
         "auf Demonstranten ein.")


@pytest.mark.parametrize(
    "text,sub,country,sector",
    [
        (EGYPT, "Polizisten", "EGY", "COP"),
        (EGYPT, "Demonstranten", "EGY", "CVL"),
        (EGYPT, "Regierung", "EGY", "GOV"),
        ("Spezialeinheiten der Polizei lösten die Versammlung in Kairo auf.", "Spezialeinheiten der Polizei", "EGY", "COP"),
        ("Buddhistische Mönche setzten ihre Proteste gegen die Militärdiktatur Myanmars fort. "
         "Bisher hat sich die Regierung nicht entschuldigt.", "Mönche", "MMR", "REL"),
    ],
)
def test_context_country_for_roles(text, sub, country, sector):
    m = at(run_actors(text, "de", "2005-07-31"), sub)
    assert (m.actor.country, m.actor.sector) == (country, sector)
    assert m.how == "context"


def test_egypt_president_in_office_2005():
    m = at(run_actors(EGYPT, "de", "2005-07-31"), "Husni Mubarak")
    assert (m.actor.country, m.actor.sector, m.actor.name) == ("EGY", "GOV", "Hosni Mubarak")


def test_police_authorities_are_cop():
    doc = run_actors("Den Polizeibehörden in Mombasa zufolge wurden Chemikalien gefunden.", "de", "2012-06-24")
    assert at(doc, "Polizeibehörden").actor.sector == "COP"


# ---------------------------------------------------------------- CLI
def test_cli_actors_jsonl(tmp_path):
    path = tmp_path / "de-azvision-blinken-aliyev.txt"
    path.write_text(FOUNDING.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "chronik", "actors", str(path), "--format", "jsonl"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert rows
    keys = {"doc_id", "text", "start", "end", "entity", "name", "country", "sector", "role", "kb_id", "how"}
    text = path.read_text(encoding="utf-8")
    for r in rows:
        assert set(r) == keys
        assert r["how"] in {"gazetteer", "title", "coreference", "kb", "outlet", "context"}
        assert isinstance(r["start"], int) and isinstance(r["end"], int) and r["start"] < r["end"]
    blinken = [r for r in rows if "Blinken" in r["text"]]
    assert len(blinken) == 3 and len({r["entity"] for r in blinken}) == 1
    assert all((r["country"], r["sector"]) == ("USA", "GOV") for r in blinken)
    baku = [r for r in rows if r["text"] == "Baku"]
    assert baku and baku[0]["country"] == "AZE"
    # offsets point into the cleaned text, which for this plain file keeps the mention text
    assert "Baku" in text


# ---------------------------------------------------------------- the gold file itself
GOLD = ROOT / "tests" / "gold" / "actors-de.jsonl"


def test_actor_gold_is_well_formed():
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert 150 <= len(rows) <= 300
    sectors = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
               "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", None}
    seen = set()
    for r in rows:
        assert set(r) == {"doc", "text", "occurrence", "country", "sector"}
        assert r["doc"].startswith("de-") and r["occurrence"] >= 1
        assert len(r["country"]) == 3 and r["country"].isupper()
        assert r["sector"] in sectors
        key = (r["doc"], r["text"], r["occurrence"])
        assert key not in seen
        seen.add(key)


def test_actor_gold_mentions_exist_in_cleaned_text():
    from chronik.ingest import load_documents

    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    paths = sorted({str(DEV_DOCS / f"{r['doc']}.txt") for r in rows})
    if not Path(paths[0]).exists():
        pytest.skip("../shared not available")
    docs = {d.id: d for d in load_documents(paths) if isinstance(d, Document)}
    for r in rows:
        t = docs[r["doc"]].text
        i = t.find(r["text"])
        for _ in range(r["occurrence"] - 1):
            i = t.find(r["text"], i + 1)
        assert i >= 0, r


def test_actor_eval_script_runs():
    if not DEV_DOCS.exists():
        pytest.skip("../shared not available")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "actor_eval.py"), "--shared", str(DEV_DOCS.parent.parent.parent)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "country accuracy" in proc.stdout and "sector accuracy" in proc.stdout


@pytest.mark.parametrize(
    "text, pronoun, name",
    [
        ("Opposition leader Sviatlana Tsikhanouskaya met President Alexander Lukashenko. She asked for support.",
         "She", "Sviatlana Tsikhanouskaya"),
        ("Opposition leader Sviatlana Tsikhanouskaya met President Alexander Lukashenko. He refused.",
         "He", "Alexander Lukashenko"),
    ],
)
def test_english_pronouns_agree_in_gender(text, pronoun, name):
    doc = run_actors(text, "en", "2020-08-01")
    m = next(x for x in doc.mentions if x.text == pronoun)
    assert m.how == "coreference" and m.actor.name == name


@pytest.mark.parametrize(
    "text, lang, sub, country, sector",
    [
        ("Former Socialist prime minister Andreas Papandreou demanded immediate elections.", "en", "prime minister", None, "ELI"),
        ("British Defence Secretary Tom King has promised to continue military aid.", "en", "Tom King", "GBR", "GOV"),
        ("Militants loyal to Iraq's Al-Qaeda frontman said they attempted to assassinate the prime minister.", "en",
         "Militants", None, "REB"),
        ("Peru has granted diplomatic asylum to five Panamanian army officers.", "en", "Panamanian army officers", "PAN", "MIL"),
        ("The spokesperson for the German government strongly condemned the attack.", "en", "spokesperson", "DEU", "GOV"),
    ],
)
def test_english_phrases_resolve(text, lang, sub, country, sector):
    doc = run_actors(text, lang, "2004-01-01")
    m = next(x for x in doc.mentions if sub in x.text)
    assert (country is None or m.actor.country == country) and m.actor.sector == sector
