"""The SQL of the BNBA service register: every service given in a month, one row each, by name by address.

A service is a complaint (pertanyaan/saran/pengaduan) or a need recorded in the month, or a visit in the month
that led to neither. Each row carries the resident (the person concerned, else the head of the household), the
household's address and village, the officer, and the latest referral made for it. Tombstones are never listed;
a district report narrows to one village on the household's indexed `village_code`.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from puskesos_desk.data.orm.casework import Complaint, Need, Visit
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.reference import ComplaintCategory, NeedDomain, ServiceDirectoryEntry, Wilayah
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.data.orm.users import UserAccount


class ServiceSource:
    COMPLAINT = "complaint"
    NEED = "need"
    VISIT = "visit"


@dataclass(frozen=True, slots=True)
class ServiceRow:
    """One line of the register, as stored (the service turns codes into words)."""

    source: str  # ServiceSource
    occurred_at: datetime  # aware
    number: str  # the complaint/need number, or the visit's registration number
    name: str
    nik: str | None
    kk_number: str | None
    address: str
    rt: str
    rw: str
    village_code: str
    village_name: str
    kind: str  # complaint kind (PERTANYAAN/SARAN/PENGADUAN); '' otherwise
    topic: str  # complaint category name, need domain name, or the visit's purpose
    status: str  # the record's own status code
    description: str
    officer_name: str
    referral_organization: str | None
    referral_service: str | None
    referral_letter: str | None
    referral_status: str | None
    referral_outcome: str | None


def _latest_referral(key: InstrumentedAttribute[Any]) -> Any:
    """Per complaint/need/visit (`key`), its most recent referral that was not cancelled."""
    rank = func.row_number().over(partition_by=key, order_by=(Referral.letter_date.desc(),
                                                               Referral.letter_seq.desc())).label("rank")
    return (
        select(key.label("owner_id"), Referral.letter_number, Referral.status, Referral.outcome,
               ServiceDirectoryEntry.organization, ServiceDirectoryEntry.service_name, rank)
        .join(ServiceDirectoryEntry, ServiceDirectoryEntry.id == Referral.service_id)
        .where(key.is_not(None), Referral.deleted_at.is_(None), Referral.status != "DIBATALKAN")
        .subquery()
    )


def _common(query: Select[Any], referral: Any, owner: InstrumentedAttribute[Any],
            person_column: ColumnElement[Any], officer_column: ColumnElement[Any],
            village_code: str) -> Select[Any]:
    """Joins shared by the three kinds: household, village, person, officer and latest referral."""
    person = aliased(Person)
    query = (
        query.add_columns(
            func.coalesce(person.name, Household.head_name), person.nik, Household.kk_number, Household.address,
            Household.rt, Household.rw, Household.village_code, func.coalesce(Wilayah.name, Household.village_code),
            func.coalesce(UserAccount.full_name, officer_column), referral.c.organization, referral.c.service_name,
            referral.c.letter_number, referral.c.status, referral.c.outcome,
        )
        .outerjoin(Wilayah, Wilayah.code == Household.village_code)
        .outerjoin(person, (person.id == func.coalesce(person_column, Household.head_person_id))
                   & person.deleted_at.is_(None))
        .outerjoin(UserAccount, UserAccount.id == officer_column)
        .outerjoin(referral, (referral.c.owner_id == owner) & (referral.c.rank == 1))
    )
    return query.where(Household.village_code == village_code) if village_code else query


def _complaints(session: Session, start: datetime, end: datetime, village_code: str) -> Iterator[ServiceRow]:
    visit = aliased(Visit)
    query = (
        select(Complaint.created_at, Complaint.number, Complaint.kind,
               func.coalesce(ComplaintCategory.name, Complaint.category_code), Complaint.status,
               Complaint.description)
        .select_from(Complaint)
        .join(Household, Household.id == Complaint.household_id)
        .outerjoin(ComplaintCategory, ComplaintCategory.code == Complaint.category_code)
        .outerjoin(visit, visit.id == Complaint.visit_id)
        .where(Complaint.deleted_at.is_(None), Complaint.created_at >= start, Complaint.created_at < end)
    )
    query = _common(query, _latest_referral(Referral.complaint_id), Complaint.id, Complaint.person_id,
                    func.coalesce(visit.officer_id, Complaint.created_by), village_code)
    for row in session.execute(query.order_by(Complaint.created_at, Complaint.number)):
        yield _row(ServiceSource.COMPLAINT, row)


def _needs(session: Session, start: datetime, end: datetime, village_code: str) -> Iterator[ServiceRow]:
    visit = aliased(Visit)
    query = (
        select(Need.created_at, Need.number, literal(""), func.coalesce(NeedDomain.name, Need.domain_code),
               Need.status, Need.description)
        .select_from(Need)
        .join(Household, Household.id == Need.household_id)
        .outerjoin(NeedDomain, NeedDomain.code == Need.domain_code)
        .outerjoin(visit, visit.id == Need.visit_id)
        .where(Need.deleted_at.is_(None), Need.created_at >= start, Need.created_at < end)
    )
    query = _common(query, _latest_referral(Referral.need_id), Need.id, Need.person_id,
                    func.coalesce(visit.officer_id, Need.created_by), village_code)
    for row in session.execute(query.order_by(Need.created_at, Need.number)):
        yield _row(ServiceSource.NEED, row)


def _bare_visits(session: Session, start: datetime, end: datetime, village_code: str) -> Iterator[ServiceRow]:
    """Visits that led to no complaint and no need: the visit itself was the service (information, a letter)."""
    has_complaint = exists(select(literal(1)).where(Complaint.visit_id == Visit.id, Complaint.deleted_at.is_(None)))
    has_need = exists(select(literal(1)).where(Need.visit_id == Visit.id, Need.deleted_at.is_(None)))
    query = (
        select(Visit.occurred_at, Visit.registration_number, literal(""), Visit.purpose, Visit.status,
               Visit.purpose)
        .select_from(Visit)
        .join(Household, Household.id == Visit.household_id)
        .where(Visit.deleted_at.is_(None), Visit.occurred_at >= start, Visit.occurred_at < end,
               ~has_complaint, ~has_need)
    )
    query = _common(query, _latest_referral(Referral.visit_id), Visit.id, Visit.applicant_person_id,
                    Visit.officer_id, village_code)
    for row in session.execute(query.order_by(Visit.occurred_at, Visit.registration_number)):
        yield _row(ServiceSource.VISIT, row)


def _row(source: str, row: Any) -> ServiceRow:
    (moment, number, kind, topic, status, description, name, nik, kk_number, address, rt, rw, village_code,
     village_name, officer, organization, service, letter, referral_status, outcome) = row
    return ServiceRow(
        source=source, occurred_at=moment, number=number, name=name, nik=nik, kk_number=kk_number,
        address=address, rt=rt, rw=rw, village_code=village_code, village_name=village_name, kind=kind or "",
        topic=topic or "", status=status, description=description or "", officer_name=officer or "",
        referral_organization=organization, referral_service=service, referral_letter=letter,
        referral_status=referral_status, referral_outcome=outcome,
    )


def service_rows(session: Session, start: datetime, end: datetime, village_code: str = "") -> list[ServiceRow]:
    """Every service given in [start, end), by time then number. Each kind comes ordered from its own query
    (served by its created_at/occurred_at index); the three ordered streams are merged, not sorted again."""
    return list(heapq.merge(
        _complaints(session, start, end, village_code), _needs(session, start, end, village_code),
        _bare_visits(session, start, end, village_code), key=lambda r: (r.occurred_at, r.number),
    ))
