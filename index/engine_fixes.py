"""Fixes to whoosh-reloaded 2.7.5, applied once when ``index`` is imported.

The package's repository is archived, so these cannot go upstream; each fix is
small, keeps Whoosh's behaviour, and has a test in tests/index/test_engine_fixes.py.

- A field without a lengths column (every field here that is not scored: facet
  lines, name forms, IDs) made ``W3PerDocReader.doc_field_length`` look for the
  column file on disk every time it was asked, and a segment writer asks once per
  posting: at 100,000 passages that is ~6 million ``stat`` calls per commit, a
  third of the time spent writing the index. The missing column is remembered.
"""

from __future__ import annotations

from whoosh.codec import whoosh3

_MISSING = object()


def _cached_reader(self, fieldname, column):
    reader = self._readers.get(fieldname, _MISSING)
    if reader is _MISSING:
        reader = (
            self.column_reader(fieldname, column)
            if self.has_column(fieldname)
            else None
        )
        self._readers[fieldname] = reader
    return reader


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
