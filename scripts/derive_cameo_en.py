#!/usr/bin/env python3
"""Derive English trigger candidates from PETRARCH2's CAMEO verb dictionary.

Source: ``../shared/reference/petrarch2/CAMEO.2.0.txt`` (PETRARCH2, Open Event Data Alliance,
MIT licence; see its header). CAMEO codes are mapped to PLOVER through
``../shared/reference/CAMEO2PLOVER-2021.txt``, with the project's documented departures
(163 and 116 are SANCTION, see tests/test_triggers_en.py).

Conversion into Chronik's pattern format (head lemma first, the other lemmas following in
order; chronik/triggers.py):

* a verb line with a code of its own ("GRILL [110]"), or a verb in a block with a default code
  ("---  KILL   [190]  ---"), gives a single-verb candidate; "+CALL_OFF" gives "call off";
* a pattern line ("- * (INTO ALLEGATION)  [090]  # LOOK") gives the verb named in its
  comment (the verb the pattern was written for, not every synonym of the block) followed
  by the pattern's words: parentheses and braces are dropped, actor slots ($ + % ^) are
  dropped, synsets (&NAME) are expanded to their members, every word is lemmatised with
  simplemma.

Skipped, and counted on stderr (``--verbose`` lists every one): patterns with words before
the verb (a subject constraint Chronik's patterns cannot state), reverse-coded patterns
("[:173]": the subject is the one acted upon), codes "---" (no event) and CAMEO 01/02
(public statements and appeals, dropped by PLOVER), negated patterns ("NOT"), synsets that
expand to more than ``MAX_EXPANSION`` patterns.

Output (stdout): ``pattern<TAB>cameo<TAB>type<TAB>mode<TAB>context<TAB>origin`` sorted by
type and pattern; ``--new`` keeps only patterns not yet in chronik/lang/en/data/events;
``--check`` verifies that every entry in the lexicon's derived sections (after the line
``# derived: scripts/derive_cameo_en.py``) is a candidate with the same CAMEO code.

The output is a candidate pool, not a lexicon: the curated entries (reviewed for precision,
each with an example phrase written for it) live in chronik/lang/en/data/events/<TYPE>.tsv.
"""
from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import simplemma

ROOT = Path(__file__).resolve().parent.parent
EVENTS_DIR = ROOT / "chronik" / "lang" / "en" / "data" / "events"
DERIVED_MARK = "# derived: scripts/derive_cameo_en.py"
MAX_EXPANSION = 12
SLOTS = {"$", "+", "%", "^"}
NEGATIONS = {"NOT", "NO", "NEVER", "N'T"}
# the project's documented departures from CAMEO2PLOVER (tests/test_triggers_en.py DOCUMENTED)
OVERRIDES = {"163": ("SANCTION", "discontinue", "economic"), "116": ("SANCTION", "convict", "legal")}


@dataclass(frozen=True)
class Candidate:
    pattern: str
    cameo: str
    type: str
    mode: str
    context: str
    origin: str


def lemma(word: str) -> str:
    w = word.strip("_").lower()
    return simplemma.lemmatize(w, lang="en").lower()


