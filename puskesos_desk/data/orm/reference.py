"""Reference data: regions, programmes, PPKS, complaint categories, need domains, holidays, service directory.

All but Wilayah are editable by the district and travel in district packages, so they carry RecordMixin.
Wilayah is the Kemendagri list itself (83,762 desa/kelurahan), versioned by regulation and never edited here.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin


class Wilayah(Base):
    __tablename__ = "wilayah"

    code: Mapped[str] = mapped_column(String(13), primary_key=True)  # "33.22.01.2007"
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    level: Mapped[int] = mapped_column(Integer, nullable=False)  # 1 provinsi … 4 desa/kelurahan
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # provinsi, kabupaten, kota, kecamatan, desa…
    parent_code: Mapped[str | None] = mapped_column(String(13), nullable=True)
    postal_code: Mapped[str | None] = mapped_column(String(5), nullable=True)
    name_key: Mapped[str] = mapped_column(String(120), nullable=False)  # lower-case, without DESA/KEL. prefixes
    bps_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    siks_id: Mapped[str | None] = mapped_column(String(20), nullable=True)
    source_regulation: Mapped[str] = mapped_column(String(80), nullable=False)

    __table_args__ = (
        Index("ix_wilayah_parent_code", "parent_code"),
        Index("ix_wilayah_parent_name", "parent_code", "name_key"),
    )


class Program(RecordMixin, Base):
    __tablename__ = "program"

    code: Mapped[str] = mapped_column(String(30), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    organiser: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    level: Mapped[str] = mapped_column(String(20), nullable=False, default="pusat")
    max_desil: Mapped[int | None] = mapped_column(Integer, nullable=True)
    card_name: Mapped[str | None] = mapped_column(String(40), nullable=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class PpksCategory(RecordMixin, Base):
    __tablename__ = "ppks_category"

    code: Mapped[str] = mapped_column(String(10), unique=True, nullable=False)  # PPKS-01 … PPKS-26
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    criteria: Mapped[str] = mapped_column(Text, nullable=False, default="")
    atensi_cluster: Mapped[str | None] = mapped_column(String(30), nullable=True)
    specific_data: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)  # UU PDP Ps. 4
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class ComplaintCategory(RecordMixin, Base):
    __tablename__ = "complaint_category"

    code: Mapped[str] = mapped_column(String(40), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    related_programs: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    default_urgency: Mapped[str] = mapped_column(String(10), nullable=False, default="BIASA")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class NeedDomain(RecordMixin, Base):
    __tablename__ = "need_domain"

    code: Mapped[str] = mapped_column(String(20), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    related_programs: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class CodeListEntry(RecordMixin, Base):
    """Small closed-but-editable lists of the forms (relations, education, housing…) from enums.json."""

    __tablename__ = "code_list_entry"

    list_name: Mapped[str] = mapped_column(String(40), nullable=False)
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    extra: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    __table_args__ = (UniqueConstraint("list_name", "code"),)


class Holiday(RecordMixin, Base):
    __tablename__ = "holiday"

    day: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # libur_nasional, cuti_bersama, lokal
    source: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    __table_args__ = (UniqueConstraint("day", "name"),)


class HolidayYear(RecordMixin, Base):
    """A year whose holiday list is known. Without a row, working days count weekends only, and say so."""

    __tablename__ = "holiday_year"

    year: Mapped[int] = mapped_column(Integer, unique=True, nullable=False)
    decree: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    source: Mapped[str] = mapped_column(String(300), nullable=False, default="")


class ServiceDirectoryEntry(RecordMixin, Base):
    """A service a resident can be referred to, shaped after Open Referral HSDS (organization → service →
    location/contact) but flattened: one row is one service of one agency."""

    __tablename__ = "service_directory_entry"

    code: Mapped[str] = mapped_column(String(60), unique=True, nullable=False)
    service_name: Mapped[str] = mapped_column(String(250), nullable=False)
    program_code: Mapped[str | None] = mapped_column(String(30), nullable=True)
    organization: Mapped[str] = mapped_column(String(250), nullable=False)
    organization_kind: Mapped[str] = mapped_column(String(30), nullable=False)  # pemerintah_pusat, pemda, …
    address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    region_code: Mapped[str | None] = mapped_column(String(13), nullable=True)
    contact_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    phone: Mapped[str | None] = mapped_column(String(40), nullable=True)
    email: Mapped[str | None] = mapped_column(String(120), nullable=True)
    url: Mapped[str | None] = mapped_column(String(300), nullable=True)
    hours: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    eligibility: Mapped[str] = mapped_column(Text, nullable=False, default="")
    required_documents: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    need_domains: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    response_days: Mapped[int] = mapped_column(Integer, nullable=False, default=10)  # working days
    needs_explicit_consent: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    needs_full_ids: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    is_example: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    supplied_by: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    # When the district last confirmed the entry with the agency; entries unchecked for six months are flagged.
    last_checked_on: Mapped[date | None] = mapped_column(Date, nullable=True)
