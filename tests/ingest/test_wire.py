"""Wire stories: agency, dateline, date, byline, credits, boilerplate, attributions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import ParseError, ParseOptions, PartialDate, load_registry
from ingest.boilerplate import read_rules, split_block
from ingest.bylines import byline_names
from ingest.kinds import wire
from ingest.loader import load, load_bytes
from ingest.registry import with_countries
from ingest.wire_meta import derived_title
from tests.golden import assert_matches_golden

FIXTURES = Path(__file__).parent.parent / "fixtures"
WIRE = FIXTURES / "wire"
REUTERS = WIRE / "reuters-qasrak-withdrawal.txt"
AP = WIRE / "ap-qasrak-withdrawal.txt"
HTML = WIRE / "levant-ledger-raqqa-handover.html"
AFP = WIRE / "afp-deir-ezzor-clashes.txt"
CREDITS = WIRE / "reuters-erbil-returnees-credits.txt"
UNDATED = WIRE / "ap-kirkuk-raids-undated.txt"
EUAA = FIXTURES / "report" / "euaa-syria-country-focus-3-4.txt"
INPUTS = sorted(p for p in WIRE.iterdir() if not p.name.endswith(".expected.json"))
UNDATED_WARNING = "no publication date found; stored as undated"


def parse(path: Path, **options):
    return wire.parse(load(path), ParseOptions(**options))


def texts(document) -> list[str]:
    return [passage.text for passage in document.passages]


def cited(document) -> dict[str, list[tuple[str | None, bool]]]:
    """Each claim's first words -> [(slug or outlet or description, anonymous?)]."""
    return {
        " ".join(claim.text.split()[:4]): [
            (c.outlet_slug or c.outlet or c.description, c.anonymous)
            for c in claim.citations
        ]
        for claim in document.claims
    }


@pytest.fixture(scope="module")
def reuters():
    return parse(REUTERS)


@pytest.fixture(scope="module")
def ap():
    return parse(AP)


@pytest.fixture(scope="module")
def page():
    return parse(HTML)


@pytest.mark.parametrize("fixture", INPUTS, ids=lambda p: p.name)
def test_wire_fixture_matches_its_golden_file(fixture: Path) -> None:
    assert_matches_golden(fixture, with_countries(parse(fixture)))


# --- the Reuters story republished by The Straits Times ------------------------


def test_reuters_story_takes_its_agency_from_the_glued_signoff(reuters) -> None:
    assert reuters.kind == "wire"
    assert reuters.agency == "Reuters"
    assert texts(reuters)[-1].endswith("killed a soldier and a civilian.")
    assert not any("REUTERS" in text for text in texts(reuters))


def test_reuters_story_date_comes_from_the_date_header(reuters) -> None:
    assert reuters.date == PartialDate(2026, 2, 23)
    assert reuters.warnings == ()


def test_reuters_dateline_is_cut_from_the_first_paragraph(reuters) -> None:
    assert reuters.dateline == "DAMASCUS"
    assert texts(reuters)[0].startswith("U.S. forces began pulling out of their")


def test_reuters_header_and_newsletter_prompt_are_not_passages(reuters) -> None:
    assert not any("Sign up" in t or "newsletters" in t for t in texts(reuters))
    assert not any(t.startswith("date ") for t in texts(reuters))


def test_reuters_subhead_is_a_level_two_heading(reuters) -> None:
    headings = [(p.text, p.level) for p in reuters.passages if p.kind == "heading"]
    assert headings == [("DRAWDOWN EXPECTED TO TAKE WEEKS", 2)]


def test_reuters_title_is_derived_from_the_lead(reuters) -> None:
    """The lead's first clause, whole: no cut mid-phrase."""
    assert reuters.title == (
        "U.S. forces began pulling out of their largest base in northeastern Syria "
        "on Monday"
    )
    assert reuters.title_derived is True
    assert (reuters.authors, reuters.credits) == ((), ())


