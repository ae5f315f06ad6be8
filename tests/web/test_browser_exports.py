"""Copy buttons, text-fragment links and the batch search page in a real
browser (Debian's Chromium), over `archive serve` (see test_browser.py)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.web.browsing import in_viewport, screenshot

CLIPBOARD = ["clipboard-read", "clipboard-write"]


@pytest.fixture
def clip_page(browser, sample_site):
    """A page allowed to read the clipboard; console errors fail the test."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        permissions=CLIPBOARD,
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def open_report(page, site) -> None:
    page.goto(site.url + "/documents")
    page.click("a.doc-title:text('3.4. US-led coalition')")
    page.wait_for_selector("h1:text('3.4. US-led coalition')")


def test_copy_button_puts_the_quote_on_the_clipboard(clip_page, sample_site) -> None:
    page = clip_page
    with sample_site.explained():
        open_report(page, sample_site)
        claim = page.locator("span.claim:has-text('In December 2024 and January')")
        button = claim.locator("button.copy-quote")
        assert button.is_visible()
        expected = button.get_attribute("data-quote")
        button.click()
        button.locator(".copy-label:text('copied')").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == expected
        lines = copied.split("\n")
        assert lines[0].startswith("“In December 2024 and January 2025")
        assert lines[1].startswith("Footnote 545: SOHR, “Ground reinforcements")
        assert page.locator("#copy-status").inner_text() == (
            "Copied the quote with its sources and link."
        )
        # the passage's own button copies the passage, from its text box
        passage = page.locator("p.passage", has=claim)
        passage.locator(":scope > button.copy-quote").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("“In December 2024 and January 2025")
        assert "#p-" in copied.split("\n")[-1]
        assert not page.locator("details.quote").first.is_visible()
        screenshot(page, "document-copy-quote.png")


def test_copy_button_works_from_the_keyboard(clip_page, sample_site) -> None:
    page = clip_page
    with sample_site.explained():
        open_report(page, sample_site)
        button = page.locator("span.claim button.copy-quote").first
        button.focus()
        page.keyboard.press("Enter")
        button.locator(".copy-label:text('copied')").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == (
            button.get_attribute("data-quote")
        )


def test_quote_link_opens_the_document_at_the_sentence(clip_page, sample_site) -> None:
    """GIVEN the link in a claim's quote (permalink#claim-N:~:text=start,end)
    WHEN it is opened, and when its text directive alone is opened
    THEN both bring the claim into view: the anchor, and the words themselves
    (percent-encoded, markers between them), which Chromium finds on the page."""
    page = clip_page
    with sample_site.explained():
        open_report(page, sample_site)
        claim = page.locator("span.claim:has-text('Moreover, the US-led Global')")
        assert not in_viewport(page, "#" + claim.get_attribute("id"))
        link = claim.locator("button.copy-quote").get_attribute("data-quote")
        parts = urlsplit(link.split("\n")[-1])
        anchor, directive = parts.fragment.split(":~:")
        assert directive.startswith("text=Moreover%2C%20the%20US%2Dled%20Global,")
        for fragment in (parts.fragment, ":~:" + directive):
            page.goto(sample_site.url + "/")
            page.goto(f"{sample_site.url}{parts.path}#{fragment}")
            page.wait_for_function(
                """(id) => {
                    const box = document.getElementById(id).getBoundingClientRect();
                    return window.scrollY > 0 && box.top < window.innerHeight
                        && box.bottom > 0;
                }""",
                arg=anchor,
            )


def test_without_javascript_the_quote_is_shown_to_select(browser, sample_site) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        with sample_site.explained():
            page = context.new_page()
            open_report(page, sample_site)
            assert not page.locator("button.copy-quote").first.is_visible()
            details = page.locator("details.quote").first
            assert details.is_visible()
            details.locator("summary").click()
            box = details.locator("textarea.quote-text")
            assert box.is_visible()
            assert box.input_value().startswith("“For information regarding")
            screenshot(page, "document-quote-no-js.png")
    finally:
        context.close()


def test_batch_search_page(clip_page, sample_site) -> None:
    page = clip_page
    with sample_site.explained():
        page.goto(sample_site.url + "/")
        page.click("nav a:text('Batch search')")
        page.fill("#lines", 'Qasrak\n"Ahmed al-Sharaa"\nzzzz\ncoalition')
        page.select_option("select[name=kind]", "wire")
        page.click("button:text('Count matches')")
        page.wait_for_selector("table.batch-table")
        rows = page.locator("table.batch-table tbody tr")
        assert [rows.nth(i).inner_text().split("\t") for i in range(4)] == [
            ["Qasrak", "2", "5"],
            ['"Ahmed al-Sharaa"', "1", "1"],
            ["zzzz", "0", "0"],
            ["coalition", "1", "3"],
        ]
        assert page.locator("select[name=kind]").input_value() == "wire"
        screenshot(page, "batch-search.png")
        with page.expect_download() as download:
            page.click("button:text('Download the table as CSV')")
        saved = download.value
        assert saved.suggested_filename == "batch.csv"
        text = Path(saved.path()).read_text(encoding="utf-8")
        assert text.splitlines()[1].startswith("Qasrak,2,5,")
        page.click("table.batch-table a:text('Qasrak')")
        page.wait_for_selector("li.doc-hit")  # the 2 documents, 5 passages counted
        assert page.locator("li.doc-hit").count() == 2
        assert (
            page.locator("li.hit-passage").count()
            + sum(
                int(text.split()[0])
                for text in page.locator(".more-in-document").all_inner_texts()
                if text.split() and text.split()[0].isdigit()
            )
            == 5
        )
