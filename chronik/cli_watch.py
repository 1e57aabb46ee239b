"""``chronik watch``: thin over :mod:`chronik.watch`."""
from __future__ import annotations

import signal
import sys
import threading

import click

from .cli_store import _guard, _open, _store_fetcher, allow_private_option, db_option

LANG_CHOICES = ["auto", "de", "en"]


def _interval(ctx, param, value):
    from .watch import parse_interval

    try:
        return parse_interval(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command("watch")
@click.argument("feeds", type=click.Path(dir_okay=False))
@db_option
@click.option("--every", callback=_interval, default="15m", show_default=True, metavar="INTERVAL",
              help="Time between polls: 30s, 15m, 2h ...")
@click.option("--cycles", type=click.IntRange(min=1), help="Stop after N cycles (default: run until stopped).")
@click.option("--lang", type=click.Choice(LANG_CHOICES), default="auto", show_default=True, help="Language of the articles.")
@click.option("--no-merge", is_flag=True, help="Do not merge reports of the same event from different articles.")
@click.option("--timeout", type=click.FloatRange(min=1), default=20.0, show_default=True, help="HTTP read timeout (s).")
@allow_private_option
@_guard
def watch(feeds, db, every, cycles, lang, no_merge, timeout, allow_private_urls) -> None:
    """Poll the feeds listed in FEEDS (one URL a line) and ingest new or changed entries.

    State (feed validators, entries seen) lives in the database, so a restart goes on
    where the last run stopped. One log line per cycle on stderr. SIGTERM stops cleanly
    after the document in hand (exit 0); Ctrl-C too, with exit status 130.
    """
    from .watch import Watcher, read_feed_list

    urls = read_feed_list(feeds)
    stop = threading.Event()
    got: list[int] = []

    def _stop(signum, frame):
        got.append(signum)
        stop.set()

    old = {s: signal.signal(s, _stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        with _open(db, must_exist=False) as store:
            w = Watcher(store, urls, _store_fetcher(store, allow_private_urls, timeout),
                        lang=None if lang == "auto" else lang, merge=not no_merge,
                        log=lambda line: click.echo(line, err=True), stop=stop)
            w.run(every, cycles)
    finally:
        for s, h in old.items():
            signal.signal(s, h)
    if got:
        click.echo(f"chronik watch: stopped by {signal.Signals(got[0]).name} after {w.cycles} cycles", err=True)
        if got[0] == signal.SIGINT:
            sys.exit(130)


COMMANDS = [watch]
