"""The package ledger (every package made or applied), the export register, and rows parked for a decision."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.exchange import ExchangePackage, ExchangeParkedRow, ExportRecord
from puskesos_desk.data.orm.users import UserAccount as User
from puskesos_desk.domain.exchange_records import LedgerEntry, ParkedRow

OUT, IN = "KELUAR", "MASUK"


def _entry(row: ExchangePackage, actor_name: str | None = None) -> LedgerEntry:
    return LedgerEntry(
        package_id=row.package_uuid, direction=row.direction, kind=row.kind, sender=row.sender_code,
        receiver=row.receiver_code, sequence=row.sequence, status=row.status, created_at=row.package_created_at,
        processed_at=row.processed_at, processed_by=actor_name or row.created_by, file_name=row.file_name,
        sha256=row.sha256, row_counts=dict(row.row_counts or {}), report=dict(row.report or {}),
    )


def _actor_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = session.execute(select(User.id, User.full_name, User.username).where(User.id.in_(ids)))
    return {row.id: f"{row.full_name} ({row.username})" for row in rows}


def find(session: Session, package_id: str) -> LedgerEntry | None:
    row = session.scalar(select(ExchangePackage).where(ExchangePackage.package_uuid == package_id))
    if row is None:
        return None
    return _entry(row, _actor_names(session, {row.created_by}).get(row.created_by))


def recent(session: Session, limit: int = 200) -> list[LedgerEntry]:
    rows = list(session.scalars(select(ExchangePackage).order_by(ExchangePackage.created_at.desc()).limit(limit)))
    names = _actor_names(session, {row.created_by for row in rows})
    return [_entry(row, names.get(row.created_by)) for row in rows]


def next_out_sequence(session: Session, receiver: str) -> tuple[int, str]:
    """(the next sequence to this receiver, the previous outgoing package's UUID or "")."""
    last = session.execute(
        select(ExchangePackage.sequence, ExchangePackage.package_uuid)
        .where(ExchangePackage.direction == OUT, ExchangePackage.receiver_code == receiver)
        .order_by(ExchangePackage.sequence.desc()).limit(1)
    ).first()
    return (last.sequence + 1, last.package_uuid) if last else (1, "")


def received_sequences(session: Session, sender: str) -> set[int]:
    """Sequences of the packages from `sender` applied here: what our next package to it acknowledges."""
    return set(session.scalars(select(ExchangePackage.sequence).where(
        ExchangePackage.direction == IN, ExchangePackage.sender_code == sender)))


def mark_acknowledged(session: Session, receiver: str, sequences: set[int]) -> None:
    if sequences:
        session.execute(update(ExchangePackage).where(
            ExchangePackage.direction == OUT, ExchangePackage.receiver_code == receiver,
            ExchangePackage.sequence.in_(sorted(sequences)), ExchangePackage.status == "DIBUAT",
        ).values(status="DIAKUI"))


def add(session: Session, **fields: Any) -> None:
    session.add(ExchangePackage(**fields))
    session.flush()


def add_export_record(session: Session, **fields: Any) -> None:
    session.add(ExportRecord(**fields))
    session.flush()


# --- parked rows ------------------------------------------------------------------------------------------------


def park(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    session.add_all(ExchangeParkedRow(**row) for row in rows)
    session.flush()


def _parked(row: ExchangeParkedRow) -> ParkedRow:
    return ParkedRow(
        id=row.id, package_id=row.package_uuid, sender=row.sender_code, sheet=row.sheet, table=row.table_name,
        record_id=row.record_id, row_number=row.row_number, reason=row.reason, values=dict(row.values),
        sender_version=row.sender_version, base_version=row.base_version, status=row.status,
        parked_at=row.created_at,
    )


def pending(session: Session, *, package_id: str | None = None, reason: str | None = None,
            ids: Sequence[str] | None = None) -> list[ParkedRow]:
    query = select(ExchangeParkedRow).where(ExchangeParkedRow.status == "MENUNGGU")
    if package_id is not None:
        query = query.where(ExchangeParkedRow.package_uuid == package_id)
    if reason is not None:
        query = query.where(ExchangeParkedRow.reason == reason)
    if ids is not None:
        query = query.where(ExchangeParkedRow.id.in_(list(ids)))
    return [_parked(row) for row in session.scalars(query.order_by(ExchangeParkedRow.created_at,
                                                                   ExchangeParkedRow.row_number))]


def pending_count(session: Session) -> dict[str, int]:
    rows = session.execute(select(ExchangeParkedRow.reason, func.count()).where(
        ExchangeParkedRow.status == "MENUNGGU").group_by(ExchangeParkedRow.reason))
    return {reason: int(count) for reason, count in rows}


def decide(session: Session, parked_id: str, status: str, by: str, at: datetime) -> None:
    row = session.get(ExchangeParkedRow, parked_id)
    if row is not None:
        row.status = status
        row.decided_by = by
        row.decided_at = at
