"""The HTML reader on real saved pages: two Wikipedia articles and two news pages.

Expectations come from reading the pages and from the corpus MANIFEST.md
(tests/fixtures/corpus): marker and note counts, note labels as the pages show
them, the cited works of chosen notes, and each story's fields and first sentence.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ingest import ParseError, ParseOptions, PartialDate, parse_path
from ingest.blocks import Block, Work
from ingest.formats.html_walk import html_to_blocks
from ingest.loader import load, load_bytes
from ingest.registry import parse_source

CORPUS = Path(__file__).parents[2] / "fixtures" / "corpus"
NEW_ZEALAND = CORPUS / "H01_wikipedia_html_New_Zealand_readability_wikipedia-2.html"
TIME_LOOPS = CORPUS / (
    "H02_wikipedia_html_List_of_films_featuring_time_loops_readability_wikipedia-4.html"
)
AP_ON_YAHOO = (
    CORPUS / "H03_news_html_AP_on_Yahoo_Russian_cargo_ship_readability_yahoo-2.html"
)
NYT = CORPUS / "H04_news_html_NYT_US_to_lift_Sudan_sanctions_readability_nytimes-1.html"


@pytest.fixture(scope="module")
def new_zealand():
    return load(NEW_ZEALAND), parse_path(NEW_ZEALAND)


@pytest.fixture(scope="module")
def time_loops():
    return load(TIME_LOOPS), parse_path(TIME_LOOPS)


def notes(source) -> dict[str, Block]:
    return {b.label: b for b in source.blocks if b.kind == "note"}


def body_marks(source) -> Counter:
    return Counter(m.label for b in source.blocks if b.kind != "note" for m in b.marks)


def footnote(document, label: str):
    return next(f for f in document.footnotes if f.label == label)


def claim_with(document, sentence: str):
    return next(
        c for p in document.passages for c in p.claims if c.text.strip() == sentence
    )


def passage_texts(document) -> str:
    return "\n".join(p.text for p in document.passages)


# --- H01 Wikipedia "New Zealand" -------------------------------------------------


def test_h01_notes_cited_from_the_infobox_are_not_warned_unreferenced(
    new_zealand,
) -> None:
    # The infobox cites [n 1], [n 2] and [n 4]; its text is not kept, its notes are.
    source, document = new_zealand
    assert {"n 1", "n 2", "n 4"} <= source.cited_aside
    assert {"n 1", "n 2", "n 4"} <= {note.label for note in document.footnotes}
    assert not [w for w in document.warnings if "never referenced" in w]


def test_wikipedia_markers_outside_the_infobox_and_navbox_are_all_kept(new_zealand):
    """
    GIVEN the page's 445 sup.reference markers, 15 of them in the infobox and 1 in a
      navbox (page furniture), 7 inside explanatory notes
    WHEN it is read
    THEN the other 422 are marks in body blocks and the 7 stay in their notes
    """
    source, _ = new_zealand
    assert sum(body_marks(source).values()) == 422
    assert sum(len(b.marks) for b in notes(source).values()) == 7


def test_wikipedia_notes_take_the_labels_the_page_shows(new_zealand):
    """
    GIVEN explanatory notes shown as [n 1]..[n 11] and references [1]..[368] whose
      ids count otherwise (cite_note-87 shows as [81])
    WHEN it is read
    THEN the 379 notes carry the shown labels, and so do the markers
    """
    source, document = new_zealand
    labels = set(notes(source))
    assert len(notes(source)) == 379
    assert labels == {f"n {n}" for n in range(1, 12)} | {str(n) for n in range(1, 369)}
    assert set(body_marks(source)) <= labels
    assert document.kind == "report"
    assert document.title == "New Zealand"


def test_a_reused_wikipedia_reference_is_one_note_cited_by_each_marker(new_zealand):
    source, _ = new_zealand
    assert (
        body_marks(source)["143"] == 6
    )  # cite_note-CIA-150, "CIA – The World Factbook"
    assert notes(source)["143"].text.startswith('"CIA – The World Factbook"')


def test_wikipedia_note_text_has_no_backlinks(new_zealand):
    source, _ = new_zealand
    texts = [b.text for b in notes(source).values()]
    assert not [t for t in texts if t.startswith(("^", "Jump up"))]
    assert notes(source)["81"].text == (
        '"Jacinda Ardern sworn in as new Prime Minister". New Zealand Herald. '
        "26 October 2017. Retrieved 26 October 2017."
    )


def test_wikipedia_news_citation_gives_its_work_field_by_field(new_zealand):
    source, document = new_zealand
    assert notes(source)["81"].works == (
        Work(
            title="Jacinda Ardern sworn in as new Prime Minister",
            outlet="New Zealand Herald",
            date="26 October 2017",
            accessed="26 October 2017",
            url="http://www.nzherald.co.nz/nz/news/article.cfm?c_id=1&objectid=11936791",
            kind="news",
        ),
    )
    claim = claim_with(
        document,
        "The current prime minister is Jacinda Ardern, who has been in office "
        "since 26 October 2017.",
    )
    assert [m.label for m in claim.markers] == ["81"]
    (citation,) = footnote(document, "81").citations
    assert (citation.outlet, citation.date) == (
        "New Zealand Herald",
        PartialDate(2017, 10, 26),
    )


def test_wikipedia_citation_publisher_follows_the_outlet(new_zealand):
    source, document = new_zealand
    (work,) = notes(source)["82"].works
    assert (work.title, work.outlet, work.publisher, work.date) == (
        "Female political leaders have been smashing glass ceilings for ages",
        "Stuff.co.nz",
        "Fairfax NZ",
        "27 October 2017",
    )
    assert work.url == (
        "https://www.stuff.co.nz/national/politics/86217670/"
        "female-political-leaders-have-been-smashing-glass-ceilings-for-ages"
    )
    claim = claim_with(document, "She is the country's third female prime minister.")
    assert [m.label for m in claim.markers] == ["82"]


def test_wikipedia_author_and_date_before_the_title_and_no_outlet(new_zealand):
    source, _ = new_zealand
    (work,) = notes(source)["101"].works
    assert work.authors == ("Collett, John",)
    assert (work.title, work.outlet, work.date, work.accessed) == (
        "Kiwis face hurdles in pursuit of lost funds",
        None,
        "4 September 2013",
        "4 October 2013",
    )


def test_archived_from_the_original_on_is_not_the_publication_date(new_zealand):
    source, _ = new_zealand
    (work,) = notes(source)["66"].works  # cite_note-Economist_factsheet-72
    assert (work.title, work.outlet, work.publisher, work.date) == (
        "Factsheet – New Zealand – Political Forces",
        "The Economist",
        "The Economist Group",
        "15 February 2005",
    )


def test_wikipedia_page_furniture_is_not_passages(new_zealand):
    _, document = new_zealand
    text = passage_texts(document)
    for furniture in (
        "From Wikipedia, the free encyclopedia",
        "Jump to navigation",
        "[edit]",
        "citation needed",
        "Calling code",  # the infobox
        "This article is about the country",  # a hatnote
    ):
        assert furniture not in text
    assert "Contents" not in [p.text for p in document.passages]


# --- H02 Wikipedia "List of films featuring time loops" ----------------------------


def test_page_number_sup_is_not_a_marker(time_loops):
    """
    GIVEN 82 sup.reference elements, one a {{rp}} page number (": 207") with no link
    WHEN it is read
    THEN 81 markers remain, all bound to the 80 notes [1]..[80]
    """
    source, document = time_loops
    assert sum(body_marks(source).values()) == 81
    assert set(notes(source)) == {str(n) for n in range(1, 81)}
    assert set(body_marks(source)) <= set(notes(source))
    assert document.kind == "report"


def test_page_locator_and_language_menu_are_not_text(time_loops):
    _, document = time_loops
    assert document.passages[1].text.startswith("This list of films featuring")
    assert "from the previous loop. The list provides the names" in (
        document.passages[1].text
    )  # no ": 207" between the sentences
    assert "6 languages" not in passage_texts(document)


def test_note_cited_twice_has_no_jump_up_text(time_loops):
    source, _ = time_loops
    assert body_marks(source)["23"] == 2  # cite_note-Fleming-23
    fleming = notes(source)["23"]
    assert fleming.text.startswith("Fleming, Mike Jr. (21 September 2016).")
    (work,) = fleming.works
    assert (work.authors, work.title, work.outlet, work.date, work.url) == (
        ("Fleming, Mike Jr.",),
        "Netflix Gets 'Naked' With Marlon Wayans & Regina Hall",
        "Deadline Hollywood",
        "2016-09-21",
        "https://deadline.com/2016/09/"
        "marlon-wayans-naked-netflix-naken-remake-regina-hall-1201824147/",
    )


def test_coins_and_citation_markup_together_give_the_work(time_loops):
    source, document = time_loops
    (work,) = notes(source)["61"].works
    assert work == Work(
        title="Game Over Movie Review",
        outlet="The Times of India",
        authors=("Lakshmi, Venkateswaran",),
        date="2019-06-12",
        accessed="October 19, 2020",
        url="https://timesofindia.indiatimes.com/entertainment/tamil/movie-reviews/"
        "game-over/movie-review/69759622.cms",
        kind="web",
    )
    (citation,) = footnote(document, "61").citations
    assert citation.date == PartialDate(2019, 6, 12)


def test_a_book_citation_has_a_publisher_and_pages_but_no_url(time_loops):
    source, _ = time_loops
    (work,) = notes(source)["3"].works
    assert (
        work.title == "Apocalypse Then: American and Japanese Atomic Cinema, 1951-1967"
    )
    assert (work.authors, work.publisher, work.pages, work.url) == (
        ("Bogue, Mike",),
        "McFarland & Company",
        "80",
        None,
    )
    assert work.date.startswith("2017")


# --- H03 AP story on Yahoo, H04 NYT -------------------------------------------------


@pytest.fixture(scope="module")
def ap_on_yahoo():
    return parse_path(AP_ON_YAHOO)


@pytest.fixture(scope="module")
def nyt():
    return parse_path(NYT)


def test_agency_story_on_a_portal_keeps_the_agency_and_its_fields(ap_on_yahoo):
    document = ap_on_yahoo
    assert document.kind == "wire"
    assert (document.agency, document.dateline) == ("AP", "MOSCOW")
    assert document.date == PartialDate(2016, 12, 1)  # datetime 2016-12-01T23:29:49Z
    assert document.authors == ("Nataliya Vasilyeva",)
    assert document.title == "Russia: Space ship malfunctions, breaks up over Siberia"
    assert document.passages[0].text.startswith(
        "An unmanned Russian cargo spaceship heading to the International Space "
        "Station broke up in the atmosphere over Siberia on Thursday due to an "
        "unspecified malfunction, the Russian space agency said."
    )


def test_portal_page_gives_only_the_story_as_passages(ap_on_yahoo):
    """
    GIVEN a saved page with a teaser repeating the lead, about ten other stories,
      ads, comments and video chrome around the story
    WHEN it is parsed
    THEN the passages are the story's own paragraphs, lead once, end matter dropped
    """
    text = passage_texts(ap_on_yahoo)
    assert text.count("An unmanned Russian cargo spaceship") == 1
    for chrome in (
        "Ex-Cuban prisoner likens Trump to Castro",
        "Click to view comments",
        "IFC Markets",
        "Closed Caption Settings",
        "Trump picks Treasury secretary",
        "In this photo dated Tuesday",  # the slideshow caption
        "This version corrects the spelling",
        "contributed to this report",
    ):
        assert chrome not in text
    assert len(ap_on_yahoo.passages) == 9
    assert ap_on_yahoo.passages[-1].text.startswith("NASA supplier SpaceX, meanwhile")


def test_newspaper_story_has_an_outlet_and_no_agency(nyt):
    assert nyt.kind == "wire"
    assert (nyt.agency, nyt.publisher) == (None, "The New York Times")
    assert nyt.dateline == "LONDON"
    assert nyt.date == PartialDate(2017, 1, 13)
    assert nyt.authors == ("Jeffrey Gettleman",)
    assert nyt.title == "United States to Lift Sudan Sanctions"
    assert nyt.passages[0].text.startswith(
        "After nearly 20 years of hostile relations, the American government plans "
        "to reverse its position on Sudan and lift trade sanctions, Obama "
        "administration officials said late Thursday."
    )


def test_newspaper_page_chrome_is_not_passages(nyt):
    text = passage_texts(nyt)
    for chrome in (
        "Continue reading the main story",
        "Sanctions on Sudan Will Be Lifted",  # the print headline line
        "A version of this article appears in print",
        "Related Coverage",
        "U.S. Sweetens Offer to Take Sudan Off Terrorist List",  # dated 2010
        "interested in your feedback",
        "newsletters",
    ):
        assert chrome not in text
    assert nyt.passages[-1].text.startswith("Mr. Reeves said he thought")


def test_page_fields_name_the_article_not_the_site():
    ap, times = load(AP_ON_YAHOO).fields, load(NYT).fields
    assert ap.title == "Russia: Space ship malfunctions, breaks up over Siberia"
    assert ap.agency == "Associated Press"
    assert ap.url is None  # its canonical link is the site's news front page
    assert times.url == (
        "https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html"
    )
    assert (times.outlet, times.agency) == ("The New York Times", None)


# --- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "nested.html",
            b"<html><body>" + b"<div>" * 5000 + b"<p>Deep.</p>" + b"</div>" * 5000,
            "nested.html: nests its elements 5003 levels deep; pages deeper than "
            "256 levels cannot be read",
        ),
        (
            "scripts.html",
            b"<html><head><script>var a = 1;</script></head>"
            b"<body><script>start()</script><nav><a href='/'>Home</a></nav></body>",
            "scripts.html: holds no text",
        ),
        (
            "klingon.html",
            b'<html><head><meta charset="klingon"></head><body><p>Qapla</p></body>',
            "klingon.html: declares an unknown encoding 'klingon'",
        ),
        (
            "latin.html",
            b'<html><head><meta charset="utf-8"></head><body><p>caf\xe9</p></body>',
            "latin.html: is not valid utf-8 as it declares",
        ),
    ],
)
def test_unreadable_page_gets_one_line_naming_the_problem(name, data, message):
    with pytest.raises(ParseError) as raised:
        load_bytes(name, data)
    assert str(raised.value) == message


# --- a report rendered to HTML (TeX4ht) ----------------------------------------------

MUELLER = (
    Path(__file__).parents[2]
    / "fixtures"
    / "html"
    / "mueller-report-executive-summaries-tex4ht.html"
)


def test_tex4ht_report_notes_open_with_their_own_anchor():
    """
    GIVEN a report rendered by TeX4ht: six markers linking to "#fn1x2".."#fn6x2", and
      notes in a div.footnotes whose paragraphs open with <a id="fn1x2"
      href="#fn1x2-bk">1</a>, a link back to the marker
    WHEN it is parsed
    THEN there are six notes 1-6, each bound to its marker, the back link not text
    """
    source, document = load(MUELLER), parse_path(MUELLER)
    assert document.kind == "report"
    assert sum(body_marks(source).values()) == 6
    assert [f.label for f in document.footnotes] == ["1", "2", "3", "4", "5", "6"]
    assert footnote(document, "1").text == (
        "A Sitting President’s Amenability to Indictment and Criminal Prosecution, "
        "24 Op. O.L.C. 222, 222, 260 (2000) (OLC Op.)."
    )
    assert footnote(document, "6").text == "OLC Op. at 259 & n.38 (citation omitted)."
    claim = claim_with(
        document,
        "The Office of Legal Counsel (OLC) has issued an opinion finding that "
        "“the indictment or criminal prosecution of a sitting President would "
        "impermissibly undermine the capacity of the executive branch to perform "
        "its constitutionally assigned functions” in violation of “the "
        "constitutional separation of powers.”",
    )
    assert [m.label for m in claim.markers] == ["1"]


# --- article or whole page -----------------------------------------------------------

STORY = " ".join(
    f"<p>Paragraph {n} of the story tells how the convoy crossed the river at dawn "
    "and how the residents of the town watched it pass from their doorways, "
    "according to two witnesses who spoke by telephone.</p>"
    for n in range(1, 5)
)
RELATED = "".join(
    f'<li><a href="/other/{n}">Another story about something else, number {n}</a></li>'
    for n in range(1, 9)
)


def texts(data: bytes) -> list[str]:
    return [b.text for b in load_bytes("page.html", data).blocks]


def test_article_page_gives_only_its_main_text():
    """
    GIVEN a page that says it is an article (og:type) with a menu, a story and a
      list of related stories
    WHEN it is read
    THEN its blocks are the story's paragraphs only
    """
    page = (
        '<html><head><meta property="og:type" content="article"></head><body>'
        f'<div class="menu"><ul>{RELATED}</ul></div><article><h1>Convoy</h1>{STORY}'
        f"</article><aside><h2>More stories</h2><ul>{RELATED}</ul></aside>"
        "</body></html>"
    ).encode()
    found = texts(page)
    assert [t[:11] for t in found if t != "Convoy"] == [
        f"Paragraph {n}" for n in range(1, 5)
    ]


def test_article_page_with_endnotes_is_walked_whole():
    """
    GIVEN an article page whose markers link to an endnote list
    WHEN it is read
    THEN the whole page is walked, so the notes stay, bound to their markers
    """
    page = (
        '<html><head><meta property="og:type" content="article"></head><body>'
        f"<article>{STORY}<p>The count rose.<sup><a href='#fn1'>1</a></sup></p>"
        "<h2>Endnotes</h2><ol><li id='fn1'>OCHA, Flash Update, 2 May 2025</li></ol>"
        "</article></body></html>"
    ).encode()
    blocks = load_bytes("page.html", page).blocks
    (note,) = [b for b in blocks if b.kind == "note"]
    assert (note.label, note.text) == ("1", "OCHA, Flash Update, 2 May 2025")
    assert [m.label for b in blocks for m in b.marks] == ["1"]


def test_page_that_is_no_article_is_walked_whole():
    page = b"<html><body><h1>Notes</h1><p>Short line.</p><p>Another.</p></body></html>"
    assert texts(page) == ["Notes", "Short line.", "Another."]


def test_article_with_no_main_text_falls_back_to_the_whole_page():
    page = b"<html><body><article><p>Short line.</p></article></body></html>"
    assert texts(page) == ["Short line."]


def test_html_rendered_by_another_reader_reads_deep_nesting_flat():
    """
    GIVEN HTML made by another reader (Markdown with raw HTML) nested 3,000 deep
    WHEN it is walked
    THEN the text below the depth limit is read as plain text, without recursion
    """
    blocks, _ = html_to_blocks("<div>" * 3000 + "<p>Deep <b>text</b>.</p>")
    assert [b.text for b in blocks] == ["Deep text ."]


def test_short_note_takes_the_full_citation_it_links_to(new_zealand):
    """
    GIVEN a note "King 2003, p. 41." whose link leads to the page's bibliography
      entry <cite id="CITEREFKing2003">King, Michael (2003). The Penguin History
      of New Zealand. New Zealand: Penguin Books. ISBN ...</cite>
    WHEN it is read
    THEN the note's work is that book, at the note's own page
    """
    source, _ = new_zealand
    (work,) = notes(source)["17"].works  # cite_note-FOOTNOTEKing200341-23
    assert (work.title, work.authors, work.publisher, work.date, work.pages) == (
        "The Penguin History of New Zealand",
        ("King, Michael",),
        "Penguin Books",
        "2003",
        "p. 41",
    )


def test_article_page_with_plain_numbered_endnotes_is_walked_whole():
    """
    GIVEN an article page with bare <sup> numbers and a plain numbered list of
      notes after the text (no ids, no links)
    WHEN it is read
    THEN the whole page is walked, so the report kind finds the notes
    """
    page = (
        '<html><head><meta property="og:type" content="article"></head><body>'
        f"<article>{STORY}<p>One.<sup>1</sup> Two.<sup>2</sup> Three.<sup>3</sup></p>"
        "<h2>Notes</h2><ol><li>OCHA, Flash Update, 2 May 2025</li>"
        "<li>UNHCR, Fact sheet, March 2025</li><li>WFP, Situation report</li></ol>"
        "</article></body></html>"
    ).encode()
    document = parse_source(load_bytes("page.html", page), ParseOptions())
    assert document.kind == "report"
    assert [f.label for f in document.footnotes] == ["1", "2", "3"]
