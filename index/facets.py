"""Facet counts for a set of matching passages, read from tables held in memory.

Whoosh counts facets with a collector that visits every match and, for a
multi-valued field, unpickles the match's term vector: at 100,000 passages that
was most of a search's time. Here each facet's values are read once per opened
index (one pass over each facet field's postings) into a code per passage, and
counting a search's matches is a lookup per match.

Passages cite several outlets; each passage holds the id of its *combination* of
outlets (few distinct ones recur across many passages), and a search counts
combinations first, then spreads each combination's count over its outlets.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Collection

from whoosh.reading import IndexReader

from index.entries import NO_OUTLET
from index.schema import FACET_FIELDS

MULTI_VALUED = frozenset({"outlet"})


class FacetTable:
    """Each passage's value (or values) of every facet, by document number."""

    def __init__(self, reader: IndexReader) -> None:
        size = reader.doc_count_all()
        self.values: dict[str, list[str]] = {}
        self.codes: dict[str, array] = {}
        self.combinations: list[tuple[int, ...]] = []
        for name, field in FACET_FIELDS.items():
            values = [""]  # code 0: no value
            if name in MULTI_VALUED:
                codes = self._read_combinations(reader, field, size, values)
            else:
                codes = _read_codes(reader, field, size, values)
            self.values[name] = values
            self.codes[name] = codes

    def counts(self, docs: Collection[int]) -> dict[str, dict[str, int]]:
        """How many of ``docs`` have each value of each facet (none left out)."""
        counted: dict[str, dict[str, int]] = {}
        for name, codes in self.codes.items():
            values = self.values[name]
            tally = Counter(map(codes.__getitem__, docs))
            if name in MULTI_VALUED:
                tally = self._spread(tally)
            counted[name] = {values[code]: n for code, n in tally.items() if code}
        return counted

    def _read_combinations(
        self, reader: IndexReader, field: str, size: int, values: list[str]
    ) -> array:
        per_doc: list[tuple[int, ...]] = [()] * size
        for term in _terms(reader, field):
            code = 0 if term == NO_OUTLET else len(values)
            if code:
                values.append(term)
                for docnum in reader.postings(field, term).all_ids():
                    per_doc[docnum] += (code,)
        known: dict[tuple[int, ...], int] = {}
        ids = array("I", (known.setdefault(t, len(known)) for t in per_doc))
        self.combinations = list(known)
        return ids

    def _spread(self, tally: Counter) -> Counter:
        spread: Counter = Counter()
        for combination, n in tally.items():
            for code in self.combinations[combination]:
                spread[code] += n
        return spread


def _read_codes(reader: IndexReader, field: str, size: int, values: list[str]) -> array:
    codes = array("I", bytes(4 * size))
    for term in _terms(reader, field):
        code = len(values)
        values.append(term)
        for docnum in reader.postings(field, term).all_ids():
            codes[docnum] = code
    return codes


def _terms(reader: IndexReader, field: str) -> list[str]:
    if field not in reader.indexed_field_names():
        return []
    return [
        term.decode("utf-8") if isinstance(term, bytes) else term
        for term in reader.lexicon(field)
    ]
