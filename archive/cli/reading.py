"""What the archive holds and how one note is read: `stats` and `cite`."""

from __future__ import annotations

import click

from archive.cli.group import cli, sessions_for
from archive.config import Settings


@cli.command()
@click.pass_obj
def stats(settings: Settings) -> None:
    """Count what is archived and name the most cited outlets.

    \b
    Example:
        archive stats
    """
    from archive.queries import archive_stats

    with sessions_for(settings)() as session:
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
    cited = figures.cited
    click.echo(
        f"citations: {cited.named} naming an outlet (ranked below and on the "
        f"outlets page), {cited.anonymous} anonymous attributions, "
        f"{cited.unnamed} naming no outlet, {cited.uncertain} uncertain readings"
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
