"""The "Tugas hari ini" worklist: due and overdue items counted in working days over the holiday table."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import tests.services.casework_rows as rows
from puskesos_desk.data.repositories import holidays
from puskesos_desk.domain.enums import Role, SiteRole, Urgency
from puskesos_desk.domain.errors import PermissionDenied
from puskesos_desk.domain.followup import TaskKind, TaskState
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.followup import tasks_today

# Nyepi 18–19 March 2026 and Idulfitri 20–24 March 2026 (libur nasional and cuti bersama, from lokal-id).
BEFORE_LEBARAN = date(2026, 3, 13)  # Friday
AFTER_LEBARAN = date(2026, 3, 25)  # Wednesday, the first working day after the holidays


@pytest.fixture
def ctx(site_db: Any) -> ServiceContext:
    return site_db.cli


def test_due_dates_skip_nyepi_and_idulfitri(ctx: ServiceContext) -> None:
    # 3 working days after Tuesday 10 March is Friday 13 March; 1 working day after 17 March skips six days off.
    assert rows.due_after(ctx, date(2026, 3, 10), 3) == date(2026, 3, 13)
    assert rows.due_after(ctx, date(2026, 3, 17), 1) == AFTER_LEBARAN


def test_overdue_is_counted_in_working_days_across_the_holiday(ctx: ServiceContext) -> None:
    home = rows.household(ctx)
    late = rows.complaint(ctx, home.id, created=date(2026, 3, 10), urgency="SEGERA")  # due Fri 13 March
    today_ = rows.complaint(ctx, home.id, created=date(2026, 3, 17), urgency="DARURAT")  # due Wed 25 March
    later = rows.complaint(ctx, home.id, created=date(2026, 3, 17), urgency="BIASA")  # due Wed 8 April
    tasks = tasks_today(rows.clocked(ctx, AFTER_LEBARAN))
    by_id = {t.id: t for t in tasks}
    assert later not in by_id
    # 16 and 17 March, then nothing until 25 March: three working days late, not twelve calendar days.
    assert by_id[late].state is TaskState.TERLAMBAT
    assert by_id[late].working_days_late == 3
    assert by_id[late].due_date == date(2026, 3, 13)
    assert by_id[today_].state is TaskState.HARI_INI
    assert by_id[today_].working_days_late == 0
    assert all(t.calendar_exact for t in tasks)
    assert tasks[0].id == today_, "an emergency comes first even when another item is overdue"
    assert tasks[0].household_name == "SLAMET RIYADI"
    assert tasks[0].household_number == home.number
    assert tasks[0].topic_name == "Kepesertaan PBI-JK Nonaktif (Reaktivasi)"
    assert tasks[0].topic_name_en.startswith("PBI-JK health cover")


def test_a_holiday_added_to_the_table_moves_the_count(ctx: ServiceContext) -> None:
    home = rows.household(ctx)
    late = rows.complaint(ctx, home.id, created=date(2026, 3, 10), urgency="SEGERA", due_date=BEFORE_LEBARAN)
    day = date(2026, 3, 26)  # Thursday
    assert next(t for t in tasks_today(rows.clocked(ctx, day)) if t.id == late).working_days_late == 4
    with ctx.db.transaction(ctx.actor) as session:
        holidays.add_holiday(session, day=day, name="Hari Jadi Kabupaten", kind="libur_daerah", source="test")
    assert next(t for t in tasks_today(rows.clocked(ctx, day)) if t.id == late).working_days_late == 3


def test_due_on_a_day_off_counts_as_due_on_the_next_working_day(ctx: ServiceContext) -> None:
    home = rows.household(ctx)
    ident = rows.complaint(ctx, home.id, created=date(2026, 3, 10), due_date=date(2026, 3, 21))  # Saturday
    task = next(t for t in tasks_today(rows.clocked(ctx, AFTER_LEBARAN)) if t.id == ident)
    assert task.state is TaskState.HARI_INI


def test_needs_proposals_and_change_requests_join_the_list(ctx: ServiceContext) -> None:
    home = rows.household(ctx)
    other = rows.household(ctx, "Sutrisno")
    emergency = rows.complaint(ctx, other.id, created=AFTER_LEBARAN, urgency="DARURAT")  # due 26 March
    need_overdue = rows.need(ctx, home.id, created=date(2026, 3, 2))  # due 16 March
    need_of_emergency = rows.need(ctx, other.id, created=AFTER_LEBARAN, complaint_id=emergency)
    proposal = rows.proposal(ctx, home.id, created=date(2026, 3, 3), working_days=10)  # due 17 March
    change = rows.change_request(ctx, home.id, created=date(2026, 2, 2))
    rows.closed_need(ctx, home.id, created=date(2026, 3, 2))
    rows.proposal(ctx, home.id, created=date(2026, 3, 3), status="DITERIMA")
    rows.change_request(ctx, home.id, created=date(2026, 2, 2), status="DISETUJUI")
    tasks = tasks_today(rows.clocked(ctx, AFTER_LEBARAN))
    kinds = {t.id: t.kind for t in tasks}
    assert kinds == {
        emergency: TaskKind.KELUHAN, need_overdue: TaskKind.KEBUTUHAN, need_of_emergency: TaskKind.KEBUTUHAN,
        proposal: TaskKind.USULAN, change: TaskKind.PERUBAHAN,
    }
    by_id = {t.id: t for t in tasks}
    # An open emergency is listed before it is due, and a need found with it inherits its urgency.
    assert by_id[emergency].state is TaskState.MENDATANG
    assert by_id[emergency].working_days_late == -1
    assert by_id[need_of_emergency].urgency is Urgency.DARURAT
    assert [t.urgency for t in tasks[:2]] == [Urgency.DARURAT, Urgency.DARURAT]
    # Then the overdue items, the latest first. The change request has no due date of its own: 10 working days
    # after 2 February skips Imlek (16–17 February), and from there to 25 March is 20 working days because
    # 18–24 March are days off.
    assert by_id[change].due_date == date(2026, 2, 18)
    assert by_id[change].working_days_late == 20
    assert [t.id for t in tasks[2:]] == [change, need_overdue, proposal]
    assert [t.working_days_late for t in tasks[2:]] == [20, 2, 1]
    assert by_id[need_overdue].topic_code == "KESEHATAN"
    assert by_id[proposal].topic_code == "BARU"


def test_looking_ahead_adds_what_falls_due_soon(ctx: ServiceContext) -> None:
    home = rows.household(ctx)
    soon = rows.complaint(ctx, home.id, created=AFTER_LEBARAN, urgency="SEGERA")  # due Mon 30 March
    later = rows.complaint(ctx, home.id, created=AFTER_LEBARAN, urgency="BIASA")
    on_the_day = rows.clocked(ctx, AFTER_LEBARAN)
    assert soon not in {t.id for t in tasks_today(on_the_day)}
    ahead = {t.id: t for t in tasks_today(on_the_day, ahead_days=3)}
    assert ahead[soon].state is TaskState.MENDATANG
    assert ahead[soon].working_days_late == -3
    assert later not in ahead


def test_closed_and_deleted_items_are_not_tasks(ctx: ServiceContext) -> None:
    home = rows.household(ctx)
    for status in ("SELESAI", "TIDAK_DAPAT_DITANGANI"):
        rows.complaint(ctx, home.id, created=date(2026, 3, 2), status=status)
    deleted = rows.complaint(ctx, home.id, created=date(2026, 3, 2))
    with ctx.db.transaction(ctx.actor) as session:
        from puskesos_desk.data.orm.casework import Complaint

        row = session.get(Complaint, deleted)
        assert row is not None
        row.deleted_at = rows.at_noon_wib(date(2026, 3, 3))
        row.deleted_reason = "salah input"
    assert tasks_today(rows.clocked(ctx, AFTER_LEBARAN)) == []


def test_a_year_without_holiday_data_is_flagged(ctx: ServiceContext) -> None:
    home = rows.household(ctx)
    ident = rows.complaint(ctx, home.id, created=date(2041, 3, 1), due_date=date(2041, 3, 4))
    task = next(t for t in tasks_today(rows.clocked(ctx, date(2041, 3, 6))) if t.id == ident)
    assert task.working_days_late == 2
    assert not task.calendar_exact
    assert task.uncovered_years == (2041,)


def test_admin_sees_no_case_data(ctx: ServiceContext) -> None:
    admin = Actor(id="x", name="admin", role=Role.ADMIN, site_code=ctx.actor.site_code, site_role=SiteRole.DESA)
    with pytest.raises(PermissionDenied):
        tasks_today(ServiceContext(ctx.db, admin))
