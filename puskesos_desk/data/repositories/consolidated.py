"""The SQL of the district's consolidated views: one page function per kind of record, and one count.

At a district the tables hold a million persons from hundreds of villages, so every filter is a WHERE clause,
every list is a LIMIT/OFFSET page in an order an index can serve, and the total is a separate COUNT that joins
the household only when a place filter needs it. Tombstones (`deleted_at` set) are never listed.

A record's village is its household's `village_code`; a kecamatan filter is a range on that indexed column
('33.22.01.' ≤ code < '33.22.01/'), which the index serves where LIKE would not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from puskesos_desk.data.orm.casework import Complaint, Need, Participation, Visit
from puskesos_desk.data.orm.household import Household, Person, PersonPpks
from puskesos_desk.data.orm.proposals import DtsenProposal
from puskesos_desk.data.orm.reference import ServiceDirectoryEntry, Wilayah
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.data.repositories import name_search
from puskesos_desk.domain.consolidated import (
    ComplaintRow,
    ConsolidatedRow,
    HouseholdRow,
    NeedRow,
    PersonRow,
    ProposalRow,
    RecordFilter,
    RecordKind,
    ReferralRow,
    TimeWindow,
    VisitRow,
)
from puskesos_desk.domain.names import normalize_name

# --- shared conditions ------------------------------------------------------------------------------------------


def _place(flt: RecordFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.village_code:
        conditions.append(Household.village_code == flt.village_code)
    if flt.kecamatan_code:
        prefix = flt.kecamatan_code.rstrip(".")
        conditions.append(and_(Household.village_code >= f"{prefix}.", Household.village_code < f"{prefix}/"))
    return conditions


def _needs_household(flt: RecordFilter) -> bool:
    return bool(flt.village_code or flt.kecamatan_code or (flt.kind is RecordKind.HOUSEHOLDS))


def _window(column: InstrumentedAttribute[Any], window: TimeWindow) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if window.start is not None:
        conditions.append(column >= window.start)
    if window.end is not None:
        conditions.append(column < window.end)
    return conditions


def _json_array_has(session: Session, column: InstrumentedAttribute[Any], value: str) -> ColumnElement[bool]:
    """`value` is one of the strings of the JSON array in `column` (SQLite json_each / PostgreSQL elements)."""
    name = "json_array_elements_text" if session.get_bind().dialect.name == "postgresql" else "json_each"
    elements = getattr(func, name)(column).table_valued("value")
    return exists(select(literal(1)).select_from(elements).where(elements.c.value == value))


def _active_in_programme(program_code: str, *, household: ColumnElement[Any],
                         person: ColumnElement[Any] | None = None) -> ColumnElement[bool]:
    """An active participation in the programme: the person's own, or one held by the household as a whole."""
    holder = Participation.household_id == household
    if person is not None:
        holder = or_(Participation.person_id == person, and_(Participation.person_id.is_(None), holder))
    return exists(select(literal(1)).where(holder, Participation.program_code == program_code,
                                           Participation.active.is_(True), Participation.deleted_at.is_(None)))


# --- the conditions of each kind ----------------------------------------------------------------------------------

Conditions = Callable[[Session, RecordFilter, TimeWindow], list[ColumnElement[bool]]]


def _person_conditions(session: Session, flt: RecordFilter, window: TimeWindow) -> list[ColumnElement[bool]]:
    conditions = [Person.deleted_at.is_(None), *_window(Person.created_at, window)]
    if flt.program_code:
        conditions.append(_active_in_programme(flt.program_code, household=Person.household_id, person=Person.id))
    if flt.category_code:
        conditions.append(exists(select(literal(1)).where(
            PersonPpks.person_id == Person.id, PersonPpks.ppks_code == flt.category_code,
            PersonPpks.deleted_at.is_(None))))
    if flt.text.strip():
        key = normalize_name(flt.text)
        conditions.append(name_search.name_key_matches(session, Person.name_key, key) if key else false())
    return conditions


