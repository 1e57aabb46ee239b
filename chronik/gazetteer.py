"""Actor gazetteers: countries, demonyms, capitals, organisations, groups and role nouns.

Data (per language): ``lang/<code>/data/actors.tsv`` and ``roles.tsv``; people come
from :mod:`chronik.kb`. Forms are matched on inflection-insensitive stems
(``Language.stem``), so "Armeniens", "armenischen" and "Weißen Hauses" need no rows
of their own. German compounds resolve from their parts ("US-Außenminister",
"Bundeswehrsoldaten").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .kb import default_kb, normalise
from .lang import get_lang
from .lexicon import data_path, read_tsv

ACTOR_COLUMNS = ("form", "kind", "country", "sector", "name", "flags")
ROLE_COLUMNS = ("form", "sector", "role", "kind")
MAX_PHRASE = 6  # longest gazetteer form, in tokens
MIN_COMPOUND_HEAD = 4  # shortest role noun recognised as the end of a German compound


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer row. ``kind``: country adj capital igo ngo group org role person."""

    form: str
    kind: str
    country: str | None
    sector: str | None
    name: str | None
    role: str | None = None
    role_kind: str | None = None  # person | group | body (role nouns)
    flags: frozenset[str] = frozenset()


class Gazetteer:
    """Stem-keyed lookup tables for one language."""

    def __init__(self, lang: str):
        self.lang = get_lang(lang)
        self.code = lang
        self.phrases: dict[tuple[str, ...], Entry] = {}
        self.exact: dict[tuple[str, ...], Entry] = {}  # case-sensitive forms (US, UN, WHO)
        self.surface: dict[tuple[str, ...], Entry] = {}  # exact lower-cased forms win over stems
        self.prefixes: dict[str, Entry] = {}  # first parts of hyphen compounds (US-, EU-)
        self.roles: dict[tuple[str, ...], Entry] = {}
        self.people: dict[tuple[str, ...], str] = {}
        self._load()
        # First words of every multiword form: a span is only looked up when its first word is one.
        self.firsts = {k[0] for k in (*self.phrases, *self.roles)} | {k[0] for k in self.exact}
        self.people_firsts = {k[0] for k in self.people} | {k[-1] for k in self.people if len(k) == 2}

    def key(self, words: list[str]) -> tuple[str, ...]:
        stem = self.lang.stem
        return tuple(stem(w) for w in words)

    def may_start(self, word: str) -> bool:
        """Could a gazetteer form or a person's name start with this word?"""
        return word in self.firsts or self.lang.stem(word) in self.firsts or word.casefold() in self.firsts \
            or (_norm(word).split() or [""])[0] in self.people_firsts  # "F.W." normalises to "f w"

    def _split(self, form: str) -> list[str]:
        return [t.text for t in self.lang.tokenize(form)]

    def _load(self) -> None:
        path = data_path("actors.tsv", self.code)
        if path.exists():
            for row in read_tsv(path, ACTOR_COLUMNS, required=2):
                flags = frozenset(f.strip() for f in row["flags"].split(",") if f.strip())
                e = Entry(row["form"], row["kind"], row["country"] or None, row["sector"] or None, row["name"] or None, flags=flags)
                words = self._split(row["form"])
                if "cs" in flags:  # only as written in capitals: "US", "WHO"
                    self.exact.setdefault(tuple(w.upper() for w in words), e)
                elif "cap" in flags:  # only capitalised, as a German noun: "die Grünen" (not "die grünen Hügel")
                    self.exact.setdefault(tuple(w[:1].upper() + w[1:] for w in words), e)
                else:
                    self.surface.setdefault(tuple(w.casefold() for w in words), e)
                    k = self.key(words)
                    if k not in self.phrases or self.phrases[k].kind == "adj":  # "Irans": the country, not "Iraner"
                        self.phrases[k] = e
                if "prefix" in flags or row["kind"] in ("country", "igo", "adj", "capital", "org", "group"):
                    self.prefixes.setdefault(self.lang.stem(row["form"]), e)
        path = data_path("roles.tsv", self.code)
        if path.exists():
            for row in read_tsv(path, ROLE_COLUMNS, required=2):
                e = Entry(row["form"], "role", None, row["sector"] or None, None, role=row["role"] or row["form"], role_kind=row["kind"] or "person")
                self.roles.setdefault(self.key(self._split(row["form"])), e)
                self.roles.setdefault(tuple(row["form"].split()), e)
        for form, name in default_kb().names():
            self.people.setdefault(tuple(form.split()), name)

    # -- lookups ----------------------------------------------------------------------
    def lookup_phrase(self, words: list[str]) -> Entry | None:
        """An actor or role entry for exactly these words (stems), or None."""
        if tuple(words) in self.exact:
            return self.exact[tuple(words)]
        low = tuple(w.casefold() for w in words)
        if low in self.surface:
            return self.surface[low]
        k = self.key(words)
        return self.phrases.get(k) or self.roles.get(k) or self.roles.get(tuple(w.casefold() for w in words))

    def lookup_role_lemma(self, lemma: str) -> Entry | None:
        """A role noun by lemma, also as the last part of a German compound
        ("bundeswehrsoldat" -> soldat, "polizeikraft" -> kraft? no: polizeikraft is listed)."""
        return _role_lemma(self, lemma)

    def lookup_person(self, words: list[str]) -> str | None:
        """The canonical KB name for a full name or variant ("Anthony Blinken" -> "Antony Blinken")."""
        key = tuple(_norm(" ".join(words)).split())
        found = self.people.get(key)
        if found is None and self.code == "de" and key and key[-1].endswith("s") and len(key) > 1:
            found = self.people.get(key[:-1] + (key[-1][:-1],))  # "Barack Obamas Wunsch"
        if found is None and len(key) == 2:
            found = self.people.get((key[1], key[0]))  # "Tandja Mamadou" for Mamadou Tandja
        return found

    def lookup_prefix(self, part: str) -> Entry | None:
        """The first part of a hyphenated compound ("US" in "US-Außenminister")."""
        if (part,) in self.exact:
            return self.exact[(part,)]
        return self.prefixes.get(self.lang.stem(part))


