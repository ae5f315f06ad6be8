"""How each story citation is cited, through whom, and whom a story asked in vain.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("citation", sa.Column("how", sa.String(300), nullable=True))
    op.add_column("citation", sa.Column("via", sa.String(500), nullable=True))
    op.add_column("citation", sa.Column("qualifier", sa.Text(), nullable=True))
    op.create_table(
        "no_comment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("document.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("how", sa.String(300), nullable=True),
        sa.Column("outlet_slug", sa.String(120), nullable=True),
        sa.Column("outlet_text", sa.String(500), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("anonymous", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_no_comment_document_id", "no_comment", ["document_id"])


def downgrade() -> None:
    op.drop_index("ix_no_comment_document_id", table_name="no_comment")
    op.drop_table("no_comment")
    with op.batch_alter_table("citation") as batch:
        batch.drop_column("qualifier")
        batch.drop_column("via")
        batch.drop_column("how")
