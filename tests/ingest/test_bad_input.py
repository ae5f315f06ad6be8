"""Bad input: a clear message naming the file and the problem, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import ParseError, parse_path

BAD = Path(__file__).parent.parent / "fixtures" / "bad"

REFUSED = {
    "empty.txt": "file is empty",
    "report.pdf": "is damaged: the file is cut short (it has no end-of-file marker)",
    "latin1-story.txt": (
        "is not valid UTF-8 (byte 0xe9 at offset 59) and declares no other encoding; "
        "convert it to UTF-8"
    ),
}

WARNED = {
    "undefined-footnote.md": ["footnote 5 is referenced but never defined"],
    "unreferenced-footnote.md": ["footnote 2 is defined but never referenced"],
    "unreadable-citation.md": [
        "footnote 9: cannot read a citation in 'See above' (no citation style "
        "fits it); kept as written"
    ],
}


@pytest.mark.parametrize(("name", "reason"), REFUSED.items())
def test_unusable_file_is_refused_with_its_name_and_reason(
    name: str, reason: str
) -> None:
    path = BAD / name
    with pytest.raises(ParseError) as caught:
        parse_path(path)
    assert caught.value.reason == reason
    assert str(caught.value) == f"{path}: {reason}"


@pytest.mark.parametrize(("name", "warnings"), WARNED.items())
def test_sound_report_with_a_flaw_is_parsed_with_a_warning(
    name: str, warnings: list[str]
) -> None:
    parsed = parse_path(BAD / name)
    assert parsed.kind == "report"
    assert list(parsed.warnings) == warnings


def test_missing_file_is_named() -> None:
    with pytest.raises(ParseError, match=r"nowhere\.txt: no such file"):
        parse_path(BAD / "nowhere.txt")


def test_folder_given_as_a_file_is_named() -> None:
    with pytest.raises(ParseError, match="is a folder, not a file"):
        parse_path(BAD)


def test_text_that_is_neither_report_nor_story_is_a_plain_document() -> None:
    parsed = parse_path(BAD / "shopping-list.txt")
    assert parsed.kind == "document"
    assert [p.text for p in parsed.passages] == [
        "Eggs",
        "Bread",
        "Olive oil",
        "Za'atar",
    ]
    assert parsed.title_derived
    assert list(parsed.warnings) == ["no date found; stored as undated"]


def test_markers_without_footnotes_make_a_document_that_says_so() -> None:
    parsed = parse_path(BAD / "markers-without-footnotes.md")
    assert parsed.kind == "document"
    assert parsed.warnings[0] == (
        "has 2 footnote markers but no footnotes: looked for an endnote list "
        "(numbered items, '[^n]:' definitions or HTML notes) after the text; "
        "stored as a plain document"
    )
