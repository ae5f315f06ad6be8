"""Each citation style read from real notes: the corpus manifest's transcribed notes
(GAO report P01, Mueller report L01, Markdown note D01, Wikipedia H01/H02) and
AnyStyle's labeled strings (BSD-2, Copyright 2011-2012 Sylvester Keil)."""

from __future__ import annotations

import time

import pytest

from ingest import load_registry
from ingest.citations import Note, read_notes, split_footnote
from ingest.styles import euaa
from ingest.styles.parts import prepare

REGISTRY = load_registry()


def read(text: str):
    citations, warnings = split_footnote("1", text, (), REGISTRY)
    return citations, warnings


def one(text: str):
    (citation,), warnings = read(text)
    assert warnings == ()
    return citation


def test_chicago_note_keeps_the_author_apart_and_the_day_of_a_us_date() -> None:
    c = one(
        "Luisa Krol, “The World’s Billionaires,” Forbes.com, March 5, 2008, "
        "http://www.forbes.com/2008/03/05/billionaires.html"
    )
    assert (c.authors, c.outlet, c.title) == (
        ("Luisa Krol",),
        "Forbes.com",
        "The World’s Billionaires",
    )
    assert c.date.isoformat() == "2008-03-05"
    assert c.style == "chicago"


def test_apa_reference_reads_author_date_title_and_outlet() -> None:
    c = one(
        "Thorne, D. (1997, June 26). Privatization accepted. Calgary Herald, p. A7."
    )
    assert (c.authors, c.outlet, c.title, c.pages) == (
        ("Thorne, D.",),
        "Calgary Herald",
        "Privatization accepted",
        "p. A7",
    )
    assert c.date.isoformat() == "1997-06-26"
    assert c.confidence >= 0.5


def test_comma_inside_a_closing_quote_does_not_swallow_the_date() -> None:
    c = one("HRW, “Syria: Detention, Torture,” 2 May 2024, url")
    assert (c.outlet, c.title) == ("HRW", "Syria: Detention, Torture")
    assert c.date.isoformat() == "2024-05-02"


def test_gao_report_gives_publisher_number_and_day() -> None:
    """P01 note 1."""
    c = one(
        "GAO, Cybersecurity: Clarity of Leadership Urgently Needed to Fully Implement "
        "the National Strategy, GAO-20-629 (Washington, D.C.: Sept. 22, 2020)."
    )
    assert (c.publisher, c.report_number, c.kind) == ("GAO", "GAO-20-629", "report")
    assert c.title == (
        "Cybersecurity: Clarity of Leadership Urgently Needed to Fully Implement "
        "the National Strategy"
    )
    assert c.date.isoformat() == "2020-09-22"
    assert c.url is None


def test_white_house_strategy_is_a_report_with_a_day() -> None:
    """P01 note 3."""
    c = one(
        "The White House, National Cybersecurity Strategy. "
        "(Washington, D.C.: Mar. 1, 2023)."
    )
    assert (c.publisher, c.title) == (
        "The White House",
        "National Cybersecurity Strategy",
    )
    assert c.date.isoformat() == "2023-03-01"


def test_statute_is_a_legal_citation_not_an_outlet() -> None:
    """P01 note 2."""
    c = one(
        "William M. (Mac) Thornberry National Defense Authorization Act for Fiscal "
        "Year 2021, Pub. L. No. 116-283, § 1752(a), 134 Stat. 3388, 4144 (2021)."
    )
    assert (c.kind, c.outlet) == ("legal", None)
    assert c.title.startswith("William M. (Mac) Thornberry National Defense")
    assert c.date.year == 2021


def test_regulation_is_a_legal_citation() -> None:
    c = one("14 CFR 25.1581")
    assert (c.kind, c.style) == ("legal", "legal")


