"""Reports: what every report is made of, whatever format it goes out in.

A report is a `ReportDocument`: a cover (period, site, scope, who made it and when), sections of tables and charts,
and a signature block. The builders in `services/report_*.py` make one from the database; the same document is
written to Excel (`spreadsheet/report_workbook.py`) and to PDF (`printing/report.py`). So every kind comes out in
both formats, and the two always carry the same numbers.

Cell values are plain Python values (str, int, float, date or None for an empty cell). The Excel writer keeps
numbers as numbers and dates as dates, and the PDF writer formats them the Indonesian way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from puskesos_desk.domain.documents import Letterhead
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.file_names import safe_file_stem

MONTH_NAMES = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
               "November", "Desember")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
MAX_SHEET_NAME = 31  # Excel's limit
_FORBIDDEN_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")
_MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
NO_DATA = "Tidak ada data pada periode ini."


class ReportKind(StrEnum):
    RECAP = "recap"  # Rekap bulanan
    BNBA = "bnba"  # Register layanan by name by address
    USULAN = "usulan"  # Daftar usulan DTSEN for the SIKS-NG operator
    MUSDES = "musdes"  # Daftar hadir dan keputusan musdes/muskel
    OVERDUE = "overdue"  # Rujukan lewat batas waktu per instansi
    HARIAN = "harian"  # Tugas hari ini


KIND_TITLES: dict[ReportKind, str] = {
    ReportKind.RECAP: "Rekap bulanan",
    ReportKind.BNBA: "Register layanan (BNBA)",
    ReportKind.USULAN: "Daftar usulan DTSEN",
    ReportKind.MUSDES: "Daftar hadir & keputusan musdes/muskel",
    ReportKind.OVERDUE: "Rujukan lewat batas waktu per instansi",
    ReportKind.HARIAN: "Tugas hari ini",
}

#: Reports that name residents: producing one is recorded as a disclosure in the audit log.
PERSONAL_KINDS = frozenset({ReportKind.BNBA, ReportKind.USULAN, ReportKind.MUSDES, ReportKind.OVERDUE,
                            ReportKind.HARIAN})


class ReportFormat(StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"


def format_for_path(name: str) -> ReportFormat:
    """The format a file name asks for, from its extension."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    for choice in ReportFormat:
        if suffix == choice.value:
            return choice
    raise InputRejected("Nama berkas laporan harus berakhiran .xlsx (Excel) atau .pdf.", field="out")


