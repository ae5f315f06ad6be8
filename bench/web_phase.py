"""Page latency under the real WSGI app, and search throughput under waitress.

Pages are fetched with Flask's test client from ``web.create_app`` over the
benchmark's data folder: search results, documents (a sample, and the largest),
outlets (the most cited and some of the tail), cited works and claims. Then
``bench.serve`` runs the same app under waitress on 127.0.0.1, and client
threads send search requests over keep-alive connections, bounded by a request
count and a time limit; the server is stopped at the end.
"""

from __future__ import annotations

import http.client
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from bench.machine import peak_rss_mb, process_peak_mb, summary
from bench.queries import Query

STARTUP_LIMIT = 60.0


def pages(data: Path, queries: list[Query], per_page_kind: int) -> dict:
    from web import create_app

    app = create_app({"DATA_DIR": str(data)})
    client = app.test_client()
    urls = _urls(data / "archive.db", queries, per_page_kind)
    results = {}
    for page, paths in urls.items():
        if paths:
            client.get(paths[0])  # warm what the first request of a page loads
        times, statuses, sizes = [], {}, []
        for path in paths:
            t0 = time.perf_counter()
            response = client.get(path)
            body = response.get_data()
            times.append(time.perf_counter() - t0)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            sizes.append(len(body))
        results[page] = {
            **summary(times),
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "mean_kb": round(sum(sizes) / len(sizes) / 1024, 1) if sizes else 0.0,
        }
    found = app.extensions["archive"]
    found.searcher.close()
    found.sessions.kw["bind"].dispose()
    return {"pages": results, "web_peak_rss_mb": peak_rss_mb()}


def _urls(db_path: Path, queries: list[Query], per_kind: int) -> dict[str, list]:
    db = sqlite3.connect(db_path)
    step = max(1, len(queries) // (7 * per_kind))
    searches = [f"/?{urlencode({'q': q.text})}" for q in queries[::step]]

    def ids(sql: str) -> list:
        return [row[0] for row in db.execute(sql)]

    urls = {
        "search": searches,
        "document": [
            f"/documents/{i}"
            for i in ids("SELECT id FROM document ORDER BY (id * 7919) % 1009 LIMIT 40")
        ],
        "document (largest)": [
            f"/documents/{i}"
            for i in ids(
                "SELECT document_id FROM passage GROUP BY document_id "
                "ORDER BY count(*) DESC LIMIT 5"
            )
        ],
        "outlet": [
            f"/outlets/{s}"
            for s in ids(
                "SELECT o.slug FROM outlet o JOIN citation c ON c.outlet_id = o.id "
                "GROUP BY o.id ORDER BY count(*) DESC LIMIT 10"
            )
            + ids("SELECT slug FROM outlet WHERE NOT known ORDER BY id LIMIT 10")
        ],
        "cited work": [
            f"/works/{i}"
            for i in ids(
                "SELECT work_id FROM citation WHERE work_id IS NOT NULL "
                "GROUP BY work_id ORDER BY count(*) DESC LIMIT 10"
            )
            + ids("SELECT id FROM cited_work ORDER BY (id * 7919) % 1009 LIMIT 20")
        ],
        "claim": [
            f"/claims/{i}"
            for i in ids("SELECT id FROM claim ORDER BY (id * 7919) % 1009 LIMIT 30")
        ],
    }
    db.close()
    return urls


def throughput(
    data: Path,
    queries: list[Query],
    clients: tuple[int, ...] = (1, 4),
    requests: int = 200,
    seconds: float = 30.0,
    threads: int = 4,
) -> dict:
    """Search requests per second under waitress with concurrent clients."""
    port = _free_port()
    command = [
        sys.executable, "-m", "bench.serve", "--data", str(data), "--port", str(port),
        "--threads", str(threads),
    ]  # fmt: skip
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        _wait_for(server, port)
        paths = [f"/?{urlencode({'q': q.text})}" for q in queries]
        runs = {str(n): _load(port, paths, n, requests, seconds) for n in clients}
        peak = process_peak_mb(server.pid)
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    return {
        "server_threads": threads,
        "runs": runs,
        "server_peak_rss_mb": peak,
        "server_output": output[-1500:] if server.returncode not in (0, -15) else "",
    }


def _load(port: int, paths: list[str], clients: int, limit: int, seconds: float):
    lock = threading.Lock()
    times: list[float] = []
    errors: list[str] = []
    issued = [0]
    deadline = time.perf_counter() + seconds

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.perf_counter() < deadline:
            with lock:
                if issued[0] >= limit:
                    break
                number = issued[0]
                issued[0] += 1
            path = paths[(number + offset) % len(paths)]
            t0 = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                errors.append(str(error))
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            with lock:
                times.append(time.perf_counter() - t0)
                if status != 200:
                    errors.append(f"status {status} for {path}")
        connection.close()

    started = time.perf_counter()
    workers = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": len(times),
        "seconds": round(elapsed, 2),
        "rps": round(len(times) / elapsed, 1) if elapsed else 0.0,
        **summary(times),
        "errors": len(errors),
        "first_errors": errors[:3],
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(server: subprocess.Popen, port: int) -> None:
    deadline = time.perf_counter() + STARTUP_LIMIT
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            output = server.stdout.read() if server.stdout else ""
            raise RuntimeError(f"the waitress server stopped at start:\n{output}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/help")
            connection.getresponse().read()
            connection.close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the waitress server did not answer in {STARTUP_LIMIT:.0f} s")
