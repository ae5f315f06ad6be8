"""Facet counts from ``FacetTable`` agree with Whoosh's own counting collector."""

from __future__ import annotations

import pytest
from whoosh import sorting

from index.directory import open_index
from index.facets import FacetTable
from index.query import parse_query
from index.schema import FACET_FIELDS, build_schema
from tests.index.conftest import EUAA, REUTERS


def _whoosh_counts(searcher, q) -> dict[str, dict[str, int]]:
    facets = {
        name: sorting.FieldFacet(
            field, allow_overlap=(name in ("outlet", "country")), maptype=sorting.Count
        )
        for name, field in FACET_FIELDS.items()
    }
    results = searcher.search(q, limit=None, groupedby=facets)
    counted = {}
    for name in FACET_FIELDS:
        groups = results.groups(name)
        counted[name] = {
            (key.decode() if isinstance(key, bytes) else key): n
            for key, n in groups.items()
            if key and key not in ("-", b"-")
        }
    return counted


def _counts(archive, query: str):
    searcher = open_index(archive.index_dir).searcher()
    q = parse_query(query, build_schema(), False).query
    docs = set(searcher.docs_for_query(q))
    table = FacetTable(searcher.reader())
    return table.counts(docs), _whoosh_counts(searcher, q)


@pytest.mark.parametrize(
    "query", ["Qasrak", "forces", "outlet:SOHR", "kind:wire", "Syria OR Damascus"]
)
def test_counts_match_whooshs_collector(indexed_samples, query) -> None:
    ours, whoosh = _counts(indexed_samples, query)
    assert ours == whoosh
    assert any(ours.values()), "the query should find something"


def test_replaced_passages_are_not_counted(archive, tmp_path) -> None:
    """A re-ingested document leaves deleted passages in an older segment."""
    story = tmp_path / REUTERS.name
    story.write_text(REUTERS.read_text(encoding="utf-8"), encoding="utf-8")
    archive.ingest(EUAA, story)
    archive.indexer.rebuild()  # one segment, which keeps most of its passages
    before, _ = _counts(archive, "forces")
    story.write_text(
        REUTERS.read_text(encoding="utf-8").replace("Qasrak", "Qasrik"),
        encoding="utf-8",
    )
    archive.ingest(story)
    assert open_index(archive.index_dir).searcher().reader().has_deletions()
    ours, whoosh = _counts(archive, "forces")
    assert ours == whoosh
    assert ours["kind"] == before["kind"]  # the old copy's passages are gone


@pytest.mark.parametrize(("count", "size"), [(50, 7), (10_000, 1_000)])
def test_documents_are_counted_once_per_value(count, size) -> None:
    """Both ways of counting (a table when small, sorting when large) count each
    (document, value) pair once, however many passages repeat it."""
    import numpy as np

    from index.facets import TABLE_CELLS, _per_document

    rng = np.random.default_rng(3)
    documents = rng.integers(0, count, 5_000)
    codes = rng.integers(0, size, 5_000)
    documents = np.concatenate([documents, documents[:1000]])  # repeated pairs
    codes = np.concatenate([codes, codes[:1000]])
    expected = np.zeros(size, dtype=np.int64)
    for code in {(int(d), int(c)) for d, c in zip(documents, codes, strict=True)}:
        expected[code[1]] += 1
    assert (count * size <= TABLE_CELLS) == (count == 50)
    assert _per_document(documents, codes, count, size).tolist() == expected.tolist()