def test_mueller_notes_read_outlet_author_and_date() -> None:
    """L01 notes 157, 167, 175 and 183 as the LaTeX reader shows them."""
    wikileaks = one(
        "WikiLeaks, “Hillary Clinton Email Archive,” available at "
        "https://wikileaks.org/clinton-emails/."
    )
    assert wikileaks.title == "Hillary Clinton Email Archive"
    assert wikileaks.url == "https://wikileaks.org/clinton-emails/"
    dnc = one(
        "“DNC Email Archive,” WikiLeaks (Jul. 22, 2016), available at "
        "https://wikileaks.org/dnc-emails"
    )
    assert (dnc.title, dnc.outlet, dnc.date.isoformat()) == (
        "DNC Email Archive",
        "WikiLeaks",
        "2016-07-22",
    )
    post = one(
        "Ellen Nakashima et al., A German Hacker Offers a Rare Look Inside the "
        "Secretive World of Julian Assange and WikiLeaks, Washington Post "
        "(Jan. 17, 2018)."
    )
    assert (post.outlet, post.authors) == (
        "Washington Post",
        ("Ellen Nakashima et al.",),
    )
    assert post.date.isoformat() == "2018-01-17"
    video = one(
        "“Donald Trump on Russian & Missing Hillary Clinton Emails,” YouTube Channel "
        "C-SPAN, Posted 7/27/16, available at "
        "https://www.youtube.com/watch?v=3kxG8uJUsWU (starting at 0:41)."
    )
    assert video.date.isoformat() == "2016-07-27"
    assert video.url == "https://www.youtube.com/watch?v=3kxG8uJUsWU"


def test_markdown_note_with_a_dated_title_reads_the_year() -> None:
    """D01 note 2 as the Markdown reader shows it (italics removed)."""
    c = one(
        "TechRadar, Russia's battle against VPNs is entering a new phase: Here's what "
        "to expect in 2026 (2026), https://www.techradar.com/vpn/vpn-services/x"
    )
    assert c.outlet == "TechRadar"
    assert c.title.startswith("Russia's battle against VPNs")
    assert c.date.isoformat() == "2026"


def test_wikipedia_citation_keeps_retrieved_apart_from_the_date() -> None:
    """H02 [61] as Wikipedia displays it."""
    c = one(
        'Lakshmi, Venkateswaran (June 12, 2019). "Game Over Movie Review". '
        "The Times of India. Retrieved October 19, 2020."
    )
    assert (c.authors, c.outlet, c.title) == (
        ("Lakshmi, Venkateswaran",),
        "The Times of India",
        "Game Over Movie Review",
    )
    assert (c.date.isoformat(), c.accessed.isoformat()) == ("2019-06-12", "2020-10-19")


def test_archived_from_the_original_is_not_the_date() -> None:
    """H01's Economist factsheet."""
    c = one(
        '"Factsheet – New Zealand – Political Forces". The Economist. The Economist '
        "Group. 15 February 2005. Archived from the original on 14 May 2006."
    )
    assert (c.outlet, c.date.isoformat()) == ("The Economist", "2005-02-15")


def test_mla_and_harvard_read_the_same_work() -> None:
    mla = one(
        'Krol, Luisa. "The World\'s Billionaires." Forbes.com, 5 Mar. 2008, '
        "www.forbes.com/2008/03/05/billionaires.html."
    )
    harvard = one(
        "Krol, L. (2008) The World's Billionaires. Forbes.com, 5 March. Available at: "
        "https://www.forbes.com/x (Accessed: 4 June 2024)."
    )
    for c in (mla, harvard):
        assert (c.outlet, c.title, c.date.isoformat()) == (
            "Forbes.com",
            "The World's Billionaires",
            "2008-03-05",
        )
    assert harvard.accessed.isoformat() == "2024-06-04"


def test_anystyle_book_reference_names_its_publisher() -> None:
    c = one(
        "Birch, H. (2009). Dementia, lesbians and gay men. Alzheimer’s Australia. "
        "http://www.fightdementia.org.au/common/files/NAT/x.pdf"
    )
    assert c.authors == ("Birch, H.",)
    assert c.title == "Dementia, lesbians and gay men"
    assert c.date.year == 2009


def test_ibid_and_supra_point_at_earlier_works() -> None:
    notes = [
        Note("1", "SOHR, Clashes in Raqqa, 3 March 2025, url"),
        Note("2", "Ibid., p. 4"),
        Note("3", "HRW, Syria: detention, 2 May 2024, url"),
        Note("4", "SOHR, supra note 1, at 7"),
        Note("5", "Id., at 12"),
    ]
    read_all, warnings = read_notes(notes, REGISTRY)
    titles = [(c.title, c.pages) for (c,) in read_all]
    assert titles == [
        ("Clashes in Raqqa", None),
        ("Clashes in Raqqa", "p. 4"),
        ("Syria: detention", None),
        ("Clashes in Raqqa", "7"),
        ("Clashes in Raqqa", "12"),
    ]
    assert warnings == ()


