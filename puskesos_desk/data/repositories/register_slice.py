"""Reads of the district's extract for return packages: its active batches and one village's rows of a batch."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.register import RegisterBatch, RegisterRecord
from puskesos_desk.data.repositories.register import ACTIVE
from puskesos_desk.domain.register_slice import RECORD_FIELDS

_FIELDS = tuple(getattr(RegisterRecord, key) for key in RECORD_FIELDS)


def active_batches(session: Session) -> list[RegisterBatch]:
    """The AKTIF batch of each dataset, oldest dataset first (DTSEN, DTKS, P3KE sort as text)."""
    return list(session.scalars(select(RegisterBatch).where(
        RegisterBatch.status == ACTIVE, RegisterBatch.deleted_at.is_(None)).order_by(RegisterBatch.dataset)))


def count_village_rows(session: Session, batch_id: str, village_code: str) -> int:
    return int(session.scalar(select(func.count()).select_from(RegisterRecord).where(
        RegisterRecord.batch_id == batch_id, RegisterRecord.village_code == village_code)) or 0)


def village_rows(session: Session, batch_id: str, village_code: str, *, partition: int = 2000
                 ) -> Iterator[dict[str, Any]]:
    """The rows of one village in a batch, in the order they were imported, streamed (a district batch holds about
    a million rows; the (batch_id, village_code) index keeps this to the village's few thousand)."""
    query = (select(RegisterRecord.id, *_FIELDS)
             .where(RegisterRecord.batch_id == batch_id, RegisterRecord.village_code == village_code)
             .order_by(RegisterRecord.id).execution_options(yield_per=partition))
    for part in session.execute(query).partitions():
        for row in part:
            yield dict(row._mapping)
