"""A wire story's date, agency and title, each from the most trusted place that has it.

Date: the date the format states (an NITF ``date.issue``), a date line in the
file ("date 2026-02-23"), then HTML metadata, then the dateline's "Feb 23" with
a year found elsewhere in the file, then ``--date``. Nothing is guessed: a story
with none of these is undated, with a warning.
Agency: the dateline's "(Reuters)", then a sign-off, then the agency the format
states, then page metadata.
Title: the headline the format states, the page's headline, then ``--title``,
then words from the lead.
"""

from __future__ import annotations

import re

from ingest.blocks import Fields
from ingest.datelines import NEWS_AGENCY
from ingest.dates import parse_date, stated_date
from ingest.model import PartialDate
from ingest.outlets import Outlet, OutletRegistry
from ingest.story_parts import StoryParts

META_DATE_KEYS = (
    "article:published_time", "ld:datePublished", "date", "dc.date",
    "dcterms.created", "citation_publication_date", "parsely-pub-date",
    "publish-date", "pubdate", "sailthru.date", "time",
)  # fmt: skip
META_YEAR_KEYS = ("article:modified_time", "ld:dateModified")
META_AGENCY_KEYS = ("og:site_name", "ld:publisher", "author", "byl")
META_TITLE_KEYS = ("h1", "og:title", "ld:headline", "title")
TITLE_WORDS = 12
_TRAILING_SMALL_WORDS = re.compile(
    r"(?:\s+(?:a|an|the|of|in|on|at|to|for|from|by|with|and|or|but|as|its|their))+$",
    re.IGNORECASE,
)
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—]\s+")
Found = tuple[PartialDate | None, str | None]  # (date, where it was found)


def publication_date(
    parts: StoryParts,
    meta: dict[str, str],
    option: PartialDate | None,
    registry: OutletRegistry,
    stated: str | None = None,
) -> tuple[PartialDate | None, list[str]]:
    """The story's date and the warnings that explain it; ``stated`` is the
    date the format states."""
    warnings: list[str] = []
    date, where = stated_date(stated or ""), "the file's date field"
    if date is None:
        date, where = _file_date(parts, meta)
    if date is None and parts.dateline and parts.dateline.date:
        date, where, warnings = _dateline_date(parts, meta, registry)
    if date is not None:
        warnings += _disagreements(date, where, parts, option)
        return date, warnings
    if option is not None:
        return option, warnings
    return None, [*warnings, "no publication date found; stored as undated"]


def _file_date(parts: StoryParts, meta: dict[str, str]) -> Found:
    if parts.dates:
        return parts.dates[0].date, f"the date line '{parts.dates[0].text}'"
    for key in META_DATE_KEYS:
        date = stated_date(meta.get(key, ""))
        if date is not None:
            return date, f"the page's {key} metadata"
    return None, None


def _dateline_date(
    parts: StoryParts, meta: dict[str, str], registry: OutletRegistry
) -> tuple[PartialDate | None, str | None, list[str]]:
    """The dateline's date; a missing year only from one stated in the file."""
    written = parts.dateline.date
    where = f"the dateline '{written}'"
    date = parse_date(written)
    if date is not None:
        return date, where, []
    years = _context_years(parts, meta, registry)
    if len(years) != 1:
        seen = f" (it names {', '.join(sorted(years))})" if years else ""
        return (
            None,
            None,
            [
                f"the dateline gives '{written}' without a year and the file has no "
                f"single year to go with it{seen}"
            ],
        )
    ((year, source),) = years.items()
    date = parse_date(written, default_year=int(year))
    return (
        date,
        where,
        [f"the dateline gives '{written}' without a year; {year} is from {source}"],
    )


def _context_years(
    parts: StoryParts, meta: dict[str, str], registry: OutletRegistry
) -> dict[str, str]:
    """Years the file states beside the story: an agency's copyright, page metadata."""
    years: dict[str, str] = {}
    for piece in parts.legal:
        if piece.year and _names_agency(piece.text, registry):
            years.setdefault(str(piece.year), f"'{piece.text}'")
    for key in META_YEAR_KEYS:
        date = stated_date(meta.get(key, ""))
        if date is not None:
            years.setdefault(str(date.year), f"the page's {key} metadata")
    return years


def _names_agency(text: str, registry: OutletRegistry) -> bool:
    words = re.findall(r"[\w&.'-]+", text)
    return any(
        (outlet := registry.lookup(" ".join(words[i : i + n]))) is not None
        and outlet.kind == NEWS_AGENCY
        for n in (1, 2, 3)
        for i in range(len(words) - n + 1)
    )


