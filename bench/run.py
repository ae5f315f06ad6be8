"""Run the benchmark for one or more corpus sizes and write the figures.

    python -m bench.run --size small
    python -m bench.run --size small --size medium --out BENCHMARKS.md
    python -m bench.run --size large --corpus /big/corpus --index end --keep /big

For each size: generate the corpus (or use ``--corpus``), ingest it into a fresh
data folder, search it with the archive's searcher and with SQLite FTS5, fetch
pages through the WSGI app and load waitress with concurrent clients. Each
phase runs in its own process. A phase whose library piece is missing is
skipped with a note. Figures go between the generated-block markers of
``--out`` (text outside them is kept), with every size measured so far, so a
growth table builds up across runs.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
import time
from collections import deque
from pathlib import Path

from bench import corpus as corpus_module
from bench import figures, machine

PHASES = ("ingest", "search", "fts", "web")
QUERIES = {"tiny": 6, "small": 40, "medium": 40, "large": 40}
REQUESTS = {"tiny": 40, "small": 200, "medium": 200, "large": 200}
SECONDS = {"tiny": 10.0, "small": 30.0, "medium": 60.0, "large": 120.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--size", action="append", choices=corpus_module.SIZES)
    parser.add_argument("--corpus", type=Path, help="an already generated corpus")
    parser.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    parser.add_argument("--keep", type=Path, help="folder for corpus and data")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--index", choices=("batched", "end"), default="batched")
    parser.add_argument("--no-reindex", action="store_true")
    parser.add_argument("--skip", action="append", choices=PHASES, default=[])
    args = parser.parse_args(argv)
    sizes = args.size or ["small"]
    if args.corpus and len(sizes) > 1:
        parser.error("--corpus goes with a single --size")
    command = "python -m bench.run " + shlex.join(argv or sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="bench-") as scratch:
        root = args.keep or Path(scratch)
        measured = {size: run_size(size, root / size, args, command) for size in sizes}
    figures.write(args.out, measured)
    _say(f"figures written to {args.out}")
    return 0


def run_size(size: str, root: Path, args: argparse.Namespace, command: str) -> dict:
    root.mkdir(parents=True, exist_ok=True)
    result: dict = {
        "size": size,
        "command": command,
        "machine": machine.describe(),
        "notes": [],
    }
    source = args.corpus
    if source is None:
        source = root / "corpus"
        _say(f"[{size}] generating the corpus in {source}")
        t0 = time.perf_counter()
        corpus_module.generate(size, source, args.seed)
        result["generate_s"] = round(time.perf_counter() - t0, 2)
    result["corpus"] = json.loads((source / "corpus.json").read_text())
    data = root / "data"
    if data.exists() and any(data.iterdir()):
        raise SystemExit(
            f"{data} is not empty: the benchmark needs a fresh data folder"
        )
    data.mkdir(parents=True, exist_ok=True)
    extra = {
        "ingest": ["--corpus", str(source), "--index", args.index]
        + (["--no-reindex"] if args.no_reindex else []),
        "web": ["--requests", str(REQUESTS[size]), "--seconds", str(SECONDS[size])],
    }
    for phase in PHASES:
        if phase in args.skip:
            result["notes"].append(f"{phase}: skipped on request (--skip {phase})")
            continue
        if phase != "ingest" and "ingest" not in result:
            result["notes"].append(f"{phase}: skipped, nothing was ingested")
            continue
        _say(f"[{size}] {phase} ...")
        t0 = time.perf_counter()
        outcome = _phase(phase, data, root, QUERIES[size], extra.get(phase, []))
        if "figures" in outcome:
            result[phase] = outcome["figures"]
            _say(f"[{size}] {phase} done in {time.perf_counter() - t0:.1f} s")
        else:
            result["notes"].append(outcome["skipped"])
            _say(f"[{size}] NOTE: {outcome['skipped']}")
    result["machine"]["load_after"] = machine.load()
    return result


def _phase(phase: str, data: Path, root: Path, queries: int, extra: list[str]) -> dict:
    out = root / f"{phase}.json"
    command = [
        sys.executable, "-m", "bench.phase", phase, "--data", str(data),
        "--out", str(out), "--queries", str(queries), *extra,
    ]  # fmt: skip
    tail: deque[str] = deque(maxlen=6)
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as child:
        for line in child.stderr:  # shown as it comes (progress), the end kept
            sys.stderr.write(line)
            tail.append(line.rstrip())
    if child.returncode != 0 or not out.exists():
        last = "\n".join(tail)
        return {"skipped": f"{phase}: failed (exit {child.returncode}): {last}"}
    return json.loads(out.read_text())


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
