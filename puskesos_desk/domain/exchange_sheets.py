"""The data sheets of an exchange package (docs/exchange-format.md §2–§3): which table each carries, its columns in
the format's order, their headers for people, and how each value is written to a cell.

Column keys are the record's field names, so export and import map fields without a translation table; the
headers are what people read in Excel. The order here is the order row hashes use (§4.2) — changing it, or a
column's key or kind, changes the format version.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ColumnKind(StrEnum):
    TEXT = "TEXT"
    ID_TEXT = "ID_TEXT"  # NIK, No. KK, telephone: a text cell formatted "@", never a number
    REF = "REF"  # the UUID of another record
    INT = "INT"
    DECIMAL = "DECIMAL"
    DATE = "DATE"  # a real date cell
    DATETIME = "DATETIME"  # ISO-8601 text with its offset: exact, unambiguous
    BOOL = "BOOL"  # "YA" / "TIDAK"
    ENUM = "ENUM"  # a code, with a dropdown
    LIST = "LIST"  # codes joined by "; "
    JSON = "JSON"  # a structured value as compact JSON text (sorted keys)


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    kind: ColumnKind = ColumnKind.TEXT
    required: bool = False
    help: str = ""
    choices: str = ""  # the value list behind an ENUM/LIST dropdown: an enum name or a code-list name


@dataclass(frozen=True, slots=True)
class SheetSpec:
    name: str  # the sheet's name in the workbook
    table: str  # the table its rows come from
    columns: tuple[Column, ...]
    note: str = ""  # one line for the Petunjuk sheet

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in SYSTEM_COLUMNS) + tuple(c.key for c in self.columns)


K = ColumnKind
SYSTEM_COLUMNS: tuple[Column, ...] = (
    Column("id", "ID", K.REF, True, "Kode unik data; sama di desa dan kabupaten. Jangan diubah."),
    Column("number", "NOMOR", K.TEXT, False, "Nomor yang dibaca orang (nomor keluarga, registrasi, surat)."),
    Column("row_version", "VERSI", K.INT, True, "Versi data di pengirim. Jangan diubah."),
    Column("base_version", "VERSI_DASAR", K.INT, True, "Versi terakhir yang diterima dari penerima (0: belum pernah)."),
    Column("deleted_at", "DIHAPUS", K.DATETIME, False, "Terisi bila data ini dihapus di pengirim."),
    Column("created_at", "DIBUAT", K.DATETIME, True, "Kapan data ini pertama kali dicatat."),
    Column("origin_site", "SITUS ASAL", K.ID_TEXT, False, "Kode situs yang pertama kali mencatat data ini."),
)
#: The system columns people need to recognise a row come first in a sheet; the rest follow the sheet's own columns
#: (a reader matches columns by header, and hashes use the format's order, so this is presentation only).
LEADING_SYSTEM_KEYS = ("id", "number")
ROW_HASH_HEADER = "HASH_BARIS"
ROW_HASH_KEY = "row_hash"


def _c(key: str, header: str, kind: ColumnKind = K.TEXT, required: bool = False, help: str = "",
       choices: str = "") -> Column:
    return Column(key, header, kind, required, help, choices)


HOUSEHOLDS = SheetSpec("Rumah Tangga", "household", (
    _c("kk_number", "NO KK", K.ID_TEXT, help="16 angka, ditulis sebagai teks."),
    _c("no_kk_reason", "ALASAN TANPA KK", K.ENUM, choices="alasan_tanpa_kk"),
    _c("head_person_id", "ID KEPALA KELUARGA", K.REF),
    _c("head_name", "NAMA KEPALA KELUARGA", required=True),
    _c("address", "ALAMAT", required=True),
    _c("rt", "RT", K.ID_TEXT), _c("rw", "RW", K.ID_TEXT), _c("hamlet", "DUSUN"),
    _c("village_code", "KODE DESA", K.ID_TEXT, True, "Kode Kemendagri PP.KK.CC.DDDD."),
    _c("postal_code", "KODE POS", K.ID_TEXT),
    _c("lives_at_kk_address", "TINGGAL SESUAI ALAMAT KK", K.BOOL),
    _c("latitude", "LINTANG", K.DECIMAL), _c("longitude", "BUJUR", K.DECIMAL),
    _c("phone", "TELEPON", K.ID_TEXT),
    _c("housing", "KONDISI RUMAH", K.JSON, help="Kondisi rumah (atap, dinding, lantai…) sebagai kode."),
), "Satu baris per keluarga (KK).")

PERSONS = SheetSpec("Anggota Keluarga", "person", (
    _c("household_id", "ID RUMAH TANGGA", K.REF),
    _c("nik", "NIK", K.ID_TEXT, help="16 angka, ditulis sebagai teks."),
    _c("no_nik_reason", "ALASAN TANPA NIK", K.ENUM, choices="alasan_tanpa_nik"),
    _c("name", "NAMA", required=True), _c("birth_place", "TEMPAT LAHIR"),
    _c("birth_date", "TANGGAL LAHIR", K.DATE), _c("sex", "JENIS KELAMIN", K.ENUM, True, choices="Sex"),
    _c("relation", "HUBUNGAN DALAM KK", K.ENUM, True, choices="hubungan_kk"),
    _c("marital_status", "STATUS KAWIN", K.ENUM, choices="status_kawin"),
    _c("religion", "AGAMA", K.ENUM, choices="agama"),
    _c("education", "PENDIDIKAN", K.ENUM, choices="pendidikan"),
    _c("school_status", "STATUS SEKOLAH", K.ENUM, choices="status_sekolah"),
    _c("occupation", "PEKERJAAN"),
    _c("documents", "DOKUMEN DIMILIKI", K.LIST, choices="dokumen"),
    _c("disability", "DISABILITAS", K.LIST, choices="disabilitas"),
    _c("chronic_illness", "PENYAKIT KRONIS"), _c("pregnant", "HAMIL", K.BOOL),
    _c("due_date", "PERKIRAAN LAHIR", K.DATE),
    _c("mother_name", "NAMA IBU KANDUNG"),
    _c("residence_status", "STATUS KEBERADAAN", K.ENUM, True, choices="ResidenceStatus"),
    _c("citizenship", "KEWARGANEGARAAN", K.ENUM, True, choices="kewarganegaraan"),
    _c("phone", "TELEPON", K.ID_TEXT), _c("duplicate_of", "KEMUNGKINAN SAMA DENGAN", K.REF),
), "Satu baris per warga. Data disabilitas, penyakit dan kehamilan adalah data pribadi spesifik (UU PDP Ps. 4).")

MEMBERSHIPS = SheetSpec("Keanggotaan KK", "membership", (
    _c("household_id", "ID RUMAH TANGGA", K.REF, True), _c("person_id", "ID WARGA", K.REF, True),
    _c("relation", "HUBUNGAN DALAM KK", K.ENUM, True, choices="hubungan_kk"),
    _c("valid_from", "SEJAK", K.DATE), _c("valid_to", "SAMPAI", K.DATE), _c("reason", "ALASAN"),
), "Riwayat keanggotaan warga dalam KK (masuk, keluar, pindah).")

PERSON_PPKS = SheetSpec("PPKS Warga", "person_ppks", (
    _c("person_id", "ID WARGA", K.REF, True), _c("ppks_code", "KODE PPKS", K.ENUM, True, choices="ppks"),
    _c("since", "SEJAK", K.DATE), _c("notes", "CATATAN"), _c("source", "SUMBER"),
), "Kategori PPKS yang tercatat untuk warga (data pribadi spesifik untuk sebagian kategori).")

VISITS = SheetSpec("Kunjungan", "visit", (
    _c("registration_number", "NOMOR REGISTRASI", required=True),
    _c("occurred_at", "WAKTU", K.DATETIME, True), _c("channel", "KANAL", K.ENUM, True, choices="kanal_kunjungan"),
    _c("household_id", "ID RUMAH TANGGA", K.REF, True), _c("applicant_person_id", "ID PEMOHON", K.REF),
    _c("applicant_name", "NAMA PEMOHON (BUKAN ANGGOTA)"),
    _c("applicant_relation", "HUBUNGAN PEMOHON", K.ENUM, True, choices="hubungan_pemohon"),
    _c("subject_person_ids", "ID WARGA YANG DIBANTU", K.LIST), _c("officer_id", "PETUGAS", required=True),
    _c("purpose", "KEPERLUAN", required=True), _c("status", "STATUS", K.ENUM, True, choices="VisitStatus"),
))

CONSENTS = SheetSpec("Persetujuan", "consent", (
    _c("person_id", "ID WARGA", K.REF, True), _c("visit_id", "ID KUNJUNGAN", K.REF),
    _c("legal_basis", "DASAR HUKUM", K.ENUM, True), _c("notice_given", "PEMBERITAHUAN DIBERIKAN", K.BOOL, True),
    _c("purposes", "TUJUAN", K.LIST), _c("given_by", "DIBERIKAN OLEH", K.ENUM, True),
    _c("given_by_name", "NAMA PEMBERI"), _c("method", "CARA", K.ENUM, True),
    _c("given_at", "WAKTU", K.DATETIME, True), _c("withdrawn_at", "DITARIK", K.DATETIME),
    _c("notice_version", "VERSI PEMBERITAHUAN"),
), "Pemberitahuan privasi dan persetujuan (UU PDP Ps. 20–25), per warga per kunjungan.")

COMPLAINTS = SheetSpec("Keluhan", "complaint", (
    _c("visit_id", "ID KUNJUNGAN", K.REF), _c("person_id", "ID WARGA", K.REF),
    _c("household_id", "ID RUMAH TANGGA", K.REF, True),
    _c("kind", "JENIS", K.ENUM, True, choices="ComplaintType"),
    _c("category_code", "KATEGORI", K.ENUM, True, choices="complaint_category"),
    _c("program_code", "PROGRAM", K.ENUM, choices="program"), _c("description", "URAIAN", required=True),
    _c("urgency", "URGENSI", K.ENUM, True, choices="Urgency"),
    _c("status", "STATUS", K.ENUM, True, choices="ComplaintStatus"), _c("answer", "JAWABAN"),
    _c("due_date", "BATAS WAKTU", K.DATE), _c("closed_at", "DITUTUP", K.DATETIME), _c("closed_by", "DITUTUP OLEH"),
))

NEEDS = SheetSpec("Kebutuhan", "need", (
    _c("visit_id", "ID KUNJUNGAN", K.REF), _c("person_id", "ID WARGA", K.REF),
    _c("household_id", "ID RUMAH TANGGA", K.REF, True), _c("complaint_id", "ID KELUHAN", K.REF),
    _c("domain_code", "BIDANG KEBUTUHAN", K.ENUM, True, choices="need_domain"),
    _c("ppks_codes", "KATEGORI PPKS", K.LIST, choices="ppks"),
    _c("proposed_program", "PROGRAM YANG DIUSULKAN", K.ENUM, choices="program"),
    _c("eligibility", "KELAYAKAN", K.JSON), _c("description", "URAIAN"),
    _c("status", "STATUS", K.ENUM, True, choices="NeedStatus"), _c("due_date", "BATAS WAKTU", K.DATE),
))

PARTICIPATIONS = SheetSpec("Kepesertaan", "participation", (
    _c("household_id", "ID RUMAH TANGGA", K.REF, True), _c("person_id", "ID WARGA", K.REF),
    _c("program_code", "PROGRAM", K.ENUM, True, choices="program"), _c("card_number", "NOMOR KARTU", K.ID_TEXT),
    _c("active", "AKTIF", K.BOOL, True), _c("since", "SEJAK", K.DATE),
    _c("source", "SUMBER", K.ENUM, True, choices="ParticipationSource"), _c("as_of", "PER TANGGAL", K.DATE, True),
    _c("notes", "CATATAN"),
), "Kepesertaan program sebagaimana diketahui di Puskesos (bukan penetapan).")

REFERRALS = SheetSpec("Rujukan", "referral", (
    _c("letter_number", "NOMOR SURAT", required=True), _c("letter_year", "TAHUN SURAT", K.INT, True),
    _c("letter_seq", "URUTAN SURAT", K.INT, True), _c("letter_date", "TANGGAL SURAT", K.DATE, True),
    _c("visit_id", "ID KUNJUNGAN", K.REF), _c("need_id", "ID KEBUTUHAN", K.REF),
    _c("complaint_id", "ID KELUHAN", K.REF), _c("person_id", "ID WARGA", K.REF, True),
    _c("household_id", "ID RUMAH TANGGA", K.REF, True), _c("service_id", "ID LAYANAN", K.REF, True),
    _c("recipient_snapshot", "LEMBAGA TUJUAN", K.JSON, True), _c("requested_service", "LAYANAN DIMOHON", required=True),
    _c("problem_summary", "RINGKASAN MASALAH", required=True), _c("register_snapshot", "STATUS DTSEN", K.JSON),
    _c("documents_attached", "DOKUMEN DIBAWA", K.LIST), _c("data_shared", "DATA DIBAGIKAN", K.LIST),
    _c("consent_id", "ID PERSETUJUAN", K.REF), _c("full_ids_on_slip", "NIK/KK LENGKAP DI SURAT", K.BOOL, True),
    _c("drafted_by", "DISUSUN OLEH", required=True), _c("approved_by", "DISETUJUI OLEH"),
    _c("approved_at", "WAKTU DISETUJUI", K.DATETIME),
    _c("status", "STATUS", K.ENUM, True, choices="ReferralStatus"), _c("response_due", "BATAS JAWABAN", K.DATE),
    _c("received_on", "DITERIMA LEMBAGA", K.DATE), _c("completed_on", "SELESAI", K.DATE),
    _c("outcome", "HASIL", K.ENUM, choices="ReferralOutcome"), _c("outcome_notes", "CATATAN HASIL"),
    _c("rejection_reason", "ALASAN DITOLAK"), _c("print_count", "JUMLAH CETAK", K.INT, True),
))

REFERRAL_EVENTS = SheetSpec("Riwayat Rujukan", "referral_event", (
    _c("referral_id", "ID RUJUKAN", K.REF, True), _c("occurred_at", "WAKTU", K.DATETIME, True),
    _c("actor_id", "OLEH", required=True), _c("status_before", "DARI", K.ENUM, choices="ReferralStatus"),
    _c("status_after", "MENJADI", K.ENUM, True, choices="ReferralStatus"),
    _c("source", "SUMBER KABAR", K.ENUM, choices="FeedbackSource"), _c("notes", "CATATAN"),
    _c("next_action_on", "TINDAK LANJUT BERIKUT", K.DATE),
))

FOLLOW_UPS = SheetSpec("Tindak Lanjut", "follow_up", (
    _c("entity", "JENIS DATA", required=True), _c("entity_id", "ID DATA", K.REF, True),
    _c("occurred_at", "WAKTU", K.DATETIME, True), _c("method", "CARA", K.ENUM, True),
    _c("officer_id", "PETUGAS", required=True), _c("status_before", "DARI"), _c("status_after", "MENJADI"),
    _c("notes", "CATATAN"), _c("next_action_on", "TINDAK LANJUT BERIKUT", K.DATE),
))

PROPOSALS = SheetSpec("Usulan DTSEN", "dtsen_proposal", (
    _c("household_id", "ID RUMAH TANGGA", K.REF, True), _c("visit_id", "ID KUNJUNGAN", K.REF),
    _c("kind", "JENIS USULAN", K.ENUM, True, choices="ProposalKind"), _c("members_snapshot", "ANGGOTA", K.JSON),
    _c("housing_snapshot", "KONDISI RUMAH", K.JSON), _c("criteria_262", "KRITERIA 262", K.JSON),
    _c("requested_programs", "USULAN BANSOS", K.LIST), _c("musdes_date", "TANGGAL MUSDES", K.DATE),
    _c("musdes_minutes_number", "NOMOR BERITA ACARA"),
    _c("status", "STATUS", K.ENUM, True, choices="ProposalStatus"), _c("verification_notes", "CATATAN VERIFIKASI"),
    _c("due_date", "TINDAK LANJUT BERIKUT", K.DATE), _c("export_package_id", "ID PAKET", K.REF),
))

CHANGE_REQUESTS = SheetSpec("Usulan Perubahan", "household_change_request", (
    _c("household_id", "ID RUMAH TANGGA", K.REF, True), _c("person_id", "ID WARGA", K.REF),
    _c("kind", "JENIS PERUBAHAN", K.ENUM, True, choices="ChangeKind"),
    _c("payload", "RINCIAN", K.JSON),  # {} for a member removed: the request names the person, nothing more
    _c("reason", "ALASAN", required=True), _c("status", "STATUS", K.ENUM, True, choices="ChangeStatus"),
    _c("decided_by", "DIPUTUSKAN OLEH"), _c("decided_at", "WAKTU KEPUTUSAN", K.DATETIME),
    _c("decision_reason", "ALASAN KEPUTUSAN"), _c("decided_where", "DIPUTUSKAN DI"),
))

SERVICES = SheetSpec("Direktori Layanan", "service_directory_entry", (
    _c("code", "KODE", required=True), _c("service_name", "NAMA LAYANAN", required=True),
    _c("program_code", "PROGRAM", K.ENUM, choices="program"), _c("organization", "LEMBAGA", required=True),
    _c("organization_kind", "JENIS LEMBAGA", K.ENUM, True), _c("address", "ALAMAT"),
    _c("region_code", "KODE WILAYAH", K.ID_TEXT), _c("contact_name", "KONTAK"), _c("phone", "TELEPON", K.ID_TEXT),
    _c("email", "EMAIL"), _c("url", "SITUS WEB"), _c("hours", "JAM LAYANAN"), _c("description", "DESKRIPSI"),
    _c("eligibility", "SYARAT PENERIMA"), _c("required_documents", "PERSYARATAN DOKUMEN", K.JSON),
    _c("need_domains", "BIDANG KEBUTUHAN", K.LIST, choices="need_domain"),
    _c("response_days", "WAKTU JAWABAN (HARI KERJA)", K.INT, True),
    _c("needs_explicit_consent", "PERLU PERSETUJUAN TERTULIS", K.BOOL, True),
    _c("needs_full_ids", "PERLU NIK/KK LENGKAP", K.BOOL, True), _c("is_example", "CONTOH", K.BOOL, True),
    _c("supplied_by", "SUMBER DATA"), _c("active", "AKTIF", K.BOOL, True),
))

MERGES = SheetSpec("Penggabungan Warga", "person_merge", (
    _c("duplicate_person_id", "ID WARGA GANDA", K.ID_TEXT, True,
       "Data warga yang digabung: menjadi data terhapus yang menunjuk ke data yang dipertahankan."),
    _c("survivor_person_id", "ID WARGA DIPERTAHANKAN", K.ID_TEXT, True),
    _c("decision", "KEPUTUSAN", K.ENUM, True), _c("match_kind", "DASAR KECOCOKAN", K.ENUM, True),
    _c("reason", "ALASAN"), _c("decided_by", "DIPUTUSKAN OLEH", required=True),
    _c("decided_at", "WAKTU KEPUTUSAN", K.DATETIME, True),
    _c("snapshot", "RINGKASAN KEDUA DATA", K.JSON, True, "Nama, tanggal lahir, desa, nomor keluarga, NIK disamarkan."),
), "Keputusan kabupaten atas data warga ganda antar desa (ID warga ditulis sebagai teks, bukan rujukan).")

HOLIDAY_YEARS = SheetSpec("Tahun Libur", "holiday_year", (
    _c("year", "TAHUN", K.INT, True), _c("decree", "DASAR PENETAPAN"), _c("source", "SUMBER"),
), "Tahun yang daftar hari liburnya sudah lengkap; tenggat hari kerja di tahun lain hanya melewati Sabtu/Minggu.")

HOLIDAYS = SheetSpec("Hari Libur", "holiday", (
    _c("day", "TANGGAL", K.DATE, True), _c("name", "NAMA HARI LIBUR", required=True),
    _c("kind", "JENIS", required=True, help="libur_nasional, cuti_bersama atau lokal."), _c("source", "SUMBER"),
), "Kalender hari libur kabupaten/kota; dipakai desa untuk menghitung tenggat dalam hari kerja.")

#: Village → district, in workbook order (parents before children, so an import can insert in this order). The
#: service directory travels too: a village may add local services, and its referrals name them.
VILLAGE_SHEETS: tuple[SheetSpec, ...] = (
    HOUSEHOLDS, PERSONS, MEMBERSHIPS, PERSON_PPKS, VISITS, CONSENTS, COMPLAINTS, NEEDS, PARTICIPATIONS, SERVICES,
    REFERRALS, REFERRAL_EVENTS, FOLLOW_UPS, PROPOSALS, CHANGE_REQUESTS,
)
#: District → village: answers and reference data.
DISTRICT_SHEETS: tuple[SheetSpec, ...] = (SERVICES, REFERRALS, REFERRAL_EVENTS, PROPOSALS, CHANGE_REQUESTS,
                                           HOLIDAY_YEARS, HOLIDAYS, MERGES)
#: Where the NOMOR column's value comes from, for tables whose human number is not a field called `number`.
HUMAN_NUMBER_FIELD: dict[str, str] = {"visit": "registration_number", "referral": "letter_number",
                                      "service_directory_entry": "code"}
#: Fields a record has that never travel: derived at the receiver (name_key, nik_check) or meaningless elsewhere.
LOCAL_ONLY: dict[str, tuple[str, ...]] = {
    # anonymised_at: when this site removed the identifying fields. The emptied fields travel as an ordinary update;
    # the mark itself would change the format's row hashes, so the receiver keeps its own (docs/security.md §6).
    "person": ("name_key", "nik_check", "anonymised_at"),
    "household": ("anonymised_at",),
    "service_directory_entry": ("last_checked_on",),  # the district's own bookkeeping of its directory
}
