"""One ``Searcher`` shared by many threads while commits land under it.

Each search borrows a Whoosh searcher of its own and reads its hits and its
facet counts through that one reader, so a commit landing mid-search neither
closes a reader in use (``ReaderClosed``) nor makes the counts come from a
newer reader with other document numbers. Every passage has exactly one kind,
so a search's kind counts add up to its total whatever the index holds.
"""

from __future__ import annotations

import threading
from pathlib import Path

from index import SearchRequest
from tests.index.conftest import AP, EUAA, REUTERS

THREADS = 6
MARKERS = ("Amberly", "Basaltic", "Cobaltine", "Dunmore", "Emberton", "Flintwick")
REQUESTS = (
    SearchRequest("Qasrak"),
    SearchRequest("forces", per_page=50),
    SearchRequest("US forces", sort="newest"),
    SearchRequest('"US forces"'),
    SearchRequest("", filters=(("kind", "wire"),)),
    SearchRequest("Qasrik OR Rmelan"),
    SearchRequest("qas*"),
    SearchRequest("Qasrakk"),  # no hit: a "did you mean" through the same reader
)


def _searching(archive, stop: threading.Event, seen: list, failures: list) -> None:
    turn = 0
    while not stop.is_set() or turn < len(REQUESTS):
        request = REQUESTS[turn % len(REQUESTS)]
        turn += 1
        try:
            result = archive.searcher.search(request)
        except Exception as error:  # noqa: BLE001 - any failure is the finding
            failures.append(f"{request.query!r}: {type(error).__name__}: {error}")
            continue
        kinds = sum(count.count for count in result.facets.get("kind", ()))
        seen.append((request.query, result.total, kinds, len(result.hits)))


def test_searches_in_threads_while_commits_land(archive, tmp_path: Path) -> None:
    """GIVEN an index with two documents and one Searcher shared by six threads
    WHEN a third document is ingested and then changed six times (a commit
    each, replacing its passages) while the threads search without pause
    THEN no search fails, and each search's kind counts add up to its total.
    """
    archive.ingest(EUAA, AP)
    story = tmp_path / "story.txt"
    text = REUTERS.read_text(encoding="utf-8")
    stop = threading.Event()
    seen: list[tuple[str, int, int, int]] = []
    failures: list[str] = []
    threads = [
        threading.Thread(target=_searching, args=(archive, stop, seen, failures))
        for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    try:
        for marker in MARKERS:
            story.write_text(text + f"\n\n{marker} said forces moved.\n", "utf-8")
            archive.ingest(story)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert failures == []
    assert len(seen) >= THREADS * len(REQUESTS)
    wrong = [s for s in seen if s[1] != s[2]]
    assert wrong == [], "kind counts that do not add up to the total"
    assert all(hits <= total for _, total, _, hits in seen)
    assert archive.search(MARKERS[-1]).total == 1
    assert archive.search(MARKERS[0], exact=True).total == 0  # replaced since
