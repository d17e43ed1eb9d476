"""The service directory: when the district last confirmed each entry with its agency (freshness flag).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_directory_entry") as batch:
        batch.add_column(sa.Column("last_checked_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("service_directory_entry") as batch:
        batch.drop_column("last_checked_on")
