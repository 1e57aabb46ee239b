"""HTML pages -> :class:`~chronik.model.Document`, main text and metadata by trafilatura."""
from __future__ import annotations

from ..errors import Errors, InputError
from ..model import Document
from .text import document_from_text


def document_from_html(
    html: str,
    doc_id: str,
    *,
    url: str | None = None,
    published: str | None = None,
    lang: str | None = None,
    path: str | None = None,
) -> Document:
    """Extract the article of an HTML page.

    Raises:
        InputError: the page has no main text.
    """
    import trafilatura

    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if result is None:
        raise InputError(path or doc_id, Errors.E008)
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = (data.get("text") or "").strip()
    if not body:
        raise InputError(path or doc_id, Errors.E008)
    meta_date = data.get("date")
    doc = document_from_text(
        body,
        doc_id,
        published=published or (meta_date[:10] if meta_date else None),
        lang=lang,
        url=url or data.get("url"),
        title=data.get("title"),
        path=path,
        source=data.get("sitename") or None,
    )
    if doc.lang is None and data.get("language"):
        doc.lang = data["language"]
    if not doc.text[doc.body_start:].strip():  # a navigation-only page
        raise InputError(path or doc_id, Errors.E008)
    return doc
