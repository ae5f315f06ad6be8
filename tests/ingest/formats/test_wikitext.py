"""Wikitext: Wikipedia articles as exported, read into report passages and notes.

The corpus expectations come from MANIFEST.md (K01, K02) and from reading the
files; the small inputs pin one rule each.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import pytest

from ingest import parse_path
from ingest.blocks import Block, Link
from ingest.errors import ParseError
from ingest.formats import pick, wikitext
from ingest.loader import load

CORPUS = Path(__file__).parents[2] / "fixtures" / "corpus"
K01 = CORPUS / "K01_wikitext_Toronto_Star_wtf_wikipedia.txt"
K02 = CORPUS / "K02_wikitext_Clint_Murchison_Sr_wtf_wikipedia.txt"
MARKUP = ("{{", "}}", "[[", "]]", "<ref", "</ref", "'''", "''", "|", "<!--")


def read(text: str, name: str = "article.wiki") -> list[Block]:
    return list(wikitext.read(name, text.encode()).blocks)


def notes(blocks: list[Block]) -> dict[str, Block]:
    return {b.label: b for b in blocks if b.kind == "note"}


def body(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.kind != "note"]


def marker_counts(document) -> Counter[str]:
    return Counter(
        m.label for p in document.passages for c in p.claims for m in c.markers
    )


def note_with(document, words: str):
    return next(note for note in document.footnotes if words in note.text)


@pytest.fixture(scope="module")
def k01():
    return parse_path(K01)


@pytest.fixture(scope="module")
def k02():
    return parse_path(K02)


def test_k01_notes_cited_from_the_infobox_are_not_warned_unreferenced(k01) -> None:
    # {{Infobox newspaper}} cites the Star's endorsements (notes 1-4) and more.
    endorses = note_with(k01, "Toronto Star endorses the NDP")
    assert endorses.label in load(K01).cited_aside
    assert not [w for w in k01.warnings if "never referenced" in w]


# K02 "Clint Murchison Sr.": 6 content refs + 11 reuses, a ref inside an nb note


def test_k02_is_a_report_with_six_notes_and_one_nb_note(k02) -> None:
    assert (k02.kind, k02.source_format) == ("report", "wikitext")
    labels = [note.label for note in k02.footnotes]
    assert sorted(labels) == ["1", "2", "3", "4", "5", "6", "nb 1"]
    assert k02.warnings == ()


def test_k02_reused_names_point_to_one_note_each(k02) -> None:
    """GIVEN 17 <ref> tags, 11 of them reuses of 4 names
    WHEN the article is parsed
    THEN each named note carries one marker per use, 16 in the body."""
    counts = marker_counts(k02)
    assert counts[note_with(k02, "Van Buren").label] == 7
    assert counts[note_with(k02, "Fortune near").label] == 3
    assert counts[note_with(k02, "Cockrell").label] == 2
    assert counts[note_with(k02, "Aynesworth").label] == 3
    assert counts[note_with(k02, "Windsor And Wife").label] == 1
    assert counts["nb 1"] == 1
    assert sum(counts.values()) == 17  # 16 refs and the nb note in the body


def test_k02_boston_herald_ref_is_a_mark_inside_the_nb_note() -> None:
    blocks = list(load(K02).blocks)
    herald = next(b for b in blocks if b.kind == "note" and "Boston Herald" in b.text)
    nb = notes(blocks)["nb 1"]
    assert nb.text.startswith("Brown provided a similar account on A Current Affair")
    assert [m.label for m in nb.marks] == [herald.label]
    assert nb.marks[0].offset == len(nb.text)  # the ref closes the note
    assert not any(m.label == herald.label for b in body(blocks) for m in b.marks)


def test_k02_nb_note_rests_on_the_boston_herald_it_cites(k02) -> None:
    """The explanatory note states no work; the ref inside it does."""
    (citation,) = next(n for n in k02.footnotes if n.label == "nb 1").citations
    assert (citation.outlet, citation.title) == ("Boston Herald", "Celebrity")


def test_k02_chicago_tribune_work_names_upi_as_agency() -> None:
    blocks = list(load(K02).blocks)
    note = next(b for b in blocks if b.kind == "note" and "Fortune near" in b.text)
    (work,) = note.works
    assert work.title == "Murchison Sr. Dies; Fortune near ½ billion"
    assert (work.outlet, work.agency, work.date) == (
        "Chicago Tribune",
        "UPI",
        "June 21, 1969",
    )
    assert work.url == (
        "http://archives.chicagotribune.com/1969/06/21/page/78/article/"
        "murchison-sr-dies-fortune-near-1-2-billion"
    )
    assert (work.kind, work.accessed, work.authors) == ("news", "December 31, 2014", ())


def test_k02_chicago_tribune_citation_ran_via_upi(k02) -> None:
    (citation,) = next(n for n in k02.footnotes if "Fortune near" in n.text).citations
    assert (citation.outlet, citation.via) == ("Chicago Tribune", "UPI")


def test_k02_aynesworth_work_and_citation(k02) -> None:
    blocks = list(load(K02).blocks)
    note = next(b for b in blocks if b.kind == "note" and "Aynesworth" in b.text)
    (work,) = note.works
    assert work.authors == ("Aynesworth, Hugh",)
    assert work.outlet == "The Dallas Morning News"
    assert work.date == "November 17, 2012"
    assert work.title == "‘One-man truth squad’ still debunking JFK conspiracy theories"
    assert note.text.startswith("Aynesworth, Hugh (November 17, 2012). ")
    title_link = next(link for link in note.links if link.href == work.url)
    assert note.text[title_link.start : title_link.end] == work.title
    (citation,) = note_with(k02, "Aynesworth").citations
    assert citation.outlet == "The Dallas Morning News"
    assert (citation.date.year, citation.date.month, citation.date.day) == (
        2012,
        11,
        17,
    )


def test_k02_st_petersburg_times_page_and_date() -> None:
    blocks = list(load(K02).blocks)
    note = next(b for b in blocks if b.kind == "note" and "Tallahassee" in b.text)
    (work,) = note.works
    assert work.title == "Windsor And Wife Leave For Visit in Tallahassee"
    assert (work.date, work.pages) == ("January 29, 1950", "014")
    assert work.url.startswith("https://news.google.com/newspapers?nid=888")


def test_k02_body_keeps_the_attribution_and_no_markup(k02) -> None:
    texts = [p.text for p in k02.passages]
    assert any(
        "According to Brown, Johnson had a meeting with several of the men" in t
        for t in texts
    )
    assert not [t for t in texts for m in MARKUP if m in t]
    assert not any("Category" in t or "DEFAULTSORT" in t for t in texts)


def test_k02_title_is_the_leads_bold_phrase(k02) -> None:
    assert k02.title == 'Clinton Williams "Clint" Murchison Sr.'
    assert not k02.title_derived
    assert k02.date is None


# K01 "Toronto Star": 33 <ref> tags, 32 notes, one reuse; 13 cite news, 8 cite web


def test_k01_has_32_notes_and_one_reused(k01) -> None:
    assert len(k01.footnotes) == 32
    counts = marker_counts(k01)
    assert counts[note_with(k01, "Lost in Translation").label] == 2
    assert sorted(set(counts.values())) == [1, 2]
    assert sum(counts.values()) == 28  # 33 tags less the 5 in the infobox


def test_k01_infobox_refs_are_notes_without_markers(k01) -> None:
    """The infobox is not text, but Wikipedia lists its five refs first."""
    unmarked = [n.label for n in k01.footnotes if n.label not in marker_counts(k01)]
    assert unmarked == ["1", "2", "3", "4", "5"]
    assert k01.footnotes[4].text.startswith("Canadian Circulations Audit Board")


def test_k01_cite_templates_become_works() -> None:
    blocks = list(load(K01).blocks)
    kinds = Counter(w.kind for b in blocks if b.kind == "note" for w in b.works)
    assert kinds == {"news": 13, "web": 7}  # the eighth cite web is further reading


def test_k01_powell_note_reads_as_wikipedia_shows_it(k01) -> None:
    note = note_with(k01, "Powell")
    assert note.text == (
        "Powell, Betsy (November 6, 2002). \"Atkinson's will kept Star's resolve"
        ' - thestar.com". The Star. Toronto. Retrieved January 12, 2011.'
    )
    (citation,) = note.citations
    assert citation.outlet == "The Star"
    assert citation.title == "Atkinson's will kept Star's resolve - thestar.com"


def test_k01_bare_link_note_keeps_its_link() -> None:
    blocks = list(load(K01).blocks)
    note = next(b for b in blocks if b.kind == "note" and "paywall" in b.text)
    assert note.text == "Toronto Star moving behind paywall"
    assert note.links == (
        Link(
            "Toronto Star moving behind paywall",
            "http://www.cbc.ca/news/business/story/2013/08/13/"
            "business-toronto-star-paywall.html",
            0,
            34,
        ),
    )


def test_k01_passages_hold_text_not_templates(k01) -> None:
    texts = [p.text for p in k01.passages]
    assert not [t for t in texts for m in MARKUP if m in t]
    joined = " ".join(texts)
    for not_text in (
        "Infobox",
        "ISSN",
        "Toronto Star frontpage.jpg",
        "Citation needed",
    ):
        assert not_text not in joined
    assert "The Toronto Star is a Canadian broadsheet daily newspaper." in joined
    assert "with The Star's performance" in joined  # ''Star'''s


def test_k01_quotation_and_lists_are_kept(k01) -> None:
    quote = next(p for p in k01.passages if p.text.startswith("Besides, we are the"))
    assert len(quote.claims) == 1
    principles = [
        p.text
        for p in k01.passages
        if p.kind == "list_item" and p.text.startswith(("A strong", "Social justice"))
    ]
    assert principles == ["A strong, united and independent Canada", "Social justice"]
    headings = [(p.level, p.text) for p in k01.passages if p.kind == "heading"]
    assert (2, "History") in headings and (3, "Paywall") in headings


def test_k01_title_is_the_bold_italic_name(k01) -> None:
    assert k01.title == "Toronto Star"


# Sniffing


def test_wikitext_suffixes_are_taken() -> None:
    for name in ("a.wiki", "a.mediawiki", "a.wikitext"):
        assert wikitext.sniff(name, b"Some text") == 0.95


def test_corpus_txt_files_are_sniffed_as_wikitext() -> None:
    for path in (K01, K02):
        assert pick(path.name, path.read_bytes()[:65536]) is wikitext


def test_markdown_notes_with_wiki_links_stay_markdown() -> None:
    note = b"# Notes\n\n" + b"See [[Damascus]] and [[Aleppo]]. " * 12
    assert wikitext.sniff("notes.md", note) is None
    assert wikitext.sniff("notes.txt", note) == 0.9


def test_plain_stories_and_markdown_are_not_wikitext() -> None:
    story = (
        b"WASHINGTON, March 3 - The Treasury said on Tuesday it would sell\n"
        b"$9.75 billion of notes. == Results == were not given.\n\n"
        b"Officials said the 'auction' would go ahead, Reuters reported.\n"
    )
    markdown = b"# Title\n\nSee [the report](http://x.org) and **bold** text.\n"
    for head in (story, markdown):
        assert wikitext.sniff("story.txt", head) is None
    for path in sorted(CORPUS.iterdir()):
        if not path.name.startswith(("K0", "MANIFEST", "SOURCES")):
            head = path.read_bytes()[:65536]
            assert wikitext.sniff(path.name, head) is None, path.name


# One rule each


def test_named_reuse_with_and_without_quotes_shares_one_label() -> None:
    blocks = read(
        'One.<ref name="a b">First.</ref> Two.<ref name=x>X.</ref> '
        'Three.<ref name="a b" /> Four.<ref name=x/>'
    )
    (paragraph,) = body(blocks)
    assert [m.label for m in paragraph.marks] == ["1", "2", "1", "2"]
    assert [m.offset for m in paragraph.marks] == [4, 9, 16, 22]
    assert {k: n.text for k, n in notes(blocks).items()} == {"1": "First.", "2": "X."}


def test_list_defined_references_are_notes_not_text() -> None:
    blocks = read(
        "Claim.<ref name=b/> Other.<ref name=a/>\n\n== References ==\n"
        "{{reflist|refs=\n<ref name=a>Alpha note.</ref>\n"
        "<ref name=b>Beta note.</ref>\n}}\n"
        '<references group="g">\n<ref name=c group="g">Unused.</ref>\n</references>'
    )
    assert [b.text for b in body(blocks)] == ["Claim. Other.", "References"]
    assert {k: n.text for k, n in notes(blocks).items()} == {
        "1": "Beta note.",
        "2": "Alpha note.",
    }


def test_groups_are_labelled_as_wikipedia_shows_them() -> None:
    blocks = read(
        "A.{{efn|First aside.}} B.{{efn|Second aside.}} C.{{efn-ua|Upper.}}"
        ' D.<ref group="nb">Nota bene.</ref> E.{{refn|group=note|A note.}}'
        ' F.{{#tag:ref|Tagged.|group="nb"}} G.<ref>Plain.</ref>'
    )
    labels = [m.label for m in body(blocks)[0].marks]
    assert labels == ["a", "b", "A", "nb 1", "note 1", "nb 2", "1"]
    assert notes(blocks)["nb 2"].text == "Tagged."


def test_ref_inside_a_note_is_a_mark_in_that_note_and_a_note_of_its_own() -> None:
    blocks = read(
        "Said so.{{#tag:ref|He said it twice.<ref name=src>Source, 2001.</ref>"
        "|group=nb}} Again.<ref name=src/>"
    )
    found = notes(blocks)
    assert [m.label for m in body(blocks)[0].marks] == ["nb 1", "1"]
    assert found["nb 1"].text == "He said it twice."
    assert [(m.label, m.offset) for m in found["nb 1"].marks] == [("1", 17)]
    assert found["1"].text == "Source, 2001."


def test_r_template_and_repeated_short_footnotes_reuse_notes() -> None:
    blocks = read(
        "A.{{sfn|Smith|2005|p=25}} B.{{sfn|Smith|2005|p=25}} "
        "C.<ref name=k>Kept.</ref> D.{{r|k}}"
    )
    assert [m.label for m in body(blocks)[0].marks] == ["1", "1", "2", "2"]
    assert notes(blocks)["1"].text == "Smith 2005, p. 25."


def test_short_footnotes_name_authors_as_wikipedia_does() -> None:
    blocks = read(
        "A.{{sfn|Ali|Brown|2001}} B.{{sfnp|Ali|Brown|Cole|2002|pp=4–5}}"
        " C.{{sfn|Ali|Brown|Cole|Dahl|2003|loc=ch. 2}}"
    )
    assert [n.text for n in notes(blocks).values()] == [
        "Ali & Brown 2001.",
        "Ali, Brown & Cole 2002, pp. 4–5.",
        "Ali et al. 2003, ch. 2.",
    ]


def test_templates_files_categories_and_comments_are_not_text() -> None:
    blocks = read(
        "{{Infobox country|name=X|capital=[[Y]]}}\n__NOTOC__\n"
        "[[File:Map.png|thumb|A map [[of X]]]]\n"
        "'''X''' is a country.{{Citation needed|date=May 2020}}<!-- hidden -->\n"
        "[[Datei:Karte.png|mini|Karte]] It has a {{convert|10|km|mi}} coast."
        "\n\n[[Category:Countries]]\n[[de:X]]"
    )
    assert [b.text for b in blocks] == ["X is a country. It has a 10 km coast."]


def test_data_table_rows_become_blocks_with_their_markers() -> None:
    blocks = read(
        "Seats:\n{| class=wikitable\n|+ Seats by province\n! Province !! Seats\n"
        '|-\n| style="x" | Sindh || 23<ref>Article 59.</ref>\n|-\n| Punjab || 23\n|}'
    )
    assert [b.text for b in body(blocks)] == [
        "Seats:",
        "Seats by province",
        "Province; Seats",
        "Sindh; 23",
        "Punjab; 23",
    ]
    assert body(blocks)[3].marks[0].offset == len("Sindh; 23")


def test_links_give_their_labels_and_web_links_a_link() -> None:
    (block,) = read(
        "See [[Damascus|the capital]], [[Aleppo]]s and "
        "[https://example.org/r the report] or https://example.org/b."
    )
    assert block.text == (
        "See the capital, Aleppos and the report or https://example.org/b."
    )
    assert block.links == (
        Link("the report", "https://example.org/r", 29, 39),
        Link("https://example.org/b", "https://example.org/b", 43, 64),
    )


def test_templates_that_put_words_on_the_page() -> None:
    (block,) = read(
        "Born {{birth date|1895|4|11}} in {{lang|fr|Lyon}}{{snd}}{{as of|2014}},"
        " {{convert|5|-|10|km}} away{{citation needed|date=2020}}."
    )
    assert block.text == "Born April 11, 1895 in Lyon – As of 2014, 5–10 km away."


def test_pipe_trick_interwiki_and_leading_colon_links() -> None:
    (block,) = read(
        "[[Homs (city)|]] and [[:Category:Cities|cities]] in [[Syria]]"
        "[[wikt:souk|souk]].[[fr:Homs]][[Category:Cities in Syria]]"
    )
    assert block.text == "Homs and cities in Syriasouk."


def test_headings_lists_and_paragraphs_become_blocks() -> None:
    blocks = read(
        "Lead line one\nand line two.\n\n== Events ==\n=== 2011 ===\n"
        "* first item\n* second ''item''\n# numbered\n: indented text"
    )
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("paragraph", None, "Lead line one and line two."),
        ("heading", 2, "Events"),
        ("heading", 3, "2011"),
        ("list_item", None, "first item"),
        ("list_item", None, "second item"),
        ("list_item", None, "numbered"),
        ("paragraph", None, "indented text"),
    ]


def test_cite_template_fields_and_display() -> None:
    blocks = read(
        "Fact.<ref>{{cite journal |last1=Doe |first1=Jane |last2=Roe |first2=R."
        " |title=On ''Things'' |journal=[[Nature]] |date=March 2001 |pages=1–9"
        " |volume=5 |issue=2 |doi=10.1/x |url=https://doi.org/x"
        " |access-date=2 May 2020}}</ref>"
    )
    note = notes(blocks)["1"]
    (work,) = note.works
    assert work.authors == ("Doe, Jane", "Roe, R.")
    assert (work.title, work.outlet, work.pages, work.kind) == (
        "On Things",
        "Nature",
        "1–9",
        "journal",
    )
    assert note.text == (
        'Doe, Jane; Roe, R. (March 2001). "On Things". Nature. 5 (2): 1–9. '
        "doi:10.1/x. Retrieved 2 May 2020."
    )


def test_note_of_an_unknown_template_says_which_template_it_is() -> None:
    blocks = read("Population 559.<ref>{{IranCensus2006|09}}</ref>")
    assert body(blocks)[0].marks[0].label == "1"
    assert notes(blocks)["1"].text == "IranCensus2006: 09"


def test_title_field_is_the_first_bold_phrase_and_no_date() -> None:
    content = wikitext.read(
        "a.wiki", b"{{Short description|x}}\nThe '''Senate of [[Pakistan]]''' sits."
    )
    assert content.fields.title == "Senate of Pakistan"
    assert content.fields.date is None
    assert wikitext.read("b.wiki", b"No bold here.").fields.title is None


def test_xml_escaped_wikitext_is_unescaped_once() -> None:
    blocks = read("Claim.&lt;ref&gt;A source.&lt;/ref&gt; More &amp;amp; more.")
    assert body(blocks)[0].text == "Claim. More & more."
    assert notes(blocks)["1"].text == "A source."


# Bad input: refused with a reason, or read without the broken markup


def parse_error(text: str) -> str:
    with pytest.raises(ParseError) as caught:
        wikitext.read("bad.wiki", text.encode())
    return caught.value.reason


def test_unclosed_ref_is_refused_with_its_line() -> None:
    reason = parse_error("Intro.\n\nClaim.<ref>Source never closed.\n\nMore text.")
    assert reason == "opens a <ref> note that is never closed with </ref> (line 3)"


def test_unclosed_template_is_refused_with_its_line() -> None:
    reason = parse_error("Intro.\n{{Infobox person\n| name = X\n\nX was born.")
    assert reason == (
        "opens a template with '{{' that is never closed with '}}' (line 2)"
    )


def test_braces_in_math_code_and_comments_are_not_templates() -> None:
    (block,) = read(
        "Euler: <math>e^{{i\\pi}} + 1 = 0 {{</math> and <code>x</code>"
        "<syntaxhighlight lang=c>int f() {{ return 0; }</syntaxhighlight>"
        "<!-- {{unclosed --> <nowiki>{{not a template}}</nowiki> holds."
    )
    assert block.text.startswith("Euler:")
    assert block.text.endswith(" and x {{not a template}} holds.")


def test_templates_nested_too_deep_are_refused() -> None:
    reason = parse_error("x " + "{{a|" * 101 + "y" + "}}" * 101)
    assert reason == "nests templates over 100 deep (line 1)"


def test_many_unclosed_links_are_refused() -> None:
    assert parse_error("[[a " * 60) == "leaves 60 '[[' links unclosed; is it wikitext?"


def test_page_larger_than_mediawiki_allows_is_refused() -> None:
    reason = parse_error("word " * (2 * 1024 * 1024 // 5 + 1))
    assert reason == "is larger than 2 MiB, more than a MediaWiki page can hold"


def test_only_templates_is_refused() -> None:
    assert parse_error("{{Infobox|a=b}}\n[[Category:X]]") == (
        "holds no article text (only templates or markup)"
    )


def test_stray_closing_braces_and_unreadable_templates_are_dropped() -> None:
    """GIVEN a stray '}}' and '</ref>' (a damaged edit) and a citation whose
    stray italics the parser cannot read
    WHEN read
    THEN the text is kept and the markup is not."""
    blocks = read(
        "Rate fell in the 1980scite web |title=Stats |work=S}}</ref> and rose."
        "\n\n* {{Citation\n |title=Roger ''Bacon''\n |date=1996\n}}\n\nEnd."
    )
    texts = [b.text for b in body(blocks)]
    assert texts[0] == "Rate fell in the 1980scite web |title=Stats |work=S and rose."
    assert texts[-1] == "End."
    assert not [t for t in texts for m in ("{{", "}}", "</ref") if m in t]


@pytest.mark.parametrize(
    "text",
    [
        "{{a|" * 3000,
        "[http://a " * 3000,
        "<ref name=a>" * 3000,
        "<div>" * 3000 + "x",
        "[[a|" * 3000,
        "x" + "{{#tag:ref|a" * 90 + "}}" * 90,
    ],
    ids=["braces", "web-links", "refs", "tags", "links", "nested-notes"],
)
def test_pathological_nesting_ends_quickly(text: str) -> None:
    """Inputs that take mwparserfromhell minutes are refused or read in well
    under a second each."""
    start = time.perf_counter()
    try:
        wikitext.read("bad.wiki", text.encode())
    except ParseError:
        pass
    assert time.perf_counter() - start < 2.0


def test_note_chains_deeper_than_the_nesting_limit_are_all_written() -> None:
    chain = "".join(
        f"<ref name=n{i}>Note {i}.<ref name=n{i + 1}/></ref>" for i in range(30)
    )
    blocks = read("Claim.<ref name=n0/>\n\n" + chain)
    found = notes(blocks)
    assert len(found) == 30
    assert found["1"].text == "Note 0."
    assert [m.label for m in found["1"].marks] == ["2"]


# More real articles (tests/fixtures/wikitext, from wtf_wikipedia's cache)

WIKITEXT = Path(__file__).parents[2] / "fixtures" / "wikitext"


@pytest.fixture(scope="module")
def uk():
    return parse_path(WIKITEXT / "United-Kingdom.wiki")


def test_uk_named_notes_keep_one_marker_per_use(uk) -> None:
    counts = marker_counts(uk)
    factbook = note_with(uk, '"United Kingdom". The World Factbook.')
    assert counts[factbook.label] == 6
    assert counts[note_with(uk, "Atlapedia Online").label] == 5
    (citation,) = factbook.citations
    assert citation.outlet == "The World Factbook"
    assert citation.url == (
        "https://www.cia.gov/library/publications/the-world-factbook/geos/uk.html"
    )


def test_uk_note_group_labels_follow_the_infobox_notes(uk) -> None:
    """GIVEN eight group=note notes in the infobox and more in the text
    WHEN the article is read
    THEN the text's first one is "note 9", after the plain ref before it."""
    passage = next(
        p for p in uk.passages if "with another sovereign state—the Republic" in p.text
    )
    labels = [m.label for c in passage.claims for m in c.markers]
    assert labels[1] == "note 9"
    border = next(n for n in uk.footnotes if n.label == "note 9")
    assert border.text.startswith(
        "Although Northern Ireland is the only part of the UK that shares"
    )


