"""``chronik serve``: an HTTP API (JSON, OpenAPI at ``/openapi.json``) and a web page over
the event store. Needs the ``serve`` extra (Starlette and uvicorn).

>>> from chronik.server import create_app          # doctest: +SKIP
>>> app = create_app("events.db")                   # an ASGI application
"""
from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
