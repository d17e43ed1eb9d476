"""Subject access (UU PDP Ps. 7): everything the Puskesos holds about one resident, as sections of tables.

The repository hands each section's rows as plain values; this module names the sections and their columns once,
so the PDF copy, the workbook and the dialog's summary all show the same sections in the same order. The dossier
is the resident's own data: identity numbers and specific data are shown in full, never masked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from puskesos_desk.domain.documents import Letterhead
from puskesos_desk.domain.reports import CellKind, ReportColumn, ReportTable

LEGAL_BASIS = ("Salinan ini diberikan atas permintaan subjek data berdasarkan Undang-Undang Nomor 27 Tahun 2022 "
               "tentang Pelindungan Data Pribadi, Pasal 7 (hak mendapatkan akses dan salinan data pribadi).")
CORRECTION_NOTE = ("Jika ada data yang keliru, warga berhak meminta perbaikan (Pasal 6) atau penghapusan dalam batas "
                   "yang diizinkan undang-undang (Pasal 8) dengan menghubungi Puskesos.")
CONFIDENTIAL = "RAHASIA – data pribadi, UU 27/2022"
DELETED_MARK = " (dihapus)"

LEGAL_BASIS_NAMES = {"PS20E_PELAYANAN_PUBLIK": "Ps. 20(2)(e) pelayanan publik",
                     "PS20A_PERSETUJUAN": "Ps. 20(2)(a) persetujuan tegas"}

#: How each kind of disclosure event reads in the copy.
DISCLOSURE_NAMES = {"PRINT": "Cetak", "EXPORT": "Ekspor", "SUBJECT_ACCESS": "Salinan data pribadi"}


def readable_code(code: str | None) -> str:
    """"KEPALA_KELUARGA" → "Kepala keluarga": the stored codes, readable by the resident."""
    if not code:
        return ""
    return LEGAL_BASIS_NAMES.get(code) or code.replace("_", " ").capitalize()


_T = CellKind.TEXT
_D = CellKind.DATE


def _columns(*spec: tuple[str, CellKind, float]) -> tuple[ReportColumn, ...]:
    return tuple(ReportColumn(title, kind, width) for title, kind, width in spec)


@dataclass(frozen=True, slots=True)
class SectionSpec:
    key: str
    title: str
    sheet_name: str
    columns: tuple[ReportColumn, ...]


#: Every section of the dossier, in the order the copy shows them.
SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("identitas", "Identitas dan data pribadi", "Identitas",
                _columns(("Data", _T, 26), ("Isi", _T, 60))),
    SectionSpec("keluarga", "Keluarga dan riwayat keanggotaan", "Keluarga",
                _columns(("No. keluarga", _T, 20), ("Kepala keluarga", _T, 24), ("Hubungan", _T, 16),
                         ("Sejak", _D, 12), ("Sampai", _D, 12), ("Keterangan", _T, 24))),
    SectionSpec("riwayat_kk", "Riwayat nomor Kartu Keluarga", "Riwayat KK",
                _columns(("No. KK", CellKind.ID, 20), ("Sejak", _D, 12), ("Sampai", _D, 12),
                         ("Keterangan", _T, 30))),
    SectionSpec("ppks", "Kategori PPKS", "PPKS",
                _columns(("Kode", _T, 10), ("Kategori", _T, 30), ("Sejak", _D, 12), ("Sumber", _T, 16),
                         ("Catatan", _T, 26))),
    SectionSpec("kunjungan", "Kunjungan", "Kunjungan",
                _columns(("No. registrasi", _T, 26), ("Waktu", _D, 16), ("Kanal", _T, 12), ("Keperluan", _T, 36),
                         ("Status", _T, 12))),
    SectionSpec("persetujuan", "Pemberitahuan dan persetujuan", "Persetujuan",
                _columns(("Waktu", _D, 16), ("Dasar hukum", _T, 20), ("Tujuan", _T, 24), ("Penerima data", _T, 20),
                         ("Diberikan oleh", _T, 20), ("Cara", _T, 12), ("Dicatat oleh", _T, 14), ("Dicabut", _D, 12))),
    SectionSpec("keluhan", "Pertanyaan, saran dan pengaduan", "Keluhan",
                _columns(("Nomor", _T, 22), ("Tanggal", _D, 12), ("Jenis", _T, 12), ("Kategori", _T, 20),
                         ("Uraian", _T, 36), ("Status", _T, 14), ("Jawaban", _T, 30))),
    SectionSpec("kebutuhan", "Kebutuhan", "Kebutuhan",
                _columns(("Nomor", _T, 22), ("Tanggal", _D, 12), ("Bidang", _T, 16), ("PPKS", _T, 16),
                         ("Uraian", _T, 36), ("Status", _T, 16))),
    SectionSpec("rujukan", "Rujukan dan hasilnya", "Rujukan",
                _columns(("No. surat", _T, 28), ("Tanggal", _D, 12), ("Tujuan", _T, 28), ("Layanan diminta", _T, 28),
                         ("Data dibagikan", _T, 24), ("Status", _T, 14), ("Hasil", _T, 24))),
    SectionSpec("usulan", "Usulan DTSEN", "Usulan DTSEN",
                _columns(("Nomor", _T, 22), ("Tanggal", _D, 12), ("Jenis", _T, 16), ("Program diminta", _T, 24),
                         ("Status", _T, 14))),
    SectionSpec("kepesertaan", "Kepesertaan program bantuan", "Kepesertaan",
                _columns(("Program", _T, 16), ("Untuk", _T, 12), ("No. kartu", _T, 20), ("Aktif", _T, 8),
                         ("Sejak", _D, 12), ("Sumber", _T, 18), ("Per tanggal", _D, 12))),
    SectionSpec("data_dtsen", "Data DTSEN/DTKS yang diterima dari Dinas Sosial", "Data DTSEN",
                _columns(("Data", _T, 8), ("Per tanggal", _D, 12), ("Nama", _T, 24), ("ID keluarga", _T, 16),
                         ("Desil", _T, 8), ("Program", _T, 28), ("Status salinan", _T, 14))),
    SectionSpec("pengungkapan", "Pengungkapan: dokumen yang dicetak atau diekspor", "Pengungkapan",
                _columns(("Waktu", _D, 16), ("Tindakan", _T, 12), ("Dokumen", _T, 24), ("Penerima", _T, 28),
                         ("Tujuan", _T, 30), ("Data", _T, 28))),
)
SECTION_KEYS = tuple(spec.key for spec in SECTIONS)
_BY_KEY = {spec.key: spec for spec in SECTIONS}


@dataclass(frozen=True, slots=True)
class DossierSection:
    key: str
    title: str
    sheet_name: str
    table: ReportTable

    @property
    def count(self) -> int:
        return len(self.table.rows)


@dataclass(frozen=True, slots=True)
class Dossier:
    person_id: str
    person_name: str
    sections: tuple[DossierSection, ...]

    def section(self, key: str) -> DossierSection:
        return next(section for section in self.sections if section.key == key)

    def counts(self) -> dict[str, int]:
        return {section.key: section.count for section in self.sections}


def build_dossier(person_id: str, person_name: str, rows: Mapping[str, Sequence[Sequence[object]]]) -> Dossier:
    """The dossier from each section's rows (missing keys are empty sections); a row of the wrong width fails."""
    unknown = set(rows) - set(SECTION_KEYS)
    if unknown:
        raise ValueError(f"unknown dossier sections: {sorted(unknown)}")
    sections = tuple(
        DossierSection(spec.key, spec.title, spec.sheet_name,
                       ReportTable(title="", columns=spec.columns, rows=tuple(tuple(r) for r in rows.get(spec.key, ())),
                                   empty_text="Tidak ada data."))
        for spec in SECTIONS
    )
    return Dossier(person_id=person_id, person_name=person_name, sections=sections)


def section_title(key: str) -> str:
    return _BY_KEY[key].title


@dataclass(frozen=True, slots=True)
class ConsentLine:
    """One notice or consent, as listed per person: what, when, who gave it, who recorded it, for which recipient."""

    id: str
    given_at: datetime
    legal_basis: str
    purposes: tuple[str, ...]
    given_by: str  # DIRI_SENDIRI / ORANG_TUA_WALI / PENDAMPING
    given_by_name: str
    method: str
    notice_version: str
    recorded_by: str  # the officer's name (or user id when the account is gone)
    visit_number: str
    withdrawn_at: datetime | None
    recipient: str  # not recorded by the visit form today: always "" until it is (see the issue-10 report)


@dataclass(frozen=True, slots=True)
class SubjectAccessDocument:
    """The printed copy: letterhead, who asked and why, the dossier, and the officer who hands it over."""

    letterhead: Letterhead
    dossier: Dossier
    requested_by: str
    purpose: str
    printed_on: date
    officer_name: str
    site_name: str
