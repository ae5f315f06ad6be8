"""A wire story's date, agency and title, each from the most trusted place that has it.

Date: the date the format states (an NITF ``date.issue``, a page's published
time), a date line in the file ("date 2026-02-23"), then the dateline's "Feb 23"
with a year found elsewhere in the file, then ``--date``. Nothing is guessed: a
story with none of these is undated, with a warning.
Agency: the dateline's "(Reuters)", then a sign-off, then the agency the format
states, then an agency it names as the outlet, publisher or author.
Title: the headline the format states, then ``--title``, then words from the
lead. Which page metadata states these is the format reader's business
(``ingest.formats.html_meta`` for pages): this module reads ``Fields`` only.
"""

from __future__ import annotations

import re

from ingest.blocks import Fields
from ingest.datelines import NEWS_AGENCY
from ingest.dates import parse_date, stated_date
from ingest.model import PartialDate
from ingest.outlets import Outlet, OutletRegistry
from ingest.story_parts import StoryParts

TITLE_WORDS = 16  # a derived title longer than this loses its trailing phrases
MIN_TITLE_WORDS = 4
MAX_CLAUSE_WORDS = 40  # past this a clause with no phrase to drop is cut, with "…"
_CLAUSE_END = re.compile(r"[,;:]\s|\s[—–]\s|\s--\s")
# Words that open a phrase a clause can do without ("... 11 people | in eastern
# Syria | on Monday"): a derived title may end before one.
_PHRASE_OPENERS = frozenset(
    """in on at from after before near since during across along amid among
    around between following over under until within without as while when
    where which who whose because although though""".split()
)
Found = tuple[PartialDate | None, str | None]  # (date, where it was found)


def publication_date(
    parts: StoryParts,
    option: PartialDate | None,
    registry: OutletRegistry,
    stated: str | None = None,
) -> tuple[PartialDate | None, list[str]]:
    """The story's date and the warnings that explain it; ``stated`` is the
    date the format states."""
    warnings: list[str] = []
    date, where = stated_date(stated or ""), "the file's date field"
    if date is None:
        date, where = _file_date(parts)
    if date is None and parts.dateline and parts.dateline.date:
        date, where, warnings = _dateline_date(parts, registry)
    if date is not None:
        warnings += _disagreements(date, where, parts, option)
        return date, warnings
    if option is not None:
        return option, warnings
    return None, [*warnings, "no publication date found; stored as undated"]


def _file_date(parts: StoryParts) -> Found:
    if parts.dates:
        return parts.dates[0].date, f"the date line '{parts.dates[0].text}'"
    return None, None


def _dateline_date(
    parts: StoryParts, registry: OutletRegistry
) -> tuple[PartialDate | None, str | None, list[str]]:
    """The dateline's date; a missing year only from one stated in the file."""
    written = parts.dateline.date
    where = f"the dateline '{written}'"
    date = parse_date(written)
    if date is not None:
        return date, where, []
    years = _context_years(parts, registry)
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


def _context_years(parts: StoryParts, registry: OutletRegistry) -> dict[str, str]:
    """Years the file states beside the story: an agency's copyright."""
    years: dict[str, str] = {}
    for piece in parts.legal:
        if piece.year and _names_agency(piece.text, registry):
            years.setdefault(str(piece.year), f"'{piece.text}'")
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
    parts: StoryParts, registry: OutletRegistry, fields: Fields | None = None
) -> tuple[str | None, list[str]]:
    """The agency's short name ("Reuters", "AP"), with warnings on doubts."""
    fields = fields or Fields()
    named: list[tuple[str, str]] = []
    if parts.dateline and parts.dateline.agency:
        outlet = registry.lookup(parts.dateline.agency)
        named.append(
            (outlet.short if outlet else parts.dateline.agency, "the dateline")
        )
    named += [(outlet.short, "the sign-off") for outlet in parts.signoffs]
    if fields.agency:
        outlet = registry.lookup(fields.agency)
        named.append((outlet.short if outlet else fields.agency, "the file's agency"))
    stated = stated_agencies(fields, registry)
    if not named and not stated and (fields.outlet or fields.publisher):
        return None, []  # an outlet's own story: it has no agency
    named += [(outlet.short, where) for where, outlet in stated]
    if not named:
        return None, [
            "no agency found: looked for '(Reuters) -' in a dateline, a sign-off "
            "such as 'REUTERS', and the agency, outlet or author the file states"
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


def stated_agencies(
    fields: Fields, registry: OutletRegistry
) -> list[tuple[str, Outlet]]:
    """(where, agency) for each outlet, publisher or author the file states that
    is a news agency: an agency's own page, or a story credited to one."""
    found = []
    stated = [("outlet", fields.outlet), ("publisher", fields.publisher)]
    stated += [("author", author) for author in fields.authors]
    for where, name in stated:
        outlet = registry.lookup(re.sub(r"^by\s+", "", name or "", flags=re.I))
        if outlet is not None and outlet.kind == NEWS_AGENCY:
            found.append((f"the file's {where}", outlet))
    return found


def title(
    option: str | None, lead: str, stated: str | None = None
) -> tuple[str, bool, list[str]]:
    """(title, derived?, warnings): the stated headline, ``--title``, or the
    lead's words."""
    if stated and stated.strip():
        differs = option and option.strip() != stated.strip()
        note = [f"--title differs from the file's headline '{stated.strip()}'"]
        return stated.strip(), False, note if differs else []
    if option and option.strip():
        return option.strip(), False, []
    return derived_title(lead), True, []


def derived_title(lead: str) -> str:
    """A whole clause from the lead sentence, never a cut mid-phrase.

    The first clause (with the next ones while it is shorter than
    ``MIN_TITLE_WORDS`` words: "On Monday, ..."); if it is longer than
    ``TITLE_WORDS``, without the trailing phrases a clause can do without ("in
    eastern Syria", "on Monday"), cut before the word that opens one.
    """
    lead = lead.strip()
    ends = [match.start() for match in _CLAUSE_END.finditer(lead)] + [len(lead)]
    clause = next(
        (lead[:end] for end in ends if len(lead[:end].split()) >= MIN_TITLE_WORDS),
        lead,
    )
    words = clause.rstrip(".!?").split()
    if len(words) <= TITLE_WORDS:
        return " ".join(words)
    cut = _phrase_cut(words)
    if cut is not None:
        return " ".join(words[:cut])
    if len(words) <= MAX_CLAUSE_WORDS:
        return " ".join(words)
    return " ".join(words[:MAX_CLAUSE_WORDS]) + "…"


def _phrase_cut(words: list[str]) -> int | None:
    """The latest cut before a phrase opener leaving ``MIN_TITLE_WORDS`` to
    ``TITLE_WORDS`` words, none of them a dangling small word."""
    for cut in range(min(TITLE_WORDS, len(words) - 1), MIN_TITLE_WORDS - 1, -1):
        if words[cut] in _PHRASE_OPENERS and words[cut - 1].lower() not in (
            _PHRASE_OPENERS | {"a", "an", "the", "and", "or", "of", "to", "by"}
        ):
            return cut
    return None
