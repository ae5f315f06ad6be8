"""The LaTeX reader on the Mueller Report's section III (L01), written from
MANIFEST.md and the source, not from the reader's output."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from ingest import parse_path
from ingest.blocks import Block
from ingest.formats import latex

CORPUS = Path(__file__).parents[2] / "fixtures" / "corpus"
L01 = CORPUS / "L01_latex_mueller_report_vol1_sec3_hacking_dumping.tex"


@pytest.fixture(scope="module")
def blocks() -> tuple[Block, ...]:
    return latex.read(L01.name, L01.read_bytes()).blocks


@pytest.fixture(scope="module")
def parsed():
    return parse_path(L01)


def _notes(blocks: tuple[Block, ...]) -> dict[str, Block]:
    return {block.label: block for block in blocks if block.kind == "note"}


def test_l01_has_179_notes_labelled_as_printed_from_109_to_287(blocks) -> None:
    labels = [block.label for block in blocks if block.kind == "note"]
    assert labels == [str(number) for number in range(109, 288)]


def test_l01_every_note_has_one_marker_in_the_body(blocks) -> None:
    marks = [
        mark.label for block in blocks if block.kind != "note" for mark in block.marks
    ]
    assert marks == [str(number) for number in range(109, 288)]


def test_l01_notes_come_after_the_body(blocks) -> None:
    kinds = [block.kind for block in blocks]
    first_note = kinds.index("note")
    assert set(kinds[first_note:]) == {"note"}


def test_l01_note_157_reads_as_written_with_its_url_as_a_link(blocks) -> None:
    note = _notes(blocks)["157"]
    url = "https://wikileaks.org/clinton-emails/"
    assert (
        note.text == f"WikiLeaks, “Hillary Clinton Email Archive,” available at {url}."
    )
    assert [(link.href, note.text[link.start : link.end]) for link in note.links] == [
        (url, url)
    ]
    assert note.text[note.emphasis[0].start : note.emphasis[0].end] == "available at"


def test_l01_note_167_reads_as_written_with_its_url_as_a_link(blocks) -> None:
    note = _notes(blocks)["167"]
    url = "https://wikileaks.org/dnc-emails"
    assert (
        note.text
        == f"“DNC Email Archive,” WikiLeaks (Jul. 22, 2016), available at {url}."
    )
    assert [link.href for link in note.links] == [url]


def test_l01_note_175_keeps_its_italic_title_and_no_link(blocks) -> None:
    note = _notes(blocks)["175"]
    title = (
        "A German Hacker Offers a Rare Look Inside the Secretive World of Julian "
        "Assange and WikiLeaks"
    )
    assert note.text == (
        f"Ellen Nakashima et al., {title}, Washington Post (Jan. 17, 2018)."
    )
    assert [note.text[e.start : e.end] for e in note.emphasis] == [title]
    assert note.links == ()


def test_l01_note_183_reads_as_written_with_its_url_as_a_link(blocks) -> None:
    note = _notes(blocks)["183"]
    url = "https://www.youtube.com/watch?v=3kxG8uJUsWU"
    assert note.text == (
        "“Donald Trump on Russian & Missing Hillary Clinton Emails,” YouTube Channel "
        f"C-SPAN, Posted 7/27/16, available at {url} (starting at 0:41)."
    )
    assert [link.href for link in note.links] == [url]


def test_l01_notes_that_are_only_a_redaction_read_as_redacted(blocks) -> None:
    only_redacted = Counter(
        block.text
        for block in blocks
        if block.kind == "note" and re.fullmatch(r"\[redacted: [^\]]+\]", block.text)
    )
    # 57 notes in the source are nothing but \footnote{\blackout{...}}.
    assert only_redacted == {
        "[redacted: Harm to Ongoing Investigation]": 34,
        "[redacted: Investigative Technique]": 16,
        "[redacted: Grand Jury]": 5,
        "[redacted: Personal Privacy]": 2,
    }


def test_l01_redacted_prose_is_not_read_as_text(blocks) -> None:
    text = " ".join(block.text for block in blocks)
    assert "Lorem" not in text and "ipsum" not in text
    assert "summer and fall of 2016, [redacted: Harm to Ongoing Matter]" in text


def test_l01_passages_hold_no_macro_names_or_latex_syntax(blocks) -> None:
    for block in blocks:
        assert not re.search(r"\\|[{}]|~|``|''|blackout|UseVerb|textit", block.text), (
            block.text
        )


def test_l01_headings_have_levels_from_section_to_paragraph(blocks) -> None:
    levels = Counter(block.level for block in blocks if block.kind == "heading")
    # \section 1, \subsection 4, \subsubsection 9, \paragraph 14 in the source
    assert levels == {1: 1, 2: 4, 3: 9, 4: 14}
    assert blocks[0] == Block("heading", "Russian Hacking and Dumping Operations", 1)
    # two headings are "[\protect\censor{Harm to Ongoing Matter}]" in the source
    redacted = [b for b in blocks if b.kind == "heading" and "redacted" in b.text]
    assert [(b.level, b.text) for b in redacted] == [
        (3, "[redacted: Harm to Ongoing Matter]"),
        (4, "[redacted: Harm to Ongoing Matter]"),
    ]


def test_l01_list_items_and_accents(blocks) -> None:
    items = [block for block in blocks if block.kind == "list_item"]
    assert items[0].text.startswith(
        "Unit 26165 used [redacted: Investigative Technique]"
    )
    text = " ".join(block.text for block in blocks)
    assert "Andrew Müller-Maguhn" in text
    assert "“DCLeaks” and “Guccifer 2.0,”" in text


def test_l01_is_a_report_whose_claims_hold_the_marked_sentences(parsed) -> None:
    assert parsed.kind == "report"
    assert parsed.source_format == "latex"
    assert not [w for w in parsed.warnings if "never defined" in w or "never ref" in w]
    claims = {
        marker.label: claim.text
        for passage in parsed.passages
        for claim in passage.claims
        for marker in claim.markers
    }
    assert claims["157"] == (
        "In March 2016, WikiLeaks released a searchable archive of approximately "
        "30,000 Clinton emails that had been obtained through FOIA litigation."
    )
    assert claims["175"] == (
        "For example, public reporting identified Andrew Müller-Maguhn as a WikiLeaks "
        "associate who may have assisted with the transfer of these stolen documents "
        "to WikiLeaks."
    )
    assert [note.label for note in parsed.footnotes] == [
        str(number) for number in range(109, 288)
    ]
