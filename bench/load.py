"""Search under load: many clients on loopback, with and without an ingest running.

    python -m bench.load --data D [--old CHECKOUT] [--extra CORPUS ...] [--out F]

Serves the data folder ``D`` with waitress (``bench.serve``, 8 threads as
``archive serve`` uses) and sends search requests from client threads over
keep-alive connections for a fixed time, each client cycling through the
benchmark's queries (``bench.queries``). Runs, in this order:

1. ``--clients-small`` clients (8) against the code of ``--old`` (another
   checkout, served by its own ``bench.serve``), then against this code: the
   throughput side by side, on the same machine and data, in one run;
2. ``--clients`` clients (50) against this code;
3. the same with some clients sending only pathological queries (a 999-letter
   word, a 499-word phrase), their latency reported apart from the others';
4. the same 50 clients while ``archive ingest`` adds the ``--extra`` corpora to
   ``D`` (one after another, until the time is up): every commit lands under
   the searches. ``D`` grows by what was ingested.

A request is an *error* if it does not complete or its status is 5xx; a 4xx is
a refused query (an answer). Figures go to ``--out`` as JSON and to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.load_clients import run_clients
from bench.queries import query_set
from bench.web_phase import _free_port, _wait_for

ROOT = Path(__file__).resolve().parents[1]
LONG_WORD = "a" * 999
LONG_PHRASE = '"' + " ".join(["word"] * 499) + '"'
SLOW_QUERIES = (LONG_WORD, LONG_PHRASE)
RUN_CLI = "import sys; from archive.cli import cli; sys.exit(cli())"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--old", type=Path, help="a checkout of the code to compare")
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--clients-small", type=int, default=8)
    parser.add_argument("--slow-clients", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--queries", type=int, default=40, help="per kind")
    parser.add_argument("--out", type=Path, default=Path("load.json"))
    args = parser.parse_args(argv)
    paths = [f"/?{urlencode({'q': q.text})}" for q in query_set(args.queries)]
    slow = [f"/?{urlencode({'q': q})}" for q in SLOW_QUERIES]
    runs: dict[str, dict] = {}

    def record(name: str, outcome: dict) -> None:
        runs[name] = outcome
        _say(f"{name}: {json.dumps(outcome)}")
        args.out.write_text(json.dumps(runs, indent=1) + "\n")

    small, seconds = args.clients_small, args.seconds
    log = args.out.with_suffix(".server.log")
    if args.old is not None:
        with _server(args.old, args.data, args.threads, log) as port:
            record(f"old code, {small} clients", _run(port, paths, small, seconds))
    with _server(ROOT, args.data, args.threads, log) as port:
        record(f"this code, {small} clients", _run(port, paths, small, seconds))
        many = args.clients
        record(f"this code, {many} clients", _run(port, paths, many, seconds))
        mixed = _run(port, paths, many - args.slow_clients, seconds, slow=slow,
                     slow_clients=args.slow_clients)  # fmt: skip
        record(f"this code, {many} clients, {args.slow_clients} of them slow", mixed)
        if args.extra:
            record(
                f"this code, {many} clients, ingest running",
                _with_ingest(port, paths, many, seconds, args.data, args.extra),
            )
    return 0


def _run(
    port: int,
    paths: list[str],
    clients: int,
    seconds: float,
    slow: list[str] | None = None,
    slow_clients: int = 0,
) -> dict:
    groups = {"ordinary": (paths, clients)}
    if slow:
        groups["slow"] = (slow, slow_clients)
    found = run_clients(port, groups, seconds)
    return {name: outcome.figures() for name, outcome in found.items()}


def _with_ingest(
    port: int,
    paths: list[str],
    clients: int,
    seconds: float,
    data: Path,
    extra: list[Path],
) -> dict:
    """The load while ``archive ingest`` adds ``extra`` to ``data``."""
    done = threading.Event()
    ingests: list[dict] = []

    def ingest() -> None:
        for corpus in extra:
            if done.is_set():
                break
            t0 = time.perf_counter()
            process = subprocess.run(
                [sys.executable, "-c", RUN_CLI, "ingest", str(corpus)],
                cwd=ROOT,
                env={
                    **os.environ,
                    "PYTHONPATH": str(ROOT),
                    "ARCHIVE_DATA_DIR": str(data),
                },
                capture_output=True,
                text=True,
            )
            ingests.append({
                "corpus": str(corpus),
                "exit": process.returncode,
                "seconds": round(time.perf_counter() - t0, 1),
                "said": process.stdout.strip().splitlines()[-1:],
                "errors": process.stderr.strip().splitlines()[-3:],
            })  # fmt: skip

    worker = threading.Thread(target=ingest)
    worker.start()
    figures = _run(port, paths, clients, seconds)
    done.set()
    worker.join()
    return {**figures, "ingests": ingests}


class _server:
    """``bench.serve`` from ``checkout`` over ``data``, on a free loopback port."""

    def __init__(self, checkout: Path, data: Path, threads: int, log: Path) -> None:
        self.log = log
        self.command = [
            sys.executable, "-m", "bench.serve", "--data", str(data),
            "--threads", str(threads),
        ]  # fmt: skip
        self.checkout = checkout

    def __enter__(self) -> int:
        port = _free_port()
        with self.log.open("a", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [*self.command, "--port", str(port)],
                cwd=self.checkout,
                env={**os.environ, "PYTHONPATH": str(self.checkout)},
                stdout=log,
                stderr=subprocess.STDOUT,
                text=True,
            )
        _wait_for(self.process, port)
        return port

    def __exit__(self, *_exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
