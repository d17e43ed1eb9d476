"""A personal-data breach (UU PDP Ps. 46): what was exposed, whom it touched, and the written notice that must
reach the data subjects and the supervising agency within 3×24 hours of discovery.

Three kinds of exposure are told apart, because each is traced differently: the whole database (a stolen or lost
PC: every resident on it), the documents printed or exported in a period (traced through their disclosure audit
events), and one exchange package (traced through the exchange ledger).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from puskesos_desk.domain.documents import Letterhead
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.reports import CellKind, ReportColumn, ReportTable

NOTICE_HOURS = 72  # 3 × 24 hours (Ps. 46 ayat 1)
LEGAL_LINE = ("Pemberitahuan ini disampaikan sesuai Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data "
              "Pribadi, Pasal 46: pengendali data pribadi wajib menyampaikan pemberitahuan tertulis paling lambat "
              "3 × 24 jam kepada subjek data pribadi dan lembaga.")


class ExposureKind(StrEnum):
    SELURUH_BASIS_DATA = "SELURUH_BASIS_DATA"  # the PC or a backup was stolen or lost
    DOKUMEN_PERIODE = "DOKUMEN_PERIODE"  # documents printed or exported in the period
    PAKET_PERTUKARAN = "PAKET_PERTUKARAN"  # one exchange package (file) went astray


EXPOSURE_LABELS: dict[ExposureKind, str] = {
    ExposureKind.SELURUH_BASIS_DATA: "Seluruh basis data (komputer atau cadangan hilang/dicuri)",
    ExposureKind.DOKUMEN_PERIODE: "Dokumen yang dicetak atau diekspor dalam periode",
    ExposureKind.PAKET_PERTUKARAN: "Satu paket pertukaran data",
}


class DataCategory(StrEnum):
    IDENTITAS = "IDENTITAS"
    KONTAK = "KONTAK"
    ALAMAT = "ALAMAT"
    KESEHATAN_DISABILITAS = "KESEHATAN_DISABILITAS"
    DATA_ANAK = "DATA_ANAK"
    BANTUAN_SOSIAL = "BANTUAN_SOSIAL"


CATEGORY_LABELS: dict[DataCategory, str] = {
    DataCategory.IDENTITAS: "Identitas (NIK, No. KK)",
    DataCategory.KONTAK: "Kontak (nomor telepon)",
    DataCategory.ALAMAT: "Alamat",
    DataCategory.KESEHATAN_DISABILITAS: "Data kesehatan/disabilitas",
    DataCategory.DATA_ANAK: "Data anak",
    DataCategory.BANTUAN_SOSIAL: "Data bantuan sosial",
}


@dataclass(frozen=True, slots=True)
class BreachReport:
    """What the officer knows: when it was discovered, the period of exposure, what was exposed."""

    discovered_at: datetime  # aware
    period_start: datetime  # aware
    period_end: datetime  # aware
    kind: ExposureKind
    categories: tuple[DataCategory, ...]
    package: str = ""  # package id or file name, for PAKET_PERTUKARAN
    how: str = ""  # how it happened, as far as known
    actions_taken: str = ""
    actions_planned: str = ""
    contact: str = ""  # who residents and the agency can reach

    def check(self) -> None:
        errors = []
        if self.period_end < self.period_start:
            errors.append("Akhir periode tidak boleh sebelum awal periode.")
        if self.discovered_at < self.period_start:
            errors.append("Waktu diketahuinya kebocoran tidak boleh sebelum awal periode.")
        if not self.categories:
            errors.append("Pilih paling sedikit satu jenis data yang terungkap.")
        if self.kind is ExposureKind.PAKET_PERTUKARAN and not self.package.strip():
            errors.append("Tuliskan nomor (ID) atau nama berkas paket pertukaran yang terungkap.")
        if errors:
            raise InputRejected(" ".join(errors))

    @property
    def deadline(self) -> datetime:
        return notice_deadline(self.discovered_at)


def notice_deadline(discovered_at: datetime) -> datetime:
    """The latest moment the written notice may reach the subjects and the agency."""
    return discovered_at + timedelta(hours=NOTICE_HOURS)


@dataclass(frozen=True, slots=True)
class AffectedPerson:
    person_id: str
    name: str
    nik_masked: str
    household_number: str
    village: str
    exposed: tuple[str, ...]  # category labels and, for documents, which documents

    @property
    def exposed_text(self) -> str:
        return "; ".join(self.exposed)


AFFECTED_COLUMNS = (ReportColumn("No.", CellKind.INTEGER, 6), ReportColumn("Nama", CellKind.TEXT, 26),
                    ReportColumn("NIK (disamarkan)", CellKind.ID, 20), ReportColumn("No. keluarga", CellKind.TEXT, 22),
                    ReportColumn("Desa/kelurahan", CellKind.TEXT, 18),
                    ReportColumn("Data yang terungkap", CellKind.TEXT, 60))


def affected_table(persons: Sequence[AffectedPerson]) -> ReportTable:
    rows = tuple((index, p.name, p.nik_masked, p.household_number, p.village, p.exposed_text)
                 for index, p in enumerate(persons, start=1))
    return ReportTable(title="", columns=AFFECTED_COLUMNS, rows=rows, empty_text="Tidak ada warga yang terdampak.")


@dataclass(frozen=True, slots=True)
class BreachNoticeDocument:
    letterhead: Letterhead
    report: BreachReport
    affected: int
    households: int
    children: int
    unresolved_documents: int  # documents in the period that name residents without saying which (reports, lists)
    documents: tuple[str, ...]  # what went out, as listed in the notice
    made_on: date
    officer_name: str
    site_name: str
