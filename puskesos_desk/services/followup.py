"""The "Tugas hari ini" worklist: every open complaint, need, DTSEN proposal and pending household change that
is due today or overdue, counted in working days over the holiday table.

Emergencies (DARURAT) are always on the list while they are open, whatever their due date: an emergency
recorded this morning is due tomorrow, and it must not wait until then to be seen.
"""

from __future__ import annotations

from datetime import date

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import followup, holidays, reference
from puskesos_desk.domain.enums import Urgency
from puskesos_desk.domain.followup import OpenItem, TaskItem, TaskState
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.workdays import WorkCalendar
from puskesos_desk.services.context import ServiceContext, local_zone

#: Working days given to an item that has no due date of its own (change requests, rows from older versions)
#: when the reference list "urgensi" has no figure for BIASA.
FALLBACK_WORKING_DAYS = 10
MAX_AHEAD_DAYS = 30


def _default_working_days(session: DbSession) -> int:
    for item in reference.code_list(session, "urgensi"):
        if item.code == Urgency.BIASA.value:
            days = item.extra.get("hari_kerja")
            if isinstance(days, int) and days >= 0:
                return days
    return FALLBACK_WORKING_DAYS


def place_against_today(calendar: WorkCalendar, today: date, due: date) -> tuple[TaskState, int, tuple[int, ...]]:
    """(state, working days late, years counted without holiday data). A due date on a day off counts as the next
    working day; an item past its due date is at least one working day late even when looked at on a weekend."""
    effective = calendar.add_working_days(due, 0)
    due_day = effective.value
    assert isinstance(due_day, date)
    if today > due_day:
        counted = calendar.count_working_days(due_day, today)
        state, late, uncovered = TaskState.TERLAMBAT, max(1, int(counted.value)), counted.uncovered_years
    elif today == due_day:
        state, late, uncovered = TaskState.HARI_INI, 0, calendar.count_working_days(due, today).uncovered_years
    else:
        ahead = calendar.count_working_days(today, due_day)
        state, late, uncovered = TaskState.MENDATANG, -int(ahead.value), ahead.uncovered_years
    return state, late, tuple(sorted(set(effective.uncovered_years) | set(uncovered)))


def tasks_today(ctx: ServiceContext, *, ahead_days: int = 0) -> list[TaskItem]:
    """What is due today or overdue, and with `ahead_days` > 0 also what falls due within that many working
    days. Open emergencies are always included. Sorted: DARURAT first, then overdue (latest first), then due
    today, then the rest by due date."""
    ctx.require(Permission.VIEW_CASES)
    if not 0 <= ahead_days <= MAX_AHEAD_DAYS:
        raise ValueError(f"ahead_days must be 0…{MAX_AHEAD_DAYS}, not {ahead_days}")
    today = ctx.today()
    zone = local_zone()
    with ctx.db.reading() as session:
        calendar = holidays.work_calendar(session)
        horizon = calendar.add_working_days(today, ahead_days).value if ahead_days else today
        assert isinstance(horizon, date)
        default_days = _default_working_days(session)
        items: list[OpenItem] = [
            *followup.open_complaints(session, due_until=horizon),
            *followup.open_needs(session, due_until=horizon),
            *followup.open_proposals(session, due_until=horizon),
            *followup.awaited_referrals(session, due_until=horizon),
            *followup.pending_change_requests(session),
        ]
    tasks: list[TaskItem] = []
    for item in items:
        due = item.due_date
        if due is None:
            start = item.created_at.astimezone(zone).date()
            dated = calendar.add_working_days(start, default_days).value
            assert isinstance(dated, date)
            due = dated
        state, late, uncovered = place_against_today(calendar, today, due)
        if state is TaskState.MENDATANG and item.urgency is not Urgency.DARURAT and due > horizon:
            continue
        tasks.append(TaskItem(
            kind=item.kind, id=item.id, number=item.number, topic_code=item.topic_code, topic_name=item.topic_name,
            topic_name_en=item.topic_name_en, summary=item.summary, status=item.status, urgency=item.urgency,
            household_id=item.household_id, household_number=item.household_number,
            household_name=item.household_name, due_date=due, state=state, working_days_late=late,
            row_version=item.row_version, uncovered_years=uncovered,
        ))
    tasks.sort(key=lambda task: task.sort_key)
    return tasks
