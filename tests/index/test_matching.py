"""Every match of a search at once (for exports) and the counts of a list of
searches: the same passages, in the same order, as the search's own pages."""

from __future__ import annotations

import pytest

from archive.models import Passage
from index import SearchQueryError, SearchRequest
from tests.index.conftest import documents_of


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
def test_matches_are_the_search_hits_in_order(indexed_samples, sort) -> None:
    found = indexed_samples.searcher.matches(SearchRequest("coalition", sort=sort))
    paged = indexed_samples.matched_ids("coalition", sort=sort)
    assert [m.passage_id for m in found.matches] == paged
    assert found.total == len(paged) and not found.truncated
    assert set(found.documents) == documents_of(indexed_samples, paged)


def test_matches_carry_each_passage_whole(indexed_samples) -> None:
    (euaa,) = [
        m
        for m in indexed_samples.searcher.matches(SearchRequest("Qasrak")).matches
        if m.kind == "report"
    ]
    with indexed_samples.sessions() as session:
        assert euaa.text == session.get(Passage, euaa.passage_id).text
    assert [o.slug for o in euaa.outlets] == ["sohr"]
    assert euaa.anchor.startswith("p-") and euaa.date == "2025-03"


def test_matches_stop_at_a_bound_of_passages_or_documents(indexed_samples) -> None:
    searcher = indexed_samples.searcher
    every = searcher.matches(SearchRequest("Qasrak"))
    rows = searcher.matches(SearchRequest("Qasrak"), max_passages=4)
    assert rows.matches == every.matches[:4] and rows.truncated
    two = searcher.matches(SearchRequest("Qasrak"), max_documents=2)
    assert two.documents == every.documents[:2] and two.truncated
    # every passage of the two documents met before the third document
    first_third = next(
        i for i, m in enumerate(every.matches) if m.document_id == every.documents[2]
    )
    assert two.matches == every.matches[:first_third]
    exact = searcher.matches(SearchRequest("Qasrak"), max_documents=3)
    assert exact.matches == every.matches and not exact.truncated


def test_count_gives_passages_and_documents_under_filters(indexed_samples) -> None:
    count = indexed_samples.searcher.count
    every = count(SearchRequest("Qasrak"))
    assert (every.passages, every.documents) == (6, 3)
    wire = count(SearchRequest("Qasrak", filters=(("kind", "wire"),)))
    assert (wire.passages, wire.documents) == (5, 2)
    assert count(SearchRequest("zzzz")).passages == 0
    with pytest.raises(SearchQueryError, match="has no month 13"):
        count(SearchRequest("date:2025-13"))
