"""The day's worklist ("Tugas hari ini") as a report: the same items and columns as the printed task list
(services.followup.tasks_today and printing/task_list.py), for the day asked (default today), in Excel or PDF."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from puskesos_desk.domain.enums import Urgency
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.followup import TaskItem
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.reports import (
    CellKind,
    ReportColumn,
    ReportDocument,
    ReportRequest,
    ReportSection,
    ReportTable,
)
from puskesos_desk.printing.dates import weekday_date
from puskesos_desk.printing.task_list import EMPTY, URGENT_MARK
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.followup import tasks_today
from puskesos_desk.services.printouts import task_line
from puskesos_desk.services.report_bnba import check_cancelled
from puskesos_desk.services.report_common import make_document, report_frame

# The printed list's headers (printing/task_list.HEADERS), with the kinds a spreadsheet needs.
COLUMNS = (
    ReportColumn("!", CellKind.TEXT, 3), ReportColumn("STATUS", CellKind.TEXT, 22),
    ReportColumn("JENIS", CellKind.TEXT, 14), ReportColumn("NOMOR", CellKind.TEXT, 24),
    ReportColumn("KELUARGA", CellKind.TEXT, 26), ReportColumn("RINGKASAN", CellKind.TEXT, 50),
    ReportColumn("BATAS WAKTU", CellKind.DATE, 12),
)
#: The moment the day's list is computed at: midday, so the local date is the day asked in every zone.
MIDDAY = time(12, 0)


def _on_day(ctx: ServiceContext, day: date) -> ServiceContext:
    """The same context with its clock set to `day`: tasks_today counts lateness against ctx.today()."""
    if day == ctx.today():
        return ctx
    moment = datetime.combine(day, MIDDAY, tzinfo=local_zone())
    return replace(ctx, clock=lambda: moment)


def task_row(item: TaskItem) -> tuple[object, ...]:
    """One line as the printed worklist shows it, as report cells."""
    line = task_line(item)
    return (URGENT_MARK if line.urgent else "", line.state, line.kind, line.number, line.household, line.summary,
            line.due)


def build_daily(ctx: ServiceContext, request: ReportRequest, sink: ProgressSink) -> ReportDocument:
    ctx.require(Permission.VIEW_REPORTS)
    day = request.day or ctx.today()
    sink.progress(0, 2, "Membaca tugas hari ini…")
    items = tasks_today(_on_day(ctx, day))
    check_cancelled(sink)
    with ctx.db.reading() as session:
        frame = report_frame(ctx, session, request)
    sink.progress(1, 2, "Menyusun daftar tugas…")
    urgent = sum(1 for item in items if item.urgency is Urgency.DARURAT)
    table = ReportTable(
        title=f"Tugas hari ini — {weekday_date(day)}", columns=COLUMNS, rows=tuple(task_row(i) for i in items),
        highlight_rows=frozenset(index for index, item in enumerate(items) if item.urgency is Urgency.DARURAT),
        note=f"{len(items)} tugas" + (f", {urgent} mendesak (ditandai {URGENT_MARK})" if urgent else "") + ".",
        empty_text=EMPTY,
    )
    section = ReportSection(title="Tugas hari ini", sheet_name="Tugas hari ini", tables=(table,), landscape=True)
    sink.progress(2, 2, "Daftar tugas selesai")
    return make_document(
        frame, request, title="TUGAS HARI INI", period_label=weekday_date(day), sections=(section,),
        is_empty=not items, empty_text=f"Tidak ada tugas untuk {weekday_date(day)}.",
        cover_facts=(("Jumlah tugas", str(len(items))), ("Mendesak", str(urgent))),
    )
