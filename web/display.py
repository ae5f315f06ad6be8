"""How records read on a page: dates in words, safe links, passages with markers.

Registered as Jinja filters and globals, and as every page's context (``paths``
to record pages, ``badges`` of outlets). Nothing here marks text as safe: a
passage is split into text and marker parts, and the template escapes each part;
a badge is the ``outlet_badge`` macro's own (escaped) output.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask, current_app, has_request_context, request, url_for
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from archive.browse import (
    ClaimInfo,
    DocumentSummary,
    MarkerInfo,
    OutletInfo,
    PassageInfo,
)
from archive.names import name_key

LINK_SCHEMES = ("http", "https")
KIND_LABELS = {"report": "Report", "wire": "Wire story", "document": "Document"}
KIND_NOUNS = {
    "report": ("report", "reports"),
    "wire": ("wire story", "wire stories"),
    "document": ("document", "documents"),
}
PATH_KEY = "0"  # stands for a record's key while a path prefix is built
BADGES_KEY = "outlet_badges"  # the site's rendered badges, in app.extensions
BADGES_KEPT = 20_000
MONTHS = (None, "January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")  # fmt: skip
# A common web address that urlsplit would accept (http or https, a host name),
# checked without it: footnotes hold thousands of them.
PLAIN_WEB_URL = re.compile(r"(?i:https?)://[a-z0-9.-]+(?::[0-9]+)?(?:[/?#]|$)")
NAME_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a passage: a claim (with its markers) or text between claims."""

    claim: ClaimInfo | None
    parts: tuple[str | MarkerInfo, ...]


def init_app(app: Flask) -> None:
    app.add_template_filter(human_date)
    app.add_template_filter(link_url)
    app.add_template_filter(kind_label)
    app.add_template_filter(letter)
    app.add_template_filter(source_name)
    app.add_template_filter(counted)
    app.add_template_filter(spellings_in)
    app.add_template_filter(shown_title)
    app.add_template_global(passage_runs)
    app.add_template_global(claim_run)
    app.context_processor(record_links)
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


class RecordPaths:
    """Where record pages live, for templates: ``{{ paths.work }}{{ id }}`` is the
    path of cited work ``id`` (``url_for`` per link is too slow for a report
    with thousands of links). Each prefix is built on first use in a page."""

    ENDPOINTS = {
        "document": "documents.show",
        "claim": "documents.claim",
        "work": "sources.work",
        "outlet": "sources.outlet",
    }

    def __getattr__(self, name: str) -> str:
        if name not in self.ENDPOINTS:
            raise AttributeError(name)
        endpoint = self.ENDPOINTS[name]
        rule = next(iter(current_app.url_map.iter_rules(endpoint)))
        (argument,) = rule.arguments
        prefix = url_for(endpoint, **{argument: PATH_KEY}).removesuffix(PATH_KEY)
        setattr(self, name, prefix)
        return prefix


class Badges(dict):
    """Outlet -> its badge (the ``outlet_badge`` macro's HTML), each rendered once
    per page: a long report cites the same few outlets hundreds of times. The
    site keeps the badges it rendered (an outlet's badge changes only with its
    names, which are part of its ``OutletInfo``), up to ``BADGES_KEPT``."""

    def __init__(self) -> None:
        super().__init__()
        self.render = None

    def __missing__(self, outlet: OutletInfo) -> Markup:
        kept = current_app.extensions.setdefault(BADGES_KEY, {})
        key = (request.script_root if has_request_context() else "", outlet)
        badge = kept.get(key)
        if badge is None:
            if self.render is None:
                macros = current_app.jinja_env.get_template("macros.html").module
                self.render = macros.outlet_badge
            badge = self.render(outlet)
            if len(kept) >= BADGES_KEPT:
                kept.clear()
            kept[key] = badge
        self[outlet] = badge
        return badge


def record_links() -> dict:
    """Template context for every page: ``paths`` and ``badges``."""
    return {"paths": RecordPaths(), "badges": Badges()}


