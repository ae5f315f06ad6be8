"""Which document each passage belongs to, and its sort keys, as arrays.

Grouping hits by document and sorting them by date need, for every matching
passage, its document and its document's dates. They are read once per opened
index (one pass over the ``document_id`` postings and the sort columns) into
numpy arrays indexed by Whoosh document number, like ``index.facets``.
"""

from __future__ import annotations

import numpy as np
from whoosh.reading import IndexReader

from index.postings import doc_ids

# The sort columns, and whether a larger value comes first.
SORT_COLUMNS = {"newest": True, "oldest": False, "archived": True}


class DocumentTable:
    """Each passage's document id and sort keys, by Whoosh document number."""

    def __init__(self, reader: IndexReader) -> None:
        size = reader.doc_count_all()
        self.document = np.zeros(size, dtype=np.int64)
        for term in reader.lexicon("document_id"):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            self.document[doc_ids(reader, "document_id", text)] = int(text)
        self.keys = {name: _column(reader, name, size) for name in SORT_COLUMNS}

    def count(self, docnums: np.ndarray) -> int:
        """How many documents the passages at ``docnums`` are in."""
        return len(np.unique(self.document[docnums])) if len(docnums) else 0

    def order(self, ids: np.ndarray, scores: np.ndarray, sort: str) -> np.ndarray:
        """Positions of ``ids`` in the order to show them: by the sort's key
        (when sorted by date), then by score, best first, then by number."""
        if sort not in SORT_COLUMNS:
            return np.lexsort((ids, -scores))
        key = self.keys[sort][ids]
        return np.lexsort((ids, -scores, -key if SORT_COLUMNS[sort] else key))


def _column(reader: IndexReader, name: str, size: int) -> np.ndarray:
    """Column ``name`` of every document; a segment without it gets the default."""
    default = reader.schema[name].column_type.default_value()
    values = np.full(size, default, dtype=np.int64)
    for leaf, offset in reader.leaf_readers():
        count = leaf.doc_count_all()
        if leaf.has_column(name):
            column = leaf.column_reader(name)
            values[offset : offset + count] = np.fromiter(column, np.int64, count)
    return values
