"""Mentions -> resolved actors, one entity per person/organisation across a document.

Three steps per sentence:

1. *atoms*: gazetteer hits (countries, demonyms, capitals, organisations, groups),
   role nouns (also inside German compounds), known people (KB), unknown names,
   pronouns and first-person possessives ("unsere Armee");
2. *phrases*: atoms that form one noun phrase are combined by the rules in
   :data:`ATTACH_RULES` ("den Präsidenten der Republik Aserbaidschan Ilham Aliyev" is
   one actor: AZE, GOV, Ilham Aliyev);
3. *entities*: spelling variants and surnames merge with the full name; role nouns
   and pronouns corefer to the most recent compatible person ("Das Staatsoberhaupt").
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import IO

import simplemma

from .context import ContextMixin, _capitalised
from .coref import CorefMixin
from .gazetteer import MAX_PHRASE, Entry, Gazetteer, compound_prefix, get_gazetteer
from .kb import default_kb, normalise
from .lang import get_grammar
from .model import Actor, Document, Mention, Sentence, Token
from .outlets import outlet_country

# Words that may link a role to the country it belongs to: "Präsident der Republik
# Aserbaidschan", "President of Azerbaijan", "Iran's foreign minister".
GENITIVE_LINK = {
    "de": {"der", "des", "von", "vom", "republik", "islamischen", "bundesrepublik", "föderation", "königreich", "staates", "volksrepublik", "arabischen", "vereinigten"},
    "en": {"of", "for", "the", "republic", "'s", "’s", "islamic", "people's", "federal", "kingdom"},
}
# Words that never sit inside a name phrase.
STOP = {
    "de": {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "sowie", "mit", "von", "vom", "zu", "zum", "zur", "im", "in", "am", "an", "auf", "für", "gegen", "bei", "nach", "aus", "über", "hat", "haben", "hatte", "ist", "sind", "war", "wurde", "wurden", "sich", "nicht", "auch", "dass", "als", "wie", "so"},
    "en": {"the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "against", "has", "have", "had", "is", "are", "was", "were", "be", "been", "that", "as", "not", "also", "said", "says"},
}
def _finite_de(w: str) -> bool:
    """German auxiliaries and copulas never sit inside a noun phrase."""
    return w in ("sei", "seien", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte", "hatten")


_NOUN_SUFFIXES = ("tion", "sion", "ment", "ity", "ance", "ence", "ship", "ism", "ure", "age", "ery", "ody")
_VERBISH = frozenset("say tell be have do will would can could may might must should shall".split())
# "former prime minister", "der ehemalige Präsident", "früheren Außenminister": elites (ELI), which the
# PLOVER manual defines as "former government officials who currently do not hold positions in the
# government" (its PRE is a partially recognised entity, not an ex-official).
FORMER = frozenset("former ex ehemalige ehemaliger ehemaligen ehemaligem früheren frühere früherer vormalige vormaligen".split())
# Second parts of hyphenated compounds that make the first part a modifier.
MODIFIER_TAILS = frozenset("member mitglied led backed allied based sponsored geführt gestützt unterstützt nahe".split())
# Pronouns that refer back to an actor, and what they may refer to.
PRONOUNS = {"de": {"er": "person", "sie": "group"}, "en": {"he": "person", "she": "person", "they": "group"}}
FIRST_PERSON = {"de": ("unser",), "en": ("our",)}
CAPITAL_LIKE = {"country", "capital"}


@dataclass
class Atom:
    """A token span recognised as part of an actor mention."""

    start: int  # token indices, end exclusive
    end: int
    kind: str  # person name country adj capital igo ngo group org role pronoun our
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    role_kind: str | None = None
    kb_name: str | None = None
    form: str | None = None  # the gazetteer form (role nouns: the lemma)


@dataclass
class Phrase:
    atoms: list[Atom] = field(default_factory=list)
    borrowed: list[Atom] = field(default_factory=list)  # a head shared with the next phrase
    gen_country: str | None = None  # the country of a genitive dependent phrase

    @property
    def start(self) -> int:
        return self.atoms[0].start

    @property
    def end(self) -> int:
        return self.atoms[-1].end

    @property
    def all(self) -> list[Atom]:
        return self.atoms + self.borrowed

    def has(self, *kinds: str) -> bool:
        return any(a.kind in kinds for a in self.all)

    def first(self, *kinds: str) -> Atom | None:
        return next((a for a in self.all if a.kind in kinds), None)


def _is_word(tok: Token) -> bool:
    return tok.text[:1].isalnum()


class ActorFinder(CorefMixin, ContextMixin):
    """Finds and resolves actor mentions in one document."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.code = doc.lang or "en"
        self.g: Gazetteer = get_gazetteer(self.code)
        self.gr = get_grammar(self.code)
        self.kb = default_kb()
        from .triggers import get_lexicon  # event words are never parts of actor phrases

        self.lex = get_lexicon(self.code, 6)
        self.on = doc.published
        self.surnames: dict[str, str] = {}  # surname -> canonical/full name seen in this document
        self.entities: list[dict] = []

    # ---------------------------------------------------------------- atoms
    def atoms(self, sent: Sentence) -> list[Atom]:
        toks = sent.tokens
        out: list[Atom] = []
        i = 0
        while i < len(toks):
            atom = self._match_at(toks, i, sent)
            if atom is None:
                i += 1
                continue
            out.append(atom)
            i = atom.end
        return self._add_titled_names(toks, self._demonym_groups(toks, out))

    def _demonym_groups(self, toks: list[Token], atoms: list[Atom]) -> list[Atom]:
        """English: a demonym before a plural noun that is no role names people of that
        country: "Algerian landowners", "Palestinian youths" (not "Israeli attacks")."""
        if self.code != "en":
            return atoms
        lex = self.lex
        taken = {k for a in atoms for k in range(a.start, a.end)}
        for a in atoms:
            if a.kind != "adj" or a.role_kind or a.end >= len(toks) or a.end in taken:
                continue
            nxt = toks[a.end]
            if nxt.text.isalpha() and nxt.text.islower() and nxt.text.endswith("s") and not nxt.text.endswith("ss") \
                    and nxt.text not in STOP["en"] and not lex.candidates(nxt.lemma, True) and nxt.lemma not in _VERBISH:
                a.end += 1
                a.role_kind = "people"
        return atoms

    def _add_titled_names(self, toks: list[Token], atoms: list[Atom]) -> list[Atom]:
        """Unknown names after a person role ("Informationsminister Ghasi Aridi") or
        before a ", role" apposition ("Bazoum Mohammed, Sprecher der ...") become name atoms."""
        taken = {k for a in atoms for k in range(a.start, a.end)}
        stop = STOP.get(self.code, set())

        def name_run(i: int, step: int) -> tuple[int, int] | None:
            j = i
            while 0 <= j < len(toks) and j not in taken and _capitalised(toks[j]) and _is_word(toks[j]) \
                    and toks[j].text.casefold() not in stop and abs(j - i) < 4:
                j += step
            if j == i:
                return None
            lo, hi = (i, j) if step > 0 else (j + 1, i + 1)
            return lo, hi

        extra: list[Atom] = []
        drop: set[int] = set()
        for a in atoms:
            if a.kind != "role" or a.role_kind != "person":
                continue
            run = name_run(a.end, 1)
            if run is not None:
                nxt = next((b for b in atoms if b.start == run[1]), None)
                if nxt is not None and nxt.kind == "role" and nxt.end - nxt.start == 1 and _capitalised(toks[nxt.start]) \
                        and self.code == "en":
                    run = (run[0], nxt.end)  # "Defence Secretary Tom King": King is a surname
                    drop.add(id(nxt))
            if run is None and a.end + 1 < len(toks) and toks[a.end].text == ",":
                run = name_run(a.end + 1, 1)  # "Einer der Putschisten, Harouna Djibrilla Adamou, dankte"
                if run and run[1] - run[0] < 2:
                    run = None
            if run and (run[1] - run[0] >= 2 or not simplemma.is_known(toks[run[0]].text, lang=self.code)):
                extra.append(self._name_atom(toks, *run))
            else:
                # "Bazoum Mohammed, Sprecher der ...", "Agnès Callamard, a UN rapporteur": a name before the apposition
                start = a.start
                while start > 0 and (toks[start - 1].text.casefold() in self.gr.APPOSITION_ARTICLES or any(
                        b.end == start and b.kind in ("igo", "ngo", "adj", "country", "org") for b in atoms)):
                    start = next((b.start for b in atoms if b.end == start), start - 1)
                if start >= 2 and toks[start - 1].text == ",":
                    run = name_run(start - 2, -1)
                    if run and run[1] - run[0] >= 2:
                        extra.append(self._name_atom(toks, *run))
        if not extra:
            return atoms
        return sorted([a for a in atoms if id(a) not in drop] + extra, key=lambda a: a.start)

    def _name_atom(self, toks: list[Token], i: int, j: int) -> Atom:
        name = " ".join(t.text for t in toks[i:j])
        for part in normalise(name).split()[1:]:
            self.surnames.setdefault(part, name)
        return Atom(i, j, "name", name=name, role_kind="person")

    def _match_at(self, toks: list[Token], i: int, sent: Sentence) -> Atom | None:
        tok = toks[i]
        if not _is_word(tok):
            return None
        low = tok.text.casefold()
        stop = STOP[self.code] if self.code in STOP else set()
        # Longest multiword match first: people, then gazetteer phrases.
        maxlen = min(MAX_PHRASE, len(toks) - i) if self.g.may_start(tok.text) else 0
        for length in range(maxlen, 0, -1):
            span = toks[i : i + length]
            if not all(_is_word(t) or t.text in ("'s", "’s", ".") for t in span) or span[-1].text == ".":
                continue
            words = [t.text for t in span]
            if length > 1 or _capitalised(tok):
                name = self.g.lookup_person(words)
                if name and (length > 1 or len(tok.text) >= 4):
                    return self._person_atom(i, i + length, name)
            if length == 1 and low in stop:
                break
            e = self.g.lookup_phrase(words)
            if e is None and length > 1 and span[-1].text.casefold() != span[-1].lemma:  # a plural role: "village guards"
                e = self.g.lookup_phrase(words[:-1] + [span[-1].lemma])
                e = e if e is not None and e.kind == "role" else None
            if e is not None and e.kind == "adj" and i > 0 and toks[i - 1].text.casefold() in self.gr.REGION_PREFIXES:
                return None  # "South American foreign ministers", "Latin American leaders": a region, no state
            if e is not None and self._plausible(e, span) and not (e.kind == "role" and self._attributive(toks, i + length - 1)):
                return self._entry_atom(i, i + length, e, toks)
        adj_sector = self.gr.ADJECTIVE_SECTORS.get(tok.lemma) or self.gr.ADJECTIVE_SECTORS.get(low)
        if adj_sector and self.code != "de" and (tok.text != tok.lemma or _capitalised(tok)):
            adj_sector = None  # "Militants", "separatists": the English noun, a role
        if adj_sector and (self.code != "de" or tok.text.islower() or tok.i == 0):  # "Regierungstreue Milizen ..."
            return Atom(i, i + 1, "adj", sector=adj_sector, role_kind="sectoradj")  # "oppositionellen"
        if low in PRONOUNS.get(self.code, {}) and (low != "sie" or tok.text == "sie"):
            return Atom(i, i + 1, "pronoun", role_kind=PRONOUNS[self.code][low])
        if low.startswith(FIRST_PERSON.get(self.code, ("\0",))):
            return Atom(i, i + 1, "our")
        if "-" in tok.text:
            atom = self._compound(tok, i)
            if atom:
                return atom
        if self.code != "de" or _capitalised(tok):
            e = self.g.lookup_role_lemma(tok.lemma)
            if e is None and self.code != "de" and tok.i == 0:
                e = self.g.lookup_role_lemma(self.g.lang.lemmatize(tok.text.lower()))  # "Militants said ..."
            if e is not None and self._role_ok(tok, e) and not self._attributive(toks, i):
                return self._closed_compound(tok, i, e) or self._entry_atom(i, i + 1, e)
        # A surname of someone already named, or of a KB person.
        if _capitalised(tok) and len(tok.text) >= 3:
            key = normalise(tok.text)
            if key in self.surnames:
                return self._person_atom(i, i + 1, self.surnames[key], surname=True)
            if self.on is not None and len(tok.text) >= 4:  # without a date a bare surname is too ambiguous
                rows = [r for r in self.kb.lookup_surname(tok.text, self.on) if r.covers(self.on)]
                names = {r.name for r in rows}  # one person in office that day ("Bush" in 1990 and in 2005 differ)
                if len(names) == 1 and (tok.i > 0 or not simplemma.is_known(low, lang=self.code)):
                    return self._person_atom(i, i + 1, rows[0].name, surname=True)
        return None

    def _attributive(self, toks: list[Token], i: int) -> bool:
        """English role nouns used as modifiers are no actors: "terrorist activities",
        "military policies", "guerrilla camps" (but "police officers" stays: a role follows)."""
        if self.code != "en" or i + 1 >= len(toks):
            return False
        nxt = toks[i + 1]
        if not (nxt.text.isalpha() and nxt.text.islower()) or nxt.text in STOP["en"] or nxt.lemma in self.gr.ACTOR_MODIFIED_HEADS:
            return False  # "extremist organization", "guerrilla camps": still the group
        nounish = (nxt.text.endswith("s") and not nxt.text.endswith("ss")) or nxt.text.endswith(_NOUN_SUFFIXES)
        return nounish and self.g.lookup_role_lemma(nxt.lemma) is None and nxt.lemma not in _VERBISH

    def _plausible(self, e: Entry, span: list[Token]) -> bool:
        """German nouns are capitalised: "armenische" (adj) may be lower-case,
        but a lower-case "union" or "rat" is no organisation."""
        if self.code == "de" and e.kind in ("country", "capital", "igo", "ngo", "group", "org"):
            first = span[0].text
            return _capitalised(span[0]) or first.isupper() or ("-" in first and first.split("-", 1)[1][:1].isupper())
        if self.code == "en" and e.kind in ("country", "capital", "igo", "ngo", "group", "org", "adj"):
            first = span[0].text
            return _capitalised(span[0]) or first.isupper() or first[:1].isdigit() or (
                "-" in first and first.split("-", 1)[1][:1].isupper())  # "al-Qaeda"
        if e.kind == "role":
            return self._role_ok(span[-1], e)
        return True

    def _role_ok(self, tok: Token, e: Entry) -> bool:
        if self.code == "de":
            return _capitalised(tok)
        # English verbs share lemmas with role nouns only rarely; "police" etc. fine.
        return tok.text.casefold() not in ("protest",)

    def _person_atom(self, i: int, j: int, name: str, surname: bool = False) -> Atom:
        row = self.kb.office_on(name, self.on) if self.on else None
        rows = self.kb.lookup(name) or self.kb.lookup_surname(name)
        if row is None and rows:
            row = rows[0] if self.on is None else None
            country = rows[0].country
        else:
            country = row.country if row else None
        for part in normalise(name).split()[1:]:
            self.surnames.setdefault(part, name)
        return Atom(i, j, "person", country=country, sector=row.sector if row else None,
                    name=name, role=row.role if row else None, role_kind="person", kb_name=name)

    def _entry_atom(self, i: int, j: int, e: Entry, toks: list[Token] | None = None) -> Atom:
        if e.kind == "adj" and toks is not None and j - i == 1 and self._demonym_noun(toks[i]):
            return Atom(i, j, "adj", country=e.country, name=e.name, role_kind="demonym")
        if e.kind == "role":
            return Atom(i, j, "role", sector=e.sector, role=e.role, role_kind=e.role_kind, form=e.form)
        return Atom(i, j, e.kind, country=e.country, sector=e.sector, name=e.name)

    def _compound(self, tok: Token, i: int) -> Atom | None:
        """"US-Außenminister" -> USA + foreign minister; "Hisbollah-Miliz" -> Hezbollah;
        "Geheimdienst-Sabotagegruppen" -> intelligence (SPY)."""
        parts = [p for p in tok.text.split("-") if p]
        if len(parts) < 2:
            return None
        head = self.g.lookup_prefix(parts[0])
        lang = self.g.lang
        if parts[-1].casefold() in MODIFIER_TAILS:
            # "NATO-member Norway" names Norway; "Vietnamese-led forces" are Vietnamese
            if head is not None and head.kind in ("adj", "country"):
                return Atom(i, i + 1, "adj", country=head.country, name=head.name)
            return None
        tail = self.g.lookup_role_lemma(lang.lemmatize(parts[-1]))
        if head is not None and head.kind in ("group", "igo", "ngo", "org"):
            return Atom(i, i + 1, head.kind, country=head.country, sector=head.sector or (tail.sector if tail else None),
                        name=head.name, role=tail.role if tail else None, role_kind=tail.role_kind if tail else None)
        if head is not None and tail is not None:
            return Atom(i, i + 1, "role", country=head.country, sector=tail.sector, role=tail.role, role_kind=tail.role_kind, form=tail.form)
        if head is not None and head.kind in ("country", "capital"):
            return None  # "US-Botschaft": a place/thing, not an actor
        if head is None and tail is not None and parts[0][:1].isupper():
            rows = self.kb.lookup_surname(parts[0], self.on)
            if rows:  # "Mubarak-Gegner": opponents of an Egyptian
                return Atom(i, i + 1, "role", country=rows[0].country, sector=tail.sector, role=tail.role, role_kind=tail.role_kind, form=tail.form)
        first = self.g.lookup_role_lemma(lang.lemmatize(parts[0]))
        if tail is not None:
            return Atom(i, i + 1, "role", sector=(first or tail).sector, role=tail.role, role_kind=tail.role_kind, form=tail.form)
        if first is not None and first.role_kind != "person":
            return Atom(i, i + 1, "role", sector=first.sector, role=first.role, role_kind="group")
        return None

    def _closed_compound(self, tok: Token, i: int, tail: Entry) -> Atom | None:
        """German closed compounds whose first part is an actor: "Bundeswehrsoldaten" (DEU, MIL),
        "Polizeisprecher" (COP: a generic head speaks for the body named first), "Oppositionsführer" (OPP),
        as hyphenated ones are read ("Polizei-Sprecher")."""
        prefix = compound_prefix(self.g, tok.lemma) if self.code == "de" else ""
        if len(prefix) < 3:
            return None
        for part in dict.fromkeys((prefix, prefix.removesuffix("s"), prefix.removesuffix("n"), prefix.removesuffix("en"))):
            if len(part) < 3:
                continue
            head = self.g.lookup_phrase([part])
            if head is not None and head.kind in ("group", "igo", "ngo", "org") and head.country:
                return Atom(i, i + 1, "role", country=head.country, sector=head.sector or tail.sector, role=tail.role,
                            role_kind=tail.role_kind, form=tail.form)
            first = self.g.lookup_role_lemma(part)
            if first is not None and first.sector and first.role_kind != "person" and self._generic(tail):
                return Atom(i, i + 1, "role", sector=first.sector, role=tail.role, role_kind=tail.role_kind, form=tail.form)
        return None

    # ---------------------------------------------------------------- phrases
    def phrases(self, sent: Sentence, atoms: list[Atom]) -> list[Phrase]:
        toks = sent.tokens
        out: list[Phrase] = []
        for n, atom in enumerate(atoms):
            cur = out[-1] if out else None
            gap = [t.text.casefold() for t in toks[cur.end : atom.start]] if cur else []
            caps = [t.text[:1].isupper() and t.text.isalpha() for t in toks[cur.end : atom.start]] if cur else []
            if cur is not None and any(self._verbish(t.lemma) for t in toks[cur.end : atom.start]):
                out.append(Phrase([atom]))  # a verb between: "Israel zog seine Truppen ab", "UN urges rebels"
                continue
            nxt = atoms[n + 1] if n + 1 < len(atoms) else None
            if cur is not None and atom.kind in ("adj", "country") and nxt is not None and nxt.kind == "role" \
                    and nxt.start == atom.end and cur.atoms[-1].kind == "role" and not self._generic(cur.atoms[-1]) \
                    and gap and gap[0] in GENITIVE_LINK.get(self.code, set()) and len(gap) <= 2:
                cur.gen_country = atom.country  # "Sabotagegruppen der armenischen Streitkräfte": two actors
                out.append(Phrase([atom]))
                continue
            if cur is not None and self._attach(cur, atom, gap, caps):
                cur.atoms.append(atom)
            else:
                out.append(Phrase([atom]))
        self._share_heads(toks, out)
        out = self._appositions(toks, out)
        return [p for p in out if self._is_actor(p)]

    def _appositions(self, toks: list[Token], phrases: list[Phrase]) -> list[Phrase]:
        """"Agnès Callamard, a UN rapporteur": an unknown name and its apposition are one actor."""
        out: list[Phrase] = []
        for p in phrases:
            prev = out[-1] if out else None
            if prev is not None and len(prev.atoms) == 1 and prev.atoms[0].kind == "name" and p.has("role") \
                    and not p.has("person", "name"):
                gap = [t.text.casefold() for t in toks[prev.end:p.start]]
                if gap[:1] == [","] and len(gap) <= 2 and all(w in self.gr.APPOSITION_ARTICLES for w in gap[1:]):
                    prev.atoms.extend(p.atoms)
                    continue
            out.append(p)
        return out

    def _share_heads(self, toks: list[Token], phrases: list[Phrase]) -> None:
        """Coordinated demonyms share their head: "Hungarian and Romanian officials",
        "US and British forces", "russische und chinesische Diplomaten"."""
        for a, b in zip(phrases, phrases[1:]):
            if {x.kind for x in a.atoms} <= {"adj", "country"} and b.end - b.start >= 2 and b.end <= len(toks) \
                    and b.start == a.end + 1 and toks[a.end].text.casefold() in ("and", "und", "or", "oder", "sowie") \
                    and b.atoms[0].kind in ("adj", "country") and any(x.kind == "role" for x in b.atoms):
                a.borrowed.extend(replace(x) for x in b.atoms if x.kind == "role")

    def _attach(self, cur: Phrase, atom: Atom, gap: list[str], caps: list[bool]) -> bool:
        """May ``atom`` join phrase ``cur``? ``gap``: the words between, case-folded;
        ``caps``: which of them are capitalised words."""
        last = cur.atoms[-1]
        link = GENITIVE_LINK.get(self.code, set())
        stop = STOP.get(self.code, set())
        has_name = cur.has("person", "name")
        # Role/organisation + of-country: "Präsident Aserbaidschans", "Präsident der Republik Aserbaidschan".
        if last.kind in ("role", "igo", "org") and atom.kind in ("country", "capital", "igo") and all(w in link for w in gap) and len(gap) <= 3 and not has_name:
            return True
        # Two demonyms: the first names the state, the second the people in it ("Bosnian Serb", "Iraqi Kurdish")
        if last.kind == "adj" and atom.kind == "adj" and not gap and len(cur.atoms) == 1 and self.gr.DOUBLE_DEMONYMS:
            return True
        # Role + genitive role: "Geheimdienst-Sabotagegruppen der armenischen Streitkräfte",
        # "Spezialeinheiten der Polizei", "Sprecher der oppositionellen Gruppierung CFDR".
        if last.kind == "role" and atom.kind in ("adj", "role", "country") and gap and gap[0] in link and len(gap) <= 2 \
                and (not has_name or atom.role_kind == "sectoradj"):
            if atom.kind == "role" and not self._generic(last):
                cur.gen_country = atom.country  # "Sabotagegruppen der armenischen Streitkräfte": both actors
                return False
            return True
        # Generic role + genitive organisation: "Geschäftsführer der Grünen", "Vorsitzender der Gewerkschaft ver.di",
        # "spokesman for Hamas": the person speaks for the organisation and takes its sector
        if last.kind == "role" and self._generic(last) and atom.kind in ("org", "group", "igo", "ngo") and gap \
                and all(w in link for w in gap) and len(gap) <= 2 and not has_name:
            return True
        # Country/demonym/prefix + role: "die aserbaidschanische Regierung", "Iran's foreign minister", "Russian President".
        if atom.kind == "role" and last.kind in ("group", "igo", "org") and not gap and len(cur.atoms) == 1:
            return True  # "Taliban fighters", "UN peacekeepers", "Hamas militants"
        # ... and an organisation + role: "European Community foreign ministers", "the U.N. war crimes court"
        if last.kind in ("country", "adj", "our", "capital", "igo", "ngo") and atom.kind in ("role", "org", "group") and len(gap) <= 2 and all(
            (w.isalpha() and w.islower() and w not in stop and w not in _VERBISH and not (self.code == "de" and _finite_de(w))
             and not (self.code == "en" and w.endswith(("ed", "ing")) and w not in ("armed", "united", "ruling")))
            or w in ("'s", "’s") for w in gap
        ):
            return not has_name
        # Role + name: "Präsident Ilham Aliyev", "Außenministerin Condoleezza Rice", "Secretary of State Antony Blinken",
        # "des ägyptischen Präsidenten Muhammad Husni Mubarak" (an unknown first name between).
        if atom.kind in ("person", "name") and not has_name and cur.has("role", "adj") and (
                not gap or gap == [","] or (len(gap) <= 2 and all(caps))):
            return last.kind in ("role", "country", "capital", "adj", "igo")
        # A person's body: "President Vicente Fox's government", "Kagame's army" (the person's state)
        if last.kind == "person" and atom.kind == "role" and gap in (["'s"], ["’s"]) and atom.role_kind != "person":
            return True
        # Name, role: "Bazoum Mohammed, Sprecher der oppositionellen Gruppierung CFDR".
        if last.kind in ("person", "name") and atom.kind == "role" and gap == [","] and atom.role_kind == "person" and not cur.has("role"):
            return True
        if last.kind == "role" and atom.kind == "role" and not gap and (atom.role_kind == last.role_kind or self._generic(atom)):
            return True  # "rebel leaders", "university students"
        return False

    def _verbish(self, lemma: str) -> bool:
        """Is this lemma a verb of saying/being or a one-word event trigger ("urge", "abziehen")?"""
        return lemma in _VERBISH or any(len(t.words) == 1 for t in self.lex.candidates(lemma, False))

    def _former(self, toks: list[Token], start: int) -> bool:
        words = {t.text.casefold() for t in toks[max(0, start - 2) : start + 1]}
        return bool(words & FORMER) or toks[start].text.casefold().startswith(("ex-", "alt-"))

    def _generic(self, a: Atom | Entry) -> bool:
        return (a.form or "") in self.gr.GENERIC_HEADS

    def _is_actor(self, p: Phrase) -> bool:
        kinds = {a.kind for a in p.all}
        if kinds == {"adj"} and len(p.atoms) == 1:
            return p.atoms[0].role_kind in ("demonym", "people")
        return not kinds <= {"adj", "our"}

    def _demonym_noun(self, tok: Token) -> bool:
        """A people named by its demonym: "zwei Iraner", "the Palestinians", "ethnic Turks"."""
        if self.code == "de":
            return _capitalised(tok) and tok.i > 0
        return _capitalised(tok) and tok.text.endswith("s") and not tok.text.endswith(("ss", "'s"))

    # ---------------------------------------------------------------- resolve
    def resolve(self, sent: Sentence, p: Phrase) -> Mention:
        toks = sent.tokens
        start, end = toks[p.start].start, toks[p.end - 1].end
        text = self.doc.text[start:end]
        person = p.first("person")
        name_atom = p.first("name")
        role = p.first("role")
        nation = next((a for a in p.all if a.kind in ("group", "org", "igo", "ngo") and a is not p.atoms[0]), None) or \
            next((a for a in p.all if a.kind in ("country", "capital", "adj", "igo", "ngo", "org", "group")
                  and a.role_kind != "sectoradj"), None)  # "Iraq's Al-Qaeda" is al-Qaeda
        our = p.first("our")
        how = "gazetteer"
        country = sector = name = role_label = kb_id = None
        kind = "org"
        if person is not None:
            country, sector, name, role_label = person.country, person.sector, person.name, person.role
            how, kind = "kb", "name"
            if role is not None and role.sector and role.role_kind == "person" and not self._generic(role) \
                    and (self.on is None or sector in (None, "ELI")) and sector != role.sector and not self._former(toks, p.start):
                # the title the text gives wins over an office the KB cannot date or has ended:
                # "General Michel Aoun" (1989), "Defence Secretary Tom King" (1991)
                sector, role_label = role.sector, role.role
            if role is not None and sector is None:
                sector = role.sector
                adj = next((a for a in p.all if a.role_kind == "sectoradj"), None)
                if adj is not None and self._generic(role):
                    sector = adj.sector  # "Bazoum Mohammed, Sprecher der oppositionellen Gruppierung": OPP
            if nation is not None and country is None:
                country = nation.country
            if role is not None and self._former(toks, p.start):
                sector, role_label = "ELI", f"former {role.role}"  # "former president Carlos Menem"
            body = next((a for a in p.atoms if a.kind == "role" and a.start > person.start and a.role_kind != "person"), None)
            if body is not None:  # "Charles Taylor's rebels", "President Vicente Fox's government": the body acts
                sector, role_label, name, kind, how = body.sector, body.role, None, "group", "gazetteer"
            kb_id = self._qid(person.name)
        elif role is not None:
            roles = [a for a in p.all if a.kind == "role"]
            sector, role_label = role.sector, role.role
            if len(roles) > 1 and (self._generic(role) or role.role_kind != "person" or self._generic(roles[-1])):
                sector = roles[1].sector if self._generic(role) else role.sector
            country = next((a.country for a in roles if a.country), None) or (nation.country if nation else None) or p.gen_country
            sector_adj = next((a for a in p.all if a.role_kind == "sectoradj"), None)
            if sector_adj is not None and (self._generic(role) or len(roles) == 1 and role.role_kind != "person"):
                sector = sector_adj.sector  # "Sprecher der oppositionellen Gruppierung": OPP
            kind = "role" if role.role_kind == "person" else "group"
            if nation is not None and nation.kind in ("igo", "ngo", "org", "group") and nation.name:
                name = nation.name
                # a group's members, or a generic role speaking for an organisation ("Geschäftsführer der Grünen": PTY)
                sector = (nation.sector or sector) if nation.kind == "group" or self._generic(role) else sector
            if our is not None and country is None:
                country, how = outlet_country(self.doc.source), "outlet"
            if self._former(toks, p.start):
                sector = "ELI"  # "former prime minister", "der ehemalige Präsident": a former official
        elif nation is not None:
            country, sector, name = nation.country, nation.sector, nation.name
            if country is None:  # "Belarusian KGB": the adjective names the state of a stateless form
                country = next((a.country for a in p.all if a.kind in ("adj", "country") and a.country), None)
            kind = "country" if nation.kind in CAPITAL_LIKE else nation.kind
            if nation.kind == "adj":
                kind, sector = "group", "CVL"  # "die Iraner", "the Palestinians", "Algerian landowners": the people
            if nation.kind in CAPITAL_LIKE:
                sector = sector or "GOV"
        elif p.first("pronoun"):
            kind = "pronoun"
            role_label = p.first("pronoun").role_kind  # "person" or "group": what it may refer to
        if name_atom is not None and (name is None or p.atoms[0] is name_atom):  # "Agnès Callamard, a UN rapporteur"
            name = name_atom.name
            how = "title" if role is not None else how
            kind = "name"
        actor = Actor(text=text, name=name, country=country, sector=sector, role=role_label, kb_id=kb_id)
        return Mention(start, end, text, sent.index, actor, how=how, kind=kind, tok_start=p.start, tok_end=p.end)

    def _qid(self, name: str) -> str | None:
        rows = self.kb.lookup(name)
        return rows[0].qid if rows and rows[0].qid else None

    # ---------------------------------------------------------------- document (entities: CorefMixin)
    def run(self) -> list[Mention]:
        mentions: list[Mention] = []
        self.place_countries: list[tuple[int, str | None]] = []
        for sent in self.doc.sentences:
            atoms = self._drop_places(sent, self.atoms(sent))
            for p in self.phrases(sent, atoms):
                m = self.resolve(sent, p)
                self.link(m)
                if m.kind == "pronoun" and m.entity < 0:
                    continue
                mentions.append(m)
        self._context_countries(mentions)
        return mentions


def resolve_actors(doc: Document) -> Document:
    """Fill ``doc.mentions`` with resolved actor mentions."""
    doc.mentions = ActorFinder(doc).run()
    return doc


def mention_records(doc: Document) -> list[dict]:
    """The JSONL records of ``chronik actors``."""
    return [
        {"doc_id": doc.id, "text": m.text, "start": m.start, "end": m.end, "entity": m.entity,
         "name": m.actor.name, "country": m.actor.country, "sector": m.actor.sector,
         "role": m.actor.role, "kb_id": m.actor.kb_id, "how": m.how}
        for m in doc.mentions
    ]


def write_mention_table(doc: Document, out: IO[str]) -> None:
    out.write(f"━━ {doc.id}  [{doc.lang}]  {doc.published or 'no date'}\n")
    for r in mention_records(doc):
        out.write(f"   e{r['entity']:<3} {r['text'][:40]:<40} {r['country'] or '-':<4} {r['sector'] or '-':<4} "
                  f"{(r['name'] or '')[:28]:<28} {r['how']}\n")
    out.write("\n")
