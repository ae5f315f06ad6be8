"""Pick the kind parser that claims a source with the highest score."""

from __future__ import annotations

from types import ModuleType

from ingest import report, wire
from ingest.blocks import Source
from ingest.errors import ParseError
from ingest.model import ParsedDocument
from ingest.options import ParseOptions

KINDS: dict[str, ModuleType] = {"report": report, "wire": wire}
LOOKED_FOR = {
    "report": "numbered footnote markers with their footnotes",
    "wire": (
        "an agency dateline or sign-off such as '(Reuters) -' or 'Associated Press'"
    ),
}


def pick(source: Source) -> str:
    """The name of the kind that scores ``source`` highest, or ``ParseError``."""
    scores = {name: module.sniff(source) for name, module in KINDS.items()}
    claimed = {name: score for name, score in scores.items() if score is not None}
    if not claimed:
        tried = "; ".join(f"a {name} ({what})" for name, what in LOOKED_FOR.items())
        raise ParseError(
            source.path, f"is neither a report nor a wire story: looked for {tried}"
        )
    return max(claimed, key=claimed.__getitem__)


def parse_source(
    source: Source, options: ParseOptions, kind: str | None = None
) -> ParsedDocument:
    name = kind or pick(source)
    if name not in KINDS:
        raise ParseError(
            source.path, f"unknown kind {name!r}; known: {', '.join(KINDS)}"
        )
    return KINDS[name].parse(source, options)
