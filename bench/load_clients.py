"""Client threads for ``bench.load``: keep-alive connections, a fixed time, figures.

Each client sends GET requests one after another over its own connection until
the time is up, cycling through its group's paths from its own offset. Every
completed request's latency and status is kept; a request that fails (the
connection drops, times out) is an error and the client reconnects.
"""

from __future__ import annotations

import http.client
import math
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

TIMEOUT = 120.0


@dataclass
class Outcome:
    """What one group of clients saw."""

    clients: int
    times: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def figures(self) -> dict:
        server_errors = sum(n for status, n in self.statuses.items() if status >= 500)
        done = len(self.times)
        return {
            "clients": self.clients,
            "requests": done,
            "seconds": round(self.seconds, 1),
            "rps": round(done / self.seconds, 1) if self.seconds else 0.0,
            "p50_ms": _percentile(self.times, 50),
            "p95_ms": _percentile(self.times, 95),
            "p99_ms": _percentile(self.times, 99),
            "max_ms": round(max(self.times) * 1000, 1) if self.times else 0.0,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "errors": server_errors + len(self.failures),
            "first_failures": self.failures[:3],
        }


def run_clients(
    port: int, groups: dict[str, tuple[list[str], int]], seconds: float
) -> dict[str, Outcome]:
    """Run every group's clients at once for ``seconds``; each group's outcome."""
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    outcomes = {name: Outcome(clients) for name, (_, clients) in groups.items()}
    workers = [
        threading.Thread(
            target=_client, args=(port, paths, n, deadline, outcomes[name], lock)
        )
        for name, (paths, clients) in groups.items()
        for n in range(clients)
    ]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    for outcome in outcomes.values():
        outcome.seconds = elapsed
    return outcomes


def _client(
    port: int,
    paths: list[str],
    offset: int,
    deadline: float,
    outcome: Outcome,
    lock: threading.Lock,
) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    number = offset * 7
    while time.perf_counter() < deadline:
        path = paths[number % len(paths)]
        number += 1
        t0 = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as error:
            with lock:
                outcome.failures.append(f"{type(error).__name__}: {error}")
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
            continue
        with lock:
            outcome.times.append(time.perf_counter() - t0)
            outcome.statuses[response.status] += 1
    connection.close()


def _percentile(times: list[float], percent: float) -> float:
    """The nearest-rank percentile of ``times``, in milliseconds."""
    if not times:
        return 0.0
    ordered = sorted(times)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return round(ordered[rank - 1] * 1000, 1)
