"""Overdue referrals by agency: the list a coordinator takes to a coordination meeting.

A referral is overdue when it still awaits the receiving office's answer (sent, received, in process, or marked
'no news') and its answer date has passed by the as-of day: the month's last day, or today for the running month.
Lateness is counted in working days over the holiday table, the way the referral list counts it (an answer date
on a day off moves to the next working day). Rows more than LONG_OVERDUE working days late are highlighted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from itertools import groupby

from puskesos_desk.data.repositories import holidays
from puskesos_desk.data.repositories.report_rows_overdue import OverdueRow, overdue_referrals
from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.followup import TaskState
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.referrals import STATUS_LABELS
from puskesos_desk.domain.reports import (
    MAX_SHEET_NAME,
    CellKind,
    ReportColumn,
    ReportDocument,
    ReportRequest,
    ReportSection,
    ReportTable,
)
from puskesos_desk.domain.workdays import WorkCalendar
from puskesos_desk.printing.dates import long_date, short_date
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.followup import place_against_today
from puskesos_desk.services.report_bnba import check_cancelled
from puskesos_desk.services.report_common import make_document, report_frame

#: Every referral that reached an agency; the repository keeps those not answered by the as-of day. The same rule
#: as the recap's overdue count and the Rujukan page (an acknowledgement, DITERIMA, is an answer).
SENT = tuple(s for s in ReferralStatus
             if s not in (ReferralStatus.DRAFT, ReferralStatus.DISETUJUI, ReferralStatus.DIBATALKAN))
LONG_OVERDUE = 10  # working days
SUMMARY_SHEET = "Ringkasan"
SUMMARY_COLUMNS = (ReportColumn("NO", CellKind.INTEGER, 5), ReportColumn("INSTANSI", CellKind.TEXT, 40),
                   ReportColumn("JUMLAH", CellKind.INTEGER, 10),
                   ReportColumn("TERLAMA (HARI KERJA)", CellKind.INTEGER, 14),
                   ReportColumn("TERTUA", CellKind.DATE, 12))
AGENCY_COLUMNS = (
    ReportColumn("NO", CellKind.INTEGER, 5), ReportColumn("NOMOR SURAT", CellKind.TEXT, 24),
    ReportColumn("TANGGAL SURAT", CellKind.DATE, 12), ReportColumn("NAMA", CellKind.TEXT, 22),
    ReportColumn("DESA", CellKind.TEXT, 16), ReportColumn("LAYANAN", CellKind.TEXT, 26),
    ReportColumn("BATAS JAWAB", CellKind.DATE, 12), ReportColumn("TERLAMBAT (HARI KERJA)", CellKind.INTEGER, 12),
    ReportColumn("STATUS", CellKind.TEXT, 14), ReportColumn("TINDAK LANJUT TERAKHIR", CellKind.TEXT, 36),
)


@dataclass(frozen=True, slots=True)
class LateReferral:
    row: OverdueRow
    working_days_late: int


def as_of_day(ctx: ServiceContext, request: ReportRequest) -> date:
    return min(ctx.today(), request.month.last_day)


def working_days_late(calendar: WorkCalendar, as_of: date, due: date) -> int:
    """0 when the answer date (moved past a day off) has not passed yet on `as_of`."""
    state, late, _ = place_against_today(calendar, as_of, due)
    return late if state is TaskState.TERLAMBAT else 0


def _masked_name(name: str) -> str:
    """'SITI AMINAH' → 'SITI A.': enough to recognise the case at the meeting, not enough to expose the person."""
    words = name.split()
    return " ".join([words[0], *(f"{word[0]}." for word in words[1:])]) if words else mask_id(name)


def _last_follow_up(row: OverdueRow, zone: tzinfo) -> str:
    if row.last_event_at is None:
        return ""
    day = row.last_event_at.astimezone(zone).date()
    note = " ".join(row.last_event_notes.split())
    return f"{short_date(day)}: {note}" if note else short_date(day)


def _status(code: str) -> str:
    return STATUS_LABELS[ReferralStatus(code)] if code in ReferralStatus.__members__ else code


def _sheet_names(agencies: Sequence[str]) -> list[str]:
    """One Excel sheet per agency: its name cut to Excel's limit, without forbidden characters, made unique."""
    names: list[str] = []
    for index, agency in enumerate(agencies, start=1):
        prefix = f"{index}. "
        cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in agency).strip() or "Instansi"
        names.append((prefix + cleaned)[:MAX_SHEET_NAME].rstrip())
    return names


def _agency_table(agency: str, late: Sequence[LateReferral], zone: tzinfo) -> ReportTable:
    rows = tuple(
        (index, item.row.letter_number, item.row.letter_date, _masked_name(item.row.person_name),
         item.row.village_name, item.row.service_name, item.row.response_due, item.working_days_late,
         _status(item.row.status), _last_follow_up(item.row, zone))
        for index, item in enumerate(late, start=1)
    )
    return ReportTable(
        title=agency, columns=AGENCY_COLUMNS, rows=rows,
        highlight_rows=frozenset(index for index, item in enumerate(late) if item.working_days_late > LONG_OVERDUE),
        note=f"Baris berwarna: terlambat lebih dari {LONG_OVERDUE} hari kerja. Nama disingkat.",
    )


def build_overdue(ctx: ServiceContext, request: ReportRequest, sink: ProgressSink) -> ReportDocument:
    ctx.require(Permission.VIEW_REPORTS)
    as_of = as_of_day(ctx, request)
    sink.progress(0, 2, "Membaca rujukan yang lewat batas waktu…")
    with ctx.db.reading() as session:
        frame = report_frame(ctx, session, request)
        calendar = holidays.work_calendar(session)
        found = overdue_referrals(session, [status.value for status in SENT], as_of, frame.village_code)
    check_cancelled(sink)
    sink.progress(1, 2, "Mengelompokkan per instansi…")
    late = [LateReferral(row, days) for row in found
            if (days := working_days_late(calendar, as_of, row.response_due)) > 0]
    groups = [(agency, list(items)) for agency, items in groupby(late, key=lambda item: item.row.organization)]
    summary = ReportTable(
        title="Ringkasan per instansi", columns=SUMMARY_COLUMNS,
        rows=tuple((index, agency, len(items), max(i.working_days_late for i in items),
                    min(i.row.letter_date for i in items)) for index, (agency, items) in enumerate(groups, start=1)),
        total=(None, "JUMLAH", len(late), max(i.working_days_late for i in late),
               min(i.row.letter_date for i in late)) if late else None,
        note=f"Keadaan per {long_date(as_of)}. TERTUA: tanggal surat rujukan paling lama yang belum dijawab.",
        empty_text=f"Tidak ada rujukan yang lewat batas waktu jawab per {long_date(as_of)}.",
    )
    sections = [ReportSection(title="Ringkasan per instansi", sheet_name=SUMMARY_SHEET, tables=(summary,))]
    for sheet, (agency, items) in zip(_sheet_names([agency for agency, _ in groups]), groups, strict=True):
        table = _agency_table(agency, items, frame.zone)
        sections.append(ReportSection(title=agency, sheet_name=sheet, tables=(table,), landscape=True))
    sink.progress(2, 2, "Daftar rujukan selesai")
    return make_document(
        frame, request, title="RUJUKAN LEWAT BATAS WAKTU JAWAB PER INSTANSI", period_label=request.month.label,
        sections=sections, is_empty=not late, empty_text=summary.empty_text,
        cover_facts=(("Keadaan per", long_date(as_of)), ("Jumlah rujukan terlambat", str(len(late))),
                     ("Jumlah instansi", str(len(groups)))),
    )
