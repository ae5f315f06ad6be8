"""Copy a quote with its source: the text behind each claim's and passage's copy
button, the same text shown without JavaScript, and the link in it."""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from tests.web.conftest import words

SOHR_545 = (
    "Footnote 545: SOHR, “Ground reinforcements | “International Coalition” brings "
    "military equipment to base in Al-Hasakah”, 18 January 2025; SOHR, “New "
    "reinforcement | US forces continue to reinforce their bases in Al-Hasakah "
    "countryside and Ain Al-Arab”, 4 January 2025"
)
EUAA_CITE = (
    "Cite as: EUAA, '3.4. US-led coalition' in COI Report - Syria: Country Focus, "
    "March 2025."
)


def text_directive(link: str) -> tuple[str, list[str]]:
    """The anchor a link opens at, and the words of its text fragment."""
    fragment = urlsplit(link).fragment
    anchor, _, directive = fragment.partition(":~:text=")
    return anchor, [unquote(part) for part in directive.split(",")]


def test_report_claim_quote_has_sentence_sources_cite_as_and_link(
    soup, ids, claim_id
) -> None:
    claim = claim_id("euaa", "In December 2024")
    page = soup(f"/documents/{ids['euaa']}")
    button = page.select_one(f"#claim-{claim} button.copy-quote")
    assert button.has_attr("hidden")  # shown by the script
    lines = button["data-quote"].split("\n")
    sentence = words(page.select_one(f"#claim-{claim}"))
    assert lines[0].startswith("“In December 2024 and January 2025, there were also")
    assert lines[0].endswith("(Aleppo governorate).”")
    assert lines[1] == SOHR_545
    assert [line.split(":")[0] for line in lines[1:8]] == [
        f"Footnote {n}" for n in range(545, 552)
    ]
    assert lines[-2] == EUAA_CITE
    anchor, fragment = text_directive(lines[-1])
    assert lines[-1].startswith(f"http://localhost/documents/{ids['euaa']}#claim-")
    assert anchor == f"claim-{claim}"
    assert fragment == ["In December 2024 and", "Al-Arab area (Aleppo governorate"]
    assert sentence.startswith(fragment[0]) and fragment[1] in sentence


def test_text_fragment_is_percent_encoded_hyphens_and_commas_too(soup, ids) -> None:
    page = soup(f"/documents/{ids['ap']}")
    quotes = [b["data-quote"] for b in page.select("span.claim button.copy-quote")]
    link = next(q for q in quotes if "semi-autonomous" in q).split("\n")[-1]
    assert link.endswith(
        ":~:text=Iraqi%20and%20Syrian%20security,"
        "Iraq%E2%80%99s%20semi%2Dautonomous%20Kurdish%20region"
    )


def test_wire_claim_quote_names_its_attributed_sources(soup, ids) -> None:
    page = soup(f"/documents/{ids['ap']}")
    first = page.select_one("span.claim button.copy-quote")["data-quote"]
    assert first.split("\n")[:3] == [
        "“U.S. forces are withdrawing from a key base in northeastern Syria, "
        "officials said Monday, in what appears to be part of a larger drawdown "
        "of U.S. forces in Syria.”",
        "Source: officials (anonymous)",
        "Cite as: AP, “U.S. forces are withdrawing from a key base in "
        "northeastern Syria”, 23 February 2026",
    ]


def test_each_passage_has_its_quote_ready_to_select(soup, ids) -> None:
    page = soup(f"/documents/{ids['euaa']}")
    passages = page.select("div.document-body p.passage")
    assert passages and len(page.select("details.quote")) == len(passages)
    for passage in passages:
        box = page.select_one(f"textarea#quote-{passage['id']}")
        assert box.has_attr("readonly")
        assert box.find_parent("details")["class"] == ["quote"]
        button = passage.select_one(f"button[data-quote-from='quote-{passage['id']}']")
        assert button is not None and button.has_attr("hidden")
        text = box.get_text().split("\n")
        assert text[0].startswith("“") and text[0].endswith("”")
        assert text[-2] == EUAA_CITE
        assert text_directive(text[-1])[0] == passage["id"]
    headings = page.select("div.document-body .passage-heading")
    assert headings and not any(h.select("button.copy-quote") for h in headings)


def test_claim_page_shows_the_same_quote_as_its_copy_button(
    soup, ids, claim_id
) -> None:
    claim = claim_id("euaa", "In December 2024")
    document = soup(f"/documents/{ids['euaa']}")
    expected = document.select_one(f"#claim-{claim} button.copy-quote")["data-quote"]
    page = soup(f"/claims/{claim}")
    assert page.select_one(f"textarea#quote-claim-{claim}").get_text() == expected
    assert page.select_one("section.quote-this button.copy-quote").has_attr("hidden")


def test_pages_link_their_exports(soup, ids, claim_id) -> None:
    claim = claim_id("euaa", "In December 2024")
    pages = {
        f"/documents/{ids['euaa']}": f"/api/documents/{ids['euaa']}",
        f"/claims/{claim}": f"/api/claims/{claim}",
        "/works/1": "/api/works/1",
    }
    for url, api in pages.items():
        links = [a["href"] for a in soup(url).select("p.exports a")]
        assert links == [f"{api}?format={f}" for f in ("ris", "bibtex", "csljson")]
    results = soup("/?q=Qasrak&kind=wire&page=1")
    assert [a["href"] for a in results.select("p.exports a")] == [
        f"/api/search?format={f}&q=Qasrak&kind=wire"
        for f in ("ris", "bibtex", "csljson", "csv")
    ]
