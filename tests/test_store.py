"""Event store: migrations, idempotent ingest, updates, merging, wire copies, queries."""
from __future__ import annotations

import json

import pytest

import chronik.store as store_mod
from chronik.model import Document
from chronik.store import StoreError, synthetic
from chronik.store.migrations import MIGRATIONS, Migration, current_version, migrate

WIRE = ("Armenia accused Azerbaijan on 2023-09-19 of shelling civilian areas near Stepanakert, officials said. "
        "The foreign ministry in Yerevan said the attacks had continued through the night and that several "
        "villages had lost power and water. Officials gave no further details about the border shelling. "
        "Diplomats in Brussels followed the talks closely, and observers expect a decision on the peace talks "
        "within ten days. A spokesperson declined to comment when asked by reporters about the corridor.")


def doc(doc_id: str, text: str, **kw) -> Document:
    return Document(id=doc_id, text=text, lang="en", **kw)


@pytest.fixture()
def store(tmp_path):
    s = store_mod.open(str(tmp_path / "events.db"))
    yield s
    s.close()


def ingest(store, docs, **kw):
    return store.ingest(docs, process=synthetic.code, **kw)


def test_migrations_are_named_recorded_and_idempotent(tmp_path):
    s = store_mod.open(str(tmp_path / "m.db"))
    rows = s.db.all("SELECT version, name FROM schema_migrations")
    assert rows == [(m.version, m.name) for m in MIGRATIONS]
    assert migrate(s.db) == []
    mode = s.db.scalar("PRAGMA journal_mode")
    assert mode == "wal"
    s.close()


def test_failing_migration_rolls_back(tmp_path):
    s = store_mod.open(str(tmp_path / "m.db"))
    bad = Migration(99, "broken", lambda d: ["CREATE TABLE half_done (x INTEGER)", "CREATE TABLE oops (x NOT VALID SQL ("])
    with pytest.raises(StoreError, match="migration 99"):
        migrate(s.db, [*MIGRATIONS, bad])
    assert current_version(s.db) == MIGRATIONS[-1].version
    assert "half_done" not in s.db.tables()
    s.close()


def test_newer_database_is_refused(tmp_path):
    path = str(tmp_path / "m.db")
    s = store_mod.open(path)
    s.db.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    s.close()
    with pytest.raises(StoreError, match="newer"):
        store_mod.open(path)


def test_ingest_stores_documents_mentions_events(store):
    rep = ingest(store, [synthetic.document(i) for i in range(20)])
    assert rep.added == 20 and rep.events == 60
    st = store.stats()
    assert st["documents"] == 20 and st["mentions"] == 120
    assert st["events"] + rep.merged == 60
    assert sum(st["by_type"].values()) == st["events"]
    assert sum(st["per_day"].values()) == st["events"]
    assert {"source", "target", "events"} <= set(st["top_dyads"][0])


def test_reingest_changes_nothing(store):
    docs = [synthetic.document(i) for i in range(15)]
    ingest(store, docs)
    before = store.dump()
    rep = ingest(store, [synthetic.document(i) for i in range(15)])
    assert rep.unchanged == 15 and rep.added == 0 and rep.events == 0
    assert store.dump() == before


def test_issue11_same_text_under_another_name_is_an_alias(store):
    ingest(store, [doc("a", WIRE, url="https://a.example/1", source="Reuters")])
    relaid = WIRE.replace(". ", ".\n\n").upper()
    rep = ingest(store, [doc("b", relaid, url="https://b.example/2", source="AFP"),
                         doc("a", WIRE, url="https://a.example/1", source="Reuters")])
    assert (rep.aliases, rep.unchanged, rep.added, rep.events) == (1, 1, 0, 0)
    # the second URL is kept, listed with the document, and the alias counts as an article and a source
    [d] = list(store.documents())
    assert d["doc_id"] == "a" and [(a["doc_id"], a["url"], a["source"]) for a in d["aliases"]] == [
        ("b", "https://b.example/2", "AFP")]
    rec = next(store.events().records())
    assert rec["mentions"][0]["urls"] == ["https://a.example/1", "https://b.example/2"]
    assert (rec["num_articles"], rec["num_sources"]) == (2, 2)
    assert store.stats()["aliases"] == 1
    from chronik.model import Alias, StoredEvent

    ev = next(iter(store.events()))  # typed: an Event with its counts and reports
    assert isinstance(ev, StoredEvent) and ev.num_articles == 2 and ev.global_event_id == rec["global_event_id"]
    assert ev.reports[0].aliases == [Alias("b", "https://b.example/2", "AFP", None)]
    # re-ingesting changes nothing: no second alias, no events coded twice
    dump = store.dump()
    rep = ingest(store, [doc("b", relaid, url="https://b.example/2", source="AFP")])
    assert (rep.aliases, rep.unchanged) == (0, 1) and store.dump() == dump


