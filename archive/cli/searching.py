"""Searching from the command line: ``archive search``."""

from __future__ import annotations

import json

import click

from archive.cli.group import cli
from archive.config import Settings
from ingest import KINDS


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--per-page", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option(
    "--sort",
    type=click.Choice(["relevance", "newest", "oldest", "archived"]),
    default="relevance",
    show_default=True,
    help="archived: the latest archived first.",
)
@click.option(
    "--group",
    type=click.Choice(["documents", "passages"]),
    default="documents",
    show_default=True,
    help="documents: each document once, with its best passages.",
)
@click.option("--exact", is_flag=True, help="Exact spellings only: no name variants.")
@click.option("--outlet", multiple=True, help="Only passages citing it (e.g. sohr).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS))
@click.option("--source", multiple=True, help="Publisher or agency key (e.g. euaa).")
@click.option("--month", multiple=True, help="Document month, e.g. 2025-03.")
@click.option(
    "--country", multiple=True, help="Country code or name (e.g. SY or Syria)."
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="FACET:KEY",
    help="Leave out passages with this facet value (e.g. outlet:sohr).",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="The result as one JSON object, as /api/search gives it.",
)
@click.pass_obj
def search(
    settings: Settings,
    query: tuple[str, ...],
    page: int,
    per_page: int,
    sort: str,
    group: str,
    exact: bool,
    outlet: tuple[str, ...],
    kinds: tuple[str, ...],
    source: tuple[str, ...],
    month: tuple[str, ...],
    country: tuple[str, ...],
    exclude: tuple[str, ...],
    as_json: bool,
) -> None:
    """Search the archived passages (the query language is in the README).

    Facet filters (--outlet, --kind, --source, --month, --country) take the keys
    shown in brackets under the results and narrow the query and its counts.

    \b
    Example:
        archive search Qasrak
        archive search '"Ahmed al-Sharaa"' --exact
        archive search 'outlet:SOHR date:2024-12..2025-01' --sort newest
        archive search coalition --kind report --json
        archive search withdrawal --country SY
        archive search Qasrak --exclude kind:wire --group passages
    """
    from index import (
        IndexUnavailable,
        Searcher,
        SearchQueryError,
        SearchRequest,
        result_lines,
        search_json,
    )

    pairs = [
        ("outlet", outlet),
        ("kind", kinds),
        ("source", source),
        ("month", month),
        ("country", country),
    ]
    filters = tuple((facet, key) for facet, keys in pairs for key in keys)
    excluded = tuple(_facet_key(value) for value in exclude)
    request = SearchRequest(
        " ".join(query), page, per_page, sort, exact, filters, excluded, group
    )
    try:
        result = Searcher(settings.index_dir).search(request)
    except (SearchQueryError, IndexUnavailable) as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(json.dumps(search_json(result), ensure_ascii=False))
        return
    for line in result_lines(result, mark=lambda text: click.style(text, bold=True)):
        click.echo(line)


FACETS = {"outlet": "outlet", "kind": "kind", "source": "source", "publisher": "source"}
FACETS.update(month="month", country="country")


def _facet_key(value: str) -> tuple[str, str]:
    """``outlet:sohr`` as ``("outlet", "sohr")``, or a usage error naming it."""
    name, _, key = value.partition(":")
    if name.strip().lower() not in FACETS or not key.strip():
        raise click.BadParameter(
            f"{value!r}: write FACET:KEY, FACET one of {', '.join(FACETS)}",
            param_hint="--exclude",
        )
    return FACETS[name.strip().lower()], key.strip()
