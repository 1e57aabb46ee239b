#!/usr/bin/env python3
"""Derive English role and group nouns from PETRARCH2's Phoenix agents dictionary.

    python scripts/derive_roles_en.py [--agents ../shared/reference/petrarch2/Phoenix.agents.txt]
                                      [--roles chronik/lang/en/data/roles.tsv] [--check]

Phoenix.agents.txt (Open Event Data Alliance, MIT licence) lists English agent nouns
with CAMEO agent codes ("PROSECUTOR [~JUD]", "!MINIST! OF_DEFENCE [~GOVMIL]"). This
script turns them into rows of Chronik's ``roles.tsv`` (form, PLOVER sector, role label,
kind):

* the CAMEO code becomes a PLOVER sector (``sector_of``: MED media -> JRN, HLH health ->
  MED, religions -> REL, HRI/ENV -> SOC, a GOVxxx ministry -> GOV, ...); codes without a
  PLOVER sector (RAD, PPL, DEV, IGO, IMG) are dropped;
* only unambiguous political-actor nouns are kept: a one-word form only when it is in
  ``KEEP_SINGLE`` (reviewed by hand: "villager", "prosecutor", "insurgent"; not "child",
  "hunter", "chief", "school"), a multiword form only when its last word is a known agent
  head (``KEEP_SINGLE``, the hand rows of roles.tsv, or ``ORG_HEADS`` such as ministry,
  court, force, movement), so "intelligence information", "rebel base" and "police post"
  stay out;
* the hand-written rows of roles.tsv win over derived rows of the same form (the
  project's own sector conventions, e.g. "protester" CVL where Phoenix says OPP).

The merged file is written back sorted; rows equal to a derived row are regenerated on
every run, so the script is idempotent (a row the derivation stops producing after a
change of these rules stays, as a hand row: delete it by hand). ``--check`` only reports whether the committed
file is what the script would write (exit 1 if not).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AGENTS = ROOT.parent / "shared" / "reference" / "petrarch2" / "Phoenix.agents.txt"
ROLES = ROOT / "chronik" / "lang" / "en" / "data" / "roles.tsv"
ACTORS = ROLES.with_name("actors.tsv")
HEADER = "# form\tsector\trole\tkind"
COMMENT = """\
# Chronik role and group nouns (en): lowercase lemma (simplemma), PLOVER sector, English role label,
# kind: person | group | body. Multiword forms are matched as token sequences.
# Sorted by form. Rows below a hand-written core are derived by scripts/derive_roles_en.py from
# Phoenix.agents.txt of PETRARCH2 (Copyright (c) 2014 Open Event Data Alliance, MIT licence;
# Computational Event Data System Project, http://eventdata.parusanalytics.com), CAMEO agent
# codes mapped to PLOVER sectors; hand-written rows win."""

# CAMEO agent code (first three letters, or the whole code) -> PLOVER sector.
CAMEO_TO_PLOVER = {
    "AGR": "AGR", "BUS": "BUS", "COP": "COP", "CRM": "CRM", "CVL": "CVL", "EDU": "EDU",
    "ELI": "ELI", "GOV": "GOV", "JUD": "JUD", "LAB": "LAB", "LEG": "LEG", "MIL": "MIL",
    "OPP": "OPP", "PTY": "PTY", "REB": "REB", "REF": "REF", "SPY": "SPY", "UAF": "UAF",
    "MED": "JRN",  # CAMEO media; PLOVER renamed it
    "HLH": "MED",  # CAMEO health
    "REL": "REL", "MUS": "REL", "CHR": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL",
    "HRI": "SOC", "ENV": "SOC", "NGO": "SOC",
    "MILSPY": "SPY",  # military intelligence
}
# CAMEO roles PLOVER files under civilians: "civilians, protesters, activists" (PLOVER manual).
PROTEST_HEADS = frozenset("protester protestor demonstrator rioter picketer".split())

