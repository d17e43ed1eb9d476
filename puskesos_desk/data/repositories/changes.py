"""Household change requests and the membership history they write when applied."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.household import Household, KkHistory, Membership, Person
from puskesos_desk.data.orm.proposals import HouseholdChangeRequest
from puskesos_desk.domain.casework import ChangeRequestRecord
from puskesos_desk.domain.errors import NotFound


def change_record(row: HouseholdChangeRequest, person_name: str = "") -> ChangeRequestRecord:
    return ChangeRequestRecord(
        id=row.id, number=row.number, household_id=row.household_id, person_id=row.person_id,
        person_name=person_name, kind=row.kind, payload=dict(row.payload or {}), reason=row.reason,
        status=row.status, decided_by=row.decided_by, decided_at=row.decided_at,
        decision_reason=row.decision_reason, decided_where=row.decided_where, created_at=row.created_at,
        row_version=row.row_version,
    )


def insert_change_request(session: Session, **fields: Any) -> HouseholdChangeRequest:
    row = HouseholdChangeRequest(id=new_uuid(), **fields)
    session.add(row)
    return row


def get_change_request(session: Session, request_id: str) -> HouseholdChangeRequest:
    row = session.get(HouseholdChangeRequest, request_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Permintaan perubahan KK tidak ditemukan; mungkin sudah dihapus.")
    return row


def pending_numbers(session: Session, household_id: str, *, kind: str, person_id: str | None) -> list[str]:
    query = select(HouseholdChangeRequest.number).where(
        HouseholdChangeRequest.household_id == household_id, HouseholdChangeRequest.kind == kind,
        HouseholdChangeRequest.status == "MENUNGGU", HouseholdChangeRequest.deleted_at.is_(None),
    )
    if person_id:
        query = query.where(HouseholdChangeRequest.person_id == person_id)
    return list(session.scalars(query))


def get_household_row(session: Session, household_id: str) -> Household:
    row = session.get(Household, household_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Keluarga tidak ditemukan; mungkin sudah dihapus.")
    return row


def household_persons(session: Session, household_id: str) -> list[Person]:
    """Everyone whose current household this is, present or not (moved and deceased members stay listed)."""
    return list(session.scalars(
        select(Person).where(Person.household_id == household_id, Person.deleted_at.is_(None))
        .order_by(Person.birth_date.is_(None), Person.birth_date)
    ))


def close_membership(session: Session, *, household_id: str, person_id: str, on: date, reason: str) -> None:
    rows = session.scalars(select(Membership).where(
        Membership.household_id == household_id, Membership.person_id == person_id, Membership.valid_to.is_(None),
        Membership.deleted_at.is_(None),
    ))
    for row in rows:
        row.valid_to = on
        row.reason = f"{row.reason}; {reason}" if row.reason else reason


def open_membership(session: Session, *, household_id: str, person_id: str, relation: str, on: date,
                    reason: str) -> None:
    session.add(Membership(id=new_uuid(), household_id=household_id, person_id=person_id, relation=relation,
                           valid_from=on, reason=reason))


def change_relation(session: Session, person: Person, relation: str, *, on: date, reason: str) -> None:
    """A new relation to the head is a new membership period (the history keeps the old one)."""
    if person.relation == relation or person.household_id is None:
        return
    close_membership(session, household_id=person.household_id, person_id=person.id, on=on, reason=reason)
    open_membership(session, household_id=person.household_id, person_id=person.id, relation=relation, on=on,
                    reason=reason)
    person.relation = relation


def add_kk_history(session: Session, *, household_id: str, kk_number: str, on: date, reason: str) -> None:
    session.add(KkHistory(id=new_uuid(), household_id=household_id, kk_number=kk_number, valid_from=on,
                          reason=reason))


def change_requests_for_household(session: Session, household_id: str,
                                  names: dict[str, str]) -> list[ChangeRequestRecord]:
    rows = session.scalars(
        select(HouseholdChangeRequest)
        .where(HouseholdChangeRequest.household_id == household_id, HouseholdChangeRequest.deleted_at.is_(None))
        .order_by(HouseholdChangeRequest.created_at.desc())
    )
    return [change_record(r, names.get(r.person_id or "", "")) for r in rows]

