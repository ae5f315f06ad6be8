"""Footnotes numbered 10000 and above are read like any others."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import ParseOptions, load_registry, parse_path

NUMBERS = ("9998", "9999", "10000", "10001")
SENTENCES = ("Officials said so.", "More.", "Again officials.", "Last.")
SOURCES = ("Source A", "Source B", "Source C", "Source D")


def _markdown_links() -> str:
    body = " ".join(f"{s}[{n}](#)" for s, n in zip(SENTENCES, NUMBERS, strict=True))
    notes = "".join(
        f"\n\n- [{n}](#)\n\n{source}, 1 January 2024."
        for n, source in zip(NUMBERS, SOURCES, strict=True)
    )
    return body + notes + "\n"


def _plain_text() -> str:
    body = " ".join(f"{s}[{n}]" for s, n in zip(SENTENCES, NUMBERS, strict=True))
    notes = "".join(
        f"\n\n[{n}] {source}, 1 January 2024."
        for n, source in zip(NUMBERS, SOURCES, strict=True)
    )
    return body + notes + "\n"


def _html() -> str:
    body = " ".join(
        f'{s}<sup><a href="#fn{n}">{n}</a></sup>'
        for s, n in zip(SENTENCES, NUMBERS, strict=True)
    )
    notes = "".join(
        f'<li id="fn{n}" value="{n}">{source}, 1 January 2024.</li>'
        for n, source in zip(NUMBERS, SOURCES, strict=True)
    )
    return f"<html><body><p>{body}</p><ol>{notes}</ol></body></html>"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("notes.md", _markdown_links()),
        ("notes.txt", _plain_text()),
        ("notes.html", _html()),
    ],
)
def test_notes_9998_to_10001_are_all_read(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    parsed = parse_path(path, ParseOptions(load_registry(None)))
    assert [note.label for note in parsed.footnotes] == list(NUMBERS)
    prose = " ".join(passage.text for passage in parsed.passages)
    assert prose == "Officials said so. More. Again officials. Last."
