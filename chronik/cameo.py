"""CAMEO event codes: the Goldstein conflict-cooperation score of each code.

The table is ``data/cameo-goldstein.tsv`` (GDELT's CAMEO Goldstein table; its header
names the source). A code missing from the table takes the score of its base code
("0234" -> "023" -> "02").
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .errors import DataError, Errors

GOLDSTEIN_FILE = Path(__file__).parent / "data" / "cameo-goldstein.tsv"


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO code -> Goldstein score, read once.

    Raises:
        DataError: a malformed line.
    """
    table: dict[str, float] = {}
    with open(GOLDSTEIN_FILE, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            try:
                code, value = parts
                score = float(value)
            except ValueError:
                raise DataError(Errors.E012.format(path=GOLDSTEIN_FILE, line=n, detail="expected code<TAB>score")) from None
            if not code.isdigit() or not -10.0 <= score <= 10.0:
                raise DataError(Errors.E012.format(path=GOLDSTEIN_FILE, line=n, detail=f"bad entry {line.strip()!r}"))
            table[code] = score
    return table


def goldstein(code: str | None) -> float | None:
    """The Goldstein score of a CAMEO code ("051" -> 3.4), or None for no or an unknown code."""
    if not code:
        return None
    table = goldstein_table()
    while code:
        if code in table:
            return table[code]
        code = code[:-1] if len(code) > 2 else ""
    return None