def test_updated_article_replaces_its_events(store):
    ingest(store, [doc("a", "Russia attacked Ukraine on 2023-03-01 near Kharkiv, officials said.", url="https://x/1")])
    assert [e.type for e in store.events()] == ["ASSAULT"]
    rep = ingest(store, [doc("a", "Russia met Ukraine on 2023-03-02 in Istanbul, officials said. "
                                  "France praised Ukraine on 2023-03-02 for the talks, officials said.", url="https://x/1")])
    assert rep.updated == 1
    assert sorted(e.type for e in store.events()) == ["CONSULT", "SUPPORT"]
    assert store.stats()["mentions"] == 4
    # the same URL under a new id is the same article, updated again
    ingest(store, [doc("a-v3", "Russia urged Ukraine on 2023-03-03 to return to talks, officials said.", url="https://x/1")])
    assert [e.type for e in store.events()] == ["REQUEST"]
    assert store.stats()["documents"] == 1


def test_failed_update_keeps_old_version(store):
    ingest(store, [doc("a", "Russia attacked Ukraine on 2023-03-01 near Kharkiv, officials said.")])

    def broken(d):
        raise RuntimeError("model crashed")

    rep = store.ingest([doc("a", "Russia met Ukraine on 2023-03-02 in Istanbul, officials said.")], process=broken)
    assert rep.failed == 1 and "model crashed" in rep.errors[0]
    assert [e.type for e in store.events()] == ["ASSAULT"]


def test_input_errors_are_counted(store):
    from chronik.errors import InputError

    rep = ingest(store, [InputError("bad.txt", "E004 empty file"), doc("a", WIRE)])
    assert rep.failed == 1 and rep.added == 1 and rep.errors == ["bad.txt: E004 empty file"]


@pytest.mark.parametrize("date2,merged", [("2023-09-19", True), ("2023-09-20", True), ("2023-09-22", False)])
def test_reports_from_other_sources_merge(store, date2, merged):
    a = doc("a", "Armenia accused Azerbaijan on 2023-09-19 of shelling civilian areas in Karabakh.",
            source="Reuters", url="https://r.example/1")
    b = doc("b", f"Armenia accused Azerbaijan on {date2} of shelling civilians across Karabakh overnight.",
            source="AFP", url="https://afp.example/2")
    ingest(store, [a, b])
    evs = list(store.events())
    assert len(evs) == (1 if merged else 2)
    if merged:
        rec = next(store.events().records())
        assert (rec["num_mentions"], rec["num_articles"], rec["num_sources"]) == (2, 2, 2)
        from chronik.store.query import records_with_mentions

        out = list(records_with_mentions(store))
        assert [m["doc_id"] for m in out[0]["mentions"]] == ["a", "b"]


@pytest.mark.parametrize("text", [
    "Armenia met Azerbaijan on 2023-09-19 of shelling civilian areas in Karabakh.",  # other type
    "Armenia accused Russia on 2023-09-19 of shelling civilian areas in Karabakh.",  # other target
    "Armenia accused Azerbaijan on 2023-09-19 over grain exports and tariffs.",  # other evidence
])
def test_different_events_do_not_merge(store, text):
    ingest(store, [doc("a", "Armenia accused Azerbaijan on 2023-09-19 of shelling civilian areas in Karabakh."),
                   doc("b", text)])
    assert len(list(store.events())) == 2


def test_wire_copies_are_counted_not_coded(store):
    calls = []

    def counting(d):
        calls.append(d.id)
        return synthetic.code(d)

    copy = "By our correspondent. " + WIRE.replace("ten days", "two weeks")
    rep = store.ingest([doc("reuters-1", WIRE, source="Reuters"), doc("paper-7", copy, source="Daily Paper")],
                       process=counting)
    assert calls == ["reuters-1"]
    assert rep.duplicates == 1
    st = store.stats()
    assert st["documents"] == 1 and st["duplicates"] == 1 and st["events"] == 1
    rec = next(store.events().records())
    assert rec["num_articles"] == 2 and rec["num_sources"] == 2 and rec["num_mentions"] == 1


def test_short_texts_are_not_near_duplicates(store):
    ingest(store, [doc("a", "Russia attacked Ukraine on 2023-03-01 near Kharkiv, officials said."),
                   doc("b", "Russia attacked Ukraine on 2023-03-01 near Odesa, officials said.")])
    assert store.stats()["duplicates"] == 0


