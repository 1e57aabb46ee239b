"""Issue 11: exports that analysts' tools load as they are.

Real articles (dev documents, coded by the real pipeline) go into a store; every export
is loaded with pandas, pyarrow, polars and DuckDB and checked for dtypes and values; the
JSON Lines exports are validated against ``chronik schema``; the GDELT files are checked
column by column against the codebook's column names and types.
"""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner

from chronik.cli import cli
from chronik.records import period_start

from .conftest import DEV_DOCS, ROOT

# dev documents with day, week and month dates, undated events, places (Düsseldorf, Nairobi),
# German and English, and two sentences that are the same text under two ids
DEV = ["en-gsr-fight-0015", "de-wn-61550", "de-wn-73055", "de-wn-33957", "en-wn-20200106-iraq-parliament-expel-us-troops",
       "en-wn-20041118-chinese-submarine-japan", "en-gsr-coerce-0018", "en-gsr-fight-0006", "de-azvision-blinken-aliyev",
       "en-gsr-reject-0007"]
FRENCH = ("Le ministre des Affaires étrangères a déclaré mardi que les troupes se sont retirées de la ville. "
          "Il a ajouté que les négociations avec le gouvernement sont dans une phase difficile, mais que la France "
          "reste engagée pour la paix et que les sanctions ne sont pas levées.")
GDELT_DIR = ROOT / "tests" / "fixtures" / "gdelt"


def _codebook(name: str) -> list[tuple[str, str]]:
    rows = [line.split("\t") for line in (GDELT_DIR / f"{name}-columns.tsv").read_text().splitlines()
            if line and not line.startswith("#")]
    return [(n, t) for n, t in rows]


