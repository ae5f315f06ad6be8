"""Archiving files: ``archive ingest`` and ``archive demo``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import click

from archive.batch import Outcome, breakdown, expand, ingest_all, summary
from archive.cli.fetching import ingest_addresses, is_web_address
from archive.cli.group import (
    cli,
    date_option,
    sessions_for,
    waiting,
    waiting_message,
    web_address_option,
)
from archive.cli.progress import Progress
from archive.cli.reading import stats
from archive.cli.serving import serve_site
from archive.config import DEFAULTS, Settings
from archive.db import refresh_statistics
from archive.parsing import NO_BUDGET, Budget, default_parsers
from archive.store import printable_path
from ingest import KINDS, ParseOptions, PartialDate, load_registry

SAMPLES = Path(__file__).parent.parent / "samples"
LARGE_RUN = 50  # files; after a run this large the planner's statistics are refreshed


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file.")
@click.option(
    "--kind", type=click.Choice(KINDS), help="Skip detection: parse as this kind."
)
@click.option(
    "--date", callback=date_option, help="Publication date when the file has none."
)
@click.option("--title", help="Title when the file has none.")
@click.option(
    "--url",
    callback=web_address_option,
    help="The original's address, when the file states none (one file only).",
)
@click.option(
    "--parsers",
    type=click.IntRange(0, 32),
    help="Processes that parse files while others are stored "
    "[default: one per core but one, for 8 files or more; 0: none].",
)
@click.option(
    "--allow-private",
    is_flag=True,
    help="Fetch web addresses on private, loopback and link-local networks too.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(0),
    metavar="SECONDS",
    help="A file parsing for longer fails; 0: no limit [$ARCHIVE_PARSE_SECONDS, "
    f"default {DEFAULTS['PARSE_SECONDS']}].",
)
@click.option(
    "--memory-limit",
    type=click.IntRange(0),
    metavar="MIB",
    help="A file needing more memory to parse fails; 0: no limit "
    f"[$ARCHIVE_PARSE_MEMORY_MIB, default {DEFAULTS['PARSE_MEMORY_MIB']}].",
)
@click.pass_obj
def ingest(
    settings: Settings,
    paths: tuple[str, ...],
    as_json: bool,
    kind: str | None,
    date: PartialDate | None,
    title: str | None,
    url: str | None,
    parsers: int | None,
    allow_private: bool,
    time_limit: float | None,
    memory_limit: int | None,
) -> None:
    """Archive files and folders of reports and wire stories, and web pages.

    Each file is stored whole or not at all; a bad file is reported and the rest go
    on. Exits with status 1 if any file failed. Large runs parse, store and index
    at once, in processes of their own. Each file is parsed in a process held to
    a time and memory limit: a file that exceeds one fails with that reason. A
    web address (http or https) is fetched as `archive fetch` fetches a cited
    URL, kept in the WARC store and archived.

    \b
    Example:
        archive ingest reports/ stories/reuters-qasrak.txt
        archive ingest --json --kind wire --date 2026-02-23 story.txt
        archive ingest --url https://example.org/story story.html
        archive ingest https://example.org/2026/03/story.html
    """
    addresses = [path for path in paths if is_web_address(path)]
    if addresses:
        if url or kind or date or title:
            raise click.UsageError(
                "--url, --kind, --date and --title are for files, not web addresses"
            )
        fetched_all = ingest_addresses(settings, addresses, allow_private)
        paths = tuple(path for path in paths if path not in addresses)
        if not paths:
            sys.exit(0 if fetched_all else 1)
    options = ParseOptions(load_registry(settings.outlets_file), date, title, url)
    files = expand(paths)
    if url and len(files) != 1:
        raise click.UsageError(
            f"--url is the address of one file's original; {len(files)} files given"
        )
    if parsers is None:
        parsers = default_parsers(len(files))
    budget = Budget(
        settings.parse_seconds if time_limit is None else time_limit,
        settings.parse_memory_mib if memory_limit is None else memory_limit,
    )
    outcomes, indexed = _run_ingest(
        settings, files, options, kind, as_json, parsers, budget
    )
    if not as_json:
        _summarise(outcomes)
    failed = any(outcome.status == "failed" for outcome in outcomes)
    if not indexed or failed or (addresses and not fetched_all):
        sys.exit(1)


def _run_ingest(
    settings: Settings,
    files: list[Path],
    options: ParseOptions,
    kind: str | None,
    as_json: bool,
    parsers: int = 0,
    budget: Budget = NO_BUDGET,
) -> tuple[list[Outcome], bool]:
    """The outcomes, and whether the search index took every stored document."""
    from index.batches import IndexBatches

    sessions = sessions_for(settings)
    outcomes: list[Outcome] = []
    show_bar = not as_json and len(files) > 1
    progress = Progress(len(files), "Ingesting", show_bar)
    updates = IndexBatches(
        settings.index_dir,
        settings.database_url,
        sessions,
        say=progress.say,
        on_wait=lambda seconds: progress.say(waiting_message(seconds)),
    )
    stream = ingest_all(
        files, sessions, options, kind, updates, parsers=parsers, budget=budget
    )
    with progress.over(stream) as items:
        for outcome in items:
            outcomes.append(outcome)
            _report(outcome, as_json, progress.say)
    if show_bar and updates.background is not None:
        click.echo("Finishing the search index ...", err=True)
    indexed = updates.finish()
    if len(files) > LARGE_RUN:
        refresh_statistics(sessions)
    if not indexed:  # and mending the index would meet the same problem
        ids = ", ".join(f"#{n}" for n in updates.missed)
        click.echo(f"not in the search index: {ids}: {updates.problem}", err=True)
        return outcomes, False
    return outcomes, _bring_index_up_to_date(settings, sessions)


def _bring_index_up_to_date(settings: Settings, sessions) -> bool:
    """Mend an index left behind the archive (by an earlier run that stopped
    before indexing, say), saying so; whether the index is now in step."""
    from index import Indexer, IndexUnavailable, heal

    indexer = Indexer(settings.index_dir, sessions, on_wait=waiting)
    try:
        healed = heal(indexer)
    except (IndexUnavailable, OSError) as error:
        click.echo(
            f"the search index could not be brought up to date: {error}", err=True
        )
        return False
    if healed is not None:
        click.echo(healed.line(), err=True)
    return True


def _summarise(outcomes: list[Outcome]) -> None:
    """What the archive took, by kind and format, then the counts by status."""
    stored = breakdown(outcomes) if len(outcomes) > 1 else None
    if stored:
        click.echo(stored)
    click.echo(summary(outcomes))


WARNINGS_SHOWN = 10  # per file; a report of prose notes can have hundreds


def _report(outcome: Outcome, as_json: bool, say: Callable[[str], None]) -> None:
    """The outcome as a JSON line, or its warnings and problems through ``say``
    (on their own lines on standard error, never on the progress bar's)."""
    outcome = replace(outcome, path=printable_path(outcome.path))
    if as_json:
        click.echo(json.dumps(outcome.as_json(), ensure_ascii=False))
        return
    for warning in outcome.warnings[:WARNINGS_SHOWN]:
        say(f"{outcome.path}: warning: {warning}")
    if len(outcome.warnings) > WARNINGS_SHOWN:
        more = len(outcome.warnings) - WARNINGS_SHOWN
        say(
            f"{outcome.path}: {more} more warnings (archive ingest --json "
            "lists them all; the document page shows them)"
        )
    if outcome.status == "failed":
        say(f"{outcome.path}: {outcome.error}")
    elif outcome.status == "unchanged":
        say(f"{outcome.path}: unchanged, already archived as #{outcome.document}")


@cli.command()
@click.option(
    "--serve/--no-serve",
    "then_serve",
    default=None,
    help="Serve the site afterwards [default: when run in a terminal].",
)
@click.option("--port", type=click.IntRange(1, 65535), default=5000, show_default=True)
@click.pass_context
def demo(ctx: click.Context, then_serve: bool | None, port: int) -> None:
    """Archive the bundled sample corpus, show what it holds, then serve the site.

    The site is served on 127.0.0.1 (until Ctrl+C) when the command runs in a
    terminal, or with --serve; --no-serve stops after the figures.

    \b
    Example:
        ARCHIVE_DATA_DIR=/tmp/demo archive demo
        archive demo --no-serve
    """
    settings: Settings = ctx.obj
    options = ParseOptions(load_registry(settings.outlets_file))
    budget = Budget(settings.parse_seconds, settings.parse_memory_mib)
    outcomes, indexed = _run_ingest(
        settings, expand([SAMPLES]), options, None, False, budget=budget
    )
    _summarise(outcomes)
    ctx.invoke(stats)
    if not indexed or any(outcome.status == "failed" for outcome in outcomes):
        sys.exit(1)
    if then_serve is None:
        then_serve = sys.stdin is not None and sys.stdin.isatty()
    if then_serve:
        serve_site(settings, "127.0.0.1", port)
