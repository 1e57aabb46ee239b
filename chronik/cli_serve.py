"""``chronik serve``: the HTTP API and web page over an event store (thin over
:mod:`chronik.server`)."""
from __future__ import annotations

import os

import click

from .cli_store import _guard, _open, db_option


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port to listen on.")
@click.option("--allow-ingest", is_flag=True, help="Accept POST /api/documents (needs --token).")
@click.option("--token", envvar="CHRONIK_TOKEN", metavar="TOKEN",
              help="Bearer token for POST /api/documents (env CHRONIK_TOKEN).")
@click.option("--query-timeout", type=click.FloatRange(min=0), default=10.0, show_default=True, metavar="SECONDS",
              help="A request whose queries take longer gets a 503 (0: no limit).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True, help="Server log level (debug also logs every request).")
@_guard
def serve(db, host, port, allow_ingest, token, query_timeout, log_level) -> None:
    """Serve the event store: a JSON API (/api/events, /api/stats, ..., /openapi.json)
    and a web page at / with a timeline, actor network, map, event table and documents."""
    try:
        from .server import serve as run
    except ImportError as exc:
        raise click.ClickException(f"chronik serve needs the serve extra: pip install 'chronik[serve]' ({exc.name})")
    _open(db, must_exist=not allow_ingest).close()
    if not allow_ingest and token:
        click.echo("chronik: warning: --token is ignored without --allow-ingest", err=True)
    where = f"http://{host}:{port}/" if ":" not in host else f"http://[{host}]:{port}/"
    click.echo(f"chronik: serving {db if '://' not in db else 'the PostgreSQL store'} at {where} "
               f"({'ingest allowed' if allow_ingest else 'read-only'}); Ctrl+C stops", err=True)
    run(db, host=host, port=port, allow_ingest=allow_ingest, token=token if allow_ingest else None,
        log_level=log_level, query_timeout=query_timeout or None)


COMMANDS = [serve]
