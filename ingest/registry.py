"""Pick the kind parser that claims a source with the highest score."""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

from ingest.blocks import Source
from ingest.countries import countries_of
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
    return with_countries(PARSERS[name].parse(source, options))


def with_countries(parsed: ParsedDocument) -> ParsedDocument:
    """``parsed`` with the countries its title, dateline and text name."""
    texts = (passage.text for passage in parsed.passages)
    countries = countries_of(parsed.title, parsed.dateline, texts, parsed.report_title)
    return replace(parsed, countries=countries)