def test_reuters_attributions_name_who_said_what(reuters) -> None:
    assert cited(reuters) == {
        "U.S. forces began pulling": [
            ("three Syrian military and security sources", True)
        ],
        "Dozens of trucks, some": [("witnesses", True)],
        "Reuters footage later showed": [("reuters", False)],
        "One of the Syrian": [
            (
                "One of the Syrian sources, a military official briefed on U.S. plans",
                True,
            )
        ],
        "The second Syrian source,": [
            ("The second Syrian source, also briefed on U.S. plans", True)
        ],
        "A senior U.S. official": [("A senior U.S. official", True)],
        "The official said U.S.": [("The official", True)],
        "The Wall Street Journal": [("wsj", False)],
    }


def test_reuters_sources_that_did_not_answer_are_asked_not_cited(reuters) -> None:
    assert [(c.outlet_slug, c.no_comment) for c in reuters.no_comment] == [
        ("centcom", True),
        ("syria-mod", True),
        ("sdf", True),
    ]
    assert reuters.no_comment[0].how == (
        "did not immediately respond to an emailed request for comment"
    )
    assert not any(c.no_comment for c in reuters.citations)


def test_reuters_claims_carry_their_phrase_and_sentence_span(reuters) -> None:
    passage = reuters.passages[1]
    first, second = passage.claims
    assert passage.text[first.start : first.end] == first.text
    assert first.text.endswith("witnesses said.")
    assert second.text.startswith("Reuters footage later showed")
    (wsj,) = next(c for c in reuters.claims if c.text.startswith("The Wall")).citations
    assert wsj.text == "The Wall Street Journal reported last week"
    assert (wsj.outlet, wsj.outlet_slug, wsj.date) == (
        "The Wall Street Journal",
        "wsj",
        None,
    )


def test_sentences_without_a_source_are_not_claims(reuters) -> None:
    claims = {claim.text for claim in reuters.claims}
    assert not any(text.startswith("A full withdrawal from Qasrak") for text in claims)
    assert not any(text.startswith("Syria joined the U.S.-led") for text in claims)


def test_a_later_date_option_does_not_override_the_date_header() -> None:
    parsed = parse(REUTERS, date=PartialDate(2026, 2, 24))
    assert parsed.date == PartialDate(2026, 2, 23)
    assert parsed.warnings == (
        "--date 2026-02-24 differs from the date line 'date 2026-02-23' "
        "(2026-02-23); kept the file's date",
    )


# --- the AP story ----------------------------------------------------------------


def test_ap_story_agency_and_dateline(ap) -> None:
    assert ap.agency == "AP"
    assert ap.dateline == "QAMISHLI, Syria"
    assert texts(ap)[0].startswith("U.S. forces are withdrawing from a key base")


def test_ap_story_has_no_date_and_says_so(ap) -> None:
    assert ap.date is None
    assert ap.warnings == (UNDATED_WARNING,)


def test_ap_story_takes_the_date_option_when_the_file_has_none() -> None:
    parsed = parse(AP, date=PartialDate(2026, 2, 23))
    assert parsed.date == PartialDate(2026, 2, 23)
    assert parsed.warnings == ()


def test_ap_byline_names_are_properly_cased(ap) -> None:
    assert ap.authors == ("Hogir Al Abdo", "Ghaith AlSayed", "Qassim Abdul-Zahra")


def test_ap_contributor_line_is_a_credit_not_a_passage(ap) -> None:
    assert ap.credits == (
        "AlSayed reported from Damascus and Abdul-Zahra from Baghdad.",
    )
    assert texts(ap)[-1] == (
        "The remaining residents of the camp have now been transferred to another "
        "facility or repatriated."
    )


def test_ap_attributions_name_who_said_what(ap) -> None:
    assert cited(ap) == {
        "U.S. forces are withdrawing": [("officials", True)],
        "Iraqi and Syrian security": [("Iraqi and Syrian security officials", True)],
        "Associated Press journalists in": [("ap", False)],
        "A senior Iraqi security": [("A senior Iraqi security official", True)],
        "A Syrian security official": [("A Syrian security official", True)],
        "Earlier this month, CENTCOM": [("centcom", False), ("syria-mod", False)],
    }


