"""English: defaults; the rules live in :mod:`.grammar`."""
from __future__ import annotations

from ..base import Language
from . import grammar


class English(Language):
    code = "en"
    abbreviations = grammar.ABBREVIATIONS

    def stem(self, word: str) -> str:
        return grammar.stem(word)

    def split_clitics(self, tokens):
        return grammar.split_possessives(tokens, self.lemmatize)


LANGUAGE = English()
