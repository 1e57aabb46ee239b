"""Sentences and tokens with lemmas, through the document language's defaults."""
from __future__ import annotations

from .lang import get_lang
from .limits import limits
from .model import Document, Sentence


def segment(doc: Document) -> Document:
    """Fill ``doc.sentences`` (tokens with offsets into ``doc.text``). Sentences longer
    than ``max_sentence_chars`` (settings.cfg, ``[limits]``) are split, so that the coder's
    time per sentence stays bounded on text without full stops."""
    lang = get_lang(doc.lang or "en")
    lim = limits()
    doc.sentences = split_long_sentences(_split_sentences(lang, doc.text, doc.body_start, lim.max_paragraph_chars),
                                         lim.max_sentence_chars)
    for sent in doc.sentences:
        sent.tokens = lang.tokenize(sent.text, sent.start)
        lang.post_tokens(sent.tokens)
    return doc


def _split_sentences(lang, text: str, body_start: int, max_block: int) -> list[Sentence]:
    """The language's sentence splitter over pieces of at most ``max_block`` characters,
    cut at paragraph breaks where possible (then line ends, then spaces): the splitter's
    time grows with the square of a paragraph's length, the pieces keep it linear in the
    document. Documents whose paragraphs are all shorter get exactly the splitter's result."""
    if max_block <= 0 or len(text) <= max_block:
        return lang.split_sentences(text, body_start)
    out: list[Sentence] = []
    para = 0
    for a, b in _blocks(text, max_block):
        sents = lang.split_sentences(text[a:b], body_start - a)
        for s in sents:
            s.start += a
            s.end += a
            s.paragraph += para
            out.append(s)
        if sents:
            para = sents[-1].paragraph + 1
    for i, s in enumerate(out):
        s.index = i
    return out


def _blocks(text: str, max_block: int) -> list[tuple[int, int]]:
    """Spans of at most ``max_block`` characters covering ``text``, cut after a blank line,
    else a line end, else a space (a hard cut where there is none)."""
    spans = []
    pos, n = 0, len(text)
    while n - pos > max_block:
        limit = pos + max_block
        cut = text.rfind("\n\n", pos + 1, limit)
        if cut > pos:
            cut += 2
        else:
            cut = max(text.rfind("\n", pos + 1, limit), text.rfind(" ", pos + max_block // 2, limit)) + 1
            if cut <= pos + 1:
                cut = limit
        spans.append((pos, cut))
        pos = cut
    spans.append((pos, n))
    return spans


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
