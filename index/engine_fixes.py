"""Fixes to whoosh-reloaded 2.7.5, applied once when ``index`` is imported.

The package's repository is archived, so these cannot go upstream; each fix is
small, keeps Whoosh's behaviour, and has a test in tests/index/test_engine_fixes.py.

- A field without a lengths column (every field here that is not scored: facet
  lines, name forms, IDs) made ``W3PerDocReader.doc_field_length`` look for the
  column file on disk every time it was asked, and a segment writer asks once per
  posting: at 100,000 passages that is ~6 million ``stat`` calls per commit, a
  third of the time spent writing the index. The missing column is remembered.
- ``doc_field_length`` (asked once per scored match and once per posting
  written) read one byte through three layers of column reader each time; a
  segment's lengths of a field are now read once, as one ``bytes``, and
  looked up. A search ranking 10,000 matches spent ~40 % of its time there.
"""

from __future__ import annotations

from whoosh.codec import whoosh3
from whoosh.util.numeric import byte_to_length

_MISSING = object()
# Whoosh keeps a field's length per document as one byte; what each byte means.
# Byte 0 gives None, as ``W3PerDocReader.doc_field_length`` does.
_LENGTH_OF_BYTE = (None, *(byte_to_length(b) for b in range(1, 256)))


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


def length_table(perdoc, fieldname: str) -> bytes | None:
    """Each document's length byte in ``fieldname`` (None: the field has none)."""
    tables = perdoc.__dict__.setdefault("_length_tables", {})
    table = tables.get(fieldname, _MISSING)
    if table is _MISSING:
        reader = perdoc._cached_reader(
            whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN
        )
        table = tables[fieldname] = (
            None if reader is None else _bytes_of(reader, perdoc._doccount)
        )
    return table


def _doc_field_length(self, docnum, fieldname, default=0):
    # asked once per posting written: the cached table is looked up inline
    table = self.__dict__.get("_length_tables", {}).get(fieldname, _MISSING)
    if table is _MISSING:
        table = length_table(self, fieldname)
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
    if table is None:
        return default
    return _LENGTH_OF_BYTE[table[docnum]] if docnum < len(table) else None


def _bytes_of(reader, doccount: int) -> bytes:
    """Every document's length byte: the column's bytes, zero beyond its end."""
    raw = reader._dbfile.get(reader._basepos, min(reader._count, doccount))
    return raw + bytes(doccount - len(raw))


def apply() -> None:
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.W3PerDocReader.doc_field_length = _doc_field_length
