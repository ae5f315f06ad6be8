"""Each document's countries: ISO 3166-1 alpha-2 codes, the weightiest first.

The documents already archived get theirs from their stored title, dateline and
passages, as ingest finds them for a new file.

Revision ID: 0005
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from ingest.countries import countries_of

revision = "0005"
down_revision = "0002"
branch_labels = None
depends_on = None

_DOCUMENTS = sa.text(
    "SELECT document.id, document.title, document.dateline, report.title"
    " FROM document LEFT JOIN report ON report.id = document.report_id"
)
_PASSAGES = sa.text(
    "SELECT text FROM passage WHERE document_id = :id ORDER BY position"
)
_SET = sa.text("UPDATE document SET countries = :countries WHERE id = :id")


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(
            sa.Column("countries", sa.JSON(), nullable=False, server_default="[]")
        )
    connection = op.get_bind()
    for document_id, title, dateline, report_title in connection.execute(_DOCUMENTS):
        texts = connection.scalars(_PASSAGES, {"id": document_id})
        countries = countries_of(title, dateline, texts, report_title)
        if countries:
            connection.execute(
                _SET.bindparams(sa.bindparam("countries", type_=sa.JSON())),
                {"id": document_id, "countries": list(countries)},
            )


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.drop_column("countries")
