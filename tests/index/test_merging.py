"""The merge policy: one size class merges, the largest stay, no passage is lost."""

from __future__ import annotations

from whoosh import fields
from whoosh.filedb.filestore import FileStorage
from whoosh.query import Every, Term

from index.merging import choose, tiered

SCHEMA = fields.Schema(key=fields.ID(stored=True, unique=True), text=fields.TEXT())


def _index(tmp_path):
    return FileStorage(str(tmp_path)).create_index(SCHEMA)


def _commit(ix, keys, factor=3, largest=20, delete=()):
    writer = ix.writer()
    for key in delete:
        writer.delete_by_term("key", key)
    for key in keys:
        writer.add_document(key=key, text=f"passage {key}")
    writer.commit(mergetype=tiered(factor, largest))


def _sizes(ix) -> list[int]:
    return sorted(s.doc_count_all() for s in ix._segments())


def _keys(ix) -> list[str]:
    with ix.searcher() as searcher:
        return sorted(hit["key"] for hit in searcher.search(Every(), limit=None))


def test_one_passage_commits_merge_by_size_class_and_keep_every_passage(tmp_path):
    """
    GIVEN a policy merging three segments of a size class (powers of three)
    WHEN forty passages arrive in forty commits
    THEN no class holds three segments, and all forty passages are found
    """
    ix = _index(tmp_path)
    for n in range(40):
        _commit(ix, [f"p{n:02d}"], largest=1000)
    sizes = _sizes(ix)
    assert sum(sizes) == 40
    classes = [len(str(_ternary(size))) for size in sizes]
    assert all(classes.count(c) < 3 for c in set(classes)), sizes
    assert _keys(ix) == [f"p{n:02d}" for n in range(40)]


def _ternary(n: int) -> str:
    digits = ""
    while n:
        digits = str(n % 3) + digits
        n //= 3
    return digits


def test_a_segment_as_large_as_the_bound_is_never_merged(tmp_path):
    """
    GIVEN a first commit of 25 passages (the bound is 20)
    WHEN 30 single passages follow in their own commits
    THEN the 25-passage segment is still the one the first commit wrote
    """
    ix = _index(tmp_path)
    _commit(ix, [f"big{n}" for n in range(25)])
    (first,) = ix._segments()
    for n in range(30):
        _commit(ix, [f"p{n}"])
    assert first.segment_id() in {s.segment_id() for s in ix._segments()}
    assert len(_keys(ix)) == 55


def test_a_segment_whose_passages_were_all_replaced_is_dropped(tmp_path):
    """
    GIVEN a segment of four passages and one of two
    WHEN a commit replaces all four
    THEN the emptied segment is gone and nothing deleted is still counted
    """
    ix = _index(tmp_path)
    _commit(ix, ["a", "b", "c", "d"])
    _commit(ix, ["e", "f"])
    _commit(ix, ["a", "b", "c", "d"], delete=["a", "b", "c", "d"])
    assert _sizes(ix) == [2, 4]
    assert ix.doc_count_all() == ix.doc_count() == 6


def test_segments_that_lost_more_than_half_are_merged_without_their_dead(tmp_path):
    """
    GIVEN two segments of six passages that each lost four
    WHEN the next commit writes one passage
    THEN they are merged into it, copying only their live passages
    """
    ix = _index(tmp_path)
    _commit(ix, [f"a{n}" for n in range(6)])
    _commit(ix, [f"b{n}" for n in range(6)])
    gone = [f"a{n}" for n in range(4)] + [f"b{n}" for n in range(4)]
    writer = ix.writer()
    for key in gone:
        writer.delete_by_term("key", key)
    writer.commit(mergetype=lambda writer, segments: list(segments))  # keep them
    assert _sizes(ix) == [6, 6]
    _commit(ix, ["c"])
    assert _sizes(ix) == [5]
    assert _keys(ix) == ["a4", "a5", "b4", "b5", "c"]
    with ix.searcher() as searcher:
        assert len(searcher.search(Term("text", "passage"), limit=None)) == 5


def test_most_commits_merge_nothing(tmp_path):
    ix = _index(tmp_path)
    _commit(ix, ["a"])
    _commit(ix, ["b"])
    assert choose(list(ix._segments()), factor=3, largest=20) == []
