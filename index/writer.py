"""Writing the index from the archive: one document's passages, or all of them.

The database is the truth and the index is derived from it. Every write holds the
index lock (waiting for another process if need be), reads what it writes from the
database, and commits or cancels as a whole; an error is re-raised, never logged
and swallowed. A missing or outdated index is rebuilt from the database by the
first write that meets it, and the caller is told why.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker
from whoosh.index import FileIndex
from whoosh.writing import CLEAR

from archive.garbage import collecting_less_often
from archive.queries import (
    IndexablePassage,
    all_indexable_passages,
    indexable_passages,
    same_report_document_ids,
)
from index.directory import (
    WRITE_PATIENCE,
    OnWait,
    create_index,
    exists,
    is_current,
    locked,
    mark_current,
    open_index,
    recorded_version,
)
from index.entries import entries
from index.merging import tiered
from index.schema import SCHEMA_VERSION
from index.term_writer import TermWriter

# Postings a rebuild holds in memory (some 100 bytes each) before it writes
# them out as a segment and starts the next one.
MAX_POSTINGS = 3_000_000


@dataclass(frozen=True, slots=True)
class IndexUpdate:
    """What one write did: documents replaced, passages written, and any rebuild."""

    documents: tuple[int, ...]
    passages: int
    rebuilt: str | None = None
    seconds: float = 0.0  # reading the database and writing the index


class Indexer:
    """Keeps the index at ``path`` in step with the archive behind ``sessions``."""

    def __init__(
        self,
        path: Path,
        sessions: sessionmaker[Session],
        on_wait: OnWait | None = None,
        patience: float = WRITE_PATIENCE,
    ) -> None:
        self.path = Path(path)
        self.sessions = sessions
        self.on_wait = on_wait
        self.patience = patience

    def update_document(self, document_id: int) -> IndexUpdate:
        """Replace ``document_id``'s passages in the index as one unit."""
        return self.update_documents([document_id])

    def update_documents(self, document_ids: Iterable[int]) -> IndexUpdate:
        """Replace these documents' passages in the index, all in one commit.

        Other sections of the same reports are rewritten too when what the index
        holds for them changed (a footnote they cite may live in a new section).
        One commit for many documents spares Whoosh a segment and a merge each.
        """
        ids = list(dict.fromkeys(document_ids))
        with locked(self.path, self.on_wait, self.patience):
            started = time.perf_counter()
            if not is_current(self.path):
                return self._rebuild(_why_rebuild(self.path))
            ix = open_index(self.path)
            with self.sessions() as session:
                siblings = sorted(
                    {s for d in ids for s in same_report_document_ids(session, d)}
                    - set(ids)
                )
                passages = indexable_passages(session, [*ids, *siblings])
            grouped = _by_document(passages)
            theirs = {d: list(entries(grouped.get(d, []))) for d in siblings}
            held = _fingerprints(ix, siblings)
            changed = ids + [d for d in siblings if held[d] != _prints(theirs[d])]
            written = 0
            with _writer(ix) as writer:
                for doc in changed:
                    writer.delete_by_term("document_id", str(doc))
                    # a sibling's entries were made for the comparison above;
                    # the others' are made as they are written
                    made = theirs.get(doc) or entries(grouped.get(doc, []))
                    for values in made:
                        writer.add_document(**values)
                        written += 1
            return IndexUpdate(
                tuple(changed), written, seconds=time.perf_counter() - started
            )

    def rebuild(self, progress: Callable[[int], None] | None = None) -> IndexUpdate:
        """Build the whole index again from the database, replacing what it held."""
        with locked(self.path, self.on_wait, self.patience), collecting_less_often():
            return self._rebuild(None, progress)

    def _rebuild(
        self, reason: str | None, progress: Callable[[int], None] | None = None
    ) -> IndexUpdate:
        started = time.perf_counter()
        current = is_current(self.path)
        ix = open_index(self.path) if current else create_index(self.path)
        documents: set[int] = set()
        count = 0
        with (
            self.sessions() as session,
            _writer(ix, clear=current, max_postings=MAX_POSTINGS) as writer,
        ):
            for values in entries(all_indexable_passages(session)):
                writer.add_document(**values)
                documents.add(int(values["document_id"]))
                count += 1
                if progress is not None:
                    progress(count)
        mark_current(self.path)
        return IndexUpdate(
            tuple(sorted(documents)), count, reason, time.perf_counter() - started
        )


@contextmanager
def _writer(
    ix: FileIndex, clear: bool = False, max_postings: int | None = None
) -> Iterator[TermWriter]:
    """A writer under the lock the caller holds: committed, or cancelled and raised.

    ``clear`` drops every existing segment at commit (a rebuild in place: readers
    see the old index until the new one is complete).
    """
    writer = TermWriter(ix, _lk=False, max_postings=max_postings)
    try:
        yield writer
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=CLEAR if clear else tiered())


def _by_document(
    passages: Iterable[IndexablePassage],
) -> dict[int, list[IndexablePassage]]:
    grouped: dict[int, list[IndexablePassage]] = defaultdict(list)
    for passage in passages:
        grouped[passage.document_id].append(passage)
    return grouped


def _prints(entries: list[dict[str, object]]) -> set[tuple[str, object]]:
    return {(str(e["passage_id"]), e["fingerprint"]) for e in entries}


def _fingerprints(ix: FileIndex, documents: list[int]) -> dict[int, set]:
    """What the index holds for each document: (passage id, fingerprint) pairs."""
    held: dict[int, set] = {document: set() for document in documents}
    if not documents or ix.doc_count_all() == 0:
        return held  # an empty index has no columns to read
    with ix.searcher() as searcher:
        reader = searcher.reader()
        ids = reader.column_reader("passage_id")
        prints = reader.column_reader("fingerprint")
        for document in documents:
            numbers = searcher.document_numbers(document_id=str(document))
            held[document] = {(ids[n], prints[n]) for n in numbers}
    return held


def _why_rebuild(path: Path) -> str | None:
    """Why an outdated index was rebuilt (a missing one is simply built: None)."""
    if not exists(path):
        return None
    found = recorded_version(path)
    built = "an unknown schema" if found is None else f"schema version {found}"
    return (
        f"the search index at {path} was built with {built}; rebuilt it "
        f"from the archive with schema version {SCHEMA_VERSION}"
    )
