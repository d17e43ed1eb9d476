"""Rows for follow-up tests: households, complaints and needs through the intake services with a clock set to
the day they were recorded (so their due dates come from the services' own working-day rule), and the rows those
services cannot make on purpose — a complaint with an odd due date, proposals and change requests in a given
state — straight through the ORM.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.casework import Complaint, Need
from puskesos_desk.data.orm.proposals import DtsenProposal, HouseholdChangeRequest
from puskesos_desk.data.repositories import holidays
from puskesos_desk.domain.casework import ComplaintDraft, NeedDraft
from puskesos_desk.domain.enums import ComplaintStatus
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.services.casework import record_complaint, record_need
from puskesos_desk.services.complaints import get_complaint, update_complaint_status
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from tests.services.factories import family

URGENCY_DAYS = {"DARURAT": 1, "SEGERA": 3, "BIASA": 10}


def at_noon_wib(day: date) -> datetime:
    """12:00 WIB as an aware UTC moment: the same calendar day in every time zone from UTC-4 to UTC+18."""
    return datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC)


def clocked(ctx: ServiceContext, day: date) -> ServiceContext:
    return replace(ctx, clock=lambda: at_noon_wib(day))


def household(ctx: ServiceContext, head_name: str = "Slamet Riyadi") -> HouseholdRecord:
    draft = family()
    members = (replace(draft.members[0], name=head_name), *draft.members[1:])
    return register_household(ctx, replace(draft, members=members)).household


def due_after(ctx: ServiceContext, created: date, working_days: int) -> date:
    with ctx.db.reading() as session:
        value = holidays.work_calendar(session).add_working_days(created, working_days).value
    assert isinstance(value, date)
    return value


def _insert(ctx: ServiceContext, row: Any) -> str:
    with ctx.db.transaction(ctx.actor) as session:
        session.add(row)
    return str(row.id)


def complaint(ctx: ServiceContext, household_id: str, *, created: date, urgency: str = "BIASA",
              status: str = "BARU", description: str = "PBI saya nonaktif", category: str = "PBI_NONAKTIF",
              due_date: date | None = None) -> str:
    """A complaint recorded on `created` (its due date follows from the urgency), then moved to `status`.
    With `due_date` the row is written directly with that due date instead."""
    if due_date is not None:
        ident = new_uuid()
        return _insert(ctx, Complaint(
            id=ident, number=f"KLH-TEST-{ident[:8]}", household_id=household_id, kind="PENGADUAN",
            category_code=category, description=description, urgency=urgency, status=status, due_date=due_date,
            created_at=at_noon_wib(created),
        ))
    on_the_day = clocked(ctx, created)
    record = record_complaint(on_the_day, ComplaintDraft(
        household_id=household_id, kind="PENGADUAN", category_code=category, description=description,
        urgency=urgency))
    if status != ComplaintStatus.BARU:
        update_complaint_status(on_the_day, record.id, status=ComplaintStatus(status), answer="Sudah dijawab",
                                expected_version=record.row_version)
    return record.id


def number_of(ctx: ServiceContext, complaint_id: str) -> str:
    return get_complaint(ctx, complaint_id).number


def need(ctx: ServiceContext, household_id: str, *, created: date, domain: str = "KESEHATAN",
         complaint_id: str | None = None) -> str:
    """A need recorded on `created`: due 10 working days later (services.casework.NEED_WORKING_DAYS)."""
    return record_need(clocked(ctx, created), NeedDraft(
        household_id=household_id, domain_code=domain, description="Butuh jaminan kesehatan",
        complaint_id=complaint_id)).id


def closed_need(ctx: ServiceContext, household_id: str, *, created: date) -> str:
    ident = new_uuid()
    return _insert(ctx, Need(
        id=ident, number=f"KBT-TEST-{ident[:8]}", household_id=household_id, domain_code="KESEHATAN",
        status="TERPENUHI", description="Sudah dapat PBI", due_date=due_after(ctx, created, 10),
        created_at=at_noon_wib(created),
    ))


def proposal(ctx: ServiceContext, household_id: str, *, created: date, status: str = "DRAFT",
             working_days: int = 10) -> str:
    ident = new_uuid()
    return _insert(ctx, DtsenProposal(
        id=ident, number=f"USL-TEST-{ident[:8]}", household_id=household_id, kind="BARU", status=status,
        due_date=due_after(ctx, created, working_days), created_at=at_noon_wib(created),
    ))


def change_request(ctx: ServiceContext, household_id: str, *, created: date, status: str = "MENUNGGU") -> str:
    ident = new_uuid()
    return _insert(ctx, HouseholdChangeRequest(
        id=ident, number=f"PRB-TEST-{ident[:8]}", household_id=household_id, kind="PINDAH",
        reason="Pindah ke desa lain", status=status, created_at=at_noon_wib(created),
    ))
