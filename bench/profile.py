"""Where ingest time goes: parse, store and a final index rebuild under cProfile.

    python -m bench.profile --corpus DIR [--data DIR] [--limit 100] [--top 25]

Prints the functions with the most time of their own (``tottime``) and the
project's functions with the most time under them (``cumtime``), so the owners
of ingest/, archive/ and index/ see what to speed up first.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
from pathlib import Path

from bench.corpus import manifest

PROJECT = ("/ingest/", "/archive/", "/index/")


def profile(corpus: Path, data: Path, limit: int | None) -> cProfile.Profile:
    from archive import connect, store
    from index import Indexer
    from ingest import ParseOptions, load_registry, parse_path

    rows = manifest(corpus)[:limit]
    sessions = connect(f"sqlite:///{data / 'archive.db'}")
    registry = load_registry()
    options = ParseOptions(registry)
    profiler = cProfile.Profile()
    profiler.enable()
    for row in rows:
        store(sessions, parse_path(corpus / row["path"], options), registry)
    Indexer(data / "index", sessions).rebuild()
    profiler.disable()
    sessions.kw["bind"].dispose()
    return profiler


def report(profiler: cProfile.Profile, top: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats("|".join(PROJECT), top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--data", type=Path, help="a fresh folder (default: temp)")
    parser.add_argument("--limit", type=int, help="profile only the first N files")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as scratch:
        data = args.data or Path(scratch)
        profiler = profile(args.corpus, data, args.limit)
    sys.stdout.write(report(profiler, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
