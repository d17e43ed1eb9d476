"""The district's decisions on cross-village duplicate persons (merged, or not a duplicate), and covering indexes
for finding persons of different villages with the same NIK, or the same normalised name and birth date.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_merge",
        sa.Column("duplicate_person_id", sa.String(length=36), nullable=False),
        sa.Column("survivor_person_id", sa.String(length=36), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("match_kind", sa.String(length=24), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=80), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("deleted_by", sa.String(length=80), nullable=True),
        sa.Column("deleted_reason", sa.Text(), nullable=True),
        sa.Column("origin_site", sa.String(length=13), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_merge")),
    )
    with op.batch_alter_table("person_merge") as batch:
        batch.create_index(batch.f("ix_person_merge_duplicate_person_id"), ["duplicate_person_id"])
        batch.create_index(batch.f("ix_person_merge_survivor_person_id"), ["survivor_person_id"])
    with op.batch_alter_table("person") as batch:
        batch.create_index("ix_person_duplicate_nik", ["nik", "origin_site", "deleted_at"])
        batch.create_index("ix_person_duplicate_name", ["name_key", "birth_date", "origin_site", "deleted_at"])


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_index("ix_person_duplicate_name")
        batch.drop_index("ix_person_duplicate_nik")
    op.drop_table("person_merge")
