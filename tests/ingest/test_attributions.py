"""Attributions: which words in a sentence name its source, and what kind of source.

Each case is one sentence and the citations a reader should see for it, written
as (attributing phrase, outlet slug or outlet as written, description,
anonymous?).
"""

from __future__ import annotations

import pytest

from ingest.attributions import sentence_citations
from ingest.model import ParsedCitation
from ingest.outlets import load_registry

REGISTRY = load_registry()

CASES = {
    '"We will not leave Syria," said the official.': [
        ("said the official", None, "the official", True)
    ],
    '"We will stay," said Joe Smith, a spokesman for the SDF.': [
        ("said Joe Smith, a spokesman for the SDF", "sdf",
         "Joe Smith, a spokesman for the SDF", False)
    ],
    "At least 11 people were killed, according to the Syrian Observatory for Human "
    "Rights, a Britain-based monitor.": [
        ("according to the Syrian Observatory for Human Rights", "sohr", None, False)
    ],
    "State news agency SANA quoted a military source as saying the attack failed.": [
        ("quoted a military source as saying", None, "a military source", True),
    ],
    "There was no immediate comment from the Syrian defence ministry.": [
        ("There was no immediate comment from the Syrian defence ministry",
         "syria-mod", None, False)
    ],
    "SDF spokesman Farhad Shami said the handover was complete.": [
        ("SDF spokesman Farhad Shami said", "sdf", "SDF spokesman Farhad Shami", False)
    ],
    "A spokeswoman for the SDF said the handover was complete.": [
        ("A spokeswoman for the SDF said", None, "A spokeswoman for the SDF", True)
    ],
    "Syria's interior ministry said in a statement on Tuesday that 14 were held.": [
        ("Syria's interior ministry said in a statement on Tuesday",
         "Syria's interior ministry", None, False)
    ],
    "On Monday the SDF said it had handed over the checkpoints.": [
        ("the SDF said", "sdf", None, False)
    ],
    "A statement from the SDF said seven fighters were killed.": [
        ("A statement from the SDF said", "sdf", None, False)
    ],
    "The Pentagon did not immediately respond to a request for comment.": [
        ("The Pentagon did not immediately respond to a request for comment",
         "usdod", None, False)
    ],
    "Iraqi Prime Minister Mohammed Shia al-Sudani said Iraq would try them.": [
        ("Iraqi Prime Minister Mohammed Shia al-Sudani said", None,
         "Iraqi Prime Minister Mohammed Shia al-Sudani", False)
    ],
    '"It was theatrical," Monzer Akbik of the Western-backed National Coalition '
    "opposition group told Reuters.": [
        ("Monzer Akbik of the Western-backed National Coalition opposition group "
         "told Reuters", "National Coalition",
         "Monzer Akbik of the Western-backed National Coalition opposition group",
         False)
    ],
    "Farms are losing ground, said Craig Cox of the Environmental Working Group.": [
        ("said Craig Cox of the Environmental Working Group",
         "Environmental Working Group",
         "Craig Cox of the Environmental Working Group", False)
    ],
    "A Chinese-owned company set up to take over Saab's assets after the troubled "
    "Swedish carmaker's bankruptcy said on Friday it had succeeded.": [
        ("A Chinese-owned company set up to take over Saab's assets after the "
         "troubled Swedish carmaker's bankruptcy said on Friday", None,
         "A Chinese-owned company set up to take over Saab's assets after the "
         "troubled Swedish carmaker's bankruptcy", False)
    ],
    "Troops left on Monday, witnesses said, and officials told Reuters the pullout "
    "would take weeks.": [
        ("witnesses said", None, "witnesses", True),
        ("officials told Reuters", None, "officials", True),
    ],
}  # fmt: skip

NOT_ATTRIBUTIONS = (
    "The ceasefire announced last week collapsed on Sunday.",
    "The war saw thousands killed.",
    "Syria joined the U.S.-led coalition to combat Islamic State last year.",
    "Tribal leaders accuse the SDF of marginalising Arabs in the province.",
    "He said the convoy had left.",  # a pronoun with nobody before it to refer to
)


def seen(citation: ParsedCitation) -> tuple[str, str | None, str | None, bool]:
    return (
        citation.text,
        citation.outlet_slug or citation.outlet,
        citation.description,
        citation.anonymous,
    )


