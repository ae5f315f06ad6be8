"""Archiving the cited sources themselves: ``archive fetch``."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from collections import Counter
from contextlib import nullcontext

import click

from archive.cli.group import cli, date_option, sessions_for, waiting
from archive.config import Settings
from archive.errors import NotFound
from archive.fetching import states
from archive.fetching.fetcher import MAX_BYTES, Rules
from archive.fetching.health import Selection, targets
from archive.fetching.keeping import Kept, keep
from archive.fetching.run import HOSTS, fetch_all
from archive.fetching.warc import WarcStore
from ingest import PartialDate, load_registry


def rules_options(command):
    """The options that say how politely and how far the fetcher goes."""
    options = [
        click.option(
            "--allow-private",
            is_flag=True,
            help="Fetch private, loopback and link-local addresses too.",
        ),
        click.option(
            "--delay",
            type=click.FloatRange(0),
            default=1.0,
            show_default=True,
            help="Seconds between two requests to one host.",
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(0.1),
            default=30.0,
            show_default=True,
            help="Seconds to wait for a connection or for more of an answer.",
        ),
        click.option(
            "--max-size",
            type=click.IntRange(1),
            default=MAX_BYTES,
            show_default=True,
            help="Bytes: a larger body is not fetched.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def rules_of(allow_private: bool, delay: float, timeout: float, max_size: int) -> Rules:
    return Rules(
        timeout=timeout, max_bytes=max_size, delay=delay, allow_private=allow_private
    )


@cli.command()
@click.option("--report", "report_id", type=int, help="Only URLs this report cites.")
@click.option("--outlet", help="Only works of this outlet (its slug).")
@click.option(
    "--since",
    callback=date_option,
    help="Only URLs cited by documents archived on or after this date.",
)
@click.option("--limit", type=click.IntRange(1), help="At most this many URLs.")
@click.option("--dry-run", is_flag=True, help="List the URLs; fetch nothing.")
@click.option("--recheck", is_flag=True, help="Check URLs checked before again.")
@click.option(
    "--hosts",
    type=click.IntRange(1, 32),
    default=HOSTS,
    show_default=True,
    help="Hosts fetched from at once (one request at a time each).",
)
@rules_options
@click.pass_obj
def fetch(
    settings: Settings,
    report_id: int | None,
    outlet: str | None,
    since: PartialDate | None,
    limit: int | None,
    dry_run: bool,
    recheck: bool,
    hosts: int,
    **rules: object,
) -> None:
    """Fetch cited URLs and archive what they hold, linked to their works.

    Takes the URLs of cited works that have no archived copy and were never
    checked (with --recheck: every URL, to see which are gone). Each answer is
    kept in a WARC file under the data folder and read like an ingested file;
    each URL's state (archived, redirected, gone, failed, refused by
    robots.txt, too large) shows on its work's page. Stopped with Ctrl+C, it
    goes on where it stopped when run again.

    \b
    Example:
        archive fetch --dry-run --report 3
        archive fetch --outlet human-rights-watch --limit 100
        archive fetch --recheck --since 2026-01-01
    """
    selection = Selection(
        report_id, outlet, since.first_day if since else None, limit, recheck
    )
    sessions = sessions_for(settings)
    try:
        with sessions() as session:
            urls = targets(session, selection)
    except NotFound as error:
        raise click.ClickException(str(error)) from error
    if dry_run:
        for url in urls:
            click.echo(url)
        click.echo(f"{len(urls)} URL{'s' if len(urls) != 1 else ''} to fetch", err=True)
        return
    if not urls:
        click.echo(
            "nothing to fetch: every cited URL chosen has an archived copy or was "
            "checked (--recheck checks them again)"
        )
        return
    kept, indexed = fetch_and_keep(settings, sessions, urls, rules_of(**rules), hosts)
    click.echo(summary(kept))
    if not indexed:
        sys.exit(1)


def fetch_and_keep(
    settings: Settings, sessions, urls: list[str], rules: Rules, hosts: int = HOSTS
) -> tuple[list[Kept], bool]:
    """Fetch and keep each URL, with a progress bar for several; what became of
    each, and whether the search index took every new document."""
    from index.batches import IndexBatches

    registry = load_registry(settings.outlets_file)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    warcs = WarcStore(settings.data_dir, f"archive-{stamp}-{os.getpid()}.warc.gz")
    updates = IndexBatches(
        settings.index_dir,
        settings.database_url,
        sessions,
        say=lambda message: click.echo(message, err=True),
        on_wait=waiting,
    )
    stop = threading.Event()
    kept: list[Kept] = []
    show_bar = len(urls) > 1
    stream = fetch_all(urls, rules, hosts, stop)
    try:
        with (
            click.progressbar(
                stream, length=len(urls), label="Fetching", file=sys.stderr
            )
            if show_bar
            else nullcontext(stream) as items
        ):
            for fetched in items:
                one = keep(sessions, warcs, fetched, registry)
                kept.append(one)
                if one.status in ("added", "updated"):
                    updates(one.document_id, one.passages)
                if one.state not in (states.ARCHIVED, states.REDIRECTED):
                    click.echo(
                        f"{one.url}: {states.describe(one.state, one.detail)}", err=True
                    )
    except OSError as error:  # the WARC store could not be written
        stop.set()
        updates.finish()
        raise click.ClickException(
            f"{warcs.path}: could not be written ({error.strerror or error}); "
            f"{len(kept)} of {len(urls)} URLs were checked and kept"
        ) from error
    except KeyboardInterrupt:
        stop.set()
        updates.finish()
        click.echo(
            f"interrupted: {len(kept)} of {len(urls)} URLs checked and kept; "
            "run the command again to go on",
            err=True,
        )
        sys.exit(130)
    return kept, updates.finish()


def is_web_address(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def ingest_addresses(settings: Settings, urls: list[str], allow_private: bool) -> bool:
    """Fetch and archive each of ``urls`` (``archive ingest URL``), checked again
    if checked before; whether each was archived and indexed."""
    sessions = sessions_for(settings)
    rules = Rules(allow_private=allow_private)
    kept, indexed = fetch_and_keep(settings, sessions, list(dict.fromkeys(urls)), rules)
    for one in kept:
        if one.document_id is not None:
            how = (
                "unchanged, already archived"
                if one.status == "unchanged"
                else (one.status or "archived")
            )
            click.echo(f"{one.url}: {how} as #{one.document_id}")
    click.echo(summary(kept))
    return indexed and all(one.document_id is not None for one in kept)


def summary(kept: list[Kept]) -> str:
    """ "3 archived, 1 gone, 1 refused by robots.txt; 3 new documents"."""
    counts = Counter(one.state for one in kept)
    parts = [f"{counts[s]} {states.LABELS[s]}" for s in states.ALL if counts.get(s)]
    new = sum(1 for one in kept if one.status in ("added", "updated"))
    return f"{', '.join(parts)}; {new} new document{'s' if new != 1 else ''}"
