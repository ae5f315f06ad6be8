"""Serving the site: ``archive serve``."""

from __future__ import annotations

import errno
import os

import click

from archive.cli.group import cli
from archive.config import Settings
from archive.errors import ArchiveError

THREADS = 8


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Where to listen.")
@click.option("--port", type=click.IntRange(1, 65535), default=5000, show_default=True)
@click.option(
    "--processes",
    type=click.IntRange(1, 64),
    default=None,
    help="Server processes on the one port, each with 8 threads "
    "(default: one per core, up to 4; Unix).",
)
@click.pass_obj
def serve(settings: Settings, host: str, port: int, processes: int | None) -> None:
    """Serve the site and its JSON API until interrupted (Ctrl+C).

    Runs under waitress, a production WSGI server, on this machine only unless
    --host says otherwise, from one process per core, each with 8 threads:
    searches run side by side, and searches are Python work, which one process
    runs on one core at a time. Data comes from where every command finds it.

    \b
    Example:
        archive serve
        archive serve --port 8080
    """
    serve_site(settings, host, port, processes)


def serve_site(
    settings: Settings, host: str, port: int, processes: int | None = None
) -> None:
    import socket

    from web import create_app
    from web.server import default_processes, serve

    config = {
        "DATA_DIR": str(settings.data_dir),
        "DATABASE_URL": settings.database_url,
        "INDEX_DIR": str(settings.index_dir),
        "OUTLETS_FILE": settings.outlets_file,
    }
    try:
        checked = create_app(config)  # each process builds its own below
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    checked.extensions["archive"].sessions.kw["bind"].dispose()
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listening = socket.create_server((host, port), family=family)
    except OSError as error:
        raise click.ClickException(_refusal(host, port, error)) from error
    click.echo(f"Serving the archive at http://{host}:{port}/ (Ctrl+C to stop)")
    try:
        serve(
            lambda: create_app(config),
            listening,
            threads=THREADS,
            processes=processes or default_processes(),
        )
    except KeyboardInterrupt:  # waitress ends its loop on it; a second one may come
        pass
    click.echo("stopped")


def _refusal(host: str, port: int, error: OSError) -> str:
    """Why the site cannot listen there, and the option that picks another port."""
    reason = os.strerror(error.errno) if error.errno else str(error)
    if error.errno in (errno.EADDRINUSE, errno.EACCES):
        other = port + 1 if port < 65535 else 8080
        return (
            f"cannot serve on {host}:{port}: {reason}; choose another port with "
            f"--port (for example --port {other})"
        )
    return f"cannot serve on {host}:{port}: {reason}"
