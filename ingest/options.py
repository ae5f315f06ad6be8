"""What the caller may tell a parser beyond the file itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from ingest.model import PartialDate
from ingest.outlets import OutletRegistry, load_registry


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """``date``, ``title`` and ``url`` (the original's address) come from the
    command line and outrank guesses."""

    registry: OutletRegistry = field(default_factory=load_registry)
    date: PartialDate | None = None
    title: str | None = None
    url: str | None = None
