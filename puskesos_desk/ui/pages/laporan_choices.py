"""What the Laporan page offers: the report kinds with a line about each, who may make which, the months to pick
from, and the file name suggested when saving.

The kind titles repeat domain.reports.KIND_TITLES as literal strings so that pyside6-lupdate can collect them for
the English translation; a test keeps the two equal.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from puskesos_desk.domain.permissions import Actor, Permission
from puskesos_desk.domain.reports import ReportKind, ReportMonth
from puskesos_desk.ui.formatting import month_long

_CTX = "LaporanPage"

MONTHS_OFFERED = 24

KIND_LABELS: dict[ReportKind, str] = {
    ReportKind.RECAP: QT_TRANSLATE_NOOP("LaporanPage", "Rekap bulanan"),
    ReportKind.BNBA: QT_TRANSLATE_NOOP("LaporanPage", "Register layanan (BNBA)"),
    ReportKind.USULAN: QT_TRANSLATE_NOOP("LaporanPage", "Daftar usulan DTSEN"),
    ReportKind.MUSDES: QT_TRANSLATE_NOOP("LaporanPage", "Daftar hadir & keputusan musdes/muskel"),
    ReportKind.OVERDUE: QT_TRANSLATE_NOOP("LaporanPage", "Rujukan lewat batas waktu per instansi"),
    ReportKind.HARIAN: QT_TRANSLATE_NOOP("LaporanPage", "Tugas hari ini"),
}

KIND_DESCRIPTIONS: dict[ReportKind, str] = {
    ReportKind.RECAP: QT_TRANSLATE_NOOP(
        "LaporanPage", "Kunjungan, keluhan, kebutuhan, usulan, dan rujukan dalam sebulan, dibandingkan dengan bulan "
                       "sebelumnya, dengan grafik 12 bulan."),
    ReportKind.BNBA: QT_TRANSLATE_NOOP(
        "LaporanPage", "Satu baris per layanan yang diberikan: tanggal, nama, alamat, layanan, hasil, dan petugas."),
    ReportKind.USULAN: QT_TRANSLATE_NOOP(
        "LaporanPage", "Usulan DTSEN satu baris per anggota keluarga, dalam urutan kolom yang diisi operator "
                       "SIKS-NG."),
    ReportKind.MUSDES: QT_TRANSLATE_NOOP(
        "LaporanPage", "Lembar daftar hadir dan keputusan musyawarah desa/kelurahan atas usulan DTSEN, untuk "
                       "dicetak."),
    ReportKind.OVERDUE: QT_TRANSLATE_NOOP(
        "LaporanPage", "Rujukan yang belum dijawab melewati batas waktu, dikelompokkan per instansi tujuan, untuk "
                       "rapat koordinasi."),
    ReportKind.HARIAN: QT_TRANSLATE_NOOP(
        "LaporanPage", "Keluhan, kebutuhan, dan usulan yang jatuh tempo atau terlambat pada hari yang dipilih."),
}

# Kinds that need more than VIEW_REPORTS, and why the combo refuses them to everyone else.
KIND_PERMISSIONS: dict[ReportKind, Permission] = {
    ReportKind.USULAN: Permission.PROPOSE_DTSEN,
}
KIND_REFUSALS: dict[ReportKind, str] = {
    ReportKind.USULAN: QT_TRANSLATE_NOOP(
        "LaporanPage", "Hanya petugas yang berwenang mengusulkan DTSEN (Koordinator, Petugas BO, Operator SIKS-NG) "
                       "yang dapat membuat daftar usulan."),
}

# Kinds whose builder writes NIK/KK numbers in full when asked (request.unmask) by a user holding UNMASK_ID. The
# overdue list has no NIK column (names are shortened), the proposal list always carries full numbers for the
# SIKS-NG operator, and the musdes sheet always masks them.
UNMASKABLE_KINDS = frozenset({ReportKind.BNBA})


def kind_label(kind: ReportKind) -> str:
    return QCoreApplication.translate(_CTX, KIND_LABELS[kind])


def kind_description(kind: ReportKind) -> str:
    return QCoreApplication.translate(_CTX, KIND_DESCRIPTIONS[kind])


def kind_refusal(actor: Actor, kind: ReportKind) -> str | None:
    """Why this actor may not make this kind (None: they may)."""
    needed = KIND_PERMISSIONS.get(kind)
    if needed is None or actor.can(needed):
        return None
    return QCoreApplication.translate(_CTX, KIND_REFUSALS[kind])


def month_label(month: ReportMonth) -> str:
    """'November 2026' (or 'November 2026' in English: the month name follows the interface language)."""
    return f"{month_long(month.month)} {month.year}"


def months_offered(today: date, count: int = MONTHS_OFFERED) -> list[ReportMonth]:
    """This month and the ones before it, newest first."""
    return list(reversed(ReportMonth.of(today).trailing(count)))
