"""Parsing files for an ingest: in this process, or in processes of their own.

Parsing needs no database, so a pool of processes can parse the next files while
the ingest stores the ones before; what each file became (a ``ParsedDocument``,
or the reason it could not be parsed) comes back in the order the files were
given. At most ``AHEAD`` files per process (or as many as the caller takes at
once, if more) are parsed before being stored, so memory stays bounded however
many files a run takes. Should a parser process
die, the files not yet given are parsed in this process.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain
from pathlib import Path

from archive.garbage import collect_less_often
from ingest import ParsedDocument, ParseError, ParseOptions, parse_path

Parsed = ParsedDocument | str  # a parsed file, or why it could not be parsed
AHEAD = 4
SMALL_RUN = 8  # files; fewer are parsed in this process (a pool costs ~0.1 s)


def parse_file(path: Path, options: ParseOptions, kind: str | None = None) -> Parsed:
    """Parse one file; a bad or unreadable file gives the reason, not an error."""
    try:
        return parse_path(path, options, kind)
    except ParseError as error:
        return error.reason
    except OSError as error:
        return f"could not be read: {error.strerror or error}"


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
) -> Iterator[tuple[Path, Parsed]]:
    """Each file with what it parsed to, in order; ``parsers`` processes (0: none).

    ``taken``: how many files the caller takes before it stores them; twice as
    many are kept parsing, so that the parsers go on while a group is stored.
    """
    if parsers < 1 or len(files) < 2:
        for path in files:
            yield path, parse_file(path, options, kind)
        return
    try:
        pool = ProcessPoolExecutor(max_workers=parsers, initializer=collect_less_often)
    except (OSError, NotImplementedError):  # no process pools on this platform
        yield from parse_ahead(files, options, kind, 0)
        return
    with pool:
        waiting: deque[tuple[Path, Future]] = deque()
        upcoming: Iterator[Path] = iter(files)
        for path in upcoming:
            waiting.append((path, pool.submit(parse_file, path, options, kind)))
            if len(waiting) >= max(AHEAD * parsers, 2 * taken):
                break
        while waiting:
            path, future = waiting.popleft()
            try:
                parsed = future.result()
            except BrokenProcessPool:
                waiting.appendleft((path, future))
                break
            following = next(upcoming, None)
            if following is not None:
                try:
                    waiting.append(
                        (following, pool.submit(parse_file, following, options, kind))
                    )
                except BrokenProcessPool:
                    upcoming = chain([following], upcoming)
                    yield path, parsed
                    break
            yield path, parsed
        else:
            return
    # A parser process died (killed from outside, say): which file it held cannot
    # be told for sure, so every file not yet given is parsed here instead.
    rest = [path for path, _ in waiting] + list(upcoming)
    yield from parse_ahead(rest, options, kind, 0)