def test_ap_non_response_is_kept_as_asked_not_as_a_claim(ap) -> None:
    assert not any(c.text.startswith("The U.S. military’s") for c in ap.claims)
    centcom, sdf = ap.no_comment
    assert centcom.text == (
        "The U.S. military’s Central Command did not respond to a request for comment"
    )
    assert sdf.text == "nor did the Kurdish-led Syrian Democratic Forces"
    assert sdf.outlet == "Kurdish-led Syrian Democratic Forces"
    assert (centcom.outlet_slug, sdf.outlet_slug) == ("centcom", "sdf")


def test_ap_anonymity_statement_qualifies_the_two_claims_before_it(ap) -> None:
    qualified = [c for c in ap.claims if c.citations[0].qualifier]
    assert [c.text.split(" said")[0] for c in qualified] == [
        "A senior Iraqi security official",
        "A Syrian security official",
    ]
    assert qualified[0].citations[0].qualifier == (
        "Both officials spoke on condition of anonymity because they were not "
        "authorized to comment publicly"
    )
    assert not any(c.text.startswith("Both officials") for c in ap.claims)


def test_title_option_is_used_when_the_file_has_no_headline() -> None:
    parsed = parse(AP, title="US forces leave Qasrak base")
    assert (parsed.title, parsed.title_derived) == (
        "US forces leave Qasrak base",
        False,
    )


# --- an article page --------------------------------------------------------------


def test_page_title_and_date_come_from_the_page(page) -> None:
    assert page.title == "Syrian army takes over Raqqa checkpoints from Kurdish-led SDF"
    assert page.title_derived is False
    assert page.date == PartialDate(2025, 3, 12)
    assert page.source_format == "html"


def test_page_headline_is_not_repeated_and_subheads_stay_headings(page) -> None:
    headings = [(p.text, p.level) for p in page.passages if p.kind == "heading"]
    assert headings == [("Fears among residents", 2)]
    assert texts(page)[0].startswith("Syrian government troops took over checkpoints")


def test_page_chrome_is_never_a_passage(page) -> None:
    chrome = (
        "Share this article", "Read more", "Sign up", "newsletter", "Related",
        "Who guards", "©", "Follow us", "Trust Principles", "Levant Ledger",
        "Reporting by",
    )  # fmt: skip
    for text in texts(page):
        assert not any(words in text for words in chrome), text


def test_page_byline_credits_and_agency(page) -> None:
    assert page.authors == ("Maya Haddad",)
    assert page.credits == (
        "Reporting by Maya Haddad in Raqqa; Additional reporting by Omar Khalil in "
        "Damascus; Editing by Sarah Lund",
    )
    assert (page.agency, page.dateline) == ("Reuters", "RAQQA, Syria")


def test_named_spokeswoman_is_cited_by_name_with_her_organisation(page) -> None:
    claim = next(c for c in page.claims if c.text.startswith("Siham Darwish"))
    (citation,) = claim.citations
    assert citation.description == (
        "Siham Darwish, a spokeswoman for the Syrian Democratic Forces"
    )
    assert (citation.outlet_slug, citation.anonymous) == ("sdf", False)


def test_page_with_agency_metadata_but_no_dateline_is_still_a_wire_story() -> None:
    """
    GIVEN an agency's own page with no dateline in its text
    WHEN it is parsed
    THEN the agency comes from the page metadata and the missing dateline is noted
    """
    html = (
        b'<html><head><meta property="og:site_name" content="Reuters">'
        b'<meta property="article:published_time" content="2025-06-02T09:00:00Z">'
        b"</head><body><h1>Aid convoy reaches Sweida</h1>"
        b"<p>An aid convoy reached Sweida on Monday, the Syrian Arab Red Crescent "
        b"said.</p></body></html>"
    )
    parsed = wire.parse(load_bytes("sweida.html", html), ParseOptions())
    assert (parsed.agency, parsed.date) == ("Reuters", PartialDate(2025, 6, 2))
    assert parsed.warnings == (
        "no dateline found (such as 'DAMASCUS, Feb 23 (Reuters) -')",
    )


# --- the other shapes ----------------------------------------------------------------


