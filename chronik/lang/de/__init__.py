"""German: defaults only; the rules live in :mod:`.grammar`."""
from __future__ import annotations

from ..base import Language
from . import grammar


class German(Language):
    code = "de"
    abbreviations = grammar.ABBREVIATIONS

    def stem(self, word: str) -> str:
        return grammar.stem(word)

    def post_tokens(self, tokens):
        grammar.attach_separable_particles(tokens)
        grammar.lemmatize_zu_infinitives(tokens)

    def _is_boundary(self, text, dot, after, end):
        if grammar.is_ordinal_dot(text, dot):
            return False
        return super()._is_boundary(text, dot, after, end)


LANGUAGE = German()
