"""The rows the search-first desk needs when it answers from the database (district scale) instead of its
in-memory index: registered persons and active extract rows picked by NIK, No. KK, name key (+ birth date) or
name prefix — every look-up a B-tree range or equality, never a scan of the district.

The rows come back in the same shapes the in-memory index holds (IndexedPerson, RegisterStatus), so the desk
builds its hits from them with the same code on both paths.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date
from typing import Any

from sqlalchemy import and_, column, func, or_, select, table
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.register import RegisterBatch, RegisterRecord
from puskesos_desk.data.repositories import search as search_repo
from puskesos_desk.data.repositories.register import ACTIVE, ENTRY_COLUMNS, entry_of
from puskesos_desk.domain.search import IndexedPerson, RegisterStatus

_IN_CHUNK = 500  # values per IN (…): well under SQLite's bound-parameter limit
_PAIR_CHUNK = 100  # (name key, birth date) pairs per OR
_name_keys = table("person_name_key", column("persons"))  # kept by name_search's triggers (migration 0010)

Identity = tuple[str, date]


def _chunks(values: Collection[Any], *, size: int = _IN_CHUNK) -> Iterator[list[Any]]:
    items = sorted(values)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _escape_like(value: str) -> str:
    return value.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _pairs(name_key: Any, birth_date: Any, identities: list[Identity]) -> Any:
    """(name key = … AND birth date = …) OR …: SQLite answers each pair from the (name_key, birth_date) index,
    where a row-value `IN (VALUES …)` of more than one pair scans the table."""
    return or_(*(and_(name_key == key, birth_date == born) for key, born in identities))


def live_person_count(session: Session) -> int:
    """Live persons, from the name index's per-key counts (far fewer rows than `person`)."""
    return int(session.scalar(select(func.coalesce(func.sum(_name_keys.c.persons), 0))) or 0)


# --- registered persons -------------------------------------------------------------------------------------------


def persons_with_nik(session: Session, nik: str) -> list[IndexedPerson]:
    return search_repo.index_persons_matching(session, Person.nik == nik)


def persons_with_kk(session: Session, kk_number: str) -> list[IndexedPerson]:
    return search_repo.index_persons_matching(session, Household.kk_number == kk_number)


def persons_holding_niks(session: Session, niks: Collection[str]) -> list[IndexedPerson]:
    found: list[IndexedPerson] = []
    for chunk in _chunks({n for n in niks if n}):
        found += search_repo.index_persons_matching(session, Person.nik.in_(chunk))
    return found


def persons_with_identities(session: Session, identities: Collection[Identity]) -> list[IndexedPerson]:
    """Live persons with one of these (name key, birth date) pairs (the name key index; a common name's
    namesakes are told apart by the date in SQL, not in Python)."""
    found: list[IndexedPerson] = []
    for chunk in _chunks(identities, size=_PAIR_CHUNK):
        found += search_repo.index_persons_matching(session, _pairs(Person.name_key, Person.birth_date, chunk))
    return found


# --- active extract rows ------------------------------------------------------------------------------------------


def _active(condition: Any) -> Any:
    return (
        select(*ENTRY_COLUMNS)
        .join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id)
        .where(RegisterBatch.status == ACTIVE, RegisterBatch.deleted_at.is_(None), condition)
    )


def _entries(session: Session, query: Any) -> list[RegisterStatus]:
    return [entry_of(row) for row in session.connection().execute(query)]


def register_with_niks(session: Session, niks: Collection[str]) -> list[RegisterStatus]:
    found: list[RegisterStatus] = []
    for chunk in _chunks({n for n in niks if n}):
        found += _entries(session, _active(RegisterRecord.nik.in_(chunk)))
    return found


def register_with_kk(session: Session, kk_number: str) -> list[RegisterStatus]:
    return _entries(session, _active(RegisterRecord.kk_number == kk_number))


def register_with_identities(session: Session, identities: Collection[Identity]) -> list[RegisterStatus]:
    """Active rows with one of these (name key, birth date) pairs, whatever their NIK."""
    found: list[RegisterStatus] = []
    for chunk in _chunks(identities, size=_PAIR_CHUNK):
        found += _entries(session, _active(_pairs(RegisterRecord.name_key, RegisterRecord.birth_date, chunk)))
    return found


def register_name_prefix(session: Session, key: str, *, limit: int, rt: str | None = None,
                         rw: str | None = None) -> list[RegisterStatus]:
    """Active rows whose name key starts with `key`, alphabetical: a range on `ix_register_record_name_key` (the
    LIKE only guards non-C collations). The extract has no trigram index, so this is its only name look-up."""
    if not key or limit <= 0:
        return []
    upper = key[:-1] + chr(ord(key[-1]) + 1)
    condition = and_(RegisterRecord.name_key >= key, RegisterRecord.name_key < upper,
                     RegisterRecord.name_key.like(f"{_escape_like(key)}%", escape="/"))
    if rt:
        condition = and_(condition, RegisterRecord.rt == rt)
    if rw:
        condition = and_(condition, RegisterRecord.rw == rw)
    return _entries(session, _active(condition).order_by(RegisterRecord.name_key, RegisterRecord.id).limit(limit))
