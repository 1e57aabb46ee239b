"""Shared fixtures. Tests may read ../shared (CI has it beside the checkout); Chronik never does."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "eval" / "dev" / "docs"
EXAMPLES = ROOT / "examples"
FOUNDING = EXAMPLES / "de-azvision-blinken-aliyev.txt"


@pytest.fixture(scope="session")
def founding_text() -> str:
    return FOUNDING.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def founding_doc(founding_text):
    import chronik

    return chronik.extract(founding_text, doc_id="de-azvision-blinken-aliyev")


def dev_doc(name: str) -> str:
    path = DEV_DOCS / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"{path} not available (../shared is not beside the checkout)")
    return path.read_text(encoding="utf-8")


def make_doc(text: str, lang: str = "de", published: str | None = None, doc_id: str = "t"):
    """A processed document from a sentence or article."""
    import chronik

    return chronik.extract(text, published=published, lang=lang, doc_id=doc_id)
