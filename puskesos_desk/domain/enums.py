"""Closed vocabularies the code branches on. Stored values are the Indonesian codes users and districts see.

Open lists that a district may extend (programmes, complaint categories, need domains, PPKS) are reference
data in the database, not enums.
"""

from __future__ import annotations

from enum import StrEnum


class SiteRole(StrEnum):
    DESA = "desa"  # a desa or kelurahan Puskesos
    KABUPATEN = "kabupaten"  # the SLRT secretariat of a kabupaten or kota


class Role(StrEnum):
    # desa/kelurahan site
    ADMIN = "ADMIN"
    KOORDINATOR = "KOORDINATOR"
    PETUGAS_FO = "PETUGAS_FO"
    PETUGAS_BO = "PETUGAS_BO"
    OPERATOR_SIKS = "OPERATOR_SIKS"
    # kabupaten/kota site (ADMIN is shared)
    MANAJER_SLRT = "MANAJER_SLRT"
    PETUGAS_SEKRETARIAT = "PETUGAS_SEKRETARIAT"
    OPERATOR_KABUPATEN = "OPERATOR_KABUPATEN"
    AUDITOR = "AUDITOR"


ROLE_LABELS: dict[Role, str] = {
    Role.ADMIN: "Admin",
    Role.KOORDINATOR: "Koordinator Puskesos",
    Role.PETUGAS_FO: "Petugas FO",
    Role.PETUGAS_BO: "Petugas BO",
    Role.OPERATOR_SIKS: "Operator SIKS-NG desa",
    Role.MANAJER_SLRT: "Manajer SLRT",
    Role.PETUGAS_SEKRETARIAT: "Petugas Sekretariat",
    Role.OPERATOR_KABUPATEN: "Operator Kabupaten/Kota",
    Role.AUDITOR: "Auditor",
}

SITE_ROLES: dict[SiteRole, tuple[Role, ...]] = {
    SiteRole.DESA: (Role.ADMIN, Role.KOORDINATOR, Role.PETUGAS_FO, Role.PETUGAS_BO, Role.OPERATOR_SIKS),
    SiteRole.KABUPATEN: (
        Role.ADMIN,
        Role.MANAJER_SLRT,
        Role.PETUGAS_SEKRETARIAT,
        Role.OPERATOR_KABUPATEN,
        Role.AUDITOR,
    ),
}


class Sex(StrEnum):
    L = "L"
    P = "P"


class VisitChannel(StrEnum):
    DATANG_LANGSUNG = "DATANG_LANGSUNG"
    KUNJUNGAN_RUMAH = "KUNJUNGAN_RUMAH"
    TELEPON_WA = "TELEPON_WA"
    RUJUKAN_MASUK = "RUJUKAN_MASUK"
    MUSDES = "MUSDES"


class VisitStatus(StrEnum):
    TERBUKA = "TERBUKA"
    SELESAI = "SELESAI"
    DIBATALKAN = "DIBATALKAN"


class ComplaintType(StrEnum):
    PERTANYAAN = "PERTANYAAN"
    SARAN = "SARAN"
    PENGADUAN = "PENGADUAN"


class Urgency(StrEnum):
    DARURAT = "DARURAT"
    SEGERA = "SEGERA"
    BIASA = "BIASA"


class ComplaintStatus(StrEnum):
    BARU = "BARU"
    DITANGANI = "DITANGANI"
    DIRUJUK = "DIRUJUK"
    SELESAI = "SELESAI"
    TIDAK_DAPAT_DITANGANI = "TIDAK_DAPAT_DITANGANI"


class NeedStatus(StrEnum):
    TERIDENTIFIKASI = "TERIDENTIFIKASI"
    DIRUJUK = "DIRUJUK"
    TERPENUHI = "TERPENUHI"
    TIDAK_TERPENUHI = "TIDAK_TERPENUHI"
    TIDAK_LAYAK = "TIDAK_LAYAK"


class ReferralStatus(StrEnum):
    DRAFT = "DRAFT"
    DISETUJUI = "DISETUJUI"
    DIKIRIM = "DIKIRIM"
    DITERIMA = "DITERIMA"
    DIPROSES = "DIPROSES"
    SELESAI = "SELESAI"
    DITOLAK = "DITOLAK"
    DIBATALKAN = "DIBATALKAN"
    TIDAK_ADA_KABAR = "TIDAK_ADA_KABAR"


