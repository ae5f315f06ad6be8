"""Text that files supply is stored whole: no length limit on its columns.

Footnote labels, passage anchors, outlet names, datelines and the fields read
from citations were VARCHARs of 40 to 500 characters, which PostgreSQL enforces
and SQLite does not, so a file SQLite stored could fail on PostgreSQL; they are
TEXT there now (SQLite keeps its declared types, which it never enforces). Columns
searched by value through an index keep their limit; the write path cuts text to
it on either database.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# table: (column, former length, nullable)
COLUMNS = {
    "outlet": (("short_name", 300, False), ("name", 500, False)),
    "document": (("section_number", 50, True), ("dateline", 300, True)),
    "passage": (("anchor", 40, False),),
    "footnote": (("label", 40, False),),
    "marker": (("label", 40, False),),
    "citation": (
        ("outlet_text", 500, True),
        ("pages", 200, True),
        ("publisher", 500, True),
        ("doi", 300, True),
        ("report_number", 200, True),
        ("how", 300, True),
        ("via", 500, True),
    ),
    "no_comment": (("how", 300, True), ("outlet_text", 500, True)),
}


def upgrade() -> None:
    _alter(to_text=True)


def downgrade() -> None:
    _alter(to_text=False)


def _alter(to_text: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite enforces no length (see ``archive.models.free_text``)
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table) as batch:
            for name, length, nullable in columns:
                old, new = sa.String(length=length), sa.Text()
                batch.alter_column(
                    name,
                    type_=new if to_text else old,
                    existing_type=old if to_text else new,
                    existing_nullable=nullable,
                )
