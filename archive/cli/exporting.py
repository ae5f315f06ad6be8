"""Exports from the command line: ``archive export`` (a search's matches as
references or CSV) and the table of ``archive search --batch``."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import click

from archive.cli.filters import filter_pairs, search_filters
from archive.cli.group import cli, sessions_for
from archive.config import Settings

FORMATS = ("ris", "bibtex", "csljson", "csv")
SITE_URL = "http://127.0.0.1:5000"


@cli.command()
@click.argument("query", nargs=-1)
@click.option("--format", "format_name", type=click.Choice(FORMATS), required=True)
@search_filters
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    help="At most this many documents (CSV: rows); never more than 5,000 "
    "documents or 10,000 rows, the default.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write to this file instead of the standard output.",
)
@click.option(
    "--site-url",
    default=SITE_URL,
    show_default=True,
    help="The site the links point to (archive serve's address).",
)
@click.pass_obj
def export(
    settings: Settings,
    query: tuple[str, ...],
    format_name: str,
    sort: str,
    exact: bool,
    limit: int | None,
    output: Path | None,
    site_url: str,
    **facets: tuple[str, ...],
) -> None:
    """Export every document a search matches as references (RIS, BibTeX,
    CSL-JSON), or every matching passage as a CSV row.

    Takes the query and filters of `archive search`. At most 5,000 documents
    (or 10,000 CSV rows) are exported: a line on the standard error says when
    the bound cut the export.

    \b
    Example:
        archive export --format ris Qasrak > qasrak.ris
        archive export --format csv coalition --kind report -o coalition.csv
        archive export --format bibtex 'outlet:SOHR date:2025'
    """
    from index import IndexUnavailable, Searcher, SearchQueryError, SearchRequest
    from index import exports as index_exports

    filters = filter_pairs(facets)
    request = SearchRequest(" ".join(query), 1, 10, sort, exact, filters)
    try:
        found = Searcher(settings.index_dir).matches(
            request, **index_exports.bounds(format_name, limit)
        )
    except (SearchQueryError, IndexUnavailable) as error:
        raise click.ClickException(str(error)) from error
    base = site_url.rstrip("/")

    def link(document_id: int, anchor: str | None) -> str:
        return f"{base}/documents/{document_id}" + (f"#{anchor}" if anchor else "")

    with sessions_for(settings)() as session:
        body = index_exports.render(found, session, format_name, link)
    _write(body, output)
    notice = index_exports.truncation(found, format_name)
    if notice:
        click.echo(f"archive export: {notice}", err=True)


def _write(body: str, output: Path | None) -> None:
    if output is None:
        click.echo(body, nl=False)
        return
    try:
        output.write_text(body, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"{output}: {error.strerror}") from error


def run_batch(settings: Settings, path: Path, template, as_csv: bool, site: str):
    """``archive search --batch``: the table of counts, or its CSV."""
    from index import (
        PUBLIC_FACETS,
        IndexUnavailable,
        Searcher,
        SearchQueryError,
        checklist,
    )

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise click.ClickException(
            f"{path}: not UTF-8 text (byte {error.start}): save the list as UTF-8"
        ) from error
    searcher = Searcher(settings.index_dir)
    try:
        rows = checklist.run(checklist.lines_of(text), template, searcher.count)
    except (SearchQueryError, IndexUnavailable) as error:
        raise click.ClickException(f"{path}: {error}") from error
    names = {facet: name for name, facet in PUBLIC_FACETS.items()}
    shared = [(names[facet], key) for facet, key in template.filters]
    if template.exact:
        shared.append(("exact", "1"))

    def link(line: str) -> str:
        query = f"{line} {template.query}".strip()
        return f"{site.rstrip('/')}/?{urlencode([('q', query), *shared])}"

    if as_csv:
        click.echo(checklist.checklist_csv(rows, link), nl=False)
        return
    click.echo(f"{'documents':>9}  {'passages':>8}  query")
    for row in rows:
        line = f"{row.documents:>9}  {row.passages:>8}  {row.query}"
        click.echo(line + (f"  ({row.problem})" if row.problem else ""))
    matched = sum(1 for row in rows if row.passages)
    click.echo(f"{matched} of {len(rows)} queries match")
