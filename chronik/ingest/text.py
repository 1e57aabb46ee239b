"""Plain text as scraped from news sites -> :class:`~chronik.model.Document`."""
from __future__ import annotations

from ..clean import clean_text
from ..langid import detect_language, normalise_code
from ..limits import break_long_lines, check_document_size, clip, limits, scrub
from ..model import Document


def document_from_text(
    text: str,
    doc_id: str,
    *,
    published: str | None = None,
    lang: str | None = None,
    url: str | None = None,
    title: str | None = None,
    path: str | None = None,
    source: str | None = None,
) -> Document:
    """Clean scraped text and build a document.

    Args:
        text: the raw text.
        doc_id: document id (the file name without extension by default).
        published: YYYY-MM-DD; overrides a date found in the text.
        lang: "de", "en" (a tag such as "en-GB" counts as "en"); detected when None or "auto".
            Another language is kept as given; the pipeline skips such documents.
        url, title, path, source: metadata known from elsewhere (HTML, a JSONL corpus).

    Untrusted text is bounded first (:mod:`chronik.limits`): a text over
    ``max_document_chars`` is refused, lone surrogates become U+FFFD, lines over
    ``max_line_chars`` are split, a title is cut to ``max_title_chars``.

    Raises:
        LimitError: the text is too large.
    """
    lim = limits()
    check_document_size(text, path or doc_id)
    text = break_long_lines(scrub(text), lim.max_line_chars)
    cleaned = clean_text(text, title=clip(title, lim.max_title_chars))
    lang = normalise_code(clip(lang, 64)) if lang != "auto" else None
    if not lang:
        lang = detect_language(cleaned.text)
    return Document(
        id=doc_id,
        text=cleaned.text,
        title=cleaned.title,
        published=published or cleaned.published,
        lang=clip(lang, 16),
        source=clip(source or cleaned.source, lim.max_field_chars),
        url=clip(url, lim.max_field_chars),
        path=path,
        body_start=cleaned.body_start,
    )
