"""Person search: NIK or KK exact, or the normalised name by prefix or substring.

The name key is upper-case normalised text, so a prefix is a plain range scan on a B-tree index on every
backend (SQLite LIKE would ignore a BINARY index). The desk issue adds typo tolerance behind this interface.
"""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.domain.records import PersonHit


def _escape_like(text: str) -> str:
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


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
    if not name_key:
        return []
    upper = name_key[:-1] + chr(ord(name_key[-1]) + 1)
    prefix = and_(Person.name_key >= name_key, Person.name_key < upper)
    hits = _hits(session, prefix, "NAMA", limit, rt, rw)
    if len(hits) >= limit:
        return hits
    # Then a word inside the name ("AMINAH" finds "SITI AMINAH"); village scale keeps this scan cheap.
    seen = {h.person_id for h in hits}
    inner = Person.name_key.like(f"%{_escape_like(name_key)}%", escape="/")
    more = _hits(session, and_(inner, or_(Person.name_key < name_key, Person.name_key >= upper)), "NAMA",
                 limit - len(hits), rt, rw)
    return hits + [h for h in more if h.person_id not in seen]