def test_signal_see_eg_is_not_part_of_the_outlet() -> None:
    c = one("See, e.g., HRW, Syria: detention, 2 May 2024, url")
    assert (c.outlet, c.title) == ("HRW", "Syria: detention")
    assert c.text == "See, e.g., HRW, Syria: detention, 2 May 2024, url"


def test_commentary_note_has_no_citation_and_no_warning() -> None:
    assert read("Note 1: The figure excludes returnees from Lebanon.") == ((), ())


def test_two_works_joined_by_and_are_two_citations() -> None:
    citations, _ = read(
        "Preliminary KNKT.18.10.35.04 Aircraft Accident Investigation Report, "
        "November 2018, and Final KNKT.18.10.35.04 Aircraft Accident Investigation "
        "Report, October 2019"
    )
    assert [c.date.isoformat() for c in citations] == ["2018-11", "2019-10"]


def test_document_style_is_decided_from_all_its_notes() -> None:
    """GIVEN a report whose notes are EUAA style
    WHEN an odd note fits Chicago better
    THEN the EUAA notes are read as EUAA and the odd note falls back alone."""
    notes = [
        Note(str(n), f"SOHR, Clashes in village {n}, {n} March 2025, url")
        for n in range(1, 6)
    ]
    notes.append(Note("6", "Luisa Krol, “Billionaires,” Forbes.com, March 5, 2008"))
    read_all, _ = read_notes(notes, REGISTRY)
    styles = [c.style for cs in read_all for c in cs]
    assert styles == ["euaa"] * 5 + ["chicago"]


def test_unreadable_note_is_kept_with_a_warning() -> None:
    (citation,), (warning,) = read("See above")
    assert citation.title is None and citation.confidence == 0.0
    assert "cannot read a citation in 'See above'" in warning


@pytest.mark.parametrize(
    "text",
    [
        "x, " * 34_000,
        ".,;:!?" * 20,
        "SOHR, Title, 3 March 2025, https://example.org/" + "a" * 10_000,
        "SOHR,\x00 Title\x07\x1b, 3 March 2025",
        "المرصد السوري, اشتباكات في الرقة, 3 March 2025, url",
        "\u200fСОХР, Столкновения в Ракке\u200e, 3 March 2025",
        "(" * 5_000 + "“" * 5_000,
    ],
    ids=[
        "100KB",
        "punctuation",
        "long-url",
        "control",
        "arabic",
        "cyrillic-rtl",
        "open",
    ],
)
def test_hostile_notes_are_read_or_reported_quickly(text: str) -> None:
    start = time.perf_counter()
    citations, warnings = read(text)
    assert time.perf_counter() - start < 2.0
    assert all(isinstance(w, str) for w in warnings)
    assert all(c.confidence <= 1.0 for c in citations)


def test_bare_address_keeps_its_url_and_the_date_in_its_path() -> None:
    """D03's note 1: an address and nothing else."""
    (c,), warnings = read(
        "https://www.theguardian.com/inequality/2017/aug/02/"
        "south-koreas-inequality-paradox-long-life-good-health-and-poverty"
    )
    assert c.url.startswith("https://www.theguardian.com/inequality/2017/aug/02/")
    assert (c.date.isoformat(), c.title, c.kind) == ("2017-08-02", None, "web")
    assert warnings == ()


def test_wikipedia_citation_by_a_group_and_a_site_named_by_its_domain() -> None:
    group = one(
        'ROG Learning Team (23 August 2002). "The Prime Meridian at Greenwich". '
        "Royal Museums Greenwich. Royal Museums Greenwich. Retrieved 11 September 2012."
    )
    assert (group.authors, group.outlet, group.date.isoformat()) == (
        ("ROG Learning Team",),
        "Royal Museums Greenwich",
        "2002-08-23",
    )
    site = one(
        '"Jodie Emery for MLA : HomePage". Jodieformla.ca. 2013-05-14. '
        "Retrieved 2014-06-09."
    )
    assert (site.outlet, site.date.isoformat(), site.accessed.isoformat()) == (
        "Jodieformla.ca",
        "2013-05-14",
        "2014-06-09",
    )


