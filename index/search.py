"""Searching the index: ranked hits with snippets, facet counts, variants, hints.

One ``Searcher`` serves many searches, from many threads at once: each search
borrows a Whoosh searcher of the index's newest generation (``index.readers``)
and reads its hits, its facet counts and its suggestion through that one
reader. Every search counts its matches by cited outlet, document kind,
publisher or agency, and month. Each search has a time allowance
(``TIME_LIMIT``): a search that runs past it returns what it has, with
``partial`` set and a notice saying what was cut short.
"""

from __future__ import annotations

import calendar
import threading
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher as WhooshSearcher

from archive.names import fold
from archive.paging import page_count
from index.analysis import FORM_SEPARATOR, NAME_WORD
from index.deadline import NO_LIMIT, Deadline, OutOfTime
from index.entries import NO_OUTLET
from index.errors import InvalidFilter, InvalidPage, SearchQueryError
from index.matching import DocumentTable, MatchCount, MatchList, collect
from index.postings import doc_ids
from index.query import ParsedQuery, expand_words, parse_query
from index.ranking import NO_DOCS, Scored, ranked
from index.readers import Readers, View
from index.results import (
    SORTS,
    ClaimHit,
    FacetCount,
    Hit,
    OutletLabel,
    SearchRequest,
    SearchResult,
)
from index.schema import FACET_FIELDS, build_schema
from index.snippets import Highlighter, Matcher, plain_snippet
from index.spelling import did_you_mean
from ingest import country_code

MAX_PER_PAGE = 100
MAX_EXPANSIONS = 1000
TIME_LIMIT = 1.0  # seconds a search may take before it returns what it has
ADVICE = "try fewer words, or a narrower query"
CUT_SHORT = (
    "some hits are shown without highlights, and other spellings or a "
    "suggestion may be missing"
)
LABELLED = ("outlet", "source", "country")


class Searcher:
    """Searches the index at ``path``; ``IndexUnavailable`` says if it cannot.

    Safe to share between threads: each search borrows its own Whoosh searcher
    (``index.readers``). A search that runs past ``time_limit`` seconds returns
    what it has, marked partial, with a notice saying so.
    """

    def __init__(self, path: Path, time_limit: float | None = TIME_LIMIT) -> None:
        self.path = Path(path)
        self.schema = build_schema()
        self.highlighter = Highlighter()
        self.readers = Readers(self.path)
        self.time_limit = time_limit
        self._documents: tuple[object, DocumentTable] | None = None
        self._documents_lock = threading.Lock()

    def search(self, request: SearchRequest) -> SearchResult:
        _check(request)
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
        _check(replace(request, page=1, per_page=1))
        asked = self._asked(request)
        with self.readers.view() as view:
            searcher = view.searcher
            q, allowed = _expanded(asked, searcher)
            everything = replace(request, page=1, per_page=max(searcher.doc_count(), 1))
            matched, order = ranked(searcher, q, allowed, everything)
            docnums = (scored.docnum for scored in order)
            return collect(searcher, docnums, len(matched), max_passages, max_documents)

    def count(self, request: SearchRequest) -> MatchCount:
        """How many passages and documents ``request`` matches (for a list of
        searches, where only the numbers are wanted)."""
        _check(replace(request, page=1, per_page=1))
        asked = self._asked(request)
        with self.readers.view() as view:
            q, allowed = _expanded(asked, view.searcher)
            first = replace(request, page=1, per_page=1)
            matched, _ = ranked(view.searcher, q, allowed, first)
            return MatchCount(len(matched), self._document_table(view).count(matched))

    def _asked(self, request: SearchRequest) -> _Asked:
        parsed = parse_query(request.query, self.schema, request.exact)
        narrow = _facet_filter(request.filters)
        q = parsed.query
        if q == wq.NullQuery:
            if narrow is None:
                raise SearchQueryError("the query is empty: type words to search for")
            q = wq.Every()
        return _Asked(q, narrow, parsed)

    def _document_table(self, view: View) -> DocumentTable:
        """The document of each passage of ``view``'s generation, read once."""
        with self._documents_lock:
            if self._documents is None or self._documents[0] != view.key:
                self._documents = (view.key, DocumentTable(view.searcher.reader()))
            return self._documents[1]

    def warm(self) -> None:
        """Open a searcher and read what a first search would: readers, facets."""
        self.search(SearchRequest("archive"))

    def close(self) -> None:
        self.readers.close()

    def _search(
        self, view: View, request: SearchRequest, asked: _Asked, deadline: Deadline
    ) -> SearchResult:
        searcher = view.searcher
        notices = list(asked.parsed.notices)
        stopped = False
        try:
            q, allowed = _expanded(asked, searcher)
            matched, page = ranked(searcher, q, allowed, request, deadline)
        except OutOfTime as stop:
            matched, page, stopped = NO_DOCS, [], True
            notices.append(
                f"{stop} and was stopped before it found its matches: {ADVICE}"
            )
        total = len(matched)
        exact = _exact_words(request.query)
        matcher = Matcher.from_terms(_terms(q, searcher), exact)
        hits = self._hits(searcher, page, matcher, deadline)
        if total and not hits:
            last = page_count(total, request.per_page)
            notices.append(f"page {request.page} is past the last page ({last})")
        also, suggestion = (), None
        try:
            if total:
                also = _variants(searcher, matcher, exact, matched, deadline)
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
            hits=hits,
            facets={
                name: _counts(name, counts)
                for name, counts in view.facets().counts(matched).items()
            },
            also_matched=also,
            did_you_mean=suggestion,
            notices=tuple(notices),
            partial=partial,
        )

    def _hits(
        self, searcher: WhooshSearcher, page: list, matcher: Matcher, deadline: Deadline
    ) -> tuple[Hit, ...]:
        """The page's hits; past the deadline, their openings stand as snippets."""
        return tuple(
            self._hit(searcher, hit, None if deadline.passed() else matcher)
            for hit in page
        )

    def _hit(
        self, searcher: WhooshSearcher, hit: Scored, matcher: Matcher | None
    ) -> Hit:
        stored = searcher.stored_fields(hit.docnum)
        if matcher is None:
            snippet, variants = plain_snippet(stored["text"]), ()
        else:
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


