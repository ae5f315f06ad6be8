"""Plain Markdown (text exports of reports) read straight into blocks.

Each input is also parsed by markdown-it and its tokens walked: both roads
must give the same blocks and metadata.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.formats import markdown_subset as plain_markdown
from ingest.formats.markdown import rendered_blocks as _rendered_blocks
from ingest.loader import load_bytes

FIXTURES = Path(__file__).parent.parent / "fixtures"

PLAIN = {
    "markers": "Bases in Qasrik,[545](#) Al-Shaddadi [546](#) and more.",
    "links and escapes": (
        "See the [EUAA COI Report \\(October 2024\\)](#) and "
        "[url](https://example.org/a_b?c=1), \\*not emphasis\\* and \\a."
    ),
    "emphasis": "In *COI Report - Syria: Country Focus*, March 2025 (*sic*). a * b",
    "emphasis around a marker": "*Reported on 3 May.[12](#)* Then more.",
    "an unpaired star": "Rated 5* by *some",
    "lists": "Intro.\n\n- Aleppo: 661 incidents[25](#)\n- Deir ez-Zor:\n3 incidents",
    "a loose list": "- one\n\n- two\n\nAfter.\n\n+ three",
    "numbered lists": "3. third\n4. fourth\n\n7. goes on\n\nText.\n\n2024. a new list",
    "endnotes": (
        "Text.[537](#)\n\n- [537](#)\n\nINSS, A New Era, 12 January 2025, [url](#);\n"
        "Al Jazeera, What is behind it?, 6 January 2025, [url](#)"
    ),
    "backlinks": "1. A note. [↩](#fnref1)\n2. [back](#) Another [3](#fn3).",
    "headings": "# Security *situation*\n\n## 3.4. US-led coalition\n\n# Second",
    "literal markers": "A bracketed \\[12\\] number and 12] and Iraq & Syria | SOHR.",
    "a lazy line": "1. item\nstill the item\n2. next",
    "blank lines with spaces": "First.\n   \n\n\nSecond\nline.",
    "any punctuation escaped": 'Times \\: 10\\% of \\$5 \\~ \\"quoted\\"',
    "stars by punctuation": 'a*"b"* and *"c"* and (*d*)',
    "footnote definitions": "Text.[^1]\n\n[^1]: SOHR, 1 May 2025.",
    "footnotes cited twice, in lists and headings": (
        "# Security[^2]\n\nText one.[^1] More *text*.[^2]\n\n- item[^1]\n\n"
        "[^1]: SOHR, A title, 1 May 2025, https://x.org/a\n[^2]: Ibid., p. 3"
    ),
    "footnotes defined before they are cited": "[^a]: First *note*.\n\nText[^a].",
    "footnotes in the order first cited": (
        "One.[^note-1] Two.[^2]\n\n[^2]: B, [url](https://e.org/b).\n\n"
        "[^note-1]: A, 2 May 2025"
    ),
}

BEYOND = {
    "a footnote of two lines": "Text.[^1]\n\n[^1]: First\nsecond line",
    "a footnote never cited": "Text.\n\n[^1]: Note.",
    "a marker with no footnote": "Text.[^1] and more",
    "a footnote defined twice": "A.[^1]\n\n[^1]: x\n[^1]: y",
    "a marker inside a footnote": "A.[^1]\n\n[^1]: see[^2]\n[^2]: b",
    "a footnote right after a paragraph line": "Text.[^1]\n[^1]: Note.",
    "an empty footnote": "Text.[^1]\n\n[^1]:",
    "strong": "A **strong** claim.",
    "underscores": "An _emphasis_ here.",
    "code": "Run `archive ingest`.",
    "raw HTML": "One.<sup>3</sup>",
    "a quote": "> quoted",
    "an indented line": "Text\n    code",
    "a table": "a | b\n--|--\n1 | 2",
    "a rule": "Above\n\n---\n\nBelow",
    "an entity": "Caf&eacute;",
    "nested emphasis": "*a *b* c*",
    "a reference definition": "[a][x]\n\n[x]: https://example.org",
    "an image": "See ![alt](pic.png) here.",
    "a heading inside a paragraph": "Text\n# Heading",
    "a nested list": "- - nested",
    "a list inside a list item": "1. item\n- a new list\nstill the item",
    "a list after a paragraph line": "Text\n- item",
    "a list with parentheses": "1) item",
    "a backslash line break": "one\\\ntwo",
    "code in a list item": "-     code",
    "a link to a non-ASCII target": "[x](https://exämple.org)",
    "a script link": "[x](javascript:alert)",
}


@pytest.mark.parametrize("text", PLAIN.values(), ids=PLAIN.keys())
def test_plain_markdown_reads_as_the_renderer_does(text: str) -> None:
    assert plain_markdown.read(text) == _rendered_blocks(text)


@pytest.mark.parametrize("text", BEYOND.values(), ids=BEYOND.keys())
def test_other_markdown_is_left_to_the_renderer(text: str) -> None:
    assert plain_markdown.read(text) is None
    assert load_bytes("a.md", text.encode()).blocks == tuple(_rendered_blocks(text)[0])


def test_report_text_export_is_read_without_the_renderer() -> None:
    """
    GIVEN the EUAA text export fixture (links, markers, lists, emphasis, escapes)
    WHEN it is read as plain Markdown
    THEN it needs no renderer and gives the rendered blocks
    """
    text = (FIXTURES / "report" / "euaa-syria-country-focus-3-4.txt").read_text()
    read = plain_markdown.read(text)
    assert read is not None
    assert read == _rendered_blocks(text)
    assert load_bytes("x.txt", text.encode()).format == "markdown"


def test_export_heading_gives_the_h1_metadata() -> None:
    source = load_bytes("a.txt", b"# Security [situation](#) [4](#)\n\nText.[4](#)")
    assert source.meta == {"h1": "Security situation 4"}
    assert source.blocks[0].text == "Security situation"
    assert [m.label for m in source.blocks[0].marks] == ["4"]
