"""The links in each footnote's text, so that its citations can be read again.

Footnotes stored before keep no links (NULL): where a citation's address came
from a link, `archive rederive` keeps that footnote's citations as they are.

Revision ID: 0009
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("footnote", sa.Column("links", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("footnote") as batch:
        batch.drop_column("links")
