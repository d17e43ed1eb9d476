"""The BNBA service register (by name by address): one row per service given in the month, as secretariats keep it.

A service is each complaint and each need recorded in the month, and each visit of the month that led to neither
(the visit itself was the service). NIK and KK numbers are masked unless the user asks for them in full and holds
UNMASK_ID. A second section counts the rows per kind of service, as the daily service recaps do.
"""

from __future__ import annotations

from collections import Counter
from datetime import tzinfo

from puskesos_desk.data.repositories.report_rows import ServiceRow, ServiceSource, service_rows
from puskesos_desk.domain.enums import ComplaintStatus, NeedStatus, ReferralOutcome, VisitStatus
from puskesos_desk.domain.errors import Cancelled, PermissionDenied
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.referrals import OUTCOME_LABELS
from puskesos_desk.domain.reports import (
    CellKind,
    ReportColumn,
    ReportDocument,
    ReportRequest,
    ReportSection,
    ReportTable,
)
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.report_common import make_document, month_window, report_frame

TITLE = "REGISTER LAYANAN PUSKESOS (BY NAME BY ADDRESS)"
COLUMNS = (
    ReportColumn("NO", CellKind.INTEGER, 6), ReportColumn("TANGGAL", CellKind.DATE, 13),
    ReportColumn("NOMOR REGISTRASI", CellKind.TEXT, 24), ReportColumn("NAMA", CellKind.TEXT, 20),
    ReportColumn("NIK", CellKind.ID, 18), ReportColumn("NO KK", CellKind.ID, 18),
    ReportColumn("ALAMAT", CellKind.TEXT, 16), ReportColumn("RT", CellKind.TEXT, 6),
    ReportColumn("RW", CellKind.TEXT, 6), ReportColumn("DESA/KELURAHAN", CellKind.TEXT, 16),
    ReportColumn("LAYANAN", CellKind.TEXT, 24), ReportColumn("DIRUJUK KE", CellKind.TEXT, 22),
    ReportColumn("NOMOR SURAT", CellKind.TEXT, 18), ReportColumn("HASIL / STATUS", CellKind.TEXT, 14),
    ReportColumn("PETUGAS", CellKind.TEXT, 14), ReportColumn("KETERANGAN", CellKind.TEXT, 24),
)
COUNT_COLUMNS = (ReportColumn("NO", CellKind.INTEGER, 5), ReportColumn("JENIS LAYANAN", CellKind.TEXT, 48),
                 ReportColumn("JUMLAH", CellKind.INTEGER, 10))
KIND_LABELS = {"PERTANYAAN": "Pertanyaan", "SARAN": "Saran", "PENGADUAN": "Pengaduan"}
VISIT_LABEL = "Kunjungan"
NEED_LABEL = "Kebutuhan"
STATUS_WORDS: dict[str, str] = {
    ComplaintStatus.BARU: "Baru", ComplaintStatus.DITANGANI: "Ditangani", ComplaintStatus.DIRUJUK: "Dirujuk",
    ComplaintStatus.SELESAI: "Selesai", ComplaintStatus.TIDAK_DAPAT_DITANGANI: "Tidak dapat ditangani",
    NeedStatus.TERIDENTIFIKASI: "Teridentifikasi", NeedStatus.TERPENUHI: "Terpenuhi",
    NeedStatus.TIDAK_TERPENUHI: "Tidak terpenuhi", NeedStatus.TIDAK_LAYAK: "Tidak layak",
    VisitStatus.TERBUKA: "Terbuka", VisitStatus.DIBATALKAN: "Dibatalkan",
}
NOTE_LENGTH = 120
UNMASK_REFUSED = ("Akun {name} tidak berwenang melihat NIK dan No. KK lengkap. Buat register dengan nomor "
                  "disamarkan, atau minta Koordinator membuatnya.")


def check_cancelled(sink: ProgressSink) -> None:
    if sink.cancelled():
        raise Cancelled("Pembuatan laporan dihentikan; tidak ada berkas yang ditulis.")


