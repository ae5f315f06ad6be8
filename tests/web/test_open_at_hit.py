"""A hit opens its document at the hit: ``?q=`` carried along, the query's
words marked on the page (name variants too), and a bar of the matches."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.web.test_pages import words


def _report_link(soup) -> str:
    page = soup("/?q=Qasrak")
    report = next(
        d
        for d in page.select("li.doc-hit")
        if d.select_one(".kind").get_text() == "Report"
    )
    return report.select_one("h3 a")["href"]


def test_the_hit_link_carries_the_query_and_the_passage(soup) -> None:
    link = urlsplit(_report_link(soup))
    assert parse_qs(link.query) == {"q": ["Qasrak"]}
    assert link.fragment.startswith("p-")


def test_the_document_marks_the_query_words_and_their_variants(soup) -> None:
    """GIVEN the EUAA report, which spells the base "Qasrik"
    WHEN it is opened from a search for "Qasrak"
    THEN its matching passage is marked as match 1 of 1 and "Qasrik" is marked,
    as the analyzer matched it; no other word is."""
    link = _report_link(soup)
    page = soup(link)
    marked = {m.get_text() for m in page.select(".document-body mark.query-word")}
    assert marked == {"Qasrik"}
    bar = page.select_one("nav.match-bar")
    assert words(bar.select_one(".match-label")) == (
        "Matches in this document for Qasrak:"
    )
    numbers = [a.get_text() for a in bar.select("a.match-link")]
    assert numbers == ["1"]
    anchor = urlsplit(link).fragment
    assert bar.select_one("a.match-link")["href"] == f"#{anchor}"
    nav = page.select_one(".match-nav")
    assert words(nav) == "Match 1 of 1"
    assert nav.find_next_sibling(class_="passage")["id"] == anchor


def test_matches_link_to_each_other_in_reading_order(soup) -> None:
    page = soup("/?q=Qasrak")
    reuters = next(
        d
        for d in page.select("li.doc-hit")
        if "Reuters" in d.select_one(".hit-meta").get_text()
    )
    opened = soup(reuters.select_one("h3 a")["href"])
    passages = [p["id"] for p in opened.select(".document-body .passage")]
    links = [a["href"][1:] for a in opened.select("nav.match-bar a.match-link")]
    assert len(links) == 3
    assert links == sorted(links, key=passages.index)
    navs = opened.select(".match-nav")
    assert [words(n) for n in navs] == [
        "Match 1 of 3 · next",
        "Match 2 of 3 · previous · next",
        "Match 3 of 3 · previous",
    ]
    assert navs[1].select("a")[0]["href"] == f"#{links[0]}"
    assert navs[1].select("a")[1]["href"] == f"#{links[2]}"
    assert opened.select_one("a.match-next")["href"] == f"#{links[0]}"
    assert opened.select_one("a.match-previous")["href"] == f"#{links[2]}"
    marked = {m.get_text() for m in opened.select("mark.query-word")}
    assert marked == {"Qasrak"}


def test_without_a_query_nothing_is_marked(soup) -> None:
    link = urlsplit(_report_link(soup))
    page = soup(link.path)
    assert not page.select("mark.query-word, nav.match-bar, .match-nav")


def test_a_query_the_index_refuses_leaves_the_page_readable(soup) -> None:
    link = urlsplit(_report_link(soup))
    page = soup(f"{link.path}?q=*a")
    assert page.select_one("h1").get_text() == "3.4. US-led coalition"
    problem = words(page.select_one(".match-problem"))
    assert problem.startswith("The search *a could not be marked here:")
