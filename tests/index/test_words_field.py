"""Prefixes and "did you mean" read the passages' unstemmed words, which survive
deletions and merges as long as a passage still holds them."""

from __future__ import annotations

from sqlalchemy import select

from archive.batch import ingest_all
from archive.models import Passage
from index.directory import open_index
from index.schema import WORDS_FIELD, build_schema
from ingest import ParseOptions


def _words(text: str) -> set[str]:
    analyzer = build_schema()[WORDS_FIELD].analyzer
    return {token.text for token in analyzer(text)}


def _held(index_dir) -> set[str]:
    with open_index(index_dir).searcher() as searcher:
        return {t.decode() for t in searcher.reader().lexicon(WORDS_FIELD)}


def test_the_words_are_those_of_the_passages(indexed_samples) -> None:
    with indexed_samples.sessions() as session:
        texts = session.scalars(select(Passage.text)).all()
    assert _held(indexed_samples.index_dir) == set().union(*map(_words, texts))


def test_replacing_a_first_passage_keeps_the_other_passages_words(
    archive, tmp_path
) -> None:
    """Whoosh's spelling field filed a segment's words under its document 0."""
    first = tmp_path / "first.txt"
    first.write_text(
        "DAMASCUS, March 3, 2026 (Reuters) - Villagers in Zubaydiyah reported "
        "gunfire overnight, a resident told Reuters.\n",
        encoding="utf-8",
    )
    second = tmp_path / "second.txt"
    second.write_text(
        "DAMASCUS, March 4, 2026 (Reuters) - Farmers near Khattabiyah harvested "
        "pomegranates early, a farmer told Reuters.\n",
        encoding="utf-8",
    )
    stored = list(ingest_all([first, second], archive.sessions, ParseOptions()))
    archive.indexer.update_documents([o.document for o in stored])  # one commit
    first.write_text(
        "DAMASCUS, March 3, 2026 (Reuters) - A quiet day, officials told Reuters.\n",
        encoding="utf-8",
    )
    archive.ingest(first)  # deletes document 0
    open_index(archive.index_dir).optimize()  # merge every segment
    held = _held(archive.index_dir)
    assert {"pomegranates", "khattabiyah"} <= held
    assert "zubaydiyah" not in held
    result = archive.search("pomegran*")
    assert result.total == 1


def test_each_word_is_held_once_per_document_that_has_it(indexed_samples) -> None:
    with indexed_samples.sessions() as session:
        rows = session.execute(select(Passage.document_id, Passage.text)).all()
    documents: dict[int, set[str]] = {}
    for document, text in rows:
        documents.setdefault(document, set()).update(_words(text))
    with open_index(indexed_samples.index_dir).searcher() as searcher:
        reader = searcher.reader()
        for word in ("forces", "qasrak", "the", "syria"):
            having = sum(word in words for words in documents.values())
            assert having, word
            postings = reader.postings(WORDS_FIELD, word).all_ids()
            live = [n for n in postings if not reader.is_deleted(n)]
            assert len(live) == having, word
