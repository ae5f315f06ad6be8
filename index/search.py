"""Searching the index: ranked hits with snippets, facet counts, variants, hints.

One ``Searcher`` serves many searches: it keeps a Whoosh searcher open, checks
before each search whether the index has had a commit since (a cheap look at the
folder), and opens a new searcher only then. Every search counts its matches by
cited outlet, document kind, publisher or agency, and month. A ``Searcher`` is
not safe to share between threads; give each thread (or request) its own, or
guard it with a lock.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from pathlib import Path

import numpy as np
from whoosh import query as wq
from whoosh.index import FileIndex
from whoosh.searching import Searcher as WhooshSearcher

from archive.names import fold
from archive.paging import page_count
from index.analysis import FORM_SEPARATOR, NAME_WORD
from index.directory import VERSION_FILE, open_index
from index.entries import NO_OUTLET
from index.errors import InvalidFilter, InvalidPage, SearchQueryError
from index.facets import FacetTable
from index.matching import DocumentTable, MatchCount, MatchList, collect
from index.postings import doc_ids
from index.query import expand_words, parse_query
from index.ranking import Scored, ranked
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
from index.snippets import Highlighter, Matcher
from index.spelling import respelled
from ingest import country_code

MAX_PER_PAGE = 100
MAX_EXPANSIONS = 1000
LABELLED = ("outlet", "source", "country")


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
        parsed, narrow, q, allowed, searcher = self._prepared(request)
        terms = _terms(q, searcher)
        matched, page = ranked(searcher, q, allowed, request)
        total = len(matched)
        exact = _exact_words(request.query)
        matcher = Matcher.from_terms(terms, exact)
        hits = tuple(self._hit(searcher, hit, matcher) for hit in page)
        notices = list(parsed.notices)
        if total and not hits:
            last = page_count(total, request.per_page)
            notices.append(f"page {request.page} is past the last page ({last})")
        return SearchResult(
            request=request,
            total=total,
            hits=hits,
            facets={
                name: _counts(name, counts)
                for name, counts in self._facet_table().counts(matched).items()
            },
            also_matched=_variants(searcher, matcher, exact, matched) if total else (),
            did_you_mean=None if total else self._did_you_mean(request, narrow),
            notices=tuple(notices),
        )

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
        *_, q, allowed, searcher = self._prepared(request)
        everything = replace(request, page=1, per_page=max(searcher.doc_count(), 1))
        matched, order = ranked(searcher, q, allowed, everything)
        docnums = (scored.docnum for scored in order)
        return collect(searcher, docnums, len(matched), max_passages, max_documents)

    def count(self, request: SearchRequest) -> MatchCount:
        """How many passages and documents ``request`` matches (for a list of
        searches, where only the numbers are wanted)."""
        _check(replace(request, page=1, per_page=1))
        *_, q, allowed, searcher = self._prepared(request)
        matched, _ = ranked(searcher, q, allowed, replace(request, page=1, per_page=1))
        reader = searcher.reader()
        if self._documents is None or self._documents.reader is not reader:
            self._documents = DocumentTable(reader)
        return MatchCount(len(matched), self._documents.count(matched))

    def _prepared(self, request: SearchRequest):
        """The parsed query, the facet filter, the query to run (its words
        expanded), the passages the filter allows (None: all), and the searcher
        all of them were read from."""
        parsed = parse_query(request.query, self.schema, request.exact)
        narrow = _facet_filter(request.filters)
        q = parsed.query
        if q == wq.NullQuery:
            if narrow is None:
                raise SearchQueryError("the query is empty: type words to search for")
            q = wq.Every()
        searcher = self._current()
        q = expand_words(q, searcher.reader(), MAX_EXPANSIONS)
        allowed = None if narrow is None else set(searcher.docs_for_query(narrow))
        return parsed, narrow, q, allowed, searcher

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
        return fresh

    def _facet_table(self) -> FacetTable:
        """The facet values of the open searcher's passages, read once per opening."""
        if self._facets is None:
            self._facets = FacetTable(self._current().reader())
        return self._facets

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
    searcher: WhooshSearcher, matcher: Matcher, exact: set[str], docs: np.ndarray
) -> tuple[str, ...]:
    """Spellings of the searched names, other than the ones typed, among the hits."""
    if not matcher.keys:
        return ()
    reader = searcher.reader()
    found: dict[str, None] = {}
    for key in sorted(matcher.keys):
        for term in reader.expand_prefix("forms", f"{key}{FORM_SEPARATOR}"):
            term = _text(term)
            spelling = term.split(FORM_SEPARATOR, 1)[1]
            if fold(spelling) in exact or spelling in found:
                continue
            if np.isin(doc_ids(reader, "forms", term), docs, assume_unique=True).any():
                found[spelling] = None
    return tuple(found)