# One-word Phoenix forms kept (after code mapping and !PERSON! expansion). Everything else
# one word long is left out as too often no actor: child, woman, hunter, chief, captain,
# school, village, exile, advocate, counsel, christian, muslim, media, writer, ... and
# nouns sharing their lemma with a verb ("convicted" -> convict).
KEEP_SINGLE = frozenset("""
    agriculturalist farmer peasant rancher sharecropper herdsman fisherman
    constable detective sheriff policeman policewoman lawman gendarmery gendarmerie
    citizen civilian villager resident voter settler immigrant migrant landowner shopkeeper
    mourner townspeople onlooker passenger tourist noncombatant non-combatant electorate
    lecturer schoolteacher headmaster educator scholar professor pupil student teacher university
    conservationist environmentalist
    attorney attorney-general barrister judge lawyer magistrate prosecutor tribunal judiciary
    procuratorate court
    employee laborer worker
    congress congressman congresswoman lawmaker legislator legislature parliament
    parliamentarian senate senator mp
    defector dissenter dissident mutineer protester demonstrator rioter picketer detainee
    activist campaigner politician
    guerilla guerrilla insurgent insurrectionist rebel separatist
    refugee returnee
    spy
    assailant combatant fighter gunman gunmen hitman militant militia militiaman militiamen
    mercenary terrorist triggerman marauder
    businessman businesswoman businessperson ceo company corporation employer entrepreneur
    investor manufacturer merchant trader tycoon automaker carmaker steelmaker conglomerate
    archbishop bishop cleric clergy clergyman imam mullah rabbi monk priest preacher
    missionary abbot diocese archdiocese
    abductor arsonist bandit brigand cartel criminal gang gangster gunrunner kidnaper
    kidnapper killer mafia mafioso mobster perpetrator pirate rapist robber smuggler thief
    trafficker narco-trafficker extortionist
    administration ambassador authority autocrat bureaucrat cabinet chancellery chancellor
    consul consulate despot dictator diplomat embassy emissary emperor envoy governor junta
    king mayor monarch politburo premier president presidium regime regulator ruler tyrant
    undersecretary
    doctor physician nurse medic surgeon midwife hospital
    blogger columnist correspondent journalist newspaper reporter tabloid
    admiral airman army battalion colonel commander commando corporal infantry lieutenant
    marines military navy paramilitary regiment reservist serviceman soldier troop
    warplane warship garrison
""".split())

# Last words that make a multiword Phoenix form an actor ("ministry of defence",
# "border patrol agent", "rebel group"), besides the one-word roles.
ORG_HEADS = frozenset("""
    ministry minister agency bureau department council court committee commission force
    forces group movement party front alliance coalition union federation association
    organization organisation leadership wing unit squad band service authority assembly
    police guard patrol official officer agent leader member representative delegation
    government chamber house duma commons councillors deputies representatives people
    persons family men man woman women person chief head director secretary speaker editor
    commander president
""".split())

# Words before which the head noun of a form ends: "minister of defence", "ambassador for".
HEAD_PREPOSITIONS = frozenset("of for in".split())
# Heads of government offices, whatever the policy field's code ("!MINIST! OF_ENVIRONMENT [~ENV]").
GOV_HEADS = frozenset("minister ministry department".split())
# Religion codes: a religion word before a role ("muslim militant") does not make it REL.
RELIGION_CODES = frozenset("MUS CHR JEW HIN BUD REL".split())
# Phoenix rows left out on purpose: names of international bodies (actors.tsv has them),
# coordinations, PLOVER disagreements ("unknown gunmen" are UAF, not REB; migrants are no
# criminals; a green party is a party).
DROP = frozenset(f.strip() for f in """
    security council|general assembly|green party|environmental protection agency|
    unidentified gunman|illegal immigrant|illegal migrant|students and professor|
    students and teacher|government troops and police|government employer|islamist group|
    islamic extremist group|self defence force|self defense force|self-defence force|
    self-dfense force|self-defense force
""".split("|"))