class ReferralOutcome(StrEnum):
    TERLAYANI_PENUH = "TERLAYANI_PENUH"
    TERLAYANI_SEBAGIAN = "TERLAYANI_SEBAGIAN"
    TIDAK_TERLAYANI = "TIDAK_TERLAYANI"


class FeedbackSource(StrEnum):
    LEMBAR_BALASAN = "LEMBAR_BALASAN"
    TELEPON = "TELEPON"
    LAPORAN_WARGA = "LAPORAN_WARGA"
    SEKRETARIAT = "SEKRETARIAT"


class ProposalKind(StrEnum):
    BARU = "BARU"
    PERBAIKAN_DATA = "PERBAIKAN_DATA"
    SANGGAH = "SANGGAH"


class ProposalStatus(StrEnum):
    DRAFT = "DRAFT"
    SIAP_MUSDES = "SIAP_MUSDES"
    DIAJUKAN = "DIAJUKAN"  # handed to the SIKS-NG operator
    DITERIMA = "DITERIMA"
    DITOLAK = "DITOLAK"


class ChangeKind(StrEnum):
    TAMBAH_ANGGOTA = "TAMBAH_ANGGOTA"
    KELUARKAN_ANGGOTA = "KELUARKAN_ANGGOTA"
    GANTI_KEPALA = "GANTI_KEPALA"
    PISAH_KK = "PISAH_KK"
    PINDAH = "PINDAH"
    MENINGGAL = "MENINGGAL"


class ChangeStatus(StrEnum):
    MENUNGGU = "MENUNGGU"
    DISETUJUI = "DISETUJUI"
    DITOLAK = "DITOLAK"


class ParticipationSource(StrEnum):
    PERNYATAAN_WARGA = "PERNYATAAN_WARGA"
    KARTU_DILIHAT = "KARTU_DILIHAT"
    EKSTRAK_DTSEN = "EKSTRAK_DTSEN"
    KABUPATEN = "KABUPATEN"


class ResidenceStatus(StrEnum):
    ADA = "ADA"
    MENINGGAL = "MENINGGAL"
    PINDAH = "PINDAH"
    TIDAK_DITEMUKAN = "TIDAK_DITEMUKAN"


class RegisterDataset(StrEnum):
    DTSEN = "DTSEN"
    DTKS = "DTKS"
    P3KE = "P3KE"


class PackageDirection(StrEnum):
    KELUAR = "KELUAR"
    MASUK = "MASUK"


class PackageKind(StrEnum):
    DESA_KE_KABUPATEN = "DESA_KE_KABUPATEN"
    KABUPATEN_KE_DESA = "KABUPATEN_KE_DESA"


class AuditAction(StrEnum):
    CREATE = "CREATE"
    UPDATE = "UPDATE"
    DELETE = "DELETE"
    LOGIN = "LOGIN"
    LOGIN_FAILED = "LOGIN_FAILED"
    LOGOUT = "LOGOUT"
    VIEW_SENSITIVE = "VIEW_SENSITIVE"
    UNMASK = "UNMASK"
    PRINT = "PRINT"
    EXPORT = "EXPORT"
    IMPORT = "IMPORT"
    SIGN = "SIGN"
    STATUS_CHANGE = "STATUS_CHANGE"
    OVERRIDE_VALIDATION = "OVERRIDE_VALIDATION"
    PURGE = "PURGE"
    SITE_INIT = "SITE_INIT"
    SEED = "SEED"
    MIGRATE = "MIGRATE"
    BACKUP = "BACKUP"
    # Issue 10: the session lock, password changes, audit checks, a resident's data requests and breach notices.
    SESSION_LOCK = "SESSION_LOCK"
    SESSION_UNLOCK = "SESSION_UNLOCK"
    PASSWORD_CHANGE = "PASSWORD_CHANGE"
    AUDIT_VERIFY = "AUDIT_VERIFY"
    SUBJECT_ACCESS = "SUBJECT_ACCESS"
    BREACH_NOTICE = "BREACH_NOTICE"
