"""Sentences and tokens with lemmas, through the document language's defaults."""
from __future__ import annotations

from .lang import get_lang
from .model import Document


def segment(doc: Document) -> Document:
    """Fill ``doc.sentences`` (tokens with offsets into ``doc.text``)."""
    lang = get_lang(doc.lang or "en")
    doc.sentences = lang.split_sentences(doc.text, doc.body_start)
    for sent in doc.sentences:
        sent.tokens = lang.tokenize(sent.text, sent.start)
        lang.post_tokens(sent.tokens)
    return doc
