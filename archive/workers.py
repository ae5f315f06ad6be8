"""Parser processes held to a budget: a file that runs away fails alone.

Each worker is a process of its own that parses one file at a time and sends
back what it became. Its address space is capped at what it held when it started
plus ``Budget.memory_mib``, so a parse that needs more meets a ``MemoryError``
and reports it; one that takes longer than ``Budget.seconds`` is killed by the
process that gave it the file, and a new worker takes its place. Whatever a
parse raises is caught in the worker and becomes the file's reason, so one file
can never end a run nor keep others from being reported.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

from archive.garbage import collect_less_often
from ingest import ParsedDocument, ParseError, ParseOptions, parse_path

try:
    import resource
except ImportError:  # not on this platform: the time budget still holds
    resource = None  # type: ignore[assignment]

Parsed = ParsedDocument | str  # a parsed file, or why it could not be parsed
STOP_WAIT = 1.0  # seconds a worker is given to leave before it is killed


@dataclass(frozen=True, slots=True)
class Budget:
    """What parsing one file may take: seconds of wall time and MiB of memory
    beyond what the parser held before it (0: no limit)."""

    seconds: float = 120.0
    memory_mib: int = 1024

    @property
    def limited(self) -> bool:
        return self.seconds > 0 or self.memory_mib > 0

    def too_long(self) -> str:
        return f"took longer than {self.seconds:g} s to parse (the time limit)"

    def too_big(self) -> str:
        return f"needed more than {self.memory_mib} MiB to parse (the memory limit)"


def parse_file(path: Path, options: ParseOptions, kind: str | None = None) -> Parsed:
    """Parse one file; a bad or unreadable file gives the reason, not an error."""
    try:
        return parse_path(path, options, kind)
    except ParseError as error:
        return error.reason
    except OSError as error:
        return f"could not be read: {error.strerror or error}"


def parse_guarded(
    path: Path, options: ParseOptions, kind: str | None, budget: Budget
) -> tuple[Parsed, bool]:
    """What ``path`` parsed to, whatever happens, and whether the worker is sound.

    Any exception is the file's reason: a parser defect must cost one file, not
    the run, so this is the one place that catches them all.
    """
    try:
        return parse_file(path, options, kind), True
    except MemoryError:
        return budget.too_big(), False
    except RecursionError:
        return "nested too deeply to read", True
    except Exception as error:  # noqa: BLE001 - reported as the file's failure
        return f"could not be parsed: {_described(error)}", True


class Worker:
    """One parser process and the file it holds, if any."""

    def __init__(self, options: ParseOptions, kind: str | None, budget: Budget):
        self.budget = budget
        self.conn, theirs = multiprocessing.Pipe()
        self.process = multiprocessing.Process(
            target=_serve, args=(theirs, options, kind, budget), daemon=True
        )
        self.process.start()
        theirs.close()
        self.deadline = float("inf")

    def give(self, path: Path) -> None:
        self.conn.send(path)
        if self.budget.seconds > 0:
            self.deadline = time.monotonic() + self.budget.seconds

    def receive(self) -> tuple[Parsed, bool]:
        """The file's outcome; a worker that died gives the reason it died."""
        self.deadline = float("inf")
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            self.process.join(STOP_WAIT)
            code = self.process.exitcode
            if code is not None and code < 0 and self.budget.memory_mib > 0:
                return f"{self.budget.too_big()}; the parser was killed", False
            return f"the parser stopped while reading it (exit status {code})", False

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(STOP_WAIT)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _serve(
    conn: Connection, options: ParseOptions, kind: str | None, budget: Budget
) -> None:
    """A worker's life: parse each path it is given until told to stop."""
    collect_less_often()
    if budget.memory_mib > 0:
        _cap_memory(budget.memory_mib)
    while True:
        try:
            path = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        if path is None:
            return
        parsed, sound = parse_guarded(path, options, kind, budget)
        try:
            conn.send((parsed, sound))
        except MemoryError:
            conn.send((budget.too_big(), False))
        except Exception as error:  # noqa: BLE001 - the result could not be sent
            conn.send((f"could not be parsed: {_described(error)}", False))
        if not sound:
            return


def _cap_memory(mib: int) -> None:
    """Cap this process's address space at what it holds now plus ``mib``."""
    if resource is None:
        return
    try:
        statm = Path("/proc/self/statm").read_text(encoding="ascii")
        held = int(statm.split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return
    limit = held + mib * 2**20
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _described(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0][:300]}" if text else type(error).__name__
