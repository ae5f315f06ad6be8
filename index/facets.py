"""Facet counts for a set of matching passages, read from tables held in memory.

Whoosh counts facets with a collector that visits every match and, for a
multi-valued field, reads the match's values one by one: at 100,000 passages
that was most of a search's time. Here each facet's values are read once per
opened index (one pass over each facet field's postings) into numpy arrays, and
a search's counts are a ``bincount`` over its matches: about 1 ms for 10,000
matches, where a Python loop over the same matches took ~25 ms.

A single-valued facet (kind, source, month) is an array holding each passage's
value code (0: none). The outlet and country facets are multi-valued: two
parallel arrays list every (passage, value code) pair, and a search counts the
pairs whose passage matched.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
from whoosh.reading import IndexReader

from index.entries import NO_OUTLET
from index.postings import doc_ids
from index.schema import FACET_FIELDS

MULTI_VALUED = frozenset({"outlet", "country"})
PER_PASSAGE = frozenset({"outlet"})  # the others are their document's
TABLE_CELLS = 8_000_000  # documents x values, for counting documents by value
LEFT_OUT = frozenset({NO_OUTLET})


class FacetTable:
    """Each passage's value (or values) of every facet, by document number."""

    def __init__(self, reader: IndexReader) -> None:
        self.size = reader.doc_count_all()
        self.values: dict[str, list[str]] = {}
        self.codes: dict[str, np.ndarray] = {}
        self.pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for name, field in FACET_FIELDS.items():
            values = [""]  # code 0: no value
            docs: list[np.ndarray] = []
            for term in _terms(reader, field):
                if term in LEFT_OUT:
                    continue
                values.append(term)
                docs.append(doc_ids(reader, field, term))
            self.values[name] = values
            if name in MULTI_VALUED:
                self.pairs[name] = _pairs(docs)
            else:
                self.codes[name] = _codes(docs, self.size)

    def counts(
        self, docs: Collection[int], owners: np.ndarray | None = None
    ) -> dict[str, dict[str, int]]:
        """How many of ``docs`` have each value of each facet (none left out).

        With ``owners`` (each passage's document, by document number), how many
        documents have a passage among ``docs`` with the value. A document's
        facets but the cited outlets are the same in all its passages: those
        are counted over one matching passage a document.
        """
        matched = (
            docs
            if isinstance(docs, np.ndarray)
            else np.fromiter(docs, dtype=np.int64, count=len(docs))
        )
        one_each, rank, documents = matched, None, 0
        if owners is not None and len(matched):
            _, first, inverse = np.unique(
                owners[matched], return_index=True, return_inverse=True
            )
            one_each, documents = matched[first], len(first)
            rank = np.zeros(self.size, dtype=np.int64)
            rank[matched] = inverse  # each matched passage's document, 0..n-1
        counted: dict[str, dict[str, int]] = {}
        for name in FACET_FIELDS:
            size = len(self.values[name])
            counting = matched if name in PER_PASSAGE else one_each
            if name in MULTI_VALUED:
                mask = np.zeros(self.size, dtype=bool)
                mask[counting] = True
                pair_docs, pair_codes = self.pairs[name]
                kept = mask[pair_docs]
                passages, codes = pair_docs[kept], pair_codes[kept]
            else:
                passages, codes = counting, self.codes[name][counting]
            if rank is not None and name in PER_PASSAGE:
                tally = _per_document(rank[passages], codes, documents, size)
            else:
                tally = np.bincount(codes, minlength=size)
            values = self.values[name]
            counted[name] = {
                values[code]: int(tally[code]) for code in np.flatnonzero(tally) if code
            }
        return counted

    def values_of(self, name: str, docnum: int) -> list[str]:
        """The values of multi-valued facet ``name`` that passage ``docnum`` has."""
        pair_docs, pair_codes = self.pairs[name]
        return [self.values[name][c] for c in pair_codes[pair_docs == docnum]]


def _per_document(
    documents: np.ndarray, codes: np.ndarray, count: int, size: int
) -> np.ndarray:
    """How many documents have each code, from (document 0..count-1, code) pairs.

    A table of documents by codes marks each pair once (one step per pair);
    when it would be large, the pairs are made distinct by sorting instead.
    """
    if count * size <= TABLE_CELLS:
        table = np.zeros(count * size, dtype=bool)
        table[documents * size + codes] = True
        return table.reshape(count, size).sum(axis=0)
    pairs = np.unique(documents * size + codes)
    return np.bincount(pairs % size, minlength=size)


def _terms(reader: IndexReader, field: str) -> list[str]:
    if field not in reader.indexed_field_names():
        return []
    return [
        term.decode("utf-8") if isinstance(term, bytes) else term
        for term in reader.lexicon(field)
    ]


def _codes(docs: list[np.ndarray], size: int) -> np.ndarray:
    """Value code per passage: code n for the passages of the nth value's postings."""
    codes = np.zeros(size, dtype=np.int32)
    for code, numbers in enumerate(docs, 1):
        codes[numbers] = code
    return codes


def _pairs(docs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(passage, value code) for every posting of every value."""
    if not docs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
    codes = [
        np.full(len(numbers), code, dtype=np.int32)
        for code, numbers in enumerate(docs, 1)
    ]
    return np.concatenate(docs), np.concatenate(codes)
