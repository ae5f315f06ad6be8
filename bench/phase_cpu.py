"""The CPU time of storing and of indexing a sample of a corpus, as an ingest
spends it, without the parser processes and the index writer's process.

    python -m bench.phase_cpu --corpus DIR --parsed FILE [--every 10]
    python -m bench.phase_cpu --parsed FILE --data DIR [--repeat 3]

The first form parses every ``every``-th file of the corpus's manifest once and
keeps the parsed documents in ``FILE``, so that two versions of the code store
the very same documents. The second stores them into a fresh data folder,
``STORE_GROUP`` documents to a transaction (as ``archive.batch.store_all``), and
writes every ``INDEX_BATCH`` stored passages to the index with
``Indexer.update_documents`` (as ``index.batches`` does), with the garbage
collector set as ``archive ingest`` sets it. It prints the process's CPU seconds
in each phase (``time.process_time``: user and system), a line of JSON a run.
The parsed documents are held pickled, a group at a time, as the parser
processes hand them over, so that the heap is not a corpus of documents for the
collector to walk.
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import sys
import time
from pathlib import Path


def parse_sample(corpus: Path, parsed: Path, every: int) -> dict:
    """Parse every ``every``-th file of ``corpus`` into ``parsed``."""
    from bench.corpus import manifest
    from ingest import ParseOptions, load_registry, parse_path

    options = ParseOptions(load_registry())
    started = time.process_time()
    documents = [
        parse_path(corpus / row["path"], options) for row in manifest(corpus)[::every]
    ]
    seconds = time.process_time() - started
    parsed.write_bytes(pickle.dumps(documents))
    return {
        "files": len(documents),
        "passages": sum(len(d.passages) for d in documents),
        "parse_cpu_s": round(seconds, 3),
    }


def store_and_index(parsed: Path, data: Path, batch: int | None = None) -> dict:
    """Store and index the parsed sample into a fresh ``data``; CPU per phase.

    ``batch``: passages a commit (``INDEX_BATCH``); fewer make the sample's
    index as many segments to merge as a whole corpus's.
    """
    from archive import connect
    from archive.batch import STORE_GROUP
    from archive.garbage import collecting_less_often
    from archive.store import store_together
    from index import Indexer
    from index.batches import INDEX_BATCH
    from ingest import load_registry

    documents = pickle.loads(parsed.read_bytes())
    groups = [
        pickle.dumps(documents[at : at + STORE_GROUP])
        for at in range(0, len(documents), STORE_GROUP)
    ]
    passages = sum(len(d.passages) for d in documents)
    del documents
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    sessions = connect(f"sqlite:///{data / 'archive.db'}")
    registry = load_registry()
    indexer = Indexer(data / "index", sessions)
    indexer.rebuild()  # an empty index, as the ingest's first batch finds it
    cpu = {"store": 0.0, "index": 0.0}
    pending: list[int] = []
    held = 0
    with collecting_less_often():
        for group in groups:
            stored = pickle.loads(group)
            started = time.process_time()
            results = store_together(sessions, stored, registry)
            cpu["store"] += time.process_time() - started
            pending += [result.document_id for result in results]
            held += sum(len(d.passages) for d in stored)
            if held >= (batch or INDEX_BATCH):
                cpu["index"] += _timed(indexer.update_documents, pending)
                pending, held = [], 0
        if pending:
            cpu["index"] += _timed(indexer.update_documents, pending)
    return {
        "passages": passages,
        "store_cpu_s": round(cpu["store"], 3),
        "index_cpu_s": round(cpu["index"], 3),
    }


def _timed(write, document_ids: list[int]) -> float:
    started = time.process_time()
    write(document_ids)
    return time.process_time() - started


def _say(figures: dict) -> None:
    sys.stdout.write(json.dumps(figures) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.phase_cpu")
    parser.add_argument("--corpus", type=Path, help="parse a sample of it first")
    parser.add_argument("--parsed", type=Path, required=True)
    parser.add_argument("--every", type=int, default=10)
    parser.add_argument("--data", type=Path, help="store and index into it")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--batch", type=int, help="passages an index commit")
    args = parser.parse_args(argv)
    if args.corpus is not None:
        _say(parse_sample(args.corpus, args.parsed, args.every))
    if args.data is not None:
        for _ in range(args.repeat):
            _say(store_and_index(args.parsed, args.data, args.batch))
    return 0


if __name__ == "__main__":
    sys.exit(main())
