"""Sentences and tokens with lemmas, through the document language's defaults."""
from __future__ import annotations

from .lang import get_lang
from .limits import limits
from .model import Document, Sentence


def segment(doc: Document) -> Document:
    """Fill ``doc.sentences`` (tokens with offsets into ``doc.text``). The splitter is linear in
    the text; sentences longer than ``max_sentence_chars`` (settings.cfg, ``[limits]``) are split,
    so that the coder's time per sentence stays bounded on text without full stops."""
    lang = get_lang(doc.lang or "en")
    doc.sentences = split_long_sentences(lang.split_sentences(doc.text, doc.body_start), limits().max_sentence_chars)
    for sent in doc.sentences:
        sent.tokens = lang.tokenize(sent.text, sent.start)
        lang.post_tokens(sent.tokens)
    return doc


def split_long_sentences(sentences: list[Sentence], max_chars: int) -> list[Sentence]:
    """Cut sentences over ``max_chars`` into pieces at a clause mark (``; , :``) or a
    space in the last half of each piece (a hard cut where there is none); offsets stay
    those of the document. Short sentences pass unchanged, the list is renumbered."""
    if max_chars <= 0 or all(len(s.text) <= max_chars for s in sentences):
        return sentences
    out: list[Sentence] = []
    for s in sentences:
        text, start = s.text, s.start
        while len(text) > max_chars:
            window = text[max_chars // 2: max_chars]
            cut = max((window.rfind(c) for c in ";,:"), default=-1)
            if cut < 0:
                cut = window.rfind(" ")
            cut = max_chars // 2 + cut + 1 if cut >= 0 else max_chars
            piece = text[:cut].rstrip()
            out.append(Sentence(index=0, start=start, end=start + len(piece), text=piece, paragraph=s.paragraph,
                                is_title=s.is_title))
            rest = text[cut:]
            skipped = len(rest) - len(rest.lstrip())
            text, start = rest.lstrip(), start + cut + skipped
        if text:
            out.append(Sentence(index=0, start=start, end=start + len(text), text=text, paragraph=s.paragraph,
                                is_title=s.is_title))
    for i, s in enumerate(out):
        s.index = i
    return out
