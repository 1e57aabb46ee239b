"""Command line: ``chronik <verb>``. Thin over the library; errors become one line on stderr."""
from __future__ import annotations

import datetime as dt
import sys

import click

from . import __version__
from .errors import ChronikError, Errors, InputError, UnsupportedLanguage

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
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write to FILE instead of stdout.")
def extract(paths, fmt, lang, published, include_negated, min_confidence, output) -> None:
    """Extract events from articles. PATHS are files, directories (recursive) or - for stdin.

    Input kinds are detected from content: scraped text, HTML pages, JSON Lines corpora
    (one article a line with "text" and optionally "id", "title", "published", "url", "lang").
    """
    from .ingest import load_documents
    from .output import WRITERS, JsonDocument
    from .pipeline import process
    from .settings import Options

    if fmt is None:
        fmt = "table" if output.isatty() else "jsonl"
    write = JsonDocument(output) if fmt == "json" else WRITERS[fmt]
    options = Options.load(include_negated=include_negated,
                           **({} if min_confidence is None else {"min_confidence": min_confidence}))
    failed = 0
    skipped: list[dict] = []
    n_events = 0
    bar = _progress(sys.stderr.isatty(), "extract")
    try:
        for item in load_documents(paths, published=published, lang=None if lang == "auto" else lang):
            if isinstance(item, InputError):
                failed += 1
                _error(str(item))
                continue
            try:
                doc = process(item, options)
            except UnsupportedLanguage as exc:
                skipped.append({"doc_id": item.id, "path": item.path, "lang": exc.lang, "reason": exc.message})
                bar.write(f"chronik: {item.path or item.id}: {exc.message}", file=sys.stderr)
                continue
            except ChronikError as exc:
                failed += 1
                _error(f"{item.path or item.id}: {exc.message}")
                continue
            except Exception as exc:  # a bug must not stop a batch: report it and go on
                failed += 1
                _error(f"{item.path or item.id}: {Errors.E099.format(detail=repr(exc))}")
                continue
            write(doc, output)
            n_events += len(doc.events)
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
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default=None,
              help="table (default on a terminal) or jsonl (one mention per line).")
@click.option("--lang", type=click.Choice(LANG_CHOICES), default="auto", show_default=True, help="Language of the articles.")
@click.option("--published", callback=_valid_date, metavar="YYYY-MM-DD", help="Publication date (decides who held an office).")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write to FILE instead of stdout.")
def actors(paths, fmt, lang, published, output) -> None:
    """Show every resolved actor mention: who is named, as which country and sector."""
    from .actors import mention_records, write_mention_table
    from .ingest import load_documents
    from .pipeline import Pipeline

    import json

    if fmt is None:
        fmt = "table" if output.isatty() else "jsonl"
    pipe = Pipeline(names=("segment", "actors"))
    failed = 0
    for item in load_documents(paths, published=published, lang=None if lang == "auto" else lang):
        if isinstance(item, InputError):
            failed += 1
            _error(str(item))
            continue
        try:
            doc = pipe(item)
        except UnsupportedLanguage as exc:
            click.echo(f"chronik: {item.path or item.id}: {exc.message}", err=True)
            continue
        if fmt == "jsonl":
            for rec in mention_records(doc):
                output.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            write_mention_table(doc, output)
    if failed:
        sys.exit(1)


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

    for cmd in SERVE_COMMANDS:
        cli.add_command(cmd)


_register_plugins()


def main() -> None:
    try:
        cli(standalone_mode=True)
    except ChronikError as exc:
        _error(exc.message)
        sys.exit(1)
    except KeyboardInterrupt:
        _error("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
