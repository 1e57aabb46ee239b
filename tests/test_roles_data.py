"""Role and group nouns for actors the gazetteer does not name (roles.tsv, de and en):
the English rows derived from PETRARCH2's Phoenix agents (scripts/derive_roles_en.py)
are reproducible, their CAMEO codes map to the right PLOVER sectors, ambiguous plain
nouns stay out, and unnamed actors in real sentences get sector and country from their
head noun."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from .conftest import ROOT
from .test_actors import at, run_actors

AGENTS = ROOT.parent / "shared" / "reference" / "petrarch2" / "Phoenix.agents.txt"
ROLES = {lang: ROOT / "chronik" / "lang" / lang / "data" / "roles.tsv" for lang in ("de", "en")}


def _script():
    spec = importlib.util.spec_from_file_location("derive_roles_en", ROOT / "scripts" / "derive_roles_en.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def rows(lang: str) -> dict[str, tuple[str, str, str]]:
    out = {}
    for line in ROLES[lang].read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, sector, role, kind = line.split("\t")
            out[form] = (sector, role, kind)
    return out


# ------------------------------------------------------------ the English derivation
def test_en_roles_file_is_what_the_derivation_writes():
    if not AGENTS.exists():
        pytest.skip(f"{AGENTS} not available")
    mod = _script()
    text = mod.merge(mod.read_roles(ROLES["en"]), AGENTS.read_text(encoding="utf-8", errors="replace"),
                     mod.actor_forms(ROLES["en"].with_name("actors.tsv")))
    assert text == ROLES["en"].read_text(encoding="utf-8"), "run scripts/derive_roles_en.py"


def test_en_roles_keep_the_phoenix_attribution():
    head = "\n".join(ROLES["en"].read_text(encoding="utf-8").splitlines()[:8])
    assert "Phoenix.agents.txt" in head and "Open Event Data Alliance" in head and "MIT" in head


@pytest.mark.parametrize("code,sector", [
    ("~GOV", "GOV"), ("~GOVMIL", "GOV"), ("~MILGOV", "MIL"), ("~MILSPY", "SPY"),
    ("~MED", "JRN"), ("~GOVMED", "GOV"), ("~HLH", "MED"), ("~MUS", "REL"), ("~CHRCTH", "REL"),
    ("~HRI", "SOC"), ("~OPPEDU", "OPP"), ("~UAFMUS", "UAF"), ("~REBMUS", "REB"),
    ("~RAD", None), ("~PPL", None), ("IGO~", None), ("~IMG", None),
])
def test_cameo_agent_codes_map_to_plover_sectors(code, sector):
    assert _script().sector_of(code) == sector


def test_derivation_keeps_actors_and_drops_non_actors():
    text = """!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
