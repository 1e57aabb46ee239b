"""Checks for the English event trigger lexicons (chronik/lang/en/data/events/<TYPE>.tsv).

Each file: header ``# pattern<TAB>cameo<TAB>mode<TAB>context<TAB>note``, one entry a line.
``pattern`` is a sequence of lower-case simplemma lemmas (first token = head, the others
follow in order, at most ``MAX_GAP`` tokens after the previous one; ``x*`` = prefix).
``note`` is an example phrase, optionally followed by `` // comment``; every example must
be matched by its own pattern after lemmatisation, so the notes double as tests.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import simplemma

from .plover_vocab import CONTEXTS, MODES

EVENTS_DIR = Path(__file__).resolve().parents[1] / "chronik" / "lang" / "en" / "data" / "events"
HEADER = "# pattern\tcameo\tmode\tcontext\tnote"
MAX_GAP = 4  # a non-head token may sit at most 4 tokens after the previous matched one

TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]

# CAMEO root (2 digits) -> PLOVER types, after reference/CAMEO2PLOVER-2021.txt
ROOTS = {
    "03": {"AGREE"}, "04": {"CONSULT"}, "05": {"SUPPORT"}, "06": {"COOPERATE"}, "07": {"AID"},
    "08": {"CONCEDE", "RETREAT"}, "09": {"ACCUSE"}, "10": {"REQUEST"}, "11": {"ACCUSE"},
    "12": {"REJECT"}, "13": {"THREATEN"}, "14": {"PROTEST"}, "15": {"MOBILIZE"},
    "16": {"SANCTION"}, "17": {"COERCE"}, "18": {"ASSAULT"}, "19": {"ASSAULT"}, "20": {"ASSAULT"},
}
# codes the table files elsewhere than their root says (exact code -> type)
TABLE_EXCEPTIONS = {
    "081": "CONCEDE", "082": "CONCEDE", "083": "CONCEDE", "084": "RETREAT", "085": "RETREAT",
    "086": "RETREAT", "087": "RETREAT", "163": "COERCE", "1712": "ASSAULT", "175": "ASSAULT",
    "191": "COERCE", "192": "COERCE", "201": "ASSAULT",
}
# deliberate departures from the table, each explained in the entries' notes
DOCUMENTED = {
    ("SANCTION", "163"),  # manual: international sanctions are SANCTION discontinue
    ("SANCTION", "116"),  # manual: SANCTION convict mode (table files 116 under ACCUSE)
}



TOKEN_RE = re.compile(r"^[a-z][a-z'-]*\*?$")


def load(type_: str) -> list[tuple[int, list[str]]]:
    path = EVENTS_DIR / f"{type_}.tsv"
    rows = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if n == 1 or not line.strip() or line.startswith("#"):
                continue
            rows.append((n, line.split("\t")))
    return rows


def lemmas(text: str) -> list[str]:
    return [simplemma.lemmatize(t.lower(), lang="en").lower()
            for t in simplemma.simple_tokenizer(text)]


def tok_match(pat: str, lemma: str) -> bool:
    return lemma.startswith(pat[:-1]) if pat.endswith("*") else lemma == pat


def matches(pattern: str, text: str) -> bool:
    """True if the pattern's tokens occur in order in the lemmatised text, each at most
    MAX_GAP tokens after the previous one."""
    pats = pattern.split()
    lems = lemmas(text)

    def from_(pi: int, start: int, limit: int) -> bool:
        if pi == len(pats):
            return True
        for j in range(start, min(len(lems), limit)):
            if tok_match(pats[pi], lems[j]) and from_(pi + 1, j + 1, j + 1 + MAX_GAP):
                return True
        return False

    return from_(0, 0, len(lems))


ALL = {t: load(t) for t in TYPES}
ENTRIES = [(t, n, cols) for t in TYPES for n, cols in ALL[t]]


def _id(e):
    return f"{e[0]}:{e[1]}:{e[2][0] if e[2] else ''}"


@pytest.mark.parametrize("type_", TYPES)
def test_en_triggers_file_has_header_and_entries(type_):
    path = EVENTS_DIR / f"{type_}.tsv"
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == HEADER
    assert 20 <= len(ALL[type_]) <= 400


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_en_triggers_entry_is_well_formed(entry):
    type_, n, cols = entry
    assert len(cols) == 5, f"{type_}.tsv line {n}: {len(cols)} columns"
    pattern, cameo, mode, context, note = cols
    assert pattern == pattern.strip() and pattern == pattern.lower()
    assert all(TOKEN_RE.match(tok) for tok in pattern.split()), pattern
    assert re.fullmatch(r"\d{2,4}", cameo), cameo
    if (type_, cameo) not in DOCUMENTED:
        expected = TABLE_EXCEPTIONS.get(cameo) or TABLE_EXCEPTIONS.get(cameo[:3])
        allowed = {expected} if expected else ROOTS.get(cameo[:2], set())
        assert type_ in allowed, f"CAMEO {cameo} is not {type_} in CAMEO2PLOVER"
    assert mode == "" or mode in MODES[type_], f"mode {mode!r} not allowed for {type_}"
    for c in filter(None, context.split(",")):
        assert c in CONTEXTS, c
    assert note.strip(), "note (example phrase) is required"


@pytest.mark.parametrize("entry", ENTRIES, ids=_id)
def test_en_triggers_note_example_matches_pattern(entry):
    type_, n, cols = entry
    pattern, note = cols[0], cols[4]
    example = note.split("//")[0].strip()
    assert matches(pattern, example), f"{type_}.tsv line {n}: {pattern!r} !~ {lemmas(example)}"


def test_en_triggers_patterns_unique():
    seen: dict[str, str] = {}
    for type_, n, cols in ENTRIES:
        key = cols[0]
        assert key not in seen, f"{key!r} in {seen.get(key)} and {type_}:{n}"
        seen[key] = f"{type_}:{n}"


@pytest.mark.parametrize(
    "type_,pattern,phrase",
    [
        ("REQUEST", "call for", "Blinken called for a ceasefire"),
        ("REQUEST", "call on", "The EU called urgently on Baku to stop"),
        ("ASSAULT", "open fire", "Soldiers opened fire on protesters"),
        ("SANCTION", "broke off relation", "Morocco broke off relations with Iran"),
        ("SANCTION", "break off relation", "They will break off diplomatic relations"),
        ("COERCE", "take custody", "Police took them into custody"),
        ("ACCUSE", "express concern", "The minister expressed concern"),
        ("AGREE", "agree to meet", "Iran has agreed to meet the mediator"),
        ("CONSULT", "speak by phone", "The two presidents spoke by phone on Monday"),
        ("MOBILIZE", "put on alert", "The army put its troops on high alert"),
        ("PROTEST", "take to street", "Thousands took to the streets of Tbilisi"),
        ("RETREAT", "pull out", "Troops pulled their forces out of the town"),
        ("THREATEN", "threaten to break", "Ankara threatened to break off ties"),
        ("ASSAULT", "air strike", "Air strikes hit the town"),
        ("ASSAULT", "airstrike", "An air-strike hit the town"),
    ],
)
def test_en_triggers_real_phrases(type_, pattern, phrase):
    patterns = {cols[0] for _, cols in ALL[type_]}
    assert pattern in patterns
    assert matches(pattern, phrase)


@pytest.mark.parametrize(
    "phrase,pattern",
    [
        ("He said in March that", "march against"),
        ("They held talks with reporters", "hold dialogue"),
        ("in order to leave", "order to appear"),
    ],
)
def test_en_triggers_do_not_overmatch(phrase, pattern):
    assert not matches(pattern, phrase)


def test_en_triggers_ambiguous_lemmas_only_in_multiwords():
    """Single-word entries for lemmas that fire on non-events must not exist."""
    singles = {cols[0] for _, _, cols in ENTRIES if " " not in cols[0]}
    for lemma in ("call", "say", "take", "make", "hold", "give", "march", "fire", "free",
                  "release", "order", "strike", "back", "decline", "left", "press", "seek"):
        assert lemma not in singles, lemma
