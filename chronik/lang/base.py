"""What every language provides to the pipeline: tokens, sentences, lemmas, stems.

Subclasses override class attributes (abbreviations, stop lists) and the few
methods where a language differs (German reattaches separable verb particles).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import simplemma

from ..model import Sentence, Token

# Tokens: abbreviations with inner dots (U.S.), numbers with separators (2.000, 19.09.2023),
# words with inner hyphens/apostrophes (US-Außenminister, al-Shabaab, don't), single symbols.
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:[.,:/]\d+)+|\w+(?:[-‐‑]\w+)*(?:['’]\w+)?-?|[^\w\s]")
PARAGRAPH_RE = re.compile(r"\n\s*\n")
SENT_END_RE = re.compile(r"[.!?…]+[\"'“”»«)\]]*(?=\s+|$)")


class Language:
    """Base class. ``code`` is ISO 639-1; data lives in ``lang/<code>/data``."""

    code: str = "xx"
    abbreviations: frozenset[str] = frozenset()
    # Lines shorter than this without final punctuation are headlines/datelines.
    headline_max = 200

    @property
    def data_dir(self) -> Path:
        return Path(__file__).parent / self.code / "data"

    # -- tokens ---------------------------------------------------------------------
    def tokenize(self, text: str, offset: int = 0) -> list[Token]:
        toks = []
        for i, m in enumerate(TOKEN_RE.finditer(text)):
            s = m.group()
            toks.append(Token(s, offset + m.start(), offset + m.end(), self.lemmatize(s), i))
        return self.split_clitics(toks)

    def split_clitics(self, tokens: list[Token]) -> list[Token]:
        return tokens

    def lemmatize(self, word: str) -> str:
        return _lemma(word, self.code)

    def stem(self, word: str) -> str:
        """Inflection-insensitive key for gazetteer matching (lower-cased)."""
        return word.casefold()

    def post_tokens(self, tokens: list[Token]) -> None:
        """Language-specific token fixes after tokenizing one sentence (in place)."""

    # -- sentences ------------------------------------------------------------------
    def split_sentences(self, text: str, body_start: int = 0) -> list[Sentence]:
        """Sentences with offsets. Paragraph and line breaks end a sentence unless the
        line visibly continues (ends without punctuation and the next starts lower-case);
        so a headline or dateline never glues onto the first sentence."""
        out: list[Sentence] = []
        para = 0
        pos = 0
        for block in PARAGRAPH_RE.split(text):
            start = text.index(block, pos) if block else pos
            pos = start + len(block)
            for s, e in self._split_block(block):
                piece = text[start + s : start + e]
                lead = len(piece) - len(piece.lstrip())
                piece = piece.strip()
                if not piece:
                    continue
                a = start + s + lead
                sent = Sentence(len(out), a, a + len(piece), piece, paragraph=para, is_title=a < body_start)
                out.append(sent)
            para += 1
        return out

    def _split_block(self, block: str) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        lines = block.split("\n")
        cur = 0
        seg_start = 0
        for i, line in enumerate(lines):
            end = cur + len(line)
            nxt = lines[i + 1].lstrip() if i + 1 < len(lines) else ""
            continues = bool(nxt) and nxt[:1].islower() and not line.rstrip().endswith((".", "!", "?", ":"))
            if not continues:
                spans.extend(self._split_line(block, seg_start, end))
                seg_start = end + 1
            cur = end + 1
        return spans

    def _split_line(self, block: str, start: int, end: int) -> list[tuple[int, int]]:
        spans = []
        s = start
        for m in SENT_END_RE.finditer(block, start, end):
            e = m.end()
            if e >= end:
                break
            if self._is_boundary(block, m.start(), e, end):
                spans.append((s, e))
                s = e
        spans.append((s, end))
        return spans

    def _is_boundary(self, text: str, dot: int, after: int, end: int) -> bool:
        # linear in the text: only the next non-space character and the word before the stop are read
        k = after
        while k < end and text[k].isspace():
            k += 1
        if k >= end:
            return False
        first = text[k]
        if not (first.isupper() or first.isdigit() or first in "\"„“«»(‚'"):
            return False
        if text[dot] != ".":
            return True
        j = dot
        while j > 0 and not text[j - 1].isspace() and dot - j < 64:
            j -= 1
        prev = text[j:dot]
        if prev.casefold() + "." in self.abbreviations or prev + "." in self.abbreviations:
            return False
        if len(prev) == 1 and prev.isalpha() and prev.isupper():  # initials: George W. Bush
            return False
        return True


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    if not word[:1].isalpha():
        return word.casefold()
    try:
        return simplemma.lemmatize(word, lang=lang).casefold()
    except Exception:  # simplemma raises on exotic input; the word is its own lemma
        return word.casefold()
