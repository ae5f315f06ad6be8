"""Golden files: a parsed document as sorted, indented JSON beside its input.

Regenerate with ``ARCHIVE_REGEN_GOLDEN=1 pytest tests/ingest`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from ingest.model import PartialDate


def to_jsonable(value):
    """Frozen dataclasses as dicts, tuples as lists, dates as ISO strings."""
    if isinstance(value, PartialDate):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {
            f.name: to_jsonable(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
    if isinstance(value, list | tuple):
        return [to_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: to_jsonable(item) for key, item in value.items()}
    return value


def golden_path(fixture: Path) -> Path:
    return fixture.with_name(fixture.name + ".expected.json")


def assert_matches_golden(fixture: Path, parsed) -> None:
    """Compare ``parsed`` with the fixture's golden file (paths and checksums aside)."""
    actual = to_jsonable(parsed)
    actual.pop("path", None)
    actual.pop("checksum", None)
    golden = golden_path(fixture)
    if os.environ.get("ARCHIVE_REGEN_GOLDEN") == "1" or not golden.exists():
        if os.environ.get("ARCHIVE_REGEN_GOLDEN") != "1":
            raise AssertionError(
                f"{golden} is missing; create it with ARCHIVE_REGEN_GOLDEN=1"
            )
        text = json.dumps(actual, indent=2, sort_keys=True, ensure_ascii=False)
        golden.write_text(text + "\n", encoding="utf-8")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert actual == expected, f"{fixture.name} no longer parses as {golden.name}"
