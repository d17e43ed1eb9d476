"""Change requests from every village, for the district secretariat's list: one page at a time, with the household
and the names of the people each request names."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.proposals import HouseholdChangeRequest

_REQUEST = HouseholdChangeRequest


def _filtered(query: Any, *, village: str | None, statuses: Iterable[str] | None) -> Any:
    query = query.where(_REQUEST.deleted_at.is_(None))
    if village:
        query = query.where(Household.village_code == village)
    if statuses is not None:
        query = query.where(_REQUEST.status.in_(list(statuses)))
    return query


def count_requests(session: Session, *, village: str | None, statuses: Iterable[str] | None) -> int:
    query = select(func.count()).select_from(_REQUEST).join(Household, Household.id == _REQUEST.household_id)
    return int(session.scalar(_filtered(query, village=village, statuses=statuses)) or 0)


def page_of_requests(session: Session, *, village: str | None, statuses: Iterable[str] | None, offset: int,
                     limit: int) -> list[tuple[HouseholdChangeRequest, Household]]:
    """Oldest request first: the one waiting longest is decided first."""
    query = select(_REQUEST, Household).join(Household, Household.id == _REQUEST.household_id)
    query = _filtered(query, village=village, statuses=statuses)
    query = query.order_by(_REQUEST.created_at, _REQUEST.id).offset(offset).limit(limit)
    return [(request, household) for request, household in session.execute(query)]


def names_in_households(session: Session, household_ids: Iterable[str]) -> dict[str, str]:
    """person id → name for everyone whose household is one of these (requests name members by id)."""
    ids = sorted(set(household_ids))
    names: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(select(Person.id, Person.name).where(Person.household_id.in_(ids[start:start + 500])))
        names.update({person_id: name for person_id, name in rows})
    return names


def person_names(session: Session, person_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted({p for p in person_ids if p})
    names: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(select(Person.id, Person.name).where(Person.id.in_(ids[start:start + 500])))
        names.update({person_id: name for person_id, name in rows})
    return names
