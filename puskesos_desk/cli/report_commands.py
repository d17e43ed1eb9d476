"""CLI verb `report`: one report for a month (or, for the daily list, a day), written as Excel or PDF.

    puskesos-desk report --month 2026-11 --kind bnba --out register-nov.xlsx --json
    puskesos-desk report --kind harian --day 2026-11-23 --paper a4 --out tugas.pdf

The format follows the extension of --out. A period with no data still gives a report that says so (exit 0).
A bad month, day, extension or village is refused with exit 3 before anything is built.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from puskesos_desk.cli.commands import context_for
from puskesos_desk.cli.output import emit
from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.reports import (
    KIND_TITLES,
    MONTH_NAMES,
    ReportFormat,
    ReportKind,
    ReportMonth,
    ReportRequest,
    format_for_path,
)
from puskesos_desk.services.bootstrap import open_database

REPORT_PAPERS = (Paper.F4, Paper.A4)
FORMAT_NAMES = {ReportFormat.XLSX: "Excel", ReportFormat.PDF: "PDF"}


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register `report` on the top-level subparsers (`common` adds --json, --unmask and --db)."""
    report = sub.add_parser("report", help="buat laporan (rekap bulanan, register BNBA, usulan DTSEN, musdes, "
                                           "rujukan lewat batas waktu, tugas hari ini) sebagai Excel atau PDF")
    common(report)
    report.add_argument("--month", default="", metavar="TTTT-BB", help="bulan laporan, misalnya 2026-11 "
                        "(untuk harian: bulan dari --day)")
    report.add_argument("--kind", choices=[kind.value for kind in ReportKind], default=ReportKind.RECAP.value,
                        help="jenis laporan (bawaan: recap)")
    report.add_argument("--village", default="", metavar="KODE",
                        help="di kabupaten/kota: satu desa/kelurahan PP.KK.CC.DDDD (bawaan: semua desa)")
    report.add_argument("--day", default="", metavar="TTTT-BB-HH", help="hari daftar tugas (harian; bawaan: "
                        "hari ini)")
    report.add_argument("--paper", choices=[paper.value for paper in REPORT_PAPERS], default=Paper.F4.value,
                        help="kertas PDF (bawaan: f4)")
    report.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.pdf",
                        help="berkas tujuan; formatnya mengikuti akhiran nama berkas")


def _day(text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputRejected(f"--day {text} bukan tanggal; tulis seperti 2026-11-23.", field="day") from None


def report_request(args: argparse.Namespace, today: date) -> ReportRequest:
    """The request the arguments describe; refused (exit 3) when the month or day cannot be read."""
    kind = ReportKind(args.kind)
    day = _day(args.day)
    if day is not None and kind is not ReportKind.HARIAN:
        raise InputRejected("--day hanya dipakai untuk laporan harian (--kind harian).", field="day")
    if kind is ReportKind.HARIAN:
        day = day or today
        month = ReportMonth.of(day)
    elif args.month.strip():
        month = ReportMonth.parse(args.month)
    else:
        raise InputRejected("Tulis bulan laporan dengan --month TTTT-BB, misalnya --month 2026-11.", field="month")
    return ReportRequest(kind=kind, month=month, village_code=args.village.strip(), day=day, unmask=args.unmask)


def period_text(request: ReportRequest) -> str:
    if request.kind is ReportKind.HARIAN and request.day is not None:
        day = request.day
        return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    return request.month.label


def cmd_report(args: argparse.Namespace, os_user: str) -> int:
    from puskesos_desk.services.reports import produce_report  # reportlab and the Excel writer: only when used

    fmt = format_for_path(args.out)  # before the database is opened: a wrong name is refused at once
    out = Path(args.out)
    opened = open_database(args.db)
    try:
        ctx = context_for(opened.db, os_user)
        request = report_request(args, ctx.today())
        result = produce_report(ctx, request, out, paper=Paper(args.paper))
    finally:
        opened.db.dispose()
    period = period_text(request)
    lines = [f"{KIND_TITLES[request.kind]} {period} ditulis ke {result.path} ({FORMAT_NAMES[fmt]}, "
             f"{result.rows} baris, {result.sections} bagian)."]
    if result.is_empty:
        lines.append(f"Tidak ada data pada {period} — laporan tetap dibuat.")
    emit({"ok": True, "path": str(result.path), "format": result.format.value, "kind": request.kind.value,
          "month": request.month.key, "day": request.day.isoformat() if request.day else None,
          "village": request.village_code, "rows": result.rows, "sections": result.sections,
          "empty": result.is_empty},
         as_json=args.json, unmask=args.unmask, lines=lines)
    return 0
