"""Fixed sample reports for the PDF and Excel renderers and their goldens: the November 2026 recap of the Puskesos
Desa Sumogawe, a BNBA service register long enough for several landscape pages, and a month with no data."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from puskesos_desk.domain.nik import mask_id
from puskesos_desk.domain.reports import (
    CellKind,
    ChartSeries,
    ReportChart,
    ReportColumn,
    ReportDocument,
    ReportKind,
    ReportMonth,
    ReportSection,
    ReportTable,
    SignatureLine,
)
from tests.printing.samples import LETTERHEAD

JAKARTA = ZoneInfo("Asia/Jakarta")
MADE_AT = datetime(2026, 12, 2, 9, 15, tzinfo=JAKARTA)
MONTH = ReportMonth(2026, 11)
MONTHS = tuple(month.short_label for month in MONTH.trailing(12))
FORMULA_TEXT = "=1+1"  # typed by someone into a free-text field; must stay text in Excel
FULL_NIK = "3322010101900001"
BNBA_ROWS = 140

SIGNATURES = (
    SignatureLine(caption="Mengetahui,", role="Kepala Desa Sumogawe", name="Sutrisno, S.Sos."),
    SignatureLine(caption="Dibuat oleh,", role="Koordinator Puskesos Desa Sumogawe", name="Dra. Siti Rahayu",
                  id_line="NIP. 196805051990032004"),
)

_N = CellKind.INTEGER
_VISITS = ReportTable(
    title="Kunjungan menurut saluran",
    columns=(ReportColumn("Saluran", width=30), ReportColumn("Bulan ini", _N, 12),
             ReportColumn("Bulan lalu", _N, 12), ReportColumn("Perubahan", CellKind.PERCENT, 12)),
    rows=(("Datang langsung", 1234, 1100, 0.1218), ("Telepon / WhatsApp", 87, 92, -0.0543),
          ("Kunjungan rumah", 45, 30, 0.5), ("Lewat RT/RW", 12, 0, None)),
    total=("Jumlah", 1378, 1222, 0.1277),
    note="Satu kunjungan dihitung sekali walaupun mencatat beberapa keluhan.",
)
_COMPLAINTS = ReportTable(
    title="Keluhan menurut jenis dan status",
    columns=(ReportColumn("Jenis keluhan", width=34), ReportColumn("Baru", _N, 9), ReportColumn("Diproses", _N, 9),
             ReportColumn("Selesai", _N, 9), ReportColumn("Jumlah", _N, 9)),
    rows=(("Bantuan sosial tidak cair", 14, 6, 20, 40), ("PBI-JK (KIS) nonaktif", 9, 11, 15, 35),
          ("Data DTSEN tidak sesuai", 3, 4, 2, 9), (FORMULA_TEXT, 1, 0, 0, 1)),
    total=("Jumlah", 27, 21, 37, 85),
)
_REFERRALS = ReportTable(
    title="Rujukan menurut layanan",
    columns=(ReportColumn("Layanan", width=30), ReportColumn("Dikirim", _N, 10), ReportColumn("Dijawab", _N, 10),
             ReportColumn("Median hari kerja", CellKind.DECIMAL, 12), ReportColumn("Lewat batas", _N, 10)),
    rows=(("Reaktivasi PBI-JK", 22, 18, 4.5, 3), ("Rehabilitasi sosial", 4, 2, 12.25, 2),
          ("Bantuan pendidikan (PIP)", 6, 6, 3.0, 0)),
    total=("Jumlah", 32, 26, 5.0, 5),
    highlight_rows=frozenset({1}),
    note="Median dihitung dengan kalender hari kerja (tanpa hari libur nasional).",
)
_TRENDS = ReportChart(
    title="Kunjungan dan keluhan, 12 bulan terakhir",
    categories=MONTHS,
    series=(ChartSeries("Kunjungan", (980, 1010, 1102, 950, 1200, 1180, 1250, 1300, 1190, 1222, 1222, 1378)),
            ChartSeries("Keluhan", (60, 72, 58, 81, 77, 90, 85, 70, 66, 79, 80, 85))),
)
_OUTCOMES = ReportChart(
    title="Rujukan menurut hasil, 12 bulan terakhir",
    categories=MONTHS,
    series=(ChartSeries("Dilayani", (12, 15, 14, 18, 16, 20, 19, 17, 22, 21, 18, 18)),
            ChartSeries("Ditolak", (2, 1, 3, 2, 4, 2, 1, 3, 2, 2, 3, 2)),
            ChartSeries("Belum dijawab", (1, 2, 1, 3, 2, 2, 4, 3, 2, 3, 4, 6))),
    stacked=True,
)

RECAP = ReportDocument(
    kind=ReportKind.RECAP,
    title="REKAP BULANAN PELAYANAN PUSKESOS",
    period_label=MONTH.label,
    scope_label="Desa Sumogawe",
    site_name="Puskesos Desa Sumogawe",
    site_code="33.22.01.2007",
    made_by="Dra. Siti Rahayu",
    made_at=MADE_AT,
    letterhead=LETTERHEAD,
    place="Sumogawe",
    sections=(
        ReportSection("Ringkasan kunjungan", "Kunjungan", tables=(_VISITS,),
                      paragraphs=("Angka bulan lalu untuk perbandingan: Oktober 2026.",)),
        ReportSection("Keluhan", "Keluhan", tables=(_COMPLAINTS,)),
        ReportSection("Rujukan", "Rujukan", tables=(_REFERRALS,)),
        ReportSection("Tren 12 bulan", "Tren", charts=(_TRENDS, _OUTCOMES)),
        ReportSection("Usulan DTSEN", "Usulan", tables=(ReportTable(
            title="Usulan menurut status", columns=(ReportColumn("Status", width=30), ReportColumn("Jumlah", _N, 10)),
            rows=()),)),
    ),
    signatures=SIGNATURES,
    cover_facts=(("Pembanding", "Oktober 2026"),),
    file_stem="rekap-2026-11-33.22.01.2007",
)

_SERVICES = ("Reaktivasi PBI-JK", "Pengaduan bansos tidak cair", "Usulan DTSEN baru", "Rujukan rehabilitasi sosial",
             "Surat keterangan tidak mampu")
_OUTCOMES_TEXT = ("Dirujuk ke Dinas Sosial", "Selesai di tempat", "Menunggu musdes", "Diproses")
_HAMLETS = ("Krajan", "Sumogawe Lor", "Gedong", "Ngaduman")


def _bnba_row(index: int) -> tuple[object, ...]:
    nik = FULL_NIK if index == 0 else f"3322{index % 100:02d}{(index * 7919) % 10**10:010d}"
    name = "Ñoman Śląsk Nguyễn bin Abdullah Sastrowardoyo" if index == 3 else f"Warga Contoh {index + 1:03d}"
    return (index + 1, date(2026, 11, 1) + timedelta(days=index % 30), name,
            mask_id(nik) if index else nik,
            f"Dusun {_HAMLETS[index % 4]} RT {index % 9 + 1:03d}/RW {index % 4 + 1:03d}",
            _SERVICES[index % 5], _OUTCOMES_TEXT[index % 4], "Agus Prasetyo" if index % 2 else "Dewi Lestari")


BNBA = ReportDocument(
    kind=ReportKind.BNBA,
    title="REGISTER LAYANAN (BY NAME BY ADDRESS)",
    period_label=MONTH.label,
    scope_label="Desa Sumogawe",
    site_name="Puskesos Desa Sumogawe",
    site_code="33.22.01.2007",
    made_by="Agus Prasetyo",
    made_at=MADE_AT,
    letterhead=LETTERHEAD,
    place="Sumogawe",
    sections=(ReportSection(
        "Register layanan November 2026", "Register", landscape=True,
        paragraphs=("NIK ditampilkan tersamar kecuali pada baris yang dibuka oleh petugas berwenang.",),
        tables=(ReportTable(
            title="Layanan yang diberikan",
            columns=(ReportColumn("No", _N, 5), ReportColumn("Tanggal", CellKind.DATE, 11),
                     ReportColumn("Nama", width=26), ReportColumn("NIK", CellKind.ID, 19),
                     ReportColumn("Alamat", width=28), ReportColumn("Layanan", width=24),
                     ReportColumn("Hasil", width=20), ReportColumn("Petugas", width=15)),
            rows=tuple(_bnba_row(index) for index in range(BNBA_ROWS)),
            highlight_rows=frozenset({5, 17}),
            note=f"{BNBA_ROWS} layanan pada November 2026.",
        ),),
    ),),
    signatures=SIGNATURES,
    file_stem="bnba-2026-11-33.22.01.2007",
)

EMPTY = ReportDocument(
    kind=ReportKind.RECAP,
    title="REKAP BULANAN PELAYANAN PUSKESOS",
    period_label="Januari 2027",
    scope_label="Seluruh Kabupaten Semarang",
    site_name="Dinas Sosial Kabupaten Semarang",
    site_code="33.22",
    made_by="Bambang Wijaya",
    made_at=datetime(2027, 2, 1, 8, 0, tzinfo=JAKARTA),
    letterhead=LETTERHEAD,
    place="Ungaran",
    sections=(ReportSection("Kunjungan", "Kunjungan", tables=(ReportTable(
        title="Kunjungan menurut saluran", columns=_VISITS.columns, rows=()),)),),
    signatures=(*SIGNATURES, SignatureLine(caption="Menyetujui,", role="Kepala Dinas Sosial Kabupaten Semarang")),
    is_empty=True,
    file_stem="rekap-2027-01-33.22",
)
