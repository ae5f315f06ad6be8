"""One benchmark phase in a process of its own, so that its peak memory is its own.

    python -m bench.phase ingest --corpus C --data D --out ingest.json
    python -m bench.phase search|fts|web --data D --out NAME.json

The result file holds ``{"figures": {...}}``, or ``{"skipped": "why"}`` when a
library piece the phase needs is not there yet (an import fails).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.queries import query_set


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.phase")
    parser.add_argument("phase", choices=("ingest", "search", "fts", "web"))
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--index", choices=("batched", "end", "none"))
    parser.add_argument("--no-reindex", action="store_true")
    parser.add_argument("--queries", type=int, default=40, help="per kind")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args(argv)
    try:
        figures = _run(args)
    except ImportError as error:
        result = {"skipped": f"{args.phase}: a library piece is missing: {error}"}
    else:
        result = {"figures": figures}
    args.out.write_text(json.dumps(result, indent=1, default=str) + "\n")
    return 0


def _run(args: argparse.Namespace) -> dict:
    queries = query_set(args.queries)
    if args.phase == "ingest":
        from bench import ingest_phase

        return ingest_phase.run(
            args.corpus, args.data, args.index or "batched", not args.no_reindex
        )
    if args.phase == "search":
        from bench import search_phase

        return search_phase.run(args.data / "index", queries)
    if args.phase == "fts":
        from bench import fts

        built = fts.build(f"sqlite:///{args.data / 'archive.db'}", args.data / "fts.db")
        return {**built, **fts.search(args.data / "fts.db", queries)}
    from bench import web_phase

    figures = web_phase.pages(
        args.data, queries, per_page_kind=max(2, args.queries // 4)
    )
    figures["waitress"] = web_phase.throughput(
        args.data, queries, requests=args.requests, seconds=args.seconds
    )
    return figures


if __name__ == "__main__":
    sys.exit(main())
