"""Hits grouped by document: each document once, ranked by its best passage,
with its best passages and how many more match; facets count documents."""

from __future__ import annotations

from sqlalchemy import select

from archive.models import Document
from index import SearchRequest
from tests.index.conftest import documents_of


def _grouped(archive, query: str, **options):
    return archive.searcher.search(SearchRequest(query, group="documents", **options))


def test_qasrak_gives_three_documents_of_six_passages(indexed_samples) -> None:
    """GIVEN the sample corpus, where the Reuters story holds 3 of the 6 passages
    naming Qasrak WHEN the search is grouped by document THEN each document
    appears once, and its passages add up to the passage count."""
    passages = indexed_samples.search("Qasrak", per_page=100)
    result = _grouped(indexed_samples, "Qasrak", per_page=100)
    ids = [d.document_id for d in result.documents]
    assert result.total == passages.total == 6
    assert result.documents_total == len(ids) == len(set(ids)) == 3
    assert set(ids) == documents_of(
        indexed_samples, [h.passage_id for h in passages.hits]
    )
    assert sum(len(d.passages) + d.more for d in result.documents) == 6
    assert result.hits == ()


def test_documents_rank_by_their_best_passage(indexed_samples) -> None:
    passages = indexed_samples.search("Qasrak", per_page=100)
    first_seen: list[int] = []
    for hit in passages.hits:
        if hit.document_id not in first_seen:
            first_seen.append(hit.document_id)
    result = _grouped(indexed_samples, "Qasrak")
    assert [d.document_id for d in result.documents] == first_seen
    for document in result.documents:
        scores = [p.score for p in document.passages]
        assert scores == sorted(scores, reverse=True)
        assert document.score == scores[0]


def test_at_most_three_passages_shown_and_the_rest_counted(indexed_samples) -> None:
    passages = indexed_samples.search("forces", per_page=100)
    per_document: dict[int, int] = {}
    for hit in passages.hits:
        per_document[hit.document_id] = per_document.get(hit.document_id, 0) + 1
    result = _grouped(indexed_samples, "forces", per_page=100)
    assert max(per_document.values()) > 3, "the test needs a document with 4+"
    for document in result.documents:
        matched = per_document[document.document_id]
        assert len(document.passages) == min(matched, 3)
        assert document.more == matched - len(document.passages)


def test_facets_count_documents_when_grouped(indexed_samples) -> None:
    passages = indexed_samples.search("Qasrak")
    grouped = _grouped(indexed_samples, "Qasrak")
    kinds = {c.key: c.count for c in grouped.facets["kind"]}
    assert sum(kinds.values()) == 3
    assert sum(c.count for c in passages.facets["kind"]) == 6


def test_pages_go_by_documents(indexed_samples) -> None:
    every = _grouped(indexed_samples, "forces", per_page=100)
    assert every.documents_total > 2
    first = _grouped(indexed_samples, "forces", per_page=2)
    second = _grouped(indexed_samples, "forces", per_page=2, page=2)
    assert first.pages == -(-every.documents_total // 2)
    shown = [d.document_id for d in (*first.documents, *second.documents)]
    assert shown == [d.document_id for d in every.documents][:4]


def test_excluded_facet_value_leaves_out_its_passages(indexed_samples) -> None:
    every = _grouped(indexed_samples, "Qasrak")
    wire = {d.document_id for d in every.documents if d.kind == "wire"}
    assert wire and len(wire) < every.documents_total
    result = _grouped(indexed_samples, "Qasrak", excluded=(("kind", "wire"),))
    assert {d.document_id for d in result.documents} == (
        {d.document_id for d in every.documents} - wire
    )
    assert all(c.key != "wire" for c in result.facets["kind"])


def test_minus_field_in_the_query_excludes_too(indexed_samples) -> None:
    by_filter = _grouped(indexed_samples, "Qasrak", excluded=(("kind", "wire"),))
    by_query = _grouped(indexed_samples, "Qasrak -kind:wire")
    assert [d.document_id for d in by_query.documents] == [
        d.document_id for d in by_filter.documents
    ]


def test_sort_by_date_archived_puts_the_latest_archived_first(archive) -> None:
    from tests.index.conftest import AP, EUAA, REUTERS

    archive.ingest(REUTERS)
    archive.ingest(EUAA)
    archive.ingest(AP)
    with archive.sessions() as session:
        ids = list(session.scalars(select(Document.id).order_by(Document.archived_at)))
    result = _grouped(archive, "Qasrak", sort="archived")
    shown = [d.document_id for d in result.documents]
    assert shown == sorted(shown, key=ids.index, reverse=True)
    passages = archive.search("Qasrak", sort="archived", per_page=100)
    order = [h.document_id for h in passages.hits]
    assert order == sorted(order, key=ids.index, reverse=True)


def test_documents_carry_their_countries(indexed_samples) -> None:
    result = _grouped(indexed_samples, "Qasrak")
    countries = {code for d in result.documents for code, _ in d.countries}
    assert "SY" in countries
    assert all(
        label.endswith(f"({code})")
        for d in result.documents
        for code, label in d.countries
    )


def test_document_counts_agree_with_the_passages(indexed_samples) -> None:
    """GIVEN every passage matching "forces" WHEN grouped by document
    THEN each kind and cited outlet counts the documents among those passages."""
    hits = indexed_samples.search("forces", per_page=100, group="passages").hits
    assert len(hits) < 100
    kinds: dict[str, set[int]] = {}
    outlets: dict[str, set[int]] = {}
    for hit in hits:
        kinds.setdefault(hit.kind, set()).add(hit.document_id)
        for outlet in hit.outlets:
            outlets.setdefault(outlet.slug, set()).add(hit.document_id)
    grouped = _grouped(indexed_samples, "forces")
    assert {c.key: c.count for c in grouped.facets["kind"]} == {
        kind: len(ids) for kind, ids in kinds.items()
    }
    assert {c.key: c.count for c in grouped.facets["outlet"]} == {
        slug: len(ids) for slug, ids in outlets.items()
    }
    assert outlets, "the test needs cited outlets"
