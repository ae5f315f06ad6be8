"""Ingest a generated corpus into a fresh data folder, as ``archive ingest`` does.

The files go through the same pipeline as the command: parser processes
(``archive.parsing.parse_ahead``, as many as ``default_parsers`` gives) parse
ahead of this process, which stores each file (``archive.batch.store_parsed``, one
transaction) and hands every ``INDEX_BATCH`` stored passages to the index writer
(``index.batches.IndexBatches``: a process of its own for runs of more than one
batch). The three overlap, so the end-to-end time is less than their sum.
Measured: the wall time, store time in this process, index time in the writer,
and parse time in one process over a sample of the files (measured apart,
since the parser processes overlap with everything else). The whole index is
then rebuilt once (``archive reindex``) and timed on its own.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

from archive import connect
from archive.batch import store_parsed
from archive.db import refresh_statistics
from archive.parsing import default_parsers, parse_ahead
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
    stream = parse_ahead(files, options, None, parsers)
    for number, ((path, parsed), row) in enumerate(zip(stream, rows, strict=True), 1):
        tally.store(path, parsed, row, sessions, options, batches)
        now = time.perf_counter()
        if now - last_note > PROGRESS_EVERY:
            last_note = now
            _note(number, len(rows), tally.found["passages"], now - started)
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
    figures["store_s"] = round(tally.spent["store"] - tally.spent["index"], 2)
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
        self.spent: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.failures: list[str] = []
        self.mismatches: list[str] = []

    def store(self, path, parsed, row, sessions, options, batches) -> None:
        def after_store(document_id: int, passages: int) -> None:
            t0 = time.perf_counter()
            batches(document_id, passages)  # here when there is no writer process
            self.spent["index"] += time.perf_counter() - t0

        t0 = time.perf_counter()
        outcome = store_parsed(
            path, parsed, sessions, options, after_store if batches else None
        )
        self.spent["store"] += time.perf_counter() - t0
        if outcome.status == "failed":
            self._keep("failed", self.failures, f"{row['path']}: {outcome.error}")
            return
        got = _counts(parsed)
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


def _counts(parsed) -> dict[str, int]:
    return {
        "passages": len(parsed.passages),
        "claims": len(parsed.claims),
        "footnotes": len(parsed.footnotes),
        "citations": len(parsed.citations),
    }


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
