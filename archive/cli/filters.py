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
    """Add --sort, --exact, the facet filters and --exclude to ``command``."""
    options = [
        click.option(
            "--sort",
            type=click.Choice(["relevance", "newest", "oldest", "archived"]),
            default="relevance",
            show_default=True,
            help="archived: the latest archived first.",
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
        click.option(
            "--exclude",
            multiple=True,
            metavar="FACET:KEY",
            help="Leave out passages with this facet value (e.g. outlet:sohr).",
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


# what --exclude names -> the index's facet
EXCLUDABLE = {**{name: name for name in ("outlet", "kind", "month", "country")}}
EXCLUDABLE.update(publisher="source", source="source")


def excluded_pairs(options: dict) -> tuple[tuple[str, str], ...]:
    """The ``(facet, key)`` pairs --exclude names (and removes them)."""
    return tuple(_facet_key(value) for value in options.pop("exclude"))


def _facet_key(value: str) -> tuple[str, str]:
    """``outlet:sohr`` as ``("outlet", "sohr")``, or a usage error naming it."""
    name, _, key = value.partition(":")
    facet = EXCLUDABLE.get(name.strip().lower())
    if facet is None or not key.strip():
        raise click.BadParameter(
            f"{value!r}: write FACET:KEY, FACET one of {', '.join(EXCLUDABLE)}",
            param_hint="--exclude",
        )
    return facet, key.strip()