def lemmas(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        out += [lemma(p) for p in w.split("_") if p]
    return out


def read_plover_table(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (type, mode, context); '08' is ambiguous and left out."""
    table: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*(.*)$", line)
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split("#")[0].split(",")]
        typ = fields[0]
        mode = fields[1] if len(fields) > 1 else ""
        ctx = ",".join(c.strip() for c in (fields[2] if len(fields) > 2 else "").split(";") if c.strip())
        if m.group(1) in table and len(m.group(1)) == 2:
            del table[m.group(1)]  # "08" heads two types
            continue
        table.setdefault(m.group(1), (typ, mode, ctx))
    return table


def plover(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str] | None:
    if code in OVERRIDES:
        return OVERRIDES[code]
    for k in (code, code[:3], code[:2]):
        if k in table:
            typ, mode, ctx = table[k]
            if k != code:  # a parent's mode/context does not describe the child
                mode, ctx = (mode if k == code[:3] else ""), (ctx if k == code[:3] else "")
            return typ, mode, ctx
    return None


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    syn: dict[str, list[str]] = {}
    name = None
    for line in lines:
        s = line.split("#")[0].strip()
        if s.startswith("&"):
            name = s
            syn[name] = []
        elif s.startswith("+") and name:
            syn[name].append(s[1:].strip())
        elif not s:
            continue
        else:
            name = None
    return syn


CODE_RE = re.compile(r"\[([^\]]*)\]")


def _code(text: str) -> str | None:
    m = CODE_RE.search(text)
    return m.group(1).strip() if m else None


def derive(shared: Path, skipped: Counter, notes: list[str]) -> list[Candidate]:
    ref = shared / "reference"
    table = read_plover_table(ref / "CAMEO2PLOVER-2021.txt")
    lines = (ref / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS"))
    end = next((i for i, l in enumerate(lines) if l.startswith("######## TRANSFORMATIONS")), len(lines))
    synsets = read_synsets(lines[:start])
    out: dict[tuple[str, str], Candidate] = {}

    def emit(words: list[str], code: str | None, origin: str) -> None:
        if not code or code.startswith("---"):
            skipped["no event code"] += 1
            return
        first = code.split(":")[0].strip()
        if not first:
            skipped["reverse-coded (subject is acted upon)"] += 1
            notes.append(f"reverse-coded: {origin}")
            return
        if first[:2] in ("01", "02"):
            skipped["CAMEO 01/02 (dropped by PLOVER)"] += 1
            return
        p = plover(first, table)
        if p is None:
            skipped["code not in CAMEO2PLOVER"] += 1
            notes.append(f"unmapped code {first}: {origin}")
            return
        pattern = " ".join(words)
        if not re.fullmatch(r"[a-z][a-z'-]*( [a-z][a-z'-]*)*", pattern):
            skipped["not a word sequence"] += 1
            notes.append(f"not words: {pattern!r} {origin}")
            return
        out.setdefault((pattern, first), Candidate(pattern, first, *p, origin))

    block_code: str | None = None
    verbs: dict[str, list[list[str]]] = {}  # verb (upper, '_' joined) -> its lemmas, then those of irregular forms
    first_verb: list[str] = []
    for raw in lines[start + 1:end]:
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("---"):
            block_code = _code(line)
            if block_code == "---":
                block_code = None
            verbs, first_verb = {}, []
            continue
        body, _, comment = line.partition("#")
        if not line.startswith("-"):  # a verb line: VERB {FORMS} [code]
            m = re.match(r"^\+?([A-Z][A-Z'_-]*)", body.strip())
            if not m:
                skipped["unreadable verb line"] += 1
                continue
            form = m.group(1)
            lem = lemmas([form])
            # irregular forms the lemmatiser leaves alone ("BROKE", "BROKE_UP"): patterns get them too
            forms = re.search(r"\{([^}]*)\}", body)
            variants = [lem] + [v for f in (forms.group(1).split() if forms else [])
                                if (v := lemmas([f.lstrip("+")])) != lem and len(v) == len(lem)]
            verbs[form] = [v for k, v in enumerate(variants) if v not in variants[:k]]
            if not first_verb:
                first_verb = lem
            code = _code(body) or block_code
            if code:
                for v in verbs[form]:
                    emit(v, code, f"verb {form} [{code}]")
            continue
        # a pattern line
        code = _code(body)
        pat = CODE_RE.sub("", body[1:]).strip()
        toks = re.findall(r"[*$+%^]|&[A-Z_]+|[A-Z][A-Z0-9'_.-]*", pat.replace("{", " ").replace("}", " ")
                          .replace("(", " ").replace(")", " "))
        if "*" not in toks:
            skipped["no verb position"] += 1
            continue
        star = toks.index("*")
        if any(t not in SLOTS for t in toks[:star]):
            skipped["words before the verb"] += 1
            continue
        after = [t for t in toks[star + 1:] if t not in SLOTS]
        if any(t in NEGATIONS for t in after):
            skipped["negated"] += 1
            continue
        verb_name = comment.strip().split()[0] if comment.strip() else ""
        verb = lemmas([verb_name]) if re.fullmatch(r"[A-Z][A-Z'_-]*", verb_name) else first_verb
        if not verb:
            skipped["no verb"] += 1
            continue
        variants = next((vs for vs in verbs.values() if vs[0] == verb), [verb])
        options: list[list[str]] = []
        for t in after:
            if t.startswith("&"):
                members = synsets.get(t, [])
                if not members:
                    options = []
                    break
                options.append(members)
            else:
                options.append([t])
        if not options and after:
            skipped["unknown synset"] += 1
            continue
        combos = list(itertools.product(*options)) if options else [()]
        if len(combos) > MAX_EXPANSION:
            skipped[f"synset expansion > {MAX_EXPANSION}"] += 1
            notes.append(f"too many expansions ({len(combos)}): {line.strip()}")
            continue
        for combo in combos:
            for v in variants:
                emit(v + lemmas(list(combo)), code, f"{'_'.join(verb).upper()}: {pat}")
    return sorted(out.values(), key=lambda c: (c.type, c.pattern, c.cameo))


def lexicon() -> dict[str, tuple[str, str, bool]]:
    """pattern -> (type, cameo, in a derived section) for every lexicon entry."""
    found: dict[str, tuple[str, str, bool]] = {}
    for path in sorted(EVENTS_DIR.glob("*.tsv")):
        derived = False
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(DERIVED_MARK):
                derived = True
            if n == 1 or not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            found[cols[0]] = (path.stem, cols[1], derived)
    return found


def _covers(entry: str, candidate: str) -> bool:
    """The entry is the candidate, or the candidate with some words cut to a prefix ("cancel*")."""
    a, b = entry.split(), candidate.split()
    return len(a) == len(b) and all(x == y or x.endswith("*") and y.startswith(x[:-1]) for x, y in zip(a, b))


def check(cands: list[Candidate]) -> list[str]:
    """Problems: derived-section entries that are not candidates with that type and code."""
    by_head: dict[tuple[str, str, str], list[str]] = {}
    for c in cands:
        by_head.setdefault((c.pattern.split()[0][:4], c.cameo, c.type), []).append(c.pattern)
    return [f"{typ}.tsv: {pat!r} [{code}] is not derived from CAMEO.2.0"
            for pat, (typ, code, derived) in lexicon().items()
            if derived and not any(_covers(pat, c) for c in by_head.get((pat.split()[0][:4], code, typ), ()))]


def concordance(cands: list[Candidate], corpus: Path, limit: int = 2) -> dict[str, tuple[int, list[str]]]:
    """pattern -> (sentences it matches in a JSON Lines corpus, the first ``limit`` of them): how often
    a candidate fires in real news and what it means there, for the precision review."""
    import json

    by_word: dict[str, list[str]] = {}
    for c in cands:
        by_word.setdefault(c.pattern.split()[0], []).append(c.pattern)
    hits: dict[str, tuple[int, list[str]]] = {}
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text", "")
            for sent in re.split(r"(?<=[.!?])\s+|\n+", text):
                toks = simplemma.simple_tokenizer(sent)
                lems = [lemma(t) for t in toks]
                for head in set(lems) & by_word.keys():
                    for pat in by_word[head]:
                        if _matches(pat.split(), lems):
                            n, ex = hits.get(pat, (0, []))
                            hits[pat] = (n + 1, ex + [sent.strip()[:160]] if len(ex) < limit else ex)
    return hits


def _matches(pats: list[str], lems: list[str], gap: int = 4) -> bool:
    """The pattern's lemmas in order, each at most ``gap`` tokens after the previous (as the tests check)."""
    def from_(pi: int, start: int, stop: int) -> bool:
        if pi == len(pats):
            return True
        return any(lems[j] == pats[pi] and from_(pi + 1, j + 1, j + 1 + gap) for j in range(start, min(len(lems), stop)))
    return from_(0, 0, len(lems))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder with reference/")
    ap.add_argument("--new", action="store_true", help="only patterns not yet in the lexicon")
    ap.add_argument("--type", help="only candidates of this PLOVER type")
    ap.add_argument("--check", action="store_true", help="verify the lexicon's derived sections")
    ap.add_argument("--verbose", action="store_true", help="list every skipped pattern on stderr")
    ap.add_argument("--concordance", metavar="JSONL", help="add how often (and where) each candidate fires in a corpus")
    args = ap.parse_args()
    skipped: Counter = Counter()
    notes: list[str] = []
    cands = derive(Path(args.shared), skipped, notes)
    if args.check:
        problems = check(cands)
        for p in problems:
            print(p, file=sys.stderr)
        print(f"derive_cameo_en: {len(problems)} derived entries not in the derivation", file=sys.stderr)
        return 1 if problems else 0
    have = lexicon()
    cands = [c for c in cands if not (args.new and c.pattern in have or args.type and c.type != args.type)]
    conc = concordance(cands, Path(args.concordance)) if args.concordance else {}
    for c in cands:
        row = [c.pattern, c.cameo, c.type, c.mode, c.context, c.origin]
        if args.concordance:
            n, ex = conc.get(c.pattern, (0, []))
            row += [str(n), " | ".join(ex)]
        print("\t".join(row))
    print(f"derive_cameo_en: {len(cands)} candidates; skipped:", file=sys.stderr)
    for why, n in skipped.most_common():
        print(f"  {n:6d}  {why}", file=sys.stderr)
    if args.verbose:
        for n in notes:
            print(f"  {n}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
