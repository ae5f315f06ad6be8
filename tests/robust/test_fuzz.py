"""Mutated fixtures never give a traceback, an unreported file or half a document.

A few hundred seeded inputs run here; ``ARCHIVE_FUZZ_INPUTS=10000`` (or
``python -m tests.robust.fuzz --inputs 10000``) runs thousands by hand.
"""

from __future__ import annotations

import os

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
