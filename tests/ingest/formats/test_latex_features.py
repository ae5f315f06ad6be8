"""What the LaTeX reader makes of each construct, on small sources."""

from __future__ import annotations

import pytest

from ingest.blocks import Block, Fields, Link, Mark
from ingest.formats import latex


def read(source: str) -> tuple[Block, ...]:
    return latex.read("doc.tex", source.encode()).blocks


def texts(source: str) -> list[str]:
    return [block.text for block in read(source)]


def labels(source: str) -> tuple[list[str], list[str]]:
    blocks = read(source)
    marks = [m.label for b in blocks if b.kind != "note" for m in b.marks]
    notes = [b.label for b in blocks if b.kind == "note"]
    return marks, notes


def test_footnote_with_nested_braces_and_paragraphs_is_one_note() -> None:
    blocks = read(
        "The claim.\\footnote{First {\\em inner {deep}} part.\n\n"
        "Second paragraph.} Then more.\n"
    )
    assert blocks == (
        Block("paragraph", "The claim. Then more.", marks=(Mark("1", 10),)),
        Block(
            "note",
            "First inner deep part. Second paragraph.",
            label="1",
            emphasis=blocks[1].emphasis,
        ),
    )


def test_footnotes_are_numbered_by_latex_counter() -> None:
    source = (
        "A.\\footnote{one} B.\\footnote{two}\n"
        "\\setcounter{footnote}{9}C.\\footnote{ten}\n"
        "\\addtocounter{footnote}{5}D.\\footnote{sixteen}\n"
        "E.\\footnote[40]{forty, the count unchanged} F.\\footnote{seventeen}\n"
    )
    assert labels(source) == (["1", "2", "10", "16", "40", "17"],) * 2


def test_footnotemark_and_footnotetext_pair_up() -> None:
    source = (
        "\\begin{itemize}\\item In a box.\\footnotemark\\end{itemize}\n"
        "\\footnotetext{the note for the box}\n"
        "Named.\\footnotemark[7] \\footnotetext[7]{seven}\n"
    )
    blocks = read(source)
    assert labels(source) == (["1", "7"], ["1", "7"])
    notes = {b.label: b.text for b in blocks if b.kind == "note"}
    assert notes == {"1": "the note for the box", "7": "seven"}


def test_a_printed_number_in_the_comment_before_a_note_is_its_label() -> None:
    source = (
        "First.% 109\n\\footnote{a}\nSecond.%110\n  \\footnote{b}\n"
        "Third.\\footnote{c}\n% just a remark\nFourth.\\footnote{d}\n"
    )
    assert labels(source) == (["109", "110", "111", "112"],) * 2


def test_a_number_comment_not_right_before_a_note_is_ignored() -> None:
    assert labels("Text % 50\nmore.\\footnote{a}")[0] == ["1"]


def test_headings_with_levels_from_the_highest_used() -> None:
    source = (
        "\\chapter{One}\n\\section*{Two}\n\\subsection[short]{Three long}\n"
        "\\paragraph{Four} Run-in text.\n"
    )
    assert [(b.kind, b.level, b.text) for b in read(source)] == [
        ("heading", 1, "One"),
        ("heading", 2, "Two"),
        ("heading", 3, "Three long"),
        ("heading", 4, "Four"),
        ("paragraph", None, "Run-in text."),
    ]


def test_lists_give_list_items_numbered_when_enumerated() -> None:
    source = (
        "Intro:\n\\begin{itemize}\n  \\item One\n  \\item Two\n\\end{itemize}\n"
        "\\begin{enumerate}\\item First \\item[b)] Second\\end{enumerate}\nAfter."
    )
    assert [(b.kind, b.label, b.text) for b in read(source)] == [
        ("paragraph", None, "Intro:"),
        ("list_item", None, "One"),
        ("list_item", None, "Two"),
        ("list_item", "1", "First"),
        ("list_item", "2", "b) Second"),
        ("paragraph", None, "After."),
    ]


def test_paragraphs_split_at_blank_lines_and_comments_are_dropped() -> None:
    source = "One line\nstill one. % a remark\n\n  \nTwo.%\n\nThree."
    assert texts(source) == ["One line still one.", "Two.", "Three."]


