"""Document summaries for results pages, kept while the index stays the same.

A results page shows a line of facts for each document it lists (kind, source,
date, report, countries), read from the database on every search. A document's
summary changes only when the document is stored again, and storing a document
commits the index: so the summaries read are kept for the index generation the
search was answered from (``SearchResult.generation``), and dropped when a
search is answered from a newer one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from sqlalchemy.orm import Session

from archive import browse
from archive.browse import DocumentSummary

Generation = tuple[int | None, int]


class Summaries:
    """Summaries by document id, of one index generation; safe to share."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation: Generation | None = None
        self._kept: dict[int, DocumentSummary] = {}

    def of(
        self, session: Session, ids: Iterable[int], generation: Generation | None
    ) -> dict[int, DocumentSummary]:
        """The summaries of the documents ``ids`` (missing ones left out)."""
        wanted = set(ids)
        if generation is None:
            return browse.document_summaries(session, wanted)
        with self._lock:
            if generation != self._generation:
                kept: dict[int, DocumentSummary] = {}
            else:
                kept = self._kept
            found = {i: kept[i] for i in wanted if i in kept}
        missing = wanted - found.keys()
        if missing:
            read = browse.document_summaries(session, missing)
            found.update(read)
            with self._lock:
                if generation != self._generation:
                    self._generation, self._kept = generation, {}
                self._kept.update(read)
        return found
