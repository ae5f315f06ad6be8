"""A real site and a real browser for the browser tests: `archive serve` in a
subprocess over an archive built by the real pipeline, on a free 127.0.0.1 port,
driven by Debian's Chromium (never downloaded; the tests fail, never skip,
without it). Every failure message carries the server's output. Screenshots go
to ``test-artifacts/`` (git-ignored).
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
def sample_site(sample_dir, tmp_path_factory) -> Iterator[Site]:
    site = start_site(sample_dir, tmp_path_factory.mktemp("serve") / "serve.log")
    yield site
    stop_site(site)


@pytest.fixture(scope="session")
def hostile_site(hostile_dir, tmp_path_factory) -> Iterator[Site]:
    site = start_site(hostile_dir, tmp_path_factory.mktemp("serve") / "serve.log")
    yield site
    stop_site(site)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"the browser tests need Debian's Chromium at {CHROMIUM}: install the "
            "`chromium` package (apt-get install chromium); no browser is downloaded"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


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


def in_viewport(page, selector: str) -> bool:
    return page.evaluate(
        """(selector) => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return box.bottom > 0 && box.top < window.innerHeight;
        }""",
        selector,
    )


AXE = Path(__file__).parent / "axe" / "axe.min.js"
BLOCKING = ("serious", "critical")


def blocking_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each.

    axe is evaluated into the page through the browser's debugging protocol, so
    the site's Content-Security-Policy (scripts from the site only) stays as it
    is; nothing is fetched from the network.
    """
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(
                    (n) => n.target.join(" ") + " " + n.html.slice(0, 200)),
            }));
        }"""
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {'; '.join(v['nodes'])}"
        for v in found
        if v["impact"] in BLOCKING
    ]


@contextmanager
def viewing(browser, width: int, height: int = 900, **options) -> Iterator:
    """A page in a fresh context ``width`` pixels wide."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, **options
    )
    try:
        yield context.new_page()
    finally:
        context.close()
