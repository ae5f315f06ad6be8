"""Reports: markers tied to sentences, footnotes split into citations."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ingest import ParseOptions
from ingest.kinds import report
from ingest.loader import load
from ingest.registry import with_countries
from tests.golden import assert_matches_golden

FIXTURES = Path(__file__).parent.parent / "fixtures" / "report"
EUAA = FIXTURES / "euaa-syria-country-focus-3-4.txt"


def parse(path: Path):
    return report.parse(load(path), ParseOptions())


@pytest.fixture(scope="module")
def euaa():
    return parse(EUAA)


INPUTS = sorted(p for p in FIXTURES.iterdir() if not p.name.endswith(".expected.json"))


@pytest.mark.parametrize("fixture", INPUTS, ids=lambda p: p.name)
def test_report_fixture_matches_its_golden_file(fixture: Path) -> None:
    assert_matches_golden(fixture, with_countries(parse(fixture)))


def test_euaa_section_has_eighteen_markers_and_footnotes(euaa) -> None:
    markers = [m.label for claim in euaa.claims for m in claim.markers]
    assert markers == [str(n) for n in range(537, 555)]
    assert [note.label for note in euaa.footnotes] == markers
    assert euaa.warnings == ()


def test_euaa_section_cites_26_items_from_7_outlets(euaa) -> None:
    by_outlet = Counter(c.outlet_slug for c in euaa.citations)
    assert by_outlet == {
        "sohr": 15, "al-jazeera": 4, "inss": 2, "usdod": 2, "npr": 1, "usip": 1,
        "nbc-news": 1,
    }  # fmt: skip
    works = {(c.outlet_slug, c.title, c.date) for c in euaa.citations}
    assert len(works) == 19


def test_euaa_section_metadata_comes_from_its_cite_as_line(euaa) -> None:
    assert euaa.publisher == "EUAA"
    assert euaa.report_title == "COI Report - Syria: Country Focus"
    assert (euaa.section_number, euaa.section_heading) == ("3.4", "US-led coalition")
    assert euaa.title == "3.4. US-led coalition"
    assert euaa.date.isoformat() == "2025-03"
    assert euaa.date.precision == "month"
    assert euaa.cite_as.startswith("EUAA, '3.4. US-led coalition' in COI Report")


def test_footer_and_cite_as_line_are_not_passages(euaa) -> None:
    texts = [p.text for p in euaa.passages]
    assert not any("©" in t or "Please cite as" in t or "Email:" in t for t in texts)
    assert euaa.passages[0].kind == "heading"
    assert all("[5" not in t and "](#)" not in t for t in texts)


def test_footnote_544_keeps_its_pages_and_a_title_with_dates(euaa) -> None:
    note = next(n for n in euaa.footnotes if n.label == "544")
    (citation,) = note.citations
    assert citation.pages == "pp. 12-13"
    assert citation.date.isoformat() == "2025-02-19"
    assert citation.title.endswith("October 1, 2024 – December 31, 2024")


def test_footnote_541_cites_usdod_and_al_jazeera_on_the_same_day(euaa) -> None:
    note = next(n for n in euaa.footnotes if n.label == "541")
    assert [(c.outlet, c.date.isoformat()) for c in note.citations] == [
        ("USDOD", "2024-12-19"),
        ("Al Jazeera", "2024-12-19"),
    ]
    assert note.citations[0].title == (
        "DOD Announces 2,000 Troops in Syria, "
        "Department Prepared for Government Shutdown"
    )


def test_one_sentence_keeps_each_marker_where_it_stands(euaa) -> None:
    claim = next(c for c in euaa.claims if c.markers[0].label == "545")
    passage = next(p for p in euaa.passages if claim in p.claims)
    before = {m.label: passage.text[: m.offset] for m in claim.markers}
    assert before["545"].endswith("Qasrik,")
    assert before["546"].endswith("Al-Shaddadi,")
    assert before["548"].endswith("Tal Baydar")
    assert before["550"].endswith("Al-Omar Oil Field)")


def test_markers_after_a_full_stop_belong_to_the_sentence_before(euaa) -> None:
    claim = next(c for c in euaa.claims if "538" in {m.label for m in c.markers})
    assert claim.text.endswith("Asaad Al-Shibani.")
    assert [m.label for m in claim.markers] == ["537", "538"]


def test_link_to_another_report_is_kept_as_a_reference(euaa) -> None:
    (reference,) = [r for p in euaa.passages for r in p.references]
    assert (
        reference.target == "EUAA COI Report Syria – Security Situation (October 2024)"
    )


def test_markdown_footnotes_keep_their_own_labels() -> None:
    parsed = parse(FIXTURES / "home-office-iraq-markdown.md")
    assert [n.label for n in parsed.footnotes] == ["12", "13", "14", "15"]
    assert parsed.publisher == "UK Home Office"
    assert parsed.date.isoformat() == "2024-08-14"
    labels = [[m.label for m in c.markers] for c in parsed.claims]
    assert labels == [["12"], ["13"], ["14"], ["12"], ["15"], ["15"]]


def test_html_endnote_list_numbering_starts_where_the_list_says() -> None:
    parsed = parse(FIXTURES / "cpin-syria-html-endnotes.html")
    assert [n.label for n in parsed.footnotes] == ["7", "8", "9"]
    assert parsed.publisher == "ACCORD"
    assert parsed.report_title == "Syria: Humanitarian situation in the north-east"
    assert parsed.footnotes[2].citations[0].pages == "p. 2"
    assert parsed.footnotes[0].citations[0].url.startswith("https://rojava")
    assert not any(p.text == "Endnotes" for p in parsed.passages)


def test_a_note_whose_format_states_its_works_is_read_from_their_fields() -> None:
    from ingest.blocks import Block, Mark, Source, Work

    work = Work(
        title="Jacinda Ardern sworn in as new Prime Minister",
        outlet="New Zealand Herald",
        date="26 October 2017",
        accessed="26 October 2017",
        url="http://www.nzherald.co.nz/nz/news/article.cfm?c_id=1&objectid=11936791",
    )
    written = (
        '"Jacinda Ardern sworn in as new Prime Minister". New Zealand Herald. '
        "26 October 2017. Retrieved 26 October 2017."
    )
    source = Source(
        "a.html",
        "0",
        "html",
        (
            Block("paragraph", "She took office in 2017.", marks=(Mark("81", 24),)),
            Block("note", written, label="81", works=(work,)),
        ),
    )
    parsed = report.parse(source, ParseOptions())
    (citation,) = parsed.footnotes[0].citations
    assert citation.text == written
    assert (citation.outlet, citation.title, citation.url) == (
        "New Zealand Herald",
        "Jacinda Ardern sworn in as new Prime Minister",
        work.url,
    )
    assert citation.date.isoformat() == "2017-10-26"
    assert parsed.warnings == ()
