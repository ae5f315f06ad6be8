"""Wire stories: dateline, agency, byline, boilerplate, and who said what.

Works on neutral blocks only. ``story_parts`` sorts the blocks into the story
text and what surrounds it (rules in ``boilerplate.toml``), ``wire_meta``
chooses the date, agency and title in their order of trust, and
``attributions`` turns each sentence that names its source into a claim.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.blocks import Fields, Source
from ingest.bylines import author_names
from ingest.datelines import Dateline, find_dateline
from ingest.errors import ParseError
from ingest.kinds import from_source
from ingest.model import ParsedDocument
from ingest.options import ParseOptions
from ingest.outlets import OutletRegistry, load_registry
from ingest.passages import attributed_passages, lead_sentence
from ingest.story_parts import StoryParts, split_story
from ingest.wire_meta import agency, publication_date, stated_agencies, title

KIND = "wire"
LOOKED_FOR = (
    "an agency dateline such as 'BEIRUT (AFP) -', an agency sign-off such as "
    "'REUTERS', or page metadata naming a news agency"
)
FOOTNOTED = 10  # this many footnote markers and notes make a report, not a story


def sniff(source: Source, registry: OutletRegistry | None = None) -> float | None:
    """How sure we are that ``source`` is a wire story; None to decline.

    ``registry`` is the caller's (with any outlets it adds), else the bundled one.
    """
    footnotes = sum(len(b.marks) for b in source.blocks)
    footnotes += sum(b.kind == "note" for b in source.blocks)
    if footnotes >= FOOTNOTED:
        return None
    registry = registry or load_registry()
    parts = _with_field_dateline(split_story(source, registry), source.fields)
    score = _signal_score(parts, source.fields, registry)
    if source.fields.agency or source.fields.outlet:
        score += 0.3  # the format says who published it
    if score < 0.3:
        return None
    if parts.authors or parts.credits:
        score += 0.05
    if footnotes:
        score /= 2
    return round(min(score, 0.95), 2)


def _signal_score(parts: StoryParts, fields: Fields, registry: OutletRegistry) -> float:
    """Evidence of a wire story: its dateline, a sign-off, an agency's page."""
    score = _dateline_score(parts.dateline)
    if parts.signoffs:
        score += 0.3
    if stated_agencies(fields, registry):
        score += 0.2
    return score


def _dateline_score(dateline: Dateline | None) -> float:
    if dateline is None:
        return 0.0
    if dateline.agency:  # "QAMISHLI, Syria (AP) —"
        return 0.6
    if dateline.date or "," in dateline.place:  # "DAMASCUS, Feb 23 -"
        return 0.35
    return 0.15  # "DAMASCUS -" alone could be any capitalised word


def parse(source: Source, options: ParseOptions) -> ParsedDocument:
    registry = options.registry
    fields = source.fields
    parts = _with_field_dateline(split_story(source, registry), fields)
    stated = fields.agency or fields.outlet
    if not stated and _signal_score(parts, fields, registry) == 0:
        raise ParseError(source.path, f"is not a wire story: looked for {LOOKED_FOR}")
    lead = lead_sentence(parts.body)
    top = next(
        (b.text for b in source.blocks if b.kind == "heading" and b.level == 1), None
    )
    headline, derived, warnings = title(options.title, lead, fields.title or top)
    attributed = attributed_passages(
        parts.body, None if derived else headline, registry
    )
    passages = attributed.passages
    if not any(p.kind != "heading" for p in passages):
        raise ParseError(
            source.path, "holds no story text once its boilerplate is removed"
        )
    date, date_warnings = publication_date(parts, options.date, registry, fields.date)
    agency_name, agency_warnings = agency(parts, registry, fields)
    if parts.dateline is None:
        warnings.append("no dateline found (such as 'DAMASCUS, Feb 23 (Reuters) -')")
    return from_source(
        source,
        kind=KIND,
        title=headline,
        title_derived=derived,
        passages=passages,
        date=date,
        agency=agency_name,
        publisher=fields.outlet or fields.publisher,
        dateline=parts.dateline.place if parts.dateline else None,
        authors=parts.authors or _field_authors(fields.authors, parts.corpus, registry),
        credits=parts.credits,
        warnings=(*date_warnings, *agency_warnings, *warnings),
        no_comment=attributed.no_comment,
    )


def _field_authors(
    stated: tuple[str, ...], corpus: str, registry: OutletRegistry
) -> tuple[str, ...]:
    """The format's byline names, re-cased, without agencies or staff initials."""
    names: list[str] = []
    for written in stated:
        for name in author_names(written, corpus, registry) or ():
            if name not in names:
                names.append(name)
    return tuple(names)


def _with_field_dateline(parts: StoryParts, fields: Fields) -> StoryParts:
    """The format's dateline, where the text has none and it reads as one."""
    if parts.dateline is not None or not fields.dateline:
        return parts
    written = fields.dateline.strip().rstrip("-—–_ ")
    dateline = find_dateline(f"{written} -", stated=True)
    if dateline is None:
        return parts
    return replace(parts, dateline=dateline)
