"""Referrals (rujukan) to a directory service, and their status events."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin, UTCDateTime, fk_uuid, live_index


class Referral(RecordMixin, Base):
    __tablename__ = "referral"
    # The resident's problem in their words: hashed in the audit log. The agency's outcome notes stay readable, since
    # a conflict workbook shows their value at the last exchange (read back from the log).
    __sensitive__ = ("problem_summary",)

    letter_number: Mapped[str] = mapped_column(String(80), unique=True, nullable=False)
    letter_year: Mapped[int] = mapped_column(Integer, nullable=False)
    letter_seq: Mapped[int] = mapped_column(Integer, nullable=False)  # gap-free per year
    letter_date: Mapped[date] = mapped_column(Date, nullable=False)
    visit_id: Mapped[str | None] = fk_uuid("visit.id")
    need_id: Mapped[str | None] = fk_uuid("need.id")
    complaint_id: Mapped[str | None] = fk_uuid("complaint.id")
    person_id: Mapped[str] = fk_uuid("person.id", nullable=False)
    household_id: Mapped[str] = fk_uuid("household.id", nullable=False)
    service_id: Mapped[str] = fk_uuid("service_directory_entry.id", nullable=False)
    recipient_snapshot: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    requested_service: Mapped[str] = mapped_column(Text, nullable=False)
    problem_summary: Mapped[str] = mapped_column(Text, nullable=False)
    register_snapshot: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    documents_attached: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    data_shared: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    consent_id: Mapped[str | None] = fk_uuid("consent.id")
    full_ids_on_slip: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    drafted_by: Mapped[str] = mapped_column(String(80), nullable=False)
    approved_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="DRAFT")
    response_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(25), nullable=True)
    outcome_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    rejection_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    print_count: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (
        # Letter numbers are counted per site: a district holds the referrals of all its villages.
        UniqueConstraint("origin_site", "letter_year", "letter_seq"),
        Index("ix_referral_status_due", "status", "response_due"),
        Index("ix_referral_letter_date", "letter_date"),
        # The district's paged lists and the monthly recap over 200,000 referrals (migration 0011).
        live_index("ix_referral_live_letter_date", "letter_date", "status", "outcome", "id"),
        live_index("ix_referral_live_received_on", "received_on", "response_due", "status"),
        live_index("ix_referral_live_status_letter_date", "status", "letter_date", "id"),
        live_index("ix_referral_live_status_due", "status", "response_due", "received_on"),
    )


class ReferralEvent(RecordMixin, Base):
    """Append-only history of a referral: each status change with who, when and where the news came from."""

    __tablename__ = "referral_event"
    __sensitive__ = ("notes",)  # free text about a resident: hashed in the audit log

    referral_id: Mapped[str] = fk_uuid("referral.id", nullable=False)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    actor_id: Mapped[str] = mapped_column(String(80), nullable=False)
    status_before: Mapped[str | None] = mapped_column(String(20), nullable=True)
    status_after: Mapped[str] = mapped_column(String(20), nullable=False)
    source: Mapped[str | None] = mapped_column(String(20), nullable=True)  # FeedbackSource
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    next_action_on: Mapped[date | None] = mapped_column(Date, nullable=True)