def _household_conditions(session: Session, flt: RecordFilter, window: TimeWindow) -> list[ColumnElement[bool]]:
    conditions = [Household.deleted_at.is_(None)]
    if flt.program_code:
        conditions.append(_active_in_programme(flt.program_code, household=Household.id))
    text = flt.text.strip()
    if text:
        conditions.append(or_(Household.number == text, Household.head_name.ilike(f"%{text}%")))
    return conditions


def _visit_conditions(session: Session, flt: RecordFilter, window: TimeWindow) -> list[ColumnElement[bool]]:
    conditions = [Visit.deleted_at.is_(None), *_window(Visit.occurred_at, window)]
    if flt.status:
        conditions.append(Visit.status == flt.status)
    return conditions


def _complaint_conditions(session: Session, flt: RecordFilter, window: TimeWindow) -> list[ColumnElement[bool]]:
    conditions = [Complaint.deleted_at.is_(None), *_window(Complaint.created_at, window)]
    if flt.category_code:
        conditions.append(Complaint.category_code == flt.category_code)
    if flt.program_code:
        conditions.append(Complaint.program_code == flt.program_code)
    if flt.urgency:
        conditions.append(Complaint.urgency == flt.urgency)
    if flt.status:
        conditions.append(Complaint.status == flt.status)
    return conditions


def _need_conditions(session: Session, flt: RecordFilter, window: TimeWindow) -> list[ColumnElement[bool]]:
    conditions = [Need.deleted_at.is_(None), *_window(Need.created_at, window)]
    if flt.category_code:
        conditions.append(or_(Need.domain_code == flt.category_code,
                              _json_array_has(session, Need.ppks_codes, flt.category_code)))
    if flt.program_code:
        conditions.append(Need.proposed_program == flt.program_code)
    if flt.status:
        conditions.append(Need.status == flt.status)
    return conditions


def _proposal_conditions(session: Session, flt: RecordFilter, window: TimeWindow) -> list[ColumnElement[bool]]:
    conditions = [DtsenProposal.deleted_at.is_(None), *_window(DtsenProposal.created_at, window)]
    if flt.program_code:
        conditions.append(_json_array_has(session, DtsenProposal.requested_programs, flt.program_code))
    if flt.status:
        conditions.append(DtsenProposal.status == flt.status)
    return conditions


def _referral_conditions(session: Session, flt: RecordFilter, window: TimeWindow) -> list[ColumnElement[bool]]:
    # A referral's period is its letter date, a calendar date: compared with the filter's dates as they are.
    conditions = [Referral.deleted_at.is_(None)]
    if flt.period_from is not None:
        conditions.append(Referral.letter_date >= flt.period_from)
    if flt.period_to is not None:
        conditions.append(Referral.letter_date <= flt.period_to)
    if flt.program_code:
        conditions.append(Referral.service_id.in_(select(ServiceDirectoryEntry.id).where(
            ServiceDirectoryEntry.program_code == flt.program_code)))
    if flt.status:
        conditions.append(Referral.status == flt.status)
    return conditions


_CONDITIONS: dict[RecordKind, tuple[Any, Conditions]] = {
    RecordKind.PERSONS: (Person, _person_conditions),
    RecordKind.HOUSEHOLDS: (Household, _household_conditions),
    RecordKind.VISITS: (Visit, _visit_conditions),
    RecordKind.COMPLAINTS: (Complaint, _complaint_conditions),
    RecordKind.NEEDS: (Need, _need_conditions),
    RecordKind.PROPOSALS: (DtsenProposal, _proposal_conditions),
    RecordKind.REFERRALS: (Referral, _referral_conditions),
}


def _where(session: Session, flt: RecordFilter, window: TimeWindow) -> list[ColumnElement[bool]]:
    _, conditions = _CONDITIONS[flt.kind]
    return [*conditions(session, flt, window), *_place(flt)]


def _with_household(statement: Select[Any], entity: Any, *, outer: bool) -> Select[Any]:
    if entity is Household:
        return statement
    return statement.join(Household, entity.household_id == Household.id, isouter=outer)


# --- count ------------------------------------------------------------------------------------------------------