@dataclass(frozen=True, order=True)
class ReportMonth:
    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 2000 <= self.year <= 2100:
            raise InputRejected(f"Bulan laporan tidak valid: {self.year:04d}-{self.month:02d}.", field="month")

    @classmethod
    def parse(cls, text: str) -> ReportMonth:
        """'2026-11' → ReportMonth(2026, 11); anything else is refused with a message in Bahasa."""
        found = _MONTH_PATTERN.match(text.strip())
        if found is None:
            raise InputRejected(f"Bulan laporan ditulis TTTT-BB, misalnya 2026-11 (bukan '{text}').", field="month")
        return cls(int(found.group(1)), int(found.group(2)))

    @classmethod
    def of(cls, day: date) -> ReportMonth:
        return cls(day.year, day.month)

    def shifted(self, months: int) -> ReportMonth:
        index = self.year * 12 + (self.month - 1) + months
        return ReportMonth(index // 12, index % 12 + 1)

    def previous(self) -> ReportMonth:
        return self.shifted(-1)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return self.shifted(1).first_day - timedelta(days=1)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    @property
    def short_label(self) -> str:
        """For chart axes: 'Nov 26'."""
        return f"{MONTH_ABBREVIATIONS[self.month - 1]} {self.year % 100:02d}"

    def trailing(self, count: int) -> tuple[ReportMonth, ...]:
        """The `count` months that end with this one, oldest first."""
        return tuple(self.shifted(-offset) for offset in range(count - 1, -1, -1))


@dataclass(frozen=True)
class ReportRequest:
    """What the user asked for. `village_code` narrows a district report to one village ('' = all). `day` is the
    day of a HARIAN list (default: today). `unmask` asks for full NIK/KK numbers; the service grants it only to a
    user who holds UNMASK_ID and records it."""

    kind: ReportKind
    month: ReportMonth
    village_code: str = ""
    day: date | None = None
    unmask: bool = False

    def file_stem(self, site_code: str) -> str:
        """'recap-2026-11-33.22.01.2007': known before the report is built, so a save dialog can open at once."""
        period = self.day.isoformat() if self.kind is ReportKind.HARIAN and self.day else self.month.key
        return safe_file_stem(f"{self.kind.value}-{period}-{self.village_code or site_code}", "laporan")


class CellKind(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"  # one decimal place (a median of working days)
    PERCENT = "percent"  # a share 0–1, shown as 12,5%
    DATE = "date"
    ID = "id"  # NIK / KK numbers: always text, never a number (Excel would round 16 digits)


@dataclass(frozen=True)
class ReportColumn:
    title: str
    kind: CellKind = CellKind.TEXT
    width: float = 12.0  # in characters, as Excel measures a column; the PDF uses the widths as proportions


@dataclass(frozen=True)
class ReportTable:
    title: str
    columns: tuple[ReportColumn, ...]
    rows: tuple[tuple[object, ...], ...]
    total: tuple[object, ...] | None = None  # a totals row, shown bold under the rows
    note: str = ""  # one line under the table (what is counted, where a number comes from)
    empty_text: str = NO_DATA  # shown instead of the rows when there are none
    highlight_rows: frozenset[int] = frozenset()  # row indexes shown in the warning colour (overdue, urgent)
    write_in: bool = False  # a form filled in by hand (attendance): rows tall enough to write and sign in, ruled

    def __post_init__(self) -> None:
        width = len(self.columns)
        for row in (*self.rows, *((self.total,) if self.total is not None else ())):
            if len(row) != width:
                raise ValueError(f"table '{self.title}': a row has {len(row)} cells for {width} columns")


@dataclass(frozen=True)
class ChartSeries:
    name: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class ReportChart:
    """Bars per category (month); several series side by side, or stacked when `stacked`."""

    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    stacked: bool = False

    def __post_init__(self) -> None:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(f"chart '{self.title}': series '{series.name}' does not match the categories")


@dataclass(frozen=True)
class ReportSection:
    title: str  # the heading in the PDF, and row 1 of the sheet
    sheet_name: str  # the Excel sheet; unique within a report
    tables: tuple[ReportTable, ...] = ()
    charts: tuple[ReportChart, ...] = ()
    paragraphs: tuple[str, ...] = ()  # text before the tables (instructions, what the list is for)
    landscape: bool = False  # wide tables: the PDF prints this section on landscape pages

    def __post_init__(self) -> None:
        if not self.sheet_name or len(self.sheet_name) > MAX_SHEET_NAME or \
                _FORBIDDEN_SHEET_CHARACTERS.search(self.sheet_name):
            raise ValueError(f"invalid sheet name {self.sheet_name!r}")


@dataclass(frozen=True)
class SignatureLine:
    caption: str  # "Mengetahui," / "Dibuat oleh,"
    role: str  # "Koordinator Puskesos Desa Sumogawe"
    name: str = ""  # empty: a dotted line to write the name on
    id_line: str = ""  # "NIP. …", may be empty


@dataclass(frozen=True)
class ReportDocument:
    kind: ReportKind
    title: str  # "REKAP BULANAN PELAYANAN PUSKESOS"
    period_label: str  # "November 2026", or "Senin, 23 November 2026" for a daily list
    scope_label: str  # "Desa Sumogawe", "Seluruh Kabupaten Semarang", "Desa Genuk, Kabupaten Semarang"
    site_name: str
    site_code: str
    made_by: str
    made_at: datetime  # aware
    letterhead: Letterhead
    place: str  # written before the date above the signatures
    sections: tuple[ReportSection, ...]
    signatures: tuple[SignatureLine, ...] = ()
    is_empty: bool = False  # nothing happened in the period: both formats say so plainly
    empty_text: str = NO_DATA
    cover_facts: tuple[tuple[str, str], ...] = ()  # more label/value lines for the cover
    file_stem: str = field(default="laporan")  # "rekap-2026-11-33.22.01.2007", for suggested file names

    def __post_init__(self) -> None:
        names = [section.sheet_name for section in self.sections]
        if len(set(names)) != len(names):
            raise ValueError("sheet names repeat within the report")
