"""Writers for stored events: jsonl, csv, parquet, gdelt (GDELT 2.0 event table) and
plover (PLOVER JSON records as the PLOVER manual's "Data Fields" chapter describes)."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from .backend import StoreError
from .merge import actors_of
from .query import EventFilter, stored_record

if TYPE_CHECKING:
    from .db import Store

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover")
FLAT_COLUMNS = (
    "event_id", "date", "date_precision", "type", "mode", "context", "cameo", "quad", "intensity", "status",
    "source_name", "source_country", "source_sector", "target_name", "target_country", "target_sector",
    "location_name", "location_country", "lat", "lon", "lang", "confidence", "num_mentions", "num_articles",
    "num_sources", "doc_ids", "urls", "evidence",
)
_INT = {"quad", "num_mentions", "num_articles", "num_sources"}
_FLOAT = {"intensity", "lat", "lon", "confidence"}


def _names(value: Any, key: str) -> str | None:
    vals = [a.get(key) or (a.get("text") if key == "name" else None) for a in actors_of(value)]
    vals = [v for v in vals if v]
    return ";".join(vals) if vals else None


def flat_row(rec: dict[str, Any]) -> dict[str, Any]:
    """One flat row (CSV, parquet, pandas) of a stored event record; compound actors are
    joined with ``;``."""
    loc = rec.get("location") or {}
    reports = rec.get("mentions") or []
    return {
        "event_id": rec.get("event_id"), "date": rec.get("date"), "date_precision": rec.get("date_precision"),
        "type": rec.get("type"), "mode": rec.get("mode"), "context": ";".join(rec.get("context") or []) or None,
        "cameo": rec.get("cameo"), "quad": rec.get("quad"), "intensity": rec.get("intensity"),
        "status": rec.get("status"),
        "source_name": _names(rec.get("source"), "name"), "source_country": _names(rec.get("source"), "country"),
        "source_sector": _names(rec.get("source"), "sector"),
        "target_name": _names(rec.get("target"), "name"), "target_country": _names(rec.get("target"), "country"),
        "target_sector": _names(rec.get("target"), "sector"),
        "location_name": loc.get("name"), "location_country": loc.get("country"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "lang": rec.get("lang"), "confidence": rec.get("confidence"),
        "num_mentions": rec.get("num_mentions"), "num_articles": rec.get("num_articles"),
        "num_sources": rec.get("num_sources"),
        "doc_ids": ";".join(dict.fromkeys(m["doc_id"] for m in reports)) or rec.get("doc_id"),
        "urls": ";".join(dict.fromkeys(m["url"] for m in reports if m.get("url"))) or None,
        "evidence": (rec.get("evidence") or {}).get("text"),
    }


def records_with_mentions(store: Store, **filters: Any) -> Iterator[dict[str, Any]]:
    """Stored event records, each with ``mentions``: every report (document, URL, source,
    publication date, evidence) in ingest order."""
    flt = EventFilter(**filters)
    where, params = flt.where(store.db.dialect)
    sql = ("SELECT e.id, e.event_key, e.record, e.num_mentions, e.num_articles, e.num_sources, "
           "m.local_id, m.evidence_text, m.evidence_start, m.evidence_end, m.confidence AS m_conf, "
           "d.doc_id, d.url, d.published, d.title, s.name AS outlet "
           "FROM events e JOIN event_mentions m ON m.event_id = e.id JOIN documents d ON d.id = m.document_id "
           f"LEFT JOIN sources s ON s.id = d.source_id WHERE {where} ORDER BY e.date, e.id, m.id")
    current: dict[str, Any] | None = None
    cur_id = None
    count = 0
    for row in store.db.dicts(sql, params):
        if row["id"] != cur_id:
            if current is not None:
                yield current
                count += 1
                if flt.limit is not None and count >= flt.limit:
                    return
            cur_id = row["id"]
            current = stored_record(row)
            current["mentions"] = []
        current["mentions"].append({
            "doc_id": row["doc_id"], "event_id": row["local_id"], "url": row["url"], "source": row["outlet"],
            "published": row["published"], "title": row["title"], "confidence": row["m_conf"],
            "evidence": {"text": row["evidence_text"], "start": row["evidence_start"], "end": row["evidence_end"]},
        })
    if current is not None and (flt.limit is None or count < flt.limit):
        yield current


# GDELT ----------------------------------------------------------------------
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                               "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in
      ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61


def _gdelt_actor(value: Any) -> list[str]:
    acts = actors_of(value)
    if not acts:
        return [""] * 10
    a = acts[0]
    country, sector = a.get("country") or "", a.get("sector") or ""
    name = (a.get("name") or a.get("text") or "").upper()
    known = country if country in ("IGO", "NGO", "MNC") else ""
    return [country + sector, name, "" if known else country, known, "", "", "", sector, "", ""]


def gdelt_row(rec: dict[str, Any], number: int) -> list[str]:
    """The 61 columns of a GDELT 2.0 event row. Filled: ids, dates, actors (CAMEO-style
    country + sector codes), event codes, quad class, the PLOVER intensity as Goldstein
    scale, counts, action geography (name, lat/long; country codes stay empty because
    GDELT uses FIPS codes) and the first source URL. Tone and actor geography stay empty."""
    date = (rec.get("date") or "")[:10]
    ymd = date.replace("-", "")
    cameo = rec.get("cameo") or ""
    loc = rec.get("location") or {}
    reports = rec.get("mentions") or []
    url = next((m["url"] for m in reports if m.get("url")), "") or ""
    frac = ""
    if len(ymd) == 8:
        frac = f"{int(ymd[:4]) + (int(ymd[4:6]) - 1) / 12 + (int(ymd[6:8]) - 1) / 365:.4f}"
    fmt = lambda v: "" if v is None else str(v)  # noqa: E731
    geo = ["", "", "", "", "", "", "", ""]
    if loc:
        geo = ["4" if loc.get("lat") is not None else "1", loc.get("name") or loc.get("text") or "", "", "", "",
               fmt(loc.get("lat")), fmt(loc.get("lon")), fmt(loc.get("geonames_id"))]
    published = next((m["published"] for m in reports if m.get("published")), None) or date
    return [
        str(number), ymd, ymd[:6], ymd[:4], frac, *_gdelt_actor(rec.get("source")), *_gdelt_actor(rec.get("target")),
        "1", cameo, cameo[:3], cameo[:2], fmt(rec.get("quad")), fmt(rec.get("intensity")),
        fmt(rec.get("num_mentions")), fmt(rec.get("num_sources")), fmt(rec.get("num_articles")), "",
        *[""] * 16, *geo, (published or "").replace("-", "") + ("000000" if published else ""), url,
    ]


# PLOVER -----------------------------------------------------------------------
def _plover_entity(a: dict[str, Any]) -> dict[str, Any]:
    ent = {"code": a.get("country"), "sector": a.get("sector"), "entity_text": a.get("text")}
    if a.get("kb_id"):
        ent["identifier_id"] = a["kb_id"]
    if a.get("name"):
        ent["identifier_text"] = a["name"]
    if a.get("role"):
        ent["office"] = a["role"]
    return ent


def plover_record(rec: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER JSON record (``id``, ``date``, ``actor``, ``recipient``, ``event``, ...)."""
    loc = rec.get("location")
    out: dict[str, Any] = {
        "id": rec["event_id"], "has_event": True, "date": rec.get("date"),
        "actor": [_plover_entity(a) for a in actors_of(rec.get("source"))],
        "recipient": [_plover_entity(a) for a in actors_of(rec.get("target"))],
        "event": [rec["type"]],
        "mode": [rec["mode"]] if rec.get("mode") else [],
        "context": list(rec.get("context") or []),
        "quad_code": rec.get("quad"), "event_scale": rec.get("intensity"),
        "event_text": [m["evidence"]["text"] for m in rec.get("mentions") or []] or [(rec.get("evidence") or {}).get("text")],
        "cite_info": [{"corpus": "chronik", "citation": m["doc_id"], "url": m.get("url"), "title": m.get("title"),
                       "language": rec.get("lang"), "publication": m.get("source")} for m in rec.get("mentions") or []],
        "coder": "chronik", "codebook": "plover-2.0", "cameo": rec.get("cameo"), "status": rec.get("status"),
    }
    if loc:
        out["event_loc"] = {"extracted_place": loc.get("text"), "resolved_place": loc.get("name"),
                            "geonameid": loc.get("geonames_id"), "lat": loc.get("lat"), "lon": loc.get("lon"),
                            "country_code": loc.get("country")}
    return out


