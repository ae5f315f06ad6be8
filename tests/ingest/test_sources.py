"""Every input format becomes the same neutral blocks."""

from __future__ import annotations

from ingest.loader import load_bytes


def blocks(name: str, text: str):
    return load_bytes(name, text.encode()).blocks


def test_export_marker_is_lifted_out_of_the_text_with_its_position() -> None:
    (block,) = blocks(
        "a.txt", "Bases in Qasrik,[545](#) Al-Shaddadi [546](#) and more."
    )
    assert block.text == "Bases in Qasrik, Al-Shaddadi and more."
    assert [(m.label, block.text[: m.offset][-7:]) for m in block.marks] == [
        ("545", "Qasrik,"),
        ("546", "haddadi"),
    ]


def test_html_sup_and_fragment_links_are_markers_labelled_as_shown() -> None:
    """
    GIVEN a saved page whose third marker links to note id "fn:5" but shows "1"
    WHEN it is read
    THEN every marker takes the label the page shows, as its readers cite it
    """
    html = (
        '<p>One.<sup>3</sup> Two.<a href="#fn4">4</a> Three.'
        '<sup id="fnref:5"><a href="#fn:5">1</a></sup></p>'
    )
    (block,) = blocks("a.html", html)
    assert block.text == "One. Two. Three."
    assert [m.label for m in block.marks] == ["3", "4", "1"]


def test_endnote_list_items_become_labelled_notes_without_backlinks() -> None:
    html = (
        '<section class="footnotes"><ol start="12">'
        '<li>SOHR, A title, 1 May 2025 <a href="#ref12">↩</a></li>'
        "<li>HRW, Another, 2 May 2025</li></ol></section>"
    )
    notes = blocks("a.html", html)
    assert [(b.kind, b.label, b.text) for b in notes] == [
        ("note", "12", "SOHR, A title, 1 May 2025"),
        ("note", "13", "HRW, Another, 2 May 2025"),
    ]


def test_scripts_navigation_and_doctype_are_not_text() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>T</title><script>x=1</script></head>"
        "<body><nav>Home</nav><p>Story.</p></body></html>"
    )
    assert [b.text for b in blocks("a.html", html)] == ["Story."]


def test_html_metadata_is_collected() -> None:
    html = (
        '<html><head><meta property="og:title" content="Troops leave">'
        '<meta property="article:published_time" content="2026-02-23T10:00:00Z">'
        '<script type="application/ld+json">{"datePublished": "2026-02-23"}</script>'
        "</head><body><h1>Troops leave</h1><p>Text.</p></body></html>"
    )
    meta = load_bytes("a.html", html.encode()).meta
    assert meta["og:title"] == "Troops leave"
    assert meta["article:published_time"].startswith("2026-02-23")
    assert meta["ld:datePublished"] == "2026-02-23"
    assert meta["h1"] == "Troops leave"


def test_plain_text_paragraphs_split_on_blank_lines() -> None:
    text = "DAMASCUS, Feb 23 - First.\nStill first.\n\nSECOND HEAD\n\nThird."
    assert [b.text for b in blocks("a.txt", text)] == [
        "DAMASCUS, Feb 23 - First. Still first.",
        "SECOND HEAD",
        "Third.",
    ]


def test_html_declaring_its_charset_is_decoded_with_it() -> None:
    data = '<meta charset="windows-1252"><p>Caf\xe9 reopened.</p>'.encode("cp1252")
    (block,) = load_bytes("a.html", data).blocks
    assert block.text == "Café reopened."
