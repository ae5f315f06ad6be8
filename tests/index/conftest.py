"""Index fixtures: a real SQLite file and a real Whoosh folder under tmp_path.

Documents go through the real pipeline (``archive.batch.ingest_all`` parses and
stores each file, ``Indexer.update_document`` indexes it as the ``after_store``
step), exactly as ``archive ingest`` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from archive.batch import expand, ingest_all
from archive.db import connect
from archive.models import Document, Passage
from index import Indexer, Searcher, SearchRequest, SearchResult
from ingest import ParseOptions
from tests.conftest import SAMPLES

HERE = Path(__file__).parent
OWN_FIXTURES = HERE / "fixtures"
EUAA = SAMPLES / "euaa-coi-syria-country-focus-2025-03-section-3-4.txt"
REUTERS = SAMPLES / "reuters-2026-02-23-us-forces-qasrak.txt"
AP = SAMPLES / "ap-2026-02-23-us-forces-qasrak.txt"


@dataclass
class Archive:
    """A database and its index, with helpers that say what a user would see."""

    sessions: sessionmaker[Session]
    index_dir: Path
    indexer: Indexer
    searcher: Searcher

    def ingest(self, *paths: Path | str) -> list:
        files = expand(paths)
        outcomes = list(
            ingest_all(
                files,
                self.sessions,
                ParseOptions(),
                after_store=lambda document, _passages: self.indexer.update_document(
                    document
                ),
            )
        )
        assert all(o.status != "failed" for o in outcomes), outcomes
        return outcomes

    def search(self, query: str, **options) -> SearchResult:
        return self.searcher.search(SearchRequest(query, **options))

    def matched_ids(self, query: str, **options) -> list[int]:
        """Passage ids the query finds, best first, across every page."""
        ids: list[int] = []
        page = 1
        while True:
            result = self.search(query, page=page, per_page=100, **options)
            ids += [hit.passage_id for hit in result.hits]
            if page >= result.pages:
                return ids
            page += 1

    def passages_saying(self, *words: str) -> set[int]:
        """Passages whose text contains every one of ``words`` (from the DB)."""
        with self.sessions() as session:
            rows = session.execute(select(Passage.id, Passage.text)).all()
        return {pid for pid, text in rows if all(w in text for w in words)}

    def documents(self) -> list[int]:
        with self.sessions() as session:
            return list(session.scalars(select(Document.id)))

    def passages_of(self, path: Path) -> set[int]:
        with self.sessions() as session:
            document = session.scalar(
                select(Document).where(Document.path == str(path))
            )
            assert document is not None, path
            return {p.id for p in document.passages}


def make_archive(root: Path) -> Archive:
    sessions = connect(f"sqlite:///{root / 'archive.db'}")
    index_dir = root / "index"
    return Archive(
        sessions, index_dir, Indexer(index_dir, sessions), Searcher(index_dir)
    )


@pytest.fixture
def archive(tmp_path: Path):
    """An empty archive and index of one's own."""
    made = make_archive(tmp_path)
    yield made
    made.searcher.close()
    made.sessions.kw["bind"].dispose()


@pytest.fixture(scope="module")
def indexed_samples(tmp_path_factory):
    """The bundled sample corpus, ingested and indexed (shared: do not change it)."""
    made = make_archive(tmp_path_factory.mktemp("samples"))
    made.ingest(SAMPLES)
    yield made
    made.searcher.close()
    made.sessions.kw["bind"].dispose()


@pytest.fixture
def matched_ids(indexed_samples: Archive) -> Callable[..., list[int]]:
    return indexed_samples.matched_ids


def ids_of(result: SearchResult) -> list[int]:
    return [hit.passage_id for hit in result.hits]


def documents_of(archive: Archive, ids: Iterable[int]) -> set[int]:
    with archive.sessions() as session:
        rows = session.scalars(select(Passage.document_id).where(Passage.id.in_(ids)))
        return set(rows)