SKIP_CODES = frozenset("RAD PPL DEV IGO IMG".split())
TRAILING_WORDS = frozenset("of for to at in on from with and the".split())
LINE = re.compile(r"^(?P<form>[^\[{#]+?)\s*(\{[^}]*\}\s*)?\[(?P<code>[^\]}]*)[\]}]")
GROUP_HEADS = frozenset("""
    farmer peasant rancher sharecropper herdsman fisherman civilian villager resident voter
    settler immigrant migrant landowner shopkeeper mourner townspeople onlooker passenger
    tourist noncombatant non-combatant pupil student teacher employee laborer worker
    defector dissenter mutineer protester demonstrator rioter picketer detainee guerilla
    guerrilla insurgent insurrectionist rebel separatist refugee returnee assailant
    combatant fighter gunman gunmen militant militiaman militiamen mercenary terrorist
    marauder bandit brigand criminal gangster kidnapper kidnaper smuggler trafficker
    pirate robber thief troop soldier marines serviceman reservist airman warplane warship
    forces people persons men women family citizen
""".split())
BODY_HEADS = frozenset("""
    ministry agency bureau department council court committee commission force group
    movement party front alliance coalition union federation association organization
    organisation leadership wing unit squad band service authority assembly police guard
    patrol government chamber house duma commons administration cabinet chancellery
    consulate embassy junta politburo presidium regime army battalion regiment garrison
    infantry navy military militia paramilitary company corporation conglomerate cartel
    gang mafia diocese archdiocese hospital newspaper tabloid university tribunal judiciary
    procuratorate congress legislature parliament senate gendarmery gendarmerie electorate
    office
""".split())


def sector_of(code: str) -> str | None:
    """The PLOVER sector of a CAMEO agent code ("~GOVMIL" -> GOV, "~MED" -> JRN), or None."""
    code = code.strip().strip("~").strip()
    if not code or code[:3] in SKIP_CODES:
        return None
    return CAMEO_TO_PLOVER.get(code) or CAMEO_TO_PLOVER.get(code[:3])


def expand(form: str, subst: dict[str, list[str]]) -> list[str]:
    """Phoenix forms with substitution sets, lower-cased, underscores as spaces."""
    forms = [form]
    for name, values in subst.items():
        forms = [f.replace(name, v) for f in forms for v in values] if any(name in f for f in forms) else forms
    out = []
    for f in forms:
        f = re.sub(r"\s+", " ", f.replace("_", " ")).strip().lower()
        out.append(f)
    return out


def parse_agents(text: str) -> list[tuple[str, str]]:
    """(form, CAMEO code) of every dictionary line; substitution sets expanded (singulars)."""
    subst: dict[str, list[str]] = {}
    rows = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:  # "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON": keep the singular lemmas
            values = [v.strip() for v in m.group(2).split(",")]
            subst[m.group(1)] = [v for v in values if v not in ("MEN", "WOMEN", "MINISTERS", "MINISTRIES")]
            continue
        m = LINE.match(line)
        if not m:
            continue
        raw_form = m.group("form").strip()
        if raw_form.endswith("_"):  # "LIBERATION_ARMY_": only the start of a name
            continue
        for form in expand(raw_form, subst):
            rows.append((form, m.group("code")))
    return rows


def _plural(word: str) -> str:
    if word.endswith(("s", "men", "people", "ry")):
        return word
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return word[:-1] + "ies"
    return word + "s"


def _label(form: str, kind: str) -> str:
    """The role label: the form, groups in the plural ("villagers", "prisoners of war")."""
    if kind != "group":
        return form
    words = form.split()
    n = _head_index(words)
    return " ".join(words[:n] + [_plural(words[n])] + words[n + 1:])


def _head_index(words: list[str]) -> int:
    for n, w in enumerate(words[1:], start=1):
        if w in HEAD_PREPOSITIONS:
            return n - 1
    return len(words) - 1


def head_of(words: list[str]) -> str:
    """The head noun: the last word, or the word before "of"/"for"/"in" ("minister of defence")."""
    return words[_head_index(words)]


def _kind(head: str, known: dict[str, tuple[str, str]]) -> str:
    if head in known:
        return known[head][1]
    if head in BODY_HEADS:
        return "body"
    if head in GROUP_HEADS:
        return "group"
    return "person"


