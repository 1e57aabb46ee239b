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


CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def scale_corpus(tmp_path_factory):
    """200 real Wikinews articles (150 German, 50 English) as 8 JSON Lines shards of 25, two of
    them gzipped, one in a subdirectory; with the single-process result as reference:
    ``(directory, coded documents in reading order)``."""
    import gzip

    from chronik.ingest import load_documents
    from chronik.pipeline import process

    src = [(CORPUS / "de-wikinews.jsonl", 150), (CORPUS / "en-wikinews.jsonl", 50)]
    if not all(p.exists() for p, _ in src):
        pytest.skip(f"{CORPUS} not available (../shared is not beside the checkout)")
    lines = [line for p, n in src for line in p.read_text(encoding="utf-8").splitlines()[:n]]
    root = tmp_path_factory.mktemp("scale") / "corpus"
    (root / "en").mkdir(parents=True)
    for i in range(8):
        chunk = "\n".join(lines[25 * i: 25 * (i + 1)]) + "\n"
        name = root / ("en" if i >= 6 else ".") / f"shard-{i}.jsonl"
        if i in (3, 7):
            with gzip.open(f"{name}.gz", "wt", encoding="utf-8") as f:
                f.write(chunk)
        else:
            name.write_text(chunk, encoding="utf-8")
    docs = [process(d) for d in load_documents([str(root)])]
    return root, docs
