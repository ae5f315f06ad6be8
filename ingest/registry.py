"""Pick the kind parser that claims a source with the highest score."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath
from types import ModuleType

from ingest.blocks import Source
from ingest.countries import countries_of
from ingest.dates import name_date
from ingest.errors import ParseError
from ingest.kinds import document, report, wire
from ingest.model import ParsedDocument
from ingest.options import ParseOptions
from ingest.outlets import OutletRegistry

PARSERS: dict[str, ModuleType] = {m.KIND: m for m in (report, wire, document)}


def pick(source: Source, registry: OutletRegistry | None = None) -> str:
    """The name of the kind that scores ``source`` highest; a plain document
    when no other kind claims it. ``registry``: the caller's known outlets."""
    scores = {name: module.sniff(source, registry) for name, module in PARSERS.items()}
    claimed = {name: score for name, score in scores.items() if score is not None}
    if not claimed:
        raise ParseError(source.path, "holds no text")
    return max(claimed, key=claimed.__getitem__)


def parse_source(
    source: Source, options: ParseOptions, kind: str | None = None
) -> ParsedDocument:
    name = kind or pick(source, options.registry)
    if name not in PARSERS:
        raise ParseError(
            source.path, f"unknown kind {name!r}; known: {', '.join(PARSERS)}"
        )
    parsed = PARSERS[name].parse(source, options)
    return with_countries(with_provenance(parsed, options))


UNDATED = "stored as undated"  # how the kinds' warnings end for an undated file


def with_provenance(parsed: ParsedDocument, options: ParseOptions) -> ParsedDocument:
    """``parsed`` with ``--url`` where the file states no address, and dated from
    its file name where nothing else dates it (with a warning saying so)."""
    warnings = list(parsed.warnings)
    url = parsed.url
    if options.url and not url:
        url = options.url
    elif options.url and options.url != url:
        warnings.append(
            f"--url differs from the address the file states ({url}); kept the file's"
        )
    date = parsed.date
    if date is None:
        name = PurePath(parsed.path).name
        date = name_date(name)
        if date is not None:
            warnings = [w for w in warnings if not w.endswith(UNDATED)]
            warnings.append(
                f"no date in the file; {date.isoformat()} is taken from its name "
                f"'{name}'"
            )
    return replace(parsed, url=url, date=date, warnings=tuple(warnings))


def with_countries(parsed: ParsedDocument) -> ParsedDocument:
    """``parsed`` with the countries its title, dateline and text name."""
    texts = (passage.text for passage in parsed.passages)
    countries = countries_of(parsed.title, parsed.dateline, texts, parsed.report_title)
    return replace(parsed, countries=countries)
