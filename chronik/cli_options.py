"""Option decorators shared by the command modules (``cli.py``, ``cli_store.py``)."""
from __future__ import annotations

import click

jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
    help="Worker processes that code articles (default: all cores; small inputs stay in one process). "
         "The output is the same for every N.")
