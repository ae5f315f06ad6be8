"""Documents written to attack the reader's browser, stored through the real write path.

Parsers only ever keep http(s) URLs and reduce markup to text, so the worst a file
can do is tested by ``fixtures/hostile-report.txt``; these hand-built documents go
further (``javascript:`` and ``data:`` URLs, markup in every field) to show that the
site stays safe whatever the archive holds.
"""

from __future__ import annotations

from archive import store
from ingest import (
    ParsedCitation,
    ParsedClaim,
    ParsedDocument,
    ParsedFootnote,
    ParsedMarker,
    ParsedPassage,
    PartialDate,
)

SCRIPT = '<script>alert("xss")</script>'
IMG = '<img src=x onerror=alert("xss")>'
URLS = (
    "javascript:alert(document.cookie)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
)
PASSAGE = f"Officials said {SCRIPT} the base at Qasrik was empty."


def hostile_citation(number: int, url: str) -> ParsedCitation:
    return ParsedCitation(
        text=f"{IMG} cited item {number}",
        outlet=f'<i onmouseover="alert(1)">Evil Outlet</i> {number}',
        title=f'"><svg onload=alert({number})> Hostile work {number}',
        date=PartialDate(2025, 3, number),
        url=url,
        pages=f"p. {number}{SCRIPT}",
    )


def hostile_report() -> ParsedDocument:
    end = PASSAGE.index(" the base")
    claim = ParsedClaim(
        text=PASSAGE,
        start=0,
        end=len(PASSAGE),
        markers=(ParsedMarker('1"><b>', end), ParsedMarker("2", len(PASSAGE))),
    )
    notes = (
        ParsedFootnote(
            '1"><b>',
            f"{SCRIPT} footnote",
            tuple(hostile_citation(n, url) for n, url in enumerate(URLS, start=1)),
        ),
        ParsedFootnote("2", IMG, (hostile_citation(9, "https://example.org/ok"),)),
    )
    return ParsedDocument(
        kind="report",
        path="hostile/report.json",
        checksum="hostile-report",
        source_format="text",
        title=f"Hostile report {SCRIPT}",
        passages=(
            ParsedPassage("heading", f"1.1 {SCRIPT} Heading", level=1),
            ParsedPassage("paragraph", PASSAGE, claims=(claim,)),
        ),
        date=PartialDate(2025, 3),
        publisher=f"EUAA {IMG}",
        report_title=f"Report {SCRIPT}",
        section_number="1.1",
        section_heading=SCRIPT,
        cite_as=f"Cite as {SCRIPT} {IMG}",
        footnotes=notes,
        warnings=(f"warning {SCRIPT}",),
    )


def hostile_wire() -> ParsedDocument:
    text = f"{SCRIPT} sources said the convoy left Qasrik on Monday."
    claim = ParsedClaim(
        text=text,
        start=0,
        end=len(text),
        citations=(
            ParsedCitation(text=SCRIPT, anonymous=True, description=f"{IMG} sources"),
            hostile_citation(7, URLS[0]),
        ),
    )
    return ParsedDocument(
        kind="wire",
        path="hostile/wire.txt",
        checksum="hostile-wire",
        source_format="text",
        title=f"Hostile wire {IMG}",
        passages=(ParsedPassage("paragraph", text, claims=(claim,)),),
        date=PartialDate(2026, 2, 23),
        agency=f"<b onclick=alert(1)>Agency</b>{SCRIPT}",
        dateline=f"{SCRIPT}, Syria",
        authors=(SCRIPT, IMG),
        credits=(f"Reporting by {SCRIPT}",),
    )


def store_hostile_documents(sessions) -> None:
    for parsed in (hostile_report(), hostile_wire()):
        store(sessions, parsed)
