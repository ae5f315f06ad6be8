"""A report section written out as the ingester meets it in the wild.

``text``: the EUAA text export ("Please cite as", ``[537](#)`` markers, a
``- [537](#)`` footnote list, a © footer). ``markdown``: ``# Title``, a
"Suggested citation" line and ``[^n]`` footnotes. ``html``: citation metadata,
``<sup><a href="#fnN">`` markers and an ``<ol start=N>`` endnote list in a
``section class="endnotes"``.
"""

from __future__ import annotations

from html import escape

from bench.reports import Block, ReportPlan, Section, Sentence
from bench.works import Work

PUBLISHERS = {
    # short name: (full name, format, footer)
    "EUAA": (
        "European Union Agency for Asylum",
        "text",
        "© European Union Agency for Asylum {y} | Email: info@euaa.europa.eu",
    ),
    "UK Home Office": ("UK Home Office", "markdown", "© Crown copyright {y}"),
    "ACCORD": (
        "Austrian Centre for Country of Origin and Asylum Research and Documentation",
        "html",
        "© Austrian Red Cross/ACCORD {y} | Email: accord@redcross.at",
    ),
    "Danish Immigration Service": (
        "Danish Immigration Service",
        "html",
        "© Danish Immigration Service {y}",
    ),
    "Landinfo": ("Landinfo", "markdown", "© Landinfo {y}"),
}
SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}
# Headings each format adds above the blocks: the section's, and the report title.
HEADINGS = {"text": 1, "markdown": 2, "html": 2}


def report_title(plan: ReportPlan) -> str:
    if plan.publisher == "EUAA":
        return f"COI Report - {plan.country}: {plan.topic} ({plan.title_date})"
    if plan.publisher == "UK Home Office":
        return (
            f"Country Policy and Information Note: {plan.country} – {plan.topic}, "
            f"{plan.title_date}"
        )
    return f"{plan.country}: {plan.topic} ({plan.title_date})"


def render(plan: ReportPlan, section: Section) -> str:
    fmt = PUBLISHERS[plan.publisher][1]
    return {"text": _text, "markdown": _markdown, "html": _html}[fmt](plan, section)


# --- the EUAA text export ---------------------------------------------------------


def _text(plan: ReportPlan, section: Section) -> str:
    title = f"{section.number}. {section.heading}"
    lines = [
        "",
        f"Please cite as: EUAA, '[{title}](#)' in *{report_title(plan)}*, "
        f"{plan.title_date}.",
        title,
    ]
    for block in section.blocks:
        if block.kind == "heading":
            lines.append(block.text)
        elif block.kind == "list":
            lines.append("\n".join(f"- {_runs(s, _text_mark)}" for s in block.items))
        else:
            lines.append(" ".join(_runs(s, _text_mark) for s in block.sentences))
    for note in section.notes:
        lines.append(f"- [{note.label}](#)")
        joiner = ";\n" if len(note.citations) > 2 else "; "
        lines.append(joiner.join(_cited(c, "[url](#)") for c in note.citations))
    lines.append(_footer(plan))
    return "\n\n".join(lines) + "\n"


def _text_mark(label: str) -> str:
    return f"[{label}](#)"


# --- Markdown ---------------------------------------------------------------------


def _markdown(plan: ReportPlan, section: Section) -> str:
    title = report_title(plan)
    lines = [
        f"# {title}",
        f"Suggested citation: {plan.publisher}, '{section.heading}' in *{title}*, "
        f"{plan.title_date}.",
        f"## {section.number} {section.heading}",
    ]
    for block in section.blocks:
        if block.kind == "heading":
            lines.append(f"### {block.text.rstrip('.')}")
        elif block.kind == "list":
            lines.append("\n".join(f"- {_runs(s, _md_mark)}" for s in block.items))
        else:
            lines.append(" ".join(_runs(s, _md_mark) for s in block.sentences))
    notes = [
        f"[^{n.label}]: " + "; ".join(_cited(c, _url(c)) for c in n.citations)
        for n in section.notes
    ]
    lines.append("\n".join(notes))
    lines.append(_footer(plan))
    return "\n\n".join(lines) + "\n"


def _url(cited: Work | str) -> str:
    return cited.url if isinstance(cited, Work) else ""


def _md_mark(label: str) -> str:
    return f"[^{label}]"


# --- HTML -------------------------------------------------------------------------


def _html(plan: ReportPlan, section: Section) -> str:
    full = PUBLISHERS[plan.publisher][0]
    title = escape(report_title(plan))
    date = f"{plan.year}/{plan.month:02d}/15"
    body = [f"<h2>{section.number} {escape(section.heading)}</h2>"]
    body += [_html_block(block) for block in section.blocks]
    start = section.notes[0].label
    items = [
        f'<li id="fn{n.label}">'
        + "; ".join(_cited(c, _html_link(c), html=True) for c in n.citations)
        + f' <a href="#ref{n.label}">↑</a></li>'
        for n in section.notes
    ]
    return "\n".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
            f"<title>{title} – {escape(plan.publisher)}</title>",
            f'<meta name="citation_title" content="{title}">',
            f'<meta name="citation_publisher" content="{escape(full)}">',
            f'<meta name="citation_publication_date" content="{date}">',
            "</head>\n<body>",
            '<nav><a href="/">Home</a> | <a href="/reports">Reports</a></nav>',
            f"<main>\n<h1>{title}</h1>",
            *body,
            '<section class="endnotes">\n<h2>Endnotes</h2>',
            f'<ol start="{start}">',
            *items,
            "</ol>\n</section>\n</main>",
            f"<footer><p>{escape(_footer(plan))}</p></footer>",
            "</body>\n</html>\n",
        ]
    )


def _html_block(block: Block) -> str:
    if block.kind == "heading":
        return f"<h3>{escape(block.text.rstrip('.'))}</h3>"
    if block.kind == "list":
        items = "".join(f"<li>{_runs(s, _html_mark, True)}</li>" for s in block.items)
        return f"<ul>{items}</ul>"
    return (
        "<p>" + " ".join(_runs(s, _html_mark, True) for s in block.sentences) + "</p>"
    )


def _html_mark(label: str) -> str:
    return f'<sup><a href="#fn{label}">{label}</a></sup>'


def _html_link(cited: Work | str) -> str:
    if isinstance(cited, str):
        return ""
    return f'<a href="{escape(cited.url)}">url</a>'


# --- shared -----------------------------------------------------------------------


def _runs(sentence: Sentence, mark, html: bool = False) -> str:
    return "".join(
        (escape(text) if html else text) + (mark(label) if label else "")
        for text, label in sentence
    )


def _cited(cited: Work | str, url: str, html: bool = False) -> str:
    if isinstance(cited, str):
        return cited
    outlet = escape(cited.outlet) if html else cited.outlet
    title = escape(cited.title) if html else cited.title
    parts = [outlet, title, cited.date]
    if url:
        parts.append(url)
    return ", ".join(parts)


def _footer(plan: ReportPlan) -> str:
    return PUBLISHERS[plan.publisher][2].format(y=plan.year)
