"""Every search example in the README runs on the sample corpus as documented.

The examples are read from the README's table (one row per example: the
arguments to ``archive search``, what it finds, why), so the documentation cannot
drift from the behaviour. Each runs through the real command on a real index of
the sample corpus; the test compares what the user sees (counts by publisher or
agency, the "did you mean", the error message), not the parsed query, because
the promise is about results.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"
HEADER = "| `archive search ...` | finds | because |"
ROW = re.compile(r"^\| `(?P<args>[^`]+)` \| (?P<finds>[^|]+?) \| (?P<why>[^|]*?) ?\|$")
FOUND = re.compile(r"^(?P<total>\d+) passages?: (?P<sources>.+)$")
NOTHING = re.compile(r"^nothing(?:; did you mean: (?P<suggestion>.+))?$")


def documented_examples() -> list[tuple[str, str, str]]:
    lines = README.read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADER) + 2
    rows = []
    for line in lines[start:]:
        match = ROW.match(line)
        if match is None:
            break
        rows.append((match["args"], match["finds"].strip(), match["why"].strip()))
    return rows


EXAMPLES = documented_examples()


def test_the_readme_documents_enough_examples() -> None:
    assert len(EXAMPLES) >= 30
    finds = " ".join(found for _, found, _ in EXAMPLES)
    for form in ("passages:", "nothing; did you mean", "refused:"):
        assert form in finds


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> CliRunner:
    data = tmp_path_factory.mktemp("documented") / "data"
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(data)})
    assert runner.invoke(cli, ["demo"]).exit_code == 0
    return runner


@pytest.mark.parametrize(
    ("args", "finds", "why"), EXAMPLES, ids=[e[0] for e in EXAMPLES]
)
def test_documented_example(runner: CliRunner, args: str, finds: str, why: str) -> None:
    argv = shlex.split(args)
    if finds.startswith("refused: "):
        result = runner.invoke(cli, ["search", *argv])
        assert result.exit_code == 1
        assert result.output.startswith(f"Error: {finds.removeprefix('refused: ')}")
        return
    # passages by publisher, as the table counts them (grouped by document, the
    # facets would count documents)
    result = runner.invoke(cli, ["search", "--json", "--group", "passages", *argv])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    nothing = NOTHING.match(finds)
    if nothing:
        assert data["total"] == 0
        assert data["did_you_mean"] == nothing["suggestion"]
        return
    found = FOUND.match(finds)
    assert found, f"README example {args!r}: cannot read {finds!r}"
    expected = {}
    for part in found["sources"].split(", "):
        label, count = part.rsplit(" ", 1)
        expected[label] = int(count)
    assert data["total"] == int(found["total"])
    publishers = data["facets"]["publisher"].values()
    assert {c["label"]: c["count"] for c in publishers} == expected
    assert bool(data["notices"]) == ("notice" in why)
