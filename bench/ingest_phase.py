"""Ingest a generated corpus into a fresh data folder, as ``archive ingest`` does.

The files go through the same pipeline as the command: parser processes
(``archive.parsing.parse_ahead``, as many as ``default_parsers`` gives) parse
ahead of this process, which stores the files ten to a transaction
(``archive.batch.store_all``) and hands every ``INDEX_BATCH`` stored passages to
the index writer (``index.batches.IndexBatches``: a process of its own once a
run fills a batch), with the garbage collector set as ``archive ingest`` sets
it. The three overlap, so the end-to-end time is less than their sum.
Measured: the wall time, store time in this process (the loop's time but for
waiting on the parsers), index time in the writer, and parse time in one
process over a sample of the files (measured apart, since the parser processes
overlap with everything else). The whole index is
then rebuilt once (``archive reindex``) and timed on its own.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from archive import connect
from archive.batch import AfterStore, Outcome, parse_for_storing, store_all
from archive.db import refresh_statistics
from archive.garbage import collecting_less_often
from archive.parsing import Budget, default_parsers
from archive.queries import archive_stats
from bench.corpus import COUNTS, manifest
from bench.machine import children_peak_rss_mb, disk_mb, peak_rss_mb
from ingest import ParseOptions, load_registry, parse_path

PROGRESS_EVERY = 30.0
KEEP = 20  # failures and mismatches kept verbatim; all are counted
PARSE_SAMPLE = 1000  # files parsed apart to time parsing; every nth beyond this


def run(corpus: Path, data: Path, index: str = "batched", reindex: bool = True) -> dict:
    """Ingest ``corpus`` into ``data``; ``index`` is "batched", "end" or "none"."""
    from index import Indexer
    from index.batches import IndexBatches

    rows = manifest(corpus)
    files = [corpus / row["path"] for row in rows]
    url = f"sqlite:///{data / 'archive.db'}"
    sessions = connect(url)
    options = ParseOptions(load_registry())
    parsers = default_parsers(len(files))
    tally = _Tally()
    batches = None
    if index == "batched":
        batches = IndexBatches(data / "index", url, sessions, say=_say, on_wait=None)
    started = last_note = time.perf_counter()
    stream = _Waited(parse_for_storing(files, options, None, parsers, Budget()))
    with collecting_less_often():  # as ingest_all does
        outcomes = store_all(stream, sessions, options, tally.after_store(batches))
        for number, (outcome, row) in enumerate(zip(outcomes, rows, strict=True), 1):
            tally.take(outcome, row)
            now = time.perf_counter()
            if now - last_note > PROGRESS_EVERY:
                last_note = now
                _note(number, len(rows), tally.found["passages"], now - started)
    stored = time.perf_counter() - started
    t0 = time.perf_counter()
    indexed = batches.finish() if batches is not None else True
    waited = time.perf_counter() - t0
    refresh_statistics(sessions)  # as archive ingest does after a large run
    indexer = Indexer(data / "index", sessions)
    at_end = 0.0
    if index == "end" or not indexed:
        at_end = _timed(indexer.rebuild)
    total = time.perf_counter() - started
    figures = tally.figures(total)
    figures.update(
        parsers=parsers,
        index_mode=index,
        index_background=batches is not None and batches.background is not None,
        index_failed=None if indexed else batches.problem,
        indexed_files=len(files) - len(batches.missed) if batches else 0,
        index_s=round((batches.seconds if batches else 0.0) + at_end, 2),
        index_at_end_s=round(at_end, 2),
        index_wait_s=round(waited, 2),
        parse_s=_parse_time(files, options),
        ingest_peak_rss_mb=peak_rss_mb(),
        children_peak_rss_mb=children_peak_rss_mb(),
    )
    # Storing: the loop above, but for waiting on the parsers and indexing here.
    figures["store_s"] = round(stored - stream.waited - tally.spent_indexing, 2)
    if index == "batched" and indexed and reindex:
        figures["reindex_s"] = round(_timed(indexer.rebuild), 2)
    elif at_end:
        figures["reindex_s"] = figures["index_at_end_s"]
    if figures.get("reindex_s"):
        figures["reindex_passages_per_s"] = round(
            tally.found["passages"] / figures["reindex_s"], 1
        )
    with sessions() as session:
        stats = archive_stats(session)
    figures["stored"] = {
        "documents": sum(stats.documents.values()),
        "passages": stats.passages,
        "claims": stats.claims,
        "footnotes": stats.footnotes,
        "citations": stats.citations,
        "cited_works": stats.works,
    }
    figures["db_mb"] = disk_mb(*data.glob("archive.db*"))
    figures["index_mb"] = disk_mb(data / "index")
    figures["parse_peak_mb"] = _parse_peak(corpus, rows, options)
    figures["peak_rss_mb"] = max(peak_rss_mb(), children_peak_rss_mb())
    sessions.kw["bind"].dispose()
    return figures


class _Tally:
    """Times and counts over the files stored so far."""

    def __init__(self) -> None:
        self.spent_indexing = 0.0  # in this process, when there is no writer process
        self.found: Counter[str] = Counter()
        self.failures: list[str] = []
        self.mismatches: list[str] = []

    def after_store(self, batches) -> AfterStore | None:
        if batches is None:
            return None

        def after_store(document_id: int, passages: int) -> None:
            t0 = time.perf_counter()
            batches(document_id, passages)
            self.spent_indexing += time.perf_counter() - t0

        return after_store

    def take(self, outcome: Outcome, row: dict) -> None:
        if outcome.status == "failed":
            self._keep("failed", self.failures, f"{row['path']}: {outcome.error}")
            return
        got = {k: getattr(outcome, k) for k in COUNTS}
        self.found.update(got)
        self.found["files"] += 1
        if any(got[k] != row[k] for k in COUNTS):
            self._keep("mismatched", self.mismatches, f"{row['path']}: found {got}")

    def figures(self, total: float) -> dict:
        found = self.found
        return {
            "files": found["files"],
            "failures": self.failures,
            "failed": found["failed"],
            "mismatches": self.mismatches,
            "mismatched": found["mismatched"],
            **{k: found[k] for k in COUNTS},
            "total_s": round(total, 2),
            "files_per_s": round(found["files"] / total, 1),
            "passages_per_s": round(found["passages"] / total, 1),
            "citations_per_s": round(found["citations"] / total, 1),
        }

    def _keep(self, counter: str, kept: list[str], text: str) -> None:
        self.found[counter] += 1
        if len(kept) < KEEP:
            kept.append(text)


def _parse_time(files: list[Path], options: ParseOptions) -> float:
    """Seconds one process takes to parse every file (scaled up from a sample).

    Beyond ``PARSE_SAMPLE`` files, every nth file is parsed and the time scaled
    by the corpus's bytes over the sample's.
    """
    step = max(1, len(files) // PARSE_SAMPLE)
    sample = files[::step]
    t0 = time.perf_counter()
    for path in sample:
        parse_path(path, options)
    seconds = time.perf_counter() - t0
    share = sum(p.stat().st_size for p in sample) / sum(p.stat().st_size for p in files)
    return round(seconds / share, 2)


def _timed(action) -> float:
    t0 = time.perf_counter()
    action()
    return time.perf_counter() - t0


def _say(message: str) -> None:
    sys.stderr.write(f"  ingest: {message}\n")


class _Waited:
    """An iterator, and the seconds spent waiting for its items."""

    def __init__(self, items: Iterable) -> None:
        self.items = iter(items)
        self.waited = 0.0

    def __iter__(self) -> Iterator:
        return self

    def __next__(self):
        t0 = time.perf_counter()
        try:
            return next(self.items)
        finally:
            self.waited += time.perf_counter() - t0


def _parse_peak(corpus: Path, rows: list[dict], options: ParseOptions) -> dict:
    """tracemalloc's peak while parsing the largest file of each format."""
    largest: dict[str, Path] = {}
    for row in rows:
        path = corpus / row["path"]
        key = f"{row['kind']} {row['format']}"
        if key not in largest or path.stat().st_size > largest[key].stat().st_size:
            largest[key] = path
    peaks = {}
    for key, path in sorted(largest.items()):
        tracemalloc.start()
        parse_path(path, options)
        peaks[key] = {
            "kb": round(path.stat().st_size / 1024, 1),
            "peak_mb": round(tracemalloc.get_traced_memory()[1] / 1e6, 1),
        }
        tracemalloc.stop()
    return peaks


def _note(done: int, total: int, passages: int, seconds: float) -> None:
    sys.stderr.write(
        f"  ingest: {done}/{total} files, {passages} passages, {seconds:.0f} s "
        f"({passages / seconds:.0f} passages/s)\n"
    )
    sys.stderr.flush()
