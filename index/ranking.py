"""Every passage a query matches, and the page of them to show, in one pass.

Facet counts and the total need every match; the page needs the best few.
Whoosh can skip blocks of postings that cannot make the best few, but on
passages of similar length BM25's block bounds are loose and it skipped almost
nothing (a search ranking 4,000 matches scored all 4,000), so listing the
matches apart cost a second pass over them. Ranked by relevance, one pass now
scores every match and notes each one on the way. Sorted by date, or with no
words to rank (only filters), the matches are listed first and then ordered.
"""

from __future__ import annotations

from whoosh import collectors, sorting
from whoosh import query as wq
from whoosh.searching import Searcher as WhooshSearcher

from index.results import SearchRequest


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
    if request.sort == "relevance" and not isinstance(q, wq.Every):
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
