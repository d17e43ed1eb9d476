"""Complaints (keluhan) as the Keluhan area lists them, and their status changes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.casework import Complaint
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.reference import ComplaintCategory
from puskesos_desk.data.orm.users import UserAccount
from puskesos_desk.domain.enums import ComplaintStatus, ComplaintType, Urgency
from puskesos_desk.domain.errors import Conflict, NotFound
from puskesos_desk.domain.followup import ComplaintItem


def _query() -> Any:
    return (
        select(Complaint, Household.number, Household.head_name, Person.name, ComplaintCategory.name,
               ComplaintCategory.name_en, UserAccount.full_name)
        .join(Household, Household.id == Complaint.household_id)
        .outerjoin(Person, Person.id == Complaint.person_id)
        .outerjoin(ComplaintCategory, ComplaintCategory.code == Complaint.category_code)
        .outerjoin(UserAccount, UserAccount.id == Complaint.closed_by)
        .where(Complaint.deleted_at.is_(None))
    )


def _item(row: Complaint, hh_number: str, head: str, person_name: str | None, cat_name: str | None,
          cat_name_en: str | None, closer_name: str | None) -> ComplaintItem:
    return ComplaintItem(
        id=row.id, number=row.number, household_id=row.household_id, household_number=hh_number,
        household_name=head, person_id=row.person_id, person_name=person_name or "",
        kind=ComplaintType(row.kind), category_code=row.category_code, category_name=cat_name or row.category_code,
        category_name_en=cat_name_en or "", program_code=row.program_code, description=row.description,
        urgency=Urgency(row.urgency), status=ComplaintStatus(row.status), answer=row.answer, due_date=row.due_date,
        created_at=row.created_at, closed_at=row.closed_at, closed_by=row.closed_by,
        closed_by_name=closer_name or (row.closed_by or ""), row_version=row.row_version,
    )


def list_complaints(session: Session, *, statuses: Sequence[ComplaintStatus] | None = None, text: str = "",
                    limit: int = 500) -> list[ComplaintItem]:
    """Newest first. `text` matches the number, the head of household, the person or the description."""
    query = _query()
    if statuses:
        query = query.where(Complaint.status.in_([s.value for s in statuses]))
    words = text.split()
    for word in words:
        pattern = f"%{word.lower()}%"
        query = query.where(or_(
            func.lower(Complaint.number).like(pattern),
            func.lower(Household.head_name).like(pattern),
            func.lower(Household.number).like(pattern),
            func.lower(func.coalesce(Person.name, "")).like(pattern),
            func.lower(Complaint.description).like(pattern),
            func.lower(func.coalesce(ComplaintCategory.name, "")).like(pattern),
        ))
    query = query.order_by(Complaint.created_at.desc(), Complaint.number.desc()).limit(limit)
    return [_item(*row) for row in session.execute(query)]


def get_complaint(session: Session, complaint_id: str) -> ComplaintItem:
    row = session.execute(_query().where(Complaint.id == complaint_id)).first()
    if row is None:
        raise NotFound("Keluhan tidak ditemukan; mungkin sudah dihapus. Muat ulang daftar keluhan.")
    return _item(*row)


def set_status(session: Session, complaint_id: str, *, expected_version: int, status: ComplaintStatus,
               answer: str | None, closed_at: datetime | None, closed_by: str | None) -> None:
    """Write a new status. `answer` None leaves the answer as it is. Conflict when someone saved first."""
    row = session.get(Complaint, complaint_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Keluhan tidak ditemukan; mungkin sudah dihapus. Muat ulang daftar keluhan.")
    if row.row_version != expected_version:
        raise Conflict(
            f"Keluhan {row.number} baru saja diubah oleh petugas lain. Tidak ada yang disimpan. "
            "Tutup jendela ini, muat ulang daftar keluhan, lalu periksa statusnya sebelum mengubahnya lagi."
        )
    row.status = status.value
    if answer is not None:
        row.answer = answer
    row.closed_at = closed_at
    row.closed_by = closed_by
    session.flush()
