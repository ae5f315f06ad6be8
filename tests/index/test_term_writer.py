"""The term writer writes what Whoosh's own writer writes, merges included."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from whoosh import fields
from whoosh.filedb.filestore import FileStorage
from whoosh.query import Every
from whoosh.writing import CLEAR, SegmentWriter

from index.merging import tiered
from index.schema import build_schema
from index.term_writer import TermWriter

WORDS = [f"w{n}" for n in range(60)] + ["forces", "Syria", "Qasrak", "Qasrik"]


def _documents(count: int, seed: int = 7, start: int = 0) -> list[dict]:
    """Passages over a small vocabulary: common words run past one block."""
    rng = random.Random(seed)
    documents = []
    for number in range(start, start + count):
        text = " ".join(rng.choices(WORDS, k=rng.randint(3, 40)))
        day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
        documents.append(
            {
                "passage_id": str(number),
                "document_id": str(number // 5),
                "fingerprint": f"{number:032d}".encode(),
                "text": text,
                "names": text,
                "words": text,
                "forms": text,
                "title": f"Report {number // 5 % 7}",  # a document's, on each passage
                "outlet": rng.choice(["sohr", "reuters\nReuters", ""]) or None,
                "kind": rng.choice(["report", "wire"]),
                "outlet_facet": rng.choice(["sohr\x1fSOHR", "-"]),
                "date": dt.datetime.combine(day, dt.time()),
                "month": day.strftime("%Y-%m"),
                "newest": day.toordinal(),
                "oldest": day.toordinal(),
                "anchor": f"p{number}",
                "position": number,
            }
        )
    return documents


def _index(path):
    path.mkdir()
    return FileStorage(str(path)).create_index(build_schema())


def _postings(ix) -> dict:
    """Every term's postings, by passage id: (passage, weight, value) in order."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        key = reader.column_reader("passage_id")
        found = {}
        for field, term in reader.all_terms():
            matcher = reader.postings(field, term)
            rows = []
            while matcher.is_active():
                rows.append((key[matcher.id()], matcher.weight(), matcher.value()))
                matcher.next()
            found[field, term] = sorted(rows)
        return found


def _statistics(ix) -> list[dict]:
    """Each segment's term statistics, as the term index holds them."""
    with ix.searcher() as searcher:
        found = []
        for leaf, _ in searcher.reader().leaf_readers():
            infos = {term: leaf.term_info(*term) for term in leaf.all_terms()}
            found.append(
                {
                    term: (
                        info.doc_frequency(),
                        info.weight(),
                        info.min_length(),
                        info.max_length(),
                        info.max_weight(),
                        info.min_id(),
                        info.max_id(),
                    )
                    for term, info in infos.items()
                }
            )
        return found


def _stored(ix) -> list[dict]:
    with ix.searcher() as searcher:
        return sorted(
            (hit.fields() for hit in searcher.search(Every(), limit=None)),
            key=lambda stored: int(stored["passage_id"]),
        )


def test_one_commit_writes_the_very_files_whoosh_writes(tmp_path):
    """
    GIVEN 400 passages (common words over several 128-posting blocks)
    WHEN Whoosh's writer and the term writer (every block compressed, as
         Whoosh does) each write them in one commit
    THEN every file of the two segments holds the same bytes
    """
    documents = _documents(400)
    built = {}
    for name, writer_class, options in [
        ("whoosh", SegmentWriter, {}),
        ("terms", TermWriter, {"compress_from": 0}),
    ]:
        ix = _index(tmp_path / name)
        writer = writer_class(ix, compound=False, **options)
        for document in documents:
            writer.add_document(**document)
        writer.commit(mergetype=CLEAR)
        (segment,) = ix._segments()
        built[name] = {
            f.split(".", 1)[1]: (tmp_path / name / f).read_bytes()
            for f in segment.list_files(ix.storage)
        }
    assert built["terms"].keys() == built["whoosh"].keys()
    assert len(built["terms"]) > 5
    for extension, content in built["whoosh"].items():
        assert built["terms"][extension] == content, extension