VILLAGER [~CVL]
CHILD [~CVL]
HUNTER [~CVL]
FISHER!PERSON! [~AGR]
!MINIST! OF_THE_ENVIRONMENT [~ENV]
INTELLIGENCE_INFORMATION [~SPY]
REBEL_BASE [~REB]
LIBERATION_ARMY_  [~REB]
AMBASSADOR_TO {} [~GOV]
STUDENT_PROTESTER [~OPPEDU]
MUSLIM_MILITANT [~UAFMUS]
BUDDHIST_MONK [~BUD]
MONK [~REL]
CRIMINAL_INVESTIGATOR [~COP]
"""
    got = _script().derive(text, {"investigator": ("COP", "group"), "militant": ("REB", "group")})
    assert got["villager"] == ("villager", "CVL", "villagers", "group")
    assert got["fisherman"][1] == "AGR"
    assert got["minister of the environment"][1] == "GOV"  # a ministry, whatever its field
    assert got["ministry of the environment"][3] == "body"
    assert got["student protester"][1] == "CVL"  # PLOVER: protesters are civilians
    for form in ("child", "hunter", "intelligence information", "rebel base", "liberation army",
                 "ambassador to", "muslim militant", "buddhist monk", "criminal investigator"):
        assert form not in got, form


# ------------------------------------------------------------ the rows
@pytest.mark.parametrize("lang,form,sector", [
    ("en", "villager", "CVL"), ("en", "resident", "CVL"), ("en", "protester", "CVL"),
    ("en", "demonstrator", "CVL"), ("en", "rioter", "CVL"), ("en", "worker", "LAB"),
    ("en", "union", "LAB"), ("en", "prosecutor", "JUD"), ("en", "judge", "JUD"),
    ("en", "magistrate", "JUD"), ("en", "lawmaker", "LEG"), ("en", "legislator", "LEG"),
    ("en", "insurgent", "REB"), ("en", "militant", "REB"), ("en", "gunman", "UAF"),
    ("en", "combatant", "UAF"), ("en", "refugee", "REF"), ("en", "returnee", "REF"),
    ("en", "student", "EDU"), ("en", "lecturer", "EDU"), ("en", "police officer", "COP"),
    ("en", "detective", "COP"), ("en", "investigator", "COP"), ("en", "sheriff", "COP"),
    ("en", "surgeon", "MED"), ("en", "columnist", "JRN"), ("en", "peasant", "AGR"),
    ("en", "kidnapper", "CRM"), ("en", "diplomat", "GOV"), ("en", "provincial council", "GOV"),
    ("en", "house of representatives", "LEG"), ("en", "secret police", "SPY"),
    ("en", "death squad", "UAF"), ("en", "opposition activist", "OPP"),
    ("de", "demonstrant", "CVL"), ("de", "einwohner", "CVL"), ("de", "anwohner", "CVL"),
    ("de", "bewohner", "CVL"), ("de", "person", "CVL"), ("de", "zivilist", "CVL"),
    ("de", "aktivist", "SOC"), ("de", "gewerkschaft", "LAB"), ("de", "ermittlungsausschuss", "COP"),
    ("de", "staatsanwaltschaft", "JUD"), ("de", "abgeordnete", "LEG"), ("de", "aufständische", "REB"),
    ("de", "extremist", "REB"), ("de", "bewaffnete", "UAF"), ("de", "flüchtling", "REF"),
    ("de", "student", "EDU"), ("de", "arbeiter", "LAB"), ("de", "ermittler", "COP"),
    ("de", "randalierer", "CVL"), ("de", "täter", "CRM"), ("de", "gefangene", "CVL"),
    ("de", "ausschuss", "LEG"), ("de", "verwaltung", "GOV"), ("de", "stadtrat", "GOV"),
    ("de", "christ", "REL"), ("de", "muslim", "REL"), ("de", "roma", "CVL"),
])
def test_role_rows(lang, form, sector):
    assert rows(lang)[form][0] == sector


@pytest.mark.parametrize("lang,form", [("en", f) for f in (
    "child", "woman", "man", "hunter", "fisher", "chief", "captain", "school", "village",
    "exile", "advocate", "counsel", "deputy", "media", "writer", "christian", "muslim",
    "jew", "security council", "general assembly", "rebellion", "uprising", "rebel base",
    "convict",  # "convicted": the verb's lemma
    "self-defence force",  # Japan's are its army, elsewhere a militia
)] + [("de", f) for f in (
    "rektor",      # the tail of every "Direktor"
    "gläubiger",   # creditors
    "kaufmann",    # a surname
    "rückkehrer",  # stems like "Rückkehr", the return
    "pfleger",     # stems like "Pflege", care
    "leute",       # "Fachleute", "Landsleute": no actors
    "artillerie",  # a means ("Einsatz schwerer Artillerie"), not who acts
)])
def test_ambiguous_nouns_left_out(lang, form):
    assert form not in rows(lang)


# ------------------------------------------------------------ on real sentences
@pytest.mark.parametrize("lang,text,sub,country,sector", [
    ("en", "Villagers in northern Nigeria said gunmen killed 12 people.", "Villagers", "NGA", "CVL"),
    ("en", "Villagers in northern Nigeria said gunmen killed 12 people.", "gunmen", "NGA", "UAF"),
    ("en", "Prosecutors in Kenya charged two police officers with murder.", "Prosecutors", "KEN", "JUD"),
    ("en", "Prosecutors in Kenya charged two police officers with murder.", "police officers", "KEN", "COP"),
    ("en", "A magistrate in Lahore remanded the smuggler in custody.", "magistrate", "PAK", "JUD"),
    ("en", "A magistrate in Lahore remanded the smuggler in custody.", "smuggler", "PAK", "CRM"),
    ("en", "Rebel commanders met army officers in Juba on Monday.", "Rebel commanders", "SSD", "REB"),
    ("en", "Insurgents attacked a checkpoint near Kabul, a provincial governor said.", "Insurgents", "AFG", "REB"),
    ("en", "Refugees and residents clashed with Turkish riot police.", "Refugees", "TUR", "REF"),
    ("en", "Lawmakers in Iraq rejected the budget, while the provincial council demanded more funds.",
     "provincial council", "IRQ", "GOV"),
    ("en", "Hundreds of rioters in Nairobi torched cars before investigators arrived.", "rioters", "KEN", "CVL"),
    ("en", "Hundreds of rioters in Nairobi torched cars before investigators arrived.", "investigators", "KEN", "COP"),
    ("de", "Mehrere Personen wurden von der Polizei in Minsk festgenommen.", "Personen", "BLR", "CVL"),
    ("de", "Aktivisten in Moskau kritisierten den Ermittlungsausschuss.", "Ermittlungsausschuss", "RUS", "COP"),
    ("de", "Die Gewerkschaft der Lokführer rief in Berlin zum Streik auf.", "Lokführer", "DEU", "LAB"),
    ("de", "Der Untersuchungsausschuss des Bundestages befragte den Innenminister.", "Untersuchungsausschuss", "DEU", "LEG"),
    ("de", "Der Vermittlungsausschuss des Bundestages tagte am Montag in Berlin.", "Vermittlungsausschuss", "DEU", "LEG"),
    ("de", "Die Stadtverwaltung von Istanbul verbot die Kundgebung.", "Stadtverwaltung", "TUR", "GOV"),
    ("de", "Der Provinzrat von Kandahar verurteilte den Anschlag.", "Provinzrat", "AFG", "GOV"),
    ("de", "Die Ermittler in Paris durchsuchten die Wohnung.", "Ermittler", "FRA", "COP"),
    ("de", "Randalierer und Plünderer zogen durch die Straßen von London.", "Randalierer", "GBR", "CVL"),
    ("de", "Die Täter flohen, Polizeibeamte nahmen zwei Tatverdächtige in Madrid fest.", "Polizeibeamte", "ESP", "COP"),
    ("de", "Die Täter flohen, Polizeibeamte nahmen zwei Tatverdächtige in Madrid fest.", "Tatverdächtige", "ESP", "CRM"),
    ("de", "Die Stammesältesten in Helmand verhandelten mit den Taliban.", "Stammesältesten", "AFG", "ELI"),
    ("de", "Der Autobauer aus Stuttgart entließ in Deutschland 500 Beschäftigte.", "Autobauer", "DEU", "BUS"),
    ("de", "Der Autobauer aus Stuttgart entließ in Deutschland 500 Beschäftigte.", "Beschäftigte", "DEU", "LAB"),
    ("de", "Jugendliche warfen in Athen Steine auf die Ordnungskräfte.", "Ordnungskräfte", "GRC", "COP"),
])
def test_unnamed_actors_typed_by_head_noun(lang, text, sub, country, sector):
    a = at(run_actors(text, lang, published="2020-03-01"), sub).actor
    assert (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize("text,sub", [
    ("Der Direktor des Museums in Wien eröffnete die Ausstellung.", "Direktor"),
    ("Der Vermittler aus Norwegen traf die Delegationen in Oslo.", "Vermittler"),
])
def test_de_compound_tails_do_not_mistype(text, sub):
    doc = run_actors(text, "de")
    i = doc.text.find(sub)
    sectors = {m.actor.sector for m in doc.mentions if m.start < i + len(sub) and m.end > i}
    assert not sectors & {"EDU", "COP"}, sectors