@dataclass(frozen=True, slots=True)
class _Asked:
    """The parsed query, its facet filter, and the parser's notices."""

    query: wq.Query
    narrow: wq.Query | None
    parsed: ParsedQuery


def _expanded(asked: _Asked, searcher: WhooshSearcher) -> tuple[wq.Query, set | None]:
    """The query with its words expanded, and the passages its filter allows (None:
    all), both read from ``searcher``."""
    q = expand_words(asked.query, searcher.reader(), MAX_EXPANSIONS)
    narrow = asked.narrow
    allowed = None if narrow is None else set(searcher.docs_for_query(narrow))
    return q, allowed


def _check(request: SearchRequest) -> None:
    if request.page < 1:
        raise InvalidPage("page", request.page, 1, 10**9)
    if not 1 <= request.per_page <= MAX_PER_PAGE:
        raise InvalidPage("results per page", request.per_page, 1, MAX_PER_PAGE)
    if request.sort not in SORTS:
        raise SearchQueryError(
            f"unknown sort {request.sort!r}; sorts: {', '.join(SORTS)}"
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


def _facet_filter(filters: tuple[tuple[str, str], ...]) -> wq.Query | None:
    parts: list[wq.Query] = []
    for facet, key in filters:
        key = key.strip() if facet == "month" else key.strip().lower()
        if facet == "country":  # a code or a name: SY, sy, Syria
            key = (country_code(key) or key).lower()
        field = FACET_FIELDS.get(facet)
        if field is None:
            raise InvalidFilter(facet, list(FACET_FIELDS))
        if facet in LABELLED:
            parts.append(wq.Prefix(field, f"{key}{FORM_SEPARATOR}"))
        else:
            parts.append(wq.Term(field, key))
    return wq.And(parts) if parts else None


def _counts(name: str, groups: dict) -> tuple[FacetCount, ...]:
    counts = []
    for key, count in groups.items():
        key = _text(key) if key else ""
        if key in ("", NO_OUTLET):
            continue
        label = key
        if name in LABELLED:
            key, _, label = key.partition(FORM_SEPARATOR)
            key = key.upper() if name == "country" else key
        elif name == "month":
            year, month = key.split("-")
            label = f"{calendar.month_name[int(month)]} {year}"
        counts.append(FacetCount(key, label, int(count)))
    if name == "month":
        return tuple(sorted(counts, key=lambda c: c.key, reverse=True))
    return tuple(sorted(counts, key=lambda c: (-c.count, c.label.lower())))


def _exact_words(text: str) -> set[str]:
    return {fold(word) for word in NAME_WORD.findall(text)}


def _variants(
    searcher: WhooshSearcher,
    matcher: Matcher,
    exact: set[str],
    docs: np.ndarray,
    deadline: Deadline = NO_LIMIT,
) -> tuple[str, ...]:
    """Spellings of the searched names, other than the ones typed, among the hits."""
    if not matcher.keys:
        return ()
    reader = searcher.reader()
    found: dict[str, None] = {}
    for key in sorted(matcher.keys):
        if deadline.passed():
            break
        for term in reader.expand_prefix("forms", f"{key}{FORM_SEPARATOR}"):
            term = _text(term)
            spelling = term.split(FORM_SEPARATOR, 1)[1]
            if fold(spelling) in exact or spelling in found:
                continue
            if np.isin(doc_ids(reader, "forms", term), docs, assume_unique=True).any():
                found[spelling] = None
    return tuple(found)
