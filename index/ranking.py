"""Every passage a query matches, and the page of them to show, in few passes.

Facet counts and the total need every match; the page needs the best few. For a
query of words, Whoosh finds the best few while skipping blocks of postings that
cannot rank, and listing every match (without scores) is cheap: two passes. A
query with a phrase must read positions for every candidate passage; there one
pass scores every match and notes each one on the way.
"""

from __future__ import annotations

from whoosh import collectors, sorting
from whoosh import query as wq
from whoosh.searching import Searcher as WhooshSearcher

from index.results import SearchRequest

POSITIONAL = (wq.Phrase, wq.Ordered, wq.Sequence)


class _NotingTop(collectors.TopCollector):
    """The best ``limit`` matches by score, noting every match it scores.

    Block skipping and matcher replacement are off, so every match is scored.
    """

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False, replace=0)
        self.seen: set[int] = set()

    def _collect(self, global_docnum, score):
        self.seen.add(global_docnum)
        return super()._collect(global_docnum, score)


def ranked(
    searcher: WhooshSearcher,
    q: wq.Query,
    allowed: set[int] | None,
    request: SearchRequest,
) -> tuple[set[int], list]:
    """Every passage ``q`` matches (within ``allowed``), and the requested page."""
    if allowed is not None and not allowed:
        return set(), []  # Whoosh would take an empty filter for no filter
    limit = request.page * request.per_page
    start = limit - request.per_page
    if request.sort == "relevance" and _positional(q):
        noting = _NotingTop(limit)
        found = collectors.FilterCollector(noting, allow=allowed)
        searcher.search_with_collector(q, found)
        return noting.seen, found.results()[start:limit]
    matched = _matching(searcher, q, allowed)
    if not matched:
        return matched, []
    results = searcher.search(
        q, limit=limit, filter=allowed, sortedby=_sorting(request.sort)
    )
    return matched, results[start:limit]


def _positional(q: wq.Query) -> bool:
    """Whether matching ``q`` reads term positions (a phrase somewhere in it)."""
    return isinstance(q, POSITIONAL) or any(map(_positional, q.children()))


def _matching(
    searcher: WhooshSearcher, q: wq.Query, allowed: set[int] | None
) -> set[int]:
    if isinstance(q, wq.Every) and allowed is not None:
        return allowed
    matched = set(searcher.docs_for_query(q))
    return matched if allowed is None else matched & allowed


def _sorting(sort: str):
    if sort == "relevance":
        return None
    return sorting.FieldFacet(sort, reverse=(sort == "newest"))