@pytest.mark.parametrize(("sentence", "expected"), CASES.items())
def test_sentence_cites_the_sources_it_names(sentence: str, expected: list) -> None:
    assert [seen(c) for c in sentence_citations(sentence, REGISTRY)] == expected


@pytest.mark.parametrize("sentence", NOT_ATTRIBUTIONS)
def test_sentence_without_a_source_cites_nothing(sentence: str) -> None:
    assert sentence_citations(sentence, REGISTRY) == ()


def test_unknown_organisation_is_an_outlet_as_written_without_a_slug() -> None:
    (citation,) = sentence_citations(
        "The U.S.-led coalition, which still has troops in Hasakah, did not "
        "immediately respond to a request for comment.",
        REGISTRY,
    )
    assert (citation.outlet, citation.outlet_slug) == ("U.S.-led coalition", None)
    assert citation.anonymous is False


# --- how, through whom, and what the story says of the sourcing ------------------

RELATIONS = {
    "IRNA, monitored by the BBC in London, said Iran had seized several heights.": [
        ("IRNA", "said", "BBC")
    ],
    "The debris fell in a remote area, the Tuva government was quoted as saying "
    "late Thursday by the Interfax news agency.": [
        ("Tuva government", "quoted by", "Interfax news agency")
    ],
    "State news agency SANA quoted a military source as saying the attack failed.": [
        ("a military source", "quoted by", "State news agency SANA")
    ],
    "Siham Darwish, a spokeswoman for the SDF, told Reuters the handover was done.": [
        ("Siham Darwish, a spokeswoman for the SDF", "told Reuters", None)
    ],
    "Roscosmos said in a statement that the craft was lost.": [
        ("Roscosmos", "in a statement", None)
    ],
    "More families fled, according to the UN humanitarian office OCHA.": [
        ("UN humanitarian office OCHA", "according to", None)
    ],
    '"It has to be profitable," says Rudi Roeslein, a wealthy entrepreneur.': [
        ("Rudi Roeslein, a wealthy entrepreneur", "says", None)
    ],
}  # fmt: skip


@pytest.mark.parametrize(("sentence", "expected"), RELATIONS.items())
def test_attribution_says_how_and_through_whom(sentence: str, expected) -> None:
    found = sentence_citations(sentence, REGISTRY)
    assert [(c.description or c.outlet, c.how, c.via) for c in found] == expected
    assert not any(c.no_comment for c in found)


def test_passive_quote_by_an_agency_is_the_speaker_via_the_agency() -> None:
    (said,) = sentence_citations("Kaczurba said exports would fall.", REGISTRY)
    (quoted,) = sentence_citations(
        "He was quoted by PAP as saying that Poland would pay.", REGISTRY, (said,)
    )
    assert (quoted.description, quoted.how, quoted.via) == (
        "Kaczurba",
        "quoted by",
        "PAP",
    )


NON_ANSWERS = {
    "The U.S. military's Central Command (Centcom) did not immediately respond to an "
    "emailed request for comment.": ["centcom"],
    "Neither the Syrian defence ministry nor the SDF responded to requests for "
    "comment.": ["syria-mod", "sdf"],
    "Central Command declined to comment on the handover.": ["centcom"],
    "The ministry could not be reached for comment.": ["The ministry"],
    "There was no immediate comment from the Syrian defence ministry.": ["syria-mod"],
}


@pytest.mark.parametrize(("sentence", "asked"), NON_ANSWERS.items())
def test_non_answers_are_marked_as_no_comment(sentence: str, asked: list) -> None:
    found = sentence_citations(sentence, REGISTRY)
    assert [c.outlet_slug or c.outlet or c.description for c in found] == asked
    assert all(c.no_comment for c in found)


def test_anonymity_in_the_sentence_qualifies_its_source() -> None:
    (citation,) = sentence_citations(
        "The pullout began, said a military official who spoke on condition of "
        "anonymity because he was not authorized to brief reporters.",
        REGISTRY,
    )
    assert citation.anonymous and citation.description == "a military official"
    assert citation.qualifier == (
        "spoke on condition of anonymity because he was not authorized to brief "
        "reporters"
    )
