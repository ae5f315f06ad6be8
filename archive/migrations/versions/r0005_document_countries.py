"""Each document's countries: ISO 3166-1 alpha-2 codes, the weightiest first.

The documents already archived get theirs from their stored title, dateline and
passages, as ingest finds them for a new file.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from ingest.countries import countries_of

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_DOCUMENTS = sa.text(
    "SELECT document.id, document.title, document.dateline, report.title"
    " FROM document LEFT JOIN report ON report.id = document.report_id"
)
_PASSAGES = sa.text(
    "SELECT text FROM passage WHERE document_id = :id ORDER BY position"
)


def upgrade() -> None:
    table = op.create_table(
        "document_country",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=2), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "code"),
    )
    op.create_index(
        op.f("ix_document_country_code"), "document_country", ["code"], unique=False
    )
    connection = op.get_bind()
    rows = []
    for document_id, title, dateline, report_title in connection.execute(_DOCUMENTS):
        texts = connection.scalars(_PASSAGES, {"id": document_id}).all()
        countries = countries_of(title, dateline, texts, report_title)
        rows += [
            {"document_id": document_id, "code": code, "position": n}
            for n, code in enumerate(countries)
        ]
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_index(op.f("ix_document_country_code"), table_name="document_country")
    op.drop_table("document_country")
