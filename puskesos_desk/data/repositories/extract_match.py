"""Reads for checking residents against the extract: the extract in use, its rows by NIK / No. KK / name key (and
their families), the registered households with their members, and recorded programme participation."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.casework import Participation
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.register import RegisterBatch, RegisterRecord
from puskesos_desk.data.orm.users import UserAccount
from puskesos_desk.data.repositories.register import ACTIVE, ENTRY_COLUMNS, entry_of
from puskesos_desk.domain.extract_check import (
    ExtractAge,
    RegisteredHousehold,
    RegisteredMember,
    is_stale,
    months_between,
)
from puskesos_desk.domain.search import RegisterStatus

# The dataset the checks use when several are active: DTSEN replaced DTKS in 2025 (domain.md §5.4).
DATASET_PREFERENCE = ("DTSEN", "DTKS", "P3KE")
_IN_CHUNK = 500  # values per IN (…) list, far below SQLite's limit on bound parameters

def _chunks(values: Collection[str]) -> Iterator[list[str]]:
    ordered = sorted(values)
    for start in range(0, len(ordered), _IN_CHUNK):
        yield ordered[start:start + _IN_CHUNK]


# --- the extract in use ----------------------------------------------------------------------------------------


def primary_extract(session: Session, today: date) -> ExtractAge | None:
    """The active batch the checks use (DTSEN before DTKS before P3KE; the newest import of that dataset)."""
    batches = list(session.scalars(select(RegisterBatch).where(
        RegisterBatch.status == ACTIVE, RegisterBatch.deleted_at.is_(None))))
    if not batches:
        return None

    def rank(batch: RegisterBatch) -> tuple[int, float]:
        preference = DATASET_PREFERENCE.index(batch.dataset) if batch.dataset in DATASET_PREFERENCE else 99
        return preference, -batch.imported_at.timestamp()

    batch = min(batches, key=rank)
    who = session.scalar(select(UserAccount.full_name).where(UserAccount.id == batch.created_by))
    return ExtractAge(
        batch_id=batch.id, dataset=batch.dataset, as_of=batch.as_of, imported_at=batch.imported_at,
        file_name=batch.file_name, imported_by=who or batch.created_by, rows=batch.rows_imported,
        months_old=months_between(batch.as_of, today), is_stale=is_stale(batch.as_of, today),
    )


def _rows_where(session: Session, batch_id: str, column: Any, values: Collection[str]) -> list[RegisterStatus]:
    found = []
    for chunk in _chunks({v for v in values if v}):
        query = select(*ENTRY_COLUMNS).join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id).where(
            RegisterRecord.batch_id == batch_id, column.in_(chunk))
        found.extend(entry_of(row) for row in session.execute(query))
    return found


def rows_around(session: Session, batch_id: str, *, niks: Collection[str], kk_numbers: Collection[str],
                name_keys: Collection[str]) -> list[RegisterStatus]:
    """The rows a household's check can use: those sharing a NIK, a No. KK or a name key with it, and the rest of
    the families those rows belong to (same family id or No. KK)."""
    rows = (_rows_where(session, batch_id, RegisterRecord.nik, niks)
            + _rows_where(session, batch_id, RegisterRecord.kk_number, kk_numbers)
            + _rows_where(session, batch_id, RegisterRecord.name_key, name_keys))
    families = {r.family_id for r in rows if r.family_id}
    cards = {r.kk_number for r in rows if r.kk_number} - set(kk_numbers)
    rows += _rows_where(session, batch_id, RegisterRecord.family_id, families)
    rows += _rows_where(session, batch_id, RegisterRecord.kk_number, cards)
    return rows


def batch_rows(session: Session, batch_id: str) -> Iterator[RegisterStatus]:
    """Every row of the batch in file order (Core rows: no ORM work per row)."""
    query = (select(*ENTRY_COLUMNS).join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id)
             .where(RegisterRecord.batch_id == batch_id).order_by(RegisterRecord.id))
    for row in session.connection().execute(query):
        yield entry_of(row)


# --- the registered side -----------------------------------------------------------------------------------------


def registered_households(session: Session, household_ids: Sequence[str] | None = None) -> list[RegisteredHousehold]:
    """Households (not deleted) with their members, in household number order; members oldest first."""
    query = select(Household.id, Household.number, Household.kk_number, Household.head_name, Household.address,
                   Household.rt, Household.rw).where(Household.deleted_at.is_(None)).order_by(Household.number)
    if household_ids is not None:
        query = query.where(Household.id.in_(list(household_ids)))
    households = list(session.execute(query))
    members: dict[str, list[RegisteredMember]] = {}
    person_query = (
        select(Person.id, Person.household_id, Person.name, Person.nik, Person.birth_date, Person.sex,
               Person.relation, Person.residence_status)
        .where(Person.deleted_at.is_(None), Person.household_id.is_not(None))
        .order_by(Person.household_id, Person.birth_date.is_(None), Person.birth_date, Person.id)
    )
    if household_ids is not None:
        person_query = person_query.where(Person.household_id.in_(list(household_ids)))
    for p in session.execute(person_query):
        members.setdefault(p.household_id, []).append(RegisteredMember(
            person_id=p.id, name=p.name, nik=p.nik, birth_date=p.birth_date, sex=p.sex, relation=p.relation,
            residence_status=p.residence_status))
    return [
        RegisteredHousehold(id=h.id, number=h.number, kk_number=h.kk_number, head_name=h.head_name,
                            address=h.address, rt=h.rt, rw=h.rw, members=tuple(members.get(h.id, ())))
        for h in households
    ]


def recorded_programs(session: Session, programs: Iterable[str]) -> dict[str, set[str]]:
    """Household id → the programmes among `programs` with an active participation recorded at the Puskesos."""
    query = select(Participation.household_id, Participation.program_code).where(
        Participation.deleted_at.is_(None), Participation.active.is_(True),
        Participation.program_code.in_(sorted(set(programs))))
    found: dict[str, set[str]] = {}
    for household_id, code in session.execute(query):
        found.setdefault(household_id, set()).add(code)
    return found
