"""Ingest a generated corpus into a fresh data folder, timing each step.

Each file goes through the library exactly as ``archive ingest`` takes it:
``ingest.parse_path``, ``archive.store`` (one transaction) and
``index.Indexer.update_documents`` (one index commit per ``INDEX_BATCH`` files,
the batch ``archive ingest`` uses). Parse, store and
index time are summed separately; the whole index is then rebuilt once
(``archive reindex``) and timed on its own.
"""

from __future__ import annotations

import sys
import time
import traceback
import tracemalloc
from collections import Counter
from pathlib import Path

from archive import connect, store
from archive.batch import INDEX_BATCH
from archive.queries import archive_stats
from bench.corpus import COUNTS, manifest
from bench.machine import disk_mb, peak_rss_mb
from ingest import ParseError, ParseOptions, load_registry, parse_path

PROGRESS_EVERY = 30.0
KEEP = 20  # failures and mismatches kept verbatim; all are counted


def run(corpus: Path, data: Path, index: str = "batched", reindex: bool = True) -> dict:
    """Ingest ``corpus`` into ``data``; ``index`` is "batched", "end" or "none"."""
    from index import Indexer

    rows = manifest(corpus)
    sessions = connect(f"sqlite:///{data / 'archive.db'}")
    options = ParseOptions(load_registry())
    tally = _Tally(Indexer(data / "index", sessions), index)
    started = last_note = time.perf_counter()
    for number, row in enumerate(rows, 1):
        tally.ingest(corpus, row, number, sessions, options)
        now = time.perf_counter()
        if now - last_note > PROGRESS_EVERY:
            last_note = now
            _note(number, len(rows), tally.found["passages"], now - started)
    if index == "batched":
        t0 = time.perf_counter()
        tally.flush(len(rows))
        tally.spent["index"] += time.perf_counter() - t0
    if index == "end" or tally.broken is not None:
        tally.rebuild("index_at_end")
    figures = tally.figures(time.perf_counter() - started)
    if index == "batched" and tally.broken is None and reindex:
        figures["reindex_s"] = round(tally.rebuild("reindex"), 2)
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
    figures["peak_rss_mb"] = peak_rss_mb()
    sessions.kw["bind"].dispose()
    return figures


class _Tally:
    """Times and counts over the files ingested so far."""

    def __init__(self, indexer, index: str) -> None:
        self.indexer = indexer
        self.index = index
        self.spent: Counter[str] = Counter()
        self.found: Counter[str] = Counter()
        self.failures: list[str] = []
        self.mismatches: list[str] = []
        self.broken: str | None = None  # why indexing during ingest stopped
        self.pending: list[int] = []

    def flush(self, number: int) -> None:
        """Index the stored files waiting for it, in one commit."""
        batch, self.pending = self.pending, []
        if batch and self.broken is None:
            self.broken = _index_batch(self.indexer, batch, number)
            self.found["indexed_files"] += len(batch) if self.broken is None else 0

    def ingest(self, corpus: Path, row: dict, number: int, sessions, options) -> None:
        t0 = time.perf_counter()
        try:
            parsed = parse_path(corpus / row["path"], options)
        except ParseError as error:
            self._keep("failed", self.failures, str(error))
            return
        t1 = time.perf_counter()
        result = store(sessions, parsed, options.registry)
        t2 = time.perf_counter()
        if self.index == "batched" and self.broken is None:
            self.pending.append(result.document_id)
            if len(self.pending) >= INDEX_BATCH:
                self.flush(number)
        t3 = time.perf_counter()
        self.spent.update(parse=t1 - t0, store=t2 - t1, index=t3 - t2)
        got = _counts(parsed)
        self.found.update(got)
        self.found["files"] += 1
        if any(got[k] != row[k] for k in COUNTS):
            self._keep("mismatched", self.mismatches, f"{row['path']}: found {got}")

    def rebuild(self, label: str) -> float:
        t0 = time.perf_counter()
        self.indexer.rebuild()
        seconds = time.perf_counter() - t0
        self.spent[label] = seconds
        if label == "index_at_end":
            self.spent["index"] += seconds
        return seconds

    def figures(self, total: float) -> dict:
        found, spent = self.found, self.spent
        figures = {
            "files": found["files"],
            "failures": self.failures,
            "failed": found["failed"],
            "mismatches": self.mismatches,
            "mismatched": found["mismatched"],
            **{k: found[k] for k in COUNTS},
            "index_mode": self.index,
            "index_failed": self.broken,
            "indexed_files": found["indexed_files"],
            "index_at_end_s": round(spent["index_at_end"], 2),
            "total_s": round(total, 2),
            "parse_s": round(spent["parse"], 2),
            "store_s": round(spent["store"], 2),
            "index_s": round(spent["index"], 2),
            "files_per_s": round(found["files"] / total, 1),
            "passages_per_s": round(found["passages"] / total, 1),
            "citations_per_s": round(found["citations"] / total, 1),
            "ingest_peak_rss_mb": peak_rss_mb(),
        }
        if spent["index_at_end"]:
            figures["reindex_s"] = figures["index_at_end_s"]
        return figures

    def _keep(self, counter: str, kept: list[str], text: str) -> None:
        self.found[counter] += 1
        if len(kept) < KEEP:
            kept.append(text)


def _index_batch(indexer, document_ids: list[int], number: int) -> str | None:
    """Index stored files as ``archive ingest`` does; why it failed, if it did.

    A failure is measured, not hidden: the figures say where indexing file by
    file stopped and why, and the rest of the corpus is indexed by one rebuild.
    """
    try:
        indexer.update_documents(document_ids)
    except Exception as error:  # noqa: BLE001 - any failure is a finding to report
        where = traceback.extract_tb(error.__traceback__)[-1]
        return (
            f"file {number}: {type(error).__name__}: {error} "
            f"(in {Path(where.filename).name}:{where.lineno} {where.name})"
        )
    return None


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
