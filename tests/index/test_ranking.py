"""One ranking pass finds what Whoosh's two passes (list, then rank) find."""

from __future__ import annotations

import pytest

from index.directory import open_index
from index.query import parse_query
from index.ranking import ranked
from index.results import SearchRequest
from index.schema import build_schema


@pytest.mark.parametrize(
    "query",
    [
        '"US forces"',
        '"Syrian Democratic Forces" OR Qasrak',
        'forces "Deir ez-Zor"',
        "forces",
        "forces Qasrak",
        "outlet:SOHR",
        "milit*",
    ],
)
def test_a_query_ranks_and_counts_as_whoosh_does(indexed_samples, query):
    searcher = open_index(indexed_samples.index_dir).searcher()
    q = parse_query(query, build_schema(), False).query
    matched, page = ranked(searcher, q, None, SearchRequest(query, per_page=5))
    assert set(matched.tolist()) == set(searcher.docs_for_query(q))
    best = searcher.search(q, limit=5)
    assert [h.docnum for h in page] == [h.docnum for h in best]
    assert [round(h.score, 6) for h in page] == [round(h.score, 6) for h in best]


def test_a_filter_narrows_the_single_pass_too(indexed_samples):
    searcher = open_index(indexed_samples.index_dir).searcher()
    q = parse_query('"US forces"', build_schema(), False).query
    everything = set(searcher.docs_for_query(q))
    allowed = set(list(everything)[:1]) | {10**6}
    matched, page = ranked(searcher, q, allowed, SearchRequest('"US forces"'))
    assert set(matched.tolist()) == everything & allowed
    assert [h.docnum for h in page] == matched.tolist()


def test_dates_order_every_match(indexed_samples):
    searcher = open_index(indexed_samples.index_dir).searcher()
    q = parse_query("forces", build_schema(), False).query
    request = SearchRequest("forces", per_page=100, sort="newest")
    matched, page = ranked(searcher, q, None, request)
    assert set(matched.tolist()) == set(searcher.docs_for_query(q))
    assert {h.docnum for h in page} == set(matched.tolist())
