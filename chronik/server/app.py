"""The ASGI application (Starlette) and :func:`serve` (uvicorn)."""
from __future__ import annotations

import contextlib
import logging
import sqlite3
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..errors import ChronikError
from .api import MAX_BODY, Api
from .openapi import spec
from .queries import ApiError

STATIC = Path(__file__).resolve().parent / "static"
log = logging.getLogger("chronik.server")

# the page loads only its own scripts and styles; article text can never run as code
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                 b"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every response."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(message: str, status: int) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status)


async def _api_error(request: Request, exc: Exception) -> Response:
    api = getattr(request.app.state, "api", None)
    slow = api.pool.timed_out(exc) if api else None
    if slow is not None:
        return _error(slow.message, slow.status)
    if isinstance(exc, ApiError):
        return _error(exc.message, exc.status)
    if isinstance(exc, ChronikError):
        return _error(exc.message, 400)
    if isinstance(exc, HTTPException):
        msg = {404: f"no such page: {request.url.path}", 405: f"method {request.method} not allowed here"}
        return _error(msg.get(exc.status_code, str(exc.detail)), exc.status_code)
    log.error("internal error on %s", request.url.path, exc_info=exc)
    return _error("internal error (details are in the server log)", 500)


def create_app(db: str, *, allow_ingest: bool = False, token: str | None = None,
               query_timeout: float | None = 10.0) -> Starlette:
    """The web application over the event store ``db`` (a SQLite path or PostgreSQL URL).

    Args:
        db: the store; opened (and migrated) now, so a bad path fails here.
        allow_ingest: accept ``POST /api/documents``.
        token: the bearer token ``POST /api/documents`` needs (required with ``allow_ingest``).
        query_timeout: seconds a request's queries may take (503 after that); None: no limit.

    Raises:
        ChronikError: the store cannot be opened; ingest allowed without a token.
    """
    if allow_ingest and not token:
        raise ChronikError("--allow-ingest needs a token (--token or CHRONIK_TOKEN)")
    api = Api(db, allow_ingest=allow_ingest, token=token, query_timeout=query_timeout)
    openapi = spec()

    async def index(request: Request) -> Response:
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-cache"})

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(openapi)

    async def post_document(request: Request) -> Response:
        size = request.headers.get("content-length")
        if size and size.isdigit() and int(size) > MAX_BODY:
            raise ApiError(f"the body is larger than {MAX_BODY // (1024 * 1024)} MB", 413)
        body = await request.body()
        return await run_in_threadpool(api.add_document, body, request)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        api.pool.interrupt()
        api.pool.close()

    routes = [
        Route("/", index),
        Route("/health", api.health),
        Route("/openapi.json", openapi_json),
        Route("/api/events", api.events),
        Route("/api/events/{event_id:path}", api.event),
        Route("/api/documents", post_document, methods=["POST"]),
        Route("/api/documents/{doc_id:path}", api.document),
        Route("/api/actors", api.actors),
        Route("/api/stats", api.stats),
        Route("/api/dyads", api.dyads),
        Route("/api/places", api.places),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    handlers: dict[Any, Any] = {Exception: _api_error, HTTPException: _api_error, ApiError: _api_error,
                                ChronikError: _api_error, sqlite3.OperationalError: _api_error}
    with contextlib.suppress(ImportError):
        import psycopg

        handlers[psycopg.errors.QueryCanceled] = _api_error  # statement_timeout
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers=handlers)
    app.state.api = api
    app.add_middleware(SecurityHeaders)
    return app


def serve(db: str, *, host: str = "127.0.0.1", port: int = 8080, allow_ingest: bool = False,
          token: str | None = None, log_level: str = "info", query_timeout: float | None = 10.0) -> None:
    """Run the web application with uvicorn until interrupted."""
    import uvicorn

    app = create_app(db, allow_ingest=allow_ingest, token=token, query_timeout=query_timeout)
    # on Ctrl+C / SIGTERM, requests get 5 s to finish; then running queries are interrupted
    uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level == "debug",
                server_header=False, proxy_headers=False, timeout_graceful_shutdown=5)
