"""Reuters-21578 SGML stories (W01-W04 of the corpus), golden from MANIFEST.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import ParseError, PartialDate, parse_path
from ingest.loader import load, load_bytes
from ingest.sentences import sentence_spans

CORPUS = Path(__file__).parents[2] / "fixtures" / "corpus"
W01 = CORPUS / "W01_reuters21578_1357_washington_brazil_debt.sgm"
W02 = CORPUS / "W02_reuters21578_1889_abidjan_coffee.sgm"
W03 = CORPUS / "W03_reuters21578_1963_warsaw_polish_sanctions.sgm"
W04 = CORPUS / "W04_reuters21578_1899_bahrain_iran_iraq_noauthor.sgm"

STORIES = {
    W01: (
        "WASHINGTON",
        PartialDate(1987, 3, 3),
        ("David Hume",),
        "U.S. OFFICIALS SAY BRAZIL SHOULD DEAL WITH BANKS",
        "The U.S. is sticking for the moment to its policy that Brazil, which two "
        "weeks ago suspended debt payments to private banks, should deal with its "
        "creditors and not with governments, U.S. officials said.",
    ),
    W02: (
        "ABIDJAN",
        PartialDate(1987, 3, 4),
        ("Jean-Loup Fievet",),
        "IVORY COAST SAYS COFFEE PRICE FALL SHORT-LIVED",
        "Ivory Coast today predicted that the present coffee price crash recorded "
        "after the collapse of the recent International Coffee Organisation (ICO) "
        "meeting in London would not last long.",
    ),
    W03: (
        "WARSAW",
        PartialDate(1987, 3, 5),
        ("Irena Czekierska",),
        "ECONOMIC SPOTLIGHT - POLISH SANCTIONS",
        "Poland says U.S. Sanctions have cost its economy 15 billion dlrs and has "
        "made clear it wants Washington to take a lead in repairing the damage after "
        "lifting remaining restrictions two weeks ago.",
    ),
    W04: (
        "BAHRAIN",
        PartialDate(1987, 3, 4),
        (),
        "IRAN REPORTS OFFENSIVE AS IRAQ THREATENS AIR RAIDS",
        "Iranian troops are fighting on two widely separated fronts in a new "
        "offensive in the mountains of Kurdistan in northern Iraq, Tehran's IRNA "
        "news agency said.",
    ),
}


def first_sentence(document) -> str:
    text = document.passages[0].text
    start, end = sentence_spans(text)[0]
    return text[start:end]


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.name[:3])
def test_reuters_story_fields_come_from_its_elements(path: Path) -> None:
    place, date, authors, title, first = STORIES[path]
    document = parse_path(path)
    assert load(path).format == "reuters-sgml"
    assert document.kind == "wire"
    assert document.agency == "Reuters"
    assert document.dateline == place
    assert document.date == date
    assert document.authors == authors
    assert document.title == title
    assert first_sentence(document) == first


@pytest.mark.parametrize("path", STORIES, ids=lambda p: p.name[:3])
def test_reuters_markup_and_signoff_stay_out_of_the_text(path: Path) -> None:
    texts = [passage.text for passage in parse_path(path).passages]
    assert texts[-1] not in {"Reuter", "REUTER"}
    joined = "\n".join(texts)
    for leftover in ("&#", "<", "Reuter\n", "By ", "WASHINGTON, March 3 -"):
        assert leftover not in joined


def test_indented_lines_start_paragraphs() -> None:
    texts = [passage.text for passage in parse_path(W01).passages]
    assert len(texts) == 19
    assert texts[1] == (
        "\"I don't see any desire here to scurry around and help Brazil until we "
        'get a better sense of what they are trying to do," a senior administration '
        "official stated."
    )


def test_date_element_wins_over_the_datelines_day_with_a_warning() -> None:
    # W04's DATE says 4-MAR-1987 21:49 and its dateline "BAHRAIN, March 5": the
    # dateline's day is kept as written in the story, the DATE element dates it.
    document = parse_path(W04)
    assert document.date == PartialDate(1987, 3, 4)
    assert document.warnings == (
        "the dateline says 'March 5' but the file's date field gives 1987-03-04; "
        "kept 1987-03-04",
    )


def test_fields_state_the_date_and_time_of_the_date_element() -> None:
    fields = load(W01).fields
    assert fields.date == "1987-03-03T17:07:07"
    assert fields.title == "U.S. OFFICIALS SAY BRAZIL SHOULD DEAL WITH BANKS"
    assert fields.dateline == "WASHINGTON, March 3"


def test_entities_in_the_title_are_decoded() -> None:
    data = W01.read_bytes().replace(
        b"<TITLE>U.S. OFFICIALS", b"<TITLE>&lt;CITICORP&gt; AND U.S. OFFICIALS"
    )
    assert load_bytes("story.sgm", data).fields.title.startswith("<CITICORP> AND")


def test_a_file_of_several_stories_is_refused_with_their_count() -> None:
    # reut2-NNN.sgm files hold up to 1,000 stories: storing only the first would
    # silently lose the rest, so the user is told to split the file.
    data = b'<!DOCTYPE lewis SYSTEM "lewis.dtd">\n'
    data += b"\n".join(path.read_bytes() for path in STORIES)
    with pytest.raises(ParseError) as caught:
        load_bytes("reut2-001", data)  # known by its content, not its name
    assert caught.value.reason == (
        "holds 4 <REUTERS> stories; the archive keeps one story per file, so "
        "split it into one file per <REUTERS> element"
    )


def test_a_story_cut_off_before_its_end_is_refused() -> None:
    data = W01.read_bytes().split(b"</BODY>")[0]
    with pytest.raises(ParseError) as caught:
        load_bytes("cut.sgm", data)
    assert caught.value.reason == (
        "is not a complete <REUTERS> story: no </REUTERS> end"
    )


def test_a_brief_is_its_headline_alone() -> None:
    # The collection's briefs hold a title and the placeholder "Blah blah blah."
    data = (
        b'<REUTERS NEWID="5"><DATE> 5-MAR-1987 09:01:00.00</DATE>'
        b'<TEXT TYPE="BRIEF">&#2;\n******<TITLE>BANK OF ENGLAND OFFERS HELP'
        b"</TITLE>\nBlah blah blah.\n&#3;\n\n</TEXT></REUTERS>\n"
    )
    source = load_bytes("brief.sgm", data)
    assert [(b.kind, b.text) for b in source.blocks] == [
        ("heading", "BANK OF ENGLAND OFFERS HELP")
    ]


def test_an_unprocessed_story_is_read_from_its_text_element() -> None:
    data = (
        b'<REUTERS NEWID="9"><DATE> 5-MAR-1987 09:01:00.00</DATE>'
        b'<TEXT TYPE="UNPROC">&#2;\nTOKYO STOCKS CLOSE HIGHER\n'
        b"    The Nikkei average rose 120 points.\n Reuter\n&#3;</TEXT></REUTERS>"
    )
    texts = [block.text for block in load_bytes("unproc.sgm", data).blocks]
    assert texts == [
        "TOKYO STOCKS CLOSE HIGHER",
        "The Nikkei average rose 120 points.",
        "Reuter",
    ]
