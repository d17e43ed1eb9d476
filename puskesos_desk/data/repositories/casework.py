"""Complaints, needs, programme participation and the person's PPKS list."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.casework import Complaint, Need, Participation, Visit
from puskesos_desk.data.orm.household import PersonPpks
from puskesos_desk.domain.casework import ComplaintRecord, NeedRecord, ParticipationRecord
from puskesos_desk.domain.errors import NotFound


def complaint_record(row: Complaint, person_name: str = "", due_note: str | None = None) -> ComplaintRecord:
    return ComplaintRecord(
        id=row.id, number=row.number, household_id=row.household_id, person_id=row.person_id,
        person_name=person_name, visit_id=row.visit_id, kind=row.kind, category_code=row.category_code,
        program_code=row.program_code, description=row.description, urgency=row.urgency, status=row.status,
        answer=row.answer, due_date=row.due_date, created_at=row.created_at, row_version=row.row_version,
        due_note=due_note,
    )


def need_record(row: Need, person_name: str = "", due_note: str | None = None,
                ppks_added: tuple[str, ...] = ()) -> NeedRecord:
    return NeedRecord(
        id=row.id, number=row.number, household_id=row.household_id, person_id=row.person_id,
        person_name=person_name, visit_id=row.visit_id, complaint_id=row.complaint_id, domain_code=row.domain_code,
        ppks_codes=tuple(row.ppks_codes or ()), proposed_program=row.proposed_program, description=row.description,
        status=row.status, due_date=row.due_date, created_at=row.created_at, row_version=row.row_version,
        due_note=due_note, ppks_added=ppks_added,
    )


def participation_record(row: Participation, person_name: str = "") -> ParticipationRecord:
    return ParticipationRecord(
        id=row.id, household_id=row.household_id, person_id=row.person_id, person_name=person_name,
        program_code=row.program_code, card_number=row.card_number, active=row.active, since=row.since,
        source=row.source, as_of=row.as_of, notes=row.notes, created_at=row.created_at, row_version=row.row_version,
    )


def insert_complaint(session: Session, **fields: Any) -> Complaint:
    row = Complaint(id=new_uuid(), **fields)
    session.add(row)
    return row


def insert_need(session: Session, **fields: Any) -> Need:
    row = Need(id=new_uuid(), **fields)
    session.add(row)
    return row


def insert_participation(session: Session, **fields: Any) -> Participation:
    row = Participation(id=new_uuid(), **fields)
    session.add(row)
    return row


def get_visit(session: Session, visit_id: str) -> Visit:
    row = session.get(Visit, visit_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Kunjungan tidak ditemukan; mungkin sudah dihapus.")
    return row


def get_complaint(session: Session, complaint_id: str) -> Complaint:
    row = session.get(Complaint, complaint_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Keluhan tidak ditemukan; mungkin sudah dihapus.")
    return row


def get_need(session: Session, need_id: str) -> Need:
    row = session.get(Need, need_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Kebutuhan tidak ditemukan; mungkin sudah dihapus.")
    return row


def person_ppks_codes(session: Session, person_id: str) -> set[str]:
    return set(session.scalars(
        select(PersonPpks.ppks_code).where(PersonPpks.person_id == person_id, PersonPpks.deleted_at.is_(None))
    ))


def add_person_ppks(session: Session, *, person_id: str, codes: Iterable[str], since: date, source: str) -> None:
    for code in codes:
        session.add(PersonPpks(id=new_uuid(), person_id=person_id, ppks_code=code, since=since, source=source))