def service_label(row: ServiceRow) -> str:
    if row.source == ServiceSource.VISIT:
        return VISIT_LABEL
    kind = KIND_LABELS.get(row.kind, row.kind.title()) if row.source == ServiceSource.COMPLAINT else NEED_LABEL
    return f"{kind} – {row.topic}" if row.topic else kind


def _referred_to(row: ServiceRow) -> str:
    if not row.referral_organization:
        return ""
    return f"{row.referral_organization} – {row.referral_service}" if row.referral_service \
        else row.referral_organization


def _outcome(row: ServiceRow) -> str:
    if row.referral_outcome in ReferralOutcome.__members__:
        return OUTCOME_LABELS[ReferralOutcome(row.referral_outcome)]
    return STATUS_WORDS.get(row.status, row.status.replace("_", " ").capitalize())


def _note(row: ServiceRow) -> str:
    text = " ".join(row.description.split())
    if row.source == ServiceSource.VISIT:
        return text  # the purpose of the visit, as the officer wrote it
    return text if len(text) <= NOTE_LENGTH else text[:NOTE_LENGTH - 1].rstrip() + "…"


def _reveal(value: str | None, unmask: bool) -> str:
    return (value or "") if unmask else mask_id(value)


def _cells(index: int, row: ServiceRow, zone: tzinfo, unmask: bool) -> tuple[object, ...]:
    day = row.occurred_at.astimezone(zone).date()
    return (index, day, row.number, row.name, _reveal(row.nik, unmask), _reveal(row.kk_number, unmask),
            row.address, row.rt, row.rw, row.village_name, service_label(row), _referred_to(row),
            row.referral_letter or "", _outcome(row), row.officer_name, _note(row))


def _count_table(labels: list[str]) -> ReportTable:
    counts = Counter(labels)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ReportTable(
        title="Jumlah per layanan", columns=COUNT_COLUMNS,
        rows=tuple((index, label, count) for index, (label, count) in enumerate(ordered, start=1)),
        total=(None, "JUMLAH", sum(counts.values())),
        note="Satu baris register dihitung satu layanan.",
    )


def build_bnba(ctx: ServiceContext, request: ReportRequest, sink: ProgressSink) -> ReportDocument:
    ctx.require(Permission.VIEW_REPORTS)
    if request.unmask and not ctx.actor.can(Permission.UNMASK_ID):
        raise PermissionDenied(UNMASK_REFUSED.format(name=ctx.actor.name))
    sink.progress(0, 2, "Membaca register layanan…")
    with ctx.db.reading() as session:
        frame = report_frame(ctx, session, request)
        start, end = month_window(request.month, frame.zone)
        rows = service_rows(session, start, end, frame.village_code)
    check_cancelled(sink)
    sink.progress(1, 2, "Menyusun register…")
    empty_text = f"Tidak ada layanan yang tercatat pada {request.month.label}."
    register = ReportTable(
        title=f"Register layanan {request.month.label}", columns=COLUMNS,
        rows=tuple(_cells(index, row, frame.zone, request.unmask) for index, row in enumerate(rows, start=1)),
        note=("NIK dan No. KK ditulis lengkap: jaga kerahasiaan berkas ini." if request.unmask else
              "NIK dan No. KK disamarkan."),
        empty_text=empty_text,
    )
    sections = (
        ReportSection(title="Register layanan (by name by address)", sheet_name="Register", tables=(register,),
                      landscape=True),
        ReportSection(title="Jumlah per layanan", sheet_name="Jumlah per layanan",
                      tables=(_count_table([service_label(row) for row in rows]),)),
    )
    sink.progress(2, 2, "Register selesai")
    return make_document(
        frame, request, title=TITLE, period_label=request.month.label, sections=sections, is_empty=not rows,
        empty_text=empty_text,
        cover_facts=(("Jumlah layanan", str(len(rows))),
                     ("NIK / No. KK", "Lengkap" if request.unmask else "Disamarkan")),
    )
