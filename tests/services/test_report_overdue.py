"""Overdue referrals by agency: which referrals count, how they group, and how late they are in working days,
computed here day by day over the holiday table instead of through the service's own helper."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from puskesos_desk.data.repositories import holidays
from puskesos_desk.data.repositories.referrals import referral_record
from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.reports import ReportKind, ReportMonth, ReportRequest
from puskesos_desk.domain.workdays import WorkCalendar
from puskesos_desk.services.referrals import create_referral
from puskesos_desk.services.report_overdue import build_overdue
from tests.services import casework_rows as rows
from tests.services.referral_rows import PATHS, Desk, desk, draft, step

S = ReferralStatus
# Made in this order: marking 'no news' touches every sent referral past its date, so that one comes first.
MADE = (
    ("DESA-SKTM", S.TIDAK_ADA_KABAR),
    ("DINSOS-PBI-REAKTIVASI", S.DIKIRIM),
    ("DINSOS-SK-DTSEN", S.DITERIMA),
    ("DUKCAPIL-KTP-KK", S.DIPROSES),
    ("DINSOS-RTLH", S.DIKIRIM),  # 20 working days to answer: not late yet at the end of March
    ("DINSOS-ATENSI", S.SELESAI),  # answered: never on the list
    ("DUKCAPIL-AKTA-LAHIR-KIA", S.DRAFT),  # not sent: never on the list
)
ORGANIZATIONS = {
    "DESA-SKTM": "Pemerintah Desa (isi nama desa)",
    "DINSOS-PBI-REAKTIVASI": "Dinas Sosial Kabupaten Semarang",
    "DINSOS-SK-DTSEN": "Dinas Sosial Kabupaten Semarang",
    "DUKCAPIL-KTP-KK": "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Semarang",
    "DINSOS-RTLH": "Dinas Sosial Kabupaten Semarang",
}


def late_by_hand(calendar: WorkCalendar, due: date, as_of: date) -> int:
    """Working days after the answer date (moved past weekends and holidays) up to and including `as_of`."""
    effective = due
    while not calendar.is_working_day(effective):
        effective += timedelta(days=1)
    days = 0
    day = effective + timedelta(days=1)
    while day <= as_of:
        days += calendar.is_working_day(day)
        day += timedelta(days=1)
    return days


@pytest.fixture
def made(site_db: Any) -> tuple[Desk, dict[str, tuple[str, date, date | None]]]:
    """service code → (letter number, answer due date, day the agency answered) of each referral made on 2 March
    2026."""
    d = desk(site_db)
    numbers: dict[str, tuple[str, date]] = {}
    for code, status in MADE:
        record = create_referral(d.bo, draft(d, code))
        for target in PATHS[status]:
            step(d, record.id, target)
        with site_db.db.reading() as session:
            current = referral_record(session, record.id)
        assert current.status is status
        numbers[code] = (current.number, current.response_due, current.received_on)
    return d, numbers


def test_overdue_referrals_grouped_by_agency_with_lateness_in_working_days(site_db: Any, made: Any) -> None:
    d, numbers = made
    ctx = rows.clocked(d.koordinator, date(2026, 6, 10))
    document = build_overdue(ctx, ReportRequest(ReportKind.OVERDUE, ReportMonth(2026, 3)), ProgressSink())
    as_of = date(2026, 3, 31)  # the month's last day: the report looks at March as it ended
    with site_db.db.reading() as session:
        calendar = holidays.work_calendar(session)
    expected: dict[str, dict[str, int]] = {}
    for code, (number, due, answered) in numbers.items():
        if answered is not None and answered <= as_of:
            continue  # an acknowledgement (DITERIMA) is an answer: not overdue any more
        if code in ORGANIZATIONS and due < as_of and (late := late_by_hand(calendar, due, as_of)) > 0:
            expected.setdefault(ORGANIZATIONS[code], {})[number] = late
    assert "DINSOS-RTLH" in numbers and all(numbers["DINSOS-RTLH"][0] not in v for v in expected.values())
    assert len(expected) == 2 and sum(len(v) for v in expected.values()) == 2

    summary = document.sections[0].tables[0]
    assert [(row[1], row[2], row[3]) for row in summary.rows] == [
        (agency, len(late), max(late.values())) for agency, late in sorted(expected.items())]
    assert summary.total is not None and summary.total[2] == 2
    agencies = document.sections[1:]
    assert [section.title for section in agencies] == sorted(expected)
    assert len({section.sheet_name for section in document.sections}) == len(document.sections)
    assert all(len(section.sheet_name) <= 31 for section in document.sections)
    for section in agencies:
        (table,) = section.tables
        assert {row[1]: row[7] for row in table.rows} == expected[section.title]
        assert table.highlight_rows == frozenset(i for i, row in enumerate(table.rows) if row[7] > 10)
        assert all(row[3] == "SLAMET R." for row in table.rows)  # the name shortened
    statuses = {row[8] for section in agencies for row in section.tables[0].rows}
    assert statuses == {"Tidak ada kabar", "Dikirim"}  # Diterima and Diproses were answered on 2 March
    assert any(section.tables[0].highlight_rows for section in agencies)
    assert not document.is_empty
    assert ("Keadaan per", "31 Maret 2026") in document.cover_facts


def test_the_running_month_is_looked_at_as_of_today(made: Any) -> None:
    d, numbers = made
    ctx = rows.clocked(d.koordinator, date(2026, 3, 4))
    document = build_overdue(ctx, ReportRequest(ReportKind.OVERDUE, ReportMonth(2026, 3)), ProgressSink())
    # On 4 March only the one-day answer (SKTM, due 3 March) is late; everything else is still in time.
    assert ("Keadaan per", "4 Maret 2026") in document.cover_facts
    assert [row[1] for section in document.sections[1:] for row in section.tables[0].rows] == [
        numbers["DESA-SKTM"][0]]


def test_no_overdue_referrals_says_so(site_db: Any) -> None:
    ctx = rows.clocked(site_db.cli, date(2026, 6, 10))
    document = build_overdue(ctx, ReportRequest(ReportKind.OVERDUE, ReportMonth(2026, 5)), ProgressSink())
    assert document.is_empty and len(document.sections) == 1
    assert document.empty_text == "Tidak ada rujukan yang lewat batas waktu jawab per 31 Mei 2026."