# writing ----------------------------------------------------------------------
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


def export(store: Store, out: Any, fmt: str = "jsonl", **filters: Any) -> int:
    """Write the events matching ``filters`` to ``out`` (a path, "-" or a text file).

    Returns:
        The number of events written.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    recs = records_with_mentions(store, **filters)
    if fmt == "parquet":
        return _parquet(recs, out)
    n = 0
    with _text_out(out) as f:
        if fmt in ("jsonl", "plover"):
            for rec in recs:
                obj = plover_record(rec) if fmt == "plover" else rec
                f.write(json.dumps(obj, ensure_ascii=False) + "\n")
                n += 1
        elif fmt == "csv":
            w = csv.DictWriter(f, fieldnames=list(FLAT_COLUMNS), lineterminator="\n")
            w.writeheader()
            for rec in recs:
                w.writerow(flat_row(rec))
                n += 1
        else:  # gdelt: tab-separated, no header, like GDELT's own files
            for rec in recs:
                n += 1
                f.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in gdelt_row(rec, n)) + "\n")
    return n


def _parquet(recs: Iterator[dict[str, Any]], out: Any) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("parquet export needs pyarrow: pip install pyarrow") from None
    if out in (None, "-"):
        raise StoreError("parquet export needs a file: use -o FILE")
    schema = pa.schema([(c, pa.int64() if c in _INT else pa.float64() if c in _FLOAT else pa.string())
                        for c in FLAT_COLUMNS])
    n = 0
    try:
        writer = pq.ParquetWriter(out, schema)
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc}") from None
    with writer:
        chunk: list[dict[str, Any]] = []
        for rec in recs:
            chunk.append(flat_row(rec))
            if len(chunk) >= 10000:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                n += len(chunk)
                chunk = []
        if chunk or n == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n
