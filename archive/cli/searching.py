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
    type=click.Choice(["relevance", "newest", "oldest"]),
    default="relevance",
    show_default=True,
)
@click.option("--exact", is_flag=True, help="Exact spellings only: no name variants.")
@click.option("--outlet", multiple=True, help="Only passages citing it (e.g. sohr).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS))
@click.option("--publisher", multiple=True, help="Publisher or agency key (e.g. euaa).")
@click.option(
    "--source",
    multiple=True,
    deprecated="use --publisher, the name /api/search gives it",
    help="The old name of --publisher.",
)
@click.option("--month", multiple=True, help="Document month, e.g. 2025-03.")
@click.option(
    "--country", multiple=True, help="Country code or name (e.g. SY or Syria)."
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
    exact: bool,
    outlet: tuple[str, ...],
    kinds: tuple[str, ...],
    publisher: tuple[str, ...],
    source: tuple[str, ...],
    month: tuple[str, ...],
    country: tuple[str, ...],
    as_json: bool,
) -> None:
    """Search the archived passages (the query language is in the README).

    Facet filters (--outlet, --kind, --publisher, --month, --country) take the
    keys shown in brackets under the results and narrow the query and its
    counts; they are named as the facets of --json and /api/search.

    \b
    Example:
        archive search Qasrak
        archive search '"Ahmed al-Sharaa"' --exact
        archive search 'outlet:SOHR date:2024-12..2025-01' --sort newest
        archive search coalition --kind report --json
        archive search withdrawal --country SY
    """
    from index import (
        PUBLIC_FACETS,
        IndexUnavailable,
        Searcher,
        SearchQueryError,
        SearchRequest,
        result_lines,
        search_json,
    )

    given = {
        "outlet": outlet,
        "kind": kinds,
        "publisher": publisher + source,
        "month": month,
        "country": country,
    }
    filters = tuple(
        (PUBLIC_FACETS[name], key) for name, keys in given.items() for key in keys
    )
    request = SearchRequest(" ".join(query), page, per_page, sort, exact, filters)
    try:
        result = Searcher(settings.index_dir).search(request)
    except (SearchQueryError, IndexUnavailable) as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(json.dumps(search_json(result), ensure_ascii=False))
        return
    for line in result_lines(result, mark=lambda text: click.style(text, bold=True)):
        click.echo(line)