def test_afp_dateline_gives_place_agency_and_full_date() -> None:
    parsed = parse(AFP)
    assert (parsed.dateline, parsed.agency) == ("BEIRUT", "AFP")
    assert parsed.date == PartialDate(2025, 3, 3)
    assert parsed.warnings == ()
    assert texts(parsed)[-1].startswith("More than 2,000 families have fled")


def test_afp_quote_is_attributed_to_the_named_commander() -> None:
    claim = next(c for c in parse(AFP).claims if c.text.startswith('"We will not'))
    (citation,) = claim.citations
    assert (
        citation.text == "Farid Hamo, an SDF commander in Deir Ezzor, told AFP by phone"
    )
    assert citation.description == "Farid Hamo, an SDF commander in Deir Ezzor"
    assert (citation.outlet, citation.outlet_slug) == ("SDF", "sdf")


def test_glued_reporting_credit_leaves_the_last_paragraph() -> None:
    parsed = parse(CREDITS)
    assert parsed.credits == (
        "Reporting by Amina Rashid in Erbil; Additional reporting by Karim Saleh in "
        "Baghdad; Writing by Tom Hale; Editing by Sarah Lund",
    )
    assert texts(parsed)[-1].endswith("according to the U.N. humanitarian office.")
    assert parsed.authors == ()


def test_dateline_without_a_year_takes_the_agency_copyright_year_and_says_so() -> None:
    parsed = parse(CREDITS)
    assert parsed.date == PartialDate(2025, 1, 14)
    assert parsed.warnings == (
        "the dateline gives 'Jan 14' without a year; 2025 is from "
        "'© 2025 Reuters. All rights reserved.'",
    )


def test_dateline_without_a_year_and_nothing_else_is_undated() -> None:
    story = b"ERBIL, Iraq, Jan 14 (Reuters) - Officials said the camp would close.\n"
    parsed = wire.parse(load_bytes("erbil.txt", story), ParseOptions())
    assert parsed.date is None
    assert parsed.warnings == (
        "the dateline gives 'Jan 14' without a year and the file has no single "
        "year to go with it",
        UNDATED_WARNING,
    )


def test_dateline_on_a_line_of_its_own_leaves_no_empty_passage() -> None:
    story = b"BEIRUT, March 3, 2025 (AFP) -\n\nFighting resumed, a monitor said.\n"
    parsed = wire.parse(load_bytes("beirut.txt", story), ParseOptions())
    assert (parsed.dateline, parsed.agency) == ("BEIRUT", "AFP")
    assert texts(parsed) == ["Fighting resumed, a monitor said."]
    assert parsed.date == PartialDate(2025, 3, 3)


def test_story_with_no_date_anywhere_is_undated_despite_a_copyright_year() -> None:
    parsed = parse(UNDATED)
    assert parsed.date is None
    assert parsed.warnings == (UNDATED_WARNING,)
    assert parsed.authors == ("Layla Hussein", "David Martel")
    assert not any(
        "Copyright" in t or "Associated Press writer" in t for t in texts(parsed)
    )


def test_anonymity_statement_qualifies_the_resident_before_it() -> None:
    parsed = parse(UNDATED)
    assert not any(c.text.startswith("He spoke") for c in parsed.claims)
    claim = next(c for c in parsed.claims if c.text.startswith("A resident"))
    (citation,) = claim.citations
    assert citation.anonymous is True
    assert citation.qualifier == (
        "He spoke on condition of anonymity for fear of reprisals"
    )


# --- sniffing and refusing ----------------------------------------------------------


@pytest.mark.parametrize("fixture", INPUTS, ids=lambda p: p.name)
def test_wire_stories_are_sniffed_with_confidence(fixture: Path) -> None:
    assert wire.sniff(load(fixture)) >= 0.5


def test_footnoted_report_is_declined() -> None:
    assert wire.sniff(load(EUAA)) is None


def test_text_that_is_no_wire_story_is_refused_with_what_was_looked_for() -> None:
    path = FIXTURES / "bad" / "shopping-list.txt"
    assert wire.sniff(load(path)) is None
    with pytest.raises(ParseError) as caught:
        wire.parse(load(path), ParseOptions())
    assert caught.value.reason == (
        "is not a wire story: looked for an agency dateline such as 'BEIRUT (AFP) -', "
        "an agency sign-off such as 'REUTERS', or page metadata naming a news agency"
    )


