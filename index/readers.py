"""Open Whoosh searchers for many threads at once, and what one generation shares.

A Whoosh searcher reads its files through file objects that keep a position, so
one searcher never serves two searches at the same time. ``Readers`` is a pool:
a search borrows a searcher of the newest generation (opening one if none is
idle) and hands it back when done. Whether the index has had a commit or a
rebuild since is a cheap look at the folder (its latest generation, the version
file's time). A searcher of an older generation is closed when it comes back or
is next picked from the pool, never while a search holds it, so a commit
landing mid-search cannot close the reader that search is using.

Whoosh's ``Searcher.refresh()`` is not used: in whoosh-reloaded 2.7.5 it adds
the old reader's segments to the new ones, so a replaced or deleted passage
would come back (tests/index/test_searcher_refresh.py).

At most ``SEARCHERS`` searchers are open at once (each holds its readers'
caches, ~35 MB on the medium benchmark corpus); a search beyond that waits for
one to come back, which on two cores costs little: searches are Python work,
one core's worth per process.

Searchers of one generation number their documents alike, so they share one
``FacetTable`` (and ``DocumentTable``), read once per generation by the first
search that needs it, and one ``TermCache`` of the terms' scored postings. A
search reads its hits and its facet counts through one ``View``: the same
reader, whatever commits land meanwhile.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from whoosh.index import FileIndex
from whoosh.searching import Searcher as WhooshSearcher

from index.directory import VERSION_FILE, open_index
from index.documents import DocumentTable
from index.facets import FacetTable
from index.term_cache import TermCache

Key = tuple[int | None, int]  # (version file's mtime, generation)
TABLES_KEPT = 9  # tables of the latest generations (three kinds) kept for new searches
T = TypeVar("T", FacetTable, DocumentTable, TermCache)
TableKey = tuple[Key, type]
Table = FacetTable | DocumentTable | TermCache
SEARCHERS = 4  # searchers open at once; more searches wait for one to come back
OPEN_TRIES = 5


@dataclass(frozen=True, slots=True)
class View:
    """One search's searcher, and the facet table of the same generation."""

    searcher: WhooshSearcher
    key: Key
    readers: Readers

    def facets(self) -> FacetTable:
        return self.readers.table(self, FacetTable)

    def documents(self) -> DocumentTable:
        return self.readers.table(self, DocumentTable)

    def terms(self) -> TermCache:
        return self.readers.table(self, TermCache)


class Readers:
    """A pool of searchers over the index at ``path``, safe to share by threads."""

    def __init__(self, path: Path, size: int = SEARCHERS) -> None:
        self.path = Path(path)
        self._lent = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._ix: FileIndex | None = None
        self._ix_stamp: int | None = None
        self._idle: list[tuple[Key, WhooshSearcher]] = []
        self._tables: OrderedDict[TableKey, Table] = OrderedDict()
        self._building: dict[TableKey, threading.Lock] = {}

    @contextmanager
    def view(self) -> Iterator[View]:
        """A searcher of the newest generation, held for the block."""
        with self._lent:
            key, searcher = self._borrow()
            try:
                yield View(searcher, key, self)
            finally:
                self._give_back(key, searcher)

    def table(self, view: View, make: type[T]) -> T:
        """The table ``make`` reads (facets, documents) of ``view``'s generation,
        read once for all threads."""
        key = (view.key, make)
        with self._lock:
            table = self._tables.get(key)
            building = self._building.setdefault(key, threading.Lock())
        if table is not None:
            return table
        with building:
            with self._lock:
                table = self._tables.get(key)
            if table is None:
                table = make(view.searcher.reader())
                with self._lock:
                    self._keep_table(key, table)
        return table

    def close(self) -> None:
        """Close the idle searchers (those lent out close when they come back)."""
        with self._lock:
            idle, self._idle = self._idle, []
            self._ix = None
        for _, searcher in idle:
            searcher.close()

    def _borrow(self) -> tuple[Key, WhooshSearcher]:
        ix, stamp = self._index()
        latest = (stamp, ix.latest_generation())
        stale: list[WhooshSearcher] = []
        found = None
        with self._lock:
            while self._idle:
                key, searcher = self._idle.pop()
                if key == latest:
                    found = (key, searcher)
                    break
                stale.append(searcher)
        for searcher in stale:
            searcher.close()
        return found or self._open(ix, stamp)

    def _open(self, ix: FileIndex, stamp: int | None) -> tuple[Key, WhooshSearcher]:
        searcher = ix.searcher()
        return (stamp, searcher.reader().generation()), searcher

    def _give_back(self, key: Key, searcher: WhooshSearcher) -> None:
        current = self._stamp() == key[0] and self._ix_generation() == key[1]
        with self._lock:
            if current and self._ix is not None:
                self._idle.append((key, searcher))
                return
        searcher.close()

    def _index(self) -> tuple[FileIndex, int | None]:
        """The index object, opened again after a rebuild (a new version file)."""
        for _ in range(OPEN_TRIES):
            stamp = self._stamp()
            with self._lock:
                if self._ix is not None and self._ix_stamp == stamp:
                    return self._ix, stamp
            ix = open_index(self.path)
            if self._stamp() != stamp:
                continue  # rebuilt while opening: look again
            with self._lock:
                self._ix, self._ix_stamp = ix, stamp
            return ix, stamp
        return ix, stamp

    def _ix_generation(self) -> int | None:
        ix = self._ix
        return None if ix is None else ix.latest_generation()

    def _stamp(self) -> int | None:
        try:
            return (self.path / VERSION_FILE).stat().st_mtime_ns
        except OSError:
            return None

    def _keep_table(self, key: TableKey, table: Table) -> None:
        self._tables[key] = table
        self._tables.move_to_end(key)
        while len(self._tables) > TABLES_KEPT:
            old, _ = self._tables.popitem(last=False)
            self._building.pop(old, None)
