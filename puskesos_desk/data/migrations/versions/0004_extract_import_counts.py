"""The district extract import: counts of damaged NIKs and of rows imported with a warning on each batch.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("register_batch") as batch:
        batch.add_column(sa.Column("rows_nik_damaged", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("rows_with_warnings", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("register_batch") as batch:
        batch.drop_column("rows_with_warnings")
        batch.drop_column("rows_nik_damaged")
