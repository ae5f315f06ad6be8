"""Compare the index with the database it is derived from.

Each indexed passage carries a fingerprint of everything indexed about it. A
passage in the database but not in the index is *missing*; one whose fingerprint
differs from what the database gives now is *stale* (its document changed, or an
ingest died between the database commit and the index commit); one in the index
but no longer in the database is *orphaned*. ``archive reindex`` repairs all three.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from archive.queries import all_indexable_passages, archive_stats, passage_documents
from index.directory import open_index
from index.entries import entry
from index.errors import IndexUnavailable

SHOWN = 10
# What a damaged index folder (a file cut short or gone) raises when read.
UNREADABLE = (OSError, EOFError, ValueError, KeyError, IndexError, struct.error)


@dataclass(frozen=True, slots=True)
class CheckReport:
    in_archive: int
    in_index: int
    missing: tuple[int, ...] = ()
    stale: tuple[int, ...] = ()
    orphaned: tuple[int, ...] = ()
    problem: str | None = None
    documents: tuple[int, ...] = ()  # those whose passages differ, to rewrite

    @property
    def ok(self) -> bool:
        return self.problem is None and not (
            self.missing or self.stale or self.orphaned
        )

    def lines(self) -> list[str]:
        """What ``archive check`` prints."""
        if self.problem is not None:
            return [self.problem]
        lines = [
            f"{self.in_archive} passages in the archive, {self.in_index} in the index"
        ]
        for name, ids, meaning in (
            ("missing", self.missing, "in the archive but not in the index"),
            ("stale", self.stale, "changed since they were indexed"),
            ("orphaned", self.orphaned, "in the index but no longer in the archive"),
        ):
            if ids:
                shown = ", ".join(f"#{i}" for i in ids[:SHOWN])
                more = f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else ""
                lines.append(f"{len(ids)} {name} ({meaning}): {shown}{more}")
        if self.ok:
            lines.append("the index matches the archive")
        else:
            lines.append("run `archive reindex` to rebuild the index from the archive")
        return lines


def check(
    path: Path, sessions: sessionmaker[Session], thorough: bool = True
) -> CheckReport:
    """The differences between the index at ``path`` and the archive; never raises
    for the index's sake: a missing, outdated or damaged index is the report's
    ``problem``. Not ``thorough``: passages are compared by id only (missing and
    orphaned ones; stale ones are not looked for), which reads no passage text.
    """
    compare = _compare if thorough else _compare_ids
    try:
        ix = open_index(Path(path))
        if ix.doc_count_all() == 0:  # an empty index has no columns to read
            return compare({}, sessions, lambda _: None)
        with ix.searcher() as searcher:
            reader = searcher.reader()
            ids = reader.column_reader("passage_id")
            prints = reader.column_reader("fingerprint")
            indexed = {int(ids[n]): (prints[n], n) for n in reader.all_doc_ids()}
            return compare(indexed, sessions, reader.stored_fields)
    except IndexUnavailable as error:
        return _unusable(sessions, str(error))
    except UNREADABLE as error:
        return _unusable(
            sessions,
            f"the search index at {path} cannot be read ({type(error).__name__}: "
            f"{error}): run `archive reindex` to rebuild it from the archive",
        )


def _compare(
    indexed: dict[int, tuple[bytes, int]],
    sessions: sessionmaker[Session],
    stored: Callable[[int], dict | None],
) -> CheckReport:
    """Each passage of the archive against the index's (fingerprint, number)."""
    missing: list[int] = []
    stale: list[int] = []
    documents: set[int] = set()
    count = 0
    with sessions() as session:
        for passage in all_indexable_passages(session):
            count += 1
            held = indexed.pop(passage.passage_id, None)
            if held is None:
                missing.append(passage.passage_id)
            elif held[0] != entry(passage)["fingerprint"]:
                stale.append(passage.passage_id)
            else:
                continue
            documents.add(passage.document_id)
    return _report(count, missing, stale, indexed, documents, stored)


def _compare_ids(
    indexed: dict[int, tuple[bytes, int]],
    sessions: sessionmaker[Session],
    stored: Callable[[int], dict | None],
) -> CheckReport:
    """As ``_compare``, by passage id alone."""
    with sessions() as session:
        archived = passage_documents(session)
    missing = [p for p in sorted(archived) if indexed.pop(p, None) is None]
    documents = {archived[p] for p in missing}
    return _report(len(archived), missing, [], indexed, documents, stored)


def _report(
    count: int,
    missing: list[int],
    stale: list[int],
    indexed: dict[int, tuple[bytes, int]],
    documents: set[int],
    stored: Callable[[int], dict | None],
) -> CheckReport:
    """``indexed``: the passages left over, orphans."""
    for _, number in indexed.values():  # orphans: their documents' entries go too
        documents.add(int((stored(number) or {})["document_id"]))
    return CheckReport(
        in_archive=count,
        in_index=count - len(missing) + len(indexed),
        missing=tuple(missing),
        stale=tuple(stale),
        orphaned=tuple(sorted(indexed)),
        documents=tuple(sorted(documents)),
    )


def _unusable(sessions: sessionmaker[Session], problem: str) -> CheckReport:
    with sessions() as session:
        count = archive_stats(session).passages
    return CheckReport(count, 0, problem=problem)
