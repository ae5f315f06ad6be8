"""The LaTeX reader on two real papers with a preamble and LaTeX-numbered notes.

Expectations are written from reading the sources (tests/fixtures/latex/).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from ingest import parse_path
from ingest.blocks import Block, Fields
from ingest.formats import latex

FIXTURES = Path(__file__).parents[2] / "fixtures" / "latex"
DESIGN = FIXTURES / "tor_design_2004.tex"
BLOCKING = FIXTURES / "tor_blocking_2006.tex"


def _read(path: Path):
    return latex.read(path.name, path.read_bytes())


@pytest.fixture(scope="module")
def design():
    return _read(DESIGN)


def _notes(blocks) -> dict[str, Block]:
    return {b.label: b for b in blocks if b.kind == "note"}


def test_design_title_and_authors_without_their_affiliation_lines(design) -> None:
    assert design.fields == Fields(
        title="Tor: The Second-Generation Onion Router",
        authors=("Roger Dingledine", "Nick Mathewson", "Paul Syverson"),
    )


def test_design_four_notes_numbered_by_latex_and_the_commented_one_ignored(
    design,
) -> None:
    notes = _notes(design.blocks)
    assert list(notes) == ["1", "2", "3", "4"]
    assert notes["1"].text == (
        "Actually, the negotiated key is used to derive two symmetric keys: one for "
        "each direction."
    )
    # the note opens with three comment lines that are not its text
    assert notes["2"].text == (
        "With 48 bits of digest per cell, the probability of an accidental collision "
        "is far lower than the chance of hardware failure."
    )
    assert notes["3"].text == (
        "Rather than rely on an external infrastructure, the Onion Routing network can "
        "run the lookup service itself. Our current implementation provides a simple "
        "lookup system on the directory servers."
    )
    assert notes["4"].text.startswith(
        "Note that this fingerprinting attack should not be confused with the much "
        "more complicated latency attacks of [back01], which require"
    )
    text = " ".join(b.text for b in design.blocks)
    assert "pipelining patch" not in text  # the footnote commented out


def test_design_markers_stand_after_the_sentences_they_annotate(design) -> None:
    marked = {
        mark.label: block.text[: mark.offset]
        for block in design.blocks
        if block.kind != "note"
        for mark in block.marks
    }
    assert marked["1"].endswith("relay cells encrypted with the negotiated key.")
    assert marked["2"].endswith(
        "only at the targeted OR will it have a meaningful value."
    )
    assert marked["3"].endswith("(DHT) like CFS [cfs:sosp01].")
    assert marked["4"].endswith("and link padding or long-range dummies.")


def test_design_headings_lists_and_no_latex_left(design) -> None:
    blocks = design.blocks
    headings = Counter(b.level for b in blocks if b.kind == "heading")
    # 11 \section (one starred) and 13 \subsection in the source, none commented
    assert headings == {1: 11, 2: 13}
    items = [b.text for b in blocks if b.kind == "list_item"]
    # one tightlist of ten steps in "Rendezvous points in Tor"
    assert len(items) == 10
    assert (
        items[0] == "Bob generates a long-term public key pair to identify his service."
    )
    assert blocks[0].text.startswith(
        "We present Tor, a circuit-based low-latency anonymous communication service."
    )
    for block in blocks:
        assert not re.search(
            r"\\|[{}]|~|``|rightarrow|begingroup|epsfig", block.text
        ), block.text


def test_design_is_a_report_with_every_marker_defined() -> None:
    parsed = parse_path(DESIGN)
    assert parsed.kind == "report"
    assert parsed.title == "Tor: The Second-Generation Onion Router"
    assert parsed.authors == ("Roger Dingledine", "Nick Mathewson", "Paul Syverson")
    assert [note.label for note in parsed.footnotes] == ["1", "2", "3", "4"]
    assert not [w for w in parsed.warnings if "never defined" in w or "never ref" in w]


def test_blocking_notes_with_addresses_are_links() -> None:
    content = _read(BLOCKING)
    assert content.fields == Fields(
        title="Design of a blocking-resistant anonymity system DRAFT",
        authors=("Roger Dingledine", "Nick Mathewson"),
    )
    notes = _notes(content.blocks)
    assert list(notes) == ["1", "2", "3"]
    assert notes["1"].text.startswith(
        "So far in places like China, the authorities mainly go after people who "
        "publish materials"
    )
    entry_guards = "http://wiki.noreply.org/noreply/TheOnionRouter/TorFAQ#EntryGuards"
    assert notes["2"].text == entry_guards
    assert [(link.href, link.start, link.end) for link in notes["2"].links] == [
        (entry_guards, 0, len(entry_guards))
    ]
    assert notes["3"].text == "http://vidalia-project.net/"
    assert [link.href for link in notes["3"].links] == ["http://vidalia-project.net/"]
    marked = {
        mark.label: block.text[: mark.offset]
        for block in content.blocks
        for mark in block.marks
    }
    assert marked["1"].endswith("This seems borne out by fact.")
    assert marked["2"].endswith("the beginning and end of her circuit")
    assert marked["3"].endswith("make a snazzy network graph with Vidalia")
