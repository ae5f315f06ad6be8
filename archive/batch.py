"""Ingest many files: each parsed and stored whole, one failure never the rest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from archive.errors import ArchiveError
from archive.garbage import collecting_less_often
from archive.parsing import NO_BUDGET, Budget, Parsed, parse_ahead
from archive.store import StoreResult, store_together
from ingest import ParsedDocument, ParseOptions

AfterStore = Callable[[int, int], None]  # told each stored document's id and passages

# Files stored in one transaction: a commit writes every database page its
# documents changed, so sharing one spares most of those writes (storing 1,000
# medium files: 11.8 -> 10.4 s of CPU). Outcomes come in groups of this many.
STORE_GROUP = 10
IGNORED_NAMES = {"readme.md", "sources.md", "license", "license.md"}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input file; ``as_json`` is the ``--json`` line."""

    path: str
    status: str
    document: int | None = None
    kind: str | None = None
    format: str | None = None
    passages: int = 0
    claims: int = 0
    footnotes: int = 0
    citations: int = 0
    error: str | None = None
    warnings: tuple[str, ...] = field(default=())

    def as_json(self) -> dict:
        return {
            "path": self.path,
            "status": self.status,
            "document": self.document,
            "kind": self.kind,
            "format": self.format,
            "passages": self.passages,
            "claims": self.claims,
            "footnotes": self.footnotes,
            "citations": self.citations,
            "error": self.error,
            "warnings": list(self.warnings),
        }


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and the files inside folders named (sorted, hidden ones skipped).

    Inside a folder, whatever is not a folder is taken, so that a FIFO, a device,
    a broken link or a link that loops is reported by name when it is read, never
    passed over in silence; links to folders are not followed.
    """
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if not p.is_dir()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.name.lower() not in IGNORED_NAMES
            )
        else:
            files.append(path)
    return files


def store_parsed(
    path: Path,
    parsed: Parsed,
    sessions: sessionmaker[Session],
    options: ParseOptions,
    after_store: AfterStore | None = None,
) -> Outcome:
    """Store one parsed file; any failure is reported in the outcome, not raised."""
    return store_group([(path, parsed)], sessions, options, after_store)[0]


def store_group(
    files: list[tuple[Path, Parsed]],
    sessions: sessionmaker[Session],
    options: ParseOptions,
    after_store: AfterStore | None = None,
) -> list[Outcome]:
    """Store parsed files in one transaction; any failure is reported, not raised.

    Should one of them fail to store, none is kept from the shared transaction:
    each is stored again in one of its own, so that only the bad one fails and
    no document is ever half written. Any exception fails only its file: a
    defect met by one file must not end the run nor hide the others' outcomes.
    """
    documents = [parsed for _, parsed in files if not isinstance(parsed, str)]
    try:
        results = store_together(sessions, documents, options.registry)
    except Exception as error:  # noqa: BLE001 - one file's failure, reported as such
        if len(documents) > 1:
            return [
                outcome
                for file in files
                for outcome in store_group([file], sessions, options, after_store)
            ]
        reason = _reason(error)
        return [
            Outcome(str(path), "failed", error=_failure(parsed) or reason)
            for path, parsed in files
        ]
    stored = iter(results)
    return [
        Outcome(str(path), "failed", error=_failure(parsed))
        if _failure(parsed)
        else _stored(path, parsed, next(stored), after_store)
        for path, parsed in files
    ]


def _failure(parsed: Parsed) -> str | None:
    """Why a file could not be parsed, or None if it was."""
    return parsed if isinstance(parsed, str) else None


def _stored(
    path: Path,
    parsed: ParsedDocument,
    result: StoreResult,
    after_store: AfterStore | None,
) -> Outcome:
    if after_store is not None and result.status != "unchanged":
        after_store(result.document_id, len(parsed.passages))
    return Outcome(
        path=str(path),
        status=result.status,
        document=result.document_id,
        kind=parsed.kind,
        format=parsed.source_format,
        passages=len(parsed.passages),
        claims=len(parsed.claims),
        footnotes=len(parsed.footnotes),
        citations=len(parsed.citations),
        warnings=parsed.warnings,
    )


def ingest_all(
    files: Iterable[Path],
    sessions: sessionmaker[Session],
    options: ParseOptions,
    kind: str | None = None,
    after_store: AfterStore | None = None,
    parsers: int = 0,
    budget: Budget = NO_BUDGET,
) -> Iterator[Outcome]:
    """Parse and store each file in turn, yielding outcomes in the order given.

    With ``parsers`` > 0, that many processes parse the files ahead of the one
    storing them (``parse_ahead``); the database is written by this process only.
    With a ``budget``, a file that parses for longer or needs more memory fails
    with that reason. Files are stored ``STORE_GROUP`` to a transaction
    (``store_all``).
    """
    with collecting_less_often():
        parsed = parse_for_storing(files, options, kind, parsers, budget)
        yield from store_all(parsed, sessions, options, after_store)


def parse_for_storing(
    files: Iterable[Path],
    options: ParseOptions,
    kind: str | None,
    parsers: int,
    budget: Budget = NO_BUDGET,
) -> Iterator[tuple[Path, Parsed]]:
    """``parse_ahead``, keeping the parsers busy while ``store_all`` stores a group."""
    return parse_ahead(
        list(files), options, kind, parsers, taken=STORE_GROUP, budget=budget
    )


def store_all(
    files: Iterable[tuple[Path, Parsed]],
    sessions: sessionmaker[Session],
    options: ParseOptions,
    after_store: AfterStore | None = None,
) -> Iterator[Outcome]:
    """Store parsed files ``STORE_GROUP`` to a transaction; outcomes in order."""
    group: list[tuple[Path, Parsed]] = []
    for file in files:
        group.append(file)
        if len(group) >= STORE_GROUP:
            yield from store_group(group, sessions, options, after_store)
            group = []
    yield from store_group(group, sessions, options, after_store)


def summary(outcomes: Iterable[Outcome]) -> str:
    """ "3 added, 1 unchanged, 1 failed" (only the counts that are not zero)."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    order = ("added", "updated", "unchanged", "failed")
    parts = [f"{counts[status]} {status}" for status in order if counts.get(status)]
    return ", ".join(parts) or "no files to ingest"


def breakdown(outcomes: Iterable[Outcome]) -> str | None:
    """ "stored by kind: 2 report, 1 document; by format: 2 pdf, 1 html" for
    the files a run added or updated (None if there are none)."""
    kinds: Counter[str] = Counter()
    formats: Counter[str] = Counter()
    for outcome in outcomes:
        if outcome.status in ("added", "updated"):
            kinds[outcome.kind or "unknown"] += 1
            formats[outcome.format or "unknown"] += 1
    if not kinds:
        return None
    by_kind = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
    by_format = ", ".join(f"{n} {name}" for name, n in formats.most_common())
    return f"stored by kind: {by_kind}; by format: {by_format}"


def _reason(error: Exception) -> str:
    if isinstance(error, SQLAlchemyError):
        detail = getattr(error, "orig", None) or error
        return f"could not be stored: {_first_line(detail)}"
    if isinstance(error, OSError):
        return f"could not be read: {error.strerror or error}"
    if isinstance(error, ArchiveError):
        return str(error)
    return f"could not be stored: {type(error).__name__}: {_first_line(error)}"


def _first_line(error: object) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else ""
