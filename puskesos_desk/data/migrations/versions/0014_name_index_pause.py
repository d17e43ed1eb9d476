"""Bulk person inserts on SQLite catch the name search index up once per batch instead of once per row
(data/repositories/name_index_bulk.py): a pause table, and the person insert trigger of 0010 with a WHEN clause
that steps aside while a row is in it. PostgreSQL's statement triggers are set-based already: nothing changes there.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

from puskesos_desk.data.repositories import name_search
from puskesos_desk.data.repositories.name_index_bulk import PAUSABLE_PERSON_INSERT, PAUSE_TABLE

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_TRIGGER = "person_name_key_person_ai"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE TABLE {PAUSE_TABLE} (paused INTEGER NOT NULL)")
    op.execute(f"DROP TRIGGER {_TRIGGER}")
    op.execute(PAUSABLE_PERSON_INSERT)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"DROP TRIGGER {_TRIGGER}")
    original = next(s for s in name_search.SQLITE_TRIGGERS if f"TRIGGER {_TRIGGER} " in s)
    op.execute(original)
    op.execute(f"DROP TABLE {PAUSE_TABLE}")
