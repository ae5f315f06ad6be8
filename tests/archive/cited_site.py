"""A web site on 127.0.0.1 for the fetcher's tests: the corpus's pages and PDFs,
redirects, pages gone (404, 410), a slow answer, a huge body, a robots.txt that
forbids a path, and a page that hangs until told to answer."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CORPUS = Path(__file__).parent.parent / "fixtures" / "corpus"
HTML = "text/html; charset=utf-8"
PAGES = {
    "/news/cargo-ship.html": (
        HTML,
        "H03_news_html_AP_on_Yahoo_Russian_cargo_ship_readability_yahoo-2.html",
    ),
    "/news/sudan-sanctions": (
        HTML,
        "H04_news_html_NYT_US_to_lift_Sudan_sanctions_readability_nytimes-1.html",
    ),
    "/docs/gao-strategy.pdf": (
        "application/pdf",
        "P01_gao-23-106826_cybersecurity_strategy_2p.pdf",
    ),
    "/data/vessels.csv": ("text/csv", None),
    "/private/memo.html": (HTML, None),
}
REDIRECTS = {
    "/old/sudan": "/news/sudan-sanctions",
    "/loop/a": "/loop/b",
    "/loop/b": "/loop/a",
    "/to-file": "file:///etc/passwd",
}
GONE = {"/statements/closures": 404, "/notices/fuel": 410}
ROBOTS = b"User-agent: *\nDisallow: /private/\n"
SLOW_SECONDS = 3
HUGE_BYTES = 8 * 1024 * 1024


class CitedSite:
    """The running server: ``origin``, ``requests`` (a count per path), and
    ``release`` to let ``/hang/...`` answer."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.user_agents: set[str] = set()
        self.release = threading.Event()
        self.hanging = threading.Event()  # set once a request hangs
        self.removed: set[str] = set()  # paths taken down since: 410 Gone
        site = self

        class Handler(_Handler):
            owner = site

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> CitedSite:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def pages_requested(self) -> Counter[str]:
        return Counter({p: n for p, n in self.requests.items() if p != "/robots.txt"})


class _Handler(BaseHTTPRequestHandler):
    owner: CitedSite

    def log_message(self, *_args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        self.owner.requests[path] += 1
        self.owner.user_agents.add(self.headers.get("User-Agent", ""))
        if path == "/robots.txt":
            return self._send(200, "text/plain", ROBOTS)
        if path in self.owner.removed:
            return self._send(410, "text/plain", b"taken down")
        if path == "/flaky" and self.owner.requests[path] == 1:
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/flaky":
            return self._send(200, HTML, _page("Second try", "Served at last."))
        if path in PAGES:
            media, name = PAGES[path]
            body = (CORPUS / name).read_bytes() if name else _made_up(path)
            return self._send(200, media, body)
        if path in REDIRECTS:
            self.send_response(301)
            self.send_header("Location", REDIRECTS[path])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path in GONE:
            return self._send(GONE[path], "text/plain", b"not here")
        if path.startswith("/slow/"):
            time.sleep(SLOW_SECONDS)
            return self._send(200, HTML, b"<html><body><p>Late.</p></body></html>")
        if path.startswith("/huge/"):
            return self._huge()
        if path.startswith("/hang/"):
            self.owner.hanging.set()
            self.owner.release.wait(30)
            return self._send(200, HTML, _page("Released", "The page answered."))
        return self._send(404, "text/plain", b"no such page")

    def _send(self, status: int, media: str, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client went away
            self.close_connection = True

    def _huge(self) -> None:
        """A body with no stated length, larger than the tests' size cap."""
        self.send_response(200)
        self.send_header("Content-Type", HTML)
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = b"<p>" + b"x" * 1020 + b"</p>"
        try:
            for _ in range(HUGE_BYTES // len(chunk)):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True


def _made_up(path: str) -> bytes:
    if path.endswith(".csv"):
        return b"vessel,port,date\nAurora,Tartus,2026-01-08\n"
    return _page("Internal memo", "The plan is described here.")


def _page(title: str, text: str) -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
    ).encode()
