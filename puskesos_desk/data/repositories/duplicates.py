"""SQL for cross-village duplicate persons and the merge decisions (domain/duplicates.py holds the rules).

Built to run at a district of a million persons: the groups that span more than one village are found with GROUP BY
over indexed columns (nik; name_key + birth_date), and only persons in those groups are paired. A person merged
away by a DIGABUNG decision is left out everywhere, even while a village package still carries it alive, and a pair
already decided either way is not listed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from puskesos_desk.data.orm.household import Household, Membership, Person
from puskesos_desk.data.orm.merges import PersonMerge
from puskesos_desk.data.orm.reference import Wilayah
from puskesos_desk.data.orm.site import TrustedSite
from puskesos_desk.domain.duplicates import UNMATCHABLE_NIKS, MatchKind, MergeDecision


@dataclass(frozen=True, slots=True)
class PairRow:
    first_id: str
    second_id: str
    match: MatchKind


@dataclass(frozen=True, slots=True)
class PersonRow:
    person_id: str
    name: str
    name_key: str
    nik: str | None
    birth_date: date | None
    origin_site: str | None
    household_id: str | None
    household_number: str
    head_of_household: bool
    updated_at: datetime | None
    deleted: bool


def _merged_away() -> Any:
    return select(PersonMerge.duplicate_person_id).where(PersonMerge.deleted_at.is_(None),
                                                         PersonMerge.decision == MergeDecision.DIGABUNG.value)


def merged_away_ids() -> Any:
    """SELECT of the ids of persons merged into another (DIGABUNG): consolidated district views leave them out,
    even while a village package still carries the person alive."""
    return _merged_away()


def _present(person: Any) -> Any:
    """Columns the covering indexes hold, so the GROUP BY never reads a table row."""
    return and_(person.deleted_at.is_(None), person.origin_site.is_not(None))


def _live(person: Any) -> Any:
    return and_(_present(person), person.id.not_in(_merged_away()))


def _undecided(first: Any, second: Any) -> Any:
    decided = exists().where(PersonMerge.deleted_at.is_(None), or_(
        and_(PersonMerge.duplicate_person_id == first.id, PersonMerge.survivor_person_id == second.id),
        and_(PersonMerge.duplicate_person_id == second.id, PersonMerge.survivor_person_id == first.id)))
    return ~decided


def _nik_pairs() -> Any:
    # Groups count merged-away persons too (the id is not in the index); the pairing below drops them.
    shared = (select(Person.nik).where(_present(Person), func.length(Person.nik) == 16,
                                       Person.nik.not_in(sorted(UNMATCHABLE_NIKS)))
              .group_by(Person.nik).having(func.count(func.distinct(Person.origin_site)) > 1)).subquery()
    a, b = aliased(Person), aliased(Person)
    return (select(a.id, b.id, literal(MatchKind.NIK.value), a.nik)
            .join(shared, shared.c.nik == a.nik)
            .join(b, and_(b.nik == a.nik, b.id > a.id, b.origin_site != a.origin_site))
            .where(_live(a), _live(b), _undecided(a, b)))


def _name_pairs() -> Any:
    shared = (select(Person.name_key, Person.birth_date)
              .where(_present(Person), Person.birth_date.is_not(None), Person.name_key != "")
              .group_by(Person.name_key, Person.birth_date)
              .having(func.count(func.distinct(Person.origin_site)) > 1)).subquery()
    a, b = aliased(Person), aliased(Person)
    # coalesce: with a NULL NIK the comparison must be false, not unknown (NOT unknown would drop the pair).
    nik_a, nik_b = func.coalesce(a.nik, ""), func.coalesce(b.nik, "")
    same_nik = and_(nik_a == nik_b, func.length(nik_a) == 16, nik_a.not_in(sorted(UNMATCHABLE_NIKS)))
    return (select(a.id, b.id, literal(MatchKind.NAMA_TANGGAL_LAHIR.value), a.name_key)
            .join(shared, and_(shared.c.name_key == a.name_key, shared.c.birth_date == a.birth_date))
            .join(b, and_(b.name_key == a.name_key, b.birth_date == a.birth_date, b.id > a.id,
                          b.origin_site != a.origin_site))
            .where(_live(a), _live(b), ~same_nik, _undecided(a, b)))  # a NIK pair is listed once, as NIK


def candidate_pairs(session: Session) -> list[PairRow]:
    """Every undecided pair, NIK matches first, in a stable order. Pairs are few next to persons (a person is in at
    most a handful), so the whole list is held and paged by the caller; each kind is one query, which SQLite plans
    better than their UNION under an ORDER BY."""
    found = []
    for query in (_nik_pairs(), _name_pairs()):
        found.extend(session.execute(query).all())
    order = {MatchKind.NIK.value: 0, MatchKind.NAMA_TANGGAL_LAHIR.value: 1}
    found.sort(key=lambda row: (order[row[2]], row[3] or "", row[0], row[1]))
    return [PairRow(first, second, MatchKind(match)) for first, second, match, _key in found]


def persons(session: Session, ids: list[str]) -> dict[str, PersonRow]:
    if not ids:
        return {}
    query = (select(Person, Household.number, Household.head_person_id)
             .outerjoin(Household, Household.id == Person.household_id).where(Person.id.in_(ids)))
    found = {}
    for person, number, head in session.execute(query):
        found[person.id] = PersonRow(person.id, person.name, person.name_key, person.nik, person.birth_date,
                                     person.origin_site, person.household_id, number or "", head == person.id,
                                     person.updated_at, person.deleted_at is not None)
    return found


def village_names(session: Session, codes: set[str]) -> dict[str, str]:
    """Site code → the village's name: the Kemendagri region name, else the name it was trusted under."""
    if not codes:
        return {}
    names = {code: name for code, name in session.execute(
        select(TrustedSite.code, TrustedSite.name).where(TrustedSite.code.in_(codes)))}
    names.update({code: name for code, name in session.execute(
        select(Wilayah.code, Wilayah.name).where(Wilayah.code.in_(codes)))})
    return names