def count_records(session: Session, flt: RecordFilter, window: TimeWindow) -> int:
    entity, _ = _CONDITIONS[flt.kind]
    statement = select(func.count()).select_from(entity)
    if _needs_household(flt):
        statement = _with_household(statement, entity, outer=False)
    return int(session.scalar(statement.where(*_where(session, flt, window))) or 0)


# --- pages ------------------------------------------------------------------------------------------------------


def _place_of(row: Any, household_id: str | None) -> dict[str, Any]:
    return {"household_id": household_id, "household_number": row.number_h or "", "head_name": row.head_name or "",
            "village_code": row.village_code or "", "village_name": row.name_w or ""}


def _labelled() -> tuple[Any, ...]:
    return (Household.number.label("number_h"), Household.head_name, Household.village_code,
            Wilayah.name.label("name_w"))


def _run(session: Session, flt: RecordFilter, window: TimeWindow, columns: tuple[Any, ...], order: tuple[Any, ...],
         offset: int, limit: int, **options: Any) -> list[Any]:
    """A page in two steps: the ids of the page (filtered, ordered, LIMIT/OFFSET over the record's own table and
    the household only when a filter needs it), then the columns and joins for those ids alone.

    A deep page (offset 500,000) must still step over every row before it; done in one query, each skipped row
    would be joined to its household and village first (measured at a million persons: seconds per page)."""
    entity, _ = _CONDITIONS[flt.kind]
    keys = select(entity.id.label("page_id")).select_from(entity)
    if _needs_household(flt):
        keys = _with_household(keys, entity, outer=False)
    page_ids = keys.where(*_where(session, flt, window)).order_by(*order).offset(offset).limit(limit).subquery()
    statement = select(*columns, *_labelled()).select_from(page_ids).join(entity, entity.id == page_ids.c.page_id)
    statement = _with_household(statement, entity, outer=options.get("outer", False))
    statement = statement.join(Wilayah, Wilayah.code == Household.village_code, isouter=True)
    if options.get("extra_join") is not None:
        statement = statement.join(*options["extra_join"], isouter=True)
    return list(session.execute(statement.order_by(*order)))


def persons_page(session: Session, flt: RecordFilter, window: TimeWindow, offset: int, limit: int) -> list[PersonRow]:
    """By name (ix_person_name_key serves the order); a person without a household has no village."""
    rows = _run(session, flt, window, (Person.id, Person.household_id, Person.name, Person.sex, Person.relation,
                                       Person.residence_status, Person.created_at),
                (Person.name_key, Person.id), offset, limit, outer=True)
    return [PersonRow(id=r.id, **_place_of(r, r.household_id), name=r.name, sex=r.sex, relation=r.relation,
                      residence_status=r.residence_status, created_at=r.created_at) for r in rows]


def households_page(session: Session, flt: RecordFilter, window: TimeWindow, offset: int,
                    limit: int) -> list[HouseholdRow]:
    """By village, then household number (ix_household_village_code serves the first key)."""
    rows = _run(session, flt, window, (Household.id, Household.address, Household.rt, Household.rw,
                                       Household.created_at),
                (Household.village_code, Household.number), offset, limit)
    return [HouseholdRow(id=r.id, **_place_of(r, r.id), address=r.address, rt=r.rt, rw=r.rw,
                         created_at=r.created_at) for r in rows]


def visits_page(session: Session, flt: RecordFilter, window: TimeWindow, offset: int, limit: int) -> list[VisitRow]:
    """The latest first (ix_visit_occurred_at)."""
    rows = _run(session, flt, window, (Visit.id, Visit.household_id, Visit.registration_number, Visit.occurred_at,
                                       Visit.channel, Visit.purpose, Visit.status),
                (Visit.occurred_at.desc(), Visit.id), offset, limit)
    return [VisitRow(id=r.id, **_place_of(r, r.household_id), number=r.registration_number,
                     occurred_at=r.occurred_at, channel=r.channel, purpose=r.purpose, status=r.status) for r in rows]


