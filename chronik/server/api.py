"""The JSON API's route handlers: each parses its parameters, calls one function of
:mod:`chronik.server.queries` (or the store's export) and returns JSON."""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from .. import __version__
from ..store import Store, open as open_store
from ..store.query import _date_bound
from . import queries
from .queries import ApiError, Filters, parse_filters, parse_limit
from .streaming import CONTENT_TYPES, EXTENSIONS, stream

FILTER_NAMES = tuple(f for f in Filters.__dataclass_fields__)
EXPORT_FORMATS = tuple(CONTENT_TYPES)
MAX_EXPORT = 10_000_000
MAX_BODY = 5 * 1024 * 1024


@dataclass(frozen=True)
class ExportFilter:
    """The API's filters in the shape the store's export reader takes (``where``, ``limit``)."""

    filters: Filters
    limit: int | None = None

    def where(self, dialect: str) -> tuple[str, list[Any]]:
        return self.filters.where(dialect)


class QueryTimeout(ApiError):
    """A query ran past the server's time limit."""


class StorePool:
    """One store connection per worker thread (SQLite connections must not be shared
    between concurrent requests), all closed by :meth:`close`. Queries of a request
    stop after ``timeout`` seconds (:class:`QueryTimeout`)."""

    def __init__(self, db: str, timeout: float | None = 10.0):
        self.db = db
        self.timeout = timeout
        self.local = threading.local()
        self.lock = threading.Lock()
        self.opened: list[Store] = []
        self.write_lock = threading.Lock()
        self.get()  # fail at start-up, not on the first request

    def get(self, *, limited: bool = True) -> Store:
        """This thread's store; its queries from now on end at the time limit (unless not ``limited``)."""
        st = getattr(self.local, "store", None)
        if st is None:
            st = open_store(self.db)
            self.local.store = st
            self._install_limit(st, limited)
            with self.lock:
                self.opened.append(st)
        self.local.deadline = time.monotonic() + self.timeout if self.timeout and limited else None
        return st

    def _install_limit(self, st: Store, limited: bool) -> None:
        if not self.timeout:
            return
        if st.db.dialect == "sqlite":
            local = self.local

            def over_time() -> int:
                deadline = getattr(local, "deadline", None)
                return 1 if deadline is not None and time.monotonic() > deadline else 0

            st.db.conn.set_progress_handler(over_time, 20_000)
        else:
            st.db.execute(f"SET statement_timeout = {int(self.timeout * 1000) if limited else 0}")

    def timed_out(self, exc: BaseException) -> QueryTimeout | None:
        """``exc`` as a :class:`QueryTimeout` when it is a driver's 'interrupted' error."""
        name = type(exc).__name__
        if (name == "OperationalError" and "interrupted" in str(exc)) or name == "QueryCanceled":
            return QueryTimeout(f"the query took longer than {self.timeout:g} s: narrow the filters "
                                "(a shorter date range, a type, an actor)", 503)
        return None

    def interrupt(self) -> None:
        """Stop the SQLite queries running now (at shut-down)."""
        with self.lock:
            for st in self.opened:
                if st.db.dialect == "sqlite":
                    st.db.conn.interrupt()

    def close(self) -> None:
        with self.lock:
            for st in self.opened:
                try:
                    st.close()
                except Exception:  # noqa: BLE001 - closing at shut-down, another thread may hold it
                    pass
            self.opened.clear()


class Cache:
    """Results of the aggregate queries, keyed by their arguments and the data version
    (so an ingest invalidates them), kept at most ``ttl`` seconds."""

    def __init__(self, size: int = 256, ttl: float = 30.0):
        self.size, self.ttl = size, ttl
        self.items: OrderedDict[tuple, tuple[float, Any]] = OrderedDict()
        self.lock = threading.Lock()
        self.computing: dict[tuple, threading.Lock] = {}

    def _hit(self, key: tuple) -> tuple[bool, Any]:
        with self.lock:
            hit = self.items.get(key)
            if hit and time.monotonic() - hit[0] < self.ttl:
                self.items.move_to_end(key)
                return True, hit[1]
            return False, None

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        found, value = self._hit(key)
        if found:
            return value
        with self.lock:
            busy = self.computing.setdefault(key, threading.Lock())
        with busy:  # one request computes a key; the others wait for its result
            found, value = self._hit(key)
            if found:
                return value
            try:
                value = compute()
            finally:
                with self.lock:
                    self.computing.pop(key, None)
            with self.lock:
                self.items[key] = (time.monotonic(), value)
                while len(self.items) > self.size:
                    self.items.popitem(last=False)
        return value


