"""Corpus commands: ``chronik ingest``, ``query``, ``export``, ``stats`` (thin over
:mod:`chronik.store`). Errors become one line on stderr and exit status 1."""
from __future__ import annotations

import errno
import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import click

from .errors import ChronikError
from .cli_options import jobs_option
from .store.query import PLOVER_TYPES

LANG_CHOICES = ["auto", "de", "en"]


def _error(msg: str) -> None:
    click.echo(f"chronik: error: {msg}", err=True)


def _guard(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn Chronik errors and I/O errors into one stderr line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ChronikError as exc:
            _error(exc.message)
        except BrokenPipeError:
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise
            _error(f"{getattr(exc, 'filename', None) or ''}{': ' if getattr(exc, 'filename', None) else ''}"
                   f"{exc.strerror or exc}")
        except KeyboardInterrupt:
            _error("interrupted; committed batches are kept, run the command again to continue")
            sys.exit(130)
        sys.exit(1)

    return wrapper


def _open(db: str, *, must_exist: bool):
    from .store import StoreError, open as open_store

    if must_exist and "://" not in db and db != ":memory:" and not os.path.exists(db):
        raise StoreError(f"no such database: {db} (create it with chronik ingest)")
    return open_store(db)


def _valid_date(ctx: Any, param: Any, value: str | None) -> str | None:
    if value is None:
        return None
    from .store.query import _date_bound
    from .store import StoreError

    try:
        _date_bound(value, False)
    except StoreError as exc:
        raise click.BadParameter(exc.message) from None
    return value


db_option = click.option("--db", required=True, envvar="CHRONIK_DB", metavar="FILE|URL",
                         help="SQLite file, or postgresql://user:password@host/dbname (env CHRONIK_DB).")


def filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters shared by query and export."""
    opts = [
        click.option("--actor", metavar="NAME|ISO3", help="Actor in either role: ISO3 country code or (part of) a name."),
        click.option("--type", "etype", type=click.Choice(PLOVER_TYPES, case_sensitive=False), help="PLOVER event type."),
        click.option("--country", metavar="ISO3", help="Where it happened (else: source or target country)."),
        click.option("--since", callback=_valid_date, metavar="DATE", help="First date, YYYY-MM-DD (or YYYY-MM, YYYY)."),
        click.option("--until", callback=_valid_date, metavar="DATE", help="Last date, inclusive."),
        click.option("--text", metavar="WORDS", help="Words that must all occur in the evidence (full text)."),
        click.option("--limit", type=click.IntRange(min=1), help="At most N events."),
    ]
    for opt in reversed(opts):
        func = opt(func)
    return func


def _filters(actor, etype, country, since, until, text, limit) -> dict[str, Any]:
    return {"actor": actor, "type": etype, "country": None if country is None else country.upper(), "since": since,
            "until": until, "text": text, "limit": limit}


# ingest --------------------------------------------------------------------
def _estimate_file(path: str) -> int | None:
    """Documents in one file: its lines for a JSON Lines corpus, None for archives and feeds."""
    low = path.lower()
    if low.endswith((".jsonl", ".ndjson")):
        try:
            with open(path, "rb") as f:
                return sum(1 for line in f if line.strip())
        except OSError:
            return 1
    if low.endswith((".warc", ".warc.gz", ".rss", ".atom", ".xml")):
        return None
    return 1


def _estimate(paths: Iterable[str]) -> int | None:
    """Cheap document count for the progress bar's total (None when unknown)."""
    total = 0
    for p in paths:
        if p == "-" or "://" in p:
            return None
        if os.path.isdir(p):
            from .ingest import iter_files

            files: Iterable[str] = iter_files(p)
        else:
            files = [p]
        for f in files:
            n = _estimate_file(f)
            if n is None:
                return None
            total += n
    return total


def iter_inputs(paths: Iterable[str], *, published: str | None, lang: str | None,
                timeout: float = 20.0, fetcher: Any = None) -> Iterator[Any]:
    """Documents (or InputErrors) from files, directories, corpora, archives, URL lists
    and http(s) URLs (feeds or article pages, fetched under :mod:`chronik.fetch`'s policy)."""
    from .fetch import Fetcher, expand_url_inputs, options_from_cli
    from .ingest import load_documents

    fetcher = fetcher or Fetcher(options_from_cli(False, timeout))
    yield from expand_url_inputs(paths, lambda ps: load_documents(ps, published=published, lang=lang),
                                 published=published, lang=lang, fetcher=fetcher)


allow_private_option = click.option(
    "--allow-private-urls", is_flag=True,
    help="Also fetch from private, loopback and link-local addresses (refused by default).")


@click.command("ingest")
@click.argument("paths", nargs=-1)
@db_option
@click.option("--lang", type=click.Choice(LANG_CHOICES), default="auto", show_default=True, help="Language of the articles.")
@click.option("--published", callback=_valid_date, metavar="YYYY-MM-DD", help="Publication date of every article.")
@click.option("--batch-size", type=click.IntRange(min=1), default=50, show_default=True, help="Articles per transaction.")
@click.option("--no-merge", is_flag=True, help="Do not merge reports of the same event from different articles.")
@click.option("--timeout", type=click.FloatRange(min=1), default=20.0, show_default=True, help="HTTP read timeout (s) for feeds.")
@allow_private_option
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@jobs_option
@click.option("--from-parquet", "from_parquet", metavar="DIR",
              help="Load the coded documents of a `chronik extract --dask -o DIR` run instead of PATHS.")
@_guard
def ingest(paths, db, lang, published, batch_size, no_merge, timeout, allow_private_urls, progress, jobs,
           from_parquet) -> None:
    """Code articles and store documents, actor mentions and events in a database.

    PATHS are files, directories (recursive), JSON Lines corpora, WARC(.gz) archives,
    RSS/Atom feed files, http(s) URLs of feeds or articles (the linked articles are
    fetched), files listing such URLs one a line, or - for stdin.
    Re-running is safe: unchanged articles are skipped, changed ones replaced; an
    interrupted run continues where its last committed batch ended.
    """
    from tqdm import tqdm

    if bool(paths) == bool(from_parquet):
        raise click.UsageError("give PATHS to ingest, or --from-parquet DIR, not both" if paths else
                               "missing PATHS (or --from-parquet DIR)")
    if progress is None:
        progress = sys.stderr.isatty()
    if from_parquet and not os.path.isdir(from_parquet):
        raise click.BadParameter(f"{from_parquet}: no such directory", param_hint="--from-parquet")
    store = _open(db, must_exist=False)
    try:
        width, height = os.get_terminal_size(sys.stderr.fileno())
    except (OSError, ValueError):
        width = height = 0
    # a terminal that reports no size (some ptys, CI consoles) would hide the bar: assume 100x24
    bar = tqdm(total=_estimate(paths) if progress and paths else None, disable=not progress, unit=" documents",
               file=sys.stderr, dynamic_ncols=width > 0, ncols=None if width > 0 else 100,
               nrows=None if height > 0 else 24, desc="ingest")

    done = {"events": 0}

    def on_batch(rep: Any, n: int) -> None:
        # counted when committed: the bar shows inputs and events that are stored
        for err in rep.errors:
            tqdm.write(f"chronik: warning: {err}", file=sys.stderr)
        for note in rep.notes:
            tqdm.write(f"chronik: {note}", file=sys.stderr)
        done["events"] += rep.events
        bar.set_postfix(events=done["events"], refresh=False)
        bar.update(n)

    try:
        with store:
            fetcher = _store_fetcher(store, allow_private_urls, timeout)
            items = iter_inputs(paths, published=published, lang=lang, fetcher=fetcher)
            process = None
            if from_parquet:
                from .cluster import documents_from_parquet
                from .parallel import PrecodedStream

                stream = PrecodedStream(documents_from_parquet(from_parquet), keep=4 * batch_size)
                items, process = iter(stream), stream.process
            elif jobs != 1:
                from .parallel import MIN_POOL, PrecodedStream, code_documents
                from .store.db import _default_process

                coder = _default_process()
                stream = PrecodedStream(code_documents(items, jobs=jobs, min_pool=MIN_POOL if jobs is None else 0,
                                                       needs_coding=lambda d: not store.holds_unchanged(d),
                                                       process=coder),
                                        keep=4 * batch_size, process=coder)
                items, process = iter(stream), stream.process
            rep = store.ingest(items, process=process, batch_size=batch_size, merge=not no_merge,
                               on_batch=on_batch)
    finally:
        bar.close()
    click.echo(f"chronik: {rep.seen} inputs: {rep.added} added, {rep.updated} updated, {rep.unchanged} unchanged, "
               f"{rep.duplicates} near-duplicates, {rep.aliases} aliases (same text under another id or URL), "
               f"{rep.skipped} skipped (language), {rep.failed} failed; {rep.events} events "
               f"({rep.merged} merged with other reports) in {store.location}", err=True)
    if rep.failed:
        sys.exit(1)


def _store_fetcher(store: Any, allow_private: bool, timeout: float | None) -> Any:
    """A fetcher under the CLI's URL policy whose ETag/Last-Modified live in the store."""
    from .fetch import configure, options_from_cli
    from .store.http_cache import StoreValidatorCache

    return configure(options_from_cli(allow_private, timeout), StoreValidatorCache(store))


# query ---------------------------------------------------------------------------
def _actor_text(rec: dict[str, Any], role: str) -> str:
    from .store.merge import actors_of

    parts = []
    for a in actors_of(rec.get(role)):
        code = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
        parts.append(f"{a.get('name') or a.get('text') or '?'}" + (f" ({code})" if code else ""))
    return " + ".join(parts) or "-"


def _table(records: Iterable[dict[str, Any]], out: Any) -> int:
    n = 0
    header = f"{'date':<10}  {'type':<9}  {'source':<28}  {'target':<28}  {'n':>3}  evidence"
    out.write(header + "\n" + "-" * len(header) + "\n")
    for rec in records:
        ev = " ".join(((rec.get("evidence") or {}).get("text") or "").split())
        out.write(f"{(rec.get('date') or '-'):<10}  {rec['type']:<9}  {_actor_text(rec, 'source')[:28]:<28}  "
                  f"{_actor_text(rec, 'target')[:28]:<28}  {rec.get('num_mentions') or 1:>3}  "
                  f"{ev[:80] + ('…' if len(ev) > 80 else '')}\n")
        n += 1
    return n


@click.command("query")
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write to FILE instead of stdout.")
@_guard
def query(db, actor, etype, country, since, until, text, limit, fmt, output) -> None:
    """Find stored events: by actor, type, country, date range and full text."""
    from .export import export

    with _open(db, must_exist=True) as store:
        filters = _filters(actor, etype, country, since, until, text, limit)
        if fmt == "table":
            _table(store.events(**filters).records(), output)
        else:
            export(store, output, fmt, **filters)


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "gdelt-mentions", "plover"]),
              required=True, help="jsonl (event records with all reports; see chronik schema), csv, parquet, "
              "gdelt (GDELT 2.0 Events table), gdelt-mentions (GDELT 2.0 Mentions table), plover.")
