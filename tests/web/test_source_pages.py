"""Claim, outlet and cited-work pages on the sample corpus, through selectors."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.web.conftest import words

# --- claims -----------------------------------------------------------------------


def test_claim_page_shows_sentence_sources_and_same_work_claims(soup, claim_id) -> None:
    page = soup(f"/claims/{claim_id('euaa', 'As a result')}")
    sentence = page.select_one("blockquote.claim-sentence")
    assert words(sentence) == (
        "As a result of these talks, the bounty on Al-Sharaa was removed\u2060[539] "
        "but not his designation as a terrorist.\u2060[540]"
    )
    assert [li["id"] for li in page.select("ol.notes > li")] == ["fn-539", "fn-540"]
    same = page.select(".claim-refs .claim-ref blockquote a")
    assert [a["href"] for a in same] == [f"/claims/{claim_id('euaa', 'Soon after')}"]
    related = [a.get_text() for a in page.select("ul.related li > p:first-child a")]
    assert related == [
        "U.S. forces began pulling out of their largest base in northeastern Syria "
        "on Monday"
    ]
    assert page.select_one(".related-why").get_text() == "Names in common: al-Sharaa"


def test_cite_this_quotes_the_claim_as_a_lawyer_would(soup, claim_id, ids) -> None:
    claim = claim_id("euaa", "As a result")
    text = soup(f"/claims/{claim}").select_one("pre.cite-text").get_text()
    today = dt.date.today()
    assert text.splitlines() == [
        "“As a result of these talks, the bounty on Al-Sharaa was removed but not "
        "his designation as a terrorist.”",
        "Footnote 539: INSS, A New Era in Syria: Winners, Losers, and Implications "
        "for Israel, 12 January 2025",
        "Footnote 540: NPR, Turkey expected to play a major role in Syria following "
        "fall of the Assad regime, 27 December 2024",
        "Source: EUAA, '3.4. US-led coalition' in COI Report - Syria: Country Focus, "
        "March 2025.",
        f"Permalink: http://localhost/documents/{ids['euaa']}#p-3c2a0c48",
        f"Accessed: {today.day} {today:%B %Y}",
    ]


def test_wire_claim_page_lists_its_attributions(soup, claim_id) -> None:
    page = soup(f"/claims/{claim_id('reuters', 'U.S. forces began')}")
    attributions = [b.get_text() for b in page.select(".citations .badge-anonymous")]
    assert attributions == ["three Syrian military and security sources"]
    cite = page.select_one("pre.cite-text").get_text().splitlines()
    assert (
        cite[1]
        == "Attributed to: three Syrian military and security sources (anonymous)"
    )
    assert (
        cite[2]
        == "Source: Reuters, “U.S. forces began pulling out of their largest base in "
        "northeastern Syria on Monday”, 23 February 2026"
    )


# --- outlets and works ------------------------------------------------------------


def test_outlets_index_ranks_outlets_overall_and_per_report(soup) -> None:
    page = soup("/outlets")
    overall = page.select("#overall tbody tr")
    first = overall[0]
    assert first.select_one("a.badge").get_text(strip=True).startswith("SOHR")
    assert [td.get_text() for td in first.select("td.num")] == ["1", "15", "11"]
    (link,) = page.select("nav.toc a[href*='report=']")
    assert link.get_text() == "COI Report - Syria: Country Focus"
    report = soup(link["href"]).select_one("section[id^=report-]")
    assert report.select_one("h2").get_text() == "COI Report - Syria: Country Focus"
    ranked = [
        row.select_one("th a:not(.badge)").get_text()
        for row in report.select("tbody tr")
    ]
    assert ranked[:2] == ["Syrian Observatory for Human Rights", "Al Jazeera"]
    assert "Reuters" not in ranked


def test_outlet_page_groups_claims_by_work_newest_first(soup) -> None:
    page = soup("/outlets/sohr")
    assert (
        page.select_one("h1").get_text(" ", strip=True)
        == "Syrian Observatory for Human Rights (SOHR)"
    )
    facts = [dd.get_text() for dd in page.select(".document-facts dd")]
    assert facts == ["monitoring NGO", "15", "11"]
    groups = page.select("section.work-group")
    assert len(groups) == 11
    dates = [g.select_one(".work-meta time")["datetime"] for g in groups]
    assert dates == sorted(dates, reverse=True)
    assert all(g.select(".claim-refs li.claim-ref") for g in groups)


def test_outlet_page_of_a_wire_agency_lists_attributions_and_documents(soup) -> None:
    page = soup("/outlets/reuters")
    group = page.select_one("section.work-group")
    assert (
        group.select_one("h3").get_text()
        == "Attributions in wire stories (no particular work)"
    )
    assert (
        group.select_one(".claim-ref blockquote a")
        .get_text()
        .startswith("Reuters footage")
    )
    documents = [a.get_text() for a in page.select("ul.doc-list > li > a")]
    assert documents == [
        "U.S. forces began pulling out of their largest base in northeastern Syria "
        "on Monday"
    ]


def test_work_page_shows_outlet_date_and_every_claim_citing_it(soup) -> None:
    outlet = soup("/outlets/inss")
    work_url = outlet.select_one("section.work-group h3 a")["href"]
    page = soup(work_url)
    assert (
        page.select_one("h1").get_text()
        == "A New Era in Syria: Winners, Losers, and Implications for Israel"
    )
    outlet_fact, *facts = page.select(".document-facts dd")
    assert outlet_fact.select_one("a.badge")["href"] == "/outlets/inss"
    assert outlet_fact.contents[-1].strip() == "Institute for National Security Studies"
    assert [words(dd) for dd in facts] == [
        "12 January 2025",
        "not known",
        "not in the archive",
    ]
    footnotes = [
        p.get_text(" ", strip=True).rsplit("·", 1)[-1].strip()
        for p in page.select(".claim-ref-source")
    ]
    assert footnotes == ["footnote 537", "footnote 539"]


@pytest.mark.parametrize(
    "url", ["/documents/999", "/claims/999", "/outlets/nobody", "/works/999"]
)
def test_missing_records_are_404_pages(soup, url) -> None:
    page = soup(url, status=404)
    assert page.select_one("h1").get_text() == "Not found"
