"""Households, persons and membership."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.household import Household, KkHistory, Membership, Person
from puskesos_desk.domain.errors import NotFound
from puskesos_desk.domain.records import HouseholdRecord, PersonRecord


def person_record(row: Person, warnings: tuple[str, ...] = ()) -> PersonRecord:
    return PersonRecord(
        id=row.id, household_id=row.household_id, nik=row.nik, name=row.name, sex=row.sex,
        birth_date=row.birth_date, birth_place=row.birth_place, relation=row.relation,
        residence_status=row.residence_status, warnings=warnings,
    )


def insert_household(session: Session, **fields: Any) -> Household:
    # Ids are given here rather than at flush time so that no flush is needed per row (demo and imports).
    row = Household(id=new_uuid(), **fields)
    session.add(row)
    return row


def insert_person(session: Session, **fields: Any) -> Person:
    row = Person(id=new_uuid(), **fields)
    session.add(row)
    return row


def record_registration_history(session: Session, household: Household, members: list[Person], *,
                                on: date) -> None:
    """KK-number and membership history rows; call after the household and persons are flushed (their foreign
    keys must exist first: the tables have no ORM relationships to order the inserts)."""
    if household.kk_number:
        session.add(KkHistory(household_id=household.id, kk_number=household.kk_number, valid_from=on,
                              reason="Pendaftaran"))
    for person in members:
        session.add(Membership(household_id=household.id, person_id=person.id, relation=person.relation,
                               valid_from=on, reason="Pendaftaran"))


def get_household(session: Session, household_id: str) -> HouseholdRecord:
    row = session.get(Household, household_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Keluarga tidak ditemukan; mungkin sudah dihapus.")
    members = session.scalars(
        select(Person).where(Person.household_id == household_id, Person.deleted_at.is_(None)).order_by(
            Person.birth_date.is_(None), Person.birth_date
        )
    )
    return HouseholdRecord(
        id=row.id, number=row.number, kk_number=row.kk_number, head_name=row.head_name, address=row.address,
        rt=row.rt, rw=row.rw, hamlet=row.hamlet, village_code=row.village_code,
        members=tuple(person_record(m) for m in members),
    )


def persons_with_nik(session: Session, nik: str) -> list[PersonRecord]:
    rows = session.scalars(select(Person).where(Person.nik == nik, Person.deleted_at.is_(None)))
    return [person_record(r) for r in rows]


def households_with_kk(session: Session, kk_number: str) -> list[str]:
    return list(session.scalars(
        select(Household.id).where(Household.kk_number == kk_number, Household.deleted_at.is_(None))
    ))


def likely_duplicates(session: Session, *, name_key: str, birth_date: date | None) -> list[PersonRecord]:
    """Same normalised name and birth date: the usual sign of a person registered twice."""
    if birth_date is None:
        return []
    rows = session.scalars(
        select(Person).where(Person.name_key == name_key, Person.birth_date == birth_date, Person.deleted_at.is_(None))
    )
    return [person_record(r) for r in rows]


def get_person(session: Session, person_id: str) -> Person:
    row = session.get(Person, person_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Data warga tidak ditemukan; mungkin sudah dihapus.")
    return row
