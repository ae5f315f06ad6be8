"""The site in a real browser: `archive serve` in a subprocess, Debian's Chromium.

Each server runs on a free 127.0.0.1 port over an archive built by the real
pipeline; every failure message carries the server's output. The tests need
/usr/bin/chromium (Debian's ``chromium`` package) and fail, never skip, without it;
no browser is ever downloaded. Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parent.parent.parent / "test-artifacts"
STARTUP_DEADLINE = 30.0


@dataclass
class Site:
    """A running ``archive serve`` and the file its output goes to."""

    url: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    @contextmanager
    def explained(self) -> Iterator[None]:
        """Re-raise any failure with the server's output attached."""
        try:
            yield
        except Exception as error:
            raise AssertionError(
                f"{type(error).__name__}: {error}\n"
                f"--- archive serve output ({self.url}) ---\n{self.output()}"
            ) from error


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def archive_command() -> list[str]:
    script = Path(sys.executable).parent / "archive"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from archive.cli import cli; cli()"]


def start_site(data_dir: Path, log: Path) -> Site:
    port = free_port()
    env = {**os.environ, "ARCHIVE_DATA_DIR": str(data_dir)}
    env.pop("ARCHIVE_DATABASE_URL", None)
    with log.open("w") as sink:
        process = subprocess.Popen(
            [*archive_command(), "serve", "--host", "127.0.0.1", "--port", str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=env,
        )
    site = Site(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + STARTUP_DEADLINE
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(
                f"archive serve exited with {process.returncode}:\n{site.output()}"
            )
        try:
            with urllib.request.urlopen(f"{site.url}/documents", timeout=2) as answer:
                if answer.status == 200:
                    return site
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    stop_site(site)
    raise AssertionError(
        f"archive serve did not answer on {site.url} within {STARTUP_DEADLINE:.0f} s:\n"
        f"{site.output()}"
    )


def stop_site(site: Site) -> None:
    site.process.terminate()
    try:
        site.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        site.process.kill()
        site.process.wait()


@pytest.fixture(scope="session")
def hostile_site(hostile_dir, tmp_path_factory) -> Iterator[Site]:
    site = start_site(hostile_dir, tmp_path_factory.mktemp("serve") / "serve.log")
    yield site
    stop_site(site)


@pytest.fixture
def page(browser):
    """A fresh page; console errors (a CSP refusal among them) fail the test."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_search_then_follow_a_marker_to_its_footnote_and_back(
    page, sample_site
) -> None:
    with sample_site.explained():
        page.goto(sample_site.url + "/")
        page.fill("#q", "Qasrak")
        page.press("#q", "Enter")
        page.wait_for_selector("li.hit")
        assert page.locator("li.hit").count() == 6
        screenshot(page, "search-qasrak.png")
        page.click("li.hit h3 a:text('3.4. US-led coalition')")
        page.wait_for_selector("h1:text('3.4. US-led coalition')")
        assert "#p-" in page.url
        page.click("sup#ref-545-1 a.fn-link")
        assert page.url.endswith("#fn-545")
        note = page.locator("li#fn-545")
        assert note.is_visible() and in_viewport(page, "li#fn-545")
        assert "Ground reinforcements" in note.inner_text()
        note.locator(".backlinks a").click()
        assert page.url.endswith("#ref-545-1")
        assert in_viewport(page, "sup#ref-545-1")
        screenshot(page, "document-report.png")


def test_marker_preview_on_hover_and_on_keyboard_focus(page, sample_site) -> None:
    with sample_site.explained():
        page.goto(sample_site.url + "/documents")
        page.click("a.doc-title:text('3.4. US-led coalition')")
        marker = page.locator("sup#ref-547-1 a.fn-link")
        marker.hover()
        preview = page.locator("#fn-preview")
        preview.wait_for(state="visible")
        assert "Carrying advanced weapons" in preview.inner_text()
        assert marker.get_attribute("aria-describedby") == "fn-preview"
        screenshot(page, "footnote-preview.png")
        page.mouse.move(5, 5)
        preview.wait_for(state="detached")
        page.locator("sup#ref-546-1 a.fn-link").focus()
        preview.wait_for(state="visible")
        assert "Boosting military bases" in preview.inner_text()
        page.keyboard.press("Escape")
        preview.wait_for(state="detached")


def test_marker_links_work_without_javascript(browser, sample_site) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        with sample_site.explained():
            page = context.new_page()
            page.goto(sample_site.url + "/documents")
            page.click("a.doc-title:text('3.4. US-led coalition')")
            page.click("sup#ref-552-1 a.fn-link")
            assert page.url.endswith("#fn-552")
            assert in_viewport(page, "li#fn-552")
    finally:
        context.close()


def test_outlet_and_cited_work_pages(page, sample_site) -> None:
    with sample_site.explained():
        page.goto(sample_site.url + "/outlets")
        page.click("#overall tbody tr:first-child th a:not(.badge)")
        page.wait_for_selector("h1:text('Syrian Observatory for Human Rights')")
        assert page.locator("section.work-group").count() == 11
        screenshot(page, "outlet-sohr.png")
        page.click("section.work-group h3 a >> nth=0")
        page.wait_for_selector("h1:text('Carrying advanced weapons')")
        assert page.locator(".claim-refs li.claim-ref").count() == 1
        page.click(".claim-refs li.claim-ref blockquote a")
        page.wait_for_selector("h1:text('Claim')")
        assert "Footnote 545" in page.locator("pre.cite-text").inner_text()
        screenshot(page, "claim.png")


def test_wire_story_page(page, sample_site) -> None:
    with sample_site.explained():
        page.goto(sample_site.url + "/documents?kind=wire&publisher=ap")
        page.click("a.doc-title")
        # dated from its file's name; its title, made from the lead, in brackets
        assert page.locator(".document-facts time").first.inner_text() == (
            "23 February 2026"
        )
        assert page.locator("h1.title-derived").inner_text().startswith("[U.S. forces")
        # four anonymous sources; CENTCOM and the SDF were asked, not cited
        assert page.locator(".badge-anonymous").count() == 4
        assert "Asked, no comment" in page.content()
        screenshot(page, "document-wire.png")


def test_hostile_documents_cannot_run_script(browser, hostile_site) -> None:
    """GIVEN documents whose text, titles and URLs carry script
    WHEN every page showing them is opened, and every marker hovered
    THEN no dialog opens and no script of theirs runs."""
    context = browser.new_context()
    dialogs: list[str] = []
    try:
        with hostile_site.explained():
            page = context.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            documents = page.request.get(hostile_site.url + "/api/documents").json()
            urls = ["/", "/?q=Qasrik", "/?q=xss", "/outlets", "/documents"]
            urls += [f"/documents/{d['id']}" for d in documents["documents"]]
            for url in urls:
                page.goto(hostile_site.url + url)
                for marker in page.locator("a.fn-link").all():
                    marker.hover()
                for badge in page.locator(".claim .badge").all():
                    badge.hover()
                assert (
                    page.evaluate(
                        "document.querySelectorAll('script:not([src])').length"
                    )
                    == 0
                )
            screenshot(page, "hostile-document.png")
            assert dialogs == []
    finally:
        context.close()


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.bottom > 0 && box.top < window.innerHeight;
        }""",
        selector,
    )
