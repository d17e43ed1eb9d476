"""Making a report: build the document for the kind asked, write it as Excel or PDF, and record that it went out.

    produce_report(ctx, ReportRequest(ReportKind.RECAP, ReportMonth.parse("2026-11")), Path("rekap.xlsx"))

The file appears at its path only when complete (written aside, then renamed), so a failed or cancelled report
never leaves half a file behind. Reports that name residents are recorded in the audit log as an EXPORT with what
they disclosed; the aggregate recap is recorded too, so the log says who produced which figures.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from puskesos_desk.data.audit import append_event
from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import InputRejected, PuskesosError
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.reports import (
    PERSONAL_KINDS,
    ReportDocument,
    ReportFormat,
    ReportKind,
    ReportRequest,
    format_for_path,
)
from puskesos_desk.printing import render_report
from puskesos_desk.services import report_bnba, report_daily, report_overdue, report_proposals, report_recap
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.spreadsheet.report_workbook import write_report_workbook

Builder = Callable[[ServiceContext, ReportRequest, ProgressSink], ReportDocument]

BUILDERS: dict[ReportKind, Builder] = {
    ReportKind.RECAP: report_recap.build_recap,
    ReportKind.BNBA: report_bnba.build_bnba,
    ReportKind.USULAN: report_proposals.build_usulan,
    ReportKind.MUSDES: report_proposals.build_musdes,
    ReportKind.OVERDUE: report_overdue.build_overdue,
    ReportKind.HARIAN: report_daily.build_daily,
}
PDF_PAPERS = (Paper.F4, Paper.A4)


class ReportWriteFailed(PuskesosError):
    pass


@dataclass(frozen=True)
class ReportResult:
    path: Path
    format: ReportFormat
    kind: ReportKind
    is_empty: bool
    rows: int  # data rows over all tables (the totals rows not counted)
    sections: int


def build_report(ctx: ServiceContext, request: ReportRequest, sink: ProgressSink | None = None) -> ReportDocument:
    ctx.require(Permission.VIEW_REPORTS)
    return BUILDERS[request.kind](ctx, request, sink or ProgressSink())


def render_pdf(document: ReportDocument, paper: Paper = Paper.F4) -> bytes:
    if paper not in PDF_PAPERS:
        raise InputRejected("Laporan dicetak pada kertas F4 atau A4.", field="paper")
    return render_report(document, paper)


def _write_aside(target: Path, write: Callable[[Path], None]) -> None:
    """Write into a temporary file beside the target, then rename it into place."""
    target = target.resolve()
    if not target.parent.is_dir():
        raise InputRejected(f"Folder {target.parent} tidak ada.", field="out")
    handle, temporary = tempfile.mkstemp(prefix=".laporan-", suffix=target.suffix, dir=target.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, target)
    except OSError as error:
        raise ReportWriteFailed(f"Laporan tidak dapat disimpan di {target}: {error.strerror or error}.") from error
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def row_count(document: ReportDocument) -> int:
    return sum(len(table.rows) for section in document.sections for table in section.tables)


def record_report(ctx: ServiceContext, document: ReportDocument, request: ReportRequest, fmt: ReportFormat,
                  destination: str) -> None:
    changes = {"kind": request.kind.value, "month": request.month.key, "village": request.village_code,
               "format": fmt.value, "rows": row_count(document), "unmasked": request.unmask}
    if request.day is not None:
        changes["day"] = request.day.isoformat()
    with ctx.db.transaction(ctx.actor) as session:
        append_event(session, AuditAction.EXPORT, entity="report", entity_id=document.file_stem, changes=changes,
                     recipient=destination,
                     purpose="laporan berisi data pribadi" if request.kind in PERSONAL_KINDS else "laporan agregat")


def produce_report(ctx: ServiceContext, request: ReportRequest, out: Path, *, paper: Paper = Paper.F4,
                   sink: ProgressSink | None = None) -> ReportResult:
    sink = sink or ProgressSink()
    fmt = format_for_path(out.name)
    document = build_report(ctx, request, sink)
    sink.progress(0, 1, "Menulis berkas laporan…")
    if fmt is ReportFormat.PDF:
        data = render_pdf(document, paper)
        _write_aside(out, lambda path: path.write_bytes(data))
    else:
        _write_aside(out, lambda path: write_report_workbook(document, path))
    record_report(ctx, document, request, fmt, str(out))
    sink.progress(1, 1, "Selesai")
    return ReportResult(path=out, format=fmt, kind=request.kind, is_empty=document.is_empty,
                        rows=row_count(document), sections=len(document.sections))
