"""Open complaints, needs, DTSEN proposals and household change requests for the follow-up worklist, and the
follow-up history rows (status changes with who and when)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select, true
from sqlalchemy.orm import Session, aliased

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.casework import Complaint, FollowUp, Need
from puskesos_desk.data.orm.household import Household
from puskesos_desk.data.orm.proposals import DtsenProposal, HouseholdChangeRequest
from puskesos_desk.data.orm.reference import ComplaintCategory, NeedDomain, ServiceDirectoryEntry
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.domain.enums import ChangeStatus, NeedStatus, ProposalStatus, Urgency
from puskesos_desk.domain.followup import OPEN_COMPLAINT_STATUSES, FollowUpEntry, OpenItem, TaskKind

OPEN_NEED_STATUSES = (NeedStatus.TERIDENTIFIKASI, NeedStatus.DIRUJUK)
OPEN_PROPOSAL_STATUSES = (ProposalStatus.DRAFT, ProposalStatus.SIAP_MUSDES, ProposalStatus.DIAJUKAN)
SUMMARY_LENGTH = 160


def _summary(text: str | None) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= SUMMARY_LENGTH else flat[: SUMMARY_LENGTH - 1].rstrip() + "…"


def _urgency(value: str | None) -> Urgency:
    try:
        return Urgency(value or Urgency.BIASA)
    except ValueError:
        return Urgency.BIASA


def _due_filter(column: Any, due_until: date | None) -> Any:
    """Due on or before `due_until`; items without a due date are always read (the service dates them)."""
    if due_until is None:
        return true()
    return or_(column.is_(None), column <= due_until)


def open_complaints(session: Session, *, due_until: date | None) -> list[OpenItem]:
    """Open complaints due by `due_until` (None: all), plus every open emergency whatever its due date."""
    query = (
        select(Complaint, Household.number, Household.head_name, ComplaintCategory.name, ComplaintCategory.name_en)
        .join(Household, Household.id == Complaint.household_id)
        .outerjoin(ComplaintCategory, ComplaintCategory.code == Complaint.category_code)
        .where(
            Complaint.deleted_at.is_(None),
            Complaint.status.in_([s.value for s in OPEN_COMPLAINT_STATUSES]),
            or_(_due_filter(Complaint.due_date, due_until), Complaint.urgency == Urgency.DARURAT.value),
        )
    )
    return [
        OpenItem(
            kind=TaskKind.KELUHAN, id=row.id, number=row.number, topic_code=row.category_code,
            topic_name=cat_name or row.category_code, topic_name_en=cat_name_en or "",
            summary=_summary(row.description), status=row.status, urgency=_urgency(row.urgency),
            household_id=row.household_id, household_number=hh_number, household_name=head,
            due_date=row.due_date, created_at=row.created_at, row_version=row.row_version,
        )
        for row, hh_number, head, cat_name, cat_name_en in session.execute(query)
    ]


def open_needs(session: Session, *, due_until: date | None) -> list[OpenItem]:
    """Open needs due by `due_until`. A need found with a complaint takes the complaint's urgency, and an
    emergency need is read whatever its due date."""
    source = aliased(Complaint)
    query = (
        select(Need, Household.number, Household.head_name, NeedDomain.name, NeedDomain.name_en, source.urgency)
        .join(Household, Household.id == Need.household_id)
        .outerjoin(NeedDomain, NeedDomain.code == Need.domain_code)
        .outerjoin(source, source.id == Need.complaint_id)
        .where(
            Need.deleted_at.is_(None),
            Need.status.in_([s.value for s in OPEN_NEED_STATUSES]),
            or_(_due_filter(Need.due_date, due_until), source.urgency == Urgency.DARURAT.value),
        )
    )
    return [
        OpenItem(
            kind=TaskKind.KEBUTUHAN, id=row.id, number=row.number, topic_code=row.domain_code,
            topic_name=dom_name or row.domain_code, topic_name_en=dom_name_en or "",
            summary=_summary(row.description), status=row.status, urgency=_urgency(urgency),
            household_id=row.household_id, household_number=hh_number, household_name=head,
            due_date=row.due_date, created_at=row.created_at, row_version=row.row_version,
        )
        for row, hh_number, head, dom_name, dom_name_en, urgency in session.execute(query)
    ]


def open_proposals(session: Session, *, due_until: date | None) -> list[OpenItem]:
    query = (
        select(DtsenProposal, Household.number, Household.head_name)
        .join(Household, Household.id == DtsenProposal.household_id)
        .where(
            DtsenProposal.deleted_at.is_(None),
            DtsenProposal.status.in_([s.value for s in OPEN_PROPOSAL_STATUSES]),
            _due_filter(DtsenProposal.due_date, due_until),
        )
    )
    return [
        OpenItem(
            kind=TaskKind.USULAN, id=row.id, number=row.number, topic_code=row.kind, topic_name="",
            topic_name_en="", summary=_summary(row.verification_notes), status=row.status, urgency=Urgency.BIASA,
            household_id=row.household_id, household_number=hh_number, household_name=head,
            due_date=row.due_date, created_at=row.created_at, row_version=row.row_version,
        )
        for row, hh_number, head in session.execute(query)
    ]


def awaited_referrals(session: Session, *, due_until: date | None) -> list[OpenItem]:
    """Referrals handed over and still without an answer whose response date falls by `due_until`."""
    query = (
        select(Referral, Household.number, Household.head_name, ServiceDirectoryEntry.code,
               ServiceDirectoryEntry.organization)
        .join(Household, Household.id == Referral.household_id)
        .join(ServiceDirectoryEntry, ServiceDirectoryEntry.id == Referral.service_id)
        .where(
            Referral.deleted_at.is_(None),
            Referral.status.in_(("DIKIRIM", "TIDAK_ADA_KABAR")),
            _due_filter(Referral.response_due, due_until),
        )
    )
    return [
        OpenItem(
            kind=TaskKind.RUJUKAN, id=row.id, number=row.letter_number, topic_code=code, topic_name=organization,
            topic_name_en=organization, summary=_summary(row.requested_service), status=row.status,
            urgency=Urgency.BIASA, household_id=row.household_id, household_number=hh_number, household_name=head,
            due_date=row.response_due, created_at=row.created_at, row_version=row.row_version,
        )
        for row, hh_number, head, code, organization in session.execute(query)
    ]


def pending_change_requests(session: Session) -> list[OpenItem]:
    """Household change requests still waiting for a decision (they carry no due date of their own)."""
    query = (
        select(HouseholdChangeRequest, Household.number, Household.head_name)
        .join(Household, Household.id == HouseholdChangeRequest.household_id)
        .where(
            HouseholdChangeRequest.deleted_at.is_(None),
            HouseholdChangeRequest.status == ChangeStatus.MENUNGGU.value,
        )
    )
    return [
        OpenItem(
            kind=TaskKind.PERUBAHAN, id=row.id, number=row.number, topic_code=row.kind, topic_name="",
            topic_name_en="", summary=_summary(row.reason), status=row.status, urgency=Urgency.BIASA,
            household_id=row.household_id, household_number=hh_number, household_name=head, due_date=None,
            created_at=row.created_at, row_version=row.row_version,
        )
        for row, hh_number, head in session.execute(query)
    ]


def insert_follow_up(session: Session, **fields: Any) -> FollowUp:
    row = FollowUp(id=new_uuid(), **fields)
    session.add(row)
    return row


def follow_up_history(session: Session, entity: str, entity_id: str) -> list[FollowUpEntry]:
    """The follow-up rows of one complaint, need or proposal, oldest first."""
    rows = session.scalars(
        select(FollowUp)
        .where(FollowUp.entity == entity, FollowUp.entity_id == entity_id, FollowUp.deleted_at.is_(None))
        .order_by(FollowUp.occurred_at, FollowUp.created_at)
    )
    return [
        FollowUpEntry(id=r.id, entity=r.entity, entity_id=r.entity_id, occurred_at=r.occurred_at, method=r.method,
                      officer_id=r.officer_id, status_before=r.status_before, status_after=r.status_after,
                      notes=r.notes)
        for r in rows
    ]
