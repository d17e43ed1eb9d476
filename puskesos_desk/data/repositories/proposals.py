"""DTSEN proposals (usulan) and the follow-up notes of their status changes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.casework import FollowUp
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.proposals import DtsenProposal
from puskesos_desk.domain.casework import ProposalMember, ProposalRecord
from puskesos_desk.domain.errors import NotFound


def _member_snapshot(member: ProposalMember) -> dict[str, object]:
    return {
        "person_id": member.person_id, "nik": member.nik, "name": member.name, "relation": member.relation,
        "sex": member.sex, "birth_date": member.birth_date.isoformat() if member.birth_date else None,
        "occupation": member.occupation, "education": member.education, "school_status": member.school_status,
        "marital_status": member.marital_status, "disability": list(member.disability),
        "residence_status": member.residence_status,
    }


def _member_from_snapshot(data: dict[str, Any]) -> ProposalMember:
    born = data.get("birth_date")
    return ProposalMember(
        person_id=str(data.get("person_id") or ""), nik=data.get("nik"), name=str(data.get("name") or ""),
        relation=str(data.get("relation") or ""), sex=str(data.get("sex") or ""),
        birth_date=date.fromisoformat(born) if born else None, occupation=data.get("occupation"),
        education=data.get("education"), school_status=data.get("school_status"),
        marital_status=data.get("marital_status"), disability=tuple(data.get("disability") or ()),
        residence_status=str(data.get("residence_status") or "ADA"),
    )


def proposal_record(row: DtsenProposal, due_note: str | None = None) -> ProposalRecord:
    return ProposalRecord(
        id=row.id, number=row.number, household_id=row.household_id, visit_id=row.visit_id, kind=row.kind,
        status=row.status, members=tuple(_member_from_snapshot(m) for m in row.members_snapshot or ()),
        housing={str(k): str(v) for k, v in (row.housing_snapshot or {}).items()},
        criteria={str(k): bool(v) for k, v in (row.criteria_262 or {}).items()},
        requested_programs=tuple(row.requested_programs or ()), musdes_date=row.musdes_date,
        musdes_minutes_number=row.musdes_minutes_number, verification_notes=row.verification_notes,
        due_date=row.due_date, created_at=row.created_at, row_version=row.row_version, due_note=due_note,
    )


def snapshot_members(session: Session, household_id: str, member_ids: Iterable[str] = ()) -> list[ProposalMember]:
    """The household's members as they are now: the given ids, or everyone still living in the household."""
    wanted = set(member_ids)
    query = select(Person).where(Person.household_id == household_id, Person.deleted_at.is_(None))
    query = query.where(Person.id.in_(wanted)) if wanted else query.where(Person.residence_status == "ADA")
    rows = session.scalars(query.order_by(Person.birth_date.is_(None), Person.birth_date))
    return [
        ProposalMember(
            person_id=r.id, nik=r.nik, name=r.name, relation=r.relation, sex=r.sex, birth_date=r.birth_date,
            occupation=r.occupation, education=r.education, school_status=r.school_status,
            marital_status=r.marital_status, disability=tuple(r.disability or ()), residence_status=r.residence_status,
        )
        for r in rows
    ]


def insert_proposal(session: Session, *, members: Iterable[ProposalMember], **fields: Any) -> DtsenProposal:
    row = DtsenProposal(id=new_uuid(), members_snapshot=[_member_snapshot(m) for m in members], **fields)
    session.add(row)
    return row


def get_proposal(session: Session, proposal_id: str) -> DtsenProposal:
    row = session.get(DtsenProposal, proposal_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Usulan DTSEN tidak ditemukan; mungkin sudah dihapus.")
    return row


def open_proposal_numbers(session: Session, household_id: str, statuses: Iterable[str]) -> list[str]:
    return list(session.scalars(
        select(DtsenProposal.number).where(DtsenProposal.household_id == household_id,
                                           DtsenProposal.status.in_(list(statuses)),
                                           DtsenProposal.deleted_at.is_(None))
    ))


def store_household_housing(session: Session, household_id: str, housing: dict[str, str]) -> None:
    """Keep the latest known housing conditions on the household as well (RTLH referrals read them)."""
    row = session.get(Household, household_id)
    if row is not None and housing and dict(row.housing or {}) != housing:
        row.housing = dict(housing)


def add_follow_up(session: Session, **fields: Any) -> FollowUp:
    row = FollowUp(id=new_uuid(), **fields)
    session.add(row)
    return row


def proposals_for_household(session: Session, household_id: str) -> list[ProposalRecord]:
    rows = session.scalars(
        select(DtsenProposal).where(DtsenProposal.household_id == household_id, DtsenProposal.deleted_at.is_(None))
        .order_by(DtsenProposal.created_at.desc())
    )
    return [proposal_record(r) for r in rows]
