"""Visits (kunjungan) and the consent recorded with them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.casework import Complaint, Consent, Need, Visit
from puskesos_desk.domain.enums import VisitChannel, VisitStatus
from puskesos_desk.domain.records import VisitRecord


def visit_record(row: Visit) -> VisitRecord:
    return VisitRecord(
        id=row.id, registration_number=row.registration_number, occurred_at=row.occurred_at,
        channel=VisitChannel(row.channel), household_id=row.household_id,
        applicant_person_id=row.applicant_person_id or "", purpose=row.purpose, status=VisitStatus(row.status),
        officer_id=row.officer_id,
    )


def insert_visit(session: Session, **fields: Any) -> Visit:
    row = Visit(id=new_uuid(), **fields)
    session.add(row)
    return row


def insert_consent(session: Session, **fields: Any) -> Consent:
    row = Consent(id=new_uuid(), **fields)
    session.add(row)
    return row


def get_consent(session: Session, consent_id: str) -> Consent | None:
    return session.get(Consent, consent_id)


def find_by_registration(session: Session, number: str) -> Visit | None:
    wanted = "".join(number.split()).upper()
    return session.scalar(select(Visit).where(func.upper(Visit.registration_number) == wanted,
                                              Visit.deleted_at.is_(None)))


def recorded_in(session: Session, visit_id: str) -> tuple[list[Complaint], list[Need]]:
    """The complaints and needs recorded during a visit, in the order they were written."""
    complaints = list(session.scalars(select(Complaint).where(
        Complaint.visit_id == visit_id, Complaint.deleted_at.is_(None)).order_by(Complaint.created_at)))
    needs = list(session.scalars(select(Need).where(
        Need.visit_id == visit_id, Need.deleted_at.is_(None)).order_by(Need.created_at)))
    return complaints, needs
