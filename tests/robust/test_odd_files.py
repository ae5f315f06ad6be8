"""FIFOs, devices, broken links and links that loop: named, with the reason.

Given as arguments or found in a folder, each is reported as a failed file and
the rest of the run goes on; nothing blocks on a FIFO or reads a device without
end. The command runs in a process of its own, so a hang would fail the test
(through the timeout) instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLES

AP = SAMPLES / "ap-2026-02-23-us-forces-qasrak.txt"
HANG = 120  # seconds: far beyond what these files take, only a hang reaches it

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def archive(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-c", "from archive.cli import cli; cli()", *args]
    return subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=HANG
    )


@pytest.fixture
def odd(tmp_path: Path) -> Path:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "story.txt").write_bytes(AP.read_bytes())
    os.mkfifo(folder / "fifo")
    (folder / "broken").symlink_to("nowhere")
    (folder / "loop").symlink_to("loop")
    (folder / "back").symlink_to("..")  # a link to a folder: not followed
    return folder


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": warning: " not in line][1:]


def test_odd_files_in_a_folder_are_each_reported_and_the_story_stored(tmp_path, odd):
    result = archive(tmp_path, "ingest", "odd")
    assert result.returncode == 1
    assert _errors(result.stderr) == [
        "odd/broken: broken link (to nowhere, which does not exist)",
        "odd/fifo: not a regular file (a FIFO)",
        "odd/loop: a symbolic link that loops (it leads back to itself)",
    ]
    assert result.stdout.splitlines()[-1] == "1 added, 3 failed"


def test_odd_files_given_as_arguments_are_each_reported(tmp_path, odd):
    args = ["/dev/zero", "odd/fifo", "odd/loop", "odd/broken", "odd/missing"]
    result = archive(tmp_path, "ingest", *args, "odd/story.txt")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert errors[-5:] == [
        "/dev/zero: not a regular file (a character device)",
        "odd/fifo: not a regular file (a FIFO)",
        "odd/loop: a symbolic link that loops (it leads back to itself)",
        "odd/broken: broken link (to nowhere, which does not exist)",
        "odd/missing: no such file",
    ]
    assert result.stdout.splitlines()[-1] == "1 added, 5 failed"


def test_a_file_name_that_is_not_utf8_is_stored_and_reported_as_valid_json(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / os.fsdecode(b"story-\xff.txt")).write_bytes(AP.read_bytes())
    command = [sys.executable, "-c", "from archive.cli import cli; cli()"]
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [*command, "ingest", "--json", "names"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=HANG,
    )
    assert result.returncode == 0, result.stderr
    (line,) = [json.loads(text) for text in result.stdout.decode("utf-8").splitlines()]
    assert (line["path"], line["status"]) == ("names/story-\\xff.txt", "added")
