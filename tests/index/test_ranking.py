"""One pass for phrase queries finds what Whoosh's two passes find."""

from __future__ import annotations

import pytest

from index.query import parse_query
from index.ranking import _positional, ranked
from index.results import SearchRequest
from index.schema import build_schema


@pytest.mark.parametrize(
    "query",
    ['"US forces"', '"Syrian Democratic Forces" OR Qasrak', 'forces "Deir ez-Zor"'],
)
def test_a_phrase_query_ranks_and_counts_as_whoosh_does(indexed_samples, query):
    searcher = indexed_samples.searcher._current()
    q = parse_query(query, build_schema(), False).query
    assert _positional(q)
    matched, page = ranked(searcher, q, None, SearchRequest(query, per_page=5))
    assert matched == set(searcher.docs_for_query(q))
    best = searcher.search(q, limit=5)
    assert [h.docnum for h in page] == [h.docnum for h in best]
    assert [round(h.score, 6) for h in page] == [round(h.score, 6) for h in best]


def test_a_filter_narrows_the_single_pass_too(indexed_samples):
    searcher = indexed_samples.searcher._current()
    q = parse_query('"US forces"', build_schema(), False).query
    everything = set(searcher.docs_for_query(q))
    allowed = set(list(everything)[:1]) | {10**6}
    matched, page = ranked(searcher, q, allowed, SearchRequest('"US forces"'))
    assert matched == everything & allowed
    assert [h.docnum for h in page] == sorted(matched)


def test_words_alone_take_the_two_pass_road(indexed_samples):
    q = parse_query("forces Qasrak", build_schema(), False).query
    assert not _positional(q)
