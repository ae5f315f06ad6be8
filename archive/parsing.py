"""Parsing files for an ingest: in worker processes held to a budget, in order.

Parsing needs no database, so worker processes (``archive.workers``) parse the
next files while the ingest stores the ones before; what each file became (a
``ParsedDocument``, or the reason it could not be parsed) comes back in the order
the files were given. A file that takes longer or needs more memory than its
``Budget`` fails alone, with that reason, and a fresh worker goes on with the
rest; so does a file whose worker dies. With no budget and no parsers, files are
parsed in this process. At most ``AHEAD`` files per worker (or as many as the
caller takes at once, if more) are parsed before being stored, so memory stays
bounded however many files a run takes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from archive.parser_pool import ParserPool
from archive.workers import Budget, Parsed, parse_file
from ingest import ParseOptions

SAMPLES = Path(__file__).parent / "samples"

__all__ = [
    "AHEAD",
    "NO_BUDGET",
    "Budget",
    "Parsed",
    "default_parsers",
    "parse_ahead",
    "parse_file",
]

AHEAD = 4
SMALL_RUN = 8  # files; fewer are parsed by one worker (more cost ~0.1 s each)
NO_BUDGET = Budget(0, 0)
# Parsed once before workers start, so that what parsers load on first use
# (date and citation models, format libraries) is loaded once and shared.
WARM_UP = (
    "ap-2026-02-23-us-forces-qasrak.txt",
    "euaa-coi-syria-country-focus-2025-03-section-3-4.txt",
)
_warm = False


def default_parsers(files: int) -> int:
    """Processes worth starting to parse ``files`` files: one per core but one."""
    if files < SMALL_RUN:
        return 0
    return max(0, min((os.cpu_count() or 1) - 1, 8))


def parse_ahead(
    files: Sequence[Path],
    options: ParseOptions,
    kind: str | None,
    parsers: int,
    taken: int = 1,
    budget: Budget = NO_BUDGET,
) -> Iterator[tuple[Path, Parsed]]:
    """Each file with what it parsed to, in order; ``parsers`` workers (0: one
    worker when there is a ``budget``, else this process).

    ``taken``: how many files the caller takes before it stores them; twice as
    many are kept parsing, so that the parsers go on while a group is stored.
    """
    if parsers < 1 and not budget.limited:
        for path in files:
            yield path, parse_file(path, options, kind)
        return
    workers = max(parsers, 1)
    _warm_up(options)
    pool = ParserPool(options, kind, budget, workers)
    yield from pool.parse(files, max(AHEAD * workers, 2 * taken))


def _warm_up(options: ParseOptions) -> None:
    global _warm
    if not _warm:
        for name in WARM_UP:
            parse_file(SAMPLES / name, options)
        _warm = True
