"""The ``archive`` command: the one place where ingest, archive, index and web meet."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path

import click

from archive.batch import Outcome, expand, ingest_all, summary
from archive.config import Settings, settings_from_env
from archive.db import connect
from archive.errors import ArchiveError
from ingest import KINDS, ParseOptions, PartialDate, load_registry

SAMPLES = Path(__file__).with_name("samples")


def _date(_ctx, _param, value: str | None) -> PartialDate | None:
    if value is None:
        return None
    from ingest.dates import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date (try 2026-02-23)")
    return parsed


@click.group()
@click.version_option(package_name="citation-archive")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """A citation-aware archive of reports and wire stories.

    Data lives in $ARCHIVE_DATA_DIR (default ./archive-data); set
    $ARCHIVE_DATABASE_URL to use another database (e.g. PostgreSQL).
    """
    ctx.obj = settings_from_env()


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file.")
@click.option(
    "--kind", type=click.Choice(KINDS), help="Skip detection: parse as this kind."
)
@click.option("--date", callback=_date, help="Publication date when the file has none.")
@click.option("--title", help="Title when the file has none.")
@click.pass_obj
def ingest(
    settings: Settings,
    paths: tuple[str, ...],
    as_json: bool,
    kind: str | None,
    date: PartialDate | None,
    title: str | None,
) -> None:
    """Archive files and folders of reports and wire stories.

    Each file is stored whole or not at all; a bad file is reported and the rest go
    on. Exits with status 1 if any file failed.

    \b
    Example:
        archive ingest reports/ stories/reuters-qasrak.txt
        archive ingest --json --kind wire --date 2026-02-23 story.txt
    """
    options = ParseOptions(load_registry(settings.outlets_file), date, title)
    outcomes = _run_ingest(settings, expand(paths), options, kind, as_json)
    if not as_json:
        click.echo(summary(outcomes))
    if any(outcome.status == "failed" for outcome in outcomes):
        sys.exit(1)


def _run_ingest(
    settings: Settings,
    files: list[Path],
    options: ParseOptions,
    kind: str | None,
    as_json: bool,
) -> list[Outcome]:
    sessions = _sessions(settings)
    outcomes: list[Outcome] = []
    stream = ingest_all(files, sessions, options, kind)
    show_bar = not as_json and len(files) > 1
    with (
        click.progressbar(stream, length=len(files), label="Ingesting", file=sys.stderr)
        if show_bar
        else nullcontext(stream) as items
    ):
        for outcome in items:
            outcomes.append(outcome)
            _report(outcome, as_json)
    return outcomes


def _report(outcome: Outcome, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(outcome.as_json(), ensure_ascii=False))
        return
    for warning in outcome.warnings:
        click.echo(f"{outcome.path}: warning: {warning}", err=True)
    if outcome.status == "failed":
        click.echo(f"{outcome.path}: {outcome.error}", err=True)
    elif outcome.status == "unchanged":
        click.echo(
            f"{outcome.path}: unchanged, already archived as #{outcome.document}",
            err=True,
        )


@cli.command()
@click.pass_obj
def stats(settings: Settings) -> None:
    """Count what is archived and name the most cited outlets.

    \b
    Example:
        archive stats
    """
    from archive.queries import archive_stats

    with _sessions(settings)() as session:
        figures = archive_stats(session)
    kinds = (
        ", ".join(f"{n} {k}" for k, n in sorted(figures.documents.items())) or "none"
    )
    click.echo(f"documents: {kinds}")
    click.echo(
        f"passages: {figures.passages}, claims: {figures.claims}, "
        f"footnotes: {figures.footnotes}, citations: {figures.citations}, "
        f"cited works: {figures.works}"
    )
    for short, name, count in figures.outlets:
        label = short if short == name else f"{short} ({name})"
        click.echo(f"  {count:5d}  {label}")


@cli.command()
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Archive the bundled sample corpus and show what it holds.

    \b
    Example:
        ARCHIVE_DATA_DIR=/tmp/demo archive demo
    """
    settings: Settings = ctx.obj
    options = ParseOptions(load_registry(settings.outlets_file))
    outcomes = _run_ingest(settings, expand([SAMPLES]), options, None, False)
    click.echo(summary(outcomes))
    ctx.invoke(stats)
    if any(outcome.status == "failed" for outcome in outcomes):
        sys.exit(1)


def _sessions(settings: Settings):
    try:
        return connect(settings.database_url)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
