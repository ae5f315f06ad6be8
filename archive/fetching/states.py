"""The states a cited URL can be in, and how each reads to a user."""

from __future__ import annotations

import datetime as dt
import hashlib

ARCHIVED = "archived"  # fetched and archived
REDIRECTED = "redirected"  # fetched at another address (detail), and archived
GONE = "gone"  # 404 or 410
FAILED = "failed"  # timeout, TLS, DNS, connection, other HTTP errors
ROBOTS = "robots"  # refused by robots.txt
TOO_LARGE = "too-large"
REFUSED = "refused"  # not http(s), or a private address without --allow-private
UNREADABLE = "unreadable"  # fetched and kept, but no reader could read it

ALL = (ARCHIVED, REDIRECTED, GONE, FAILED, ROBOTS, TOO_LARGE, REFUSED, UNREADABLE)
FETCHED = (ARCHIVED, REDIRECTED, UNREADABLE)  # states whose bytes are kept
LABELS = {
    ARCHIVED: "archived",
    REDIRECTED: "redirected",
    GONE: "gone",
    FAILED: "failed",
    ROBOTS: "refused by robots.txt",
    TOO_LARGE: "too large",
    REFUSED: "refused",
    UNREADABLE: "fetched, not readable",
}


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def describe(state: str, detail: str | None) -> str:
    """ "gone (HTTP 404)", "redirected to https://...", "archived"."""
    if state == REDIRECTED and detail:
        return f"redirected to {detail}"
    label = LABELS.get(state, state)
    return f"{label} ({detail})" if detail else label


def url_key(url: str) -> str:
    """What the ``link_check`` table knows a URL by (URLs can be long)."""
    return hashlib.sha256(url.encode()).hexdigest()