def human_date(value: str | dt.date | None, missing: str = "undated") -> str:
    """``2025-03-15`` -> 15 March 2025, ``2025-03`` -> March 2025, ``2025``; a
    time (``2026-02-23T10:15:00Z``) is left out."""
    if value is None:
        return missing
    if isinstance(value, dt.date):
        value = value.isoformat()
    value = value.split("T", 1)[0]
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = MONTHS[parts[1]]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"


def shown_title(d) -> str:
    """A document's title, in brackets when it was made from its first sentence."""
    return f"[{d.title}]" if getattr(d, "title_derived", False) else d.title


def link_url(url: str | None) -> str | None:
    """``url`` if it is a web address (http or https), else None: never a script."""
    if not url:
        return None
    url = url.strip()
    if PLAIN_WEB_URL.match(url):
        return url
    parts = urlsplit(url)
    if parts.scheme.lower() in LINK_SCHEMES and parts.netloc:
        return url
    return None


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.capitalize())


def counted(kind: str, count: int) -> str:
    """``counted("wire", 2)`` -> 2 wire stories."""
    one, many = KIND_NOUNS.get(kind, (kind, f"{kind}s"))
    return f"{count} {one if count == 1 else many}"


def spellings_in(text: str, keys: tuple[str, ...], longest: int = 4) -> list[str]:
    """How ``text`` spells the names whose keys are ``keys`` (Qasrik for qasrak)."""
    wanted = set(keys)
    words = NAME_WORD.findall(text)
    found: dict[str, None] = {}
    for size in range(longest, 0, -1):
        for start in range(len(words) - size + 1):
            written = " ".join(words[start : start + size])
            if written.islower() or any(written in f for f in found):
                continue
            if name_key(written) in wanted:
                found[written] = None
    return list(found)


def letter(number: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa: the back-link letters of a footnote."""
    letters = string.ascii_lowercase
    text = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        text = letters[rest] + text
    return text


def source_name(document: DocumentSummary) -> str | None:
    return document.publisher or document.agency


def page_window(page: int, pages: int) -> range:
    """The numbers of the pages around ``page`` that get a link: at most nine."""
    first = max(1, min(page - 4, pages - 8))
    return range(first, min(pages, first + 8) + 1)


def page_urls(
    endpoint: str, args: MultiDict, page: int, pages: int, **values: object
) -> dict[int, str]:
    """Links to the pages around ``page`` (at most nine), keeping the arguments."""
    urls = {}
    for number in page_window(page, pages):
        updated = MultiDict(args)
        updated["page"] = str(number)
        urls[number] = url_for(endpoint, **values, **updated.to_dict(flat=False))
    return urls


def passage_runs(passage: PassageInfo) -> tuple[Run, ...]:
    """The passage cut into claims and the text between them, markers in place."""
    text = passage.text
    runs: list[Run] = []
    at = 0
    for claim in sorted(passage.claims, key=lambda c: (c.start, c.id)):
        start = min(max(claim.start, at), len(text))
        end = min(max(claim.end, start), len(text))
        if start > at:
            runs.append(Run(None, (text[at:start],)))
        runs.append(Run(claim, _with_markers(text, start, end, claim.markers)))
        at = end
    if at < len(text):
        runs.append(Run(None, (text[at:],)))
    return tuple(runs)


def claim_run(passage_text: str, claim: ClaimInfo) -> Run:
    """The claim's sentence as it stands in its passage, markers in place."""
    start = min(max(claim.start, 0), len(passage_text))
    end = min(max(claim.end, start), len(passage_text))
    return Run(claim, _with_markers(passage_text, start, end, claim.markers))


def _with_markers(
    text: str, start: int, end: int, markers: tuple[MarkerInfo, ...]
) -> tuple[str | MarkerInfo, ...]:
    parts: list[str | MarkerInfo] = []
    at = start
    for marker in sorted(markers, key=lambda m: (m.offset, m.id)):
        cut = min(max(marker.offset, at), end)
        if cut > at:
            parts.append(text[at:cut])
        parts.append(marker)
        at = cut
    if end > at:
        parts.append(text[at:end])
    return tuple(parts)
