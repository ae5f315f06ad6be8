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
from dataclasses import replace

import numpy as np
from whoosh.reading import IndexReader

from index.entries import NO_OUTLET
from index.filters import labelled
from index.match_arrays import ranges_at
from index.postings import doc_ids
from index.results import FacetCount
from index.schema import FACET_FIELDS

MULTI_VALUED = frozenset({"outlet", "country"})
PER_PASSAGE = frozenset({"outlet"})  # the others are their document's
TABLE_CELLS = 8_000_000  # documents x values, for counting documents by value
LEFT_OUT = frozenset({NO_OUTLET})
MADE_KEPT = 50_000  # facet values with their counts, kept for other searches


class FacetTable:
    """Each passage's value (or values) of every facet, by document number."""

    def __init__(self, reader: IndexReader) -> None:
        self.size = reader.doc_count_all()
        self.values: dict[str, list[str]] = {}
        self.codes: dict[str, np.ndarray] = {}
        self.pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.starts: dict[str, np.ndarray] = {}  # a passage's first pair, by number
        self._shown: dict[str, Shown] = {}
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
                self.pairs[name] = pair_docs, _ = _pairs(docs)
                self.starts[name] = _starts(pair_docs, self.size)
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
        counted: dict[str, dict[str, int]] = {}
        for name, tally in self.tallies(docs, owners).items():
            values = self.values[name]
            counted[name] = {
                values[code]: int(tally[code]) for code in np.flatnonzero(tally) if code
            }
        return counted

    def shown(
        self, docs: Collection[int], owners: np.ndarray | None = None
    ) -> dict[str, tuple[FacetCount, ...]]:
        """``counts`` as ``FacetCount``s in the order to show them (``filters``)."""
        found = {}
        for name, tally in self.tallies(docs, owners).items():
            shown = self._shown.get(name)
            if shown is None:  # once a generation; two threads may both make it
                shown = self._shown[name] = Shown(name, self.values[name])
            found[name] = shown.counts(tally)
        return found

    def tallies(
        self, docs: Collection[int], owners: np.ndarray | None = None
    ) -> dict[str, np.ndarray]:
        """Per facet, the count of each value code (as ``counts`` counts)."""
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
        tallies: dict[str, np.ndarray] = {}
        for name in FACET_FIELDS:
            size = len(self.values[name])
            counting = matched if name in PER_PASSAGE else one_each
            if name in MULTI_VALUED:
                passages, codes = self._pairs_of(name, counting)
            else:
                passages, codes = counting, self.codes[name][counting]
            if rank is not None and name in PER_PASSAGE:
                tallies[name] = _per_document(rank[passages], codes, documents, size)
            else:
                tallies[name] = np.bincount(codes, minlength=size)
        return tallies

    def values_of(self, name: str, docnum: int) -> list[str]:
        """The values of multi-valued facet ``name`` that passage ``docnum`` has."""
        _, pair_codes = self.pairs[name]
        starts = self.starts[name]
        codes = pair_codes[starts[docnum] : starts[docnum + 1]]
        return [self.values[name][c] for c in codes]

    def _pairs_of(
        self, name: str, passages: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The (passage, value code) pairs of ``passages``: those of each passage
        lie together from its start, so only theirs are read."""
        at, lengths = ranges_at(self.starts[name], passages)
        return np.repeat(passages, lengths), self.pairs[name][1][at]


class Shown:
    """A facet's values as shown (key and label), and the order to show them in:
    months newest first, the others most counted first, then by label."""

    def __init__(self, name: str, values: list[str]) -> None:
        self.month = name == "month"
        self.facet = [labelled(name, value) if value else None for value in values]
        self.shown = np.array([c is not None for c in self.facet], dtype=bool)
        self.made: dict[tuple[int, int], FacetCount] = {}
        if self.month:
            by = {key: n for n, key in enumerate(sorted({c.key for c in self._all()}))}
            self.rank = np.array([-by[c.key] if c else 0 for c in self.facet])
        else:
            lowers = sorted({c.label.lower() for c in self._all()})
            by = {label: n for n, label in enumerate(lowers)}
            self.rank = np.array([by[c.label.lower()] if c else 0 for c in self.facet])

    def _all(self):
        return (c for c in self.facet if c is not None)

    def counts(self, tally: np.ndarray) -> tuple[FacetCount, ...]:
        """The values ``tally`` counts, in order (each ``FacetCount`` made once
        for all searches: most values are counted the same again and again)."""
        codes = np.flatnonzero(tally)
        codes = codes[self.shown[codes]]
        if self.month:
            order = np.lexsort((codes, self.rank[codes]))
        else:
            order = np.lexsort((codes, self.rank[codes], -tally[codes]))
        codes = codes[order]
        made, facet = self.made, self.facet
        if len(made) > MADE_KEPT:
            made.clear()
        found = []
        for code, count in zip(codes.tolist(), tally[codes].tolist(), strict=True):
            value = made.get((code, count))
            if value is None:
                value = made[code, count] = replace(facet[code], count=count)
            found.append(value)
        return tuple(found)


def _per_document(
    documents: np.ndarray, codes: np.ndarray, count: int, size: int
) -> np.ndarray:
    """How many documents have each code, from (document 0..count-1, code) pairs.

    Each pair writes its number into a table of documents by codes; the pairs
    that find their own number there are one per distinct (document, code).
    Only the cells written are touched. When the table would be large, the
    pairs are made distinct by sorting instead.
    """
    if count * size > TABLE_CELLS:
        pairs = np.unique(documents * size + codes)
        return np.bincount(pairs % size, minlength=size)
    cells = documents * size + codes
    numbers = np.arange(len(cells), dtype=np.int32)  # fewer pages touched
    table = np.empty(count * size, dtype=np.int32)
    table[cells] = numbers
    return np.bincount(codes[table[cells] == numbers], minlength=size)


def _terms(reader: IndexReader, field: str) -> list[str]:
    if field not in reader.indexed_field_names():
        return []
    return [
        term.decode("utf-8") if isinstance(term, bytes) else term
        for term in reader.lexicon(field)
    ]


def _starts(pair_docs: np.ndarray, size: int) -> np.ndarray:
    """Where each passage's pairs begin (and, at ``size``, where they all end)."""
    return np.concatenate(([0], np.cumsum(np.bincount(pair_docs, minlength=size))))


def _codes(docs: list[np.ndarray], size: int) -> np.ndarray:
    """Value code per passage: code n for the passages of the nth value's postings."""
    codes = np.zeros(size, dtype=np.int32)
    for code, numbers in enumerate(docs, 1):
        codes[numbers] = code
    return codes


def _pairs(docs: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(passage, value code) for every posting of every value, by passage."""
    if not docs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
    codes = [
        np.full(len(numbers), code, dtype=np.int32)
        for code, numbers in enumerate(docs, 1)
    ]
    pair_docs, pair_codes = np.concatenate(docs), np.concatenate(codes)
    order = np.argsort(pair_docs, kind="stable")  # by passage, codes ascending
    return pair_docs[order], pair_codes[order]
