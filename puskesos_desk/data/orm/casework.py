"""A resident's contact with the Puskesos: visits, notice and consent, complaints, needs, programme
participation and generic follow-up notes."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin, UTCDateTime, fk_uuid, live_index


class Visit(RecordMixin, Base):
    __tablename__ = "visit"
    __sensitive__ = ("applicant_name", "purpose")  # free text about a resident: hashed in the audit log

    registration_number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, index=True)
    channel: Mapped[str] = mapped_column(String(20), nullable=False)
    household_id: Mapped[str] = fk_uuid("household.id", nullable=False)
    applicant_person_id: Mapped[str | None] = fk_uuid("person.id")
    applicant_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")  # if not registered
    applicant_relation: Mapped[str] = mapped_column(String(20), nullable=False)
    subject_person_ids: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    officer_id: Mapped[str] = mapped_column(String(80), nullable=False)
    purpose: Mapped[str] = mapped_column(Text, nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="TERBUKA")

    __table_args__ = (
        Index("ix_visit_status", "status"),  # the district's consolidated views filter by it
        live_index("ix_visit_live_occurred_at", "occurred_at", "id"),
        live_index("ix_visit_live_status_occurred_at", "status", "occurred_at", "id"),
    )


class Consent(RecordMixin, Base):
    """Privacy notice given and, where needed, explicit consent (UU PDP Ps. 20–25), per person per visit."""

    __tablename__ = "consent"
    __sensitive__ = ("given_by_name",)  # free text about a resident: hashed in the audit log

    person_id: Mapped[str] = fk_uuid("person.id", nullable=False)
    visit_id: Mapped[str | None] = fk_uuid("visit.id")
    legal_basis: Mapped[str] = mapped_column(String(30), nullable=False)  # PS20E_PELAYANAN_PUBLIK / PS20A_PERSETUJUAN
    notice_given: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    purposes: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    given_by: Mapped[str] = mapped_column(String(20), nullable=False, default="DIRI_SENDIRI")  # ORANG_TUA_WALI…
    given_by_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    method: Mapped[str] = mapped_column(String(20), nullable=False, default="TANDA_TANGAN")
    given_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    notice_version: Mapped[str] = mapped_column(String(40), nullable=False, default="")


class Complaint(RecordMixin, Base):
    __tablename__ = "complaint"
    __sensitive__ = ("description", "answer")  # free text about a resident: hashed in the audit log

    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    visit_id: Mapped[str | None] = fk_uuid("visit.id")
    person_id: Mapped[str | None] = fk_uuid("person.id")
    household_id: Mapped[str] = fk_uuid("household.id", nullable=False)
    kind: Mapped[str] = mapped_column(String(12), nullable=False)  # PERTANYAAN / SARAN / PENGADUAN
    category_code: Mapped[str] = mapped_column(String(40), nullable=False)
    program_code: Mapped[str | None] = mapped_column(String(30), nullable=True)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    urgency: Mapped[str] = mapped_column(String(10), nullable=False, default="BIASA")
    status: Mapped[str] = mapped_column(String(25), nullable=False, default="BARU")
    answer: Mapped[str] = mapped_column(Text, nullable=False, default="")
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_by: Mapped[str | None] = mapped_column(String(80), nullable=True)

    __table_args__ = (Index("ix_complaint_status_due", "status", "due_date"),
                      Index("ix_complaint_created_at", "created_at"))


class Need(RecordMixin, Base):
    __tablename__ = "need"
    __sensitive__ = ("description",)  # free text about a resident: hashed in the audit log

    number: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    visit_id: Mapped[str | None] = fk_uuid("visit.id")
    person_id: Mapped[str | None] = fk_uuid("person.id")
    household_id: Mapped[str] = fk_uuid("household.id", nullable=False)
    complaint_id: Mapped[str | None] = fk_uuid("complaint.id")
    domain_code: Mapped[str] = mapped_column(String(20), nullable=False)
    ppks_codes: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    proposed_program: Mapped[str | None] = mapped_column(String(30), nullable=True)
    eligibility: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="TERIDENTIFIKASI")
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)

    __table_args__ = (Index("ix_need_status_due", "status", "due_date"),
                      Index("ix_need_created_at", "created_at"))


class Participation(RecordMixin, Base):
    """Programme participation (kepesertaan) as known to the Puskesos, with where the knowledge came from."""

    __tablename__ = "participation"
    __sensitive__ = ("notes",)  # free text about a resident: hashed in the audit log

    household_id: Mapped[str] = fk_uuid("household.id", nullable=False)
    person_id: Mapped[str | None] = fk_uuid("person.id")
    program_code: Mapped[str] = mapped_column(String(30), nullable=False)
    card_number: Mapped[str | None] = mapped_column(String(40), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    since: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(String(20), nullable=False)  # ParticipationSource
    as_of: Mapped[date] = mapped_column(Date, nullable=False)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class FollowUp(RecordMixin, Base):
    """A follow-up note on a complaint, need or proposal (referrals have their own status events)."""

    __tablename__ = "follow_up"
    __sensitive__ = ("notes",)  # free text about a resident: hashed in the audit log

    entity: Mapped[str] = mapped_column(String(30), nullable=False)  # complaint | need | proposal
    entity_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    method: Mapped[str] = mapped_column(String(30), nullable=False)
    officer_id: Mapped[str] = mapped_column(String(80), nullable=False)
    status_before: Mapped[str | None] = mapped_column(String(30), nullable=True)
    status_after: Mapped[str | None] = mapped_column(String(30), nullable=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    next_action_on: Mapped[date | None] = mapped_column(Date, nullable=True)
