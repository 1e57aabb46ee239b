"""Export stored events: one writer per format over the store's export records
(:func:`chronik.store.query.records_with_mentions`, shape :mod:`chronik.records`).

Formats: ``jsonl`` (export records, ``chronik schema``), ``csv`` and ``parquet`` (the
flat typed row of :data:`chronik.records.FLAT_COLUMNS`), ``gdelt`` and
``gdelt-mentions`` (GDELT 2.0 Events and Mentions tables) and ``plover`` (PLOVER
records). The store knows nothing of this package.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..records import FLAT_COLUMNS, arrow_schema, arrow_table, flat_row
from ..store.backend import StoreError
from ..store.query import EventFilter, records_with_mentions
from .gdelt import event_row, mention_rows
from .plover import plover_record

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "gdelt-mentions", "plover")
PARQUET_CHUNK = 10000

__all__ = ["FORMATS", "export", "write_records"]


@contextlib.contextmanager
def _text_out(out: Any) -> Iterator[IO[str]]:
    if out in (None, "-"):
        yield sys.stdout
    elif isinstance(out, io.TextIOBase) or hasattr(out, "write"):
        yield out
    else:
        try:
            f = open(out, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise StoreError(f"cannot write {out}: {exc.strerror or exc}") from None
        with f:
            yield f


_BLANKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def _tsv(row: list[str]) -> str:
    return "\t".join(c.translate(_BLANKS) for c in row) + "\n"


def _csv_value(v: Any) -> Any:
    return "" if v is None else v.isoformat() if hasattr(v, "isoformat") else v


def write_records(recs: Iterable[dict[str, Any]], out: Any, fmt: str) -> int:
    """Write export records in ``fmt`` to ``out`` (a path, "-" or a text file).

    Returns:
        The number of events written.

    Raises:
        StoreError: unknown format, or the output cannot be written.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _parquet(recs, out)
    n = 0
    with _text_out(out) as f:
        if fmt == "csv":
            w = csv.writer(f, lineterminator="\n")
            w.writerow(FLAT_COLUMNS)
        for rec in recs:
            n += 1
            if fmt == "jsonl":
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            elif fmt == "plover":
                f.write(json.dumps(plover_record(rec), ensure_ascii=False) + "\n")
            elif fmt == "csv":
                row = flat_row(rec)
                w.writerow([_csv_value(row[c]) for c in FLAT_COLUMNS])
            elif fmt == "gdelt":
                f.write(_tsv(event_row(rec)))
            else:
                f.writelines(_tsv(r) for r in mention_rows(rec))
    return n


def export(store: Any, out: Any, fmt: str = "jsonl", **filters: Any) -> int:
    """Write the stored events matching ``filters`` (see :class:`~chronik.store.query.EventFilter`)
    to ``out`` in ``fmt``; returns the number of events."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    flt = EventFilter(**filters)
    flt.where(store.db.dialect)  # validate before opening the output
    return write_records(records_with_mentions(store, flt), out, fmt)


def _parquet(recs: Iterable[dict[str, Any]], out: Any) -> int:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("parquet export needs pyarrow: pip install pyarrow") from None
    if out in (None, "-") or hasattr(out, "write"):
        raise StoreError("parquet export needs a file: use -o FILE")
    try:
        writer = pq.ParquetWriter(out, arrow_schema())
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc}") from None
    n = 0
    with writer:
        chunk: list[dict[str, Any]] = []
        for rec in recs:
            chunk.append(flat_row(rec))
            if len(chunk) >= PARQUET_CHUNK:
                writer.write_table(arrow_table(chunk))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(arrow_table(chunk))
            n += len(chunk)
    return n
