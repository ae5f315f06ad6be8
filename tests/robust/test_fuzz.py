"""Mutated fixtures never give a traceback, an unreported file or half a document.

A few hundred seeded inputs run here; ``ARCHIVE_FUZZ_INPUTS=10000`` (or
``python -m tests.robust.fuzz --inputs 10000``) runs thousands by hand.
"""

from __future__ import annotations

import os

import pytest

from tests.robust import fuzz

INPUTS = int(os.environ.get("ARCHIVE_FUZZ_INPUTS", "200"))
SEED = int(os.environ.get("ARCHIVE_FUZZ_SEED", "7"))


def test_mutants_are_each_reported_and_never_stored_in_part(tmp_path):
    fuzz.write(tmp_path / "inputs", SEED, INPUTS)
    found = fuzz.run(tmp_path / "inputs", f"sqlite:///{tmp_path / 'archive.db'}")
    assert found.inputs == INPUTS
    assert found.tracebacks == []
    assert found.unreported == []
    assert found.partial == []
    assert sum(found.by_status.values()) == INPUTS


def test_the_same_seed_makes_the_same_inputs():
    assert list(fuzz.mutants(3, 20)) == list(fuzz.mutants(3, 20))
    assert list(fuzz.mutants(3, 20)) != list(fuzz.mutants(4, 20))


def test_a_word_file_needing_a_newer_zip_version_is_refused_with_the_reason(tmp_path):
    """Found by the fuzz: a mutated 'version needed to extract' made zipfile
    raise NotImplementedError, which reached the user as an unexpected error."""
    from ingest import ParseError, ParseOptions, parse_path

    data = bytearray((fuzz.FIXTURES / "docx" / "pandoc-notes.docx").read_bytes())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 182  # version needed to extract: 18.2
    path = tmp_path / "notes.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(ParseError) as refused:
        parse_path(path, ParseOptions())
    assert refused.value.reason == (
        "uses a zip feature not supported (zip file version 18.2)"
    )
