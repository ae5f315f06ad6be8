"""The polite HTTP client: one URL in, what came back (or why nothing did) out.

It says who it is (``USER_AGENT``), obeys robots.txt, waits ``delay`` seconds
between two requests to a host (longer if robots.txt asks), retries 429 and 5xx
answers with growing pauses, follows at most ``MAX_REDIRECTS`` redirects (each
checked like the first address, ``archive.fetching.addresses``), and stops
reading a body past ``max_bytes`` or past ``DEADLINE`` timeouts in all. One
``Fetcher`` serves one host at a time: the caller runs one per host in parallel.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from archive.fetching import states
from archive.fetching.addresses import Refused, check_address, check_url
from archive.fetching.answers import Answer, Hop, TooLarge, failure_reason

AGENT_TOKEN = "citation-archive"
USER_AGENT = (
    f"{AGENT_TOKEN}/0.1 (keeps copies of the sources cited by the reports it "
    "archives; obeys robots.txt)"
)
MAX_BYTES = 50 * 1024 * 1024  # as much as ``archive ingest`` reads of a file
ROBOTS_BYTES = 512 * 1024
MAX_REDIRECTS = 5
MAX_PAUSE = 60.0  # seconds: the longest Retry-After or Crawl-delay obeyed
DEADLINE = 10  # timeouts: the longest a whole response may take
RETRIED = {429, 500, 502, 503, 504}
REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True, slots=True)
class Rules:
    """How the fetcher behaves; the defaults suit the open web."""

    user_agent: str = USER_AGENT
    timeout: float = 30.0
    max_bytes: int = MAX_BYTES
    retries: int = 2
    backoff: float = 2.0
    delay: float = 1.0
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class Fetched:
    """What became of one cited URL: a state (``archive.fetching.states``), and
    the body and every response on the way when there was one."""

    url: str
    state: str
    detail: str | None = None
    http_status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    body: bytes | None = None
    hops: tuple[Hop, ...] = ()
    at: dt.datetime = field(default_factory=lambda: states.now())


class Fetcher:
    """Fetches URLs one at a time; ``stop`` cuts pauses short."""

    def __init__(self, rules: Rules, stop: threading.Event | None = None) -> None:
        self.rules = rules
        self.stop = stop or threading.Event()
        self.client = httpx.Client(
            timeout=httpx.Timeout(rules.timeout),
            follow_redirects=False,
            headers={"User-Agent": rules.user_agent, "Accept-Encoding": "identity"},
            trust_env=False,  # no proxy: the address checks must see the server
        )
        self._robots: dict[str, RobotFileParser | str] = {}
        self._last: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        """Fetch ``url``, following redirects; never raises for a bad answer."""
        hops: list[Hop] = []
        answer, problem = self._follow(url, hops, self.rules.max_bytes, robots=True)
        if problem is not None:
            return Fetched(url, *problem, hops=tuple(hops))
        assert answer is not None
        return _judged(url, answer, tuple(hops))

    def _follow(
        self, url: str, hops: list[Hop], limit: int, robots: bool
    ) -> tuple[Answer | None, tuple[str, str] | None]:
        """The last answer on the way from ``url``, or (state, detail) if none."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            try:
                check_url(current, self.rules.allow_private)
                refusal = self._robots_refusal(current) if robots else None
                if refusal:
                    return None, (states.ROBOTS, refusal)
                answer = self._get(current, limit)
            except Refused as error:
                return None, (states.REFUSED, str(error))
            except TooLarge as error:
                return None, (states.TOO_LARGE, str(error))
            except (LookupError, httpx.HTTPError, OSError) as error:
                return None, (states.FAILED, failure_reason(error))
            except (ValueError, httpx.InvalidURL):
                return None, (states.REFUSED, f"{current!r} is not a web address")
            hops.append(answer.hop)
            location = answer.hop.header("location")
            if answer.hop.status not in REDIRECTS or not location:
                return answer, None
            current = urljoin(current, location.strip())
        return None, (states.FAILED, f"more than {MAX_REDIRECTS} redirects")

    def _get(self, url: str, limit: int) -> Answer:
        """One GET, retried on 429 and 5xx with pauses that double each time."""
        answer = self._request(url, limit)
        for attempt in range(self.rules.retries):
            if answer.hop.status not in RETRIED or self.stop.is_set():
                break
            pause = answer.retry_after()
            if pause is None:
                pause = self.rules.backoff * 2**attempt
            self.stop.wait(min(pause, MAX_PAUSE))
            answer = self._request(url, limit)
        return answer

    def _request(self, url: str, limit: int) -> Answer:
        host = urlsplit(url).netloc.lower()
        self._wait_turn(host)
        try:
            with self.client.stream("GET", url) as response:
                stream = response.extensions.get("network_stream")
                peer = stream.get_extra_info("server_addr") if stream else None
                if peer:
                    check_address(peer[0], host, self.rules.allow_private)
                return Answer.read(response, limit, self.rules.timeout * DEADLINE)
        finally:
            self._last[host] = time.monotonic()

    def _wait_turn(self, host: str) -> None:
        """Sleep until ``delay`` (or robots.txt's Crawl-delay) has passed since
        the last request to ``host`` ended."""
        last = self._last.get(host)
        if last is None:
            return
        pause = max(self.rules.delay, self._crawl_delay(host))
        remaining = last + pause - time.monotonic()
        if remaining > 0:
            self.stop.wait(remaining)

    def _crawl_delay(self, host: str) -> float:
        for origin, rules in self._robots.items():
            if urlsplit(origin).netloc == host and not isinstance(rules, str):
                delay = rules.crawl_delay(AGENT_TOKEN)
                return min(float(delay), MAX_PAUSE) if delay else 0.0
        return 0.0

    def _robots_refusal(self, url: str) -> str | None:
        """Why robots.txt forbids ``url``, or None if it allows it."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(AGENT_TOKEN, url):
            return f"{origin}/robots.txt"
        return None

    def _load_robots(self, origin: str) -> RobotFileParser | str:
        """The site's robots.txt, or why nothing may be fetched from it.

        As RFC 9309 says: a missing file (4xx) allows everything; a server error
        or an unreachable file forbids everything, for now.
        """
        answer, problem = self._follow(f"{origin}/robots.txt", [], ROBOTS_BYTES, False)
        if problem is not None:
            return f"{origin}/robots.txt could not be read: {problem[1]}"
        assert answer is not None
        status = answer.hop.status
        parser = RobotFileParser()
        if status in (401, 403) or status >= 500:
            return f"{origin}/robots.txt answered HTTP {status}: nothing is fetched"
        lines = (
            answer.body.decode("utf-8", "replace").splitlines() if status < 300 else []
        )
        parser.parse(lines)
        return parser


def _judged(url: str, answer: Answer, hops: tuple[Hop, ...]) -> Fetched:
    """The state of ``url`` from its last answer."""
    hop = answer.hop
    common = {"http_status": hop.status, "final_url": hop.url, "hops": hops}
    if 200 <= hop.status < 300:
        moved = hop.url != url
        return Fetched(
            url,
            states.REDIRECTED if moved else states.ARCHIVED,
            hop.url if moved else None,
            content_type=hop.header("content-type"),
            body=answer.body,
            **common,
        )
    if hop.status in (404, 410):
        return Fetched(url, states.GONE, f"HTTP {hop.status}", **common)
    return Fetched(url, states.FAILED, f"HTTP {hop.status} {hop.reason}", **common)