def merge_for_pair(session: Session, first_id: str, second_id: str) -> PersonMerge | None:
    return session.scalars(select(PersonMerge).where(PersonMerge.deleted_at.is_(None), or_(
        and_(PersonMerge.duplicate_person_id == first_id, PersonMerge.survivor_person_id == second_id),
        and_(PersonMerge.duplicate_person_id == second_id, PersonMerge.survivor_person_id == first_id)))).first()


def merged_away(session: Session, person_ids: list[str]) -> set[str]:
    """Among these persons, those already merged into another by a DIGABUNG decision."""
    return set(session.scalars(_merged_away().where(PersonMerge.duplicate_person_id.in_(person_ids))))


def add_decision(session: Session, **fields: Any) -> PersonMerge:
    """Through the ORM on purpose: the flush hooks audit the insert like any other record."""
    record = PersonMerge(**fields)
    session.add(record)
    session.flush()
    return record


def merges_by_ids(session: Session, ids: list[str]) -> list[PersonMerge]:
    if not ids:
        return []
    return list(session.scalars(select(PersonMerge).where(PersonMerge.id.in_(ids))))


def merges_touching(session: Session, person_ids: list[str]) -> list[PersonMerge]:
    """DIGABUNG decisions in which any of these persons is the duplicate or the survivor, newest first."""
    if not person_ids:
        return []
    return list(session.scalars(select(PersonMerge).where(
        PersonMerge.deleted_at.is_(None), PersonMerge.decision == MergeDecision.DIGABUNG.value,
        or_(PersonMerge.duplicate_person_id.in_(person_ids), PersonMerge.survivor_person_id.in_(person_ids)),
    ).order_by(PersonMerge.decided_at.desc())))


def household_person_ids(session: Session, household_id: str) -> list[str]:
    """Everyone who is or was in a household (a merged-away member has left it)."""
    current = select(Person.id).where(Person.household_id == household_id)
    past = select(Membership.person_id).where(Membership.household_id == household_id)
    return list(dict.fromkeys([*session.scalars(current), *session.scalars(past)]))


def local_person(session: Session, person_id: str) -> PersonRow | None:
    return persons(session, [person_id]).get(person_id)


def flag_duplicate_of(session: Session, person_id: str, survivor_id: str) -> None:
    """Mark a person as merged into another without deleting it (it still heads a household here)."""
    person = session.get(Person, person_id)
    if person is not None and person.duplicate_of != survivor_id:
        person.duplicate_of = survivor_id
        session.flush()


def tombstone_person(session: Session, person_id: str, survivor_id: str, *, at: datetime, by: str, today: date,
                     reason: str) -> int:
    """The person becomes a tombstone pointing to the survivor, and leaves its household today. Through the ORM so
    each change is audited and bumps the row version (the tombstone then travels back in the next package).
    Returns the memberships ended."""
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        return 0
    person.duplicate_of = survivor_id
    person.deleted_at, person.deleted_by, person.deleted_reason = at, by, reason
    ended = 0
    for membership in session.scalars(select(Membership).where(
            Membership.person_id == person_id, Membership.deleted_at.is_(None), Membership.valid_to.is_(None))):
        membership.valid_to = today
        membership.reason = "digabung"
        ended += 1
    session.flush()
    return ended
