"""Parser processes parse ahead of the store, in order, held to a budget.

Whatever one file does in its parser (raises, dies, runs too long, needs too
much memory), that file fails with the reason and every other file is parsed.
"""

from __future__ import annotations

import multiprocessing
import os

import pytest

from archive import parsing, workers
from archive.batch import expand
from archive.parsing import Budget
from ingest import ParsedDocument, ParseOptions
from tests.conftest import SAMPLES


@pytest.fixture
def files(tmp_path):
    """The samples, a file that is no document, and copies of the samples."""
    samples = expand([SAMPLES])
    bad = tmp_path / "notes.txt"
    bad.write_bytes(b"Shopping list: bread, fuel, th\xe9.\n")
    copies = []
    for sample in samples:
        copy = tmp_path / f"copy-{sample.name}"
        copy.write_bytes(sample.read_bytes())
        copies.append(copy)
    return [*samples, bad, *copies]


@pytest.fixture
def big(tmp_path):
    """A 4 MB text file of short lines: seconds of parsing, megabytes of memory."""
    path = tmp_path / "big.txt"
    line = "Line {} says the officials reported the matter to the press."
    path.write_text("\n".join(line.format(n) for n in range(60_000)), "utf-8")
    return path


def test_processes_give_what_this_process_gives_in_the_same_order(files):
    here = list(parsing.parse_ahead(files, ParseOptions(), None, 0))
    ahead = list(parsing.parse_ahead(files, ParseOptions(), None, 2))
    guarded = list(parsing.parse_ahead(files, ParseOptions(), None, 0, 3, Budget()))
    assert [path for path, _ in ahead] == files
    assert ahead == here
    assert guarded == here
    bad = [path.name for path in files].index("notes.txt")
    assert "is not valid UTF-8" in ahead[bad][1]
    others = ahead[:bad] + ahead[bad + 1 :]
    assert all(isinstance(parsed, ParsedDocument) for _, parsed in others)


def test_a_file_over_the_time_limit_fails_and_the_next_is_parsed(files, big):
    given = [big, files[0]]
    budget = Budget(seconds=0.2, memory_mib=0)
    (_, slow), (_, after) = parsing.parse_ahead(
        given, ParseOptions(), None, 0, 1, budget
    )
    assert slow == "took longer than 0.2 s to parse (the time limit)"
    assert isinstance(after, ParsedDocument)


def test_a_file_over_the_memory_limit_fails_and_the_next_is_parsed(files, tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"The officials said so. " * 2_000_000)  # 46 MB
    given = [huge, files[0]]
    budget = Budget(seconds=0, memory_mib=50)
    (_, hungry), (_, after) = parsing.parse_ahead(
        given, ParseOptions(), None, 1, 1, budget
    )
    assert hungry == "needed more than 50 MiB to parse (the memory limit)"
    assert isinstance(after, ParsedDocument)


@pytest.mark.parametrize("parsers", [0, 2])
def test_a_parser_that_raises_or_dies_costs_only_its_file(files, monkeypatch, parsers):
    """GIVEN a parser defect that raises on one file and kills the process on
    another WHEN parsing with a budget THEN those two files fail with a reason
    and every other file parses as it would in this process."""
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the parser process must inherit the patched parser (fork)")
    here = list(parsing.parse_ahead(files, ParseOptions(), None, 0))
    main = os.getpid()
    parse = workers.parse_path

    def defective(path, *args):
        if os.getpid() != main and path == files[1]:
            raise KeyError("no such key")
        if os.getpid() != main and path == files[3]:
            os._exit(9)  # as if killed from outside
        return parse(path, *args)

    monkeypatch.setattr(workers, "parse_path", defective)
    got = list(parsing.parse_ahead(files, ParseOptions(), None, parsers, 1, Budget()))
    assert got[1] == (files[1], "could not be parsed: KeyError: 'no such key'")
    assert got[3] == (files[3], "the parser stopped while reading it (exit status 9)")
    assert got[:1] + got[2:3] + got[4:] == here[:1] + here[2:3] + here[4:]


@pytest.mark.parametrize("taken", [1, 3])
def test_parsing_keeps_going_while_the_caller_stores(files, taken):
    stream = parsing.parse_ahead(files, ParseOptions(), None, 1, taken=taken)
    first = next(stream)
    assert first[0] == files[0]
    assert [path for path, _ in [first, *stream]] == files
