"""The reads and the versioned writes of a correction (services/corrections.py).

A correction is written as one UPDATE statement guarded by the row version the form was filled from, then audited
explicitly (data.audit.record_changes + append_event) so that the single UPDATE event carries both the changed fields
and the officer's reason: an ORM flush would log the change without the reason.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from puskesos_desk.data.audit import append_event, record_changes
from puskesos_desk.data.orm.household import Household, KkHistory, Person
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import Conflict, NotFound
from puskesos_desk.domain.permissions import Actor

STALE_MESSAGE = (
    "Data ini baru saja diubah oleh petugas lain, jadi koreksi Anda tidak disimpan agar tidak menimpa perubahannya. "
    "Muat ulang data ini, periksa isinya, lalu koreksi lagi bila masih perlu."
)


def _row(session: Session, model: type[Person] | type[Household], record_id: str) -> dict[str, Any] | None:
    table = model.__table__
    found = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return dict(found) if found is not None else None


def person_row(session: Session, person_id: str) -> dict[str, Any]:
    """Every column of a live person, as stored."""
    row = _row(session, Person, person_id)
    if row is None or row["deleted_at"] is not None:
        raise NotFound("Data warga tidak ditemukan; mungkin sudah dihapus.")
    return row


def household_row(session: Session, household_id: str) -> dict[str, Any]:
    row = _row(session, Household, household_id)
    if row is None or row["deleted_at"] is not None:
        raise NotFound("Keluarga tidak ditemukan; mungkin sudah dihapus.")
    return row


def household_number(session: Session, household_id: str | None) -> str:
    if not household_id:
        return ""
    return session.scalar(select(Household.number).where(Household.id == household_id)) or ""


def other_person_with_nik(session: Session, nik: str, person_id: str) -> tuple[str, str] | None:
    """(household number, person id) of another live person holding `nik`; None when nobody else does."""
    query = (select(Household.number, Person.id)
             .join(Household, Household.id == Person.household_id, isouter=True)
             .where(Person.nik == nik, Person.id != person_id, Person.deleted_at.is_(None))
             .order_by(Person.created_at).limit(1))
    found = session.execute(query).first()
    return (found[0] or "", found[1]) if found is not None else None


def other_household_with_kk(session: Session, kk_number: str, household_id: str) -> str | None:
    """The number of another live household registered with `kk_number`."""
    query = (select(Household.number)
             .where(Household.kk_number == kk_number, Household.id != household_id, Household.deleted_at.is_(None))
             .order_by(Household.created_at).limit(1))
    return session.scalar(query)


_MODELS: dict[str, type[Person] | type[Household]] = {"person": Person, "household": Household}


def write_correction(session: Session, entity: str, current: dict[str, Any],
                     values: dict[str, Any], *, expected_version: int, actor: Actor, now: datetime,
                     reason: str) -> int:
    """Write `values` over the stored row if it still has `expected_version`; audit it as one UPDATE event with the
    reason. `entity` is "person" or "household". Returns the new row version; raises Conflict when someone saved
    the row in between."""
    table = _MODELS[entity].__table__
    version = expected_version + 1
    statement = (update(table)
                 .where(table.c.id == current["id"], table.c.row_version == expected_version,
                        table.c.deleted_at.is_(None))
                 .values(**values, row_version=version, updated_at=now, updated_by=actor.id))
    if session.connection().execute(statement).rowcount != 1:
        raise Conflict(STALE_MESSAGE)
    append_event(session, AuditAction.UPDATE, entity=table.name, entity_id=current["id"],
                 changes=record_changes(session, table.name, current, values), reason=reason, actor=actor)
    return version


def replace_kk_history(session: Session, household_id: str, kk_number: str | None, *, on: date,
                       reason: str) -> None:
    """Close the household's open KK-history rows and open one for the corrected number (audited as ORM writes)."""
    for row in session.scalars(select(KkHistory).where(KkHistory.household_id == household_id,
                                                       KkHistory.valid_to.is_(None), KkHistory.deleted_at.is_(None))):
        row.valid_to = on
    if kk_number:
        session.add(KkHistory(household_id=household_id, kk_number=kk_number, valid_from=on,
                              reason=f"Koreksi: {reason}"))
    session.flush()
