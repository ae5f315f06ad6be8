"""Markdown as people write it: GFM/pandoc notes, numbered reference links, Jekyll.

The corpus expectations come from tests/fixtures/corpus/MANIFEST.md (counted by
hand and by regex over the files), not from the reader's output.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

import pytest

from ingest import parse_path
from ingest.blocks import Block, Fields
from ingest.formats import markdown
from ingest.loader import load

CORPUS = Path(__file__).parent.parent.parent / "fixtures" / "corpus"
D01 = CORPUS / "D01_markdown_gfm_footnotes_hogen-vpn_russia_vpn_protocols_2026.md"
D03 = CORPUS / "D03_markdown_reflinks_clementbm_covid_south_korea_age_2020.md"


def read(text: str) -> tuple[Block, ...]:
    return markdown.read("a.md", text.encode()).blocks


def body_and_notes(blocks) -> tuple[list[Block], list[Block]]:
    return [b for b in blocks if b.kind != "note"], [
        b for b in blocks if b.kind == "note"
    ]


# D01: GFM footnotes, stacked, in tables, after the full stop, one per line.


@pytest.fixture(scope="module")
def d01_blocks() -> tuple[Block, ...]:
    return load(D01).blocks


def test_d01_has_140_markers_in_66_groups(d01_blocks) -> None:
    body, _ = body_and_notes(d01_blocks)
    marks = [m for b in body for m in b.marks]
    groups = [
        len(list(run))
        for b in body
        for _, run in groupby(b.marks, key=lambda m: m.offset)
    ]
    assert len(marks) == 140
    assert len(groups) == 66
    assert sum(1 for size in groups if size > 1) == 40
    assert max(groups) == 5


def test_d01_stacked_markers_keep_their_order(d01_blocks) -> None:
    """[^2][^3][^4][^5][^6] after the strongest-options sentence, at one offset."""
    block = next(b for b in d01_blocks if "The strongest 2026 options" in b.text)
    end = block.text.index("rather than a default.") + len("rather than a default.")
    stacked = [m.label for m in block.marks if m.offset == end]
    assert stacked == ["2", "3", "4", "5", "6"]


def test_d01_markers_in_table_rows_stay_with_their_cells(d01_blocks) -> None:
    rows = [b for b in d01_blocks if b.kind == "paragraph" and " | " in b.text]
    assert len(rows) == 14  # two tables: header and 5 rows, header and 7 rows
    assert sum(len(row.marks) for row in rows) == 36
    survives = next(row for row in rows if row.text.startswith("Survives active"))
    cell = "valid web behavior age better."
    assert [m.label for m in survives.marks] == ["4", "8", "12"]
    assert {m.offset for m in survives.marks} == {survives.text.index(cell) + len(cell)}


def test_d01_has_15_notes_one_a_line_and_reuse_counts(d01_blocks) -> None:
    body, notes = body_and_notes(d01_blocks)
    assert [n.label for n in notes] == [str(n) for n in range(1, 16)]
    labels = [m.label for b in body for m in b.marks]
    assert labels.count("2") == 34
    assert labels.count("5") == 17
    assert labels.count("4") == 14
    assert labels.count("10") == 2
    assert all(labels.count(n.label) >= 2 for n in notes)


def test_d01_note_texts_have_their_markup_removed(d01_blocks) -> None:
    _, notes = body_and_notes(d01_blocks)
    by_label = {n.label: n for n in notes}
    assert by_label["1"].text == (
        "Human Rights Watch, Disrupted, Throttled, and Blocked: State Censorship, "
        "Control, and Increasing Isolation of Internet Users in Russia (2025), "
        "https://www.hrw.org/report/2025/07/30/disrupted-throttled-and-blocked/"
        "state-censorship-control-and-increasing-isolation"
    )
    assert by_label["10"].text == (
        "Digital Policy Alert, Government adopted Decree No. 1667 on approval of the "
        "Rules for centralised management of the public communications network "
        "(2025/2026), https://digitalpolicyalert.org/event/35363-government-adopted-"
        "decree-no-1667-on-approval-of-the-rules-for-centralised-management-of-the-"
        "public-communications-network-including-government-access-to-data"
    )
    (link,) = by_label["3"].links
    assert (link.text, link.href) == ("XTLS/REALITY", "https://github.com/XTLS/REALITY")


def test_d01_is_a_report_whose_first_claim_holds_notes_1_and_2() -> None:
    parsed = parse_path(D01)
    assert parsed.kind == "report"
    assert parsed.title == "Russia VPN/Proxy Protocols That Still Work in 2026"
    assert len(parsed.footnotes) == 15
    claim = next(
        c
        for p in parsed.passages
        for c in p.claims
        if c.text.startswith("Russia's cen")
    )
    assert claim.text.endswith(
        "only protocols that convincingly disguise themselves as ordinary network "
        "traffic still work reliably."
    )
    assert [m.label for m in claim.markers] == ["1", "2"]
    assert not parsed.warnings


# D03: a Jekyll post citing with numbered reference links.


def test_d03_numbered_reference_links_are_its_two_notes() -> None:
    body, notes = body_and_notes(load(D03).blocks)
    assert [(n.label, n.text) for n in notes] == [
        (
            "1",
            "https://www.theguardian.com/inequality/2017/aug/02/"
            "south-koreas-inequality-paradox-long-life-good-health-and-poverty",
        ),
        (
            "2",
            "https://edition.cnn.com/2019/06/03/health/south-korea-age-law-intl/index.html",
        ),
    ]
    assert all(n.links[0].href == n.text and n.works[0].url == n.text for n in notes)
    assert sum(len(b.marks) for b in body) == 2


def test_d03_marker_sits_at_the_end_of_the_linked_quotation() -> None:
    body, _ = body_and_notes(load(D03).blocks)
    block = next(b for b in body if b.marks)
    quoted = "which includes care programmes for the elderly"
    assert [(m.label, m.offset) for m in block.marks] == [
        ("1", block.text.index(quoted) + len(quoted)),
        (
            "2",
            block.text.index("on the day they're born")
            + len("on the day they're born"),
        ),
    ]


def test_d03_inline_links_and_sources_list_are_links_not_notes() -> None:
    body, _ = body_and_notes(load(D03).blocks)
    sources = [b for b in body if b.kind == "list_item"]
    assert [b.text for b in sources][-3:] == [
        "Coronavirus outbreak in South Korea",
        "Testing program in South Korea",
        "Intro has been written with the help of gpt-2",
    ]
    assert all(not b.marks for b in sources)
    hrefs = [link.href for b in body for link in b.links if link.href]
    assert "https://github.com/jihoo-kim/Coronavirus-Dataset" in hrefs
    assert "https://github.com/openai/gpt-2" in hrefs


def test_d03_front_matter_is_fields_and_liquid_tags_are_gone() -> None:
    source = load(D03)
    assert source.fields == Fields(
        title="Age distribution analysis on Coronavirus data", date="2020-03-08"
    )
    text = " ".join(b.text for b in source.blocks)
    assert "layout: post" not in text
    assert "{%" not in text and "post_url" not in text
    assert source.blocks[0].text == "Updated on march 12th 2020"


def test_d03_is_a_report_titled_and_dated_by_its_front_matter() -> None:
    parsed = parse_path(D03)
    assert parsed.kind == "report"
    assert parsed.title == "Age distribution analysis on Coronavirus data"
    assert parsed.date.isoformat() == "2020-03-08"
    assert [f.label for f in parsed.footnotes] == ["1", "2"]
    (claim,) = [
        c for p in parsed.passages for c in p.claims if c.markers[0].label == "1"
    ]
    assert claim.text.endswith("0.5 percent of our dataset are centenaries.")


# Other real Markdown: tests/fixtures/markdown/SOURCES.md


MARKDOWN = CORPUS.parent / "markdown"


def test_blog_post_citing_34_numbered_references_has_34_notes() -> None:
    """
    GIVEN an 18F post whose links are [text][n] with [n]: url gathered at the end
    WHEN it is read
    THEN each of its 37 uses is a marker and each of the 34 definitions a note
    """
    source = load(MARKDOWN / "18f-2015-02-09-gov-domains-hsts-preload.md")
    body, notes = body_and_notes(source.blocks)
    labels = [m.label for b in body for m in b.marks]
    assert len(labels) == 37
    assert (labels.count("1"), labels.count("14")) == (3, 2)
    assert [n.label for n in notes] == [str(n) for n in range(1, 35)]
    assert notes[20].text == "https://bbfelob.gov"
    assert source.fields.title == (
        "The first .gov domains hardcoded into your browser as all-HTTPS"
    )
    assert (source.fields.date, source.fields.authors) == ("2015-02-09", ("eric",))
    assert not any("site.baseurl" in b.text for b in source.blocks)
    assert parse_path(MARKDOWN / "18f-2015-02-09-gov-domains-hsts-preload.md").kind == (
        "report"
    )


def test_blog_post_with_three_footnotes_and_a_title_over_three_lines() -> None:
    path = MARKDOWN / "18f-2020-03-10-ask-18f-po-vs-cor.md"
    source = load(path)
    assert source.fields.title == (
        "Ask 18F — What’s the difference between a Contracting Officer’s "
        "Representative and a Product Owner on agile software development projects?"
    )
    assert source.fields.authors == (
        "miatta-myers",
        "rebecca-refoy",
        "uchenna-moka-solana",
    )
    body, notes = body_and_notes(source.blocks)
    first = next(b for b in body if b.marks)
    assert first.text.startswith("In a traditional federal acquisition")
    assert first.marks[0].offset == first.text.index("(COR)") + len("(COR)")
    assert [(n.label, n.text) for n in notes][1] == (
        "2",
        "Federal Acquisition Regulation (FAR) 1.602-2(d)",
    )
    parsed = parse_path(path)
    assert parsed.kind == "report"
    assert [f.label for f in parsed.footnotes] == ["1", "2", "3"]


def test_notes_written_as_csl_json_are_works_and_comments_are_not_notes() -> None:
    """
    GIVEN an EIP whose notes are csl-json blocks, the same notes commented out
    WHEN it is read
    THEN 8 notes carry their works (author, title, date, DOI link) and none repeats
    """
    path = MARKDOWN / "eip-8173-evm-control-flow.md"
    source = load(path)
    body, notes = body_and_notes(source.blocks)
    assert [m.label for b in body for m in b.marks].count("1") == 3
    assert sum(len(b.marks) for b in body) == 10
    assert [n.label for n in notes] == [str(n) for n in range(1, 9)]
    (work,) = notes[1].works
    assert (work.authors, work.title, work.date, work.url) == (
        ("A.M. Turing",),
        "Computing Machinery and Intelligence.",
        "1950-10-01",
        "https://doi.org/10.1093/mind/LIX.236.433",
    )
    assert not any("{" in n.text for n in notes)
    assert source.fields.title == "Foundations of EVM Control Flow"
    assert source.fields.date == "2026-02-16"
    parsed = parse_path(path)
    assert parsed.kind == "report"
    assert parsed.publisher is None  # "Copyright and related rights waived via CC0"
    assert parsed.footnotes[1].citations[0].title == (
        "Computing Machinery and Intelligence."
    )
    assert not parsed.warnings
