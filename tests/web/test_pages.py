"""The pages as a reader sees them, on the sample corpus: selectors, not substrings."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup
from click.testing import CliRunner

from archive.cli import cli
from tests.conftest import FIXTURES
from tests.web.conftest import (
    WIRE_FIXTURES,
    build_archive,
    close_app,
    make_app,
    words,
)

# --- home and search ------------------------------------------------------------


def test_home_has_one_search_box_and_what_the_archive_holds(soup) -> None:
    page = soup("/")
    assert [
        i["name"] for i in page.select("main form[role=search] input[type=search]")
    ] == ["q"]
    figures = words(page.select_one(".archive-figures p"))
    # 23: "did not respond" and "spoke on condition of anonymity" are no claims
    assert figures.startswith("1 report, 2 wire stories with 23 claims")
    recent = [
        a.get_text(strip=True)
        for a in page.select(".archive-figures .doc-list a[href^='/documents/']")
    ]
    assert "3.4. US-led coalition" in recent


def test_empty_archive_says_how_to_ingest(tmp_path) -> None:
    app = make_app(tmp_path)
    try:
        client = app.test_client()
        home = BeautifulSoup(client.get("/").get_data(as_text=True), "html.parser")
        commands = [c.get_text() for c in home.select(".empty-state code")]
        assert commands == ["archive ingest PATH...", "archive demo"]
        searched = client.get("/?q=Qasrak")
        assert searched.status_code == 200
        page = BeautifulSoup(searched.get_data(as_text=True), "html.parser")
        assert page.select_one(".empty-state h2").get_text() == "The archive is empty"
    finally:
        close_app(app)


def test_search_shows_snippets_documents_and_cited_outlet_badges(soup) -> None:
    page = soup("/?q=Qasrak&group=passages")
    assert words(page.select_one("h2.results-count")) == (
        "3 documents, 6 passages match Qasrak"
    )
    assert page.select_one("h2.results-count q").get_text() == "Qasrak"
    hits = page.select("ol.hits > li.hit")
    assert len(hits) == 6
    for hit in hits:
        assert re.fullmatch(
            r"/documents/\d+\?q=Qasrak#p-[0-9a-f]{8}(-\d+)?",
            hit.select_one("h3 a")["href"],
        )
        marks = {m.get_text() for m in hit.select(".snippet mark")}
        assert marks <= {"Qasrak", "Qasrik"} and marks
    report = next(h for h in hits if h.select_one(".kind").get_text() == "Report")
    assert words(report.select_one(".hit-meta")) == (
        "Report · EUAA · March 2025 · COI Report - Syria: Country Focus, section 3.4"
        " · Syria (SY), United States (US)"
    )
    badge = report.select_one(".hit-claims a.badge")
    assert badge["href"] == "/outlets/sohr"
    assert badge["title"] == "Syrian Observatory for Human Rights (monitoring NGO)"
    variants = [m.get_text() for m in page.select(".also-matched mark")]
    assert variants == ["Qasrik"]


def test_search_groups_passages_by_document(soup) -> None:
    """GIVEN "Qasrak" in 6 passages, 3 of them in one Reuters story
    WHEN searched on the site
    THEN 3 documents are listed once each, with their best passages beneath,
    and each link opens the document with the query."""
    page = soup("/?q=Qasrak")
    assert words(page.select_one("h2.results-count")) == (
        "3 documents, 6 passages match Qasrak"
    )
    documents = page.select("ol.doc-hits > li.doc-hit")
    titles = [d.select_one("h3 a").get_text() for d in documents]
    assert len(titles) == len(set(titles)) == 3
    passages = [len(d.select("li.hit-passage")) for d in documents]
    more = [
        int(d.select_one(".more-in-document a").get_text().split()[0])
        if d.select_one(".more-in-document")
        else 0
        for d in documents
    ]
    assert sum(passages) + sum(more) == 6 and max(passages) <= 3
    for document in documents:
        for link in document.select("h3 a, a.passage-link"):
            assert re.fullmatch(r"/documents/\d+\?q=Qasrak#p-[0-9a-f-]+", link["href"])
        meta = words(document.select_one(".hit-meta"))
        assert "Syria (SY)" in meta
    note = words(page.select_one(".facet-note"))
    assert note.startswith("Counts are of documents.")
    switch = page.select_one(".group-switch a")
    assert switch.get_text() == "Show every passage"
    assert len(soup(switch["href"]).select("ol.hits > li.hit")) == 6


def test_a_facet_value_can_be_left_out(soup) -> None:
    page = soup("/?q=Qasrak")
    wire = next(
        li
        for li in page.select("#facet-kind ~ ul li")
        if li.select_one("a.facet-value").get_text(strip=True) == "Wire story"
    )
    leave_out = wire.select_one("a.exclude")
    assert leave_out.get_text(strip=True) == "−Leave out Wire story"
    assert parse_qs(urlsplit(leave_out["href"]).query)["not_kind"] == ["wire"]
    narrowed = soup(leave_out["href"])
    kinds = [d.select_one(".kind").get_text() for d in narrowed.select("li.doc-hit")]
    assert kinds == ["Report"]
    back = narrowed.select_one(".left-out a")
    assert words(back) == "✕ kind: wire (take it back)"
    assert len(soup(back["href"]).select("li.doc-hit")) == 3


def test_search_page_counts_countries_and_filters_by_one(soup) -> None:
    page = soup("/?q=Qasrak")
    facet = page.select_one(
        "section#facet-country, section[aria-labelledby=facet-country]"
    )
    assert facet.select_one("h3").get_text() == "Country"
    shown = [
        (a.get_text(), a.find_next("span").get_text())
        for a in facet.select("a.facet-value")
    ]
    assert shown == [("Syria (SY)", "3"), ("United States (US)", "3")]
    narrowed = soup(facet.select_one("a")["href"])
    assert words(narrowed.select_one("h2.results-count")) == (
        "3 documents, 6 passages match Qasrak"
    )
    assert narrowed.select_one("section[aria-labelledby=facet-country] a.active")


def test_facets_narrow_the_results_and_show_counts(client, soup) -> None:
    page = soup("/?q=Qasrak")
    kinds = {
        a.get_text(strip=True): a.find_next_sibling("span").get_text()
        for a in page.select("#facet-kind ~ ul a.facet-value")
    }
    assert kinds == {"Wire story": "2", "Report": "1"}
    report_link = next(
        a
        for a in page.select("#facet-kind ~ ul a.facet-value")
        if a.get_text(strip=True) == "Report"
    )
    narrowed = soup(report_link["href"])
    assert len(narrowed.select("li.doc-hit")) == 1
    assert words(narrowed.select_one("#facet-kind ~ ul a.active")) == "✓ Report"
    publishers = [
        a.get_text(strip=True)
        for a in page.select("#facet-publisher ~ ul a.facet-value")
    ]
    assert publishers == ["AP", "EUAA", "Reuters"]  # a document each: by name
    months = [
        a.get_text(strip=True) for a in page.select("#facet-month ~ ul a.facet-value")
    ]
    assert months == ["February 2026", "March 2025"]


def test_results_are_paginated(client, sample_dir) -> None:
    app = make_app(sample_dir, RESULTS_PER_PAGE=2)
    try:
        client = app.test_client()
        first = BeautifulSoup(
            client.get("/?q=Qasrak").get_data(as_text=True), "html.parser"
        )
        pager = first.select_one("nav.pager")
        assert pager.select_one("[aria-current=page]").get_text() == "1"
        second_url = pager.select_one("a[rel=next]")["href"]
        assert parse_qs(urlsplit(second_url).query) == {"q": ["Qasrak"], "page": ["2"]}
        second = BeautifulSoup(
            client.get(second_url).get_data(as_text=True), "html.parser"
        )
        assert second.select_one("ol.doc-hits")["start"] == "3"
        first_titles = [a["href"] for a in first.select("li.doc-hit h3 a")]
        second_titles = [a["href"] for a in second.select("li.doc-hit h3 a")]
        assert len(first_titles) == 2 and len(second_titles) == 1
        assert not set(first_titles) & set(second_titles)
    finally:
        close_app(app)


def test_no_result_offers_did_you_mean(soup) -> None:
    page = soup("/?q=coaliton")
    assert words(page.select_one("h2.results-count")) == "No passages match coaliton"
    suggestion = page.select_one(".did-you-mean a")
    assert suggestion.get_text() == "coalition"
    assert parse_qs(urlsplit(suggestion["href"]).query) == {"q": ["coalition"]}


def test_no_result_with_filters_offers_to_drop_them(soup) -> None:
    page = soup("/?q=Qasrak&outlet=wsj")
    tips = {a.get_text() for a in page.select(".tips a")}
    assert "Search again without the filters" in tips


def test_every_help_example_runs_and_finds_something(client, soup) -> None:
    examples = soup("/help").select("table.syntax td:first-child a")
    assert len(examples) >= 15
    for link in examples:
        page = soup(link["href"])
        assert page.select("li.doc-hit"), f"{link.get_text()} found nothing"


# --- documents ------------------------------------------------------------------


def test_documents_list_filters_by_kind_publisher_and_date(soup) -> None:
    def titles(url: str) -> list[str]:
        return [a.get_text() for a in soup(url).select(".doc-list a.doc-title")]

    assert len(titles("/documents")) == 3
    assert titles("/documents?kind=report") == ["3.4. US-led coalition"]
    assert len(titles("/documents?kind=wire")) == 2
    assert titles("/documents?publisher=ap") == [
        "[U.S. forces are withdrawing from a key base in northeastern Syria]"
    ]
    assert titles("/documents?from=2026-02&to=2026-02") == [
        "[U.S. forces are withdrawing from a key base in northeastern Syria]",
        "[U.S. forces began pulling out of their largest base in northeastern Syria "
        "on Monday]",
    ]
    assert len(titles("/documents?country=SY")) == 3
    assert titles("/documents?country=Jordan") == []
    assert titles("/documents?to=2025") == ["3.4. US-led coalition"]


def test_report_page_shows_its_report_cite_as_and_passages(soup, ids) -> None:
    page = soup(f"/documents/{ids['euaa']}")
    assert page.select_one("h1").get_text() == "3.4. US-led coalition"
    assert page.select_one(".cite-as p").get_text() == (
        "EUAA, '3.4. US-led coalition' in COI Report - Syria: Country Focus, "
        "March 2025."
    )
    facts = dict(
        zip(
            [dt_.get_text() for dt_ in page.select(".document-facts dt")],
            [dd.get_text(" ", strip=True) for dd in page.select(".document-facts dd")],
            strict=True,
        )
    )
    assert (
        facts["Report"]
        == "COI Report - Syria: Country Focus, section 3.4 (US-led coalition)"
    )
    assert facts["Date"] == "March 2025"
    passages = page.select(".document-body .passage")
    assert len(passages) == 6
    for passage in passages:
        assert passage.select_one("a.permalink")["href"] == f"#{passage['id']}"


def test_markers_link_to_footnotes_and_footnotes_link_back(soup, ids) -> None:
    page = soup(f"/documents/{ids['euaa']}")
    marker = page.select_one("sup#ref-545-1 a.fn-link")
    assert marker["href"] == "#fn-545"
    assert marker.get_text() == "\u2060[545]"
    note = page.select_one("li#fn-545")
    assert [a["href"] for a in note.select(".backlinks a")] == ["#ref-545-1"]
    citations = note.select(".citations li.citation")
    assert len(citations) == 2
    first = citations[0]
    assert (
        first.select_one("a.badge")["title"]
        == "Syrian Observatory for Human Rights (monitoring NGO)"
    )
    assert first.select_one("cite").get_text() == (
        "Ground reinforcements | “International Coalition” brings military equipment "
        "to base in Al-Hasakah"
    )
    assert first.select_one("time")["datetime"] == "2025-01-18"
    assert first.select_one(".citation-links a")["href"].startswith("/works/")
    pages = page.select_one("li#fn-544 .pages").get_text()
    assert pages == "pp. 12-13"
    every_marker = page.select("sup.fn-ref a.fn-link")
    assert len(every_marker) == 18
    assert all(page.select_one(a["href"]) is not None for a in every_marker)


def test_footnote_cited_twice_has_lettered_back_links(tmp_path) -> None:
    """GIVEN a Markdown report whose footnote 12 is cited by two markers
    WHEN its page is shown
    THEN the footnote has back-links a and b to each marker, Wikipedia-style."""
    fixture = FIXTURES / "report" / "home-office-iraq-markdown.md"
    build_archive(tmp_path, [fixture])
    app = make_app(tmp_path)
    try:
        page = BeautifulSoup(
            app.test_client().get("/documents/1").get_data(as_text=True), "html.parser"
        )
        note = page.select_one("li#fn-12")
        links = note.select(".backlinks a")
        assert [a.get_text() for a in links] == ["↩a", "↩b"]
        assert [a["href"] for a in links] == ["#ref-12-1", "#ref-12-2"]
        assert all(page.select_one(a["href"]) for a in links)
        assert page.select("ul.passage-list > li")
    finally:
        close_app(app)


def test_wire_page_shows_dateline_agency_byline_and_date(soup, ids) -> None:
    page = soup(f"/documents/{ids['ap']}")
    facts = {
        dt_.get_text(): dd.get_text(" ", strip=True)
        for dt_, dd in zip(
            page.select(".document-facts dt"),
            page.select(".document-facts dd"),
            strict=True,
        )
    }
    assert facts["Kind"] == "Wire story"
    assert facts["Date"] == "23 February 2026"  # from the file's name
    assert facts["Dateline"] == "QAMISHLI, Syria"
    assert facts["Byline"] == "By Hogir Al Abdo, Ghaith AlSayed, Qassim Abdul-Zahra"
    assert facts["Agency"].endswith("The Associated Press")
    anonymous = [b.get_text() for b in page.select(".claim .badge-anonymous")]
    assert "Iraqi and Syrian security officials" in anonymous
    named = [a["href"] for a in page.select(".claim a.badge")]
    assert "/outlets/centcom" in named
    assert page.select_one(".credits p").get_text() == (
        "AlSayed reported from Damascus and Abdul-Zahra from Baghdad."
    )


def test_document_page_carries_citation_meta_tags(soup, ids) -> None:
    page = soup(f"/documents/{ids['euaa']}")
    meta = {m["name"]: m["content"] for m in page.select("meta[name^=citation_]")}
    assert meta["citation_title"] == "3.4. US-led coalition"
    assert meta["citation_publication_date"] == "2025/03"
    assert meta["citation_publisher"] == "European Union Agency for Asylum"
    assert meta["citation_inbook_title"] == "COI Report - Syria: Country Focus"
    assert meta["citation_public_url"] == f"http://localhost/documents/{ids['euaa']}"
    wire = soup(f"/documents/{ids['ap']}")
    authors = [m["content"] for m in wire.select("meta[name=citation_author]")]
    assert authors == ["Hogir Al Abdo", "Ghaith AlSayed", "Qassim Abdul-Zahra"]


def test_document_page_is_printable(client) -> None:
    with client.get("/static/style.css") as response:
        assert "@media print" in response.get_data(as_text=True)


def test_in_archive_link_when_a_cited_work_is_archived(linked_dir) -> None:
    """GIVEN a report citing a Reuters story that is archived too
    WHEN the report's page is shown
    THEN the citation links to the archived story, and the story to its work."""
    app = make_app(linked_dir)
    try:
        client = app.test_client()
        report_id = client.get("/api/documents?kind=report").get_json()["documents"][0][
            "id"
        ]
        story_id = client.get("/api/documents?kind=wire").get_json()["documents"][0][
            "id"
        ]
        page = BeautifulSoup(
            client.get(f"/documents/{report_id}").get_data(as_text=True), "html.parser"
        )
        link = page.select_one("li#fn-41 a.in-archive")
        assert link["href"] == f"/documents/{story_id}"
        assert page.select_one("li#fn-41 a.url")["href"].startswith(
            "https://www.reuters.com/"
        )
        story = BeautifulSoup(
            client.get(f"/documents/{story_id}").get_data(as_text=True), "html.parser"
        )
        assert story.select_one(".cited-as a").get_text() == (
            "Syrian army takes over Raqqa checkpoints from Kurdish-led SDF"
        )
    finally:
        close_app(app)


def _facts(page) -> dict[str, str]:
    return {
        dt_.get_text(): dd.get_text(" ", strip=True)
        for dt_, dd in zip(
            page.select(".document-facts dt"),
            page.select(".document-facts dd"),
            strict=True,
        )
    }


def test_document_page_shows_provenance_and_countries(soup, ids) -> None:
    """GIVEN the AP sample, whose file states no title, date or address
    WHEN its page is shown
    THEN the reader sees the title in brackets with a note, the date taken from the
    file's name among the notes from archiving, the file's name, format and
    checksum, when it was archived, that the original is not known, and the
    countries the story is about, each a link to the documents about it."""
    page = soup(f"/documents/{ids['ap']}")
    assert page.select_one("h1").get_text() == (
        "[U.S. forces are withdrawing from a key base in northeastern Syria]"
    )
    assert page.select_one("p.title-note").get_text() == (
        "The file states no title: the title in brackets was made from its first "
        "sentence."
    )
    facts = _facts(page)
    assert facts["Original"] == "not known (the file states no address)"
    assert re.fullmatch(
        r"ap-2026-02-23-us-forces-qasrak\.txt \(text\), SHA-256 [0-9a-f]{64}",
        facts["File"],
    )
    assert re.fullmatch(r"\d{1,2} \w+ \d{4}, \d\d:\d\d UTC", facts["Archived"])
    countries = page.select_one(".document-facts dd.countries")
    assert words(countries) == "Syria (SY), United States (US)"
    links = [a["href"] for a in page.select(".document-facts dd.countries a")]
    assert links == ["/documents?country=SY", "/documents?country=US"]
    notes = [li.get_text() for li in page.select(".warnings li")]
    assert (
        "no date in the file; 2026-02-23 is taken from its name "
        "'ap-2026-02-23-us-forces-qasrak.txt'"
    ) in notes


def test_a_stated_title_is_not_bracketed(soup, ids) -> None:
    page = soup(f"/documents/{ids['euaa']}")
    assert page.select_one("h1").get_text() == "3.4. US-led coalition"
    assert page.select_one("p.title-note") is None
    countries = page.select_one(".document-facts dd.countries")
    assert words(countries) == "Syria (SY), United States (US)"


def test_an_address_given_at_ingest_is_shown_as_the_original(tmp_path) -> None:
    """GIVEN a story archived with ``archive ingest --url``
    THEN its page links the original there."""
    story = tmp_path / "story.txt"
    story.write_text(
        (WIRE_FIXTURES / "afp-deir-ezzor-clashes.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    data = tmp_path / "data"
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(data)})
    url = "https://www.afp.com/en/news/deir-ezzor-clashes"
    result = runner.invoke(cli, ["ingest", "--url", url, str(story)])
    assert result.exit_code == 0, result.output
    app = make_app(data)
    try:
        page = BeautifulSoup(
            app.test_client().get("/documents/1").get_data(as_text=True),
            "html.parser",
        )
        link = page.select_one(".document-facts a.original")
        assert (link["href"], link.get_text()) == (url, url)
        countries = page.select_one(".document-facts dd.countries")
        assert words(countries) == "Syria (SY), Lebanon (LB)"
    finally:
        close_app(app)


def test_citation_counts_agree_between_home_and_outlets_page(soup) -> None:
    """GIVEN the sample corpus, whose citations include anonymous attributions
    WHEN the home page and the outlets page give their counts
    THEN the outlets page's count is the home page's "name an outlet" figure,
    and the parts add up to the home page's total, each labelled."""
    home = words(soup("/").select_one(".archive-figures p"))
    total = int(home.split(" citations of ")[0].split()[-1])
    named = int(home.split(" name an outlet")[0].split()[-1])
    anonymous = int(home.split(" are anonymous attributions")[0].split()[-1])
    unnamed = int(home.split(" name no outlet")[0].split()[-1])
    uncertain = (
        int(home.split(" are uncertain readings")[0].split()[-1])
        if "uncertain readings" in home
        else 0
    )
    assert named + anonymous + unnamed + uncertain == total
    assert anonymous > 0
    outlets = words(soup("/outlets").select_one(".citation-figures"))
    assert f"· {named} citations naming an outlet, of {total} citations" in outlets
    assert f"The others: {anonymous} anonymous attributions" in outlets


def test_outlet_names_are_shown_once_when_short_and_full_are_equal(soup) -> None:
    rows = soup("/outlets").select("#overall tbody th")
    for row in rows:
        name = row.select_one("a:not(.badge)").get_text()
        badge = row.select_one("a.badge [aria-hidden]")
        assert badge is None or badge.get_text() != name, words(row)
    assert any(row.select_one("a.badge") is None for row in rows)