def _disagreements(
    date: PartialDate, where: str | None, parts: StoryParts, option: PartialDate | None
) -> list[str]:
    warnings = []
    if parts.dateline and parts.dateline.date:
        said = parse_date(parts.dateline.date, default_year=date.year)
        if said and (said.month, said.day) != (date.month, date.day):
            warnings.append(
                f"the dateline says '{parts.dateline.date}' but {where} gives "
                f"{date.isoformat()}; kept {date.isoformat()}"
            )
    if option is not None and option != date:
        warnings.append(
            f"--date {option.isoformat()} differs from {where} ({date.isoformat()}); "
            "kept the file's date"
        )
    return warnings


def agency(
    parts: StoryParts,
    meta: dict[str, str],
    registry: OutletRegistry,
    fields: Fields | None = None,
) -> tuple[str | None, list[str]]:
    """The agency's short name ("Reuters", "AP"), with warnings on doubts."""
    named: list[tuple[str, str]] = []
    if parts.dateline and parts.dateline.agency:
        outlet = registry.lookup(parts.dateline.agency)
        named.append(
            (outlet.short if outlet else parts.dateline.agency, "the dateline")
        )
    named += [(outlet.short, "the sign-off") for outlet in parts.signoffs]
    if fields is not None and fields.agency:
        outlet = registry.lookup(fields.agency)
        named.append((outlet.short if outlet else fields.agency, "the file's agency"))
    if not named and fields is not None and (fields.outlet or fields.publisher):
        own = registry.lookup(fields.outlet or fields.publisher or "")
        if own is None or own.kind != NEWS_AGENCY:  # not an agency's own page
            return None, []  # an outlet's own story: it has no agency
    named += [
        (outlet.short, f"the page's {key}")
        for key, outlet in meta_agencies(meta, registry)
    ]
    if not named:
        return None, [
            "no agency found: looked for '(Reuters) -' in a dateline, a sign-off "
            "such as 'REUTERS', and page metadata"
        ]
    chosen, where = named[0]
    warnings = []
    if where == "the dateline" and registry.lookup(chosen) is None:
        warnings.append(f"agency '{chosen}' in the dateline is not a known outlet")
    for other, other_where in named[1:]:
        if other != chosen:
            warnings.append(
                f"{where} names {chosen} but {other_where} names {other}; kept {chosen}"
            )
            break
    return chosen, warnings


def meta_agencies(
    meta: dict[str, str], registry: OutletRegistry
) -> list[tuple[str, Outlet]]:
    """(key, agency) for each metadata field that names a news agency."""
    found = []
    for key in META_AGENCY_KEYS:
        outlet = registry.lookup(re.sub(r"^by\s+", "", meta.get(key, ""), flags=re.I))
        if outlet is not None and outlet.kind == NEWS_AGENCY:
            found.append((key, outlet))
    return found


def title(
    meta: dict[str, str], option: str | None, lead: str, stated: str | None = None
) -> tuple[str, bool, list[str]]:
    """(title, derived?, warnings): the stated headline, the page's, ``--title``,
    or the lead's words."""
    if stated and stated.strip():
        differs = option and option.strip() != stated.strip()
        note = [f"--title differs from the file's headline '{stated.strip()}'"]
        return stated.strip(), False, note if differs else []
    sites = _site_names(meta)
    for key in META_TITLE_KEYS:
        value = meta.get(key, "").strip()
        if key == "title":
            value = _without_site_name(value, sites)
        if value and value.casefold() not in sites:
            differs = option and option.strip() != value
            note = [f"--title differs from the page's {key} '{value}'; kept the page's"]
            return value, False, note if differs else []
    if option and option.strip():
        return option.strip(), False, []
    return derived_title(lead), True, []


def _site_names(meta: dict[str, str]) -> set[str]:
    names = {meta.get("og:site_name", ""), meta.get("ld:publisher", "")}
    return {name.strip().casefold() for name in names} - {""}


def _without_site_name(value: str, sites: set[str]) -> str:
    """The page title without the site's name after a bar or dash."""
    parts = _TITLE_SEPARATOR.split(value)
    if len(parts) > 1 and parts[-1].strip().casefold() in sites:
        return " - ".join(parts[:-1]).strip()
    return value


def derived_title(lead: str) -> str:
    """The lead sentence's first clause, or its first words cut at a word boundary."""
    clause = re.split(r"[,;:]\s", lead.strip(), maxsplit=1)[0].rstrip(".!?")
    words = clause.split()
    if 4 <= len(words) <= TITLE_WORDS:
        return clause
    words = lead.split()[: TITLE_WORDS - 2]
    cut = _TRAILING_SMALL_WORDS.sub("", " ".join(words)).rstrip(",;:.")
    return f"{cut}…" if len(words) < len(lead.split()) else cut
