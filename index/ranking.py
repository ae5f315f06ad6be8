"""Every passage a query matches, and the page of them to show.

Facet counts and the total need every match; the page needs the best few.
Ranked by relevance, every match is scored at once over arrays
(``index.scoring``) and the page is the best scores, ties going to the earlier
passage as in Whoosh. Sorted by date, or with no words to rank (only filters),
the matches are listed first and Whoosh orders them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from whoosh import query as wq
from whoosh import sorting
from whoosh.searching import Searcher as WhooshSearcher

from index.deadline import NO_LIMIT, Deadline
from index.results import SearchRequest
from index.scoring import Matches, every_match
from index.term_cache import TermCache

NO_DOCS = np.zeros(0, dtype=np.int64)


class Scored(NamedTuple):
    """One passage of the page: its document number in the index and its score."""

    docnum: int
    score: float


def ranked(
    searcher: WhooshSearcher,
    q: wq.Query,
    allowed: set[int] | None,
    request: SearchRequest,
    deadline: Deadline = NO_LIMIT,
    terms: TermCache | None = None,
) -> tuple[np.ndarray, list[Scored]]:
    """Every passage ``q`` matches (within ``allowed``), ascending, and the page.

    ``OutOfTime`` if ``deadline`` passes while the matches are worked out.
    """
    if allowed is not None and not allowed:
        return NO_DOCS, []  # Whoosh would take an empty filter for no filter
    limit = request.page * request.per_page
    start = limit - request.per_page
    if request.sort == "relevance" and not isinstance(q, wq.Every):
        found = every_match(searcher, q, deadline, terms)
        if allowed is not None:
            keep = np.isin(found.ids, _array(allowed), assume_unique=True)
            found = Matches(found.ids[keep], found.scores[keep])
        best = _best(found, limit)[start:]
        page = [Scored(int(found.ids[i]), float(found.scores[i])) for i in best]
        return found.ids, page
    matched = _matching(searcher, q, allowed)
    if not len(matched):
        return matched, []
    deadline.check()
    results = searcher.search(
        q, limit=limit, filter=allowed, sortedby=_sorting(request.sort)
    )
    return matched, [Scored(hit.docnum, hit.score) for hit in results[start:limit]]


def scored(
    searcher: WhooshSearcher,
    q: wq.Query,
    allowed: set[int] | None,
    deadline: Deadline = NO_LIMIT,
    terms: TermCache | None = None,
) -> Matches:
    """Every passage ``q`` matches (within ``allowed``) and its score (0 when
    there are no words to score: only filters)."""
    if allowed is not None and not allowed:
        return Matches(NO_DOCS, np.zeros(0))
    if isinstance(q, wq.Every):
        matched = _matching(searcher, q, allowed)
        return Matches(matched, np.zeros(len(matched)))
    found = every_match(searcher, q, deadline, terms)
    if allowed is None:
        return found
    keep = np.isin(found.ids, _array(allowed), assume_unique=True)
    return Matches(found.ids[keep], found.scores[keep])


def _best(found: Matches, limit: int) -> np.ndarray:
    """Positions of the ``limit`` best scores, best first, ties by document."""
    scores = found.scores
    if len(scores) > limit:
        threshold = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        candidates = np.flatnonzero(scores >= threshold)
    else:
        candidates = np.arange(len(scores))
    order = np.lexsort((found.ids[candidates], -scores[candidates]))
    return candidates[order][:limit]


def _matching(
    searcher: WhooshSearcher, q: wq.Query, allowed: set[int] | None
) -> np.ndarray:
    if isinstance(q, wq.Every) and allowed is not None:
        return _array(allowed)
    matched = _array(searcher.docs_for_query(q))
    return matched if allowed is None else np.intersect1d(matched, _array(allowed))


def _array(docs) -> np.ndarray:
    return np.unique(np.fromiter(docs, dtype=np.int64))


def _sorting(sort: str):
    if sort == "relevance":
        return None
    return sorting.FieldFacet(sort, reverse=(sort in ("newest", "archived")))
