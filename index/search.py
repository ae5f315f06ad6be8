"""Searching the index: ranked hits with snippets, facet counts, variants, hints.

One ``Searcher`` serves many searches: it keeps a Whoosh searcher open, checks
before each search whether the index has had a commit since (a cheap look at the
folder), and opens a new searcher only then. Every search counts its matches by
cited outlet, document kind, publisher or agency, and month. A ``Searcher`` is
not safe to share between threads; give each thread (or request) its own, or
guard it with a lock.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np
from whoosh import query as wq
from whoosh.index import FileIndex
from whoosh.searching import Searcher as WhooshSearcher

from archive.names import fold
from archive.paging import page_count
from index.analysis import FORM_SEPARATOR, NAME_WORD
from index.directory import VERSION_FILE, open_index
from index.documents import DocumentTable
from index.errors import InvalidPage, SearchQueryError
from index.facets import FacetTable
from index.filters import allowed_passages, counts, facet_filter
from index.grouping import Group, grouped
from index.query import expand_words, parse_query
from index.ranking import Scored, ranked, scored
from index.results import (
    GROUPS,
    SORTS,
    ClaimHit,
    DocumentHit,
    Hit,
    OutletLabel,
    SearchRequest,
    SearchResult,
)
from index.schema import build_schema
from index.snippets import Highlighter, Matcher
from index.spelling import respelled, variants_among
from index.within import NOWHERE, InDocument, matches_in

MAX_PER_PAGE = 100
MAX_EXPANSIONS = 1000


class Listed(NamedTuple):
    matched: np.ndarray  # every matching passage, by document number
    documents_total: int
    hits: tuple[Hit, ...]
    documents: tuple[DocumentHit, ...]
    owners: np.ndarray | None


class Searcher:
    """Searches the index at ``path``; ``IndexUnavailable`` says if it cannot."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.schema = build_schema()
        self.highlighter = Highlighter()
        self._ix: FileIndex | None = None
        self._searcher: WhooshSearcher | None = None
        self._stamp: int | None = None
        self._facets: FacetTable | None = None
        self._documents: DocumentTable | None = None

    def search(self, request: SearchRequest) -> SearchResult:
        _check(request)
        parsed = parse_query(request.query, self.schema, request.exact)
        narrow = facet_filter(request.filters)
        leave_out = facet_filter(request.excluded, any_of=True)
        q = parsed.query
        if q == wq.NullQuery:
            if narrow is None and leave_out is None:
                raise SearchQueryError("the query is empty: type words to search for")
            q = wq.Every()
        searcher = self._current()
        q = expand_words(q, searcher.reader(), MAX_EXPANSIONS)
        exact = _exact_words(request.query)
        matcher = Matcher.from_terms(_terms(q, searcher), exact)
        allowed = allowed_passages(searcher, narrow, leave_out)
        listed = self._listed(searcher, q, allowed, request, matcher)
        total = len(listed.matched)
        notices = list(parsed.notices)
        if total and not (listed.hits or listed.documents):
            shown = listed.documents_total if listed.owners is not None else total
            last = page_count(shown, request.per_page)
            notices.append(f"page {request.page} is past the last page ({last})")
        tallies = self._facet_table().counts(listed.matched, listed.owners)
        return SearchResult(
            request=request,
            total=total,
            hits=listed.hits,
            facets={name: counts(name, tally) for name, tally in tallies.items()},
            documents_total=listed.documents_total,
            documents=listed.documents,
            also_matched=variants_among(searcher, matcher, exact, listed.matched)
            if total
            else (),
            did_you_mean=None if total else self._did_you_mean(request, narrow),
            notices=tuple(notices),
        )

    def _listed(
        self,
        searcher: WhooshSearcher,
        q: wq.Query,
        allowed: set[int] | None,
        request: SearchRequest,
        matcher: Matcher,
    ) -> Listed:
        """Every match, and the page: of documents (``owners`` then gives each
        passage's document, for counting documents) or of passages."""
        table = self._document_table()
        if request.group == "documents":
            found = scored(searcher, q, allowed)
            total, groups = grouped(table, found.ids, found.scores, request)
            documents = tuple(self._document(searcher, g, matcher) for g in groups)
            return Listed(found.ids, total, (), documents, table.document)
        matched, page = ranked(searcher, q, allowed, request)
        hits = tuple(self._hit(searcher, hit, matcher) for hit in page)
        total = len(np.unique(table.document[matched]))
        return Listed(matched, total, hits, (), None)

    def within(self, query: str, document_id: int, exact: bool = False) -> InDocument:
        """Where ``query`` matches in document ``document_id``: its passages
        that the query (fields included) matches, and the words marked there."""
        parsed = parse_query(query, self.schema, exact)
        if parsed.query == wq.NullQuery:
            return NOWHERE
        searcher = self._current()
        q = expand_words(parsed.query, searcher.reader(), MAX_EXPANSIONS)
        matcher = Matcher.from_terms(_terms(q, searcher), _exact_words(query))
        return matches_in(searcher, q, matcher, self.highlighter, document_id)

    def warm(self) -> None:
        """Open the searcher and read what a first search would: readers, facets."""
        self.search(SearchRequest("archive"))

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def _current(self) -> WhooshSearcher:
        """The open searcher if the index has not changed since; else a new one.

        Whoosh's ``Searcher.refresh()`` is not used: in whoosh-reloaded 2.7.5 it
        adds the old reader's segments to the new ones, so a replaced or deleted
        passage would come back (tests/index/test_searcher_refresh.py). A new
        commit is seen by comparing generations, a cheap look at the folder; a
        rebuild by the version file's modification time.
        """
        try:
            stamp: int | None = (self.path / VERSION_FILE).stat().st_mtime_ns
        except OSError:
            stamp = None
        searcher = self._searcher
        if (
            stamp is not None
            and searcher is not None
            and stamp == self._stamp
            and self._ix.latest_generation() == searcher.reader().generation()
        ):
            return searcher
        self._ix = open_index(self.path)
        fresh = self._ix.searcher()
        self.close()
        self._searcher, self._stamp = fresh, stamp
        self._facets = None
        self._documents = None
        return fresh

    def _facet_table(self) -> FacetTable:
        """The facet values of the open searcher's passages, read once per opening."""
        if self._facets is None:
            self._facets = FacetTable(self._current().reader())
        return self._facets

    def _document_table(self) -> DocumentTable:
        """Each passage's document and sort keys, read once per opening."""
        if self._documents is None:
            self._documents = DocumentTable(self._current().reader())
        return self._documents

    def _document(
        self, searcher: WhooshSearcher, group: Group, matcher: Matcher
    ) -> DocumentHit:
        passages = tuple(self._hit(searcher, hit, matcher) for hit in group.best)
        best = passages[0]
        countries = self._facet_table().values_of("country", group.best[0].docnum)
        return DocumentHit(
            document_id=group.document_id,
            title=best.title,
            kind=best.kind,
            source=best.source,
            date=best.date,
            score=best.score,
            countries=tuple(
                (code.upper(), label)
                for code, _, label in sorted(
                    c.partition(FORM_SEPARATOR) for c in countries
                )
            ),
            passages=passages,
            more=group.matched - len(passages),
        )

    def _hit(self, searcher: WhooshSearcher, hit: Scored, matcher: Matcher) -> Hit:
        stored = searcher.stored_fields(hit.docnum)
        snippet, variants = self.highlighter.snippet(stored["text"], matcher)
        source = stored.get("source")
        return Hit(
            passage_id=int(stored["passage_id"]),
            document_id=int(stored["document_id"]),
            anchor=stored["anchor"],
            title=stored["title"],
            kind=stored["kind"],
            source=source.split(FORM_SEPARATOR, 1)[-1] if source else None,
            date=stored.get("date_shown"),
            score=hit.score or 0.0,
            snippet=snippet,
            outlets=tuple(OutletLabel(slug, name) for slug, name in stored["outlets"]),
            claims=tuple(
                ClaimHit(i, s, e, tuple(o), tuple(f))
                for i, s, e, o, f in stored["claims"]
            ),
            also_matched=variants,
        )

    def _did_you_mean(self, request: SearchRequest, narrow) -> str | None:
        """A respelling of the query, offered only if it finds something."""
        searcher = self._current()
        suggestion = respelled(searcher, request.query)
        if suggestion is None:
            return None
        try:
            q = parse_query(suggestion, self.schema, request.exact).query
            q = expand_words(q, searcher.reader(), MAX_EXPANSIONS)
        except SearchQueryError:
            return None
        found = searcher.search(q, limit=1, filter=narrow)
        return suggestion if len(found) else None


def _check(request: SearchRequest) -> None:
    if request.page < 1:
        raise InvalidPage("page", request.page, 1, 10**9)
    if not 1 <= request.per_page <= MAX_PER_PAGE:
        raise InvalidPage("results per page", request.per_page, 1, MAX_PER_PAGE)
    if request.sort not in SORTS:
        raise SearchQueryError(
            f"unknown sort {request.sort!r}; sorts: {', '.join(SORTS)}"
        )
    if request.group not in GROUPS:
        raise SearchQueryError(
            f"unknown grouping {request.group!r}; groupings: {', '.join(GROUPS)}"
        )


def _terms(q: wq.Query, searcher: WhooshSearcher) -> list[tuple[str, str]]:
    """The query's terms, as text, that the index holds."""
    reader = searcher.reader()
    # Per leaf: Query.existing_terms() over a tree skips fields after the first
    # (its loop variable shadows its ``fieldname`` filter).
    return [
        (field, _text(term))
        for leaf in q.leaves()
        for field, term in leaf.existing_terms(reader, phrases=True)
    ]


def _text(term: bytes | str) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def _exact_words(text: str) -> set[str]:
    return {fold(word) for word in NAME_WORD.findall(text)}
