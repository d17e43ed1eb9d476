"""Translated names of the codes the household page shows that are not reference lists in the database."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "HouseholdLabels"

COMPLAINT_KINDS: dict[str, str] = {
    "PERTANYAAN": QT_TRANSLATE_NOOP("HouseholdLabels", "Pertanyaan"),
    "SARAN": QT_TRANSLATE_NOOP("HouseholdLabels", "Saran"),
    "PENGADUAN": QT_TRANSLATE_NOOP("HouseholdLabels", "Pengaduan"),
}
COMPLAINT_STATUSES: dict[str, str] = {
    "BARU": QT_TRANSLATE_NOOP("HouseholdLabels", "Baru"),
    "DITANGANI": QT_TRANSLATE_NOOP("HouseholdLabels", "Ditangani"),
    "DIRUJUK": QT_TRANSLATE_NOOP("HouseholdLabels", "Dirujuk"),
    "SELESAI": QT_TRANSLATE_NOOP("HouseholdLabels", "Selesai"),
    "TIDAK_DAPAT_DITANGANI": QT_TRANSLATE_NOOP("HouseholdLabels", "Tidak dapat ditangani"),
}
NEED_STATUSES: dict[str, str] = {
    "TERIDENTIFIKASI": QT_TRANSLATE_NOOP("HouseholdLabels", "Teridentifikasi"),
    "DIRUJUK": QT_TRANSLATE_NOOP("HouseholdLabels", "Dirujuk"),
    "TERPENUHI": QT_TRANSLATE_NOOP("HouseholdLabels", "Terpenuhi"),
    "TIDAK_TERPENUHI": QT_TRANSLATE_NOOP("HouseholdLabels", "Tidak terpenuhi"),
    "TIDAK_LAYAK": QT_TRANSLATE_NOOP("HouseholdLabels", "Tidak layak"),
}
PROPOSAL_KINDS: dict[str, str] = {
    "BARU": QT_TRANSLATE_NOOP("HouseholdLabels", "Usulan baru"),
    "PERBAIKAN_DATA": QT_TRANSLATE_NOOP("HouseholdLabels", "Perbaikan data"),
    "SANGGAH": QT_TRANSLATE_NOOP("HouseholdLabels", "Sanggah"),
}
PROPOSAL_STATUSES: dict[str, str] = {
    "DRAFT": QT_TRANSLATE_NOOP("HouseholdLabels", "Draf"),
    "SIAP_MUSDES": QT_TRANSLATE_NOOP("HouseholdLabels", "Siap musdes"),
    "DIAJUKAN": QT_TRANSLATE_NOOP("HouseholdLabels", "Diajukan ke operator SIKS-NG"),
    "DITERIMA": QT_TRANSLATE_NOOP("HouseholdLabels", "Diterima"),
    "DITOLAK": QT_TRANSLATE_NOOP("HouseholdLabels", "Ditolak"),
}
REQUESTED_PROGRAMS: dict[str, str] = {
    "PKH": QT_TRANSLATE_NOOP("HouseholdLabels", "PKH"),
    "SEMBAKO": QT_TRANSLATE_NOOP("HouseholdLabels", "Sembako"),
    "PBI": QT_TRANSLATE_NOOP("HouseholdLabels", "PBI"),
    "TIDAK_ADA": QT_TRANSLATE_NOOP("HouseholdLabels", "Tidak ada"),
}
CHANGE_KINDS: dict[str, str] = {
    "TAMBAH_ANGGOTA": QT_TRANSLATE_NOOP("HouseholdLabels", "Tambah anggota"),
    "KELUARKAN_ANGGOTA": QT_TRANSLATE_NOOP("HouseholdLabels", "Keluarkan anggota"),
    "GANTI_KEPALA": QT_TRANSLATE_NOOP("HouseholdLabels", "Ganti kepala keluarga"),
    "PISAH_KK": QT_TRANSLATE_NOOP("HouseholdLabels", "Pisah KK"),
    "PINDAH": QT_TRANSLATE_NOOP("HouseholdLabels", "Pindah"),
    "MENINGGAL": QT_TRANSLATE_NOOP("HouseholdLabels", "Meninggal"),
}
CHANGE_STATUSES: dict[str, str] = {
    "MENUNGGU": QT_TRANSLATE_NOOP("HouseholdLabels", "Menunggu persetujuan"),
    "DISETUJUI": QT_TRANSLATE_NOOP("HouseholdLabels", "Disetujui"),
    "DITOLAK": QT_TRANSLATE_NOOP("HouseholdLabels", "Ditolak"),
}
CONSENT_PURPOSES: dict[str, str] = {
    "RUJUKAN_NON_PEMERINTAH": QT_TRANSLATE_NOOP(
        "HouseholdLabels", "Berbagi data dengan lembaga non-pemerintah (BAZNAS, LKS, CSR)"),
    "FOTO_DOKUMEN": QT_TRANSLATE_NOOP("HouseholdLabels", "Foto rumah atau dokumen"),
}
CONSENT_METHODS: dict[str, str] = {
    "TANDA_TANGAN": QT_TRANSLATE_NOOP("HouseholdLabels", "Tanda tangan"),
    "CAP_JEMPOL": QT_TRANSLATE_NOOP("HouseholdLabels", "Cap jempol"),
    "LISAN_TERCATAT": QT_TRANSLATE_NOOP("HouseholdLabels", "Lisan, dicatat petugas"),
}
REFERRAL_STATUSES: dict[str, str] = {
    "DRAFT": QT_TRANSLATE_NOOP("HouseholdLabels", "Draf, menunggu persetujuan"),
    "DISETUJUI": QT_TRANSLATE_NOOP("HouseholdLabels", "Disetujui, siap cetak"),
    "DIKIRIM": QT_TRANSLATE_NOOP("HouseholdLabels", "Dikirim"),
    "DITERIMA": QT_TRANSLATE_NOOP("HouseholdLabels", "Diterima lembaga"),
    "DIPROSES": QT_TRANSLATE_NOOP("HouseholdLabels", "Diproses"),
    "SELESAI": QT_TRANSLATE_NOOP("HouseholdLabels", "Selesai"),
    "DITOLAK": QT_TRANSLATE_NOOP("HouseholdLabels", "Ditolak"),
    "DIBATALKAN": QT_TRANSLATE_NOOP("HouseholdLabels", "Dibatalkan"),
    "TIDAK_ADA_KABAR": QT_TRANSLATE_NOOP("HouseholdLabels", "Tidak ada kabar"),
}
SEXES: dict[str, str] = {
    "L": QT_TRANSLATE_NOOP("HouseholdLabels", "Laki-laki"),
    "P": QT_TRANSLATE_NOOP("HouseholdLabels", "Perempuan"),
}


def label(names: dict[str, str], code: str | None) -> str:
    """The translated name of a code, or the code itself when it has none."""
    if not code:
        return ""
    source = names.get(code)
    return QCoreApplication.translate(_CTX, source) if source else code
