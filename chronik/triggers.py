"""Event trigger lexicons: ``lang/<code>/data/events/<TYPE>.tsv``, one file per PLOVER type.

A pattern is a sequence of lemmas; the first is the head. In German the other
words may stand anywhere within a window around the head ("äußerte sich besorgt",
"sich besorgt äußerte"); in English they follow in order ("called for",
"took ... into custody"). ``word*`` matches any lemma with that prefix; a German
noun head of 5+ letters also matches compounds ending in it ("Luftangriff").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lexicon import data_path, read_tsv
from .model import Token

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
COLUMNS = ("pattern", "cameo", "mode", "context", "note")
MIN_COMPOUND = 5


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    words: tuple[str, ...]
    cameo: str | None
    mode: str | None
    context: tuple[str, ...]
    note: str

    @property
    def head(self) -> str:
        return self.words[0]


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    trigger: Trigger
    head: int  # token index of the head
    tokens: tuple[int, ...]  # all matched token indices


class Lexicon:
    """All triggers of one language, indexed by head lemma."""

    def __init__(self, lang: str, window: int):
        from .lang import get_grammar

        self.lang = lang
        self.window = window
        self.grammar = get_grammar(lang)
        self.by_head: dict[str, list[Trigger]] = {}
        self.star_heads: list[tuple[str, Trigger]] = []
        for t in PLOVER_TYPES:
            path = data_path(f"events/{t}.tsv", lang)
            if not path.exists():
                continue
            for row in read_tsv(path, COLUMNS):
                words = tuple(row["pattern"].casefold().split())
                trig = Trigger(t, words, row["cameo"] or None, row["mode"] or None,
                               tuple(c.strip() for c in row["context"].split(",") if c.strip()), row["note"])
                if words[0].endswith("*"):
                    self.star_heads.append((words[0][:-1], trig))
                else:
                    self.by_head.setdefault(words[0], []).append(trig)
        for lst in self.by_head.values():
            lst.sort(key=lambda tr: -len(tr.words))

    @lru_cache(maxsize=100_000)
    def candidates(self, lemma: str, noun: bool) -> tuple[Trigger, ...]:
        """Triggers whose head matches ``lemma`` (exactly, by prefix, or as a compound's end)."""
        found = list(self.by_head.get(lemma, ()))
        found += [tr for p, tr in self.star_heads if lemma.startswith(p)]
        if not found and noun and self.lang == "de" and lemma not in _not_compounds(self.lang):
            for k in range(1, len(lemma) - MIN_COMPOUND + 1):
                tail = lemma[k:]
                if tail in self.by_head:
                    found = [tr for tr in self.by_head[tail] if tr.words[0] == tail]
                    break
        return tuple(sorted(found, key=lambda tr: -len(tr.words)))

    def match(self, tokens: list[Token]) -> list[TriggerMatch]:
        """All trigger matches in a sentence; longer patterns claim their tokens first."""
        found: list[TriggerMatch] = []
        for i, tok in enumerate(tokens):
            if tok.pos == "PART" or not tok.text[:1].isalpha():
                continue
            noun = tok.text[:1].isupper() and i > 0
            for trig in self.candidates(tok.lemma, noun):
                rest = self._rest(tokens, i, trig.words[1:])
                if rest is not None:
                    found.append(TriggerMatch(trig, i, (i, *rest)))
        found.sort(key=lambda m: (-len(m.trigger.words), m.head))
        used: set[int] = set()
        out: list[TriggerMatch] = []
        for m in found:
            if m.head in used or any(k in used for k in m.tokens):
                continue
            out.append(m)
            used.update(m.tokens)
        out.sort(key=lambda m: m.head)
        return out

    def _rest(self, tokens: list[Token], head: int, words: tuple[str, ...]) -> tuple[int, ...] | None:
        if not words:
            return ()
        got: list[int] = []
        if self.lang == "de":
            lo, hi = max(0, head - self.window), min(len(tokens), head + self.window + 1)
            for w in words:
                k = next((j for j in range(lo, hi) if j != head and j not in got and _word_ok(tokens[j].lemma, w)), None)
                if k is None:
                    return None
                got.append(k)
            return tuple(got)
        prev = head
        for n, w in enumerate(words):
            # after an auxiliary head the verb follows closely: "would meet" is not "would ... a meeting";
            # "called for" is not "calling it a victory for"
            reach = 2 if n == 0 and tokens[head].lemma in self.grammar.AUXILIARY_HEADS else self.window
            if len(words) == 1 and w in self.grammar.CLOSE_PARTICLES:
                reach = 3
            k = next((j for j in range(prev + 1, min(len(tokens), prev + reach + 1)) if _word_ok(tokens[j].lemma, w)
                      or _word_ok(tokens[j].text.casefold(), w)), None)
            if k is None:
                return None
            got.append(k)
            prev = k
        return tuple(got)


def _word_ok(lemma: str, w: str) -> bool:
    if w.endswith("*"):
        return lemma.startswith(w[:-1])
    return lemma == w


@lru_cache(maxsize=None)
def _not_compounds(lang: str) -> frozenset[str]:
    from .lang import get_grammar

    return getattr(get_grammar(lang), "NOT_EVENT_COMPOUNDS", frozenset())


@lru_cache(maxsize=None)
def get_lexicon(lang: str, window: int) -> Lexicon:
    return Lexicon(lang, window)
