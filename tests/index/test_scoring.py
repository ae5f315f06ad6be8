"""Scores worked out over arrays are the scores Whoosh's matchers give."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import pytest
from whoosh import fields, formats
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage

from index.directory import open_index
from index.postings import position_decoder, read_postings
from index.query import expand_words, parse_query
from index.schema import build_schema
from index.scoring import _Segment, every_match
from index.term_cache import TermCache
from tests.index.conftest import AP, EUAA, REUTERS, make_archive

QUERIES = [
    "forces",
    "Qasrak",
    "qasrik",
    "forces Qasrak",
    "US forces Deir",
    '"US forces"',
    '"Syrian Democratic Forces"',
    '"forces Syria"~3',
    '"US forces Syria"~4',
    '"Syrian Democratic Forces" OR Qasrak',
    'forces "Deir ez-Zor"',
    "forces OR Raqqa OR Hasakah",
    "forces -Raqqa",
    "forces NOT (Raqqa OR Damascus)",
    "NOT forces",
    "-forces -Raqqa -Qasrak",
    "forces ANDMAYBE Raqqa",
    "outlet:SOHR",
    "outlet:SOHR forces",
    "kind:wire",
    "title:forces",
    "footnote:537",
    "milit*",
    "qas* OR attack*",
    "date:2025",
    "date:2025-02..2025-04",
    "date:2026-02-23",
    "forces date:2025-01..2026-12",
    "forces -date:2025",
    "nothingatallhere",
]
FIND_NOTHING = {"nothingatallhere"}


@pytest.fixture(scope="module")
def segmented(tmp_path_factory):
    """The samples in two segments, the older holding a replaced story's passages."""
    root = tmp_path_factory.mktemp("segmented")
    story = root / REUTERS.name
    story.write_text(REUTERS.read_text(encoding="utf-8"), encoding="utf-8")
    made = make_archive(root)
    made.ingest(EUAA, story, AP)
    made.indexer.rebuild()
    story.write_text(
        REUTERS.read_text(encoding="utf-8").replace("Qasrak", "Qasrik"),
        encoding="utf-8",
    )
    made.ingest(story)
    searcher = open_index(made.index_dir).searcher()
    assert len(searcher.leaf_searchers()) == 2
    assert searcher.reader().has_deletions()
    yield searcher
    made.searcher.close()
    made.sessions.kw["bind"].dispose()


def _whoosh(searcher, q) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in searcher.search(q, limit=None)}


def _ours(searcher, q, terms: TermCache | None = None) -> dict[int, float]:
    found = every_match(searcher, q, terms=terms)
    assert list(found.ids) == sorted(set(found.ids.tolist()))
    return dict(zip(found.ids.tolist(), found.scores.tolist(), strict=True))


@pytest.mark.parametrize("text", QUERIES)
@pytest.mark.parametrize("exact", [False, True])
@pytest.mark.parametrize("kept", [False, True])
def test_every_match_and_score_is_whooshs(segmented, text, exact, kept):
    """
    GIVEN a query the parser writes, over two segments with deletions
    WHEN every match is scored over arrays, reading the postings, or (kept)
        from a ``TermCache`` filled by the same search before
    THEN the matches and scores are Whoosh's
    """
    q = parse_query(text, build_schema(), exact).query
    q = expand_words(q, segmented.reader(), 1000)
    theirs = _whoosh(segmented, q)
    terms = None
    if kept:
        terms = TermCache()
        _ours(segmented, q, terms)
        phrase = '"' in text  # a phrase of common words reads them each time
        assert len(terms) or text in FIND_NOTHING or phrase, "no term was kept"
    ours = _ours(segmented, q, terms)
    assert theirs or text in FIND_NOTHING
    assert ours.keys() == theirs.keys()
    for doc, score in theirs.items():
        assert math.isclose(ours[doc], score, rel_tol=1e-9), (doc, ours[doc], score)


