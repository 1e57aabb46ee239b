"""English grammar rules, one function per rule, each with an example."""
from __future__ import annotations

from ...model import Token

ABBREVIATIONS = frozenset(
    "mr. mrs. ms. dr. prof. gen. col. lt. sgt. capt. maj. adm. sen. rep. gov. st. jr. sr. inc. ltd. co. corp. "
    "no. vs. etc. jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. u.s. u.n. u.k. e.u. a.m. p.m. "
    "i.e. e.g. approx. dept. est. fig. mt. ft.".split()
)


def stem(word: str) -> str:
    """Case-fold and drop a possessive: "Iran's" -> "iran"."""
    w = word.casefold()
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return w


def split_possessives(tokens: list[Token], lemmatize) -> list[Token]:
    """"Iran's" -> "Iran" + "'s" so names match the gazetteer."""
    out: list[Token] = []
    for tok in tokens:
        t = tok.text
        if len(t) > 2 and t[-2:].casefold() in ("'s", "’s"):
            base = t[:-2]
            out.append(Token(base, tok.start, tok.end - 2, lemmatize(base)))
            out.append(Token(t[-2:], tok.end - 2, tok.end, "'s"))
        else:
            out.append(tok)
    for i, tok in enumerate(out):
        tok.i = i
    return out


RULES = {"stem": stem, "split_possessives": split_possessives}
