"""The district's DTSEN/DTKS extract as imported at the Puskesos: batches, records and row-level issues."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin, UTCDateTime, fk_uuid


class RegisterBatch(RecordMixin, Base):
    __tablename__ = "register_batch"

    dataset: Mapped[str] = mapped_column(String(8), nullable=False)  # DTSEN / DTKS / P3KE
    file_name: Mapped[str] = mapped_column(String(300), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    as_of: Mapped[date] = mapped_column(Date, nullable=False)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    source_label: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    column_mapping: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    rows_total: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_imported: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_other_village: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # Rows of this desa whose NIK Excel had stored as a number (digits lost): reported, never stored.
    rows_nik_damaged: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    rows_with_warnings: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="AKTIF")  # AKTIF / DIGANTI


class RegisterRecord(Base):
    """One row of an extract. Not a RecordMixin table: rows are bulk-loaded per batch and replaced as a whole."""

    __tablename__ = "register_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = fk_uuid("register_batch.id", nullable=False)
    dataset: Mapped[str] = mapped_column(String(8), nullable=False)
    family_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    register_person_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    kk_number: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    nik: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    name_key: Mapped[str] = mapped_column(String(200), nullable=False)
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    sex: Mapped[str | None] = mapped_column(String(1), nullable=True)
    relation: Mapped[str | None] = mapped_column(String(40), nullable=True)
    address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    rt: Mapped[str] = mapped_column(String(3), nullable=False, default="")
    rw: Mapped[str] = mapped_column(String(3), nullable=False, default="")
    village_code: Mapped[str | None] = mapped_column(String(13), nullable=True)
    village_name: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    desil_national: Mapped[int | None] = mapped_column(Integer, nullable=True)
    desil_province: Mapped[int | None] = mapped_column(Integer, nullable=True)
    desil_regency: Mapped[int | None] = mapped_column(Integer, nullable=True)
    programs: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)
    remarks: Mapped[str] = mapped_column(Text, nullable=False, default="")
    warnings: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    raw: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)

    __table_args__ = (Index("ix_register_record_name_key", "name_key"),
                      Index("ix_register_record_batch_village", "batch_id", "village_code"),
                      # The district desk ties extract rows to persons by name and birth date (migration 0012).
                      Index("ix_register_record_identity", "name_key", "birth_date"))


class RegisterIssue(Base):
    __tablename__ = "register_issue"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = fk_uuid("register_batch.id", nullable=False)
    row_number: Mapped[int] = mapped_column(Integer, nullable=False)
    column: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    masked_value: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    severity: Mapped[str] = mapped_column(String(8), nullable=False)  # error / warning
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False)
