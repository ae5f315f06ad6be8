"""What the site shows: plain frozen records, ready for a template or for JSON.

Dates are ISO strings as precise as they are known ("2025-03" is a month).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.browse.link_health import LinkCounts, LinkState


@dataclass(frozen=True, slots=True)
class CountryInfo:
    """A country a document is about: its ISO 3166-1 alpha-2 code, its name, and
    both as shown ("Syria (SY)")."""

    code: str
    name: str
    label: str


@dataclass(frozen=True, slots=True)
class OutletInfo:
    slug: str
    short_name: str
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class CitationInfo:
    """One cited item; ``archived_document_id`` is the archived copy of its work."""

    id: int
    text: str
    outlet: OutletInfo | None
    outlet_text: str | None
    title: str | None
    date: str | None
    url: str | None
    pages: str | None
    anonymous: bool
    description: str | None
    work_id: int | None
    archived_document_id: int | None
    authors: tuple[str, ...] = ()
    accessed: str | None = None
    kind: str | None = None
    style: str | None = None
    confidence: float | None = None  # None: stored before readings were scored
    uncertain: bool = False  # read with confidence below 0.5: show the note as written
    how: str | None = None  # "told Reuters", "according to", "in a statement"
    via: str | None = None  # the outlet it came through: "BBC"
    qualifier: str | None = None  # "spoke on condition of anonymity ..."


@dataclass(frozen=True, slots=True)
class NoCommentInfo:
    """Whom a story asked, who did not answer ("declined to comment")."""

    text: str
    how: str | None
    outlet_slug: str | None
    outlet_text: str | None
    description: str | None
    anonymous: bool

    @property
    def who(self) -> str:
        return self.outlet_text or self.description or self.text


@dataclass(frozen=True, slots=True)
class MarkerInfo:
    """A footnote marker; ``ref`` is its anchor in its document (``ref-537-1``)."""

    id: int
    label: str
    offset: int
    footnote_id: int | None
    footnote_anchor: str | None
    ref: str


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """A claim's sentence and span; ``citations`` are those it owns (wire)."""

    id: int
    start: int
    end: int
    text: str
    markers: tuple[MarkerInfo, ...]
    citations: tuple[CitationInfo, ...]


@dataclass(frozen=True, slots=True)
class ReferenceInfo:
    text: str
    target: str


@dataclass(frozen=True, slots=True)
class PassageInfo:
    id: int
    position: int
    anchor: str
    kind: str
    level: int | None
    text: str
    claims: tuple[ClaimInfo, ...]
    references: tuple[ReferenceInfo, ...]


@dataclass(frozen=True, slots=True)
class FootnoteInfo:
    """A footnote, with the anchors of the markers that cite it (``refs``).

    ``document_id`` is the section that defines it, which may be another section
    of the same report than the one whose markers cite it.
    """

    id: int
    label: str
    anchor: str
    text: str
    document_id: int
    citations: tuple[CitationInfo, ...]
    refs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """``source`` is the publisher's or agency's key (its outlet slug)."""

    id: int
    kind: str
    title: str
    date: str | None
    publisher: str | None
    agency: str | None
    source: str | None
    report_id: int | None
    report_title: str | None
    section_number: str | None
    section_heading: str | None
    # the weightiest first; lists of claims and works leave them out
    countries: tuple[CountryInfo, ...] = field(default=(), kw_only=True)
    title_derived: bool = field(default=False, kw_only=True)


@dataclass(frozen=True, slots=True)
class WorkSummary:
    id: int
    outlet: OutletInfo | None
    title: str | None
    date: str | None
    url: str | None
    archived_document_id: int | None


