"""Plain text as scraped from news sites -> :class:`~chronik.model.Document`."""
from __future__ import annotations

from ..clean import clean_text
from ..langid import detect_language, normalise_code
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
    """
    cleaned = clean_text(text, title=title)
    lang = normalise_code(lang) if lang != "auto" else None
    if not lang:
        lang = detect_language(cleaned.text)
    return Document(
        id=doc_id,
        text=cleaned.text,
        title=cleaned.title,
        published=published or cleaned.published,
        lang=lang,
        source=source or cleaned.source,
        url=url,
        path=path,
        body_start=cleaned.body_start,
    )
