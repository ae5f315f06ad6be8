"""Searching from the command line: ``archive search`` (and ``--batch``)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from archive.cli.filters import filter_pairs, search_filters
from archive.cli.group import cli
from archive.config import Settings


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--per-page", type=click.IntRange(1, 100), default=10, show_default=True)
@search_filters
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="The result as one JSON object, as /api/search gives it.",
)
@click.option(
    "--batch",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A file of queries, one a line (up to 500): count each one's matches.",
)
@click.option("--csv", "as_csv", is_flag=True, help="With --batch: the table as CSV.")
@click.option(
    "--site-url",
    default="http://127.0.0.1:5000",
    show_default=True,
    help="With --batch: the site the table's links point to.",
)
@click.pass_obj
def search(
    settings: Settings,
    query: tuple[str, ...],
    page: int,
    per_page: int,
    sort: str,
    exact: bool,
    as_json: bool,
    batch: Path | None,
    as_csv: bool,
    site_url: str,
    **facets: tuple[str, ...],
) -> None:
    """Search the archived passages (the query language is in the README).

    Facet filters (--outlet, --kind, --publisher, --month, --country) take the
    keys shown in brackets under the results and narrow the query and its
    counts; they are named as the facets of --json and /api/search.
    With --batch FILE, each line of FILE is a query (a name, a term): the table
    gives how many documents and passages match each, under the same filters
    and QUERY (a date range, say).

    \b
    Example:
        archive search Qasrak
        archive search '"Ahmed al-Sharaa"' --exact
        archive search 'outlet:SOHR date:2024-12..2025-01' --sort newest
        archive search coalition --kind report --json
        archive search withdrawal --country SY
        archive search --batch names.txt --kind report --csv > names.csv
    """
    from index import (
        IndexUnavailable,
        Searcher,
        SearchQueryError,
        SearchRequest,
        result_lines,
        search_json,
    )

    if as_csv and batch is None:
        raise click.UsageError("--csv goes with --batch FILE (the table as CSV)")
    if as_json and batch is not None:
        raise click.UsageError("--batch gives a table: ask for it as --csv, not --json")
    filters = filter_pairs(facets)
    request = SearchRequest(" ".join(query), page, per_page, sort, exact, filters)
    if batch is not None:
        from archive.cli.exporting import run_batch

        run_batch(settings, batch, request, as_csv, site_url)
        return
    try:
        result = Searcher(settings.index_dir).search(request)
    except (SearchQueryError, IndexUnavailable) as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        click.echo(json.dumps(search_json(result), ensure_ascii=False))
        return
    for line in result_lines(result, mark=lambda text: click.style(text, bold=True)):
        click.echo(line)