def _many_commits(ix, writer_class, **options) -> None:
    """Thirty commits of ten passages, some replacing earlier ones; merged by threes."""
    rng = random.Random(3)
    for commit in range(30):
        writer = writer_class(ix, **options)
        for _ in range(rng.randint(0, 4)):
            writer.delete_by_term("passage_id", str(rng.randrange(commit * 10 + 1)))
        for document in _documents(10, seed=commit, start=commit * 10):
            writer.add_document(**document)
        writer.commit(mergetype=tiered(factor=3, largest=10_000))


def test_merged_segments_hold_every_live_posting_as_whoosh_merges_them(tmp_path):
    """
    GIVEN thirty commits with deletions, merged by size class three at a time
    WHEN written once with Whoosh's writer and once with the term writer
    THEN the segments are the same sizes, and every term has the same postings
         (passage, weight, positions), statistics and stored fields
    """
    whoosh = _index(tmp_path / "whoosh")
    _many_commits(whoosh, SegmentWriter)
    terms = _index(tmp_path / "terms")
    _many_commits(terms, TermWriter)
    sizes = [s.doc_count_all() for s in terms._segments()]
    assert sizes == [s.doc_count_all() for s in whoosh._segments()]
    assert max(sizes) > 30, sizes  # merges happened
    assert _postings(terms) == _postings(whoosh)
    assert _statistics(terms) == _statistics(whoosh)
    assert _stored(terms) == _stored(whoosh)


def test_a_long_run_is_written_in_parts_and_merged_at_commit(tmp_path):
    """
    GIVEN a term writer that starts a new segment past 2,000 postings
    WHEN 300 passages are added and committed
    THEN the index is one segment holding exactly what one run would write
    """
    documents = _documents(300)
    one = _index(tmp_path / "one")
    writer = TermWriter(one)
    for document in documents:
        writer.add_document(**document)
    writer.commit(mergetype=CLEAR)
    several = _index(tmp_path / "several")
    writer = TermWriter(several, max_postings=2_000)
    for document in documents:
        writer.add_document(**document)
    assert several.doc_count_all() == 0  # nothing is published before commit
    assert len(writer._rolled) > 3
    writer.commit(mergetype=CLEAR)
    assert len(several._segments()) == 1
    assert _postings(several) == _postings(one)
    # document numbers differ (the last part comes first), the rest is the same
    assert [{t: v[:5] for t, v in s.items()} for s in _statistics(several)] == [
        {t: v[:5] for t, v in s.items()} for s in _statistics(one)
    ]
    assert sorted(p.name for p in (tmp_path / "several").iterdir()) == sorted(
        p.name.replace(
            one._segments()[0].segment_id(), several._segments()[0].segment_id()
        )
        for p in (tmp_path / "one").iterdir()
    )
    assert _stored(several) == _stored(one)


def test_a_cancelled_long_run_leaves_neither_segments_nor_files(tmp_path):
    """
    GIVEN an index of 20 passages and a term writer past several segments
    WHEN the writer is cancelled
    THEN the index holds its 20 passages and no file of the unfinished segments
    """
    ix = _index(tmp_path / "ix")
    writer = TermWriter(ix)
    for document in _documents(20):
        writer.add_document(**document)
    writer.commit()
    before = set((tmp_path / "ix").iterdir())
    writer = TermWriter(ix, max_postings=1_000)
    for document in _documents(200, start=20):
        writer.add_document(**document)
    assert len(writer._rolled) > 1
    writer.cancel()
    assert set((tmp_path / "ix").iterdir()) == before
    assert ix.doc_count() == 20


def test_boosts_are_refused_rather_than_ignored(tmp_path):
    ix = _index(tmp_path / "ix")
    writer = TermWriter(ix)
    with pytest.raises(ValueError, match="_boost"):
        writer.add_document(_boost=2.0, **_documents(1)[0])
    writer.cancel()


def test_a_schema_with_term_vectors_is_refused_and_the_index_left_unlocked(tmp_path):
    ix = FileStorage(str(tmp_path)).create_index(
        fields.Schema(text=fields.TEXT(vector=True))
    )
    with pytest.raises(ValueError, match="'text': vectors"):
        TermWriter(ix)
    ix.writer().cancel()  # would raise LockError if the refused writer held it
