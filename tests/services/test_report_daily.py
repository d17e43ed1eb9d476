"""The daily list as a report: the same items as tasks_today for the day asked, in the printed list's columns and
words, emergencies highlighted."""

from __future__ import annotations

from datetime import date
from typing import Any

from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.reports import ReportKind, ReportMonth, ReportRequest
from puskesos_desk.printing.task_list import HEADERS
from puskesos_desk.services.followup import tasks_today
from puskesos_desk.services.printouts import task_line
from puskesos_desk.services.report_daily import build_daily
from tests.services import casework_rows as rows

TODAY = date(2026, 3, 16)  # a Monday


def request(day: date | None = None) -> ReportRequest:
    return ReportRequest(ReportKind.HARIAN, ReportMonth.of(day or TODAY), day=day)


def printed(items: list[Any]) -> list[tuple[object, ...]]:
    """What the printed worklist shows for each item (services.printouts builds it for the PDF)."""
    lines = [task_line(item) for item in items]
    return [("!" if line.urgent else "", line.state, line.kind, line.number, line.household, line.summary, line.due)
            for line in lines]


def test_daily_list_is_tasks_today_in_the_printed_columns(site_db: Any) -> None:
    ctx = rows.clocked(site_db.cli, TODAY)
    home = rows.household(ctx)
    rows.complaint(ctx, home.id, created=date(2026, 2, 16))  # due 10 working days later: overdue by now
    rows.complaint(ctx, home.id, created=date(2026, 3, 16), urgency="DARURAT", description="Rumah roboh")
    rows.need(ctx, home.id, created=date(2026, 3, 2))  # due today
    rows.complaint(ctx, home.id, created=date(2026, 3, 13), description="Belum jatuh tempo")
    expected = tasks_today(ctx)
    assert len(expected) == 3

    document = build_daily(ctx, request(), ProgressSink())
    (section,) = document.sections
    (table,) = section.tables
    assert tuple(column.title for column in table.columns) == tuple(title.upper() for title in HEADERS)
    assert list(table.rows) == printed(expected)
    assert table.highlight_rows == frozenset({0})  # the emergency comes first and is marked
    assert table.rows[0][0] == "!" and "Rumah roboh" in str(table.rows[0][5])
    assert document.period_label == "Senin, 16 Maret 2026" and not document.is_empty


def test_another_day_counts_lateness_from_that_day(site_db: Any) -> None:
    ctx = rows.clocked(site_db.cli, TODAY)
    home = rows.household(ctx)
    rows.complaint(ctx, home.id, created=date(2026, 2, 16))
    later = date(2026, 3, 20)
    document = build_daily(ctx, request(later), ProgressSink())
    assert list(document.sections[0].tables[0].rows) == printed(tasks_today(rows.clocked(ctx, later)))
    assert document.period_label == "Jumat, 20 Maret 2026"
    assert document.sections[0].tables[0].rows != tuple(printed(tasks_today(ctx)))  # later: more days late


def test_a_day_without_tasks_says_so(site_db: Any) -> None:
    document = build_daily(rows.clocked(site_db.cli, TODAY), request(), ProgressSink())
    assert document.is_empty and document.sections[0].tables[0].rows == ()
    assert document.empty_text == "Tidak ada tugas untuk Senin, 16 Maret 2026."