def derive(agents_text: str, hand: dict[str, tuple[str, str]] | None = None,
           exclude: frozenset[str] = frozenset()) -> dict[str, tuple[str, str, str, str]]:
    """Derived rows by form: (form, sector, role label, kind). ``hand``: one-word hand rows,
    form -> (sector, kind); they are heads of multiword forms, and a multiword form whose
    head has its sector already ("buddhist monk", "minister of health") adds nothing.
    ``exclude``: forms left out (those of actors.tsv, which names them: "federation council")."""
    hand = hand or {}
    entries = [(f, sector_of(c), c) for f, c in parse_agents(agents_text)]
    entries = [(f, s, c) for f, s, c in entries if s is not None and f and f not in DROP and f not in exclude
               and not any(ch.isdigit() or ch in "./" for ch in f)
               and f.split()[0] not in TRAILING_WORDS and f.split()[-1] not in TRAILING_WORDS]
    out: dict[str, tuple[str, str, str, str]] = {}
    known = dict(hand)
    for form, sector, _code in entries:  # one-word forms first: they are heads of the others
        if " " in form or form not in KEEP_SINGLE or form in out:
            continue
        sector = "CVL" if form in PROTEST_HEADS else sector
        kind = _kind(form, {})
        out[form] = (form, sector, _label(form, kind), kind)
        known.setdefault(form, (sector, kind))
    for form, sector, code in entries:
        words = form.split()
        if len(words) == 1 or form in out:
            continue
        head = head_of(words)
        if head not in known and head not in ORG_HEADS and head not in KEEP_SINGLE:
            continue  # "intelligence information", "rebel base", "police post"
        religious = code.strip().strip("~")[:3] in RELIGION_CODES
        if religious and known.get(head, ("REL",))[0] != "REL":
            continue  # "muslim militant", "muslim doctor": the head noun says what they are
        if head in PROTEST_HEADS:
            sector = "CVL"
        elif head in GOV_HEADS and sector not in ("GOV", "MIL", "COP", "JUD", "LEG", "SPY"):
            sector = "GOV"  # "minister of environment" [~ENV]
        if head in known and (known[head][0] == sector or {known[head][0], sector} == {"REB", "UAF"}):
            continue  # nothing new; REB/UAF of a militant is the project's call, not the modifier's
        kind = _kind(head, known)
        out[form] = (form, sector, _label(form, kind), kind)
    return out


def read_roles(path: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        rows.append((cols[0], cols[1], cols[2], cols[3]))
    return rows


def actor_forms(path: Path = ACTORS) -> frozenset[str]:
    """The forms of actors.tsv (countries, organisations, named groups)."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(line.split("\t")[0] for line in lines if line and not line.startswith("#"))


def merge(current: list[tuple[str, str, str, str]], agents_text: str, exclude: frozenset[str] = frozenset()) -> str:
    """The roles.tsv text: hand rows (those the derivation would not produce) plus derived rows."""
    # One-word rows are heads of multiword forms; the derived ones are all in KEEP_SINGLE,
    # so taking them from the whole file gives the same heads as taking the hand rows only.
    # The one-word rows of the whole file are the heads the derivation needs: the derived
    # ones among them are what the derivation adds anyway, so this is the same as taking
    # the hand rows only, and rows equal to a derived row are the derived ones.
    derived = derive(agents_text, {r[0]: (r[1], r[3]) for r in current if " " not in r[0]}, exclude)
    hand = [r for r in current if derived.get(r[0]) != r]
    forms = {r[0] for r in hand}
    rows = hand + [r for f, r in derived.items() if f not in forms]
    rows.sort(key=lambda r: r[0])
    return "\n".join([HEADER, COMMENT, *("\t".join(r) for r in rows)]) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--agents", type=Path, default=AGENTS)
    ap.add_argument("--roles", type=Path, default=ROLES)
    ap.add_argument("--check", action="store_true", help="exit 1 if roles.tsv differs from what would be written")
    args = ap.parse_args(argv)
    if not args.agents.exists():
        print(f"{args.agents}: Phoenix agents file not found (pass --agents)", file=sys.stderr)
        return 2
    agents = args.agents.read_text(encoding="utf-8", errors="replace")
    text = merge(read_roles(args.roles), agents, actor_forms(args.roles.with_name("actors.tsv")))
    old = args.roles.read_text(encoding="utf-8")
    if args.check:
        if text != old:
            print(f"{args.roles}: not what scripts/derive_roles_en.py writes; run it", file=sys.stderr)
            return 1
        return 0
    args.roles.write_text(text, encoding="utf-8")
    n_old, n_new = old.count("\n"), text.count("\n")
    print(f"{args.roles}: {n_new} lines (was {n_old})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
