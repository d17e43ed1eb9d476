"""Visits (kunjungan) and the consent recorded with them."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.casework import Consent, Visit
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
