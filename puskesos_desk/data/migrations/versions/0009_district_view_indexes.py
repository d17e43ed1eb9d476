"""Indexes for the district's consolidated views (issue 7): at a million persons the period filters and the
ordering by date would otherwise scan whole tables (referral by letter date; complaints, needs, proposals and
persons by when they were recorded; visits and proposals by status).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("referral", "ix_referral_letter_date", ("letter_date",)),
    ("complaint", "ix_complaint_created_at", ("created_at",)),
    ("need", "ix_need_created_at", ("created_at",)),
    ("dtsen_proposal", "ix_dtsen_proposal_created_at", ("created_at",)),
    ("dtsen_proposal", "ix_dtsen_proposal_status", ("status",)),
    ("person", "ix_person_created_at", ("created_at",)),
    ("visit", "ix_visit_status", ("status",)),
)


def upgrade() -> None:
    for table, name, columns in INDEXES:
        op.create_index(name, table, list(columns), unique=False)


def downgrade() -> None:
    for table, name, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