def test_typography_becomes_unicode() -> None:
    source = (
        "``Quoted,'' 1990--91 --- M{\\\"u}ller, \\'el\\`eve, Fran\\c{c}ois, "
        '\\v{S}koda, na\\"\\i ve, Stra\\ss e, 18~U.S.C. \\S\\S~1030, \\P~12, '
        "50\\% \\& \\$5 \\#1 a\\_b, \\dots"
    )
    assert texts(source) == [
        "“Quoted,” 1990–91 — Müller, élève, François, Škoda, naïve, Straße, "
        "18 U.S.C. §§ 1030, ¶ 12, 50% & $5 #1 a_b, …"
    ]


def test_emphasis_macros_give_their_text_and_spans() -> None:
    (block,) = read("See \\textit{Id.}, \\emph{a} and \\textbf{b} {\\em c} here.")
    assert block.text == "See Id., a and b c here."
    assert [block.text[e.start : e.end] for e in block.emphasis] == [
        "Id.",
        "a",
        "b",
        "c",
    ]


def test_url_and_href_give_text_and_links() -> None:
    (block,) = read(
        "At \\url{https://ex.org/a%20b#c_d} and \\href{https://ex.org/?q=1&r=2}"
        "{the \\emph{site}}; \\href{https://ex.org/x\\#y}{z}."
    )
    assert block.text == "At https://ex.org/a%20b#c_d and the site; z."
    assert block.links == (
        Link("https://ex.org/a%20b#c_d", "https://ex.org/a%20b#c_d", 3, 27),
        Link("the site", "https://ex.org/?q=1&r=2", 32, 40),
        Link("z", "https://ex.org/x#y", 42, 43),
    )


def test_unknown_macros_keep_their_argument_text_not_their_name() -> None:
    source = (
        "The \\textsc{UN} said \\mycustom{this} and \\UseVerb{handle} "
        "(\\hyperlink{sec.1}{Section~V}; \\foo\\ bar)."
    )
    assert texts(source) == ["The UN said this and handle (Section V; bar)."]


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("A \\blackout{Personal Privacy} b.", "A [redacted: Personal Privacy] b."),
        ("A \\blackout{HOM: Lorem ipsum dolor sit amet} b.", "A [redacted: HOM] b."),
        ("A \\redacted{the secret name} b.", "A [redacted] b."),
        ("A [\\protect\\censor{Grand Jury}] b.", "A [redacted: Grand Jury] b."),
        ("A \\blackout{" + "word " * 30 + "} b.", "A [redacted] b."),
    ],
)
def test_redactions_are_shown_as_redacted_not_read_as_prose(source, text) -> None:
    assert texts(source) == [text]


def test_preamble_figures_toc_and_inputs_are_not_text() -> None:
    source = (
        "\\documentclass{article}\n\\usepackage{hyperref}\n"
        "\\newcommand{\\x}{Macro body}\n\\title{The Title}\n"
        "\\begin{document}\n\\maketitle\n\\tableofcontents\n\\input{chapter1}\n"
        "\\begin{figure}\\includegraphics{a.png}\\caption{A figure}\\end{figure}\n"
        "Body text.\\label{x}\n\\begin{tabular}{ll} a & b \\\\ \\end{tabular}\n"
        "\\end{document}\nAfter the end."
    )
    assert texts(source) == ["Body text."]


def test_title_authors_and_date_become_fields() -> None:
    source = (
        "\\documentclass{report}\n\\title{Country Focus: \\emph{Syria}}\n"
        "\\author{Ann Smith\\thanks{Analyst.} \\\\ Some Institute \\and "
        "Jos\\'e P\\'erez}\n\\date{3 March 2021}\n\\begin{document}\nText.\n"
        "\\end{document}\n"
    )
    assert latex.read("r.tex", source.encode()).fields == Fields(
        title="Country Focus: Syria",
        date="3 March 2021",
        authors=("Ann Smith", "José Pérez"),
    )


def test_date_today_is_no_date() -> None:
    source = "\\title{T}\\date{\\today}\\begin{document}x\\end{document}"
    assert latex.read("r.tex", source.encode()).fields.date is None


