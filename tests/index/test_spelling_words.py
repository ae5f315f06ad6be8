"""The spelling field holds every unstemmed word, each once per segment."""

from __future__ import annotations

from sqlalchemy import select

from archive.models import Passage
from index.directory import open_index
from index.query import SPELLING_FIELD
from index.schema import build_schema


def _words(text: str) -> set[str]:
    analyzer = build_schema()["text"].analyzer
    return {token.text for token in analyzer(text, no_morph=True)}


def test_every_word_is_there_once_per_segment(indexed_samples) -> None:
    with indexed_samples.sessions() as session:
        texts = session.scalars(select(Passage.text)).all()
    expected = set().union(*map(_words, texts))
    ix = open_index(indexed_samples.index_dir)
    with ix.searcher() as searcher:
        reader = searcher.reader()
        held = {t.decode() for t in reader.lexicon(SPELLING_FIELD)}
        segments = len(ix._segments())
        postings = [
            len(list(reader.postings(SPELLING_FIELD, word).all_ids()))
            for word in sorted(held)
        ]
    assert held >= expected
    assert max(postings) <= segments


def test_the_words_seen_are_not_kept_in_the_index(indexed_samples) -> None:
    ix = open_index(indexed_samples.index_dir)
    stored = ix._read_toc().schema["text"]
    assert "_spelled" not in stored.__dict__