@lru_cache(maxsize=200_000)
def _norm(text: str) -> str:
    return normalise(text)


@lru_cache(maxsize=200_000)
def _role_split_cached(code: str, lemma: str) -> tuple[str, Entry] | None:
    """(the part before the role noun, the role entry): ("", entry) for a role noun itself,
    ("bundeswehr", soldat) for the German compound "Bundeswehrsoldat"."""
    g = get_gazetteer(code)
    e = g.roles.get((g.lang.stem(lemma),)) or g.roles.get((lemma,))
    if e or code != "de":
        return ("", e) if e else None
    # German compounds: the longest known head noun at the end of the word.
    for k in range(1, len(lemma) - MIN_COMPOUND_HEAD + 1):
        tail = lemma[k:]
        e = g.roles.get((tail,)) or g.roles.get((g.lang.stem(tail),))
        if e and not (len(tail) < len(e.form) and e.form.startswith(tail)):
            return lemma[:k], e  # but a truncated head is no head: "Bericht" does not end in "Richter"
    return None


def _role_lemma(g: Gazetteer, lemma: str) -> Entry | None:
    found = _role_split_cached(g.code, lemma.casefold())
    return found[1] if found else None


def compound_prefix(g: Gazetteer, lemma: str) -> str:
    """The first part of a German compound whose head is a role noun ("bundeswehr" in
    "Bundeswehrsoldat", "polizei" in "Polizeisprecher"); "" when there is none."""
    found = _role_split_cached(g.code, lemma.casefold())
    return found[0] if found else ""


@lru_cache(maxsize=None)
def get_gazetteer(lang: str) -> Gazetteer:
    """The gazetteer of a language, loaded once."""
    return Gazetteer(lang)
