"""DTSEN proposals (usulan) prepared for the SIKS-NG operator, and household change requests."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin, UTCDateTime, fk_uuid


class DtsenProposal(RecordMixin, Base):
    __tablename__ = "dtsen_proposal"
    __sensitive__ = ("verification_notes",)  # a resident's details and free text: hashed in the audit log

    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    household_id: Mapped[str] = fk_uuid("household.id", nullable=False)
    visit_id: Mapped[str | None] = fk_uuid("visit.id")
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # BARU / PERBAIKAN_DATA / SANGGAH
    members_snapshot: Mapped[list[dict[str, object]]] = mapped_column(JSON, nullable=False, default=list)
    housing_snapshot: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    criteria_262: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    requested_programs: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    musdes_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    musdes_minutes_number: Mapped[str | None] = mapped_column(String(80), nullable=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="DRAFT")
    verification_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    export_package_id: Mapped[str | None] = mapped_column(String(36), nullable=True)

    __table_args__ = (Index("ix_dtsen_proposal_status", "status"),
                      Index("ix_dtsen_proposal_created_at", "created_at"))


class HouseholdChangeRequest(RecordMixin, Base):
    """A change to a household's composition, pending until the district (or, where allowed, the Koordinator)
    approves it."""

    __tablename__ = "household_change_request"
    # A resident's details and free text: hashed in the audit log.
    __sensitive__ = ("payload", "reason", "decision_reason")

    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    household_id: Mapped[str] = fk_uuid("household.id", nullable=False)
    person_id: Mapped[str | None] = fk_uuid("person.id")
    kind: Mapped[str] = mapped_column(String(25), nullable=False)  # ChangeKind
    payload: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="MENUNGGU")
    decided_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    decision_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    decided_where: Mapped[str | None] = mapped_column(String(12), nullable=True)  # lokal | kabupaten
