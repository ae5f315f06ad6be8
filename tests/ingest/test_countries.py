"""Countries: which countries a document is about, from its title, dateline and text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest import parse_path
from ingest.countries import countries_of, country_code, country_name, country_names

FIXTURES = Path(__file__).parent.parent / "fixtures"
CORPUS = FIXTURES / "corpus"
SAMPLES = Path(__file__).parents[2] / "archive" / "samples"


def about(title: str, *texts: str, dateline: str | None = None) -> tuple[str, ...]:
    return countries_of(title, dateline, texts)


def test_a_passing_mention_does_not_make_a_report_about_that_country() -> None:
    """GIVEN a Syria report whose text names Jordan once among many Syrian places
    THEN it is about Syria only."""
    text = (
        "Fighting in Aleppo and Idlib displaced thousands. Syrian officials in "
        "Damascus blamed armed groups in Deir ez-Zor. Some families crossed into "
        "Jordan. Returnees to Homs found their homes destroyed."
    )
    assert about("Syria: Country Focus", text) == ("SY",)


def test_the_title_outweighs_many_mentions_in_the_text() -> None:
    text = "Iraq. Iraq. Iraq. Baghdad said Iraqi forces were ready."
    assert about("Syria: Country Focus", text)[0] == "SY"


def test_a_reports_title_outweighs_its_sections_title() -> None:
    countries = countries_of(
        "3.4. US-led coalition",
        None,
        ["US forces in Syria. The US said. The US did. Syria said."],
        "COI Report - Syria: Country Focus",
    )
    assert countries == ("SY", "US")


def test_the_dateline_names_a_country_by_its_capital() -> None:
    assert about("Talks fail", "Ministers met.", dateline="DAMASCUS") == ("SY",)
    assert about("Talks fail", "Ministers met.", dateline="QAMISHLI, Syria") == ("SY",)


def test_transliterations_of_one_place_all_name_its_country() -> None:
    for written in ("Al-Hasakah", "Hasakeh", "al-Hasaka", "Deir ez-Zor", "Dara'a"):
        assert about(f"Shelling in {written}") == ("SY",), written


def test_the_longest_name_wins() -> None:
    """New Mexico is the United States, not Mexico; Latin America is no country."""
    assert about("Drought in New Mexico") == ("US",)
    assert about("Elections across Latin America") == ()
    assert about("South Sudanese refugees") == ("SS",)


def test_a_name_must_be_written_as_a_name() -> None:
    assert about("We ate turkey in china bowls") == ()
    assert about("Turkey and China sign a deal") == ("CN", "TR")


def test_a_country_only_in_the_text_needs_more_than_one_mention() -> None:
    assert about("Markets", "Prices rose in Kenya.") == ()
    assert about("Markets", "Prices rose in Kenya. Kenyan farmers sold more.") == (
        "KE",
    )


def test_codes_and_names_of_a_country() -> None:
    assert country_name("SY") == "Syria"
    assert country_name("sy") == "Syria"
    assert "Syrian Arab Republic" in country_names("SY")
    assert country_code("Syria") == "SY"
    assert country_code("sy") == "SY"
    assert country_code("United Kingdom") == "GB"
    assert country_code("Narnia") is None


# The countries each corpus document is about, read from the documents and their
# manifest entries: the countries that must come first (in any order).
CORPUS_COUNTRIES = {
    "D01_markdown_gfm_footnotes_hogen-vpn_russia_vpn_protocols_2026.md": ("RU",),
    "H01_wikipedia_html_New_Zealand_readability_wikipedia-2.html": ("NZ",),
    "H03_news_html_AP_on_Yahoo_Russian_cargo_ship_readability_yahoo-2.html": ("RU",),
    "H04_news_html_NYT_US_to_lift_Sudan_sanctions_readability_nytimes-1.html": (
        "SD",
        "US",
    ),
    "K01_wikitext_Toronto_Star_wtf_wikipedia.txt": ("CA",),
    "L01_latex_mueller_report_vol1_sec3_hacking_dumping.tex": ("RU", "US"),
    "W01_reuters21578_1357_washington_brazil_debt.sgm": ("BR", "US"),
    "W02_reuters21578_1889_abidjan_coffee.sgm": ("CI",),
    "W03_reuters21578_1963_warsaw_polish_sanctions.sgm": ("PL",),
    "W04_reuters21578_1899_bahrain_iran_iraq_noauthor.sgm": ("IR", "IQ"),
    "W05_reuters_newsmlg2_2014-07-16_damascus_assad_new_term.xml": ("SY",),
    "W06_ap_nitf_2015-12-10_new_york_pollution_trading.xml": ("US",),
    "W07_afp_newsml12_2014-08-29_stockholm_saab.xml": ("SE",),
    "W08_ap_anpa1312_2017-05-09_beijing_china_lawyer_family.tst": ("CN",),
}


@pytest.mark.parametrize("name", sorted(CORPUS_COUNTRIES))
def test_corpus_documents_are_about_their_countries(name: str) -> None:
    expected = CORPUS_COUNTRIES[name]
    countries = parse_path(CORPUS / name).countries
    assert set(countries[: len(expected)]) == set(expected), countries


def test_corpus_stories_are_not_about_countries_named_in_passing() -> None:
    w04 = parse_path(CORPUS / "W04_reuters21578_1899_bahrain_iran_iraq_noauthor.sgm")
    assert set(w04.countries) == {"IR", "IQ", "BH"}  # filed from Bahrain
    w05 = parse_path(
        CORPUS / "W05_reuters_newsmlg2_2014-07-16_damascus_assad_new_term.xml"
    )
    assert w05.countries == ("SY",)


def test_the_sample_syria_report_section_is_about_syria_first() -> None:
    path = SAMPLES / "euaa-coi-syria-country-focus-2025-03-section-3-4.txt"
    assert parse_path(path).countries[0] == "SY"


def test_a_huge_text_is_read_in_bounded_time() -> None:
    """GIVEN five megabytes of nothing but place names
    THEN the countries come from its first part, in well under a second or two."""
    text = " ".join(["Damascus Aleppo Al-Hasakah Dar'a Homs"] * 150_000)
    started = time.perf_counter()
    assert about("Report", text) == ("SY",)
    assert time.perf_counter() - started < 3
