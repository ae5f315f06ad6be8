"""Running ``archive`` as a process of its own, as a user would, for the
tests that kill it or run several at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

HANG = 600  # seconds: only a hang reaches it

PROGRAM = "from archive.cli import cli; cli()"


def environment(data: Path, url: str | None = None) -> dict[str, str]:
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data)}
    if url:
        env["ARCHIVE_DATABASE_URL"] = url
    return env


def start(env: dict[str, str], *args: str) -> subprocess.Popen:
    """``archive ARGS`` started in a session of its own (to kill it whole)."""
    return subprocess.Popen(
        [sys.executable, "-c", PROGRAM, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    process = start(env, *args)
    stdout, stderr = process.communicate(timeout=HANG)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def kill(process: subprocess.Popen) -> None:
    """``kill -9`` the command and every process it started."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate(timeout=HANG)
