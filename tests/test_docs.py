"""The README documents every `archive` command and opens with the two commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archive.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_archive_command_is_in_the_readme(command: str) -> None:
    assert re.search(rf"\barchive {command}\b", README), f"archive {command}"


def test_readme_opens_with_the_run_and_test_commands() -> None:
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["python3 tasks.py run", "python3 tasks.py test"]


def test_ci_runs_the_readmes_test_command() -> None:
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "\npython3 tasks.py test\n" in ci
