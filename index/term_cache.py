"""The scored postings of the terms searched lately, kept per index generation.

Reading a term's postings means unpickling (and often decompressing) a block
per 128 postings in every segment, then working out BM25 over them: for a
common word of the medium benchmark corpus, most of a millisecond a segment,
and every search for that word did it again. Within one generation of the
index nothing of that changes (the segments, their deleted documents, and the
index-wide statistics BM25 takes), so ``index.readers`` keeps one
``TermCache`` a generation, shared by its searchers, like the facet tables.

Entries are a term's matches in one segment (ids and scores, read-only
arrays), or the same with each match's positions, for exact phrases
(``index.phrases.Positioned``), or a number range's matches (a date range's
terms are many, looked up one by one); the least recently used are dropped
beyond ``MAX_BYTES``.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from whoosh.reading import IndexReader

if TYPE_CHECKING:
    from index.match_arrays import Matches
    from index.phrases import Positioned

    Kept = Matches | Positioned

MAX_BYTES = 48 * 1024 * 1024  # arrays held, at most (~16 bytes a posting)
# (segment number in the generation, field, term[, "positions"]), or
# (segment number, field, a number range's bounds, "range")
Key = tuple[int, str, bytes] | tuple[int, str, bytes | str, str]


class TermCache:
    """Scored postings by segment and term, for one generation; thread-safe."""

    def __init__(self, _reader: IndexReader | None = None) -> None:
        self._found: OrderedDict[Key, Kept] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Key, read: Callable[[], Kept]) -> Kept:
        """The entry kept for ``key``, or ``read()``'s, then kept."""
        with self._lock:
            found = self._found.get(key)
            if found is not None:
                self._found.move_to_end(key)
                return found
        found = read()
        for array in found.arrays:
            array.flags.writeable = False
        size = sum(array.nbytes for array in found.arrays)
        with self._lock:
            if key not in self._found:
                self._found[key] = found
                self._bytes += size
            while self._bytes > MAX_BYTES and len(self._found) > 1:
                _, old = self._found.popitem(last=False)
                self._bytes -= sum(array.nbytes for array in old.arrays)
        return found

    def __len__(self) -> int:
        return len(self._found)
