"""The fixes in ``index.engine_fixes`` keep Whoosh's answers and drop its waste."""

from __future__ import annotations

import io
import pickle

import pytest
from whoosh import fields
from whoosh.filedb.filestore import FileStorage
from whoosh.util.numeric import byte_to_length, length_to_byte

from index import engine_fixes
from index.engine_fixes import MappedFile

engine_fixes.apply()  # as opening an index does


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


def test_a_file_inside_a_segment_reads_as_bytesio_would_without_a_copy():
    data = pickle.dumps({"a": 1}, protocol=0) + b"line one\nline two\n" + bytes(9000)
    data += pickle.dumps([1, 2, 3], protocol=2) + b"\nend"
    view = memoryview(data)
    ours, theirs = MappedFile(view), io.BytesIO(data)
    for f in (ours, theirs):
        f.seek(0)
    assert ours.peek(4) == data[:4] and ours.tell() == 0
    assert pickle.load(ours) == pickle.load(theirs) == {"a": 1}
    assert ours.tell() == theirs.tell()
    assert ours.readline() == theirs.readline() == b"line one\n"
    assert ours.readline(4) == theirs.readline(4) == b"line"
    assert ours.read(5) == theirs.read(5)
    ours.seek(-9010 + 5, io.SEEK_CUR), theirs.seek(-9010 + 5, io.SEEK_CUR)
    assert ours.tell() == theirs.tell() == 0
    ours.seek(len(data) - 4), theirs.seek(len(data) - 4)
    assert ours.readline() == theirs.readline() == b"\n"
    assert ours.read() == theirs.read() == b"end"
    assert ours.read(3) == theirs.read(3) == b""
    assert ours.readline() == theirs.readline() == b""


def test_files_inside_a_mapped_segment_share_the_map(tmp_path):
    reader = _segment_reader(tmp_path)
    stored = reader.stored_fields(1)
    assert stored == {"tag": "b"}
    files = reader._perdoc._storage
    (stored_file,) = [name for name in files.list() if name.endswith("_stored.col")]
    opened = files.open_file(stored_file)
    assert isinstance(opened.file, MappedFile)


def test_another_whoosh_release_is_refused_with_what_to_install(monkeypatch) -> None:
    from whoosh.filedb import structfile

    from index.errors import WrongWhoosh

    monkeypatch.setattr(engine_fixes, "installed_whoosh", lambda: "2.8.0")
    monkeypatch.setattr(structfile.BufferFile, "__init__", lambda *args: None)
    with pytest.raises(WrongWhoosh) as refused:
        engine_fixes.apply()
    assert str(refused.value) == (
        "the search index needs whoosh-reloaded 2.7.5, but 2.8.0 is installed: "
        "run `pip install whoosh-reloaded==2.7.5`"
    )
