"""Reading a document and the results in a real browser, wide and on a phone:
side notes, the back link, claims, the matches bar; the screenshots kept in
test-artifacts/ (search and document, 1280 and 400 px wide)."""

from __future__ import annotations

from tests.web.browsing import in_viewport, screenshot, viewing

REPORT = "3.4. US-led coalition"


def _box(page, selector: str) -> dict:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box


def _page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def _open_report(page, site) -> None:
    page.goto(site.url + "/?q=Qasrak")
    page.click(f"li.doc-hit h3 a:text('{REPORT}')")
    page.wait_for_selector("nav.match-bar")


def test_wide_screen_shows_footnotes_beside_their_markers(browser, sample_site):
    with sample_site.explained(), viewing(browser, 1280) as page:
        _open_report(page, sample_site)
        marker = page.locator("sup#ref-545-1")
        passage = marker.locator("xpath=ancestor::p[contains(@class, 'passage')]")
        note = page.locator(".sidenote[data-note='fn-545']")
        assert note.is_visible()
        text, beside = _box(page, ".document-body .passage"), note.bounding_box()
        assert beside["x"] >= text["x"] + text["width"], "the note is in the margin"
        row = passage.bounding_box()
        assert row["y"] - 1 <= beside["y"] < row["y"] + row["height"]
        assert "Ground reinforcements" in note.inner_text()
        assert page.locator("li#fn-545").count() == 1  # the end list stays
        screenshot(page, "document-1280.png")


def test_phone_keeps_the_end_list_and_puts_filters_first(browser, sample_site):
    with sample_site.explained(), viewing(browser, 400) as page:
        page.goto(sample_site.url + "/?q=Qasrak")
        facets = _box(page, "aside.facets")
        first = _box(page, "li.doc-hit")
        assert facets["y"] < first["y"], "the filters come before the results"
        skip = page.locator("a.skip-facets")
        assert skip.is_visible()
        skip.click()
        assert in_viewport(page, "#results-h")
        assert _page_width(page) <= 400, "nothing runs past the screen's edge"
        screenshot(page, "search-400.png")
        page.click(f"li.doc-hit h3 a:text('{REPORT}')")
        page.wait_for_selector("nav.match-bar")
        assert not page.locator(".sidenote").first.is_visible()
        assert page.locator("li#fn-545").is_visible()
        assert _page_width(page) <= 400, "nothing runs past the screen's edge"
        screenshot(page, "document-400.png")


def test_back_link_is_large_and_keeps_the_sentence_in_view(browser, sample_site):
    with sample_site.explained(), viewing(browser, 400, 800) as page:
        _open_report(page, sample_site)
        page.click("sup#ref-545-1 a.fn-link")
        back = page.locator("li#fn-545 a.backlink")
        size = back.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44
        back.click()
        assert page.url.endswith("#ref-545-1")
        top = page.evaluate(
            "document.getElementById('ref-545-1').getBoundingClientRect().top"
        )
        height = page.evaluate("window.innerHeight")
        assert height * 0.2 <= top <= height * 0.6, (top, height)


def test_claims_are_not_underlined_and_a_legend_explains_the_marks(
    browser, sample_site
):
    with sample_site.explained(), viewing(browser, 1280) as page:
        _open_report(page, sample_site)
        styles = page.evaluate(
            """() => [...document.querySelectorAll('.claim')].slice(0, 5).map(
                (c) => getComputedStyle(c).borderBottomStyle + ' ' +
                       getComputedStyle(c).textDecorationLine)"""
        )
        assert styles and set(styles) == {"none none"}
        legend = " ".join(page.locator("p.legend").inner_text().split())
        assert "◆ after a sentence opens its claim page" in legend
        assert "SOHR a named source" in legend
        assert "a US official an anonymous source" in legend


def test_the_matches_bar_follows_the_match_shown(browser, sample_site):
    with sample_site.explained(), viewing(browser, 1280) as page:
        page.goto(sample_site.url + "/?q=Qasrak")
        reuters = page.locator("li.doc-hit", has_text="Reuters").first
        reuters.locator("h3 a").click()
        page.wait_for_selector("nav.match-bar a.match-link[aria-current]")
        links = page.locator("nav.match-bar a.match-link")
        anchors = [links.nth(i).get_attribute("data-anchor") for i in range(3)]
        opened = anchors.index(page.url.rsplit("#", 1)[1])
        current = page.locator("nav.match-bar a.match-link[aria-current]")
        assert current.inner_text() == str(opened + 1)
        page.click("nav.match-bar a.match-next")
        following = (opened + 1) % 3
        assert current.inner_text() == str(following + 1)
        anchor = anchors[following]
        assert page.url.endswith(f"#{anchor}")
        assert in_viewport(page, f"#{anchor}")
        assert in_viewport(page, "nav.match-bar"), "the bar stays at the top"
        marks = page.locator(f"#{anchor} mark.query-word")
        assert marks.count() >= 1 and marks.first.inner_text() == "Qasrak"
        page.click("nav.match-bar a.match-previous")
        assert current.inner_text() == str(opened + 1)


def test_search_page_wide(browser, sample_site):
    with sample_site.explained(), viewing(browser, 1280) as page:
        page.goto(sample_site.url + "/?q=Qasrak")
        facets, first = _box(page, "aside.facets"), _box(page, "li.doc-hit")
        assert facets["x"] + facets["width"] <= first["x"], "filters beside results"
        assert not page.locator("a.skip-facets").is_visible()
        placeholder = page.get_attribute("input[name=from]", "placeholder")
        assert placeholder == "YYYY-MM"
        screenshot(page, "search-1280.png")
