"""Households (KK), persons, their membership history, KK-number history and PPKS categories."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, Float, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin, SensitiveColumns, UTCDateTime, fk_uuid, live_index


class Household(SensitiveColumns, RecordMixin, Base):
    """A family as registered at the Puskesos. The internal id is the key: KK numbers change on reissue."""

    __tablename__ = "household"
    # Identifying and free-text fields go to the audit log as keyed hashes: the log is never anonymised (it must
    # stay verifiable), so it must not hold what the retention schedule or a deletion request removes.
    __sensitive__ = ("kk_number", "phone", "head_name", "address", "hamlet", "latitude", "longitude")
    __table_args__ = (live_index("ix_household_live_village_number", "village_code", "number", "id"),)

    number: Mapped[str] = mapped_column(String(30), unique=True, nullable=False)  # human number
    kk_number: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    no_kk_reason: Mapped[str | None] = mapped_column(String(30), nullable=True)
    head_person_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    head_name: Mapped[str] = mapped_column(String(200), nullable=False)  # denormalised for lists
    address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    rt: Mapped[str] = mapped_column(String(3), nullable=False, default="")
    rw: Mapped[str] = mapped_column(String(3), nullable=False, default="")
    hamlet: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    village_code: Mapped[str] = mapped_column(String(13), nullable=False, index=True)
    postal_code: Mapped[str | None] = mapped_column(String(5), nullable=True)
    lives_at_kk_address: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    phone: Mapped[str | None] = mapped_column(String(30), nullable=True)
    housing: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    # Set when the identifying fields were removed (retention or the resident's request); the row stays for counts.
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class KkHistory(SensitiveColumns, RecordMixin, Base):
    __tablename__ = "kk_history"
    __sensitive__ = ("kk_number",)

    household_id: Mapped[str] = fk_uuid("household.id", nullable=False)
    kk_number: Mapped[str] = mapped_column(String(16), nullable=False)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")


class Person(SensitiveColumns, RecordMixin, Base):
    __tablename__ = "person"
    __sensitive__ = (
        "nik", "birth_date", "disability", "chronic_illness", "pregnant", "due_date", "mother_name", "phone",
        "name", "name_key", "birth_place",
    )

    household_id: Mapped[str | None] = fk_uuid("household.id")
    nik: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    no_nik_reason: Mapped[str | None] = mapped_column(String(30), nullable=True)
    nik_check: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_key: Mapped[str] = mapped_column(String(200), nullable=False)  # names.normalize_name(name)
    birth_place: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    sex: Mapped[str] = mapped_column(String(1), nullable=False)
    relation: Mapped[str] = mapped_column(String(30), nullable=False)  # hubungan_kk code
    marital_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    religion: Mapped[str | None] = mapped_column(String(20), nullable=True)
    education: Mapped[str | None] = mapped_column(String(20), nullable=True)
    school_status: Mapped[str | None] = mapped_column(String(30), nullable=True)
    occupation: Mapped[str | None] = mapped_column(String(120), nullable=True)
    documents: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    disability: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)  # specific data
    chronic_illness: Mapped[str | None] = mapped_column(Text, nullable=True)  # specific data
    pregnant: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # specific data
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    mother_name: Mapped[str | None] = mapped_column(String(200), nullable=True)  # only for DTSEN proposals
    residence_status: Mapped[str] = mapped_column(String(20), nullable=False, default="ADA")
    citizenship: Mapped[str] = mapped_column(String(3), nullable=False, default="WNI")
    phone: Mapped[str | None] = mapped_column(String(30), nullable=True)
    duplicate_of: Mapped[str | None] = mapped_column(String(36), nullable=True)  # flagged for review
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)  # see Household

    __table_args__ = (
        Index("ix_person_name_key", "name_key"),
        Index("ix_person_birth_date", "birth_date"),
        Index("ix_person_created_at", "created_at"),
        live_index("ix_person_live_name_key", "name_key", "id"),  # the district's person list, paged by name
    )


class Membership(RecordMixin, Base):
    """Which household a person belonged to, and when. `Person.household_id` is the current one."""

    __tablename__ = "membership"

    household_id: Mapped[str] = fk_uuid("household.id", nullable=False)
    person_id: Mapped[str] = fk_uuid("person.id", nullable=False)
    relation: Mapped[str] = mapped_column(String(30), nullable=False)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")


class PersonPpks(RecordMixin, Base):
    __tablename__ = "person_ppks"

    person_id: Mapped[str] = fk_uuid("person.id", nullable=False)
    ppks_code: Mapped[str] = mapped_column(String(10), nullable=False)
    since: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    source: Mapped[str] = mapped_column(String(40), nullable=False, default="")
