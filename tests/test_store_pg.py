"""The event store on a real PostgreSQL server (CHRONIK_TEST_PG, set by .ci/postgres.sh)."""
from __future__ import annotations

import json
import os
import uuid

import pytest

import chronik.store as store_mod
from chronik.model import Document
from chronik.store import synthetic

DSN = os.environ.get("CHRONIK_TEST_PG")


def _reachable() -> str | None:
    if not DSN:
        return "CHRONIK_TEST_PG is not set (run `source .ci/postgres.sh` to start a local PostgreSQL server)"
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        psycopg.connect(DSN, connect_timeout=3).close()
    except psycopg.Error as exc:
        return f"PostgreSQL at CHRONIK_TEST_PG cannot be reached: {str(exc).strip().splitlines()[0]}"
    return None


_WHY = _reachable()
pytestmark = pytest.mark.skipif(_WHY is not None, reason=_WHY or "")


@pytest.fixture()
def pg_dsn():
    import psycopg

    schema = f"chronik_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(DSN, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in DSN else "?"
    yield f"{DSN}{sep}options=-csearch_path%3D{schema}"
    with psycopg.connect(DSN, autocommit=True) as c:
        c.execute(f"DROP SCHEMA {schema} CASCADE")


def test_same_database_as_sqlite(pg_dsn, tmp_path):
    docs = [synthetic.document(i) for i in range(40)]
    docs.append(Document(id="copy", text="Wire copy. " + docs[3].text, lang="en", source="copy"))
    docs.append(Document(id="art-5", text="Russia attacked Ukraine on 2023-03-01 near Kharkiv, officials said.", lang="en"))
    dumps = []
    for db in (str(tmp_path / "a.db"), pg_dsn):
        with store_mod.open(db) as s:
            rep = s.ingest(docs, process=synthetic.code, batch_size=7)
            assert rep.updated == 1 and rep.duplicates == 1
            again = s.ingest(docs[:-1], process=synthetic.code)
            assert again.unchanged == len(docs) - 2 and again.updated == 1  # art-5 back to its first version
            d = s.dump()
            d.pop("event_mentions_fts", None)
            dumps.append(json.dumps(d, sort_keys=True, default=str))
    assert dumps[0] == dumps[1]


def test_migrations_recorded_once(pg_dsn):
    store_mod.open(pg_dsn).close()
    with store_mod.open(pg_dsn) as s:
        from chronik.store.migrations import MIGRATIONS

        assert s.db.all("SELECT version FROM schema_migrations ORDER BY version") == [(m.version,) for m in MIGRATIONS]


@pytest.mark.parametrize("filters,expected", [
    ({"actor": "UKR"}, ["ASSAULT", "REQUEST"]),
    ({"actor": "united states", "since": "2023-05"}, ["SANCTION"]),
    ({"source": "RUS", "target": "UKR", "until": "2023-03-31"}, ["ASSAULT"]),
    ({"text": "prisoners release"}, ["REQUEST"]),
    ({"country": "IRN", "type": "SANCTION"}, ["SANCTION"]),
])
def test_queries(pg_dsn, filters, expected):
    with store_mod.open(pg_dsn) as s:
        s.ingest([
            Document(id="d1", text="Russia attacked Ukraine on 2023-03-01 near Kharkiv, officials said."),
            Document(id="d3", text="The United States sanctioned Iran on 2023-05-20 over drone exports, officials said."),
            Document(id="d4", text="Ukraine urged Russia on 2023-05-21 to release prisoners of war, officials said."),
        ], process=synthetic.code)
        assert [e.type for e in s.events(**filters)] == expected
        assert s.stats()["events"] == 3


def test_bad_dsn_is_one_clear_error():
    with pytest.raises(store_mod.StoreError, match="cannot connect"):
        store_mod.open("postgresql://nobody:secret@127.0.0.1:1/none")


def test_issue11_exports_stats_and_aliases_as_in_sqlite(pg_dsn, tmp_path):
    from chronik.export import FORMATS, export

    docs = [synthetic.document(i) for i in range(12)]
    docs.append(Document(id="alias", text=docs[2].text, lang="en", url="https://alias.example/2"))
    docs.append(Document(id="undated", text="Officials gave no details.", lang="en"))
    outs = []
    for db in (str(tmp_path / "a.db"), pg_dsn):
        with store_mod.open(db) as s:
            rep = s.ingest(docs, process=synthetic.code, batch_size=5)
            assert rep.aliases == 1
            st = s.stats()
            files = {}
            for fmt in FORMATS:
                out = tmp_path / f"{len(outs)}.{fmt}"
                export(s, str(out), fmt)
                files[fmt] = out.read_bytes() if fmt in ("jsonl", "csv", "plover") else None
            recs = [json.loads(line) for line in files["jsonl"].decode().splitlines()]
            for r in recs:
                for m in r["mentions"]:
                    m.pop("added")
            outs.append((st, recs))
    assert outs[0] == outs[1]