def test_academic_author_list_is_never_a_sure_outlet() -> None:
    """AnyStyle's first gold reference: "Bergk" is an author, not an outlet."""
    citations, _ = read(
        "Bergk, V., Haefeli, W. E., Gasse, C., Brenner, H. & Martin- Facklam, M. "
        "Information deficits in the summary of product characteristics preclude an "
        "optimal management of drug interactions: a comparison with evidence from "
        "the literature. European Journal of Clinical Pharmacology 2005, 61, 327–335."
    )
    assert not any(c.outlet == "Bergk" and not c.uncertain for c in citations)


def test_dates_in_a_sentence_are_not_cited_works() -> None:
    """L01's note 147 lists the days of releases: no sure citation comes of it."""
    citations, warnings = read(
        "Releases of documents on the Guccifer 2.0 blog occurred on June 15, 2016; "
        "June 20, 2016; June 21, 2016; July 6, 2016; and October 18, 2016."
    )
    assert all(c.uncertain for c in citations)
    assert warnings


def test_unread_note_keeps_its_address() -> None:
    (c,), (warning,) = read("Statement posted at https://example.org/statement")
    assert (c.url, c.title, c.confidence) == (
        "https://example.org/statement",
        None,
        0.0,
    )
    assert "kept as written" in warning


PROSE_NOTES = {  # notes of the Mueller report: explanation around a record cited
    "Corsi": "Corsi first rose to public prominence in August 2004 when he published "
    "his book Unfit for Command: Swift Boat Veterans Speak Out Against John Kerry. "
    "In the 2008 election cycle, Corsi gained prominence for being a leading "
    "proponent of the allegation that Barack Obama was not born in the United States. "
    "Corsi told the Office that Donald Trump expressed interest in his writings, and "
    "that he spoke with Trump on the phone on at least six occasions. Corsi 9/6/18 "
    "302, at 3.",
    "portfolio": "See, e.g., Internet Archive, “https://dcleaks.com/” (archive date "
    "Nov. 10, 2016). Additionally, DCLeaks released documents relating to [redacted: "
    "Personal Privacy], emails belonging to [redacted: Personal Privacy], and emails "
    "from 2015 relating to Republican Party employees (under the portfolio name “The "
    "United States Republican Party”). “The United States Republican Party” portfolio "
    "contained approximately 300 emails from a variety of GOP members, PACs, "
    "campaigns, state parties, and businesses dated between May and October 2015. "
    "According to open-source reporting, these victims shared the same "
    "Tennessee-based web-hosting company, called Smartech Corporation. William "
    "Bastone, RNC E-Mail Was, In Fact, Hacked By Russians, The Smoking Gun (Dec. 13, "
    "2016).",
}


@pytest.mark.parametrize(("outlet", "note"), PROSE_NOTES.items())
def test_prose_is_never_a_sure_outlet(outlet: str, note: str) -> None:
    citations, _ = read(note)
    sure = [c.outlet or "" for c in citations if c.confidence >= 0.5]
    assert not any(outlet in found for found in sure), sure


def test_sentence_starting_with_an_article_and_a_year_is_no_outlet() -> None:
    # A note of a UN report read in the COI house style ("Outlet, Title, ...").
    note = (
        "A 2002 Panos, G8 Dot Force and UK Department for International Development "
        "initiated survey and recommendation for actions to be taken by developing "
        "countries and international agencies to promote more effective"
    )
    assert euaa.read(prepare(note), REGISTRY) is None


def test_long_journal_name_stays_a_sure_outlet() -> None:
    citation = one(
        'Worthy, Trevor H.; Tennyson, Alan J. D. (2006). "Miocene mammal reveals a '
        'Mesozoic ghost lineage on insular New Zealand, southwest Pacific". '
        "Proceedings of the National Academy of Sciences of the United States of "
        "America. 103 (51): 19419-19423."
    )
    assert citation.outlet == (
        "Proceedings of the National Academy of Sciences of the United States of "
        "America"
    )
    assert citation.confidence >= 0.5
