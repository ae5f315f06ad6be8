"""The ingest contract: frozen dataclasses that parsers return.

Nothing here does I/O. The archive stores these; nothing downstream ever sees a
parser's intermediate state.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, get_args

from ingest.pickling import pickled_by_fields

Precision = Literal["year", "month", "day"]
PassageKind = Literal["heading", "paragraph", "list_item"]
DocumentKind = Literal["report", "wire", "document"]
CitationKind = Literal["news", "web", "report", "journal", "book", "legal", "other"]
KINDS: tuple[str, ...] = get_args(DocumentKind)  # every kind, in this order
CITATION_KINDS: tuple[str, ...] = get_args(CitationKind)
UNCERTAIN_BELOW = 0.5  # a citation read with less confidence is shown as uncertain


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day ("March 2025" is a month)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first_day(self) -> dt.date:
        """The earliest calendar day the date can mean, for sorting and ranges."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def isoformat(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @classmethod
    def from_date(cls, value: dt.date, precision: Precision = "day") -> PartialDate:
        month = value.month if precision in ("month", "day") else None
        day = value.day if precision == "day" else None
        return cls(value.year, month, day)


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedCitation:
    """One cited item: a work in a footnote, or a source named in a wire sentence.

    ``outlet`` is the outlet as written ("SOHR", "The Wall Street Journal");
    ``outlet_slug`` is set when the outlet registry knows it. An anonymous
    source ("three Syrian military sources") has no outlet and carries its
    description as written.

    ``authors`` are the people or the organisation that wrote the work;
    ``outlet`` stays its container (newspaper, site, journal) and ``publisher``
    who issued it. ``accessed`` is when the citer retrieved it, never the
    publication ``date``. ``style`` names the grammar that read the note
    ("euaa", "chicago", ... or "stated" when the format gave the fields), and
    ``confidence`` in [0, 1] how sure that reading is: below 0.5 the reading is
    shown as uncertain, beside the note as written.

    A source named in a story also says how it is cited: ``how`` is the
    attributing verb or phrase as a journalist would quote it ("said", "told
    Reuters", "according to", "quoted by", "in a statement"); ``via`` the outlet
    it reached the story through ("IRNA, monitored by the BBC": via "BBC");
    ``qualifier`` what the story says about the sourcing ("spoke on condition
    of anonymity ..."). ``no_comment`` marks a source that was asked and did not
    answer ("did not respond to a request for comment"): it cites no claim.
    """

    text: str
    outlet: str | None = None
    outlet_slug: str | None = None
    title: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    pages: str | None = None
    anonymous: bool = False
    description: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    accessed: PartialDate | None = None
    doi: str | None = None
    report_number: str | None = None
    kind: CitationKind | None = None
    style: str | None = None
    confidence: float = 1.0
    how: str | None = None
    via: str | None = None
    qualifier: str | None = None
    no_comment: bool = False

    @property
    def uncertain(self) -> bool:
        return self.confidence < UNCERTAIN_BELOW


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedLink:
    """A link in a footnote: its text at ``start:end`` of the note, and its address."""

    text: str
    href: str
    start: int
    end: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedFootnote:
    """A footnote, the links in its text (they may give a citation its address),
    and the citations read from it."""

    label: str
    text: str
    citations: tuple[ParsedCitation, ...]
    links: tuple[ParsedLink, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedMarker:
    """A footnote marker; ``offset`` is its position in the passage text."""

    label: str
    offset: int


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedClaim:
    """A sentence that rests on sources.

    ``start``/``end`` delimit the sentence in its passage text. A report claim
    carries the footnote markers inside it; a wire claim carries its
    attributions directly as citations.
    """

    text: str
    start: int
    end: int
    markers: tuple[ParsedMarker, ...] = ()
    citations: tuple[ParsedCitation, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedReference:
    """A pointer in the text to another report ("see section 1.3.4. of ...")."""

    text: str
    target: str


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedPassage:
    kind: PassageKind
    text: str
    level: int | None = None
    claims: tuple[ParsedClaim, ...] = ()
    references: tuple[ParsedReference, ...] = ()


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """Everything one input file yields, ready to be stored in one transaction."""

    kind: DocumentKind
    path: str
    checksum: str
    source_format: str
    title: str
    passages: tuple[ParsedPassage, ...]
    title_derived: bool = False
    date: PartialDate | None = None
    publisher: str | None = None
    report_title: str | None = None
    section_number: str | None = None
    section_heading: str | None = None
    cite_as: str | None = None
    agency: str | None = None
    dateline: str | None = None
    authors: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    footnotes: tuple[ParsedFootnote, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    url: str | None = None  # the original's address, where the file states one
    # Who the story says was asked and did not answer, each with its sentence.
    no_comment: tuple[ParsedCitation, ...] = ()
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 codes, the weightiest first

    @property
    def claims(self) -> tuple[ParsedClaim, ...]:
        return tuple(claim for passage in self.passages for claim in passage.claims)

    @property
    def citations(self) -> tuple[ParsedCitation, ...]:
        from_footnotes = (c for note in self.footnotes for c in note.citations)
        from_claims = (c for claim in self.claims for c in claim.citations)
        return (*from_footnotes, *from_claims)
