from __future__ import annotations

from ingest import load_registry
from ingest.blocks import Link
from ingest.citations import split_footnote

REGISTRY = load_registry()


def split(text: str, links: tuple[Link, ...] = ()):
    citations, warnings = split_footnote("1", text, links, REGISTRY)
    return citations, warnings


def test_footnote_with_two_sources_yields_two_citations() -> None:
    citations, warnings = split(
        "INSS, A New Era in Syria: Winners, Losers, and Implications for Israel, "
        "12 January 2025, url; "
        "Al Jazeera, What is behind US strategy?, 6 January 2025, url"
    )
    assert [(c.outlet, c.title) for c in citations] == [
        ("INSS", "A New Era in Syria: Winners, Losers, and Implications for Israel"),
        ("Al Jazeera", "What is behind US strategy?"),
    ]
    assert warnings == ()


def test_title_with_pipe_and_curly_quotes_stays_whole() -> None:
    (citation,), _ = split(
        "SOHR, Ground reinforcements | “International Coalition” brings military "
        "equipment to base in Al-Hasakah, 18 January 2025, url"
    )
    assert citation.title.startswith(
        "Ground reinforcements | “International Coalition”"
    )
    assert citation.outlet_slug == "sohr"


def test_semicolon_inside_a_title_does_not_split_the_item() -> None:
    citations, _ = split("HRW, Syria: detention; torture, 2 May 2024, url")
    assert [c.title for c in citations] == ["Syria: detention; torture"]


def test_url_comes_from_the_link_or_the_text() -> None:
    text = "OCHA, Flash Update No. 4, 28 December 2024, link"
    link = Link("link", "https://reliefweb.int/x", text.index("link"), len(text))
    (citation,), _ = split(text, (link,))
    assert citation.url == "https://reliefweb.int/x"
    (plain,), _ = split(
        "OCHA, Flash Update No. 5, 2 January 2025, https://reliefweb.int/y"
    )
    assert plain.url == "https://reliefweb.int/y"


def test_placeholder_link_gives_no_url() -> None:
    text = "NPR, Turkey expected to play a major role, 27 December 2024, url"
    link = Link("url", "#", text.index("url"), len(text))
    (citation,), _ = split(text, (link,))
    assert citation.url is None


def test_outlet_with_its_abbreviation_in_brackets_is_known() -> None:
    (citation,), _ = split(
        "Syrian Observatory for Human Rights (SOHR), Clashes in Raqqa, 3 March 2025"
    )
    assert citation.outlet_slug == "sohr"


def test_unknown_outlet_is_kept_as_written() -> None:
    (citation,), _ = split("Levant24, Electricity returns to Homs, 4 April 2025")
    assert (citation.outlet, citation.outlet_slug) == ("Levant24", None)


def test_ibid_repeats_the_previous_work_with_its_own_pages() -> None:
    citations, _ = split("UNHCR, Returns survey, 5 May 2025, pp. 3-4; Ibid., p. 9")
    assert [(c.title, c.pages) for c in citations] == [
        ("Returns survey", "pp. 3-4"),
        ("Returns survey", "p. 9"),
    ]


def test_month_only_date_keeps_its_precision() -> None:
    (citation,), _ = split("ISW, Iran Update, March 2025")
    assert citation.date.isoformat() == "2025-03"
    assert citation.date.precision == "month"


def test_interview_without_outlet_is_a_titled_work() -> None:
    (citation,), warnings = split("Interview with a Syrian lawyer, 12 March 2025")
    assert (citation.outlet, citation.title) == (None, "Interview with a Syrian lawyer")
    assert warnings == ()
