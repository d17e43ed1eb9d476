"""Exchange packages: what each peer holds, rows parked for a decision, and identities that hold across sites.

- exchange_peer_record: per peer and record, the peer's version as last learnt (the delta and the conflict rule).
- exchange_parked_row: incoming rows waiting for a person (conflicts, rows edited outside the application).
- referral letter numbers are unique per origin site (a district holds every village's referrals), and package
  sequences per sender *and receiver* (a district numbers its packages to each village separately).
- seeded example services get the UUID derived from their code, the same at every site, so a referral to one
  names a record the district has too.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_EXAMPLE_SERVICE_NAMESPACE = uuid.UUID("5f0c1e2a-8d7b-4c3e-9a61-2b4d6f8e0c17")  # = domain.reference


def _record_columns() -> list[sa.Column[object]]:
    return [
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
    ]


def upgrade() -> None:
    op.create_table(
        "exchange_peer_record",
        sa.Column("peer_code", sa.String(length=13), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("peer_version", sa.Integer(), nullable=True),
        sa.Column("synced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_version", sa.Integer(), nullable=True),
        sa.Column("sent_sequence", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("peer_code", "table_name", "record_id", name=op.f("pk_exchange_peer_record")),
    )
    op.create_table(
        "exchange_parked_row",
        sa.Column("package_uuid", sa.String(length=36), nullable=False),
        sa.Column("sender_code", sa.String(length=13), nullable=False),
        sa.Column("sheet", sa.String(length=40), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=12), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("sender_version", sa.Integer(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        *_record_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_parked_row")),
    )
    with op.batch_alter_table("exchange_parked_row") as batch:
        batch.create_index(batch.f("ix_exchange_parked_row_package_uuid"), ["package_uuid"])
        batch.create_index(batch.f("ix_exchange_parked_row_record_id"), ["record_id"])
    with op.batch_alter_table("exchange_package") as batch:
        batch.drop_constraint("uq_exchange_package_direction_sender_code_sequence", type_="unique")
        batch.create_unique_constraint(
            _package_unique_name(), ["direction", "sender_code", "receiver_code", "sequence"],
        )
    _rekey_example_services()
    with op.batch_alter_table("referral") as batch:
        batch.drop_constraint("uq_referral_letter_year_letter_seq", type_="unique")
        batch.create_unique_constraint(
            "uq_referral_origin_site_letter_year_letter_seq", ["origin_site", "letter_year", "letter_seq"]
        )


def _package_unique_name() -> str:
    """The naming convention's name is 64 characters: PostgreSQL allows 63, so there it takes the name SQLAlchemy
    gives the model's constraint (truncated with a hash), and the schema matches the models on both backends."""
    full = "uq_exchange_package_direction_sender_code_receiver_code_sequence"
    return full if op.get_bind().dialect.name == "sqlite" else "uq_exchange_package_direction_sender_code_receiver_code_bef3"


def _rekey_example_services() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, code FROM service_directory_entry WHERE is_example")).all()
    moves = [(row.id, str(uuid.uuid5(_EXAMPLE_SERVICE_NAMESPACE, f"service_directory_entry/{row.code}")))
             for row in rows]
    moves = [(old, new) for old, new in moves if old != new]
    if not moves:
        return
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("PRAGMA defer_foreign_keys = ON")  # checked at commit, when both sides moved
    else:
        op.drop_constraint("fk_referral_service_id_service_directory_entry", "referral", type_="foreignkey")
    for old, new in moves:
        bind.execute(sa.text("UPDATE service_directory_entry SET id = :new WHERE id = :old"), {"new": new, "old": old})
        bind.execute(sa.text("UPDATE referral SET service_id = :new WHERE service_id = :old"), {"new": new, "old": old})
    if bind.dialect.name != "sqlite":
        op.create_foreign_key("fk_referral_service_id_service_directory_entry", "referral",
                              "service_directory_entry", ["service_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("referral") as batch:
        batch.drop_constraint("uq_referral_origin_site_letter_year_letter_seq", type_="unique")
        batch.create_unique_constraint("uq_referral_letter_year_letter_seq", ["letter_year", "letter_seq"])
    with op.batch_alter_table("exchange_package") as batch:
        batch.drop_constraint(_package_unique_name(), type_="unique")
        batch.create_unique_constraint(
            "uq_exchange_package_direction_sender_code_sequence", ["direction", "sender_code", "sequence"]
        )
    op.drop_table("exchange_parked_row")
    op.drop_table("exchange_peer_record")
