"""Keeping the archive and its index in step: reindex, rederive, upgrade, check."""

from __future__ import annotations

import sys

import click

from archive.cli.group import cli, sessions_for, waiting
from archive.config import Settings
from archive.errors import ArchiveError

REWRITE_AT_MOST = 1_000  # documents rewritten in the index; beyond, it is rebuilt


@cli.command()
@click.pass_obj
def reindex(settings: Settings) -> None:
    """Rebuild the search index from the archive.

    The database is the truth and the index is derived from it: this repairs
    anything `archive check` reports, and an index of an older schema version.
    Searches see the old index until the new one is complete.

    \b
    Example:
        archive reindex
    """
    from index import Indexer, IndexUnavailable

    indexer = Indexer(settings.index_dir, sessions_for(settings), on_wait=waiting)
    try:
        update = indexer.rebuild()
    except IndexUnavailable as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"indexed {update.passages} passages of {len(update.documents)} documents"
    )


@cli.command()
@click.option(
    "--all", "everything", is_flag=True, help="Recompute even what is up to date."
)
@click.pass_obj
def rederive(settings: Settings, everything: bool) -> None:
    """Recompute derived data made by an older version, then update the index.

    Name keys (how place and person names are matched) are computed from the
    stored passages when a file is archived; when a new version computes them
    differently, this recomputes them from the archive itself, without the
    original files, and rewrites the search index where they changed.

    \b
    Example:
        archive rederive
    """
    from archive import derived

    sessions = sessions_for(settings, warn_outdated=False)
    with sessions() as session:
        stale = derived.outdated(session.connection())
    if not stale and not everything:
        versions = ", ".join(
            f"{name.replace('_', ' ')} at version {version}"
            for name, version in derived.CURRENT.items()
        )
        click.echo(f"derived data is up to date: {versions}")
        return
    with click.progressbar(
        length=derived.passages_to_check(sessions),
        label="Recomputing name keys",
        file=sys.stderr,
    ) as bar:
        done = derived.rederive_name_keys(sessions, progress=bar.update)
    click.echo(
        f"name keys: version {done.old_version} -> {done.new_version}: "
        f"{done.passages} passages read, {done.changed} changed "
        f"in {len(done.documents)} documents"
    )
    if done.documents:
        _update_index(settings, sessions, done.documents)


def _update_index(settings: Settings, sessions, documents: tuple[int, ...]) -> None:
    """Rewrite these documents in the index (or all of it, for many documents)."""
    from index import Indexer, IndexUnavailable

    indexer = Indexer(settings.index_dir, sessions, on_wait=waiting)
    try:
        if len(documents) > REWRITE_AT_MOST:
            update = indexer.rebuild()
        else:
            update = indexer.update_documents(documents)
    except IndexUnavailable as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"search index: {update.passages} passages of "
        f"{len(update.documents)} documents rewritten"
    )


@cli.command()
@click.pass_obj
def upgrade(settings: Settings) -> None:
    """Upgrade the archive's database to this version's schema, saying what changes.

    Any command does this by itself on first use; this one only upgrades.

    \b
    Example:
        archive upgrade
    """
    from archive import migrations
    from archive.db import make_engine, upgrade_schema

    engine = make_engine(settings.database_url)
    try:
        applied = upgrade_schema(engine, settings.database_url)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    finally:
        engine.dispose()
    for revision in applied:
        click.echo(f"{revision}: {migrations.describe(revision)}")
    newest = f"the archive is at revision {migrations.head()}, the newest"
    click.echo(newest if applied else f"{newest}; nothing to do")


@cli.command("check")
@click.pass_obj
def check_index(settings: Settings) -> None:
    """Compare the search index with the archive; exit 1 on any difference.

    Reports passages missing from the index, stale (changed since indexed) and
    orphaned (no longer archived). `archive reindex` repairs them.

    \b
    Example:
        archive check
    """
    from index import check

    report = check(settings.index_dir, sessions_for(settings))
    for line in report.lines():
        click.echo(line)
    if not report.ok:
        sys.exit(1)