@dataclass(frozen=True, slots=True)
class DocumentDetail(DocumentSummary):
    """A whole document; ``cited_as`` are the cited works it is the copy of."""

    cite_as: str | None
    dateline: str | None
    authors: tuple[str, ...]
    credits: tuple[str, ...]
    warnings: tuple[str, ...]
    publisher_outlet: OutletInfo | None
    archived_at: str
    url: str | None  # the original's address, where the file states one
    passages: tuple[PassageInfo, ...]
    footnotes: tuple[FootnoteInfo, ...]
    sections: tuple[DocumentSummary, ...]
    cited_as: tuple[WorkSummary, ...]
    no_comment: tuple[NoCommentInfo, ...] = ()  # asked, did not answer
    fetched: LinkState | None = field(default=None, kw_only=True)  # by archive fetch
    # provenance: the archived file's name, checksum and format
    file_name: str = field(default="", kw_only=True)
    checksum: str = field(default="", kw_only=True)
    source_format: str = field(default="", kw_only=True)


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim elsewhere, with the footnotes through which it cites (none: wire)."""

    id: int
    text: str
    document: DocumentSummary
    anchor: str
    footnotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    """A claim and its sources; ``same_works`` is one page of the ``total`` other
    claims citing the same works."""

    claim: ClaimInfo
    document: DocumentSummary
    cite_as: str | None
    anchor: str
    passage_text: str
    footnotes: tuple[FootnoteInfo, ...]
    works: tuple[WorkSummary, ...]
    same_works: tuple[ClaimRef, ...]
    total: int
    page: int
    pages: int
    per_page: int


@dataclass(frozen=True, slots=True)
class Facet:
    key: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class DocumentList:
    """One page of documents, the total, and counts by kind and by source."""

    documents: tuple[DocumentSummary, ...]
    total: int
    kinds: tuple[Facet, ...]
    sources: tuple[Facet, ...]
    countries: tuple[Facet, ...] = ()


@dataclass(frozen=True, slots=True)
class OutletCount:
    outlet: OutletInfo
    citations: int
    works: int


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """A report, and how many of its sections are archived."""

    report_id: int
    publisher: str
    title: str
    documents: int


@dataclass(frozen=True, slots=True)
class OutletIndex:
    """One page of the ``total`` cited outlets, most cited first, across the
    archive or within ``report``; ``citations`` is how many citations name an
    outlet there, and ``reports`` are the reports a ranking can be had for."""

    report: ReportInfo | None
    citations: int
    ranking: tuple[OutletCount, ...]
    reports: tuple[ReportInfo, ...]
    total: int
    page: int
    pages: int
    per_page: int
    uncertain: int = 0  # citations naming an outlet left out as uncertain readings
    links: LinkCounts | None = None  # the cited URLs (of the report, if one)


@dataclass(frozen=True, slots=True)
class WorkGroup:
    """The newest claims citing one work of an outlet, of ``claims_total``;
    ``work`` is None for attributions that name no particular work."""

    work: WorkSummary | None
    claims: tuple[ClaimRef, ...]
    claims_total: int


@dataclass(frozen=True, slots=True)
class OutletDetail:
    """An outlet, its counts, and one page of its ``total`` groups (a group per
    cited work, newest first, then one for attributions naming no work).

    ``documents`` are the newest of the ``published`` documents it put out.
    """

    outlet: OutletInfo
    citations: int
    works: int
    published: int
    documents: tuple[DocumentSummary, ...]
    groups: tuple[WorkGroup, ...]
    total: int
    page: int
    pages: int
    per_page: int
    links: LinkCounts | None = None  # the URLs its works are cited at


@dataclass(frozen=True, slots=True)
class Attributions:
    """One page of the ``total`` claims citing an outlet but no particular work."""

    outlet: OutletInfo
    claims: tuple[ClaimRef, ...]
    total: int
    page: int
    pages: int
    per_page: int


@dataclass(frozen=True, slots=True)
class WorkDetail:
    """A cited work, its archived copy, how footnotes write it, and one page of
    the ``total`` claims citing it."""

    work: WorkSummary
    archived: DocumentSummary | None
    written_as: tuple[str, ...]
    claims: tuple[ClaimRef, ...]
    total: int
    page: int
    pages: int
    per_page: int
    link: LinkState | None = None  # its URL as ``archive fetch`` last found it
