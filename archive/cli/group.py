"""The ``archive`` command group, its settings and what every command shares."""

from __future__ import annotations

from urllib.parse import urlsplit

import click

from archive.config import Settings, load_settings
from archive.db import connect
from archive.errors import ArchiveError
from ingest import PartialDate


def date_option(_ctx, _param, value: str | None) -> PartialDate | None:
    if value is None:
        return None
    from ingest.dates import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date (try 2026-02-23)")
    return parsed


def web_address_option(_ctx, _param, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise click.BadParameter(
            f"{value!r} is not a web address (try https://example.org/story)"
        )
    return value


@click.group()
@click.version_option(package_name="citation-archive")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    help="Folder of the SQLite file and the index [$ARCHIVE_DATA_DIR].",
)
@click.option("--database-url", help="Any SQLAlchemy URL [$ARCHIVE_DATABASE_URL].")
@click.option(
    "--outlets-file",
    type=click.Path(exists=True, dir_okay=False),
    help="A TOML file of more outlets [$ARCHIVE_OUTLETS_FILE].",
)
@click.pass_context
def cli(
    ctx: click.Context,
    data_dir: str | None,
    database_url: str | None,
    outlets_file: str | None,
) -> None:
    """A citation-aware archive of reports and wire stories.

    Data lives in ./archive-data unless configured otherwise: archive.cfg in
    the instance folder ($ARCHIVE_INSTANCE_PATH), then $ARCHIVE_* variables
    (ARCHIVE_DATA_DIR, ARCHIVE_DATABASE_URL for e.g. PostgreSQL), then these
    options, each overriding the one before; the site reads the same.
    """
    given = {
        "DATA_DIR": data_dir,
        "DATABASE_URL": database_url,
        "OUTLETS_FILE": outlets_file,
    }
    try:
        ctx.obj = load_settings(
            options={name: value for name, value in given.items() if value}
        )
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error


def waiting(seconds: float) -> None:
    click.echo(waiting_message(seconds), err=True)


def waiting_message(seconds: float) -> str:
    return (
        f"waiting for another process to finish writing the search index "
        f"({seconds:.0f} s)"
    )


def sessions_for(settings: Settings, warn_outdated: bool = True):
    """The archive's sessions; a warning when its derived data is out of date."""
    from archive.derived import CURRENT, outdated

    try:
        sessions = connect(settings.database_url)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    context = click.get_current_context(silent=True)
    if context is not None:  # the connections close with the command
        context.call_on_close(sessions.kw["bind"].dispose)
    if warn_outdated:
        with sessions() as session:
            stale = outdated(session.connection())
        for name, version in stale.items():
            click.echo(
                f"warning: the archive's {name.replace('_', ' ')} were computed by "
                f"version {version} of the code (this is version {CURRENT[name]}); "
                "run `archive rederive` to bring them up to date",
                err=True,
            )
    return sessions