@click.option("-o", "--output", required=True, metavar="FILE", help="Output file (- for stdout, not for parquet).")
@filter_options
@_guard
def export_cmd(db, fmt, output, actor, etype, country, since, until, text, limit) -> None:
    """Write stored events to a file."""
    from .export import export

    with _open(db, must_exist=True) as store:
        n = export(store, output, fmt, **_filters(actor, etype, country, since, until, text, limit))
    if output != "-":
        click.echo(f"chronik: wrote {n} events to {output}", err=True)


@click.command("stats")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many top dyads.")
@click.option("--by", type=click.Choice(["day", "month", "year"]), default="month", show_default=True,
              help="Time series in the table: events per day, month or year (JSON has all three).")
@_guard
def stats(db, fmt, top, by) -> None:
    """Summarise a database: documents, events, mentions, types, dyads, events per day/month/year."""
    with _open(db, must_exist=True) as store:
        st = store.stats(top=top)
    if fmt == "json":
        click.echo(json.dumps(st, ensure_ascii=False, indent=2))
        return
    for key in ("documents", "duplicates", "aliases", "events", "merged_events", "event_mentions", "mentions",
                "sources", "undated"):
        click.echo(f"{key.replace('_', ' '):<16}{st[key]:>10}")
    if st["by_type"]:
        click.echo("\nevents by type")
        for t, n in st["by_type"].items():
            click.echo(f"  {t:<14}{n:>10}")
    if st["top_dyads"]:
        click.echo("\ntop dyads")
        for d in st["top_dyads"]:
            click.echo(f"  {d['source']} -> {d['target']:<8}{d['events']:>10}")
    series = st[f"per_{by}"]
    if series:
        click.echo(f"\nevents per {by} (dated to the {by} or finer)")
        for period, n in series.items():
            click.echo(f"  {period:<14}{n:>10}")


@click.command("schema")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "plover"]), default="jsonl", show_default=True,
              help="jsonl: the export record of export/query --format jsonl; plover: the PLOVER record.")
def schema_cmd(fmt) -> None:
    """Print the JSON Schema of an export format (draft 2020-12)."""
    from .schema import schema

    click.echo(json.dumps(schema(fmt), ensure_ascii=False, indent=2))


export_cmd.name = "export"
schema_cmd.name = "schema"
COMMANDS = [ingest, query, export_cmd, stats, schema_cmd]
