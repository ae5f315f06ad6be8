"""An open ``Searcher`` sees every commit, replacements and deletions included.

Whoosh's own ``Searcher.refresh()`` cannot be used for that in whoosh-reloaded
2.7.5: it adds the old reader's segments to the new reader's, so a document
replaced or deleted since comes back. The first test pins that upstream
behaviour (if it fails, the fork changed and ``refresh()`` may be usable again);
the second shows our searcher does not suffer from it.
"""

from __future__ import annotations

from whoosh import fields
from whoosh import index as whoosh_index

from tests.index.conftest import REUTERS


def test_whoosh_refresh_brings_back_a_replaced_document(tmp_path) -> None:
    schema = fields.Schema(key=fields.ID(stored=True, unique=True), body=fields.TEXT)
    ix = whoosh_index.create_in(str(tmp_path), schema)
    with ix.writer() as writer:
        writer.add_document(key="a", body="old words")
    searcher = ix.searcher()
    with ix.writer() as writer:
        writer.update_document(key="a", body="new words")
    refreshed = searcher.refresh()
    assert refreshed.doc_count() == 2  # should be 1
    with ix.searcher() as fresh:
        assert fresh.doc_count() == 1
    refreshed.close()


def test_an_open_searcher_sees_a_document_replaced_under_it(archive, tmp_path) -> None:
    story = tmp_path / "story.txt"
    text = REUTERS.read_text(encoding="utf-8")
    story.write_text(text, encoding="utf-8")
    archive.ingest(story)
    before = archive.search("Rmelan")
    assert before.total == 1
    story.write_text(text.replace("Rmelan", "Rumeilan"), encoding="utf-8")
    archive.ingest(story)
    assert archive.search("Rmelan", exact=True).total == 0
    assert archive.search("Rumeilan").total == 1
    assert archive.search("", filters=(("kind", "wire"),)).total == len(
        archive.passages_of(story)
    )
