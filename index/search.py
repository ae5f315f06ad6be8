"""Searching the index: ranked hits with snippets, facet counts, variants, hints.

One ``Searcher`` serves every thread at once: each search borrows a Whoosh
searcher of the index's newest generation from a pool (``index.readers``), and
reads its hits, facet counts and hints from that one searcher. Every search
counts its matches by cited outlet, document kind, publisher or agency, month
and country, and lists them by document (``group="documents"``) or by passage.
A search that runs past ``time_limit`` seconds returns what it has, marked
partial, with a notice saying so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher as WhooshSearcher

from archive.names import fold
from archive.paging import page_count
from index.analysis import FORM_SEPARATOR, NAME_WORD
from index.deadline import NO_LIMIT, Deadline, OutOfTime
from index.errors import SearchQueryError
from index.filters import allowed_passages, facet_filter
from index.grouping import Group, grouped
from index.matching import MatchCount, MatchList, collect, passage_fields
from index.query import ParsedQuery, existing_terms, expand_words, parse_query
from index.ranking import NO_DOCS, Scored, ranked, scored
from index.readers import Readers, View
from index.results import (
    ClaimHit,
    DocumentHit,
    Hit,
    SearchRequest,
    SearchResult,
    check_request,
)
from index.schema import build_schema
from index.snippets import Highlighter, Matcher, plain_snippet
from index.spelling import did_you_mean, variants_among
from index.within import NOWHERE, InDocument, matches_in

MAX_EXPANSIONS = 1000
TIME_LIMIT = 1.0  # seconds a search may take before it returns what it has
ADVICE = "try fewer words, or a narrower query"
CUT_SHORT = (
    "some hits are shown without highlights, and other spellings or a "
    "suggestion may be missing"
)


class Listed(NamedTuple):
    matched: np.ndarray  # every matching passage, by document number
    documents_total: int
    hits: tuple[Hit, ...]
    documents: tuple[DocumentHit, ...]
    owners: np.ndarray | None


NOTHING_LISTED = Listed(NO_DOCS, 0, (), (), None)


@dataclass(frozen=True, slots=True)
class _Asked:
    """The parsed query, its facet filters (to keep, to leave out), its notices."""

    query: wq.Query
    narrow: wq.Query | None
    leave_out: wq.Query | None
    parsed: ParsedQuery

    def expanded(self, searcher: WhooshSearcher) -> tuple[wq.Query, set[int] | None]:
        """The query with its words expanded, and the passages the filters allow
        (None: all), both read from ``searcher``."""
        q = expand_words(self.query, searcher.reader(), MAX_EXPANSIONS)
        return q, allowed_passages(searcher, self.narrow, self.leave_out)


class Searcher:
    """Searches the index at ``path``; ``IndexUnavailable`` says if it cannot."""

    def __init__(self, path: Path, time_limit: float | None = TIME_LIMIT) -> None:
        self.path = Path(path)
        self.schema = build_schema()
        self.highlighter = Highlighter()
        self.readers = Readers(self.path)
        self.time_limit = time_limit

    def search(self, request: SearchRequest) -> SearchResult:
        check_request(request)
        deadline = Deadline(self.time_limit)
        asked = self._asked(request)
        with self.readers.view() as view:
            return self._search(view, request, asked, deadline)

    def matches(
        self,
        request: SearchRequest,
        max_passages: int | None = None,
        max_documents: int | None = None,
    ) -> MatchList:
        """Every passage ``request`` matches, best first (in its sort order), up to
        ``max_passages`` or the passages of ``max_documents`` documents; the
        request's page is not used."""
        first = replace(request, page=1, per_page=1, group="passages")
        check_request(first)
        asked = self._asked(request)
        with self.readers.view() as view:
            searcher = view.searcher
            q, allowed = asked.expanded(searcher)
            everything = replace(first, per_page=max(searcher.doc_count(), 1))
            matched, order = ranked(
                searcher, q, allowed, everything, terms=view.terms()
            )
            docnums = (scored.docnum for scored in order)
            return collect(searcher, docnums, len(matched), max_passages, max_documents)

    def count(self, request: SearchRequest) -> MatchCount:
        """How many passages and documents ``request`` matches (for a list of
        searches, where only the numbers are wanted)."""
        first = replace(request, page=1, per_page=1, group="passages")
        check_request(first)
        asked = self._asked(request)
        with self.readers.view() as view:
            q, allowed = asked.expanded(view.searcher)
            matched, _ = ranked(view.searcher, q, allowed, first, terms=view.terms())
            return MatchCount(len(matched), view.documents().count(matched))

    def within(self, query: str, document_id: int, exact: bool = False) -> InDocument:
        """Where ``query`` matches in document ``document_id``: its passages
        that the query (fields included) matches, and the words marked there."""
        parsed = parse_query(query, self.schema, exact)
        if parsed.query == wq.NullQuery:
            return NOWHERE
        with self.readers.view() as view:
            searcher = view.searcher
            q = expand_words(parsed.query, searcher.reader(), MAX_EXPANSIONS)
            matcher = Matcher.from_terms(
                existing_terms(q, searcher.reader()), _exact_words(query)
            )
            return matches_in(searcher, q, matcher, self.highlighter, document_id)

    def warm(self) -> None:
        """Open a searcher and read what a first search would: readers, facets."""
        self.search(SearchRequest("archive"))

    def close(self) -> None:
        self.readers.close()

    def _asked(self, request: SearchRequest) -> _Asked:
        parsed = parse_query(request.query, self.schema, request.exact)
        narrow = facet_filter(request.filters)
        leave_out = facet_filter(request.excluded, any_of=True)
        q = parsed.query
        if q == wq.NullQuery:
            if narrow is None and leave_out is None:
                raise SearchQueryError("the query is empty: type words to search for")
            q = wq.Every()
        return _Asked(q, narrow, leave_out, parsed)

    def _search(
        self, view: View, request: SearchRequest, asked: _Asked, deadline: Deadline
    ) -> SearchResult:
        searcher = view.searcher
        notices = list(asked.parsed.notices)
        q, allowed = asked.expanded(searcher)
        exact = _exact_words(request.query)
        matcher = Matcher.from_terms(existing_terms(q, searcher.reader()), exact)
        try:
            listed, stopped = self._listed(view, q, allowed, request, matcher, deadline)
        except OutOfTime as stop:
            listed, stopped = NOTHING_LISTED, True
            notices.append(
                f"{stop} and was stopped before it found its matches: {ADVICE}"
            )
        total = len(listed.matched)
        if total and not (listed.hits or listed.documents):
            shown = listed.documents_total if listed.owners is not None else total
            last = page_count(shown, request.per_page)
            notices.append(f"page {request.page} is past the last page ({last})")
        also, suggestion = (), None
        try:
            if total:
                also = variants_among(
                    searcher, matcher, exact, listed.matched, deadline
                )
            else:
                suggestion, said = did_you_mean(
                    searcher, request, asked.narrow, deadline
                )
                notices += said
        except OutOfTime:
            pass
        partial = stopped or deadline.passed()
        if partial and not stopped:
            notices.append(
                f"the search took longer than {self.time_limit:g} s: {CUT_SHORT}"
            )
        return SearchResult(
            request=request,
            total=total,
            hits=listed.hits,
            facets=view.facets().shown(listed.matched, listed.owners),
            documents_total=listed.documents_total,
            documents=listed.documents,
            also_matched=also,
            did_you_mean=suggestion,
            notices=tuple(notices),
            partial=partial,
            generation=view.key,
        )

    def _listed(
        self,
        view: View,
        q: wq.Query,
        allowed: set[int] | None,
        request: SearchRequest,
        matcher: Matcher,
        deadline: Deadline,
    ) -> tuple[Listed, bool]:
        """Every match, and the page: of documents (``owners`` then gives each
        passage's document, for counting documents) or of passages."""
        searcher, table = view.searcher, view.documents()
        if request.group == "documents":
            found = scored(searcher, q, allowed, deadline, view.terms())
            total, groups = grouped(table, found.ids, found.scores, request)
            documents = tuple(
                self._document(view, g, matcher, deadline) for g in groups
            )
            return Listed(found.ids, total, (), documents, table.document), False
        matched, page = ranked(searcher, q, allowed, request, deadline, view.terms())
        hits = tuple(self._hit(searcher, hit, matcher, deadline) for hit in page)
        total = len(np.unique(table.document[matched]))
        return Listed(matched, total, hits, (), None), False

    def _document(
        self, view: View, group: Group, matcher: Matcher, deadline: Deadline
    ) -> DocumentHit:
        searcher = view.searcher
        passages = tuple(self._hit(searcher, h, matcher, deadline) for h in group.best)
        best = passages[0]
        countries = view.facets().values_of("country", group.best[0].docnum)
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

    def _hit(
        self,
        searcher: WhooshSearcher,
        hit: Scored,
        matcher: Matcher,
        deadline: Deadline = NO_LIMIT,
    ) -> Hit:
        """One passage's hit; past the deadline its opening stands as the snippet."""
        stored = searcher.stored_fields(hit.docnum)
        if deadline.passed():
            snippet, variants = plain_snippet(stored["text"]), ()
        else:
            snippet, variants = self.highlighter.snippet(stored["text"], matcher)
        return Hit(
            **passage_fields(stored),
            score=hit.score or 0.0,
            snippet=snippet,
            claims=tuple(
                ClaimHit(i, s, e, tuple(o), tuple(f))
                for i, s, e, o, f in stored["claims"]
            ),
            also_matched=variants,
        )


def _exact_words(text: str) -> set[str]:
    return {fold(word) for word in NAME_WORD.findall(text)}
