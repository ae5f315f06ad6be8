"""The fixes in ``index.engine_fixes`` keep Whoosh's answers and drop its waste."""

from __future__ import annotations

from whoosh import fields
from whoosh.filedb.filestore import FileStorage
from whoosh.util.numeric import byte_to_length, length_to_byte

import index  # noqa: F401  (applies the fixes)


def _segment_reader(tmp_path):
    schema = fields.Schema(text=fields.TEXT(), tag=fields.ID(stored=True))
    ix = FileStorage(str(tmp_path)).create_index(schema)
    with ix.writer() as writer:
        writer.add_document(text="one two three", tag="a")
        writer.add_document(text="four", tag="b")
    return ix.reader()


def test_a_field_without_lengths_is_looked_up_on_disk_once(tmp_path, monkeypatch):
    reader = _segment_reader(tmp_path)
    perdoc = reader._perdoc
    looked = []
    original = perdoc._storage.file_exists
    monkeypatch.setattr(
        perdoc._storage,
        "file_exists",
        lambda name: looked.append(name) or original(name),
    )
    lengths = [perdoc.doc_field_length(d, "tag") for d in (0, 1, 0, 1)]
    assert lengths == [0, 0, 0, 0]
    assert len(looked) == 1


def test_scored_field_lengths_are_unchanged(tmp_path):
    reader = _segment_reader(tmp_path)
    assert [reader.doc_field_length(d, "text") for d in (0, 1)] == [3, 1]


def test_lengths_read_as_one_table_are_whooshs_lengths(tmp_path):
    schema = fields.Schema(text=fields.TEXT(), tag=fields.ID(stored=True))
    ix = FileStorage(str(tmp_path)).create_index(schema)
    words = [1, 2, 7, 40, 300, 5000]
    with ix.writer() as writer:
        for n in words:
            writer.add_document(text=" ".join(["word"] * n), tag="a")
        writer.add_document(tag="no text")
    reader = ix.reader()
    expected = [byte_to_length(length_to_byte(n)) for n in words]
    assert [reader.doc_field_length(d, "text") for d in range(6)] == expected
    assert reader.doc_field_length(6, "text") is None  # as Whoosh answers
    assert reader.doc_field_length(0, "tag", 9) == 9
