"""The version of the code that computed each kind of derived data (name keys).

Revision ID: 0006
Revises: 0005
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Every archive before this revision holds name keys as version 1 computes them.
BEFORE = {"name_keys": 1}


def upgrade() -> None:
    table = op.create_table(
        "derived_version",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    op.bulk_insert(
        table,
        [{"name": n, "version": v, "computed_at": now} for n, v in BEFORE.items()],
    )


def downgrade() -> None:
    op.drop_table("derived_version")
