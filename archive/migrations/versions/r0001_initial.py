"""The schema as it stood before migrations: every archive made until then.

Revision ID: 0001
Revises: none
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outlet",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("short_name", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=80), nullable=False),
        sa.Column("known", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("slug"),
    )
    op.create_table(
        "report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publisher", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=1000), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("publisher", "title"),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_key", sa.String(length=64), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("source_format", sa.String(length=20), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_derived", sa.Boolean(), nullable=False),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=10), nullable=True),
        sa.Column("publisher", sa.String(length=300), nullable=True),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("section_number", sa.String(length=50), nullable=True),
        sa.Column("section_heading", sa.Text(), nullable=True),
        sa.Column("cite_as", sa.Text(), nullable=True),
        sa.Column("agency", sa.String(length=120), nullable=True),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("title_hash", sa.String(length=64), nullable=True),
        sa.Column("dateline", sa.String(length=300), nullable=True),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("credits", sa.JSON(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlet.id"],
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_key"),
    )
    op.create_index(op.f("ix_document_agency"), "document", ["agency"], unique=False)
    op.create_index(
        op.f("ix_document_checksum"), "document", ["checksum"], unique=False
    )
    op.create_index(op.f("ix_document_date"), "document", ["date"], unique=False)
    op.create_index(op.f("ix_document_kind"), "document", ["kind"], unique=False)
    op.create_index(
        op.f("ix_document_outlet_id"), "document", ["outlet_id"], unique=False
    )
    op.create_index(
        op.f("ix_document_publisher"), "document", ["publisher"], unique=False
    )
    op.create_index(
        op.f("ix_document_report_id"), "document", ["report_id"], unique=False
    )
    op.create_index(
        op.f("ix_document_title_hash"), "document", ["title_hash"], unique=False
    )
    op.create_table(
        "cited_work",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("work_key", sa.String(length=64), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("title_hash", sa.String(length=64), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=10), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlet.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("work_key"),
    )
    op.create_index(
        op.f("ix_cited_work_document_id"), "cited_work", ["document_id"], unique=False
    )
    op.create_index(
        op.f("ix_cited_work_outlet_id"), "cited_work", ["outlet_id"], unique=False
    )
    op.create_index(
        op.f("ix_cited_work_title_hash"), "cited_work", ["title_hash"], unique=False
    )
    op.create_table(
        "footnote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["report.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "label"),
    )
    op.create_index(
        op.f("ix_footnote_document_id"), "footnote", ["document_id"], unique=False
    )
    op.create_index(
        op.f("ix_footnote_report_id"), "footnote", ["report_id"], unique=False
    )
    op.create_table(
        "passage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("anchor", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "anchor"),
    )
    op.create_index(
        op.f("ix_passage_document_id"), "passage", ["document_id"], unique=False
    )
    op.create_table(
        "claim",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["passage_id"], ["passage.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_claim_passage_id"), "claim", ["passage_id"], unique=False)
    op.create_table(
        "passage_name",
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(["passage_id"], ["passage.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("passage_id", "key"),
    )
    op.create_index(op.f("ix_passage_name_key"), "passage_name", ["key"], unique=False)
    op.create_table(
        "reference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["passage_id"], ["passage.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_reference_passage_id"), "reference", ["passage_id"], unique=False
    )
    op.create_table(
        "citation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("footnote_id", sa.Integer(), nullable=True),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=True),
        sa.Column("outlet_text", sa.String(length=500), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("date", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.String(length=10), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("pages", sa.String(length=200), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("work_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["footnote_id"], ["footnote.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlet.id"],
        ),
        sa.ForeignKeyConstraint(
            ["work_id"],
            ["cited_work.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_citation_claim_id"), "citation", ["claim_id"], unique=False
    )
    op.create_index(
        op.f("ix_citation_footnote_id"), "citation", ["footnote_id"], unique=False
    )
    op.create_index(
        "ix_citation_outlet_work", "citation", ["outlet_id", "work_id"], unique=False
    )
    op.create_index(op.f("ix_citation_work_id"), "citation", ["work_id"], unique=False)
    op.create_table(
        "marker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("footnote_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("offset", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["footnote_id"], ["footnote.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_marker_claim_id"), "marker", ["claim_id"], unique=False)
    op.create_index(
        op.f("ix_marker_footnote_id"), "marker", ["footnote_id"], unique=False
    )


def downgrade() -> None:
    raise NotImplementedError("the first schema has nothing to go back to")
