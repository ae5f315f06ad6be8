"""Keeping the archive and its index in step: reindex, rederive, upgrade, check."""

from __future__ import annotations

import sys

import click

from archive.cli.group import cli, sessions_for, waiting
from archive.config import Settings
from archive.derived import CURRENT
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


KINDS = tuple(CURRENT)  # every kind of derived data, in the order recomputed


@cli.command()
@click.option(
    "--all", "everything", is_flag=True, help="Recompute even what is up to date."
)
@click.option(
    "--only",
    type=click.Choice(KINDS),
    multiple=True,
    help="Recompute only this kind (repeatable), up to date or not.",
)
@click.pass_obj
def rederive(settings: Settings, everything: bool, only: tuple[str, ...]) -> None:
    """Recompute derived data made by an older version, then update the index.

    Some of what the archive stores is computed from its stored text when a
    file is archived: name keys (how place and person names are matched), the
    countries of each document, the citations read from each footnote, and the
    claims, sources and relations found in each story. When a new version
    computes one of them differently, this recomputes it from the archive
    itself, without the original files, says what changed, and rewrites the
    search index for the documents that changed.

    \b
    Example:
        archive rederive
        archive rederive --only citations
    """
    from archive import derived

    sessions = sessions_for(settings, warn_outdated=False)
    with sessions() as session:
        stale = derived.outdated(session.connection())
    chosen = list(only) or list(KINDS if everything else stale)
    if not chosen:
        versions = ", ".join(
            f"{name.replace('_', ' ')} at version {version}"
            for name, version in derived.CURRENT.items()
        )
        click.echo(f"derived data is up to date: {versions}")
        return
    documents: set[int] = set()
    for name in KINDS:
        if name in chosen:
            documents.update(_rederive_kind(settings, sessions, name))
    if documents:
        _update_index(settings, sessions, tuple(sorted(documents)))


def _rederive_kind(settings: Settings, sessions, name: str) -> tuple[int, ...]:
    """Recompute one kind with a progress bar; say what changed."""
    from archive.rederive import kinds, to_read
    from ingest import load_registry

    kind = kinds()[name]
    with click.progressbar(
        length=to_read(sessions, kind),
        label=f"Recomputing {kind.label}",
        file=sys.stderr,
    ) as bar:
        done = kind.run(
            sessions, bar.update, registry=load_registry(settings.outlets_file)
        )
    click.echo(
        f"{kind.label}: version {done.old_version} -> {done.new_version}: "
        f"{done.read} {kind.unit} read, {done.changed} changed "
        f"in {len(done.documents)} documents"
    )
    return done.documents


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