class Api:
    """The handlers, bound to one database."""

    def __init__(self, db: str, *, allow_ingest: bool = False, token: str | None = None,
                 query_timeout: float | None = 10.0):
        self.pool = StorePool(db, query_timeout)
        self.cache = Cache()
        self.allow_ingest = allow_ingest
        self.token = token
        threading.Thread(target=self._warm, name="chronik-warm-up", daemon=True).start()

    def _warm(self) -> None:
        """Compute what the page asks for first (the unfiltered aggregates) in the background."""
        none = Filters()
        try:
            self._cached("stats", (none.key(), "month"), lambda st: queries.stats(st, none, "month"), limited=False)
            self._cached("dyads", (none.key(), 40), lambda st: queries.dyads(st, none, 40), limited=False)
            self._cached("places", (none.key(), 300), lambda st: queries.places(st, none, 300), limited=False)
        except Exception:  # noqa: BLE001 - only a head start; requests compute it again
            pass

    # helpers -----------------------------------------------------------------
    @staticmethod
    def _params(request: Request, allowed: tuple[str, ...]) -> dict[str, str]:
        params: dict[str, str] = {}
        for key, value in request.query_params.multi_items():
            if key not in allowed:
                raise ApiError(f"unknown parameter {key!r}: use {', '.join(allowed)}")
            if key in params:
                raise ApiError(f"parameter {key!r} is given twice")
            params[key] = value
        return params

    def _cached(self, name: str, key: tuple, compute: Callable[[Store], Any], *, limited: bool = True) -> Any:
        st = self.pool.get(limited=limited)
        return self.cache.get((name, key, queries.data_version(st)), lambda: compute(st))

    # routes ---------------------------------------------------------------------
    def health(self, request: Request) -> Response:
        st = self.pool.get()
        try:
            st.db.scalar("SELECT 1")
        except Exception as exc:  # noqa: BLE001 - the database is gone
            return JSONResponse({"status": "error", "error": f"database unavailable: {type(exc).__name__}"}, 503)
        return JSONResponse({"status": "ok", "version": __version__, "dialect": st.db.dialect,
                             "read_only": not self.allow_ingest})

    def events(self, request: Request) -> Response:
        params = self._params(request, FILTER_NAMES + ("sort", "limit", "cursor", "format", "total"))
        flt = parse_filters(params)
        fmt = params.get("format", "json")
        if fmt != "json":
            return self._export(flt, fmt, params)
        sort, desc = queries.parse_sort(params.get("sort"))
        limit = parse_limit(params.get("limit"))
        total = params.get("total", "true")
        if total not in ("true", "false"):
            raise ApiError(f"invalid total {total!r}: use true or false")
        page = queries.event_page(self.pool.get(), flt, sort=sort, desc=desc, limit=limit,
                                  cursor=params.get("cursor") or None, with_total=total == "true")
        return JSONResponse(page)

    def _export(self, flt: Filters, fmt: str, params: dict[str, str]) -> Response:
        if fmt not in EXPORT_FORMATS:
            raise ApiError(f"unknown format {fmt!r}: choose one of json, {', '.join(EXPORT_FORMATS)}")
        for p in ("sort", "cursor"):
            if params.get(p):
                raise ApiError(f"format={fmt} streams every matching event in date order: drop {p!r}")
        limit = parse_limit(params["limit"], maximum=MAX_EXPORT) if params.get("limit") else None
        db = self.pool.db

        def write(sink: Any) -> None:
            from ..export import write_records
            from ..store.query import records_with_mentions

            with open_store(db) as st:
                recs = records_with_mentions(st, ExportFilter(flt, limit))
                if fmt != "parquet":
                    write_records(recs, sink, fmt)
                    return
                # the parquet writer needs a file: write one, then send it
                with tempfile.TemporaryDirectory(prefix="chronik-export-") as tmp:
                    path = os.path.join(tmp, "events.parquet")
                    write_records(recs, path, fmt)
                    with open(path, "rb") as f:
                        while chunk := f.read(1 << 16):
                            sink.write(chunk)

        name = f"chronik-events.{EXTENSIONS[fmt]}"
        return StreamingResponse(stream(write), media_type=CONTENT_TYPES[fmt],
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    def event(self, request: Request) -> Response:
        self._params(request, ())
        return JSONResponse(queries.event_detail(self.pool.get(), request.path_params["event_id"]))

    def document(self, request: Request) -> Response:
        self._params(request, ())
        return JSONResponse(queries.document_detail(self.pool.get(), request.path_params["doc_id"]))

    def actors(self, request: Request) -> Response:
        params = self._params(request, ("q", "limit"))
        limit = parse_limit(params.get("limit"), default=20, maximum=200)
        q = params.get("q") or None
        return JSONResponse({"actors": self._cached("actors", (q, limit),
                                                    lambda st: queries.actors(st, q, limit))})

    def stats(self, request: Request) -> Response:
        params = self._params(request, FILTER_NAMES + ("interval",))
        flt = parse_filters(params)
        interval = params.get("interval") or "month"
        if interval not in queries.INTERVALS:
            raise ApiError(f"invalid interval {interval!r}: choose one of {', '.join(queries.INTERVALS)}")
        return JSONResponse(self._cached("stats", (flt.key(), interval),
                                         lambda st: queries.stats(st, flt, interval)))

    def dyads(self, request: Request) -> Response:
        params = self._params(request, FILTER_NAMES + ("limit",))
        flt = parse_filters(params)
        limit = parse_limit(params.get("limit"), default=50, maximum=500)
        return JSONResponse({"dyads": self._cached("dyads", (flt.key(), limit),
                                                   lambda st: queries.dyads(st, flt, limit))})

    def places(self, request: Request) -> Response:
        params = self._params(request, FILTER_NAMES + ("limit",))
        flt = parse_filters(params)
        limit = parse_limit(params.get("limit"), default=300, maximum=2000)
        return JSONResponse(self._cached("places", (flt.key(), limit), lambda st: queries.places(st, flt, limit)))

    # writing ----------------------------------------------------------------------
    def _authorise(self, request: Request) -> None:
        if not self.allow_ingest:
            raise ApiError("the server is read-only: start it with --allow-ingest and a token to add documents", 403)
        auth = request.headers.get("authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        if not given or not hmac.compare_digest(given.encode(), (self.token or "").encode()):
            raise ApiError("missing or wrong token: send the header 'Authorization: Bearer TOKEN'", 401)

    def add_document(self, body: bytes, request: Request) -> Response:
        """Code and store one article (JSON body: ``text`` or ``url``; optional ``id``,
        ``title``, ``published``, ``lang``). Storing the same article again changes nothing."""
        self._authorise(request)
        if len(body) > MAX_BODY:
            raise ApiError(f"the body is larger than {MAX_BODY // (1024 * 1024)} MB", 413)
        try:
            data = json.loads(body or b"null")
        except (ValueError, UnicodeDecodeError):
            raise ApiError("the body is not JSON: send {\"text\": \"...\"} or {\"url\": \"https://...\"}") from None
        if not isinstance(data, dict):
            raise ApiError("the body must be a JSON object with 'text' or 'url'")
        unknown = set(data) - {"text", "url", "id", "title", "published", "lang"}
        if unknown:
            raise ApiError(f"unknown field(s) {', '.join(sorted(unknown))}: use text, url, id, title, published, lang")
        for key, value in data.items():
            if value is not None and not isinstance(value, str):
                raise ApiError(f"field {key!r} must be a string")
        published, lang = data.get("published") or None, data.get("lang") or None
        if published:
            try:
                _date_bound(published, False)
            except Exception:  # noqa: BLE001 - StoreError with its message
                raise ApiError(f"invalid published {published!r}: use YYYY-MM-DD") from None
        if lang not in (None, "auto", "de", "en"):
            raise ApiError(f"invalid lang {lang!r}: use de, en or auto")
        doc = self._document(data, published, None if lang == "auto" else lang)
        with self.pool.write_lock:
            st = self.pool.get()
            rep = st.add(doc)
        if rep.failed:
            raise ApiError("; ".join(rep.errors) or "the article could not be coded", 422)
        out = rep.to_dict()
        out["doc_id"] = queries.stored_doc_id(st, doc)
        out["events"] = [e["event_id"] for e in queries.document_detail(st, out["doc_id"])["events"]] \
            if out["doc_id"] else []
        return JSONResponse(out, 201 if rep.added else 200)

    @staticmethod
    def _document(data: dict[str, Any], published: str | None, lang: str | None) -> Any:
        from ..errors import InputError

        text, url = data.get("text"), data.get("url")
        if text and text.strip():
            from ..ingest.text import document_from_text

            doc_id = data.get("id") or "api-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
            return document_from_text(text, doc_id, published=published, lang=lang, url=url,
                                      title=data.get("title"), path=f"POST /api/documents ({doc_id})")
        if url:
            if not url.startswith(("http://", "https://")):
                raise ApiError(f"invalid url {url!r}: use an http:// or https:// address")
            from ..ingest.feeds import documents_from_url

            for item in documents_from_url(url, published=published, lang=lang):
                if isinstance(item, InputError):
                    raise ApiError(str(item), 422)
                if data.get("id"):
                    item.id = data["id"]
                return item
            raise ApiError(f"no article at {url}", 422)
        raise ApiError("send 'text' (the article) or 'url' (an article to fetch)")
