"""Parsed documents cross from a parsing process to the storing one pickled:
they must come back equal, field for field, whatever they hold."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ingest import parse_path
from ingest.pickling import pickled_by_fields

SAMPLES = sorted((Path(__file__).parent.parent / "fixtures" / "samples").glob("*.txt"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_parsed_document_comes_back_equal(path: Path) -> None:
    parsed = parse_path(path)
    back = pickle.loads(pickle.dumps(parsed, pickle.HIGHEST_PROTOCOL))
    assert back == parsed
    assert back.passages and back.passages == parsed.passages
    citations = [c for n in parsed.footnotes for c in n.citations]
    assert [c for n in back.footnotes for c in n.citations] == citations


def test_a_field_not_set_by_init_is_refused() -> None:
    with pytest.raises(TypeError, match="Counted"):

        @pickled_by_fields
        @dataclass(frozen=True, slots=True)
        class Counted:
            count: int = field(init=False, default=0)


def test_one_field_pickles_as_one_argument() -> None:
    @pickled_by_fields
    @dataclass(frozen=True, slots=True)
    class Label:
        text: tuple[str, ...]

    assert Label(("a", "b")).__reduce__() == (Label, (("a", "b"),))
