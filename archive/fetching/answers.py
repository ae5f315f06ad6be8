"""One HTTP answer as the fetcher keeps it, and why a request got none."""

from __future__ import annotations

import email.utils
import ssl
import time
from dataclasses import dataclass

import httpx


class TooLarge(Exception):
    """The body is larger than the fetcher takes."""


@dataclass(frozen=True, slots=True)
class Hop:
    """One response on the way to a URL's content: a redirect or the last one."""

    url: str
    status: int
    reason: str
    http_version: str
    headers: tuple[tuple[str, str], ...]
    request_headers: tuple[tuple[str, str], ...]

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


@dataclass(frozen=True, slots=True)
class Answer:
    hop: Hop
    body: bytes

    @classmethod
    def read(cls, response: httpx.Response, limit: int, seconds: float) -> Answer:
        """The response and, for a 2xx, its body: ``TooLarge`` past ``limit``
        bytes, a timeout past ``seconds`` in all."""
        hop = Hop(
            url=str(response.url),
            status=response.status_code,
            reason=response.reason_phrase,
            http_version=response.http_version,
            headers=tuple(
                (k.decode("latin-1"), v.decode("latin-1"))
                for k, v in response.headers.raw
            ),
            request_headers=tuple(
                (k.decode("latin-1"), v.decode("latin-1"))
                for k, v in response.request.headers.raw
            ),
        )
        if not 200 <= response.status_code < 300:
            return cls(hop, b"")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLarge(_too_large(int(declared), limit))
        return cls(hop, _body(response, limit, seconds))

    def retry_after(self) -> float | None:
        """The pause the server asks for (Retry-After), in seconds."""
        value = (self.hop.header("retry-after") or "").strip()
        if value.isdigit():
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):  # absent, or not a date
            return None
        return max(0.0, when.timestamp() - time.time())


def _body(response: httpx.Response, limit: int, seconds: float) -> bytes:
    deadline = time.monotonic() + seconds
    body = bytearray()
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > limit:
            raise TooLarge(_too_large(None, limit))
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout(f"the body took more than {seconds:.0f} s")
    return bytes(body)


def _too_large(size: int | None, limit: int) -> str:
    stated = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return f"the body is {stated}; at most {limit:,} bytes are fetched"


def failure_reason(error: BaseException) -> str:
    """Why a request failed, in a few words: timeout, TLS, DNS, connection."""
    if isinstance(error, LookupError):
        return str(error)
    if isinstance(error, httpx.TimeoutException):
        return "timeout"
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return f"TLS: {cause.reason or cause}"
        cause = cause.__cause__ or cause.__context__
    if isinstance(error, httpx.ConnectError):
        return f"could not connect: {error}"
    if isinstance(error, httpx.RemoteProtocolError):
        return f"the server broke the exchange: {error}"
    return f"{type(error).__name__}: {error}"
