"""Citation templates (``{{cite news}}``, ``{{cite web}}``, ``{{citation}}`` ...).

A template states a cited work field by field; ``read_citation`` reads those
fields into a ``Work`` and writes the citation roughly as Wikipedia shows
it (Authors (date). "Title". Outlet. Publisher. Retrieved accessed.), so that
the note reads well on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from ingest.blocks import Work

_OUTLET = ("work", "newspaper", "website", "journal", "magazine", "periodical")
_OUTLET_MORE = ("encyclopedia", "encyclopaedia", "series")
_DATE = ("date", "publication-date", "publicationdate")
_ACCESSED = ("access-date", "accessdate")
_PAGES = ("pages", "page", "at")
_QUOTED_KINDS = {"news", "web", "journal", "magazine", "press release", "episode"}
_SPACES = re.compile(r"\s+")
# Bold and italic quotes stay in the parsed text (the parser skips style tags,
# as its reading of them breaks templates); "''Star'''s" reads as "Star's".
_POSSESSIVE = re.compile(r"'{3,4}(?=s\b)")
_STYLE_QUOTES = re.compile(r"'{2,}")


def without_style_quotes(text: str) -> str:
    if "''" not in text:
        return text
    return _STYLE_QUOTES.sub("", _POSSESSIVE.sub("'", text))


def plain_text(code: Wikicode) -> str:
    """``code`` as plain text: link labels kept, templates and markup dropped."""
    return _SPACES.sub(" ", without_style_quotes(code.strip_code())).strip()


def template_name(template: Template) -> str:
    """The template's name as one compares names: lower case, one space."""
    name = str(template.name).replace("_", " ")
    return _SPACES.sub(" ", name).strip().lower()


def is_citation(name: str) -> bool:
    return name == "citation" or name.startswith(("cite ", "cite-")) or name == "cite"


@dataclass(frozen=True, slots=True)
class Citation:
    """A citation template read: its work, its text, where its title stands."""

    work: Work
    text: str
    title_span: tuple[int, int] | None


def read_citation(template: Template) -> Citation:
    fields = _fields(template)
    work = _work(template_name(template), fields)
    text, span = _display(work, fields)
    return Citation(work, text, span)


def _work(name: str, fields: dict[str, str]) -> Work:
    kind = name[5:].strip() if name.startswith("cite") and len(name) > 5 else None
    date = _first(fields, _DATE)
    if date is None and "year" in fields:
        date = " ".join(filter(None, (fields.get("month"), fields["year"])))
    return Work(
        title=fields.get("title") or fields.get("chapter"),
        outlet=_first(fields, _OUTLET + _OUTLET_MORE),
        publisher=fields.get("publisher"),
        agency=fields.get("agency"),
        authors=_authors(fields),
        date=date,
        accessed=_first(fields, _ACCESSED),
        url=fields.get("url") or fields.get("chapter-url"),
        pages=_first(fields, _PAGES),
        kind=kind or name,
    )


def _display(work: Work, fields: dict[str, str]) -> tuple[str, tuple[int, int] | None]:
    """The citation as a reader sees it, and where its title stands in that text."""
    place = fields.get("location") or fields.get("place")
    head = "; ".join(work.authors)
    if head and work.date:
        head += f" ({work.date})"
    quoted = work.kind in _QUOTED_KINDS or bool(work.outlet)
    title = f'"{work.title}"' if work.title and quoted else work.title
    parts = [
        head,
        title,
        work.outlet,
        f"{place}: {work.publisher}" if place and work.publisher else place,
        None if place else work.publisher,
        work.agency,
        None if work.authors else work.date,
        _volume_and_pages(work, fields),
        f"ISBN {fields['isbn']}" if "isbn" in fields else None,
        f"doi:{fields['doi']}" if "doi" in fields else None,
        f"Retrieved {work.accessed}" if work.accessed else None,
    ]
    text, span = "", None
    for index, part in enumerate(parts):
        if not part:
            continue
        if text:
            text += ". "
        if index == 1:
            start = len(text) + (1 if quoted else 0)
            span = (start, start + len(work.title or ""))
        text += part if index == 1 else part.rstrip(".")
    return (text + "." if text else text), span


def _volume_and_pages(work: Work, fields: dict[str, str]) -> str | None:
    """ "5 (2): 1–9" for a journal's volume, issue and pages; "p. 14" alone."""
    pages = work.pages
    if pages and "page" in fields and pages == fields["page"]:
        pages = f"p. {pages}"
    volume = fields.get("volume")
    if not volume:
        return pages
    issue = f" ({fields['issue']})" if "issue" in fields else ""
    return f"{volume}{issue}" + (f": {work.pages}" if work.pages else "")


def _fields(template: Template) -> dict[str, str]:
    """The named parameters with a value, as plain text (markup removed)."""
    fields: dict[str, str] = {}
    for param in template.params:
        if not param.showkey:
            continue
        key = _SPACES.sub(" ", str(param.name)).strip().lower().replace("_", "-")
        value = plain_text(param.value)
        if value and key not in fields:
            fields[key] = value
    return fields


def _first(fields: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((fields[key] for key in keys if key in fields), None)


def _authors(fields: dict[str, str]) -> tuple[str, ...]:
    """Authors as the template gives them: "Last, First", or as written."""
    names: list[str] = []
    for number in ("", *map(str, range(1, 10))):
        last = _first(fields, (f"last{number}", f"surname{number}", f"last-{number}"))
        first = _first(fields, (f"first{number}", f"given{number}", f"first-{number}"))
        author = _first(fields, (f"author{number}", f"author-{number}"))
        if last:
            names.append(f"{last}, {first}" if first else last)
        elif author:
            names.append(author)
    for key in ("authors", "vauthors"):
        if key in fields and not names:
            listed = fields[key]
            separator = ";" if ";" in listed else ","
            names.extend(n.strip() for n in listed.split(separator) if n.strip())
    return tuple(dict.fromkeys(names))
