"""The monthly recap (REKAP BULANAN): a Puskesos's month, or a district's (all villages or one), against the month
before.

Every figure is a GROUP BY in data/repositories/report_counts, so the recap stays fast at district scale. The
sections follow the secretariats' REKAP_LAYANAN: a headline table, then visits, complaints, needs, DTSEN proposals,
referrals, the villages of a district, and the 12-month trend that Beranda also draws.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import holidays, report_counts
from puskesos_desk.data.repositories.report_counts import MonthSpan, Place, ServiceCount
from puskesos_desk.domain.enums import (
    ComplaintStatus,
    ComplaintType,
    ProposalKind,
    ProposalStatus,
    ReferralOutcome,
    ReferralStatus,
    VisitChannel,
)
from puskesos_desk.domain.errors import Cancelled
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.referrals import OUTCOME_LABELS
from puskesos_desk.domain.referrals import STATUS_LABELS as REFERRAL_STATUS_LABELS
from puskesos_desk.domain.reports import (
    CellKind,
    ChartSeries,
    ReportChart,
    ReportColumn,
    ReportDocument,
    ReportMonth,
    ReportRequest,
    ReportSection,
    ReportTable,
)
from puskesos_desk.services.casework import reference_codes
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.dashboard import TREND_MONTHS, month_spans
from puskesos_desk.services.proposals import STATUS_LABELS as PROPOSAL_STATUS_LABELS
from puskesos_desk.services.report_common import ReportFrame, day_window, make_document, month_window, report_frame

TITLE_DESA = "REKAP BULANAN PELAYANAN PUSKESOS"
TITLE_DISTRICT = "REKAP BULANAN PELAYANAN SLRT"
COMPLAINT_TYPE_LABELS = {ComplaintType.PERTANYAAN: "Pertanyaan", ComplaintType.SARAN: "Saran",
                         ComplaintType.PENGADUAN: "Pengaduan"}
COMPLAINT_STATUS_LABELS = {
    ComplaintStatus.BARU: "Baru", ComplaintStatus.DITANGANI: "Ditangani", ComplaintStatus.DIRUJUK: "Dirujuk",
    ComplaintStatus.SELESAI: "Selesai", ComplaintStatus.TIDAK_DAPAT_DITANGANI: "Tidak dapat ditangani",
}
PROPOSAL_KIND_LABELS = {ProposalKind.BARU: "Usulan baru", ProposalKind.PERBAIKAN_DATA: "Perbaikan data",
                        ProposalKind.SANGGAH: "Sanggahan"}
#: Referral statuses a recap shows: a draft is not a letter yet.
REFERRAL_ROWS = tuple(s for s in ReferralStatus if s is not ReferralStatus.DRAFT)
NO_OUTCOME = "Selesai tanpa keterangan hasil"
THIS, PREVIOUS, CHANGE = "Bulan ini", "Bulan lalu", "Selisih"

Pair = tuple[int, int]  # this month, previous month


# --- table shapes ---------------------------------------------------------------------------------------------------

def _compare(title: str, label: str, rows: Iterable[tuple[str, int, int]], *, total: bool = True,
             note: str = "") -> ReportTable:
    """Label | this month | previous month | change, with a totals row when the rows add up."""
    body = tuple((name, this, previous, this - previous) for name, this, previous in rows)
    columns = (ReportColumn(label, CellKind.TEXT, 44), ReportColumn(THIS, CellKind.INTEGER),
               ReportColumn(PREVIOUS, CellKind.INTEGER), ReportColumn(CHANGE, CellKind.INTEGER))
    sums = (sum(r[1] for r in body), sum(r[2] for r in body))
    return ReportTable(title=title, columns=columns, rows=body, note=note,
                       total=("Jumlah", sums[0], sums[1], sums[0] - sums[1]) if total else None)


def _labelled(counts: tuple[dict[str, int], dict[str, int]], labels: Iterable[tuple[str, str]]) -> list[
        tuple[str, int, int]]:
    """Rows for every known code (zeros kept), then any code found in the data that the list does not know."""
    this, previous = counts
    known = list(labels)
    seen = {code for code, _ in known}
    extra = sorted((set(this) | set(previous)) - seen)
    return [(name, this.get(code, 0), previous.get(code, 0)) for code, name in [*known, *((c, c) for c in extra)]]


# --- the recap ------------------------------------------------------------------------------------------------------

@dataclass
class _Recap:
    session: DbSession
    frame: ReportFrame
    month: ReportMonth
    today: date

    def __post_init__(self) -> None:
        self.place = Place(self.frame.village_code)
        self.this, self.previous = (MonthSpan(m.key, *month_window(m, self.frame.zone)) for m in
                                    (self.month, self.month.previous()))

    def both(self, kind: str, key: str) -> tuple[dict[str, int], dict[str, int]]:
        return (report_counts.count_by(self.session, kind, key, self.this, self.place),
                report_counts.count_by(self.session, kind, key, self.previous, self.place))

    def totals(self, kind: str) -> Pair:
        return (report_counts.count_in(self.session, kind, self.this, self.place),
                report_counts.count_in(self.session, kind, self.previous, self.place))

    def names(self, list_name: str) -> list[tuple[str, str]]:
        return [(code, item.name) for code, item in reference_codes(self.session, list_name).items()]

    # -- 1. Ringkasan
    def summary(self) -> tuple[ReportSection, bool]:
        visits, complaints, needs = self.totals("visit"), self.totals("complaint"), self.totals("need")
        referrals, proposals = self.totals("referral"), self.totals("proposal")
        answered = [report_counts.referrals_answered(self.session, span, self.place)
                    for span in (self.this, self.previous)]
        as_of = [min(self.today, span.last_day) for span in (self.this, self.previous)]
        overdue = [self.overdue(day) for day in as_of]
        is_empty = not any(pair[0] for pair in (visits, complaints, needs, referrals, proposals))
        rows = [
            ("Kunjungan", *visits), ("Keluhan diterima", *complaints), ("Kebutuhan teridentifikasi", *needs),
            ("Surat rujukan dibuat", *referrals), ("Rujukan dijawab lembaga tujuan", len(answered[0]),
                                                   len(answered[1])),
            ("Usulan DTSEN dibuat", *proposals),
            ("Rujukan lewat batas waktu, belum dijawab", overdue[0][0], overdue[1][0]),
            ("Keluhan terbuka lewat batas waktu", overdue[0][1], overdue[1][1]),
            ("Kebutuhan terbuka lewat batas waktu", overdue[0][2], overdue[1][2]),
        ]
        headline = _compare("Ringkasan pelayanan", "Uraian", rows, total=False,
                            note=f"Lewat batas waktu: keadaan per {as_of[0]:%d-%m-%Y} (bulan ini) dan "
                                 f"{as_of[1]:%d-%m-%Y} (bulan lalu).")
        medians = [self.median_days(items) for items in answered]
        change = None if None in medians else round(medians[0] - medians[1], 1)  # type: ignore[operator]
        timing = ReportTable(
            title="Waktu jawab rujukan",
            columns=(ReportColumn("Uraian", CellKind.TEXT, 44), ReportColumn(THIS, CellKind.DECIMAL),
                     ReportColumn(PREVIOUS, CellKind.DECIMAL), ReportColumn(CHANGE, CellKind.DECIMAL)),
            rows=(("Median hari kerja sampai dijawab", medians[0], medians[1], change),),
            note="Hari kerja dari surat dikirim sampai jawaban pertama lembaga, untuk rujukan yang dijawab pada "
                 "bulan itu; Sabtu, Minggu dan hari libur nasional tidak dihitung.",
        )
        paragraphs = (f"Tidak ada kegiatan pelayanan yang tercatat pada {self.month.label}: tidak ada kunjungan, "
                      "keluhan, kebutuhan, rujukan, maupun usulan DTSEN. Semua angka bulan ini bernilai nol.",
                      ) if is_empty else ()
        return ReportSection(title="Ringkasan", sheet_name="Ringkasan", tables=(headline, timing),
                             paragraphs=paragraphs), is_empty

    def overdue(self, as_of: date) -> tuple[int, int, int]:
        day_end = day_window(as_of, self.frame.zone)[1]
        return (report_counts.overdue_referrals(self.session, as_of, self.place),
                report_counts.overdue_complaints(self.session, as_of, day_end, self.place),
                report_counts.overdue_needs(self.session, as_of, day_end, self.place))

    def median_days(self, items: list[report_counts.AnsweredReferral]) -> float | None:
        if not items:
            return None
        calendar = holidays.work_calendar(self.session)
        days = [calendar.count_working_days(_sent_on(item, self.frame), item.answered_on).value for item in items]
        return round(float(statistics.median(days)), 1)

    # -- 2. Kunjungan
    def visits(self) -> ReportSection:
        channels = reference_codes(self.session, "kanal_kunjungan")
        labels = [(c.value, channels[c.value].name if c.value in channels else c.value) for c in VisitChannel]
        table = _compare("Kunjungan menurut kanal", "Kanal", _labelled(self.both("visit", "channel"), labels))
        return ReportSection(title="Kunjungan", sheet_name="Kunjungan", tables=(table,))

    # -- 3. Keluhan
    def complaints(self) -> ReportSection:
        by_type = _compare("Keluhan menurut jenis", "Jenis", _labelled(
            self.both("complaint", "kind"), [(k.value, label) for k, label in COMPLAINT_TYPE_LABELS.items()]))
        by_category = _compare("Keluhan menurut kategori", "Kategori", _labelled(
            self.both("complaint", "category_code"), self.names("complaint_category")))
        by_status = _compare("Keluhan menurut status saat ini", "Status", _labelled(
            self.both("complaint", "status"), [(s.value, label) for s, label in COMPLAINT_STATUS_LABELS.items()]),
            note="Keluhan yang diterima pada bulan itu, menurut statusnya saat laporan dibuat.")
        return ReportSection(title="Keluhan", sheet_name="Keluhan", tables=(by_type, by_category, by_status))

    # -- 4. Kebutuhan
    def needs(self) -> ReportSection:
        by_domain = _compare("Kebutuhan menurut bidang", "Bidang", _labelled(
            self.both("need", "domain_code"), self.names("need_domain")))
        per_ppks = tuple(Counter(code for codes in report_counts.need_ppks_lists(self.session, span, self.place)
                                 for code in set(codes)) for span in (self.this, self.previous))
        by_ppks = _compare("Kebutuhan menurut kategori PPKS", "Kategori PPKS",
                           _labelled((dict(per_ppks[0]), dict(per_ppks[1])), self.names("ppks")), total=False,
                           note="Satu kebutuhan dapat membawa beberapa kategori PPKS dan dihitung pada setiap "
                                "kategorinya, sehingga baris-baris ini tidak dijumlahkan.")
        return ReportSection(title="Kebutuhan", sheet_name="Kebutuhan", tables=(by_domain, by_ppks))

    # -- 5. Usulan DTSEN
    def proposals(self) -> ReportSection:
        by_status = _compare("Usulan DTSEN menurut status", "Status", _labelled(
            self.both("proposal", "status"), [(s.value, PROPOSAL_STATUS_LABELS[s]) for s in ProposalStatus]),
            note="Usulan yang dibuat pada bulan itu, menurut statusnya saat laporan dibuat.")
        by_kind = _compare("Usulan DTSEN menurut jenis", "Jenis", _labelled(
            self.both("proposal", "kind"), [(k.value, label) for k, label in PROPOSAL_KIND_LABELS.items()]))
        return ReportSection(title="Usulan DTSEN", sheet_name="Usulan DTSEN", tables=(by_status, by_kind))

    # -- 6. Rujukan
    def referrals(self) -> ReportSection:
        this, previous = (report_counts.referrals_by_service(self.session, span, self.place)
                          for span in (self.this, self.previous))
        statuses = [_sum_by(rows, lambda r: r.status) for rows in (this, previous)]
        by_status = _compare("Surat rujukan menurut status", "Status", _labelled(
            (statuses[0], statuses[1]), [(s.value, REFERRAL_STATUS_LABELS[s]) for s in REFERRAL_ROWS]),
            note="Surat rujukan bertanggal pada bulan itu (draf tidak dihitung), menurut statusnya saat ini.")
        outcomes = [_sum_by([r for r in rows if r.status == ReferralStatus.SELESAI.value],
                            lambda r: r.outcome or "") for rows in (this, previous)]
        by_outcome = _compare("Rujukan selesai menurut hasil layanan", "Hasil", _labelled(
            (outcomes[0], outcomes[1]), [*((o.value, OUTCOME_LABELS[o]) for o in ReferralOutcome), ("", NO_OUTCOME)]))
        return ReportSection(title="Rujukan", sheet_name="Rujukan",
                             tables=(by_status, _by_service(this), by_outcome))

    # -- 7. Per desa
    def villages(self) -> ReportSection:
        kinds = ("visit", "complaint", "need", "referral", "proposal")
        counts = {kind: report_counts.count_per_village(self.session, kind, self.this) for kind in kinds}
        codes = sorted(set().union(*counts.values()))
        names = report_counts.region_names(self.session, codes)
        rows = tuple((code, names.get(code, ""), *(counts[kind].get(code, 0) for kind in kinds)) for code in codes)
        table = ReportTable(
            title=f"Pelayanan per desa, {self.month.label}",
            columns=(ReportColumn("Kode desa", CellKind.TEXT, 15), ReportColumn("Desa/kelurahan", CellKind.TEXT, 28),
                     *(ReportColumn(title, CellKind.INTEGER) for title in
                       ("Kunjungan", "Keluhan", "Kebutuhan", "Rujukan", "Usulan DTSEN"))),
            rows=rows, total=("Jumlah", "", *(sum(r[i] for r in rows) for i in range(2, 7))),
            empty_text="Tidak ada desa dengan kegiatan pelayanan pada bulan ini.",
        )
        return ReportSection(title="Per desa", sheet_name="Per desa", tables=(table,))

    # -- 8. Tren 12 bulan
    def trend(self) -> ReportSection:
        months = self.month.trailing(TREND_MONTHS)
        spans = month_spans(self.month, TREND_MONTHS, self.frame.zone)
        trend = report_counts.monthly_trends(self.session, spans, self.place)
        rows = tuple((month.label, t.visits, t.complaints, t.referrals.served, t.referrals.not_served,
                      t.referrals.waiting) for month, t in zip(months, trend, strict=True))
        table = ReportTable(
            title="Tren 12 bulan",
            columns=(ReportColumn("Bulan", CellKind.TEXT, 18),
                     *(ReportColumn(title, CellKind.INTEGER, 14) for title in (
                         "Kunjungan", "Keluhan", "Rujukan terlayani", "Rujukan tidak terlayani", "Rujukan menunggu"))),
            rows=rows, note="Rujukan menurut tanggal surat dan keadaannya saat laporan dibuat.",
        )
        axis = tuple(month.short_label for month in months)
        charts = (
            ReportChart("Kunjungan per bulan", axis, (ChartSeries("Kunjungan", tuple(r[1] for r in rows)),)),
            ReportChart("Keluhan diterima per bulan", axis, (ChartSeries("Keluhan", tuple(r[2] for r in rows)),)),
            ReportChart("Rujukan menurut hasil", axis, (
                ChartSeries("Terlayani", tuple(r[3] for r in rows)),
                ChartSeries("Tidak terlayani", tuple(r[4] for r in rows)),
                ChartSeries("Menunggu", tuple(r[5] for r in rows)),
            ), stacked=True),
        )
        return ReportSection(title="Tren 12 bulan", sheet_name="Tren 12 bulan", tables=(table,), charts=charts)


def _sent_on(item: report_counts.AnsweredReferral, frame: ReportFrame) -> date:
    return item.sent_at.astimezone(frame.zone).date() if item.sent_at is not None else item.letter_date


def _sum_by(rows: list[ServiceCount], key: Callable[[ServiceCount], str]) -> dict[str, int]:
    totals: Counter[str] = Counter()
    for row in rows:
        totals[key(row)] += row.count
    return dict(totals)


def _bucket(row: ServiceCount) -> int:
    """Column index of a referral in the by-service table: served, not served, waiting, cancelled."""
    if row.status == ReferralStatus.DIBATALKAN.value:
        return 3
    if row.status == ReferralStatus.DITOLAK.value or row.outcome == ReferralOutcome.TIDAK_TERLAYANI.value:
        return 1
    return 0 if row.status == ReferralStatus.SELESAI.value else 2


def _by_service(rows: list[ServiceCount]) -> ReportTable:
    per_service: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        cells = per_service.setdefault((row.organization, row.service_name), [0, 0, 0, 0, 0])
        cells[0] += row.count
        cells[1 + _bucket(row)] += row.count
    ordered = sorted(per_service.items(), key=lambda item: (-item[1][0], item[0]))
    body = tuple((org, name, *cells) for (org, name), cells in ordered)
    return ReportTable(
        title="Surat rujukan bulan ini menurut layanan tujuan",
        columns=(ReportColumn("Lembaga", CellKind.TEXT, 30), ReportColumn("Layanan", CellKind.TEXT, 34),
                 *(ReportColumn(title, CellKind.INTEGER, 11) for title in
                   ("Surat", "Terlayani", "Tidak terlayani", "Menunggu", "Dibatalkan"))),
        rows=body, total=("Jumlah", "", *(sum(r[i] for r in body) for i in range(2, 7))),
        note="Menunggu: belum ada hasil akhir dari lembaga tujuan. Tidak terlayani termasuk rujukan yang ditolak.",
        empty_text="Tidak ada surat rujukan pada bulan ini.",
    )


def build_recap(ctx: ServiceContext, request: ReportRequest, sink: ProgressSink) -> ReportDocument:
    with ctx.db.reading() as session:
        frame = report_frame(ctx, session, request)
        recap = _Recap(session, frame, request.month, ctx.today())
        steps: list[tuple[str, Callable[[], ReportSection]]] = [
            ("Menghitung kunjungan…", recap.visits), ("Menghitung keluhan…", recap.complaints),
            ("Menghitung kebutuhan…", recap.needs), ("Menghitung usulan DTSEN…", recap.proposals),
            ("Menghitung rujukan…", recap.referrals),
        ]
        if frame.is_district and not frame.village_code:
            steps.append(("Menghitung per desa…", recap.villages))
        steps.append(("Menghitung tren 12 bulan…", recap.trend))
        total = len(steps) + 1
        _step(sink, 0, total, "Menghitung ringkasan…")
        summary, is_empty = recap.summary()
        sections = [summary]
        for done, (label, make) in enumerate(steps, start=1):
            _step(sink, done, total, label)
            sections.append(make())
    sink.progress(total, total, "Rekap selesai dihitung")
    return make_document(
        frame, request, title=TITLE_DISTRICT if frame.is_district else TITLE_DESA, period_label=request.month.label,
        sections=sections, is_empty=is_empty,
        empty_text=f"Tidak ada kegiatan pelayanan yang tercatat pada {request.month.label}.",
        cover_facts=(("Bulan pembanding", request.month.previous().label),),
    )


def _step(sink: ProgressSink, done: int, total: int, label: str) -> None:
    if sink.cancelled():
        raise Cancelled("Pembuatan rekap bulanan dibatalkan.")
    sink.progress(done, total, label)
