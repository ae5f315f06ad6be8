"""Every kind of page checked by axe-core in a real browser, and used from the
keyboard alone.

axe-core (tests/web/axe/, from the npm registry) runs inside each page; any
serious or critical violation fails the test and is listed with the elements it
concerns. Pages are checked wide (1280 px) and narrow (400 px, a phone).
"""

from __future__ import annotations

import pytest

from tests.web.browsing import blocking_violations, viewing

PAGES = {
    "home": "/",
    "search": "/?q=Qasrak",
    "search by passage": "/?q=Qasrak&group=passages",
    "search with a value left out": "/?q=Qasrak&not_kind=wire",
    "search finding nothing": "/?q=coaliton",
    "documents": "/documents",
    "outlets": "/outlets",
    "outlet": "/outlets/sohr",
    "attributions": "/outlets/sohr/attributions",
    "help": "/help",
    "missing page": "/documents/999999",
}


def _document_url(page, site, kind: str) -> str:
    found = page.request.get(f"{site.url}/api/search?q=Qasrak").json()
    document = next(d for d in found["documents"] if d["kind"] == kind)
    return document["passages"][0]["url"]


@pytest.mark.parametrize("width", [1280, 400])
def test_no_page_has_a_serious_accessibility_violation(
    browser, sample_site, width
) -> None:
    with sample_site.explained(), viewing(browser, width) as page:
        report = _document_url(page, sample_site, "report")
        wire = _document_url(page, sample_site, "wire")
        claim = page.request.get(
            sample_site.url + "/api/documents/" + report.split("/")[2].split("?")[0]
        ).json()["passages"]
        claim_id = next(c["id"] for p in claim for c in p["claims"])
        work = page.request.get(f"{sample_site.url}/api/outlets/sohr").json()
        work_id = next(g["work"]["id"] for g in work["groups"] if g["work"])
        pages = {
            **PAGES,
            "report opened at a hit": report,
            "wire story opened at a hit": wire,
            "report": report.split("?")[0],
            "claim": f"/claims/{claim_id}",
            "cited work": f"/works/{work_id}",
        }
        problems = []
        for name, url in pages.items():
            page.goto(sample_site.url + url)
            problems += [f"{name} ({url}): {v}" for v in blocking_violations(page)]
            wide = page.evaluate("document.documentElement.scrollWidth")
            if wide > width:
                problems.append(
                    f"{name} ({url}): {wide} px wide on a {width} px screen"
                )
        assert not problems, "\n".join(problems)


def test_search_narrow_and_open_a_hit_from_the_keyboard(browser, sample_site) -> None:
    """GIVEN the home page WHEN a user types a query, leaves a kind out, opens a
    hit and follows a footnote marker and back, by keyboard alone
    THEN each step lands where a mouse click would."""
    with sample_site.explained(), viewing(browser, 1280) as page:
        page.goto(sample_site.url + "/")
        page.keyboard.press("Tab")
        assert _focused(page) == "a.skip-link"
        _tab_to(page, "#q")
        page.keyboard.type("Qasrak")
        page.keyboard.press("Enter")
        page.wait_for_selector("li.doc-hit")
        _tab_to(page, "a.exclude[href*='not_kind=wire']")
        page.keyboard.press("Enter")
        page.wait_for_selector(".left-out")
        assert page.locator("li.doc-hit").count() == 1
        _tab_to(page, "li.doc-hit h3 a")
        page.keyboard.press("Enter")
        page.wait_for_selector("nav.match-bar")
        _tab_to(page, "a.fn-link")
        page.keyboard.press("Enter")
        assert "#fn-" in page.url
        _tab_to(page, ".note:target a.backlink")
        page.keyboard.press("Enter")
        assert "#ref-" in page.url


def _focused(page) -> str:
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            return e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
                (e.className ? "." + String(e.className).split(" ").join(".") : "");
        }"""
    )


def _tab_to(page, selector: str, most: int = 200) -> None:
    """Press Tab until the focus is on an element matching ``selector``."""
    for _ in range(most):
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{most} presses of Tab never reached {selector}")
