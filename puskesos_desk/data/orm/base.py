"""Declarative base, portable column types and the columns every case record carries."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Index, Integer, MetaData, String, Text, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def live_index(name: str, *columns: str) -> Index:
    """An index over live rows only (deleted_at IS NULL), the rows every list and count reads (migration 0011)."""
    live = text("deleted_at IS NULL")
    return Index(name, *columns, sqlite_where=live, postgresql_where=live)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def new_uuid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware timestamps on every backend.

    PostgreSQL has timestamptz; SQLite has no time zones, so values are stored as UTC and handed back aware.
    A naive datetime is refused: it is always a bug that would shift times by the local offset.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; use an aware datetime (UTC)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    @staticmethod
    def sqlite_text(value: datetime | None) -> str | None:
        """What SQLite stores for `value`: process_bind_param's naive UTC moment as SQLAlchemy's SQLite DATETIME
        writes it ("2026-11-24 03:04:05.000000", microseconds always). One step instead of two for bulk inserts
        (repositories/exchange_rows.py), where the two took 2 µs a moment, a second and a half per import of
        100,000 persons; tests/data/test_bulk_insert.py compares the text with SQLAlchemy's."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored; use an aware datetime (UTC)")
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def uuid_pk() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_uuid)


def fk_uuid(target: str, *, nullable: bool = True, index: bool = True) -> Any:
    from sqlalchemy import ForeignKey

    return mapped_column(String(36), ForeignKey(target), nullable=nullable, index=index)


class RecordMixin:
    """Every case and reference record: a UUID stable across village and district, who/when, a row version for
    optimistic locking, and soft delete with a reason (records that travelled to the district are never erased
    silently; they become tombstones)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_uuid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    created_by: Mapped[str] = mapped_column(String(80), nullable=False, default="system")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow, nullable=False)
    updated_by: Mapped[str] = mapped_column(String(80), nullable=False, default="system")
    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    deleted_by: Mapped[str | None] = mapped_column(String(80), nullable=True)
    deleted_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The site that created the record (a village code, or the district's) — consolidation needs it.
    origin_site: Mapped[str | None] = mapped_column(String(13), nullable=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.row_version}


class SensitiveColumns:
    """Columns listed in `__sensitive__` are written to the audit log as keyed hashes, never in clear."""

    __sensitive__: tuple[str, ...] = ()
