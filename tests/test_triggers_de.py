"""German event trigger lexicons: chronik/lang/de/data/events/<TYPE>.tsv.

Checks the format (header, columns, CAMEO code vs. PLOVER type, modes, contexts),
that every entry's example phrase (the note before " -- ") is matched by its own
pattern after Chronik's German tokenizer, and that real news phrases pick the
intended type through the real matcher (longest pattern wins).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronik.lang.de import LANGUAGE
from chronik.triggers import PLOVER_TYPES, Lexicon

from .plover_vocab import CONTEXTS, MODES

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "chronik" / "lang" / "de" / "data" / "events"
CAMEO2PLOVER = ROOT.parent / "shared" / "reference" / "CAMEO2PLOVER-2021.txt"
HEADER = "# pattern\tcameo\tmode\tcontext\tnote"
WINDOW = 6  # settings.cfg trigger_window_de

# CAMEO code prefix -> PLOVER type(s), from CAMEO2PLOVER-2021 (longest prefix wins).
CAMEO_TYPES: dict[str, set[str]] = {
    "03": {"AGREE"}, "04": {"CONSULT"}, "05": {"SUPPORT"}, "06": {"COOPERATE"}, "07": {"AID"},
    "08": {"CONCEDE"}, "084": {"RETREAT"}, "085": {"RETREAT"}, "086": {"RETREAT"}, "087": {"RETREAT"},
    "0813": {"RETREAT"}, "0814": {"RETREAT"},
    "09": {"ACCUSE"}, "10": {"REQUEST"}, "11": {"ACCUSE"}, "12": {"REJECT"}, "13": {"THREATEN"},
    "14": {"PROTEST"}, "15": {"MOBILIZE"}, "16": {"SANCTION"}, "163": {"COERCE"},
    "17": {"COERCE"}, "1712": {"ASSAULT"}, "175": {"ASSAULT"},
    "18": {"ASSAULT"}, "19": {"ASSAULT"}, "191": {"COERCE"}, "192": {"COERCE"}, "20": {"ASSAULT"},
}
# Where the PLOVER manual's text overrides the 2021 table, the lexicons follow the manual
# and keep the CAMEO code (GDELT compatibility):
MANUAL_OVERRIDES: dict[str, set[str]] = {
    "163": {"SANCTION"},  # "International (political or economic) sanctions are coded as 'discontinue'"
    "116": {"SANCTION"},  # SANCTION mode convict: "found guilty ... in a court of law"
    "055": {"CONCEDE"},  # "Expressions of regret or remorse ... should be coded as CONCEDE"
    "0871": {"CONCEDE"},  # CONCEDE covers "declarations (but not implementations) of ceasefires"
    "0831": {"RETREAT"},  # "RETREAT also covers resignations of government officials"
}

PATTERN_WORD = re.compile(r"^[a-zäöüß]+\*?$")


def load(t: str) -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in enumerate((EVENTS / f"{t}.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if n == 1 or not line.strip() or line.startswith("#"):
            continue
        rows.append((n, line.split("\t")))
    return rows


ALL = [(t, n, r) for t in PLOVER_TYPES for n, r in load(t)]


def cameo_types(code: str) -> set[str]:
    """PLOVER types a CAMEO code may be filed under: the table's, plus the manual's override."""
    extra = MANUAL_OVERRIDES.get(code, set())
    for k in range(len(code), 1, -1):
        if code[:k] in CAMEO_TYPES:
            return CAMEO_TYPES[code[:k]] | extra
    return set(extra)


def tokens(text: str):
    toks = LANGUAGE.tokenize(text)
    LANGUAGE.post_tokens(toks)
    return toks


def _ok(lemma: str, w: str) -> bool:
    return lemma.startswith(w[:-1]) if w.endswith("*") else lemma == w


def covers(pattern: str, toks) -> bool:
    """The documented German semantics: head exact, by prefix, or (capitalised noun,
    pattern >= 5 letters) as a compound's end; the other words exact or by prefix
    anywhere within WINDOW tokens of the head."""
    words = pattern.casefold().split()
    head = words[0]
    for i, tok in enumerate(toks):
        if tok.pos == "PART" or not tok.text[:1].isalpha():
            continue
        compound = tok.text[:1].isupper() and not head.endswith("*") and len(head) >= 5 and tok.lemma.endswith(head)
        if not (_ok(tok.lemma, head) or compound):
            continue
        lo, hi = max(0, i - WINDOW), min(len(toks), i + WINDOW + 1)
        used = {i}
        for w in words[1:]:
            k = next((j for j in range(lo, hi) if j not in used and _ok(toks[j].lemma, w)), None)
            if k is None:
                break
            used.add(k)
        else:
            return True
    return False


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon("de", WINDOW)


# ------------------------------------------------------------------------- format
@pytest.mark.parametrize("t", PLOVER_TYPES)
def test_file_header_and_size(t):
    lines = (EVENTS / f"{t}.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == HEADER
    assert 15 <= len(load(t)), f"{t}: too few entries"


@pytest.mark.parametrize("t,n,row", ALL, ids=[f"{t}:{r[0]}" for t, _, r in ALL])
def test_row(t, n, row):
    assert len(row) == 5, f"{t}.tsv:{n}: {len(row)} columns"
    pattern, cameo, mode, context, note = row
    assert pattern == pattern.lower() == pattern.strip()
    assert all(PATTERN_WORD.match(w) for w in pattern.split()), pattern
    assert re.fullmatch(r"\d{2,4}", cameo), cameo
    assert t in cameo_types(cameo), f"{t}.tsv:{n}: CAMEO {cameo} is {cameo_types(cameo)}"
    if mode:
        assert mode in MODES.get(t, set()), f"{t}.tsv:{n}: mode {mode!r} not a {t} mode"
    for c in filter(None, context.split(",")):
        assert c.strip() in CONTEXTS, c
    assert note.strip(), "every entry needs an example"


def test_no_duplicate_patterns():
    seen: dict[str, str] = {}
    for t, n, row in ALL:
        key = row[0].casefold()  # the loader casefolds: ß == ss
        assert key not in seen, f"{row[0]!r} in {t} and {seen[key]}"
        seen[key] = f"{t}:{n}"


def test_cameo_table_agrees():
    """The prefix dict above reproduces CAMEO2PLOVER-2021 for every code it lists."""
    if not CAMEO2PLOVER.exists():
        pytest.skip("../shared not beside the checkout")
    for line in CAMEO2PLOVER.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
        if m:
            code, typ = m.groups()
            got = set()
            for k in range(len(code), 1, -1):
                if code[:k] in CAMEO_TYPES:
                    got = CAMEO_TYPES[code[:k]]
                    break
            assert typ in got, f"{code}: table {typ}, dict {got}"


# ------------------------------------------------------------------ examples match
@pytest.mark.parametrize("t,n,row", ALL, ids=[f"{t}:{r[0]}" for t, _, r in ALL])
def test_example_matches_own_pattern(t, n, row):
    example = row[4].split(" -- ")[0]
    toks = tokens(example)
    assert covers(row[0], toks), f"{row[0]!r} vs {[(x.text, x.lemma) for x in toks]}"


def test_lexicon_loads(lex):
    assert sum(len(v) for v in lex.by_head.values()) + len(lex.star_heads) == len(ALL)


# -------------------------------------------------------------- real news phrases
SPOT = [
    ("Der Präsident forderte einen sofortigen Waffenstillstand.", "REQUEST", "waffenstillstand fordern"),
    ("Die EU äußerte sich besorgt über die Lage in Bergkarabach.", "ACCUSE", "besorgt äußern"),
    ("Washington hat sich besorgt über die Entwicklung geäußert.", "ACCUSE", "besorgt äußern"),
    ("Die USA verhängten neue Sanktionen gegen Russland.", "SANCTION", "sanktion verhängen"),
    ("Die Polizei nahm am Samstag zwei Aktivisten fest.", "COERCE", "festnehmen"),
    ("Am 19. September rief US-Außenminister Antony Blinken Präsident Aliyev an.", "CONSULT", "anrufen"),
    ("Blinken telefonierte am Dienstag mit Paschinjan.", "CONSULT", "telefonieren"),
    ("Scholz traf sich in Paris mit Macron.", "CONSULT", "treffen"),
    ("Der Außenminister besuchte am Montag Kiew.", "CONSULT", "besuchen"),
    ("Beide Seiten führten Gespräche über den Friedensprozess.", "CONSULT", "gespräch führen"),
    ("Aserbaidschan warf Armenien Provokationen vor.", "ACCUSE", "vorwerfen"),
    ("Baku beschuldigte Eriwan, den Waffenstillstand verletzt zu haben.", "ACCUSE", "beschuldigen"),
    ("Die Bundesregierung verurteilte den Anschlag scharf.", "ACCUSE", "verurteilen"),
    ("Das Gericht verurteilte den Journalisten zu zehn Jahren Haft.", "SANCTION", None),
    ("Ein Gericht in Moskau verurteilte ihn zu einer Haftstrafe.", "SANCTION", "haftstrafe verurteilen"),
    ("Er wurde zu einer Freiheitsstrafe verurteilt.", "SANCTION", "strafe verurteilen"),
    ("Das Außenministerium bestellte den russischen Botschafter ein.", "ACCUSE", "einbestellen"),
    ("Die Staatsanwaltschaft leitete Ermittlungen gegen den Ex-Präsidenten ein.", "ACCUSE", None),
    ("Soldaten eröffneten das Feuer auf die Demonstranten.", "ASSAULT", "feuer eröffnen"),
    ("Die Armee beschoss in der Nacht mehrere Dörfer.", "ASSAULT", None),
    ("Die Luftwaffe bombardierte Stellungen der Rebellen.", "ASSAULT", "bombardieren"),
    ("Bei einem Luftangriff wurden zwölf Menschen getötet.", "ASSAULT", None),
    ("Bei einem Selbstmordanschlag in Kabul starben 20 Menschen.", "ASSAULT", "selbstmordanschlag"),
    ("Bewaffnete entführten zwei Journalisten.", "ASSAULT", None),
    ("Tausende demonstrierten in Eriwan gegen die Regierung.", "PROTEST", "demonstrieren"),
    ("Die Gewerkschaften riefen zu einem Generalstreik auf.", "PROTEST", "streik"),
    ("Russland zog seine Truppen aus der Region ab.", "RETREAT", "abziehen"),
    ("Der Regierungschef trat am Montag zurück.", "RETREAT", "zurücktreten"),
    ("Die Hamas ließ drei Geiseln frei.", "RETREAT", "geisel freilassen"),
    ("Die Regierung hob die Ausgangssperre auf.", "RETREAT", "ausgangssperre aufheben"),
    ("Die Behörden verhängten eine nächtliche Ausgangssperre.", "COERCE", "ausgangssperre verhängen"),
    ("Baku lehnte den Vorschlag ab.", "REJECT", "ablehnen"),
    ("Der Kreml wies die Vorwürfe entschieden zurück.", "REJECT", "zurückweisen"),
    ("Teheran drohte mit Vergeltung.", "THREATEN", None),
    ("Nordkorea versetzte seine Streitkräfte in Alarmbereitschaft.", "MOBILIZE", None),
    ("Moskau verlegte Truppen an die Grenze.", "MOBILIZE", "truppe verlegen"),
    ("Moskau wies zwei deutsche Diplomaten aus.", "SANCTION", "diplomat ausweisen"),
    ("Kiew brach die diplomatischen Beziehungen zu Moskau ab.", "SANCTION", "beziehung abbr*"),
    ("Beide Seiten unterzeichneten ein Abkommen über die Zusammenarbeit.", "SUPPORT", "abkommen unterzeichnen"),
    ("Die Kanzlerin begrüßte die Einigung.", "SUPPORT", "begrüßen"),
    ("Armenien erklärte sich zu Gesprächen bereit.", "AGREE", None),
    ("Ankara bot an, im Konflikt zu vermitteln.", "AGREE", "anbieten vermitteln"),
    ("Der UN-Generalsekretär rief beide Seiten zur Zurückhaltung auf.", "REQUEST", "zurückhaltung aufrufen"),
    ("Die Ukraine bat um militärische Hilfe.", "REQUEST", "hilfe bitten"),
    ("Deutschland lieferte Hilfsgüter in das Erdbebengebiet.", "AID", "liefern hilfsgut"),
    ("Schweden gewährte dem Dissidenten Asyl.", "AID", "asyl gewähren"),
    ("Die Regierung lockerte die Beschränkungen für die Presse.", "CONCEDE", "lockern"),
    ("Der Präsident begnadigte mehrere Oppositionelle.", "CONCEDE", "begnadigen"),
    ("Die beiden Länder wollen bei der Terrorabwehr zusammenarbeiten.", "COOPERATE", "zusammenarbeiten"),
    ("Sicherheitskräfte beschlagnahmten Waffen und Munition.", "COERCE", "beschlagnahmen"),
    ("Die Polizei setzte Tränengas gegen die Demonstranten ein.", "ASSAULT", "tränengas"),
    ("Unterstützer der Regierung schlugen mit Knüppeln auf Demonstranten ein.", "ASSAULT", None),
    ("Spezialeinheiten lösten die Versammlung auf.", "COERCE", "versammlung auflösen"),
    ("Damals schlug die Armee die Proteste nieder.", "ASSAULT", "niederschlagen"),
]


@pytest.mark.parametrize("text,typ,pattern", SPOT, ids=[s[0][:40] for s in SPOT])
def test_spot(lex, text, typ, pattern):
    matches = lex.match(tokens(text))
    got = [(m.trigger.type, " ".join(m.trigger.words)) for m in matches]
    assert any(t == typ and (pattern is None or p == pattern.casefold()) for t, p in got), got


def test_spot_particle_after_initial_article(lex):
    test_spot(lex, "Die Türkei rief den Präsidenten an.", "CONSULT", "anrufen")


NONE = [
    "Er sagte, das Wetter sei gut.",
    "Der Präsident erklärte am Montag in Berlin, man sehe die Lage gelassen.",
    "Im Wahlkampf sprach der Kandidat über Steuern.",  # no bare "kampf" trigger
    "Die Zahl der Einwohner stieg im vergangenen Jahr.",
    "Die Vereinigung der Mönche hat ihren Sitz in Rangun.",  # no bare "einigung" (compound rule)
    "Reporter bestätigten die Darstellung der Demonstranten.",  # actor nouns are no triggers
]


@pytest.mark.parametrize("text", NONE)
def test_no_trigger(lex, text):
    assert lex.match(tokens(text)) == []
