"""Fixes to whoosh-reloaded 2.7.5, applied when an index is first opened.

They replace methods of that release's classes, so they are applied to it and no
other: ``apply`` refuses another version with a sentence saying which to install.

The package's repository is archived, so these cannot go upstream; each fix is
small, keeps Whoosh's behaviour, and has a test in tests/index/test_engine_fixes.py.

- A field without a lengths column (every field here that is not scored: facet
  lines, name forms, IDs) made ``W3PerDocReader.doc_field_length`` look for the
  column file on disk every time it was asked, and a segment writer asks once per
  posting: at 100,000 passages that is ~6 million ``stat`` calls per commit, a
  third of the time spent writing the index. The missing column is remembered.
- An index segment is memory-mapped, and each file inside it was then opened
  as ``BytesIO(memoryview)``, which copies the whole file: opening an index of
  a million passages copied 1.4 GB, and the first stored fields read from a
  segment copied its stored-fields file (1.2 s, 0.9 GB). Files inside a segment
  are now read straight from the map.
- ``doc_field_length`` (asked once per scored match and once per posting
  written) read one byte through three layers of column reader each time; a
  segment's lengths of a field are now read once, as one ``bytes``, and
  looked up. A search ranking 10,000 matches spent ~40 % of its time there.
"""

from __future__ import annotations

import io
from importlib import metadata

from whoosh.codec import whoosh3
from whoosh.filedb import structfile
from whoosh.util.numeric import byte_to_length

from index.errors import WrongWhoosh

FOR_WHOOSH = "2.7.5"  # the whoosh-reloaded release these fixes were written for
_MISSING = object()
_PEEK = 4096  # bytes an unpickler may look ahead at once (its blocks' info is small)
# Whoosh keeps a field's length per document as one byte; what each byte means.
# Byte 0 gives None, as ``W3PerDocReader.doc_field_length`` does.
_LENGTH_OF_BYTE = (None, *(byte_to_length(b) for b in range(1, 256)))


def installed_whoosh() -> str | None:
    try:
        return metadata.version("whoosh-reloaded")
    except metadata.PackageNotFoundError:
        return None


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


class MappedFile(io.RawIOBase):
    """A read-only file over a memoryview: reads copy what they return, no more."""

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._at = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._at, io.SEEK_END: len(self._view)}
        self._at = max(0, base[whence] + offset)
        return self._at

    def tell(self) -> int:
        return self._at

    def peek(self, size: int = 0) -> bytes:
        """What follows, without moving: the unpickler reads ahead with it."""
        return bytes(self._view[self._at : self._at + min(max(size, 1), _PEEK)])

    def readinto(self, buffer) -> int:
        chunk = self._view[self._at : self._at + len(buffer)]
        buffer[: len(chunk)] = chunk
        self._at += len(chunk)
        return len(chunk)

    def read(self, size: int = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else self._at + size
        chunk = bytes(self._view[self._at : end])
        self._at += len(chunk)
        return chunk

    def readline(self, size: int = -1) -> bytes:
        end = len(self._view) if size < 0 else min(len(self._view), self._at + size)
        for start in range(self._at, end, 4096):
            found = bytes(self._view[start : min(start + 4096, end)]).find(b"\n")
            if found >= 0:
                return self.read(start + found + 1 - self._at)
        return self.read(end - self._at)


def _buffer_file_init(self, buf, name=None, onclose=None):
    self._buf = buf
    self._name = name
    self.file = MappedFile(memoryview(buf))
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def apply() -> None:
    """Patch Whoosh (once); ``WrongWhoosh`` for a release the fixes were not
    written for."""
    if structfile.BufferFile.__init__ is _buffer_file_init:
        return
    found = installed_whoosh()
    if found != FOR_WHOOSH:
        raise WrongWhoosh(found)
    structfile.BufferFile.__init__ = _buffer_file_init
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
    whoosh3.W3PerDocReader.doc_field_length = _doc_field_length
