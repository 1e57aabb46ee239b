"""GDELT 2.0 files: the Events table (61 columns) and the Mentions table (16 columns),
tab-separated without a header, in the formats of the GDELT 2.0 Event codebook.

Mapping (see README, "Using the data"): GLOBALEVENTID is a stable hash of the event id
(:func:`chronik.records.global_event_id`); SQLDATE is the event date, else the first
report's publication date, else the day it was stored (a month or year date is its
first day); GoldsteinScale comes from the CAMEO Goldstein table; actor codes are
country + sector (CAMEO-style "RUSGOV"); geography comes from the resolved place
(:mod:`chronik.export.places`); AvgTone and MentionDocTone stay empty (Chronik measures
no tone).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..records import period_start
from .places import actor_geo, location_geo

EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                               "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in
      ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
)
MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)
assert len(EVENT_COLUMNS) == 61 and len(MENTION_COLUMNS) == 16
GROUPS = ("IGO", "NGO", "MNC")
ROOT_SENTENCES = 3  # an event reported in the first sentences (headline and lead) is a root event
_ISO639_2 = {"de": "deu", "en": "eng", "fr": "fra", "es": "spa", "it": "ita", "nl": "nld", "pt": "por", "ru": "rus"}


def _stamp(value: str | None) -> str:
    """YYYYMMDDHHMMSS of an ISO date or timestamp ("" when there is none)."""
    if not value:
        return ""
    try:
        t = dt.datetime.fromisoformat(value)
    except ValueError:
        d = period_start(value)
        return d.strftime("%Y%m%d000000") if d else ""
    if t.tzinfo is not None:
        t = t.astimezone(dt.timezone.utc)
    return t.strftime("%Y%m%d%H%M%S")


def event_day(rec: dict[str, Any]) -> dt.date:
    """The day GDELT files an event under: its date, else the first publication date,
    else the day it was stored."""
    ms = rec.get("mentions") or []
    for value in (rec.get("date"), *(m.get("published") for m in ms), *(m.get("added") for m in ms)):
        d = period_start(value)
        if d:
            return d
    return dt.date.today()


def _actor(actors: list[dict[str, Any]]) -> list[str]:
    if not actors:
        return [""] * 10
    a = actors[0]
    country, sector = a.get("country") or "", a.get("sector") or ""
    name = (a.get("name") or a.get("text") or "").upper()
    code = country + sector if len(country) == 3 else sector
    return [code, name, "" if country in GROUPS else country, "", "", "", "", sector, "", ""]


def _num(v: float | None) -> str:
    return "" if v is None else f"{v:g}"


def event_row(rec: dict[str, Any]) -> list[str]:
    """The 61 columns of one export record (:func:`chronik.records.event_record`)."""
    day = event_day(rec)
    cameo = rec.get("cameo") or ""
    loc = rec.get("location")
    ms = rec.get("mentions") or []
    src, tgt = rec["source"], rec["target"]
    first = ms[0] if ms else {}
    root = first.get("sentence") is not None and first["sentence"] < ROOT_SENTENCES
    frac = day.year + ((day.month - 1) * 30 + day.day) / 365  # GDELT's own formula
    return [
        str(rec["global_event_id"]), day.strftime("%Y%m%d"), day.strftime("%Y%m"), f"{day.year:04d}",
        f"{frac:.4f}", *_actor(src), *_actor(tgt),
        "1" if root else "0", cameo, cameo[:3], cameo[:2], _num(rec.get("quad")), _num(rec.get("goldstein")),
        str(rec["num_mentions"]), str(rec["num_sources"]), str(rec["num_articles"]), "",
        *actor_geo(src[0] if src else None, loc), *actor_geo(tgt[0] if tgt else None, loc), *location_geo(loc),
        _stamp(first.get("added")) or day.strftime("%Y%m%d000000"),
        next((u for m in ms for u in m.get("urls") or []), "") or first.get("doc_id", ""),
    ]


def _offset(m: dict[str, Any], actors: list[dict[str, Any]]) -> str:
    ev = m["evidence"]
    for a in actors:
        for form in (a.get("text"), a.get("name")):
            i = ev["text"].find(form) if form else -1
            if i >= 0:
                return str(ev["start"] + i)
    return "-1"


def mention_rows(rec: dict[str, Any]) -> list[list[str]]:
    """The Mentions rows of one export record: one per report, and one more per alias URL
    of the reporting document (the same article published under another address)."""
    rows = []
    added = _stamp((rec.get("mentions") or [{}])[0].get("added")) or event_day(rec).strftime("%Y%m%d000000")
    for m in rec.get("mentions") or []:
        conf = m.get("confidence")
        lang = m.get("lang") or rec.get("lang") or ""
        when = _stamp(m.get("published")) or _stamp(m.get("added")) or added
        ids = m.get("urls") or [m["doc_id"]]
        for ident in ids:
            web = ident.startswith(("http://", "https://"))
            name = ident.split("/")[2] if web else (m.get("source") or m["doc_id"])
            rows.append([
                str(rec["global_event_id"]), added, when, "1" if web else "2", name, ident,
                str((m.get("sentence") or 0) + 1), _offset(m, rec["source"]), _offset(m, rec["target"]),
                str(m["evidence"]["start"]), "1", str(max(0, min(100, round((conf if conf is not None else 0.5) * 100)))),
                str(m.get("doc_length") or 0), "", "" if lang in ("en", "") else f"srclc:{_ISO639_2.get(lang, lang)}", "",
            ])
    return rows