def test_a_declared_latin1_source_is_decoded() -> None:
    source = "\\usepackage[latin1]{inputenc}\n\\begin{document}Caf\xe9.\\end{document}"
    assert latex.read("r.tex", source.encode("latin-1")).blocks[0].text == "Café."


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("report.tex", b"anything", 0.9),
        ("report.latex", b"", 0.9),
        ("paper", b"%% comment\n\\documentclass[12pt]{article}\n", 0.85),
        ("notes.txt", b"Some \\footnote{x} and\n\\section{A}\n", 0.5),
        ("page.html", b"<html><p>\\begin{aligned}x\\end{aligned}</p>", None),
        ("plain.txt", b"No LaTeX here at all.", None),
    ],
)
def test_sniff(name: str, head: bytes, expected: float | None) -> None:
    assert latex.sniff(name, head) == expected


def test_definitions_and_layout_settings_are_not_text() -> None:
    source = (
        "\\def\\censordot{.}\\let\\oldurl\\url \\pagestyle{fancy}\n"
        "\\cftsetrmarg{2.55em plus 1fil}\\setlength{\\parskip}{1em}\n"
        "\\newenvironment{tight}{\\begin{list}{}{}}{\\end{list}}\n"
        "Only this."
    )
    assert texts(source) == ["Only this."]


def test_macros_that_print_their_last_argument() -> None:
    source = (
        "Called \\foreignlanguage{russian}{активные мероприятия} in "
        "\\textcolor{red}{red} \\texorpdfstring{\\emph{T}}{T-pdf}."
    )
    assert texts(source) == ["Called активные мероприятия in red T."]


def test_saved_verbatim_text_is_used_and_unknown_names_read_as_written() -> None:
    source = (
        "\\SaveVerb{CEX}|cex.io| Paid on \\UseVerb{CEX}; \\UseVerb{atWikiLeaks}; "
        "\\verb|a{b%c|."
    )
    assert texts(source) == ["Paid on cex.io; atWikiLeaks; a{b%c."]


def test_note_in_a_heading_and_quote_keeps_its_marker() -> None:
    blocks = read(
        "\\section{Intro\\footnote{On the heading.}}\n"
        "\\begin{quote}Quoted.\\footnote{On the quote.}\\end{quote}"
    )
    assert [(b.kind, b.text, [m.label for m in b.marks]) for b in blocks] == [
        ("heading", "Intro", ["1"]),
        ("paragraph", "Quoted.", ["2"]),
        ("note", "On the heading.", []),
        ("note", "On the quote.", []),
    ]


def test_a_heading_inside_a_note_stays_in_the_note() -> None:
    blocks = read("Text.\\footnote{\\paragraph{Sources} First, second.} More.")
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Text. More."),
        ("note", "Sources First, second."),
    ]


def test_an_empty_optional_number_falls_back_to_the_counter() -> None:
    assert labels("A.\\footnote[]{x} B.\\footnote{y}") == (["1", "2"],) * 2


def test_nothing_after_end_document_is_read() -> None:
    source = (
        "\\begin{document}\nText.\n% \\end{document} in a comment\nMore.\n"
        "\\end{document}\nOld draft } with { junk \\end{document}\n"
    )
    assert texts(source) == ["Text. More."]


def test_front_matter_of_article_classes_is_not_text() -> None:
    source = (
        "\\author{Ann Lee\\inst{1}}\n\\institute{Some Lab \\email{a@b.org}}\n"
        "\\affiliation{Univ}\\address{Street 1}\\begin{document}\\maketitle\n"
        "Body.\\end{document}"
    )
    content = latex.read("a.tex", source.encode())
    assert [b.text for b in content.blocks] == ["Body."]
    assert content.fields.authors == ("Ann Lee",)


NO_ARGUMENTS = {"maketitle", "tableofcontents", "listoffigures", "listoftables"}
NO_ARGUMENTS |= {"hskip", "vskip"}


def test_every_macro_the_reader_names_has_its_arguments_declared() -> None:
    """GIVEN the macros whose arguments the reader drops or keeps by name,
    THEN the parser knows their arguments, or they would be read as text."""
    from ingest.formats import latex_macros, latex_syntax

    named = (
        latex_macros.DROPPED
        | latex_macros.REFERENCES
        | latex_macros.LAST_ARGUMENT
        | latex_macros.FIRST_ARGUMENT
        | latex_macros.EMPHASIS
        | set(latex_macros.REDACTIONS)
        | set(latex_macros.HEADINGS)
    ) - NO_ARGUMENTS
    db = latex_syntax.context_db()
    assert sorted(name for name in named if db.get_macro_spec(name) is None) == []
