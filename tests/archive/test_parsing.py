"""Parser processes parse ahead of the store, in order, and survive losing one."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import pytest

from archive import parsing
from archive.batch import expand
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


def test_processes_give_what_this_process_gives_in_the_same_order(files):
    here = list(parsing.parse_ahead(files, ParseOptions(), None, 0))
    ahead = list(parsing.parse_ahead(files, ParseOptions(), None, 2))
    assert [path for path, _ in ahead] == files
    assert ahead == here
    bad = [path.name for path in files].index("notes.txt")
    assert "is not valid UTF-8" in ahead[bad][1]
    others = ahead[:bad] + ahead[bad + 1 :]
    assert all(isinstance(parsed, ParsedDocument) for _, parsed in others)


def test_when_a_parser_process_dies_the_rest_are_parsed_here(files, monkeypatch):
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the parser process must inherit the patched parser (fork)")
    main = os.getpid()
    parse = parsing.parse_path

    def dies_in_a_parser_process(path, *args):
        if path == files[1] and os.getpid() != main:
            os._exit(9)  # as if killed from outside
        return parse(path, *args)

    here = list(parsing.parse_ahead(files, ParseOptions(), None, 0))
    monkeypatch.setattr(parsing, "parse_path", dies_in_a_parser_process)
    assert list(parsing.parse_ahead(files, ParseOptions(), None, 1)) == here


@pytest.mark.parametrize(("taken", "kept"), [(1, parsing.AHEAD), (3, 6)])
def test_twice_what_the_caller_takes_at_once_is_kept_parsing(
    files, monkeypatch, taken, kept
):
    submitted: list = []

    class Counting(ProcessPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):
            submitted.append(args[0])
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(parsing, "ProcessPoolExecutor", Counting)
    stream = parsing.parse_ahead(files, ParseOptions(), None, 1, taken=taken)
    first = next(stream)
    assert first[0] == files[0]
    assert submitted == files[: kept + 1]  # and one more as the first is taken
    assert [path for path, _ in [first, *stream]] == files
