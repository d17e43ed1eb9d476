"""The SQL of the DTSEN proposal list and the musdes sheet: proposals of a musdes month (or still awaiting their
musdes) with the household's KK number, address and village. Members come from the proposal's frozen snapshot;
only the birth place, which the snapshot does not keep, is read from the person as they are now."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.proposals import DtsenProposal
from puskesos_desk.data.orm.reference import Wilayah


@dataclass(frozen=True, slots=True)
class ProposalRow:
    number: str
    kind: str
    status: str
    musdes_date: date | None
    musdes_minutes_number: str | None
    requested_programs: tuple[str, ...]
    members: tuple[dict[str, Any], ...]  # the members_snapshot as stored (see repositories.proposals)
    head_name: str
    kk_number: str | None
    address: str
    rt: str
    rw: str
    village_code: str
    village_name: str


def proposals_for_musdes(session: Session, first_day: date, last_day: date, *, awaiting: Sequence[str] = (),
                         village_code: str = "") -> list[ProposalRow]:
    """Proposals whose musdes date falls in [first_day, last_day], plus, with `awaiting`, those in these statuses
    (waiting for their musdes, so without a date yet). Ordered by musdes date (undated last), then number."""
    in_month: ColumnElement[bool] = DtsenProposal.musdes_date.between(first_day, last_day)
    waiting = DtsenProposal.status.in_(list(awaiting)) if awaiting else false()
    query = (
        select(DtsenProposal.number, DtsenProposal.kind, DtsenProposal.status, DtsenProposal.musdes_date,
               DtsenProposal.musdes_minutes_number, DtsenProposal.requested_programs,
               DtsenProposal.members_snapshot, Household.head_name, Household.kk_number, Household.address,
               Household.rt, Household.rw, Household.village_code,
               func.coalesce(Wilayah.name, Household.village_code))
        .select_from(DtsenProposal)
        .join(Household, Household.id == DtsenProposal.household_id)
        .outerjoin(Wilayah, Wilayah.code == Household.village_code)
        .where(DtsenProposal.deleted_at.is_(None), or_(in_month, waiting))
        .order_by(DtsenProposal.musdes_date.is_(None), DtsenProposal.musdes_date, DtsenProposal.number)
    )
    if village_code:
        query = query.where(Household.village_code == village_code)
    return [
        ProposalRow(number=number, kind=kind, status=status, musdes_date=musdes, musdes_minutes_number=minutes,
                    requested_programs=tuple(programs or ()), members=tuple(members or ()), head_name=head,
                    kk_number=kk, address=address, rt=rt, rw=rw, village_code=code, village_name=village)
        for number, kind, status, musdes, minutes, programs, members, head, kk, address, rt, rw, code, village
        in session.execute(query)
    ]


def birth_places(session: Session, person_ids: Sequence[str]) -> dict[str, str]:
    """person id → birth place, for the members of the proposals listed."""
    wanted = sorted({pid for pid in person_ids if pid})
    places: dict[str, str] = {}
    # Chunks keep the IN list under SQLite's bound-parameter limit.
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for person_id, place in session.execute(select(Person.id, Person.birth_place).where(Person.id.in_(chunk))):
            places[person_id] = place
    return places
