"""One code path for reading Chronik's data files (TSV, one entry a line).

Every data file has a header line ``# col1<TAB>col2...``; ``#`` lines are comments.
Rows are checked against the expected columns when they load.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .errors import DataError, Errors

DATA_DIR = Path(__file__).parent / "data"


def data_path(name: str, lang: str | None = None) -> Path:
    """Path of a shipped data file, language-specific when ``lang`` is given."""
    if lang:
        return Path(__file__).parent / "lang" / lang / "data" / name
    return DATA_DIR / name


def read_tsv(path: Path, columns: tuple[str, ...], *, required: int = 1) -> Iterator[dict[str, str]]:
    """Yield one dict per data row. Missing trailing columns are empty strings.

    Raises:
        DataError: a row has more columns than declared or lacks a required one.
    """
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) > len(columns):
                raise DataError(Errors.E012.format(path=path, line=n, detail=f"{len(parts)} columns, expected {len(columns)}"))
            if any(not p.strip() for p in parts[:required]):
                raise DataError(Errors.E012.format(path=path, line=n, detail=f"empty required column {columns[:required]}"))
            parts += [""] * (len(columns) - len(parts))
            yield {c: p.strip() for c, p in zip(columns, parts)}
