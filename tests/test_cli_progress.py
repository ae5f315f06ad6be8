"""``archive ingest`` in a real terminal: its progress bar and its messages.

The command runs in a pseudo-terminal, so click draws the bar as it does for a
user (redrawing one line in place); each message must start a line of its own.
"""

from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, SAMPLES

CLEAR_LINE = "\r\x1b[2K"
DEADLINE = 120  # seconds for the whole run; a hang fails instead of blocking


def run_in_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run ``args`` with a pseudo-terminal as stdout and stderr; its output."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([leader], [], [], DEADLINE)
        if not ready:
            process.kill()
            raise AssertionError(f"no output for {DEADLINE} s: {b''.join(chunks)!r}")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the follower side closed: the command ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return process.wait(), b"".join(chunks).decode("utf-8", "replace")


def test_messages_never_share_the_progress_bars_line(tmp_path: Path) -> None:
    """GIVEN a folder of good files and one empty file
    WHEN it is ingested in a terminal, where a progress bar is drawn
    THEN the empty file's error starts a line of its own (the bar's line is
    cleared first) and the bar is drawn again after it."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "ap-2026-02-23-us-forces-qasrak.txt", folder / "a.txt")
    shutil.copy(FIXTURES / "bad" / "empty.txt", folder / "b-empty.txt")
    shutil.copy(SAMPLES / "reuters-2026-02-23-us-forces-qasrak.txt", folder / "c.txt")
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "100"}
    command = [sys.executable, "-c", "from archive.cli import cli; cli()"]
    status, output = run_in_terminal([*command, "ingest", str(folder)], env)
    assert status == 1, output
    error = f"{folder / 'b-empty.txt'}: file is empty"
    at = output.index(error)
    assert output[:at].endswith((CLEAR_LINE, "\n")), repr(output[at - 80 : at])
    assert output[at + len(error) :].startswith(("\r\n", "\n"))
    assert "Ingesting" in output[at:], "the bar is drawn again below the message"
    assert "Ingesting" in output[:at], "the bar was drawn before the message"
