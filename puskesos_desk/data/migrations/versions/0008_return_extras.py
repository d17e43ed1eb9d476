"""Return packages (issue 7): an index to read one village's rows of the district's extract, and holiday records
with the same ID at every site (derived from day and name, a year from the year), so the district's calendar
travels to villages that seeded the same holidays themselves.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_HOLIDAY_NAMESPACE = uuid.UUID("9d3e5b7a-1c2f-4e8d-b6a0-7f4c2e9d1a35")  # = domain.holiday_ids


def upgrade() -> None:
    with op.batch_alter_table("register_record") as batch:
        batch.create_index("ix_register_record_batch_village", ["batch_id", "village_code"], unique=False)
    _rekey("holiday", "SELECT id, day, name FROM holiday",
           lambda row: f"holiday/{str(row.day)[:10]}/{row.name}")
    _rekey("holiday_year", "SELECT id, year FROM holiday_year", lambda row: f"holiday_year/{int(row.year)}")


def _rekey(table: str, select: str, key: Callable[[Any], str]) -> None:
    """Nothing references holiday rows and they never travelled before this revision: only their IDs change."""
    bind = op.get_bind()
    for row in bind.execute(sa.text(select)).all():
        new = str(uuid.uuid5(_HOLIDAY_NAMESPACE, key(row)))
        if new != row.id:
            bind.execute(sa.text(f"UPDATE {table} SET id = :new WHERE id = :old"), {"new": new, "old": row.id})


def downgrade() -> None:
    with op.batch_alter_table("register_record") as batch:
        batch.drop_index("ix_register_record_batch_village")