@pytest.fixture(scope="module")
def dev_db(tmp_path_factory):
    if not DEV_DOCS.exists():
        pytest.skip("../shared/eval/dev/docs not available")
    tmp = tmp_path_factory.mktemp("export")
    corpus = tmp / "corpus"
    corpus.mkdir()
    for name in DEV:
        (corpus / f"{name}.txt").write_text((DEV_DOCS / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    wire = (DEV_DOCS / "de-wn-11775.txt").read_text(encoding="utf-8")
    lines = [{"id": "wire-a", "text": wire, "url": "https://apa.example/1"},
             {"id": "wire-b", "text": wire, "url": "https://other.example/copy"},  # the same article, second URL
             {"id": "fr-1", "text": FRENCH, "url": "https://lemonde.example/1"}]
    (corpus / "wire.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    db = str(tmp / "dev.db")
    res = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", db])
    assert res.exit_code == 0, res.output
    return {"db": db, "tmp": tmp, "summary": res.output, "corpus": corpus}


def _export(dev_db, fmt, *extra):
    out = dev_db["tmp"] / f"events-{fmt}-{len(extra)}.{fmt.replace('-', '.')}"
    res = CliRunner().invoke(cli, ["export", "--db", dev_db["db"], "--format", fmt, "-o", str(out), *extra])
    assert res.exit_code == 0, res.output
    return out


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# records, schema -----------------------------------------------------------------
def test_issue11_jsonl_export_validates_against_the_schema(dev_db):
    import jsonschema

    from chronik.schema import schema

    res = CliRunner().invoke(cli, ["schema"])
    assert json.loads(res.output) == schema("jsonl")
    for fmt in ("jsonl", "plover"):
        validator = jsonschema.Draft202012Validator(schema(fmt))
        recs = _jsonl(_export(dev_db, fmt))
        assert len(recs) > 20
        for rec in recs:
            validator.validate(rec)
    query = CliRunner().invoke(cli, ["query", "--db", dev_db["db"], "--format", "jsonl"]).output
    validator = jsonschema.Draft202012Validator(schema("jsonl"))
    for line in query.splitlines():
        validator.validate(json.loads(line))


def test_issue11_jsonl_actors_have_one_shape_and_load_in_polars_and_pyarrow(dev_db):
    import polars as pl
    import pyarrow.json as pj

    path = _export(dev_db, "jsonl")
    recs = _jsonl(path)
    for role in ("source", "target", "reported_by"):
        assert {type(r[role]) for r in recs} == {list}, role
    assert any(r["target"] == [] for r in recs) and any(len(r["target"]) == 1 for r in recs)
    table = pj.read_json(path)
    assert table.num_rows == len(recs)
    assert str(table.schema.field("source").type).startswith("list<item: struct<")
    df = pl.read_ndjson(path)
    assert df.height == len(recs) and df.schema["cameo"] == pl.String
    assert isinstance(df.schema["source"], pl.List)


# typed tables -----------------------------------------------------------------------
def test_issue11_to_pandas_parses_dates_of_every_precision(dev_db):
    import chronik

    with chronik.open(dev_db["db"]) as store:
        df = store.events().to_pandas()
        recs = list(store.events().records())
    assert str(df["date"].dtype).startswith("datetime64")
    undated = sum(1 for r in recs if r["date"] is None)
    assert df["date"].isna().sum() == undated < len(df)
    assert {"day", "month"} <= set(df["date_precision"].dropna())
    month = df[df["date_precision"] == "month"].iloc[0]
    assert month["date"].day == 1 and month["date_text"] == month["date"].strftime("%Y-%m")
    assert str(df["quad"].dtype) == "Int64" and str(df["num_mentions"].dtype) == "Int64"
    assert df["cameo"].dropna().str.fullmatch(r"\d{3,4}").all() and df["cameo"].str.startswith("0").any()


def test_issue11_to_arrow_and_to_polars_dtypes(dev_db):
    import polars as pl
    import pyarrow as pa

    import chronik

    with chronik.open(dev_db["db"]) as store:
        t = store.events().to_arrow()
        p = store.events(type="ASSAULT").to_polars()
    assert t.schema.field("date").type == pa.date32() and t.schema.field("cameo").type == pa.string()
    assert t.schema.field("num_sources").type == pa.int64() and t.schema.field("geonames_id").type == pa.int64()
    assert p.schema["date"] == pl.Date and p.schema["quad"] == pl.Int64 and p.schema["cameo"] == pl.String
    assert set(p["type"].to_list()) == {"ASSAULT"}


def test_issue11_parquet_has_date_and_string_codes_and_duckdb_reads_it(dev_db):
    import duckdb
    import pandas as pd
    import pyarrow.parquet as pq

    path = _export(dev_db, "parquet")
    schema = pq.read_schema(path)
    assert str(schema.field("date").type) == "date32[day]" and str(schema.field("cameo").type) == "string"
    df = pd.read_parquet(path)
    assert df["cameo"].str.startswith("0").any()
    con = duckdb.connect()
    types = dict(con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()[i][:2]
                 for i in range(len(schema.names)))
    assert types["date"] == "DATE" and types["cameo"] == "VARCHAR" and types["quad"] == "BIGINT"
    n, months = con.execute(f"SELECT COUNT(*), COUNT(DISTINCT date_trunc('month', date)) FROM read_parquet('{path}') "
                            "WHERE date IS NOT NULL").fetchone()
    assert n == df["date"].notna().sum() and months > 3


def test_issue11_csv_keeps_codes_as_strings_with_the_documented_dtypes(dev_db):
    import pandas as pd

    from chronik.records import FLAT_COLUMNS

    path = _export(dev_db, "csv")
    df = pd.read_csv(path, dtype={"cameo": str, "geonames_id": "Int64"}, parse_dates=["date"])
    assert list(df.columns) == list(FLAT_COLUMNS)
    assert df["cameo"].str.startswith("0").any() and str(df["date"].dtype).startswith("datetime64")


# GDELT -------------------------------------------------------------------------------
_INT = re.compile(r"^-?\d+$")


def _gdelt(path, name):
    import pandas as pd

    cols = _codebook(name)
    df = pd.read_csv(path, sep="\t", header=None, names=[c for c, _ in cols], dtype=str, keep_default_na=False,
                     quoting=3)
    for col, kind in cols:  # the codebook's types, every row
        vals = [v for v in df[col] if v != ""]
        if kind == "INTEGER":
            assert all(_INT.match(v) for v in vals), col
        elif kind == "FLOAT":
            assert all(float(v) == float(v) for v in vals), col
    return df


def test_issue11_gdelt_events_and_mentions_match_the_codebook(dev_db):
    from chronik.cameo import goldstein_table

    events = _gdelt(_export(dev_db, "gdelt"), "events")
    mentions = _gdelt(_export(dev_db, "gdelt-mentions"), "mentions")
    recs = {r["global_event_id"]: r for r in _jsonl(_export(dev_db, "jsonl"))}
    assert len(events) == len(recs) and len(_codebook("events")) == 61
    table = goldstein_table()
    for _, row in events.iterrows():
        rec = recs[int(row.GLOBALEVENTID)]
        day = dt.datetime.strptime(row.SQLDATE, "%Y%m%d").date()
        if rec["date"]:
            assert day == period_start(rec["date"])
        assert row.MonthYear == row.SQLDATE[:6] and row.Year == row.SQLDATE[:4]
        assert day.year <= float(row.FractionDate) < day.year + 1
        dt.datetime.strptime(row.DATEADDED, "%Y%m%d%H%M%S")
        assert re.fullmatch(r"\d{3,4}", row.EventCode) and row.EventBaseCode == row.EventCode[:3]
        assert row.EventRootCode == row.EventCode[:2] and 1 <= int(row.QuadClass) <= 4
        assert float(row.GoldsteinScale) == table.get(row.EventCode, table.get(row.EventCode[:3]))
        assert int(row.NumMentions) >= 1 and int(row.NumSources) >= 1 and int(row.NumArticles) >= 1
        assert row.IsRootEvent in ("0", "1") and row.SOURCEURL
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
            assert row[f"{geo}_Type"] in "012345"
            if row[f"{geo}_Type"] != "0":
                assert -90 <= float(row[f"{geo}_Lat"]) <= 90 and -180 <= float(row[f"{geo}_Long"]) <= 180
                assert re.fullmatch(r"[A-Z]{2}", row[f"{geo}_CountryCode"]) and row[f"{geo}_FullName"]
                assert row[f"{geo}_ADM1Code"].startswith(row[f"{geo}_CountryCode"])
                assert row[f"{geo}_FeatureID"] or row[f"{geo}_Type"] in "25"  # regions have no GeoNames id
        if rec["location"] and rec["location"]["lat"] is not None:
            assert row.ActionGeo_Type != "0" and float(row.ActionGeo_Lat) == pytest.approx(rec["location"]["lat"], abs=1e-3)
        loc = rec["location"] or {}
        if row.ActionGeo_Type in "34":  # a city: its GeoNames id and an ADM1 code below the country
            assert row.ActionGeo_FeatureID == str(loc["geonames_id"]) and len(row.ActionGeo_ADM1Code) > 2
    assert (events.ActionGeo_Type == "4").any() and (events.Actor1Geo_Type != "0").sum() > len(events) / 2
    # mentions: one row per report and alias URL, pointing at stored events
    ids = set(events.GLOBALEVENTID)
    assert set(mentions.GLOBALEVENTID) == ids
    assert len(mentions) == sum(max(1, len(m["urls"])) for r in recs.values() for m in r["mentions"])
    added = dict(zip(events.GLOBALEVENTID, events.DATEADDED))
    for _, m in mentions.iterrows():
        assert m.EventTimeDate == added[m.GLOBALEVENTID] and len(m.MentionTimeDate) == 14
        assert m.MentionType in ("1", "2") and int(m.SentenceID) >= 1 and 0 <= int(m.Confidence) <= 100
        assert int(m.ActionCharOffset) >= 0 and int(m.Actor1CharOffset) >= -1 and int(m.MentionDocLen) > 0
        assert m.MentionIdentifier and m.MentionSourceName
    assert "https://other.example/copy" in set(mentions.MentionIdentifier)
    assert {"srclc:deu", ""} <= set(mentions.MentionDocTranslationInfo)


def test_issue11_goldstein_scale_is_the_cameo_table_not_the_plover_intensity(tmp_path):
    from chronik.model import Document
    from chronik.store import open as open_store, synthetic

    from chronik.export import export

    text = "France praised Germany on 2023-05-02 over the talks, officials said. " \
           "Iran threatened Israel on 2023-05-03 over the pipeline deal, officials said."
    with open_store(str(tmp_path / "g.db")) as store:
        store.ingest([Document(id="g", text=text, lang="en", url="https://g.example/1")], process=synthetic.code)
        out = tmp_path / "g.tsv"
        export(store, str(out), "gdelt")
    rows = {r[26]: r for r in (line.split("\t") for line in out.read_text().splitlines())}
    assert rows["051"][30] == "3.4" and rows["130"][30] == "-4.4"


def test_issue11_global_event_ids_are_stable_and_the_progress_bar_counts_truly(dev_db, tmp_path):
    full = {r[0]: r for r in (line.split("\t") for line in _export(dev_db, "gdelt").read_text().splitlines())}
    accuse = [line.split("\t") for line in _export(dev_db, "gdelt", "--type", "accuse").read_text().splitlines()]
    assert accuse and all(full[r[0]][26] == r[26] and full[r[0]][1] == r[1] for r in accuse)
    # a fresh store from the same inputs (other batches, progress bar on): the same ids
    db2 = str(tmp_path / "again.db")
    res = CliRunner().invoke(cli, ["ingest", str(dev_db["corpus"]), "--db", db2, "--progress", "--batch-size", "3"])
    assert res.exit_code == 0, res.output
    total = int(re.search(r"; (\d+) events", res.output).group(1))
    inputs = int(re.search(r"chronik: (\d+) inputs", res.output).group(1))
    assert f"events={total}" in res.output and f"{inputs}/{inputs}" in res.output  # documents and events, not batches
    out = tmp_path / "again.jsonl"
    CliRunner().invoke(cli, ["export", "--db", db2, "--format", "jsonl", "-o", str(out)])
    again = {r["global_event_id"]: r["event_id"] for r in _jsonl(out)}
    first = {r["global_event_id"]: r["event_id"] for r in _jsonl(_export(dev_db, "jsonl"))}
    assert again == first


# PLOVER ------------------------------------------------------------------------------
def test_issue11_plover_records_are_dated_and_have_text_offsets(dev_db):
    import chronik

    recs = _jsonl(_export(dev_db, "plover"))
    with chronik.open(dev_db["db"]) as store:
        texts = {r[0]: r[1] for r in store.db.all("SELECT doc_id, text FROM documents")}
        published = {d["doc_id"]: d["published"] for d in store.documents()}
    for rec in recs:
        doc = rec["cite_info"][0]["citation"]
        if published[doc]:
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["date"]) and rec["date_precision"], rec["id"]
        for info, text in zip(rec["text_info"], rec["event_text"]):
            assert texts[info["doc_id"]][info["start"]:info["end"]] == text


def test_issue11_plover_date_falls_back_to_the_publication_date(tmp_path):
    from chronik.export import write_records
    from chronik.model import Report, StoredEvent
    from chronik.records import export_record

    ev = StoredEvent(doc_id="x", type="ACCUSE", source=None, target=None, evidence_text="t", evidence_start=0,
                     evidence_end=1, event_id="x#1", reports=[Report("x", "t", 0, 1, published="2020-01-05")])
    rec = export_record(ev)
    out = tmp_path / "p.jsonl"
    write_records([rec], str(out), "plover")
    [p] = _jsonl(out)
    assert (p["date"], p["date_precision"], p["date_source"]) == ("2020-01-05", "day", "published")


# documents, languages, stats, order --------------------------------------------------------
def test_issue11_aliases_and_skipped_languages_are_counted(dev_db):
    import chronik

    assert "aliases" in dev_db["summary"] and "1 skipped (language)" in dev_db["summary"]
    assert "wire.jsonl:3: skipped: fr, no language pack" in dev_db["summary"]
    with chronik.open(dev_db["db"]) as store:
        docs = {d["doc_id"]: d for d in store.documents()}
        assert "fr-1" not in docs
        assert [a["doc_id"] for a in docs["en-gsr-coerce-0018"]["aliases"]] == ["en-gsr-fight-0006"]
        assert [a["url"] for a in docs["wire-a"]["aliases"]] == ["https://other.example/copy"]
        assert "wire-b" not in docs and store.stats()["aliases"] == 2
        recs = [r for r in store.events().records() if r["doc_id"] == "wire-a"]
    assert recs and all(r["mentions"][0]["urls"] == ["https://apa.example/1", "https://other.example/copy"]
                        for r in recs)
    assert all(r["num_articles"] == 2 for r in recs)


def test_issue11_stats_by_day_month_and_year(dev_db):
    import chronik

    with chronik.open(dev_db["db"]) as store:
        st = store.stats()
        recs = list(store.events().records())
    days = [r["date"] for r in recs if r["date_precision"] == "day"]
    assert st["per_day"] == {d: days.count(d) for d in sorted(set(days))}
    assert all(len(k) == 7 for k in st["per_month"]) and all(len(k) == 4 for k in st["per_year"])
    assert sum(st["per_month"].values()) == sum(1 for r in recs if r["date_precision"] in ("day", "week", "month"))
    assert sum(st["per_year"].values()) == st["events"] - st["undated"]
    month_only = next(r["date"] for r in recs if r["date_precision"] == "month")
    assert month_only in st["per_month"] and month_only not in st["per_day"]
    table = CliRunner().invoke(cli, ["stats", "--db", dev_db["db"], "--by", "year"]).output
    assert "events per year" in table and month_only[:4] in table


def test_issue11_store_does_not_import_export():
    import subprocess
    import sys

    code = "import sys, chronik.store, chronik.store.query; print(sorted(m for m in sys.modules if m.startswith('chronik.export')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    for path in (ROOT / "chronik" / "store").glob("*.py"):
        assert not re.search(r"^\s*from \.\.export|^\s*import chronik\.export", path.read_text(), re.M), path


def test_issue11_extract_order_is_sorted_and_french_is_skipped(tmp_path):
    texts = {"b-en.txt": "Police arrested dozens of protesters in Tbilisi on Saturday, the interior ministry said.",
             "a-fr.txt": FRENCH,
             "c-de.txt": "Am 19. September rief Antony Blinken Ilham Aliyev an."}
    for name in ("c-de.txt", "a-fr.txt", "b-en.txt"):  # created out of order
        (tmp_path / name).write_text(texts[name], encoding="utf-8")
    r = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "json", "--published", "2023-09-20"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert [d["document"]["id"] for d in out["documents"]] == ["b-en", "c-de"]
    assert out["skipped"] == [{"doc_id": "a-fr", "path": str(tmp_path / "a-fr.txt"), "lang": "fr",
                               "reason": out["skipped"][0]["reason"]}]
    assert "skipped: fr, no language pack" in r.stderr and "1 documents skipped" in r.stderr


@pytest.mark.parametrize("loc,expected", [
    ({"name": "Düsseldorf", "country": "DEU", "lat": 51.2217, "lon": 6.77616, "geonames_id": 2934246},
     ["4", "Düsseldorf, Germany", "GM", "GM07", "", "51.2217", "6.7762", "2934246"]),
    ({"name": "Germany", "country": "DEU", "lat": 52.52, "lon": 13.41, "geonames_id": 2921044},
     ["1", "Germany", "GM", "GM", "", "52.52", "13.41", "GM"]),
    ({"name": "Karabakh", "country": "AZE", "lat": 39.8, "lon": 46.75, "geonames_id": None},
     ["5", "Karabakh", "AJ", "AJ", "", "39.8", "46.75", ""]),
    (None, ["0", "", "", "", "", "", "", ""]),
])
def test_issue11_gdelt_geography_of_resolved_places(loc, expected):
    from chronik.export.places import location_geo

    assert location_geo(loc) == expected
