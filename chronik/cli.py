"""Command line: ``chronik <verb>``. Thin over the library; errors become one line on stderr."""
from __future__ import annotations

import datetime as dt
import errno
import os
import sys

import click

from . import __version__
from .cli_options import jobs_option
from .errors import ChronikError, Errors, InputError

LANG_CHOICES = ["auto", "de", "en"]


def _valid_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(Errors.E010.format(value=value))


def _progress(enabled: bool, desc: str):
    from tqdm import tqdm

    return tqdm(disable=not enabled, desc=desc, unit=" documents", file=sys.stderr, dynamic_ncols=True)


def _error(msg: str) -> None:
    click.echo(f"chronik: error: {msg}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chronik")
def cli() -> None:
    """Chronik turns news articles into a sourced chronicle of political events
    (PLOVER event records with CAMEO codes): who did what to whom, when and where."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default=None,
              help="Output format: table (default on a terminal), json (one JSON document: {\"documents\": [...], "
                   "\"skipped\": [...]}), jsonl (one event per line).")
@click.option("--lang", type=click.Choice(LANG_CHOICES), default="auto", show_default=True, help="Language of the articles.")
@click.option("--published", callback=_valid_date, metavar="YYYY-MM-DD", help="Publication date; overrides dates found in the articles.")
@click.option("--include-negated", is_flag=True, help="Also emit negated events, with status 'negated'.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None, metavar="P",
              help="Keep events whose calibrated confidence is at least P (0-1; default: min_confidence in settings.cfg). "
                   "Higher trades recall for precision; 0 keeps everything the coder finds.")
@click.option("-o", "--output", default="-", metavar="FILE|DIR",
              help="Write to FILE instead of stdout (with --dask: the output directory).")
@jobs_option
@click.option("--dask", "dask_address", metavar="SCHEDULER|local:N",
              help="Code on a Dask cluster: a scheduler address (tcp://host:8786) or local:N for N local worker "
                   "processes. Writes partitioned Parquet to the -o directory; re-running skips finished partitions.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="With --dask: how often a failed partition is tried again.")
@click.option("--allow-private-urls", is_flag=True, help="Also fetch from private, loopback and link-local addresses.")
def extract(paths, fmt, lang, published, include_negated, min_confidence, output, jobs, dask_address,
            retries, allow_private_urls) -> None:
    """Extract events from articles. PATHS are files, directories (recursive), http(s) URLs
    of articles or feeds, files listing such URLs one a line, or - for stdin.

    Input kinds are detected from content: scraped text, HTML pages, JSON Lines corpora
    (one article a line with "text" and optionally "id", "title", "published", "url", "lang").
    """
    from .output import WRITERS, JsonDocument
    from .parallel import MIN_POOL, code_documents
    from .settings import Options

    options = Options.load(include_negated=include_negated,
                           **({} if min_confidence is None else {"min_confidence": min_confidence}))
    if dask_address:
        _extract_dask(paths, dask_address, output, options, lang, published, retries)
        return
    try:
        out_file = click.open_file(output, "w", encoding="utf-8")
    except OSError as exc:
        _error(f"{output}: cannot write: {exc.strerror or exc}")
        sys.exit(1)
    failed = done = 0
    skipped: list[dict] = []
    n_events = 0
    with out_file as out:
        fmt = fmt or ("table" if out.isatty() else "jsonl")
        write = JsonDocument(out) if fmt == "json" else WRITERS[fmt]
        bar = _progress(sys.stderr.isatty(), "extract")
        try:
            items = _inputs(paths, published=published, lang=None if lang == "auto" else lang,
                            allow_private_urls=allow_private_urls)
            for res in code_documents(items, jobs=jobs, options=options, min_pool=MIN_POOL if jobs is None else 0):
                if res.skipped:
                    doc = res.doc
                    skipped.append({"doc_id": doc.id, "path": doc.path, "lang": res.skipped_lang,
                                    "reason": res.skipped})
                    bar.write(f"chronik: {doc.path or doc.id}: {res.skipped}", file=sys.stderr)
                    continue
                if res.error:
                    failed += 1
                    _error(res.error)
                    continue
                write(res.doc, out)
                done += 1
                n_events += len(res.doc.events)
                bar.set_postfix(events=n_events, refresh=False)
                bar.update(1)
        finally:
            bar.close()
        if isinstance(write, JsonDocument):
            write.close(skipped)
    if skipped:
        langs = sorted({s["lang"] for s in skipped})
        click.echo(f"chronik: {len(skipped)} documents skipped (no language pack: {', '.join(langs)})", err=True)
    if failed:
        click.echo(f"chronik: {done} documents done, {failed} inputs failed", err=True)
        sys.exit(1)


class _Run:
    """Documents of PATHS through ``func``, one input failing alone: each failure is one
    coded line on stderr (E099 for a bug, with the input named) and is counted; URLs are
    fetched (:mod:`chronik.fetch`)."""

    def __init__(self, func, on_skip=None):
        self.func = func
        self.on_skip = on_skip or (lambda item, exc: click.echo(f"chronik: {item.path or item.id}: {exc.message}",
                                                               err=True))
        self.failed = 0
        self.done = 0

    def documents(self, paths, *, published, lang, allow_private_urls=False):
        from .limits import time_budget

        for item in _inputs(paths, published=published, lang=lang, allow_private_urls=allow_private_urls):
            if isinstance(item, InputError):
                self.fail(str(item))
                continue
            try:
                with time_budget():
                    doc = self.func(item)
            except UnsupportedLanguage as exc:  # skipped, not failed
                self.on_skip(item, exc)
                continue
            except ChronikError as exc:
                self.fail(f"{item.path or item.id}: {exc.message}")
                continue
            except Exception as exc:  # noqa: BLE001 - a bug must not stop a batch: report it and go on
                self.fail(f"{item.path or item.id}: {Errors.E099.format(detail=f'{type(exc).__name__}: {exc}'[:200])}")
                continue
            self.done += 1
            yield doc

    def fail(self, msg: str) -> None:
        self.failed += 1
        _error(msg)

    def finish(self) -> None:
        """Exit 1 with a summary line when any input failed."""
        if self.failed:
            click.echo(f"chronik: {self.done} documents done, {self.failed} inputs failed", err=True)
            sys.exit(1)


def _inputs(paths, *, published, lang, allow_private_urls=False):
    """Files, directories and ``-`` through the loaders; http(s) URLs and URL lists through the fetcher."""
    from .fetch import expand_url_inputs, options_from_cli
    from .ingest import load_documents

    yield from expand_url_inputs(paths, lambda ps: load_documents(ps, published=published, lang=lang),
                                 published=published, lang=lang, options=options_from_cli(allow_private_urls))


def _extract_dask(paths, address, output, options, lang, published, retries) -> None:
    from .cluster import DistributedError, run_extract

    if output in (None, "-"):
        raise click.UsageError("--dask writes partitioned Parquet: name the output directory with -o DIR")
    try:
        rep = run_extract(paths, output, address, options=options, lang=None if lang == "auto" else lang,
                          published=published, retries=retries, progress=sys.stderr.isatty(),
                          on_error=_error, log=lambda msg: click.echo(f"chronik: {msg}", err=True))
    except DistributedError as exc:
        _error(exc.message)
        sys.exit(1)
    click.echo(f"chronik: {rep.summary()}", err=True)
    if rep.failed_inputs or rep.failed_partitions:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default=None,
              help="table (default on a terminal) or jsonl (one mention per line).")
@click.option("--lang", type=click.Choice(LANG_CHOICES), default="auto", show_default=True, help="Language of the articles.")
@click.option("--published", callback=_valid_date, metavar="YYYY-MM-DD", help="Publication date (decides who held an office).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write to FILE instead of stdout.")
@click.option("--allow-private-urls", is_flag=True, help="Also fetch from private, loopback and link-local addresses.")
def actors(paths, fmt, lang, published, output, allow_private_urls) -> None:
    """Show every resolved actor mention: who is named, as which country and sector."""
    from .actors import mention_records, write_mention_table
    from .pipeline import Pipeline

    import json

    if fmt is None:
        fmt = "table" if output.isatty() else "jsonl"
    pipe = Pipeline(names=("segment", "actors"))
    run = _Run(pipe)
    for doc in run.documents(paths, published=published, lang=None if lang == "auto" else lang,
                             allow_private_urls=allow_private_urls):
        if fmt == "jsonl":
            for rec in mention_records(doc):
                output.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            write_mention_table(doc, output)
    run.finish()


@cli.command("kb-import")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="people.tsv file to write.")
@click.option("--positions", type=click.Path(exists=True, dir_okay=False),
              help="TSV of position QIDs (qid, country, sector, role) to keep; default: the shipped list.")
def kb_import(dump, output, positions) -> None:
    """Build a knowledge base of office holders from a Wikidata JSON dump (.json, .json.gz,
    .json.bz2; one entity a line). Use it with CHRONIK_PEOPLE=FILE."""
    from .kb import convert_wikidata_dump, load_positions

    stats = convert_wikidata_dump(dump, output, load_positions(positions) if positions else None)
    click.echo(f"{stats['rows']} rows from {stats['humans']} people ({stats['lines']} lines, "
               f"{stats['bad_lines']} unreadable) written to {output}", err=True)
    if stats["bad_lines"]:
        sys.exit(1)


def _register_plugins() -> None:
    try:
        from .cli_store import COMMANDS
    except ImportError:
        return
    for cmd in COMMANDS:
        cli.add_command(cmd)
    from .cli_serve import COMMANDS as SERVE_COMMANDS  # imports click only; the server loads on use
    from .cli_watch import COMMANDS as WATCH_COMMANDS

    for cmd in [*SERVE_COMMANDS, *WATCH_COMMANDS]:
        cli.add_command(cmd)


_register_plugins()


def main(argv: list[str] | None = None) -> None:
    """The ``chronik`` command. Exit status: 0 done (also when the reader of the output
    went away: a broken pipe is quiet), 1 some input failed, 2 usage error, 130 interrupted
    (Ctrl-C), with one message."""
    args = sys.argv[1:] if argv is None else list(argv)
    code = 0
    try:
        try:
            with cli.make_context("chronik", args) as ctx:
                cli.invoke(ctx)
        finally:
            sys.stdout.flush()
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except (KeyboardInterrupt, click.Abort):
        _error("interrupted")
        code = 130
    except BrokenPipeError:
        _quiet_stdout()
    except ChronikError as exc:
        _error(exc.message)
        code = 1
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            _error(f"{exc.filename + ': ' if exc.filename else ''}{exc.strerror or exc}")
            code = 1
        else:
            _quiet_stdout()
    sys.exit(code)


def _quiet_stdout() -> None:
    """The output's reader went away: send what Python still flushes at exit to /dev/null."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