def test_exact_phrases_keep_their_rarer_words_positions(segmented):
    """The phrases above keep some words with their positions (the others are
    in over half a segment's passages), so the test above reads them
    from a ``TermCache`` too."""
    terms = TermCache()
    for text in QUERIES:
        if '"' in text and "~" not in text:
            _ours(segmented, parse_query(text, build_schema()).query, terms)
    kept = [key for key in terms._found if key[-1] == "positions"]
    assert {key[2] for key in kept} >= {b"democrat", b"deir", b"zor"}


def test_the_queries_reach_every_branch(segmented):
    """The query list above takes apart each node kind it is meant to test."""
    kinds = set()
    for text in QUERIES:
        q = expand_words(parse_query(text, build_schema()).query, segmented.reader(), 9)
        kinds |= {type(node) for node in q.all_tokens()} | {
            type(node) for node in _nodes(q)
        }
    assert {wq.Term, wq.And, wq.Or, wq.Not, wq.AndMaybe, wq.Phrase} <= kinds
    assert any(issubclass(kind, wq.NumericRange) for kind in kinds)


def _nodes(q):
    yield q
    for child in q.children():
        yield from _nodes(child)


def test_a_query_over_no_segment_matches_nothing(tmp_path):
    made = make_archive(tmp_path)
    made.indexer.rebuild()
    searcher = open_index(made.index_dir).searcher()
    assert len(every_match(searcher, wq.Term("text", "forc"))) == 0
    made.searcher.close()
    made.sessions.kw["bind"].dispose()


def test_no_query_the_parser_writes_falls_back_to_whooshs_matchers(
    segmented, monkeypatch
):
    """Each kind of node above is worked out over arrays, none walked in Python."""

    def walked(self, q):
        raise AssertionError(f"walked {q!r}")

    monkeypatch.setattr(_Segment, "_walked", walked)
    for text in QUERIES:
        q = expand_words(parse_query(text, build_schema()).query, segmented.reader(), 9)
        every_match(segmented, q)


def test_phrases_with_slop_match_what_whoosh_matches(tmp_path):
    """Random passages over three words: every phrase and slop, as Whoosh has it."""
    rng = random.Random(5)
    schema = fields.Schema(text=fields.TEXT(phrase=True))
    ix = FileStorage(str(tmp_path)).create_index(schema)
    with ix.writer() as writer:
        for _ in range(300):
            words = rng.choices(["alpha", "beta", "gamma"], k=rng.randint(1, 12))
            writer.add_document(text=" ".join(words))
    with ix.searcher() as searcher:
        for words in itertools.product(["alpha", "beta", "gamma"], repeat=3):
            for length in (2, 3):
                for slop in (1, 2, 3):
                    q = wq.Phrase("text", list(words[:length]), slop=slop)
                    theirs = _whoosh(searcher, q)
                    assert _ours(searcher, q).keys() == theirs.keys(), (q, slop)
                    assert theirs


@pytest.mark.parametrize("positions", [[0], [3, 4, 90], list(range(0, 3000, 7))])
def test_positions_are_read_as_whoosh_reads_them(positions):
    stored = formats.Positions().encode(positions)[:-1]  # as Whoosh stores it
    assert position_decoder(formats.Positions())(stored) == positions
    assert formats.Positions().decode_positions(stored) == positions


def test_a_phrase_reads_only_the_blocks_its_rarest_word_points_to(tmp_path):
    """A common word's blocks without a candidate are skipped, the answer kept."""
    schema = fields.Schema(text=fields.TEXT(phrase=True))
    ix = FileStorage(str(tmp_path)).create_index(schema)
    with ix.writer() as writer:
        for n in range(1000):
            text = "rare common" if n in (5, 900) else "common filler"
            writer.add_document(text=text)
    with ix.searcher() as searcher:
        ((leaf, _),) = searcher.reader().leaf_readers()
        ids, _, values = read_postings(
            leaf, "text", b"common", True, within=np.array([5, 900])
        )
        assert {5, 900} <= set(ids.tolist())
        assert len(ids) < 1000 and len(values) == len(ids)
        q = wq.Phrase("text", ["rare", "common"])
        assert _ours(searcher, q).keys() == _whoosh(searcher, q).keys() == {5, 900}
