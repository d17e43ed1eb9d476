"""This installation's site, its keys, the sites it trusts, settings and human-number counters."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from puskesos_desk.data.orm.base import Base, RecordMixin, SensitiveColumns, UTCDateTime, utcnow


class Site(RecordMixin, Base):
    __tablename__ = "site"

    code: Mapped[str] = mapped_column(String(13), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(12), nullable=False)  # desa | kabupaten
    address: Mapped[str] = mapped_column(Text, nullable=False, default="")
    region_path: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    parent_code: Mapped[str | None] = mapped_column(String(13), nullable=True)  # a village's kabupaten/kota


class SiteKey(Base):
    """The site's Ed25519 key pair. One key signs slip QR tokens and exchange packages.

    Not a RecordMixin table: keys never travel and are never audited by value.
    """

    __tablename__ = "site_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_code: Mapped[str] = mapped_column(String(13), nullable=False, unique=True)
    algorithm: Mapped[str] = mapped_column(String(20), nullable=False, default="Ed25519")
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # raw 32 bytes
    private_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # raw 32-byte seed
    audit_secret: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)  # keys hashes of sensitive values
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)


class TrustedSite(RecordMixin, Base):
    __tablename__ = "trusted_site"

    code: Mapped[str] = mapped_column(String(13), unique=True, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(12), nullable=False)
    public_key: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    fingerprint: Mapped[str] = mapped_column(String(80), nullable=False)
    enrolment_code_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    trusted_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, default=utcnow)


class Setting(RecordMixin, Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), unique=True, nullable=False)
    value: Mapped[object] = mapped_column(JSON, nullable=True)


class NumberSequence(Base):
    """Gap-free counters for human numbers (letter numbers, registration numbers), one row per name and period.

    Incremented inside the transaction that uses the number, so a rolled-back action leaves no gap.
    """

    __tablename__ = "number_sequence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), nullable=False)
    period: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    last_value: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (UniqueConstraint("name", "period"),)


class VillageEnrolment(RecordMixin, SensitiveColumns, Base):
    """A village invited to join with a set-up file (at the district), or its own invitation (at the village).

    `code_hash` is the key derived from the one-time enrolment code (services/enrolment.py), never the code itself;
    it is logged as a keyed hash. `used_at` is set when the village's first package registered its key: once used,
    the code never works again.
    """

    __tablename__ = "village_enrolment"
    __sensitive__ = ("code_hash",)

    site_code: Mapped[str] = mapped_column(String(13), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    code_hash: Mapped[str] = mapped_column(String(128), nullable=False)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
