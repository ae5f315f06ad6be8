"""The search filters that `archive search` and `archive export` share."""

from __future__ import annotations

from collections.abc import Callable

import click

from ingest import KINDS

FACET_OPTIONS = ("outlet", "kinds", "publisher", "source", "month", "country")
# option name -> the index's facet (each option is named as the facet of
# --json and /api/search; --source is the old name of --publisher)
FACETS = {
    "outlet": "outlet",
    "kinds": "kind",
    "publisher": "source",
    "source": "source",
    "month": "month",
    "country": "country",
}


def search_filters(command: Callable) -> Callable:
    """Add --sort, --exact and the facet filters to ``command``."""
    options = [
        click.option(
            "--sort",
            type=click.Choice(["relevance", "newest", "oldest"]),
            default="relevance",
            show_default=True,
        ),
        click.option(
            "--exact", is_flag=True, help="Exact spellings only: no name variants."
        ),
        click.option("--outlet", multiple=True, help="Only passages citing it (sohr)."),
        click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS)),
        click.option(
            "--publisher", multiple=True, help="Publisher or agency key (e.g. euaa)."
        ),
        click.option(
            "--source",
            multiple=True,
            deprecated="use --publisher, the name /api/search gives it",
            help="The old name of --publisher.",
        ),
        click.option("--month", multiple=True, help="Document month, e.g. 2025-03."),
        click.option(
            "--country", multiple=True, help="Country code or name (e.g. SY or Syria)."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def filter_pairs(options: dict) -> tuple[tuple[str, str], ...]:
    """The ``(facet, key)`` pairs the facet options give (and removes them)."""
    return tuple(
        (FACETS[name], key) for name in FACET_OPTIONS for key in options.pop(name)
    )