# --- the rules behind the parts ----------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By HOGIR AL ABDO, GHAITH ALSAYED and QASSIM ABDUL-ZAHRA",
         ("Hogir Al Abdo", "Ghaith AlSayed", "Qassim Abdul-Zahra")),
        ("By AHMED AL-SHARAA Associated Press", ("Ahmed al-Sharaa",)),
        ("By SEAN O'BRIEN, Reuters", ("Sean O'Brien",)),
        ("By Maya Haddad and Omar Khalil", ("Maya Haddad", "Omar Khalil")),
        ("By the time the trucks left, the base was empty", None),
    ],
)  # fmt: skip
def test_byline_names_are_cased_as_the_story_writes_them(byline: str, names) -> None:
    story = "AlSayed reported from Damascus."
    assert byline_names(byline, story, load_registry()) == names


@pytest.mark.parametrize(
    ("line", "kinds", "rest"),
    [
        ("date 2026-02-23 Sign up now: Get ST's newsletters delivered to your inbox",
         ["date", "prompt"], ""),
        ("Copyright 2026 The Associated Press. All rights reserved.", ["legal"], ""),
        ("This material may not be published, broadcast, rewritten or redistributed "
         "without permission.", ["legal"], ""),
        ("Share this article Facebook X WhatsApp Copy link", ["chrome"], ""),
        ("Troops left. (Reporting by Maya Gebeily; Editing by Alex Richardson)",
         ["credit"], "Troops left."),
        ("Witnesses said the trucks left on Monday.", [], "Witnesses said the trucks "
         "left on Monday."),
    ],
)  # fmt: skip
def test_boilerplate_rules_peel_off_what_is_not_story(line: str, kinds, rest) -> None:
    split = split_block(line)
    assert [piece.kind for piece in split.pieces] == kinds
    assert split.rest == rest


def test_malformed_boilerplate_rule_is_named(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nkind = "shout"\npattern = "x"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="rule 1 needs a known kind"):
        read_rules(rules)


def test_a_story_known_only_by_an_agency_the_caller_adds_is_a_story(
    tmp_path: Path,
) -> None:
    from ingest import OutletRegistry, parse_path
    from ingest.outlets import Outlet

    story = tmp_path / "story.txt"
    story.write_text(
        "ERBIL - Hundreds of families returned to Sinjar on Monday, local "
        "officials said.\n\nKURDPRESS\n",
        encoding="utf-8",
    )
    registry = OutletRegistry(
        [*load_registry(), Outlet("kurdpress", "Kurdpress", "Kurdpress", "news agency")]
    )
    assert parse_path(story).kind == "document"
    parsed = parse_path(story, ParseOptions(registry=registry))
    assert (parsed.kind, parsed.agency, parsed.dateline) == (
        "wire",
        "Kurdpress",
        "ERBIL",
    )


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            "Clashes between Arab tribal fighters and the Kurdish-led Syrian Democratic"
            " Forces killed at least 11 people in eastern Syria's Deir Ezzor province"
            " on Monday, a war monitor said.",
            "Clashes between Arab tribal fighters and the Kurdish-led Syrian Democratic"
            " Forces killed at least 11 people",
        ),
        (
            "On Monday, the army said it had taken the town.",
            "On Monday, the army said it had taken the town",
        ),
        (
            "U.S. forces are withdrawing from a key base in northeastern Syria,"
            " officials said Monday.",
            "U.S. forces are withdrawing from a key base in northeastern Syria",
        ),
    ],
)
def test_a_derived_title_is_a_whole_clause(lead: str, title: str) -> None:
    """A long first clause loses its trailing phrases ("in eastern Syria", "on
    Monday") whole; a short one takes the next clause with it."""
    assert derived_title(lead) == title


def test_a_derived_title_of_one_endless_clause_is_bounded() -> None:
    title = derived_title(" ".join(["word"] * 5000))
    assert title.endswith("…")
    assert len(title.split()) == 40
