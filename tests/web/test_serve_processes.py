"""`archive serve --processes 2`: two server processes on one port, over HTTP.

Both processes answer searches (the parent and the child it forked accept on
the same socket, each with its own searchers), and when the parent is told to
stop (SIGTERM) the child stops with it and nothing listens on the port any more.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.web.browsing import archive_command, free_port

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/task").exists(), reason="reads children from /proc (Linux)"
)
STARTUP = 60.0


def test_two_processes_answer_searches_and_stop_together(
    sample_dir: Path, tmp_path: Path
) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(sample_dir)}
    env.pop("ARCHIVE_DATABASE_URL", None)
    with log.open("w") as sink:
        server = subprocess.Popen(
            [*archive_command(), "serve", "--port", str(port), "--processes", "2"],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    url = f"http://127.0.0.1:{port}/api/search?q=Qasrak"
    try:
        _wait_for(url, server, log)
        children = _children(server.pid)
        assert len(children) == 1, log.read_text()

        def search(_n: int) -> dict:
            with urllib.request.urlopen(url, timeout=30) as answer:
                return json.load(answer)

        with ThreadPoolExecutor(8) as pool:
            found = list(pool.map(search, range(40)))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert {result["total"] for result in found} == {6}
    assert all(result["partial"] is False for result in found)
    assert log.read_text().rstrip().endswith("stopped")
    assert all(_gone(child) for child in children)
    with pytest.raises(ConnectionRefusedError):  # nobody listens any more
        socket.create_connection(("127.0.0.1", port), timeout=5).close()


def _wait_for(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        assert server.poll() is None, log.read_text()
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise AssertionError(f"no answer within {STARTUP:.0f} s:\n{log.read_text()}")


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in found.read_text().split()]


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except OSError:
        return True
