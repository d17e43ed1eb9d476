"""The exchange-package ledger and the export register (who took which personal data where, and why)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin, SensitiveColumns, UTCDateTime


class ExchangePackage(RecordMixin, Base):
    """One workbook sent or received. The package UUID is `package_uuid`; (sender, sequence) orders them."""

    __tablename__ = "exchange_package"

    package_uuid: Mapped[str] = mapped_column(String(36), unique=True, nullable=False)
    direction: Mapped[str] = mapped_column(String(6), nullable=False)  # KELUAR / MASUK
    kind: Mapped[str] = mapped_column(String(20), nullable=False)  # DESA_KE_KABUPATEN / KABUPATEN_KE_DESA
    sender_code: Mapped[str] = mapped_column(String(13), nullable=False)
    receiver_code: Mapped[str] = mapped_column(String(13), nullable=False)
    sequence: Mapped[int] = mapped_column(Integer, nullable=False)
    previous_package_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    format_version: Mapped[str] = mapped_column(String(10), nullable=False)
    package_created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    file_name: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    row_counts: Mapped[dict[str, int]] = mapped_column(JSON, nullable=False, default=dict)
    audit_head: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(12), nullable=False)  # DIBUAT, DIAKUI, DITERAPKAN, DITOLAK
    report: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False, default=dict)

    __table_args__ = (UniqueConstraint("direction", "sender_code", "receiver_code", "sequence"),)


class ExportRecord(RecordMixin, Base):
    """Every file of personal data that leaves the application (UU PDP accountability, domain.md §7.2 item 5)."""

    __tablename__ = "export_record"

    kind: Mapped[str] = mapped_column(String(30), nullable=False)  # PAKET, LAPORAN, USULAN_DTSEN, …
    file_name: Mapped[str] = mapped_column(String(300), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    recipient: Mapped[str] = mapped_column(String(200), nullable=False)
    purpose: Mapped[str] = mapped_column(Text, nullable=False)
    row_counts: Mapped[dict[str, int]] = mapped_column(JSON, nullable=False, default=dict)
    columns: Mapped[list[str]] = mapped_column(JSON, nullable=False, default=list)
    encrypted: Mapped[bool] = mapped_column(default=False)
    masked: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ExchangePeerRecord(Base):
    """What this site knows of one record at one peer site: the delta and the conflict rule both rest on it.

    `peer_version` is the peer's version of the record as last learnt — from a row the peer sent, or from the
    peer's acknowledgement of a package that carried the record. A record is in the next delta to the peer while its
    own version differs from `peer_version`. Bookkeeping, not a case record: no audit event per row.
    """

    __tablename__ = "exchange_peer_record"

    peer_code: Mapped[str] = mapped_column(String(13), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    peer_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    synced_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    sent_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sent_sequence: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ExchangeParkedRow(RecordMixin, SensitiveColumns, Base):
    """An incoming row waiting for a person's decision: a conflict, or a row edited outside the application."""

    __tablename__ = "exchange_parked_row"
    __sensitive__ = ("values",)

    package_uuid: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    sender_code: Mapped[str] = mapped_column(String(13), nullable=False)
    sheet: Mapped[str] = mapped_column(String(40), nullable=False)
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    record_id: Mapped[str] = mapped_column(String(36), nullable=False, index=True)
    row_number: Mapped[int] = mapped_column(Integer, nullable=False)
    reason: Mapped[str] = mapped_column(String(12), nullable=False)  # KONFLIK / DIUBAH
    values: Mapped[dict[str, object]] = mapped_column(JSON, nullable=False)  # the sender's fields, as JSON text
    sender_version: Mapped[int] = mapped_column(Integer, nullable=False)
    base_version: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="MENUNGGU")  # DITERAPKAN / DIABAIKAN
    decided_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
