"""The ``archive`` command: the one place where ingest, archive, index and web meet."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from urllib.parse import urlsplit

import click

from archive.batch import Outcome, breakdown, expand, ingest_all, summary
from archive.config import Settings, load_settings
from archive.db import connect, refresh_statistics
from archive.errors import ArchiveError
from archive.parsing import default_parsers
from ingest import KINDS, ParseOptions, PartialDate, load_registry

SAMPLES = Path(__file__).with_name("samples")
LARGE_RUN = 50  # files; after a run this large the planner's statistics are refreshed
REWRITE_AT_MOST = 1_000  # documents rewritten in the index; beyond, it is rebuilt


def _date(_ctx, _param, value: str | None) -> PartialDate | None:
    if value is None:
        return None
    from ingest.dates import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"{value!r} is not a date (try 2026-02-23)")
    return parsed


def _web_address(_ctx, _param, value: str | None) -> str | None:
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


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file.")
@click.option(
    "--kind", type=click.Choice(KINDS), help="Skip detection: parse as this kind."
)
@click.option("--date", callback=_date, help="Publication date when the file has none.")
@click.option("--title", help="Title when the file has none.")
@click.option(
    "--url",
    callback=_web_address,
    help="The original's address, when the file states none (one file only).",
)
@click.option(
    "--parsers",
    type=click.IntRange(0, 32),
    help="Processes that parse files while others are stored "
    "[default: one per core but one, for 8 files or more; 0: none].",
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
) -> None:
    """Archive files and folders of reports and wire stories.

    Each file is stored whole or not at all; a bad file is reported and the rest go
    on. Exits with status 1 if any file failed. Large runs parse, store and index
    at once, in processes of their own.

    \b
    Example:
        archive ingest reports/ stories/reuters-qasrak.txt
        archive ingest --json --kind wire --date 2026-02-23 story.txt
        archive ingest --url https://example.org/story story.html
    """
    options = ParseOptions(load_registry(settings.outlets_file), date, title, url)
    files = expand(paths)
    if url and len(files) != 1:
        raise click.UsageError(
            f"--url is the address of one file's original; {len(files)} files given"
        )
    if parsers is None:
        parsers = default_parsers(len(files))
    outcomes, indexed = _run_ingest(settings, files, options, kind, as_json, parsers)
    if not as_json:
        _summarise(outcomes)
    if not indexed or any(outcome.status == "failed" for outcome in outcomes):
        sys.exit(1)


def _run_ingest(
    settings: Settings,
    files: list[Path],
    options: ParseOptions,
    kind: str | None,
    as_json: bool,
    parsers: int = 0,
) -> tuple[list[Outcome], bool]:
    """The outcomes, and whether the search index took every stored document."""
    from index.batches import IndexBatches

    sessions = _sessions(settings)
    outcomes: list[Outcome] = []
    updates = IndexBatches(
        settings.index_dir,
        settings.database_url,
        sessions,
        say=lambda message: click.echo(message, err=True),
        on_wait=_waiting,
    )
    stream = ingest_all(
        files, sessions, options, kind, after_store=updates, parsers=parsers
    )
    show_bar = not as_json and len(files) > 1
    with (
        click.progressbar(stream, length=len(files), label="Ingesting", file=sys.stderr)
        if show_bar
        else nullcontext(stream) as items
    ):
        for outcome in items:
            outcomes.append(outcome)
            _report(outcome, as_json)
    if show_bar and updates.background is not None:
        click.echo("Finishing the search index ...", err=True)
    indexed = updates.finish()
    if len(files) > LARGE_RUN:
        refresh_statistics(sessions)
    if not indexed:
        ids = ", ".join(f"#{n}" for n in updates.missed)
        click.echo(f"not in the search index: {ids}: {updates.problem}", err=True)
    return outcomes, indexed


def _summarise(outcomes: list[Outcome]) -> None:
    """What the archive took, by kind and format, then the counts by status."""
    stored = breakdown(outcomes) if len(outcomes) > 1 else None
    if stored:
        click.echo(stored)
    click.echo(summary(outcomes))


def _waiting(seconds: float) -> None:
    click.echo(
        f"waiting for another process to finish writing the search index "
        f"({seconds:.0f} s)",
        err=True,
    )


WARNINGS_SHOWN = 10  # per file; a report of prose notes can have hundreds


def _report(outcome: Outcome, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(outcome.as_json(), ensure_ascii=False))
        return
    for warning in outcome.warnings[:WARNINGS_SHOWN]:
        click.echo(f"{outcome.path}: warning: {warning}", err=True)
    if len(outcome.warnings) > WARNINGS_SHOWN:
        more = len(outcome.warnings) - WARNINGS_SHOWN
        click.echo(
            f"{outcome.path}: {more} more warnings (archive ingest --json "
            "lists them all; the document page shows them)",
            err=True,
        )
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
@click.argument("text", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per note.")
def cite(text: str | None, as_json: bool) -> None:
    """Show how a footnote is read: authors, outlet, title, date, URL, style.

    With no TEXT, reads one note per line from standard input.

    \b
    Example:
        archive cite "Thorne, D. (1997, June 26). Privatization accepted."
        archive cite --json < notes.txt
    """
    import json
    import sys

    from ingest import load_registry
    from ingest.citations import citation_record, read_citation_text

    registry = load_registry()
    notes = [text] if text is not None else sys.stdin
    for note in notes:
        note = note.rstrip("\r\n")
        if not note.strip():
            continue
        citations, warnings = read_citation_text(note, registry)
        records = [citation_record(c) for c in citations]
        if as_json:
            line = {"text": note, "citations": records, "warnings": list(warnings)}
            click.echo(json.dumps(line, ensure_ascii=False))
            continue
        _show_reading(note, records, warnings)


def _show_reading(note: str, records: list[dict], warnings: tuple[str, ...]) -> None:
    click.echo(note)
    for record in records:
        uncertain = " (uncertain)" if record["confidence"] < 0.5 else ""
        click.echo(f"  {record['style']} {record['confidence']:.2f}{uncertain}")
        for name, value in record.items():
            if value and name not in ("style", "confidence"):
                shown = "; ".join(value) if isinstance(value, list) else value
                click.echo(f"    {name}: {shown}")
    if not records and not warnings:
        click.echo("  no citation: the note explains and names no source")
    for warning in warnings:
        click.echo(f"  warning: {warning}")


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
    outcomes, indexed = _run_ingest(settings, expand([SAMPLES]), options, None, False)
    _summarise(outcomes)
    ctx.invoke(stats)
    if not indexed or any(outcome.status == "failed" for outcome in outcomes):
        sys.exit(1)
    if then_serve is None:
        then_serve = sys.stdin is not None and sys.stdin.isatty()
    if then_serve:
        _serve(settings, "127.0.0.1", port)


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

    indexer = Indexer(settings.index_dir, _sessions(settings), on_wait=_waiting)
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

    sessions = _sessions(settings, warn_outdated=False)
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

    indexer = Indexer(settings.index_dir, sessions, on_wait=_waiting)
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

    report = check(settings.index_dir, _sessions(settings))
    for line in report.lines():
        click.echo(line)
    if not report.ok:
        sys.exit(1)


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
@click.option("--source", multiple=True, help="Publisher or agency key (e.g. euaa).")
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
    source: tuple[str, ...],
    month: tuple[str, ...],
    country: tuple[str, ...],
    as_json: bool,
) -> None:
    """Search the archived passages (the query language is in the README).

    Facet filters (--outlet, --kind, --source, --month, --country) take the keys
    shown in brackets under the results and narrow the query and its counts.

    \b
    Example:
        archive search Qasrak
        archive search '"Ahmed al-Sharaa"' --exact
        archive search 'outlet:SOHR date:2024-12..2025-01' --sort newest
        archive search coalition --kind report --json
        archive search withdrawal --country SY
    """
    from index import (
        IndexUnavailable,
        Searcher,
        SearchQueryError,
        SearchRequest,
        result_lines,
        search_json,
    )

    pairs = [
        ("outlet", outlet),
        ("kind", kinds),
        ("source", source),
        ("month", month),
        ("country", country),
    ]
    filters = tuple((facet, key) for facet, keys in pairs for key in keys)
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


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Where to listen.")
@click.option("--port", type=click.IntRange(1, 65535), default=5000, show_default=True)
@click.pass_obj
def serve(settings: Settings, host: str, port: int) -> None:
    """Serve the site and its JSON API until interrupted (Ctrl+C).

    Runs under waitress, a production WSGI server, on this machine only unless
    --host says otherwise. Data comes from where every command finds it.

    \b
    Example:
        archive serve
        archive serve --port 8080
    """
    _serve(settings, host, port)


def _serve(settings: Settings, host: str, port: int) -> None:
    import socket

    import waitress

    from web import create_app
    from web.connections import warm

    try:
        app = create_app(
            {
                "DATA_DIR": str(settings.data_dir),
                "DATABASE_URL": settings.database_url,
                "INDEX_DIR": str(settings.index_dir),
                "OUTLETS_FILE": settings.outlets_file,
            }
        )
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    warm(app)
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listening = socket.create_server((host, port), family=family)
    except OSError as error:
        raise click.ClickException(f"cannot serve on {host}:{port}: {error}") from error
    server = waitress.create_server(app, sockets=[listening], threads=8)
    click.echo(f"Serving the archive at http://{host}:{port}/ (Ctrl+C to stop)")
    try:
        server.run()
    except KeyboardInterrupt:
        click.echo("stopped")
    finally:
        server.close()


def _sessions(settings: Settings, warn_outdated: bool = True):
    """The archive's sessions; a warning when its derived data is out of date."""
    from archive.derived import outdated

    try:
        sessions = connect(settings.database_url)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from error
    if warn_outdated:
        with sessions() as session:
            stale = outdated(session.connection())
        for name, version in stale.items():
            click.echo(
                f"warning: the archive's {name.replace('_', ' ')} were computed by "
                f"version {version} "
                "of the code; run `archive rederive` to bring them up to date",
                err=True,
            )
    return sessions
