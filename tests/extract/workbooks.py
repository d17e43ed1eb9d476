"""Extract workbooks as district offices really send them, built by the tests themselves.

- `district_workbook`: title rows with merged cells ("DATA TUNGGAL SOSIAL DAN EKONOMI NASIONAL", "Keadaan per
  tanggal: 01 Oktober 2026"), the header on row 5, DESA/KECAMATAN merged down a family's rows;
- `siks_workbook`: a SIKS-NG style dump, snake_case headers on row 1, desa by Kemendagri code, no title;
- `dtks_workbook`: an old DTKS download with bansos flag columns, no desil, desa by name only.

A row is a dict keyed by the header; a NIK/KK given as int or float is written as a number cell (as Excel does
when the column was not formatted as text), a str as a text cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

DISTRICT_HEADERS = ("NO", "NIK", "NAMA", "NAMA IBU KANDUNG", "TEMPAT LAHIR", "TGL LAHIR", "JENIS KELAMIN", "NO KK",
                    "HUB KELUARGA", "ALAMAT", "RT", "RW", "DESA/KELURAHAN", "KECAMATAN", "DESIL NASIONAL", "PKH",
                    "BPNT", "PBI JK", "ID DTKS")
SIKS_HEADERS = ("nik", "nama", "no_kk", "tgl_lahir", "kode_desa", "desil_nasional", "bansos_pkh", "bansos_bpnt",
                "pbi_jkn", "pekerjaan_utama")
DTKS_HEADERS = ("ID DTKS", "PROVINSI", "KABUPATEN/KOTA", "KECAMATAN", "DESA/KELURAHAN", "ALAMAT", "DUSUN", "RT", "RW",
                "NOMOR KK", "NOMOR NIK", "NAMA", "TANGGAL LAHIR", "TEMPAT LAHIR", "JENIS KELAMIN", "NAMA IBU KANDUNG",
                "HUBUNGAN KELUARGA", "bansos_bpnt", "bansos_pkh", "bansos_bpnt_ppkm", "pbi_jkn")


def nik(day: int, month: int, year: int, serial: int, *, female: bool = False, region: str = "332201") -> str:
    """A structurally valid NIK: region, DDMMYY (day + 40 for women), serial."""
    return f"{region}{day + (40 if female else 0):02d}{month:02d}{year % 100:02d}{serial:04d}"


def _write(sheet: xlsxwriter.worksheet.Worksheet, row: int, column: int, value: object,
           date_format: xlsxwriter.format.Format) -> None:
    if value is None:
        return
    if isinstance(value, str):
        sheet.write_string(row, column, value)
    elif isinstance(value, datetime | date):
        sheet.write_datetime(row, column, value if isinstance(value, datetime) else datetime(value.year, value.month,
                                                                                             value.day), date_format)
    elif isinstance(value, bool):
        sheet.write_boolean(row, column, value)
    else:
        sheet.write_number(row, column, value)


def write_table(path: Path, headers: Sequence[str], rows: Sequence[dict[str, object]], *,
                titles: Sequence[str] = (), header_row: int | None = None, sheet_name: str = "Data",
                merge_down: Sequence[tuple[str, int, int]] = (), extra_sheets: Sequence[str] = ()) -> Path:
    """One table; `titles` go in rows 1.. merged across the table; the header follows (after a blank row when there
    are titles, or at `header_row`, 1-based). `merge_down`: (header, first data index, last data index) cells
    merged vertically, the value written once, as district files do for a desa block."""
    workbook = xlsxwriter.Workbook(str(path))
    for name in extra_sheets:
        workbook.add_worksheet(name)
    sheet = workbook.add_worksheet(sheet_name)
    date_format = workbook.add_format({"num_format": "dd-mm-yyyy"})
    title_format = workbook.add_format({"bold": True, "align": "center"})
    for index, title in enumerate(titles):
        sheet.merge_range(index, 0, index, len(headers) - 1, title, title_format)
    top = (header_row - 1) if header_row is not None else (len(titles) + 1 if titles else 0)
    for column, header in enumerate(headers):
        sheet.write_string(top, column, header)
    merged: dict[tuple[int, int], tuple[int, object]] = {}
    for header, first, last in merge_down:
        column = headers.index(header)
        merged[(first, column)] = (last, rows[first].get(header))
        for index in range(first + 1, last + 1):
            merged[(index, column)] = (-1, None)
    for index, row in enumerate(rows):
        for column, header in enumerate(headers):
            if (index, column) in merged:
                last, value = merged[(index, column)]
                if last >= 0:
                    sheet.merge_range(top + 1 + index, column, top + 1 + last, column, value)
                continue
            _write(sheet, top + 1 + index, column, row.get(header), date_format)
    workbook.close()
    return path


# --- the district layout ----------------------------------------------------------------------------------------

HEAD = nik(15, 5, 1980, 3)
WIFE = nik(20, 7, 1985, 4, female=True)
CHILD_ENDING_IN_0 = nik(3, 12, 2010, 10)
SPACED = "3322 0120 0670 0001"
SPACED_DIGITS = "3322012006700001"
NUMERIC = int(nik(5, 6, 1975, 2, female=True))
SCIENTIFIC = "3.32201E+15"
TWIN = nik(1, 1, 1990, 21)
ODD_DATE = nik(2, 2, 1960, 5)
KK_A = "3322010101150007"
KK_B = "3322010202160003"
ID_DTKS = "3322010000123456"


def district_rows() -> list[dict[str, object]]:
    """12 data rows. Sumogawe: 5 importable (one NIK with spaces, one odd date: 2 rows with a warning; the desa
    written once, merged down the first family), 1 NIK as a number and 1 in scientific notation (damaged), 2 rows
    with one NIK (duplicate: both rejected). Other desa: Tajuk, Kopeng, and Desa Getasan of Kec. Getasan (3)."""
    base = {"TEMPAT LAHIR": "SEMARANG", "ALAMAT": "DUSUN KRAJAN", "KECAMATAN": "GETASAN", "NAMA IBU KANDUNG": "SAINEM"}
    return [
        {**base, "NIK": HEAD, "NAMA": "SLAMET RIJADI", "TGL LAHIR": "15-05-1980", "JENIS KELAMIN": "L", "NO KK": KK_A,
         "HUB KELUARGA": "KEPALA KELUARGA", "RT": 1, "RW": "02", "DESA/KELURAHAN": "SUMOGAWE", "DESIL NASIONAL": 3,
         "PKH": "Y", "BPNT": None, "PBI JK": "1", "ID DTKS": ID_DTKS},
        {**base, "NIK": WIFE, "NAMA": "Siti Aminah", "TGL LAHIR": date(1985, 7, 20), "JENIS KELAMIN": "P",
         "NO KK": KK_A, "HUB KELUARGA": "ISTRI", "RT": 1, "RW": 2, "DESIL NASIONAL": 3, "PKH": "Y", "PBI JK": "1"},
        {**base, "NIK": CHILD_ENDING_IN_0, "NAMA": "AHMAD FAUZI", "TGL LAHIR": "03/12/2010", "JENIS KELAMIN": "L",
         "NO KK": KK_A, "HUB KELUARGA": "ANAK", "RT": "001", "RW": "002", "DESIL NASIONAL": 3, "PKH": "Y"},
        {**base, "NIK": SPACED, "NAMA": "MARIYEM", "TGL LAHIR": "20 Juni 1967", "JENIS KELAMIN": "PEREMPUAN",
         "NO KK": KK_B, "HUB KELUARGA": "KEPALA KELUARGA", "RT": 3, "RW": 1, "DESA/KELURAHAN": "Desa Sumogawe",
         "DESIL NASIONAL": 1, "PKH": None, "BPNT": "✓", "PBI JK": "Y"},
        {**base, "NIK": ODD_DATE, "NAMA": "PAIMIN", "TGL LAHIR": "31-02-1960", "JENIS KELAMIN": "L", "NO KK": KK_B,
         "HUB KELUARGA": "ORANG TUA", "RT": 3, "RW": 1, "DESA/KELURAHAN": "SUMOGAWE", "DESIL NASIONAL": 1},
        {**base, "NIK": NUMERIC, "NAMA": "SUMARNI", "TGL LAHIR": "05-06-1975", "JENIS KELAMIN": "P",
         "DESA/KELURAHAN": "SUMOGAWE", "DESIL NASIONAL": 2},
        {**base, "NIK": SCIENTIFIC, "NAMA": "TUKIRAN", "TGL LAHIR": "01-01-1950", "JENIS KELAMIN": "L",
         "DESA/KELURAHAN": "SUMOGAWE", "DESIL NASIONAL": 2},
        {**base, "NIK": TWIN, "NAMA": "JOKO SUSILO", "TGL LAHIR": "01-01-1990", "JENIS KELAMIN": "L",
         "DESA/KELURAHAN": "SUMOGAWE", "DESIL NASIONAL": 5},
        {**base, "NIK": TWIN, "NAMA": "DJOKO SUSILO", "TGL LAHIR": "01-01-1990", "JENIS KELAMIN": "L",
         "DESA/KELURAHAN": "SUMOGAWE", "DESIL NASIONAL": 5},
        {**base, "NIK": nik(9, 9, 1970, 31), "NAMA": "WAGIMAN", "DESA/KELURAHAN": "TAJUK", "DESIL NASIONAL": 4},
        {**base, "NIK": nik(9, 9, 1971, 32), "NAMA": "WAGIYEM", "DESA/KELURAHAN": "KOPENG", "DESIL NASIONAL": 4},
        {**base, "NIK": nik(9, 9, 1972, 33), "NAMA": "SUPARMI", "DESA/KELURAHAN": "DESA GETASAN",
         "DESIL NASIONAL": 6},
    ]


def district_workbook(path: Path, rows: Sequence[dict[str, object]] | None = None, *,
                      as_of_title: str = "Keadaan per tanggal: 01 Oktober 2026") -> Path:
    rows = list(district_rows() if rows is None else rows)
    for number, row in enumerate(rows, start=1):
        row.setdefault("NO", number)
    merge = [("DESA/KELURAHAN", 0, 2)] if rows and len(rows) >= 3 and rows[0].get("DESA/KELURAHAN") else []
    return write_table(path, DISTRICT_HEADERS, rows, titles=[
        "DATA TUNGGAL SOSIAL DAN EKONOMI NASIONAL", "KABUPATEN SEMARANG - KECAMATAN GETASAN", as_of_title,
    ], sheet_name="DTSEN", merge_down=merge)


# --- SIKS-NG dump -----------------------------------------------------------------------------------------------


def siks_rows() -> list[dict[str, object]]:
    """6 rows: 3 of Sumogawe by code (plain, dotted, as a number), 2 of Tajuk, 1 of Sumogawe with no name."""
    return [
        {"nik": HEAD, "nama": "SLAMET RIJADI", "no_kk": KK_A, "tgl_lahir": "1980-05-15", "kode_desa": "3322012007",
         "desil_nasional": 3, "bansos_pkh": "YA", "bansos_bpnt": "TIDAK", "pbi_jkn": True,
         "pekerjaan_utama": "PETANI"},
        {"nik": WIFE, "nama": "SITI AMINAH", "no_kk": KK_A, "tgl_lahir": "1985-07-20", "kode_desa": "33.22.01.2007",
         "desil_nasional": "3", "bansos_pkh": "PKH", "bansos_bpnt": None, "pbi_jkn": "Y",
         "pekerjaan_utama": "MENGURUS RUMAH TANGGA"},
        {"nik": CHILD_ENDING_IN_0, "nama": "AHMAD FAUZI", "no_kk": KK_A, "tgl_lahir": "2010-12-03",
         "kode_desa": 3322012007, "desil_nasional": 3, "bansos_pkh": "YA"},
        {"nik": nik(9, 9, 1970, 31), "nama": "WAGIMAN", "kode_desa": "3322012001", "desil_nasional": 4},
        {"nik": nik(9, 9, 1971, 32), "nama": "WAGIYEM", "kode_desa": "33.22.01.2001", "desil_nasional": 4},
        {"nik": nik(9, 9, 1973, 34), "nama": None, "kode_desa": "3322012007", "desil_nasional": 4},
    ]


def siks_workbook(path: Path, rows: Sequence[dict[str, object]] | None = None) -> Path:
    return write_table(path, SIKS_HEADERS, list(siks_rows() if rows is None else rows), sheet_name="data_dtsen")


# --- old DTKS download ------------------------------------------------------------------------------------------


def dtks_rows() -> list[dict[str, object]]:
    """5 rows: 3 of Sumogawe by name only ("SUMOGAWE", "Kel. Sumogawe", "desa sumogawe"), 1 of a Sumogawe in
    another kecamatan, 1 of Batur."""
    place = {"PROVINSI": "JAWA TENGAH", "KABUPATEN/KOTA": "KAB. SEMARANG", "KECAMATAN": "GETASAN",
             "DUSUN": "KRAJAN", "NAMA IBU KANDUNG": "SAINEM", "TEMPAT LAHIR": "SEMARANG"}
    return [
        {**place, "ID DTKS": "DTKS-0001", "DESA/KELURAHAN": "SUMOGAWE", "ALAMAT": "DUSUN KRAJAN", "RT": 1, "RW": 2,
         "NOMOR KK": KK_A, "NOMOR NIK": HEAD, "NAMA": "SLAMET RIJADI", "TANGGAL LAHIR": "15 Mei 1980",
         "JENIS KELAMIN": 1, "HUBUNGAN KELUARGA": "Kepala Keluarga", "bansos_bpnt": "Y", "bansos_pkh": "Y",
         "bansos_bpnt_ppkm": "T", "pbi_jkn": "Y"},
        {**place, "ID DTKS": "DTKS-0002", "DESA/KELURAHAN": "Kel. Sumogawe", "RT": "01", "RW": "02",
         "NOMOR KK": KK_A, "NOMOR NIK": WIFE, "NAMA": "SITI AMINAH", "TANGGAL LAHIR": "20 Juli 1985",
         "JENIS KELAMIN": 2, "HUBUNGAN KELUARGA": "Istri", "bansos_pkh": "Y"},
        {**place, "ID DTKS": "DTKS-0003", "DESA/KELURAHAN": "desa sumogawe", "RT": 1, "RW": 2, "NOMOR KK": KK_A,
         "NOMOR NIK": CHILD_ENDING_IN_0, "NAMA": "AHMAD FAUZI", "TANGGAL LAHIR": "3 Des 2010", "JENIS KELAMIN": 1,
         "HUBUNGAN KELUARGA": "Anak"},
        {**place, "ID DTKS": "DTKS-0004", "KECAMATAN": "TENGARAN", "DESA/KELURAHAN": "SUMOGAWE",
         "NOMOR NIK": nik(9, 9, 1970, 31), "NAMA": "WAGIMAN"},
        {**place, "ID DTKS": "DTKS-0005", "DESA/KELURAHAN": "BATUR", "NOMOR NIK": nik(9, 9, 1971, 32),
         "NAMA": "WAGIYEM"},
    ]


def dtks_workbook(path: Path, rows: Sequence[dict[str, object]] | None = None) -> Path:
    return write_table(path, DTKS_HEADERS, list(dtks_rows() if rows is None else rows),
                       titles=["DATA TERPADU KESEJAHTERAAN SOSIAL per tanggal 30-09-2025"], sheet_name="DTKS")
