"""The main window's areas: their titles and descriptions (marked for translation), the order the area list shows
them in for a site, and which permission each needs. An area whose work the signed-in roles do not include is not
listed at all (an Admin without a case role sees Pengaturan and Audit only)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from puskesos_desk.domain.enums import ROLE_LABELS, Role, SiteRole
from puskesos_desk.domain.permissions import Actor, Permission

_CTX = "MainWindow"

# (title, what the area will hold). Beranda's text is unused: it has a real page.
AREAS: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("MainWindow", "Beranda"),
        QT_TRANSLATE_NOOP("MainWindow",
                          "Angka bulan ini dan tren 12 bulan: kunjungan, keluhan, dan rujukan menurut hasil."),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Layanan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Cari atau daftarkan warga dan keluarga, catat kunjungan beserta keperluannya, dan catat kebutuhan "
            "yang ditemukan. Warga dicari dengan NIK, nomor KK, atau nama.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Keluhan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Catat pertanyaan, saran, dan pengaduan warga, tentukan tingkat urgensinya, lalu ikuti penanganannya "
            "sampai selesai atau dirujuk.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Rujukan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Buat rujukan ke dinas atau lembaga layanan, cetak surat dan slip rujukan, catat balasannya, dan pantau "
            "rujukan yang lewat batas waktu.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Laporan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Rekap bulanan kunjungan, keluhan, kebutuhan, dan rujukan untuk desa dan kabupaten, siap dicetak atau "
            "disimpan sebagai berkas Excel.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Pertukaran Data"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Kirim dan terima paket data antara Puskesos desa dan sekretariat SLRT kabupaten, dan siapkan usulan "
            "DTSEN untuk musyawarah desa dan operator SIKS-NG.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Pengaturan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Kelola akun petugas, data situs, daftar lembaga layanan rujukan, cadangan basis data, dan bahasa "
            "tampilan.",
        ),
    ),
)

AREA_BERANDA, AREA_LAYANAN, AREA_KELUHAN, AREA_RUJUKAN, AREA_LAPORAN, AREA_PERTUKARAN, AREA_PENGATURAN = range(7)
# The district's own area (ui/pages/kabupaten_page.py): its page sits after the others in the stack, its entry in
# the list right after Beranda, because at a secretariat the villages' data is the daily work.
AREA_KABUPATEN = 7
KABUPATEN_AREA_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Data Desa")
KABUPATEN_AREA_DESCRIPTION = QT_TRANSLATE_NOOP(
    "MainWindow", "Data gabungan semua desa, kemungkinan duplikat, perubahan KK, dan direktori layanan.")
# The audit log (ui/pages/audit_page.py), for the roles that may read it; listed just before Pengaturan.
AREA_AUDIT = 8
AUDIT_AREA_TITLE = QT_TRANSLATE_NOOP("MainWindow", "Audit")
AUDIT_AREA_DESCRIPTION = QT_TRANSLATE_NOOP(
    "MainWindow", "Log audit: siapa melakukan apa dan kapan, pemeriksaan keutuhan log, dan penanganan kebocoran "
                  "data.")


# What an area needs; Pengaturan is for everyone (the interface language, and the Admin's work).
AREA_PERMISSIONS: dict[int, Permission | None] = {
    AREA_BERANDA: Permission.VIEW_CASES, AREA_LAYANAN: Permission.VIEW_CASES, AREA_KELUHAN: Permission.VIEW_CASES,
    AREA_RUJUKAN: Permission.VIEW_CASES, AREA_LAPORAN: Permission.VIEW_REPORTS,
    AREA_PERTUKARAN: Permission.VIEW_CASES, AREA_PENGATURAN: None, AREA_KABUPATEN: Permission.VIEW_CASES,
    AREA_AUDIT: Permission.VIEW_AUDIT,
}


def area_order(role: SiteRole, actor: Actor | None = None) -> list[int]:
    """The areas in the order the list shows them, for a site of this role (and, given an actor, only the areas
    that actor's roles can use)."""
    if role is SiteRole.KABUPATEN:
        order = [AREA_BERANDA, AREA_KABUPATEN, *range(AREA_LAYANAN, AREA_PENGATURAN)]
    else:
        order = list(range(AREA_PENGATURAN))
    order += [AREA_AUDIT, AREA_PENGATURAN]
    if actor is None:
        return order
    return [area for area in order if AREA_PERMISSIONS.get(area) is None or actor.can(AREA_PERMISSIONS[area])]


# The role names of domain.enums.ROLE_LABELS, marked for translation (English mode shows English role names).
ROLE_NAMES: dict[Role, str] = {
    Role.ADMIN: QT_TRANSLATE_NOOP("MainWindow", "Admin"),
    Role.KOORDINATOR: QT_TRANSLATE_NOOP("MainWindow", "Koordinator Puskesos"),
    Role.PETUGAS_FO: QT_TRANSLATE_NOOP("MainWindow", "Petugas FO"),
    Role.PETUGAS_BO: QT_TRANSLATE_NOOP("MainWindow", "Petugas BO"),
    Role.OPERATOR_SIKS: QT_TRANSLATE_NOOP("MainWindow", "Operator SIKS-NG desa"),
    Role.MANAJER_SLRT: QT_TRANSLATE_NOOP("MainWindow", "Manajer SLRT"),
    Role.PETUGAS_SEKRETARIAT: QT_TRANSLATE_NOOP("MainWindow", "Petugas Sekretariat"),
    Role.OPERATOR_KABUPATEN: QT_TRANSLATE_NOOP("MainWindow", "Operator Kabupaten/Kota"),
    Role.AUDITOR: QT_TRANSLATE_NOOP("MainWindow", "Auditor"),
}


def role_name(role: Role) -> str:
    source = ROLE_NAMES.get(role)
    return QCoreApplication.translate(_CTX, source) if source else ROLE_LABELS.get(role, str(role))

