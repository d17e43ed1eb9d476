"""Trust and personal data (issue 10): an account may hold extra roles besides its main one (an Admin who is also
the Koordinator), and a person or household anonymised under the retention schedule or on the resident's request
says when (the row stays, so the counts reports need stay; the identifying fields are gone).

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("extra_roles", sa.JSON(), nullable=False, server_default="[]"))
    for table in ("person", "household"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    for table in ("household", "person"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("anonymised_at")
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("extra_roles")
