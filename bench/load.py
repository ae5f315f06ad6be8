"""Search under load: many clients on loopback, with and without an ingest running.

    python -m bench.load --data D [--old CHECKOUT [--old-data D2]]
        [--extra CORPUS ...] [--out F]

Serves the data folder ``D`` with waitress (``bench.serve``, 8 threads as
``archive serve`` uses) and sends search requests from client threads over
keep-alive connections for a fixed time, each client cycling through the
benchmark's queries (``bench.queries``). Runs, in this order:

1. ``--clients-small`` clients (8) against the code of ``--old`` (another
   checkout, served by its own ``bench.serve``; over ``--old-data`` if the old
   code cannot open ``D``, its own ingest of the same corpus), then against
   this code in one process (as ``archive serve`` by default) and in
   ``--processes`` (2): the throughput side by side, on the same machine, in
   one run, taken in turns for ``--rounds`` rounds (a shared machine's load
   drifts);
2. ``--clients`` clients (50) against this code (``--processes`` from here on);
3. the same with some clients sending only pathological queries (a 999-letter
   word, a 499-word phrase of ``1``: 6 s and 13 s alone on medium before
   searches were bounded), their latency reported apart from the others';
4. the same 50 clients while ``archive ingest`` adds the ``--extra`` corpora to
   ``D``, ten files a run: an index commit lands every few seconds under the
   searches. ``D`` grows by what was ingested.

A request is an *error* if it does not complete or its status is 5xx; a 4xx is
a refused query (an answer). Each run also gives the server's CPU time per
request (its processes' user and system time over the requests answered), a
figure that depends less than throughput on what else the machine runs.
Figures go to ``--out`` as JSON and to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode

from bench.load_clients import run_clients
from bench.queries import query_set
from bench.web_phase import _free_port, _wait_for

ROOT = Path(__file__).resolve().parents[1]
LONG_WORD = "a" * 999
LONG_PHRASE = '"' + " ".join(["1"] * 499) + '"'  # 999 characters: legal
SLOW_QUERIES = (LONG_WORD, LONG_PHRASE)
INGEST_CHUNK = 10  # files per ``archive ingest`` during the load
WARM_SECONDS = 5.0  # unmeasured requests first: every process opens its searchers
WARM_CLIENTS = 8
RUN_CLI = "import sys; from archive.cli import cli; sys.exit(cli())"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--old", type=Path, help="a checkout of the code to compare")
    parser.add_argument(
        "--old-data", type=Path, help="the old code's data folder (default: --data)"
    )
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--clients-small", type=int, default=8)
    parser.add_argument("--slow-clients", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument(
        "--processes", type=int, default=2, help="this code's, beside one"
    )
    parser.add_argument("--queries", type=int, default=40, help="per kind")
    parser.add_argument("--rounds", type=int, default=2, help="of the side by side")
    parser.add_argument(
        "--side-by-side-only", action="store_true", help="skip the 50-client runs"
    )
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
    procs = args.processes
    sides = [("this code, one process", ROOT, args.data, 1)]
    if procs > 1:
        sides.append((f"this code, {procs} processes", ROOT, args.data, procs))
    if args.old is not None:
        sides.insert(0, ("old code", args.old, args.old_data or args.data, 1))
    for round_ in range(1, args.rounds + 1):  # taken in turns: the load drifts
        for name, checkout, data, count in sides:
            with _server(checkout, data, args.threads, log, count) as server:
                record(
                    f"{name}, {small} clients, round {round_}",
                    _run(server, paths, small, seconds),
                )
    if args.side_by_side_only:
        return 0
    with _server(ROOT, args.data, args.threads, log, procs) as server:
        many = args.clients
        record(f"this code, {many} clients", _run(server, paths, many, seconds))
        mixed = _run(server, paths, many - args.slow_clients, seconds, slow=slow,
                     slow_clients=args.slow_clients)  # fmt: skip
        record(f"this code, {many} clients, {args.slow_clients} of them slow", mixed)
        if args.extra:
            record(
                f"this code, {many} clients, ingest running",
                _with_ingest(server, paths, many, seconds, args.data, args.extra),
            )
    return 0


def _run(
    server: _server,
    paths: list[str],
    clients: int,
    seconds: float,
    slow: list[str] | None = None,
    slow_clients: int = 0,
) -> dict:
    groups = {"ordinary": (paths, clients)}
    if slow:
        groups["slow"] = (slow, slow_clients)
    cpu = server.cpu_seconds()
    found = run_clients(server.port, groups, seconds)
    cpu = server.cpu_seconds() - cpu
    figures = {name: outcome.figures() for name, outcome in found.items()}
    done = sum(len(outcome.times) for outcome in found.values())
    figures["server_cpu_s"] = round(cpu, 1)
    figures["server_cpu_ms_per_request"] = round(cpu / done * 1000, 1) if done else 0.0
    return figures


def _with_ingest(
    server: _server,
    paths: list[str],
    clients: int,
    seconds: float,
    data: Path,
    extra: list[Path],
) -> dict:
    """The load while ``archive ingest`` adds ``extra`` to ``data``.

    The files go in runs of ``INGEST_CHUNK`` (one ``archive ingest`` each, one
    after another), so that an index commit lands every few seconds rather than
    once per 5,000 passages; a run still going when the time is up is
    interrupted (Ctrl+C). The commits that landed are counted from the index's
    generations.
    """
    files = sorted(
        f for corpus in extra for f in corpus.rglob("*.*") if f.parent != corpus
    )
    chunks = [files[i : i + INGEST_CHUNK] for i in range(0, len(files), INGEST_CHUNK)]
    before = _generation(data / "index")
    done = threading.Event()
    runs: list[dict] = []

    def ingest() -> None:
        for chunk in chunks:
            if done.is_set():
                return
            process = subprocess.Popen(
                [sys.executable, "-c", RUN_CLI, "ingest", *map(str, chunk)],
                cwd=ROOT,
                env={
                    **os.environ,
                    "PYTHONPATH": str(ROOT),
                    "ARCHIVE_DATA_DIR": str(data),
                },
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            while process.poll() is None and not done.wait(0.2):
                pass
            if process.poll() is None:
                process.send_signal(signal.SIGINT)
            out, _ = process.communicate()
            runs.append({"exit": process.returncode, "said": out.strip()[-60:]})

    worker = threading.Thread(target=ingest)
    worker.start()
    figures = _run(server, paths, clients, seconds)
    done.set()
    worker.join()
    return {
        **figures,
        "ingest": {
            "runs": len(runs),
            "files": sum(len(chunk) for chunk in chunks[: len(runs)]),
            "failed_runs": sum(run["exit"] != 0 for run in runs),
            "index_commits": _generation(data / "index") - before,
            "last": runs[-2:],
        },
    }


def _children(pid: int) -> list[int]:
    try:
        return [
            int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    except OSError:
        return []


def _cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _generation(index_dir: Path) -> int:
    """The index's latest generation (its highest table-of-contents number)."""
    numbers = [int(p.stem.rsplit("_", 1)[1]) for p in index_dir.glob("_MAIN_*.toc")]
    return max(numbers, default=0)


class _server:
    """``bench.serve`` from ``checkout`` over ``data``, on a free loopback port."""

    def __init__(
        self, checkout: Path, data: Path, threads: int, log: Path, processes: int = 1
    ) -> None:
        self.log = log
        self.command = [
            sys.executable, "-m", "bench.serve", "--data", str(data),
            "--threads", str(threads),
        ]  # fmt: skip
        if processes > 1:
            self.command += ["--processes", str(processes)]
        self.checkout = checkout

    def __enter__(self) -> _server:
        self.port = port = _free_port()
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
        warm = [f"/?{urlencode({'q': q.text})}" for q in query_set(2)]
        run_clients(port, {"warm": (warm, WARM_CLIENTS)}, WARM_SECONDS)
        return self

    def cpu_seconds(self) -> float:
        """CPU time (user + system) of the server and the processes it forked."""
        pids = [self.process.pid, *_children(self.process.pid)]
        return sum(_cpu(pid) for pid in pids)

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