@pytest.fixture()
def filled(store):
    ingest(store, [
        doc("d1", "Russia attacked Ukraine on 2023-03-01 near Kharkiv, officials said."),
        doc("d2", "France praised Germany on 2023-04-10 for the pipeline deal, officials said."),
        doc("d3", "The United States sanctioned Iran on 2023-05-20 over drone exports, officials said."),
        doc("d4", "Ukraine urged Russia on 2023-05-21 to release prisoners of war, officials said."),
    ])
    return store


@pytest.mark.parametrize("filters,expected", [
    ({}, ["ASSAULT", "SUPPORT", "SANCTION", "REQUEST"]),
    ({"actor": "UKR"}, ["ASSAULT", "REQUEST"]),
    ({"actor": "united states"}, ["SANCTION"]),
    ({"source": "RUS"}, ["ASSAULT"]),
    ({"source": "RUS", "target": "UKR"}, ["ASSAULT"]),
    ({"type": "support"}, ["SUPPORT"]),
    ({"country": "IRN"}, ["SANCTION"]),
    ({"since": "2023-04-10"}, ["SUPPORT", "SANCTION", "REQUEST"]),
    ({"until": "2023-04"}, ["ASSAULT", "SUPPORT"]),
    ({"since": "2023-05-20", "until": "2023-05-20"}, ["SANCTION"]),
    ({"text": "drone"}, ["SANCTION"]),
    ({"text": "prisoners release"}, ["REQUEST"]),
    ({"text": "pipeline", "actor": "RUS"}, []),
    ({"limit": 1}, ["ASSAULT"]),
])
def test_query_filters(filled, filters, expected):
    assert [e.type for e in filled.events(**filters)] == expected


@pytest.mark.parametrize("filters,message", [
    ({"since": "March 2023"}, "invalid date"),
    ({"until": "2023-02-30"}, "invalid date"),
    ({"type": "BOMB"}, "unknown event type"),
    ({"country": "Ukraine"}, "invalid country"),
    ({"since": "2024-01-01", "until": "2023-01-01"}, "after"),
])
def test_query_errors(filled, filters, message):
    with pytest.raises(StoreError, match=message):
        filled.events(**filters)


def test_events_are_dataclasses_and_to_pandas(filled):
    ev = next(iter(filled.events(actor="RUS", since="2023-01-01")))
    assert ev.doc_id == "d1" and ev.source.country == "RUS" and ev.target.name == "Ukraine"
    assert ev.evidence_text.startswith("Russia attacked")
    df = filled.events(since="2023-04-01").to_pandas()
    assert list(df["type"]) == ["SUPPORT", "SANCTION", "REQUEST"]
    assert {"source_country", "target_country", "num_mentions", "evidence"} <= set(df.columns)


def test_to_pandas_without_pandas(filled, monkeypatch):
    import builtins

    real = builtins.__import__

    def fake(name, *a, **kw):
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *a, **kw)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(StoreError, match="needs pandas"):
        filled.to_pandas()


def test_dump_is_canonical(tmp_path):
    docs = [synthetic.document(i) for i in range(10)]
    dumps = []
    for name in ("one.db", "two.db"):
        with store_mod.open(str(tmp_path / name)) as s:
            s.ingest(docs, process=synthetic.code, batch_size=3 if name == "one.db" else 100)
            dumps.append(json.dumps(s.dump(), default=str))
    assert dumps[0] == dumps[1]


def test_compound_actors_are_queryable(store):
    from chronik.model import Actor, Event

    def code(d):
        d.events = [Event(doc_id=d.id, type="ACCUSE", evidence_text=d.text, evidence_start=0, evidence_end=len(d.text),
                          source=[Actor("the United States", "United States", "USA", "GOV"),
                                  Actor("France", "France", "FRA", "GOV")],
                          target=Actor("Russia", "Russia", "RUS", "GOV"), date="2023-02-01")]
        return d

    store.ingest([doc("c", "The United States and France accused Russia of violating the treaty.")], process=code)
    for actor in ("USA", "FRA", "RUS", "france"):
        assert [e.type for e in store.events(actor=actor)] == ["ACCUSE"], actor
    assert list(store.events(actor="DEU")) == []
    ev = next(iter(store.events()))
    assert [a.country for a in ev.source] == ["USA", "FRA"]
    assert store.to_pandas()["source_country"][0] == "USA;FRA"
    rec = next(store.events().records())  # issue 11: one shape, whatever the number of actors
    assert [a["country"] for a in rec["source"]] == ["USA", "FRA"] and [a["country"] for a in rec["target"]] == ["RUS"]
    assert rec["reported_by"] == [] and set(rec["source"][0]) == {"text", "name", "kb_id", "country", "sector", "role"}
