"""How each citation was read: authors, access date, kind, style and confidence.

Also its publisher, DOI and report number. Citations stored before are left
with no reading (None), and are shown as before.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (
    ("authors", sa.JSON()),
    ("publisher", sa.String(length=500)),
    ("accessed", sa.Date()),
    ("accessed_precision", sa.String(length=10)),
    ("doi", sa.String(length=300)),
    ("report_number", sa.String(length=200)),
    ("kind", sa.String(length=20)),
    ("style", sa.String(length=20)),
    ("confidence", sa.Float()),
)


def upgrade() -> None:
    with op.batch_alter_table("citation") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("citation") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