def complaints_page(session: Session, flt: RecordFilter, window: TimeWindow, offset: int,
                    limit: int) -> list[ComplaintRow]:
    rows = _run(session, flt, window, (Complaint.id, Complaint.household_id, Complaint.number, Complaint.created_at,
                                       Complaint.kind, Complaint.category_code, Complaint.program_code,
                                       Complaint.urgency, Complaint.status),
                (Complaint.created_at.desc(), Complaint.id), offset, limit)
    return [ComplaintRow(id=r.id, **_place_of(r, r.household_id), number=r.number, created_at=r.created_at,
                         complaint_kind=r.kind, category_code=r.category_code, program_code=r.program_code or "",
                         urgency=r.urgency, status=r.status) for r in rows]


def needs_page(session: Session, flt: RecordFilter, window: TimeWindow, offset: int, limit: int) -> list[NeedRow]:
    rows = _run(session, flt, window, (Need.id, Need.household_id, Need.number, Need.created_at, Need.domain_code,
                                       Need.ppks_codes, Need.proposed_program, Need.status),
                (Need.created_at.desc(), Need.id), offset, limit)
    return [NeedRow(id=r.id, **_place_of(r, r.household_id), number=r.number, created_at=r.created_at,
                    domain_code=r.domain_code, ppks_codes=tuple(r.ppks_codes or ()),
                    proposed_program=r.proposed_program or "", status=r.status) for r in rows]


def proposals_page(session: Session, flt: RecordFilter, window: TimeWindow, offset: int,
                   limit: int) -> list[ProposalRow]:
    rows = _run(session, flt, window, (DtsenProposal.id, DtsenProposal.household_id, DtsenProposal.number,
                                       DtsenProposal.created_at, DtsenProposal.kind,
                                       DtsenProposal.requested_programs, DtsenProposal.status),
                (DtsenProposal.created_at.desc(), DtsenProposal.id), offset, limit)
    return [ProposalRow(id=r.id, **_place_of(r, r.household_id), number=r.number, created_at=r.created_at,
                        proposal_kind=r.kind, requested_programs=tuple(r.requested_programs or ()), status=r.status)
            for r in rows]


def referrals_page(session: Session, flt: RecordFilter, window: TimeWindow, offset: int,
                   limit: int) -> list[ReferralRow]:
    rows = _run(session, flt, window, (Referral.id, Referral.household_id, Referral.letter_number,
                                       Referral.letter_date, ServiceDirectoryEntry.service_name,
                                       ServiceDirectoryEntry.program_code, Referral.status),
                (Referral.letter_date.desc(), Referral.id), offset, limit,
                extra_join=(ServiceDirectoryEntry, ServiceDirectoryEntry.id == Referral.service_id))
    return [ReferralRow(id=r.id, **_place_of(r, r.household_id), number=r.letter_number, letter_date=r.letter_date,
                        service_name=r.service_name or "", program_code=r.program_code or "", status=r.status)
            for r in rows]


PAGES: dict[RecordKind, Callable[[Session, RecordFilter, TimeWindow, int, int], list[ConsolidatedRow]]] = {
    RecordKind.PERSONS: persons_page,
    RecordKind.HOUSEHOLDS: households_page,
    RecordKind.VISITS: visits_page,
    RecordKind.COMPLAINTS: complaints_page,
    RecordKind.NEEDS: needs_page,
    RecordKind.PROPOSALS: proposals_page,
    RecordKind.REFERRALS: referrals_page,
}  # type: ignore[dict-item]


def page(session: Session, flt: RecordFilter, window: TimeWindow, offset: int, limit: int) -> list[ConsolidatedRow]:
    return PAGES[flt.kind](session, flt, window, offset, limit)


# --- filter choices ---------------------------------------------------------------------------------------------


def villages_with_households(session: Session) -> list[str]:
    """Distinct village codes of live households (served by ix_household_village_code)."""
    return list(session.scalars(select(Household.village_code).where(Household.deleted_at.is_(None))
                                .group_by(Household.village_code).order_by(Household.village_code)))


def region_names(session: Session, codes: list[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for start in range(0, len(codes), 500):
        part = codes[start:start + 500]
        names.update({code: name for code, name in session.execute(
            select(Wilayah.code, Wilayah.name).where(Wilayah.code.in_(part)))})
    return names
