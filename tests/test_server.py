"""``chronik serve``'s HTTP API against a real server process on a loopback port over a
SQLite store built by ``chronik ingest`` from examples/ (and, where CHRONIK_TEST_PG is
set, over PostgreSQL)."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from .conftest import EXAMPLES, XSS_ARTICLE, ServerProcess

pytest.importorskip("starlette", reason="chronik serve needs the serve extra (pip install -e '.[serve]')")

from chronik.server.queries import Filters  # noqa: E402


def get(server, path: str, params: dict | None = None, *, method: str = "GET", body: bytes | None = None,
        headers: dict | None = None) -> tuple[int, dict, bytes]:
    url = server.url + path + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get_json(server, path: str, params: dict | None = None, **kw) -> tuple[int, dict]:
    status, headers, body = get(server, path, params, **kw)
    assert headers["content-type"].startswith("application/json"), (path, headers["content-type"], body[:200])
    return status, json.loads(body)


def all_events(server, **params) -> list[dict]:
    status, page = get_json(server, "/api/events", {**params, "limit": 1000})
    assert status == 200, page
    assert page["next"] is None and page["total"] == len(page["events"])
    return page["events"]


def test_server_health_and_openapi(server):
    status, health = get_json(server, "/health")
    assert status == 200 and health["status"] == "ok" and health["dialect"] == "sqlite" and health["read_only"]
    status, spec = get_json(server, "/openapi.json")
    assert status == 200 and spec["openapi"].startswith("3.")
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/actors", "/api/stats",
                 "/api/dyads", "/health"):
        assert path in spec["paths"], path
    documented = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert set(Filters.__dataclass_fields__) | {"sort", "limit", "cursor", "format", "total"} == documented


def test_server_events_page_has_stored_records(server):
    status, page = get_json(server, "/api/events", {"limit": 5})
    assert status == 200 and len(page["events"]) == 5 and page["next"] and page["total"] >= 15
    ev = page["events"][0]
    for key in ("event_id", "doc_id", "type", "quad", "source", "target", "date", "evidence", "num_mentions"):
        assert key in ev


@pytest.mark.parametrize("sort", ["date", "-date", "intensity", "-mentions"])
def test_server_cursor_pagination_walks_every_event_once(server, sort):
    everything = all_events(server)
    seen, cursor = [], None
    while True:
        params = {"limit": 4, "sort": sort, "total": "false"}
        if cursor:
            params["cursor"] = cursor
        status, page = get_json(server, "/api/events", params)
        assert status == 200, page
        seen += page["events"]
        cursor = page["next"]
        if not cursor:
            break
    assert sorted(e["event_id"] for e in seen) == sorted(e["event_id"] for e in everything)
    assert len({e["event_id"] for e in seen}) == len(seen)
    key = {"date": "date", "intensity": "intensity", "mentions": "num_mentions"}[sort.lstrip("-")]
    values = [e[key] for e in seen if e[key] is not None]
    assert values == sorted(values, reverse=sort.startswith("-"))


@pytest.mark.parametrize("params, check", [
    ({"type": "ACCUSE"}, lambda e: e["type"] == "ACCUSE"),
    ({"quad": "4"}, lambda e: e["quad"] == 4),
    ({"actor": "AZE"}, lambda e: "AZE" in json.dumps([e["source"], e["target"]])),
    ({"target": "aliyev"}, lambda e: "Aliyev" in json.dumps(e["target"])),
    ({"sector": "MIL"}, lambda e: '"MIL"' in json.dumps([e["source"], e["target"]])),
    ({"place": "karabakh"}, lambda e: e["location"]["name"] == "Karabakh"),
    ({"doc": "de-corpus-1"}, lambda e: e["doc_id"] == "de-corpus-1"),
    ({"q": "Waffenstillstand"}, lambda e: "Waffenstillstand" in e["evidence"]["text"]),
    ({"since": "2023-09", "until": "2023-09-30"}, lambda e: e["date"].startswith("2023-09")),
    ({"min_confidence": "0.85"}, lambda e: e["confidence"] >= 0.85),
])
def test_server_events_filters(server, params, check):
    everything = all_events(server)
    matched = all_events(server, **params)
    assert matched, params
    assert all(check(e) for e in matched), params
    assert len(matched) < len(everything)


def test_server_event_with_all_mentions(server):
    ev = all_events(server, type="ASSAULT")[0]
    status, rec = get_json(server, "/api/events/" + urllib.parse.quote(ev["event_id"], safe=""))
    assert status == 200 and rec["event_id"] == ev["event_id"]
    assert len(rec["mentions"]) == rec["num_mentions"] >= 1
    assert rec["mentions"][0]["evidence"]["text"] == ev["evidence"]["text"]
    status, err = get_json(server, "/api/events/no-such-event%231")
    assert status == 404 and "no-such-event#1" in err["error"]


def test_server_document_offsets_point_into_its_text(server):
    status, doc = get_json(server, "/api/documents/de-azvision-blinken-aliyev")
    assert status == 200 and doc["lang"] == "de" and len(doc["events"]) >= 5 and doc["mentions"]
    for ev in doc["events"]:
        assert doc["text"][ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    for m in doc["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"]
    status, err = get_json(server, "/api/documents/nope")
    assert status == 404 and err["error"] == "no document 'nope'"


def test_server_document_text_comes_back_verbatim(server):
    status, doc = get_json(server, "/api/documents/xss-article")
    assert status == 200 and "<script>window.__xss = 'script'</script>" in doc["text"]
    assert doc["title"] == XSS_ARTICLE["title"]


def test_server_actors_search_with_counts(server):
    status, res = get_json(server, "/api/actors", {"q": "aliyev"})
    assert status == 200
    top = res["actors"][0]
    assert top["name"] == "Ilham Aliyev" and top["country"] == "AZE" and top["events"] >= 2
    assert top["events"] == len(all_events(server, actor="Ilham Aliyev"))
    status, res = get_json(server, "/api/actors", {"q": "AZE"})
    assert res["actors"] and all(a["country"] == "AZE" or "aze" in (a["name"] or "").lower() for a in res["actors"])
    status, res = get_json(server, "/api/actors", {"q": "100%_"})
    assert status == 200 and res["actors"] == []


def test_server_stats_counts_and_timeline(server):
    everything = all_events(server)
    status, st = get_json(server, "/api/stats")
    assert status == 200 and st["events"] == len(everything)
    assert sum(st["by_type"].values()) == sum(st["by_quad"].values()) == len(everything)
    assert st["by_type"]["ACCUSE"] == sum(e["type"] == "ACCUSE" for e in everything)
    assert sum(sum(p["quad"].values()) for p in st["timeline"]) == sum(1 for e in everything if e["date"])
    assert all(re.fullmatch(r"\d{4}-\d{2}", p["period"]) for p in st["timeline"])
    status, weekly = get_json(server, "/api/stats", {"interval": "week", "type": "ACCUSE"})
    assert set(weekly["by_type"]) == {"ACCUSE"} and weekly["by_quad"] == {"3": st["by_type"]["ACCUSE"]}
    assert all(re.fullmatch(r"\d{4}-W\d{2}", p["period"]) for p in weekly["timeline"])


def test_server_dyads_match_the_events(server):
    status, res = get_json(server, "/api/dyads")
    assert status == 200
    pair = next(d for d in res["dyads"] if (d["source"], d["target"]) == ("AZE", "ARM"))
    events = all_events(server, source="AZE", target="ARM")
    assert pair["events"] == len(events)
    assert pair["mean_intensity"] == round(sum(e["intensity"] for e in events) / len(events), 2)


def test_server_places_have_coordinates(server):
    status, res = get_json(server, "/api/places")
    located = [e for e in all_events(server) if e["location"]]
    assert res["considered"] == len(located) and res["sampled"] is False
    karabakh = next(p for p in res["places"] if p["name"] == "Karabakh")
    assert karabakh["country"] == "AZE" and 39 < karabakh["lat"] < 41 and karabakh["events"] == len(
        all_events(server, place="Karabakh"))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "parquet"])
def test_server_export_formats_stream_the_filtered_events(server, fmt, tmp_path):
    expected = all_events(server, actor="AZE", quad="3")  # quad: a filter of the API, not of the store
    assert expected
    status, headers, body = get(server, "/api/events", {"format": fmt, "actor": "AZE", "quad": "3"})
    assert status == 200 and "attachment" in headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
        assert [r["event_id"] for r in rows] == [e["event_id"] for e in expected]
    elif fmt == "jsonl":
        recs = [json.loads(line) for line in body.decode("utf-8").splitlines()]
        assert [r["event_id"] for r in recs] == [e["event_id"] for e in expected]
        assert all(r["mentions"] for r in recs)
    elif fmt == "gdelt":
        lines = body.decode("utf-8").splitlines()
        assert len(lines) == len(expected) and all(len(line.split("\t")) == 61 for line in lines)
    else:
        pq = pytest.importorskip("pyarrow.parquet")
        path = tmp_path / "events.parquet"
        path.write_bytes(body)
        assert pq.read_table(path).column("event_id").to_pylist() == [e["event_id"] for e in expected]


@pytest.mark.parametrize("path, params, needle", [
    ("/api/events", {"since": "2023-13-01"}, "invalid date '2023-13-01'"),
    ("/api/events", {"until": "yesterday"}, "invalid date 'yesterday'"),
    ("/api/events", {"type": "BOMB"}, "unknown event type 'BOMB'"),
    ("/api/events", {"limit": "100000"}, "invalid limit '100000'"),
    ("/api/events", {"limit": "-1"}, "invalid limit"),
    ("/api/events", {"q": "ceasefire\" OR 1=1 --"}, "query syntax"),
    ("/api/events", {"q": "Waffen*"}, "query syntax"),
    ("/api/events", {"q": "NEAR(Baku Eriwan)"}, "query syntax"),
    ("/api/events", {"q": "Baku AND Eriwan"}, "query syntax"),
    ("/api/events", {"q": "'; DROP TABLE events; --"}, "query syntax"),
    ("/api/events", {"quad": "5"}, "invalid quad"),
    ("/api/events", {"min_confidence": "2"}, "invalid min_confidence"),
    ("/api/events", {"country": "Germany"}, "invalid country 'Germany'"),
    ("/api/events", {"sector": "government"}, "invalid sector"),
    ("/api/events", {"cursor": "garbage!"}, "invalid cursor"),
    ("/api/events", {"sort": "name"}, "invalid sort 'name'"),
    ("/api/events", {"format": "xlsx"}, "unknown format 'xlsx'"),
    ("/api/events", {"format": "csv", "cursor": "x"}, "drop 'cursor'"),
    ("/api/events", {"colour": "red"}, "unknown parameter 'colour'"),
    ("/api/events", {"since": "2024-01-01", "until": "2023-01-01"}, "is after"),
    ("/api/stats", {"interval": "year"}, "invalid interval 'year'"),
    ("/api/stats", {"type": "nope"}, "unknown event type"),
    ("/api/dyads", {"limit": "9999"}, "invalid limit"),
    ("/api/actors", {"limit": "0"}, "invalid limit"),
])
def test_server_bad_input_is_a_400_with_a_message(server, path, params, needle):
    status, headers, body = get(server, path, params)
    assert status == 400, body
    err = json.loads(body)
    assert needle in err["error"]
    assert "Traceback" not in body.decode() and "sqlite" not in body.decode().lower()
    assert "Traceback" not in server.output()


def test_server_cursor_of_another_sort_is_refused(server):
    _, page = get_json(server, "/api/events", {"limit": 2, "sort": "-date"})
    status, err = get_json(server, "/api/events", {"limit": 2, "sort": "date", "cursor": page["next"]})
    assert status == 400 and "another sort order" in err["error"]


def test_server_unknown_routes_and_methods_are_json(server):
    status, err = get_json(server, "/api/nothing")
    assert status == 404 and err["error"] == "no such page: /api/nothing"
    status, err = get_json(server, "/api/events", method="POST", body=b"{}")
    assert status == 405
    status, err = get_json(server, "/api/documents", method="POST", body=b'{"text": "x"}')
    assert status == 403 and "--allow-ingest" in err["error"]


def test_server_page_and_assets_come_from_the_package(server):
    status, headers, body = get(server, "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in headers["content-security-policy"]
    html = body.decode()
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert {"/static/app.js", "/static/app.css", "/static/world.js"} <= set(assets)
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    for asset in assets:
        status, _, content = get(server, asset)
        assert status == 200 and content, asset
        assert b"https://" not in content  # nothing from a CDN
    js = get(server, "/static/app.js")[2].decode()
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js


def test_server_ingest_needs_the_flag_and_token_and_is_idempotent(served_db, tmp_path):
    db = str(tmp_path / "write.db")
    shutil.copyfile(served_db, db)
    srv = ServerProcess(db, "--allow-ingest", "--token", "s3cret")
    try:
        text = ("Armenia accused Azerbaijan on Monday of shelling villages near the border, "
                "the defence ministry in Yerevan said.")
        body = json.dumps({"text": text, "published": "2023-10-09", "lang": "en", "id": "posted-1"}).encode()
        status, err = get_json(srv, "/api/documents", method="POST", body=body)
        assert status == 401 and "Authorization: Bearer" in err["error"]
        status, err = get_json(srv, "/api/documents", method="POST", body=body,
                               headers={"Authorization": "Bearer wrong"})
        assert status == 401
        _, before = get_json(srv, "/api/stats")
        auth = {"Authorization": "Bearer s3cret", "Content-Type": "application/json"}
        status, res = get_json(srv, "/api/documents", method="POST", body=body, headers=auth)
        assert status == 201 and res["added"] == 1 and res["doc_id"] == "posted-1" and res["events"]
        _, after = get_json(srv, "/api/stats")
        assert after["events"] == before["events"] + len(res["events"])
        status, again = get_json(srv, "/api/documents", method="POST", body=body, headers=auth)
        assert status == 200 and again["unchanged"] == 1 and again["events"] == res["events"]
        assert get_json(srv, "/api/stats")[1]["events"] == after["events"]
        _, doc = get_json(srv, "/api/documents/posted-1")
        assert doc["events"][0]["type"] == "ACCUSE"
        for bad, needle in [(b"not json", "not JSON"), (b'{"txt": "a"}', "unknown field"),
                            (b'{"text": "a", "published": "2023-02-30"}', "invalid published"), (b"{}", "send 'text'")]:
            status, err = get_json(srv, "/api/documents", method="POST", body=bad, headers=auth)
            assert status == 400 and needle in err["error"], (bad, err)
        # an article URL (a loopback web server here) is fetched, coded and stored
        site_dir = tmp_path / "site"
        site_dir.mkdir()
        (site_dir / "talks.html").write_text(
            "<html><head><title>Talks in Geneva</title></head><body><article><h1>Talks in Geneva</h1>"
            "<p>GENEVA, March 3, 2021 - Iran accused the United States on Tuesday of blocking the talks "
            "on the nuclear deal, the foreign ministry in Tehran said.</p></article></body></html>", encoding="utf-8")
        shutil.copy(EXAMPLES / "en-example-ceasefire-talks.html", site_dir)
        with loopback_site(site_dir) as site:
            page = json.dumps({"url": f"{site}/talks.html", "id": "fetched"}).encode()
            status, res = get_json(srv, "/api/documents", method="POST", body=page, headers=auth)
            assert status == 201 and res["doc_id"] == "fetched" and res["events"], res
            known = json.dumps({"url": f"{site}/en-example-ceasefire-talks.html"}).encode()
            status, res = get_json(srv, "/api/documents", method="POST", body=known, headers=auth)
            assert status == 200 and res["unchanged"] + res["aliases"] == 1, res
            assert res["doc_id"] == "en-example-ceasefire-talks", res
            assert res["events"]
            status, err = get_json(srv, "/api/documents", method="POST", headers=auth,
                                   body=json.dumps({"url": f"{site}/missing.html"}).encode())
            assert status == 422 and "404" in err["error"]
        assert get_json(srv, "/api/documents/fetched")[1]["url"].endswith("/talks.html")
        assert "Traceback" not in srv.output()
    finally:
        srv.stop()


@contextlib.contextmanager
def loopback_site(root):
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("args, needle", [
    (["--allow-ingest"], "--allow-ingest needs a token"),
    (["--db", "missing.db"], "no such database: missing.db"),
])
def test_server_cli_refuses_to_start_with_one_line(args, needle, served_db, monkeypatch, tmp_path):
    from chronik.cli import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHRONIK_TOKEN", raising=False)
    full = ["serve", "--port", "0"] + (args if "--db" in args else ["--db", served_db, *args])
    res = CliRunner().invoke(cli, full)
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert lines[-1].startswith("chronik: error: ") and needle in lines[-1] and "Traceback" not in res.output


# PostgreSQL (CHRONIK_TEST_PG, set by .ci/postgres.sh) -------------------------------------
@pytest.fixture()
def pg_served(tmp_path):
    import os
    import subprocess
    import sys
    import uuid

    dsn = os.environ.get("CHRONIK_TEST_PG")
    if not dsn:
        pytest.skip("CHRONIK_TEST_PG is not set (run `source .ci/postgres.sh` to start a local PostgreSQL server)")
    psycopg = pytest.importorskip("psycopg")
    schema = f"chronik_serve_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(dsn, autocommit=True, connect_timeout=3) as c:
            c.execute(f"CREATE SCHEMA {schema}")
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL at CHRONIK_TEST_PG cannot be reached: {str(exc).strip().splitlines()[0]}")
    url = f"{dsn}{'&' if '?' in dsn else '?'}options=-csearch_path%3D{schema}"
    corpus = tmp_path / "xss.jsonl"
    corpus.write_text(json.dumps(XSS_ARTICLE) + "\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "chronik", "ingest", "examples", str(corpus), "--db", url],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    srv = ServerProcess(url, log_dir=str(tmp_path))
    yield srv
    srv.stop()
    with psycopg.connect(dsn, autocommit=True) as c:
        c.execute(f"DROP SCHEMA {schema} CASCADE")


def test_server_on_postgresql(pg_served):
    status, health = get_json(pg_served, "/health")
    assert health["dialect"] == "postgresql"
    everything = all_events(pg_served)
    assert len(everything) >= 15
    for params in ({"place": "karabakh"}, {"min_confidence": "0.85"}, {"doc": "de-corpus-1"}, {"q": "Waffenstillstand"},
                   {"sector": "MIL"}, {"quad": "4"}):
        matched = all_events(pg_served, **params)
        assert 0 < len(matched) < len(everything), params
    seen, cursor = [], None
    while True:
        _, page = get_json(pg_served, "/api/events", {"limit": 4, "sort": "-date", **({"cursor": cursor} if cursor else {})})
        seen += page["events"]
        cursor = page["next"]
        if not cursor:
            break
    assert sorted(e["event_id"] for e in seen) == sorted(e["event_id"] for e in everything)
    _, st = get_json(pg_served, "/api/stats", {"interval": "week"})
    assert st["events"] == len(everything) and st["timeline"]
    _, dy = get_json(pg_served, "/api/dyads")
    assert any((d["source"], d["target"]) == ("AZE", "ARM") for d in dy["dyads"])
    _, pl = get_json(pg_served, "/api/places")
    assert any(p["name"] == "Karabakh" for p in pl["places"])
    _, ac = get_json(pg_served, "/api/actors", {"q": "aliyev"})
    assert ac["actors"][0]["name"] == "Ilham Aliyev"
    _, doc = get_json(pg_served, "/api/documents/xss-article")
    assert "<script>" in doc["text"]
    status, _, body = get(pg_served, "/api/events", {"format": "csv", "actor": "AZE"})
    assert status == 200 and len(body.decode().splitlines()) == len(all_events(pg_served, actor="AZE")) + 1
    assert get_json(pg_served, "/api/events", {"since": "2023-02-30"})[0] == 400


def test_server_query_time_limit_turns_into_a_503(served_db):
    from chronik.server.api import StorePool

    pool = StorePool(served_db, timeout=1e-6)
    st = pool.get()
    slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000000) SELECT COUNT(*) FROM c"
    with pytest.raises(Exception) as info:
        st.db.scalar(slow)
    err = pool.timed_out(info.value)
    assert err is not None and err.status == 503 and "narrow the filters" in err.message
    unlimited = StorePool(served_db, timeout=None).get()
    assert unlimited.db.scalar(slow) == 5000000
    pool.close()
