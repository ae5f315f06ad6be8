"""The reference writers, each read back by a real reader: rispy (RIS),
bibtexparser (BibTeX), citeproc-py rendering CSL-JSON in APA and Chicago."""

from __future__ import annotations

import json

import pytest

from archive.references import Reference, render
from archive.references.names import person
from tests.references_readers import (
    bibtex_names,
    read_bibtex,
    read_ris,
    render_csl,
)

REPORT = Reference(
    key="doc-2",
    kind="report",
    title="3.4. US-led coalition",
    authors=("European Union Agency for Asylum",),
    container="COI Report - Syria: Country Focus",
    publisher="European Union Agency for Asylum",
    date="2025-03",
    accessed="2026-12-06",
    url="https://archive.example/documents/2",
    note="Cite as: EUAA, '3.4. US-led coalition', March 2025.",
)
STORY = Reference(
    key="doc-1",
    kind="wire",
    title="U.S. forces withdraw from Qasrak & Ḥasakah: 50% {of} troops_left #1 ~ $2",
    authors=("Hogir Al Abdo", "Ghaith AlSayed"),
    container="The Associated Press",
    date="2026-02-23",
    url="https://example.org/story?a=1&b=50%25",
)
WEB = Reference(
    key="work-7",
    kind="web",
    title="A New Era in Syria",
    container="Institute for National Security Studies",
    date="2025",
    pages="12-14",
)


def test_ris_is_read_back_field_by_field() -> None:
    report, story, web = read_ris(render([REPORT, STORY, WEB], "ris"))
    assert report["type_of_reference"] == "RPRT"
    assert report["title"] == "3.4. US-led coalition"
    assert report["authors"] == ["European Union Agency for Asylum"]
    assert report["secondary_title"] == "COI Report - Syria: Country Focus"
    assert report["publisher"] == "European Union Agency for Asylum"
    assert report["year"] == "2025" and report["date"] == "2025/03//"
    assert report["access_date"] == "2026/12/06/"
    assert report["urls"] == ["https://archive.example/documents/2"]
    assert report["id"] == "doc-2"
    assert story["type_of_reference"] == "NEWS"
    assert story["authors"] == ["Al Abdo, Hogir", "AlSayed, Ghaith"]
    assert story["title"] == STORY.title
    assert story["date"] == "2026/02/23/"
    assert web["type_of_reference"] == "ELEC"
    assert web["start_page"] == "12-14"


def test_bibtex_is_read_back_with_special_characters_intact() -> None:
    entries = read_bibtex(render([REPORT, STORY, WEB], "bibtex"))
    report, story, web = entries["doc-2"], entries["doc-1"], entries["work-7"]
    assert report["ENTRYTYPE"] == "techreport"
    assert report["institution"] == "European Union Agency for Asylum"
    assert bibtex_names(report) == [("European Union Agency for Asylum", "")]
    assert report["year"] == "2025" and report["month"] == "mar"
    assert report["note"] == REPORT.note
    assert story["ENTRYTYPE"] == "article"
    assert story["title"] == STORY.title
    assert story["journal"] == "The Associated Press"
    assert bibtex_names(story) == [("Al Abdo", "Hogir"), ("AlSayed", "Ghaith")]
    assert story["url"] == STORY.url
    assert web["ENTRYTYPE"] == "misc" and web["howpublished"] == WEB.container


def test_bibtex_writes_a_caret_and_a_backslash_as_latex_commands() -> None:
    """(pylatexenc reads ``\\textasciicircum{}`` back as U+02C6, so the raw
    text is checked.)"""
    caret = Reference(key="x", kind="web", title="2^3 \\ 4")
    assert r"title = {2\textasciicircum{}3 \textbackslash{} 4}" in (
        render([caret], "bibtex")
    )


def test_csljson_renders_in_apa_and_chicago() -> None:
    text = render([REPORT, STORY], "csljson")
    items = json.loads(text)
    assert [i["type"] for i in items] == ["report", "article-newspaper"]
    assert items[1]["author"][0] == {"family": "Al Abdo", "given": "Hogir"}
    assert items[0]["author"] == [{"literal": "European Union Agency for Asylum"}]
    assert items[0]["issued"] == {"date-parts": [[2025, 3]]}
    apa = render_csl(text, "apa")
    assert apa[0].startswith(
        "European Union Agency for Asylum. (2025). 3.4. US-led coalition."
    )
    assert apa[1].startswith("Al Abdo, H., & AlSayed, G. (2026, February 23).")
    chicago = render_csl(text, "chicago-author-date")
    assert chicago[0].startswith("European Union Agency for Asylum. 2025.")
    assert chicago[1].startswith("Al Abdo, H., and G. AlSayed. 2026. “U.S. Forces")


@pytest.mark.parametrize(
    ("name", "split"),
    [
        ("Hogir Al Abdo", ("Al Abdo", "Hogir")),
        ("Qassim Abdul-Zahra", ("Abdul-Zahra", "Qassim")),
        ("Ludwig van Beethoven", ("van Beethoven", "Ludwig")),
        ("European Union Agency for Asylum", None),
        ("Human Rights Watch", None),
        ("UNHCR", None),
        ("HOGIR AL ABDO", None),
        ("Reuters", None),
    ],
)
def test_people_are_split_and_organisations_kept_whole(name, split) -> None:
    assert person(name) == split
