"""The archive's tables (SQLAlchemy 2.0 typed declarative); models only.

A ``Report`` groups the sections (``Document``s) of one publication, whose
footnote numbering they share. A ``Document`` holds ``Passage``s in order; a
``Claim`` is a sentence in a passage. Report claims reach their sources through
``Marker``s -> ``Footnote`` -> ``Citation``; wire claims own their citations
directly. Each ``Citation`` names a ``CitedWork`` (one record however often the
work is cited) and possibly an ``Outlet``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def free_text(length: int) -> String:
    """A column of text that files supply, stored whole: TEXT on PostgreSQL.

    SQLite never enforces a declared length, so there it keeps the VARCHAR its
    archives were made with (changing a declared type means copying the table,
    which would cascade deletes through foreign keys); revision 0010 made these
    columns TEXT on PostgreSQL.
    """
    return String(length).with_variant(Text(), "postgresql")


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Outlet(Base):
    __tablename__ = "outlet"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    short_name: Mapped[str] = mapped_column(free_text(300))
    name: Mapped[str] = mapped_column(free_text(500))
    kind: Mapped[str] = mapped_column(String(80), default="unknown")
    known: Mapped[bool] = mapped_column(Boolean, default=False)


class Report(Base):
    __tablename__ = "report"
    __table_args__ = (UniqueConstraint("publisher", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    publisher: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(1000))

    sections: Mapped[list[Document]] = relationship(back_populates="report")


class Document(Base):
    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_key: Mapped[str] = mapped_column(String(64), unique=True)
    checksum: Mapped[str] = mapped_column(String(64), index=True)
    path: Mapped[str] = mapped_column(Text)
    source_format: Mapped[str] = mapped_column(String(20))
    url: Mapped[str | None] = mapped_column(Text, nullable=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(Text)
    title_derived: Mapped[bool] = mapped_column(Boolean, default=False)
    date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    publisher: Mapped[str | None] = mapped_column(String(300), index=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), index=True)
    section_number: Mapped[str | None] = mapped_column(free_text(50))
    section_heading: Mapped[str | None] = mapped_column(Text)
    cite_as: Mapped[str | None] = mapped_column(Text)
    agency: Mapped[str | None] = mapped_column(String(120), index=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlet.id"), index=True)
    title_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    dateline: Mapped[str | None] = mapped_column(free_text(300))
    authors: Mapped[list[str]] = mapped_column(JSON, default=list)
    credits: Mapped[list[str]] = mapped_column(JSON, default=list)
    warnings: Mapped[list[str]] = mapped_column(JSON, default=list)
    archived_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)

    report: Mapped[Report | None] = relationship(back_populates="sections")
    outlet: Mapped[Outlet | None] = relationship()
    passages: Mapped[list[Passage]] = relationship(
        back_populates="document",
        order_by="Passage.position",
        cascade="all, delete-orphan",
    )
    footnotes: Mapped[list[Footnote]] = relationship(
        back_populates="document",
        order_by="Footnote.position",
        cascade="all, delete-orphan",
    )
    country_rows: Mapped[list[DocumentCountry]] = relationship(
        order_by="DocumentCountry.position", cascade="all, delete-orphan"
    )

    @property
    def countries(self) -> list[str]:
        """ISO 3166-1 alpha-2 codes of the countries it is about, weightiest first."""
        return [row.code for row in self.country_rows]


class DocumentCountry(Base):
    """A country a document is about; ``position`` 0 is the weightiest."""

    __tablename__ = "document_country"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(2), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(Integer)


class Passage(Base):
    __tablename__ = "passage"
    __table_args__ = (UniqueConstraint("document_id", "anchor"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    anchor: Mapped[str] = mapped_column(free_text(40))
    kind: Mapped[str] = mapped_column(String(20))
    level: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    document: Mapped[Document] = relationship(back_populates="passages")
    claims: Mapped[list[Claim]] = relationship(
        back_populates="passage",
        order_by="Claim.position",
        cascade="all, delete-orphan",
    )
    references: Mapped[list[Reference]] = relationship(
        back_populates="passage", cascade="all, delete-orphan"
    )
    names: Mapped[list[PassageName]] = relationship(cascade="all, delete-orphan")


class PassageName(Base):
    """A place or person named in a passage, as its variant-tolerant key."""

    __tablename__ = "passage_name"

    passage_id: Mapped[int] = mapped_column(
        ForeignKey("passage.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)


class Claim(Base):
    __tablename__ = "claim"

    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = mapped_column(
        ForeignKey("passage.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    passage: Mapped[Passage] = relationship(back_populates="claims")
    markers: Mapped[list[Marker]] = relationship(
        back_populates="claim", order_by="Marker.offset", cascade="all, delete-orphan"
    )
    citations: Mapped[list[Citation]] = relationship(
        back_populates="claim",
        order_by="Citation.position",
        cascade="all, delete-orphan",
    )


class Footnote(Base):
    __tablename__ = "footnote"
    __table_args__ = (UniqueConstraint("document_id", "label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(free_text(40))
    text: Mapped[str] = mapped_column(Text)
    # The links in the text, [text, href, start, end] each, for reading it again
    # (revision 0009); None for footnotes stored before.
    links: Mapped[list[list] | None] = mapped_column(JSON)

    document: Mapped[Document] = relationship(back_populates="footnotes")
    report: Mapped[Report | None] = relationship()
    citations: Mapped[list[Citation]] = relationship(
        back_populates="footnote",
        order_by="Citation.position",
        cascade="all, delete-orphan",
    )
    markers: Mapped[list[Marker]] = relationship(back_populates="footnote")


class Marker(Base):
    """A footnote marker where it stands in a claim (``offset`` in the passage)."""

    __tablename__ = "marker"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    footnote_id: Mapped[int | None] = mapped_column(
        ForeignKey("footnote.id", ondelete="SET NULL"), index=True
    )
    label: Mapped[str] = mapped_column(free_text(40))
    offset: Mapped[int] = mapped_column(Integer)

    claim: Mapped[Claim] = relationship(back_populates="markers")
    footnote: Mapped[Footnote | None] = relationship(back_populates="markers")


class CitedWork(Base):
    """One cited work, however many footnotes and reports cite it."""

    __tablename__ = "cited_work"

    id: Mapped[int] = mapped_column(primary_key=True)
    work_key: Mapped[str] = mapped_column(String(64), unique=True)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlet.id"), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    title_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    url: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), index=True
    )

    outlet: Mapped[Outlet | None] = relationship()
    document: Mapped[Document | None] = relationship()
    citations: Mapped[list[Citation]] = relationship(back_populates="work")


class LinkCheck(Base):
    """A cited URL as last checked: its state (``archive.fetching.states``), and
    where the bytes fetched from it are kept (a record of a WARC file under the
    data folder) and archived (``document_id``)."""

    __tablename__ = "link_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    url_key: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(20), index=True)
    detail: Mapped[str | None] = mapped_column(Text)
    http_status: Mapped[int | None] = mapped_column(Integer)
    final_url: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("document.id", ondelete="SET NULL"), index=True
    )
    fetched_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    content_type: Mapped[str | None] = mapped_column(String(200))
    warc_file: Mapped[str | None] = mapped_column(Text)
    warc_offset: Mapped[int | None] = mapped_column(BigInteger)
    warc_length: Mapped[int | None] = mapped_column(BigInteger)


class Citation(Base):
    __tablename__ = "citation"
    __table_args__ = (Index("ix_citation_outlet_work", "outlet_id", "work_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    footnote_id: Mapped[int | None] = mapped_column(
        ForeignKey("footnote.id", ondelete="CASCADE"), index=True
    )
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    outlet_id: Mapped[int | None] = mapped_column(ForeignKey("outlet.id"))
    outlet_text: Mapped[str | None] = mapped_column(free_text(500))
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(10))
    url: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[str | None] = mapped_column(free_text(200))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str | None] = mapped_column(Text)
    work_id: Mapped[int | None] = mapped_column(ForeignKey("cited_work.id"), index=True)
    # How the note was read (revision 0003); None in citations stored before it.
    authors: Mapped[list[str] | None] = mapped_column(JSON)
    publisher: Mapped[str | None] = mapped_column(free_text(500))
    accessed: Mapped[dt.date | None] = mapped_column(Date)
    accessed_precision: Mapped[str | None] = mapped_column(String(10))
    doi: Mapped[str | None] = mapped_column(free_text(300))
    report_number: Mapped[str | None] = mapped_column(free_text(200))
    kind: Mapped[str | None] = mapped_column(String(20))
    style: Mapped[str | None] = mapped_column(String(20))
    confidence: Mapped[float | None] = mapped_column(Float)
    # How a story cites its source ("told Reuters"), the outlet it came through
    # ("IRNA, monitored by the BBC": via BBC), and what the story says of the
    # sourcing ("spoke on condition of anonymity").
    how: Mapped[str | None] = mapped_column(free_text(300))
    via: Mapped[str | None] = mapped_column(free_text(500))
    qualifier: Mapped[str | None] = mapped_column(Text)

    footnote: Mapped[Footnote | None] = relationship(back_populates="citations")
    claim: Mapped[Claim | None] = relationship(back_populates="citations")
    outlet: Mapped[Outlet | None] = relationship()
    work: Mapped[CitedWork | None] = relationship(back_populates="citations")


class NoComment(Base):
    """Whom a story says it asked, who did not answer: not a source of any claim."""

    __tablename__ = "no_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)  # the words as written
    how: Mapped[str | None] = mapped_column(free_text(300))  # "declined to comment"
    outlet_slug: Mapped[str | None] = mapped_column(String(120))
    outlet_text: Mapped[str | None] = mapped_column(free_text(500))
    description: Mapped[str | None] = mapped_column(Text)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)


class Reference(Base):
    """A pointer in a passage to another report ("see section 1.3.4. of ...")."""

    __tablename__ = "reference"

    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = mapped_column(
        ForeignKey("passage.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)

    passage: Mapped[Passage] = relationship(back_populates="references")


class DerivedVersion(Base):
    """The version of the code that computed one kind of derived data (name keys
    ...): every stored row of that kind was computed by this version or a newer
    one. ``archive rederive`` recomputes a kind whose version is out of date."""

    __tablename__ = "derived_version"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    computed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
