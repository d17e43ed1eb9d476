"""Person search: NIK or KK exact, or the normalised name by prefix or substring; the rows the desk's in-memory
index is built from, the audit trail that tells it what changed, and the duplicate look-ups of the registration
form.

Names are found through name_search (one interface over a B-tree prefix range and a trigram index on each
backend), so no backend-specific SQL lives here.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.repositories import name_search
from puskesos_desk.domain.records import PersonHit
from puskesos_desk.domain.search import DuplicateHit, IndexedPerson

_IN_CHUNK = 500


def _hits(session: Session, condition: object, matched_by: str, limit: int,
          rt: str | None, rw: str | None) -> list[PersonHit]:
    query = (
        select(Person, Household)
        .join(Household, Household.id == Person.household_id, isouter=True)
        .where(condition, Person.deleted_at.is_(None))  # type: ignore[arg-type]
    )
    if rt:
        query = query.where(Household.rt == rt)
    if rw:
        query = query.where(Household.rw == rw)
    query = query.order_by(Person.name_key, Person.birth_date).limit(limit)
    hits = []
    for person, household in session.execute(query):
        hits.append(
            PersonHit(
                person_id=person.id, household_id=person.household_id, name=person.name, nik=person.nik,
                birth_date=person.birth_date, sex=person.sex, rt=household.rt if household else "",
                rw=household.rw if household else "", household_number=household.number if household else "",
                matched_by=matched_by,
            )
        )
    return hits


def by_nik(session: Session, nik: str, limit: int = 50) -> list[PersonHit]:
    return _hits(session, Person.nik == nik, "NIK", limit, None, None)


def by_kk(session: Session, kk_number: str, limit: int = 50) -> list[PersonHit]:
    return _hits(session, Household.kk_number == kk_number, "KK", limit, None, None)


def by_name(session: Session, name_key: str, *, limit: int = 50, rt: str | None = None,
            rw: str | None = None) -> list[PersonHit]:
    """The name starts with the text, then a word or a piece inside it (name_search: B-tree, then trigram)."""
    if not name_key:
        return []
    found = name_search.prefix(session, name_key, limit=limit, rt=rt, rw=rw)
    if len(found) < limit:
        found += name_search.substring(session, name_key, limit=limit - len(found), rt=rt, rw=rw)
    order = {hit.person_id: i for i, hit in enumerate(found)}
    hits = _hits(session, Person.id.in_(list(order)), "NAMA", limit, None, None) if order else []
    return sorted(hits, key=lambda h: order[h.person_id])


# --- The desk index -------------------------------------------------------------------------------------------


def audit_head(session: Session) -> int:
    """The last audit sequence number: every write through the application appends at least one event, so an
    unchanged head means unchanged data (a primary-key lookup, cheap enough to run before every search)."""
    return int(session.scalar(select(func.max(AuditEvent.seq))) or 0)


def changed_entities(session: Session, *, after: int, entities: Collection[str]) -> dict[str, set[str]]:
    """Ids of the records of `entities` (table names) written since audit sequence `after`."""
    changed: dict[str, set[str]] = {}
    rows = session.execute(
        select(AuditEvent.entity, AuditEvent.entity_id).where(AuditEvent.seq > after,
                                                              AuditEvent.entity.in_(list(entities)))
    )
    for entity, entity_id in rows:
        if entity and entity_id:
            changed.setdefault(entity, set()).add(entity_id)
    return changed


def _chunks(values: Collection[str]) -> Iterator[list[str]]:
    items = sorted(values)
    for start in range(0, len(items), _IN_CHUNK):
        yield items[start:start + _IN_CHUNK]


_INDEX_COLUMNS = (
    Person.id, Person.household_id, Household.number, Household.kk_number, Person.name, Person.name_key, Person.nik,
    Person.birth_date, Person.sex, Person.relation, Person.residence_status, Household.rt, Household.rw,
)


def _indexed(row: Any) -> IndexedPerson:
    return IndexedPerson(
        id=row.id, household_id=row.household_id, household_number=row.number or "", kk_number=row.kk_number,
        name=row.name, name_key=row.name_key, nik=row.nik, birth_date=row.birth_date, sex=row.sex,
        relation=row.relation, residence_status=row.residence_status, rt=row.rt or "", rw=row.rw or "",
    )


def _index_query() -> Any:
    return (
        select(*_INDEX_COLUMNS)
        .join(Household, Household.id == Person.household_id, isouter=True)
        .where(Person.deleted_at.is_(None), Household.deleted_at.is_(None))
    )


def index_persons(session: Session, *, person_ids: Collection[str] | None = None,
                  household_ids: Collection[str] | None = None) -> list[IndexedPerson]:
    """Current persons for the desk index: all of them, or those with the given ids or in the given households."""
    # Core execution on the session's connection: plain rows without the ORM's per-row bookkeeping (2–3× faster
    # for the 15,000 rows of a village).
    connection = session.connection()
    if person_ids is None and household_ids is None:
        return [_indexed(row) for row in connection.execute(_index_query())]
    found: dict[str, IndexedPerson] = {}
    for chunk in _chunks(person_ids or ()):
        for row in connection.execute(_index_query().where(Person.id.in_(chunk))):
            found[row.id] = _indexed(row)
    for chunk in _chunks(household_ids or ()):
        for row in connection.execute(_index_query().where(Person.household_id.in_(chunk))):
            found[row.id] = _indexed(row)
    return list(found.values())


def index_persons_matching(session: Session, condition: Any) -> list[IndexedPerson]:
    """Current persons meeting a condition on person/household (the desk's database path, data/desk_rows.py)."""
    return [_indexed(row) for row in session.connection().execute(_index_query().where(condition))]


# --- Duplicate look-ups while the registration form is typed ----------------------------------------------------


def _duplicate(row: Any, reason: str) -> DuplicateHit:
    return DuplicateHit(
        person_id=row.id, name=row.name, birth_date=row.birth_date, nik=row.nik, household_id=row.household_id,
        household_number=row.number or "", rt=row.rt or "", rw=row.rw or "", reason=reason,
    )


def persons_with_same_nik(session: Session, nik: str, *, limit: int = 5) -> list[DuplicateHit]:
    rows = session.execute(_index_query().where(Person.nik == nik).order_by(Person.name).limit(limit))
    return [_duplicate(row, "NIK_SAMA") for row in rows]


def persons_with_same_identity(session: Session, *, name_key: str, birth_date: date,
                               limit: int = 5) -> list[DuplicateHit]:
    """Same normalised name and birth date: the usual sign of a person registered twice."""
    rows = session.execute(
        _index_query().where(Person.name_key == name_key, Person.birth_date == birth_date).limit(limit)
    )
    return [_duplicate(row, "NAMA_TANGGAL_LAHIR") for row in rows]


def heads_with_kk(session: Session, kk_number: str, *, limit: int = 5) -> list[DuplicateHit]:
    """The heads of households already registered with this No. KK."""
    rows = session.execute(
        _index_query().where(Household.kk_number == kk_number, Person.id == Household.head_person_id).limit(limit)
    )
    return [_duplicate(row, "KK_SAMA") for row in rows]