def test_uk_tag_ref_note_in_the_infobox_cites_a_note_of_its_own() -> None:
    blocks = list(load(WIKITEXT / "United-Kingdom.wiki").blocks)
    anthem = next(b for b in blocks if b.kind == "note" and "national anthem" in b.text)
    assert anthem.label.startswith("note ")
    assert anthem.text.startswith("There is no authorised version of the national")
    (mark,) = anthem.marks
    (work,) = notes(blocks)[mark.label].works
    assert (work.title, work.url) == (
        "National Anthem",
        "https://www.royal.uk/national-anthem",
    )


def test_uk_reads_as_text_but_for_one_ref_the_article_itself_broke(uk) -> None:
    """The source lost a "<ref>{{" before "cite web |url=...Statista}}</ref>";
    Wikipedia shows that text too. Everything else is free of markup."""
    damaged = [p.text for p in uk.passages for m in MARKUP if m in p.text]
    assert len(damaged) == 1
    assert "similar to the rate in the 1980scite web |url=" in damaged[0]
    assert "}}" not in damaged[0] and "</ref>" not in damaged[0]
    assert uk.title == "United Kingdom of Great Britain and Northern Ireland"


def test_senate_of_pakistan_table_rows_and_bracketed_notes() -> None:
    document = parse_path(WIKITEXT / "Senate_of_Pakistan.wiki")
    assert (document.kind, document.title) == ("report", "Senate of Pakistan")
    texts = [p.text for p in document.passages]
    assert "Balochistan; 14; 4; 4; 1; 23" in texts
    assert "Total; 66; 17; 17; 4; 104" in texts
    assert len(document.footnotes) == 5
    assert note_with(document, "Article 59(3)(a)").text == (
        "[Article 59(3)(a) in Chapter 2: The Parliament of Part III: "
        "The Federation of Pakistan in the Constitution of Pakistan"
    )
    assert not [t for t in texts for m in MARKUP if m in t]


def test_anwar_kamal_khan_notes_and_urdu_name() -> None:
    """8 ref tags: 7 notes, "DAWN" used twice; one {{cite news}}."""
    document = parse_path(WIKITEXT / "Anwar_Kamal_Khan.wiki")
    assert len(document.footnotes) == 7
    counts = marker_counts(document)
    assert counts[note_with(document, "PML-N provincial leader dies").label] == 2
    assert sum(counts.values()) == 8
    assert document.passages[0].text.startswith(
        "Anwar Kamal Khan Marwat Mina Khel (انور کمال خان مروت مینا خیل; "
        "19 November 1946"
    )
    economist = note_with(document, "The Economist")
    assert economist.text == (
        '"Anwar Kamal". The Economist. 25 February 2012. Retrieved 30 August 2012.'
    )
    assert note_with(document, "pakistanherald").text == (
        "http://pakistanherald.com/profile.aspx?hofid=756"
    )
    assert document.title == "Anwar Kamal Khan Marwat Mina Khel"
