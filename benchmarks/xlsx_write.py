"""Exchange-workbook export: ExchangeWorkbookWriter against a raw write of the same cells, and openpyxl for comparison.

    .venv/bin/python benchmarks/xlsx_write.py      # PUSKESOS_BENCH_PERSONS=20000 for a shorter run

The content is a package of PUSKESOS_BENCH_PERSONS persons (default 100,000) in households of four: a "Rumah Tangga"
sheet, an "Anggota Keluarga" sheet with every column kind (NIK/KK/phone as text, dates, ISO datetimes, YA/TIDAK,
dropdowns, one long enough to live on the hidden `_daftar` sheet) and a hidden `_meta` sheet. Rows come from the same
seeded generator in every case, as dicts of Python values the way the export service reads them, and generation is
included in every time (its cost alone is reported as "source_only").

Cases, each in a child process of its own so that its peak RSS (ru_maxrss) is its own:
- raw_xlsxwriter: xlsxwriter constant_memory driven directly: column formats, header format, frozen header,
  autofilter, validations, and per row one write_row of the values taken from the dict (datetimes → ISO text and
  bools → YA/TIDAK converted in place). No checks and no wrapper: the floor for these cells with these formats.
- writer: the same content through ExchangeWorkbookWriter (plus its Petunjuk sheet and header comments).
- openpyxl_write_only: openpyxl write_only with the same formats ("@" text cells, dd-mm-yyyy dates, bold header) and
  formula-like strings forced to text; openpyxl_write_only_plain: values only, no per-cell format (a lower bound).
raw_xlsxwriter and writer alternate PUSKESOS_BENCH_REPEATS times (default 3) and the medians are compared; the
openpyxl cases run once. Afterwards the data sheets of the raw and writer files are read back with python-calamine
and compared cell by cell. Results are merged into benchmarks/results.json under "xlsx_write".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from importlib.metadata import version
from operator import itemgetter
from pathlib import Path

import xlsxwriter
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from puskesos_desk.spreadsheet.columns import MAX_ROWS, NO, YES, Column, ColumnKind
from puskesos_desk.spreadsheet.writer import DATE_FORMAT, ExchangeWorkbookWriter

RESULTS = Path(__file__).resolve().parent / "results.json"
PERSONS = int(os.environ.get("PUSKESOS_BENCH_PERSONS", "100000"))
REPEATS = int(os.environ.get("PUSKESOS_BENCH_REPEATS", "3"))
HOUSEHOLD_SIZE = 4
RATIO_GOAL = 1.3
WIB = timezone(timedelta(hours=7))
K = ColumnKind

JOBS = (
    "Belum/Tidak Bekerja", "Mengurus Rumah Tangga", "Pelajar/Mahasiswa", "Pensiunan", "Pegawai Negeri Sipil",
    "Tentara Nasional Indonesia", "Kepolisian RI", "Perdagangan", "Petani/Pekebun", "Peternak", "Nelayan/Perikanan",
    "Industri", "Konstruksi", "Transportasi", "Karyawan Swasta", "Karyawan BUMN", "Karyawan BUMD", "Karyawan Honorer",
    "Buruh Harian Lepas", "Buruh Tani/Perkebunan", "Buruh Nelayan/Perikanan", "Buruh Peternakan",
    "Pembantu Rumah Tangga",
    "Tukang Cukur", "Tukang Listrik", "Tukang Batu", "Tukang Kayu", "Tukang Sol Sepatu", "Tukang Las/Pandai Besi",
    "Tukang Jahit", "Penata Rambut", "Mekanik", "Seniman", "Tabib", "Paraji", "Perancang Busana", "Penterjemah",
    "Imam Masjid", "Pendeta", "Pastor", "Wartawan", "Ustadz/Mubaligh", "Juru Masak", "Guru", "Dosen", "Bidan",
    "Perawat", "Apoteker", "Sopir", "Pedagang", "Perangkat Desa", "Kepala Desa", "Wiraswasta", "Lainnya",
)
RELATIONS = ("Kepala Keluarga", "Istri", "Anak", "Anak")
EDUCATION = ("Tidak/Belum Sekolah", "Belum Tamat SD/Sederajat", "Tamat SD/Sederajat", "SLTP/Sederajat",
             "SLTA/Sederajat", "Diploma I/II", "Akademi/Diploma III/S. Muda", "Diploma IV/Strata I", "Strata II",
             "Strata III")
FIRST = ("SITI", "MUHAMMAD", "SRI", "AHMAD", "DEWI", "BUDI", "NUR", "EKO", "RINI", "AGUS", "Ñoman", "Śląsk", "WAHYU")
LAST = ("RAHAYU", "SANTOSO", "WIDODO", "LESTARI", "HIDAYAT", "PURNOMO", "Nguyễn", "SUSANTO", "WATI", "SETIAWAN")
PLACES = ("SEMARANG", "SALATIGA", "BOYOLALI", "UNGARAN", "AMBARAWA", "MAGELANG", "KLATEN")
NOTES = (None, None, None, None, None, None, "=1+1 bukan rumus", "+62 812 3456 7890", "-", "@SUM(A1)", "\tcatatan")

HOUSEHOLD_COLUMNS = (
    Column("uuid", "UUID", K.TEXT, 38, help="Kunci rekaman; jangan diubah.", required=True),
    Column("nomor", "Nomor", K.TEXT, 22, required=True),
    Column("versi", "Versi Baris", K.INT, required=True),
    Column("versi_dasar", "Versi Dasar", K.INT),
    Column("hash", "Hash Baris", K.TEXT, 66, required=True),
    Column("no_kk", "No. KK", K.ID_TEXT, help="16 digit, ditulis sebagai teks.", required=True),
    Column("nama_kepala", "Nama Kepala Keluarga", K.TEXT, 30, required=True),
    Column("nik_kepala", "NIK Kepala Keluarga", K.ID_TEXT, required=True),
    Column("alamat", "Alamat", K.TEXT, 36, required=True),
    Column("rt", "RT", K.ID_TEXT, 6, required=True),
    Column("rw", "RW", K.ID_TEXT, 6, required=True),
    Column("dusun", "Dusun", K.TEXT, 16),
    Column("kode_pos", "Kode Pos", K.ID_TEXT, 10),
    Column("lat", "Lintang", K.DECIMAL),
    Column("lng", "Bujur", K.DECIMAL),
    Column("telepon", "Telepon", K.ID_TEXT),
    Column("jumlah_anggota", "Jumlah Anggota", K.INT),
    Column("diubah_pada", "Diubah Pada", K.DATETIME, required=True),
)
PERSON_COLUMNS = (
    Column("uuid", "UUID", K.TEXT, 38, required=True),
    Column("nomor", "Nomor", K.TEXT, 22, required=True),
    Column("versi", "Versi Baris", K.INT, required=True),
    Column("versi_dasar", "Versi Dasar", K.INT),
    Column("hash", "Hash Baris", K.TEXT, 66, required=True),
    Column("rumah_tangga", "UUID Rumah Tangga", K.TEXT, 38, required=True),
    Column("nik", "NIK", K.ID_TEXT, help="16 digit, ditulis sebagai teks.", required=True),
    Column("no_kk", "No. KK", K.ID_TEXT, required=True),
    Column("nama", "Nama Lengkap", K.TEXT, 30, required=True),
    Column("tempat_lahir", "Tempat Lahir", K.TEXT, 16, required=True),
    Column("tanggal_lahir", "Tanggal Lahir", K.DATE, required=True),
    Column("jenis_kelamin", "Jenis Kelamin", K.ENUM, choices=("L", "P"), required=True),
    Column("hubungan", "Hubungan dalam Keluarga", K.ENUM, choices=("Kepala Keluarga", "Istri", "Anak", "Lainnya"),
           required=True),
    Column("status_kawin", "Status Kawin", K.ENUM, choices=("Belum Kawin", "Kawin", "Cerai Hidup", "Cerai Mati")),
    Column("pendidikan", "Pendidikan Terakhir", K.ENUM, choices=EDUCATION),
    Column("pekerjaan", "Pekerjaan", K.ENUM, choices=JOBS),
    Column("disabilitas", "Disabilitas", K.BOOL),
    Column("hamil", "Hamil", K.BOOL),
    Column("keberadaan", "Status Keberadaan", K.ENUM, choices=("Ada", "Meninggal", "Pindah", "Tidak Ditemukan"),
           required=True),
    Column("telepon", "Telepon", K.ID_TEXT),
    Column("penghasilan", "Penghasilan per Bulan", K.DECIMAL),
    Column("diubah_pada", "Diubah Pada", K.DATETIME, required=True),
    Column("catatan", "Catatan", K.TEXT, 30),
)
SHEETS = (("Rumah Tangga", HOUSEHOLD_COLUMNS), ("Anggota Keluarga", PERSON_COLUMNS))


# --- the content ---------------------------------------------------------------------------------------------------


def _digits(rng: random.Random, prefix: str, length: int) -> str:
    return prefix + str(rng.randrange(10 ** (length - len(prefix)))).zfill(length - len(prefix))


def households(persons: int) -> Iterator[dict[str, object]]:
    rng = random.Random(7)
    for number in range((persons + HOUSEHOLD_SIZE - 1) // HOUSEHOLD_SIZE):
        key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        yield {
            "uuid": key, "nomor": f"RT/3322012007/{number + 1:06d}", "versi": rng.randrange(1, 9),
            "versi_dasar": rng.choice((None, 1, 2)), "hash": hashlib.sha256(key.encode()).hexdigest(),
            "no_kk": _digits(rng, "332201", 16), "nama_kepala": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "nik_kepala": _digits(rng, "332201", 16), "alamat": f"Dusun Krajan RT {rng.randrange(1, 12):03d}",
            "rt": f"{rng.randrange(1, 12):03d}", "rw": f"{rng.randrange(1, 6):03d}", "dusun": "Krajan",
            "kode_pos": "50733", "lat": -7.3 - rng.random() / 10, "lng": 110.4 + rng.random() / 10,
            "telepon": rng.choice((None, _digits(rng, "0812", 12))), "jumlah_anggota": HOUSEHOLD_SIZE,
            "diubah_pada": datetime(2026, 11, 22, 9, 15, tzinfo=WIB) + timedelta(seconds=rng.randrange(10**7)),
        }


def persons(count: int) -> Iterator[dict[str, object]]:
    rng = random.Random(11)
    for number in range(count):
        key = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        female = rng.random() < 0.5
        yield {
            "uuid": key, "nomor": f"AK/3322012007/{number + 1:06d}", "versi": rng.randrange(1, 9),
            "versi_dasar": rng.choice((None, 1, 2)), "hash": hashlib.sha256(key.encode()).hexdigest(),
            "rumah_tangga": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "nik": _digits(rng, "3322", 16), "no_kk": _digits(rng, "332201", 16),
            "nama": f"{rng.choice(FIRST)} {rng.choice(LAST)}", "tempat_lahir": rng.choice(PLACES),
            "tanggal_lahir": date(1940, 1, 1) + timedelta(days=rng.randrange(30_000)),
            "jenis_kelamin": "P" if female else "L", "hubungan": RELATIONS[number % HOUSEHOLD_SIZE],
            "status_kawin": rng.choice(("Belum Kawin", "Kawin", "Cerai Hidup", "Cerai Mati")),
            "pendidikan": rng.choice(EDUCATION), "pekerjaan": rng.choice(JOBS),
            "disabilitas": rng.random() < 0.05, "hamil": female and rng.random() < 0.03,
            "keberadaan": "Ada", "telepon": rng.choice((None, None, _digits(rng, "0813", 12))),
            "penghasilan": rng.choice((None, float(rng.randrange(0, 5_000_000, 50_000)))),
            "diubah_pada": datetime(2026, 11, 22, 9, 15, tzinfo=WIB) + timedelta(seconds=rng.randrange(10**7)),
            "catatan": rng.choice(NOTES),
        }


def meta_rows(persons_count: int) -> list[list[str]]:
    households_count = (persons_count + HOUSEHOLD_SIZE - 1) // HOUSEHOLD_SIZE
    return [["format_version", "1"], ["package", str(uuid.UUID(int=1))], ["rows.Rumah Tangga", str(households_count)],
            ["rows.Anggota Keluarga", str(persons_count)], ["signature", "A" * 88]]


def sources(persons_count: int) -> dict[str, Callable[[], Iterator[dict[str, object]]]]:
    return {"Rumah Tangga": lambda: households(persons_count), "Anggota Keluarga": lambda: persons(persons_count)}


# --- the cases -----------------------------------------------------------------------------------------------------


def case_source_only(_path: Path, persons_count: int) -> None:
    for make in sources(persons_count).values():
        for _row in make():
            pass


def case_writer(path: Path, persons_count: int) -> None:
    with ExchangeWorkbookWriter(path) as writer:
        writer.add_instructions("Paket pertukaran data", ["Berkas ini berisi data pribadi (UU 27/2022)."])
        for name, columns in SHEETS:
            writer.add_sheet(name, columns, sources(persons_count)[name]())
        writer.add_hidden_sheet("_meta", meta_rows(persons_count))
        writer.set_custom_properties({"format_version": "1", "package": str(uuid.UUID(int=1))})


def case_raw_xlsxwriter(path: Path, persons_count: int) -> None:
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_formulas": False,
                                               "strings_to_urls": False, "default_date_format": DATE_FORMAT})
    header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    text = workbook.add_format({"num_format": "@"})
    by_kind = {kind: text for kind in K if kind.is_text}
    by_kind[K.DATE] = workbook.add_format({"num_format": DATE_FORMAT})
    by_kind[K.INT] = workbook.add_format({"num_format": "0"})
    for name, columns in SHEETS:
        sheet = workbook.add_worksheet(name)
        for index, column in enumerate(columns):
            sheet.set_column(index, index, column.display_width, by_kind.get(column.kind))
            if column.dropdown:
                source = list(column.dropdown) if len(column.dropdown) < 20 else f"='_daftar'!$A$1:$A${len(JOBS)}"
                sheet.data_validation(1, index, MAX_ROWS - 1, index, {"validate": "list", "source": source})
        sheet.write_row(0, 0, [column.header for column in columns], header)
        sheet.freeze_panes(1, 0)
        getter = itemgetter(*(column.key for column in columns))
        stamps = [i for i, column in enumerate(columns) if column.kind is K.DATETIME]
        flags = [i for i, column in enumerate(columns) if column.kind is K.BOOL]
        write_row = sheet.write_row
        number = 0
        for number, row in enumerate(sources(persons_count)[name](), start=1):
            values = list(getter(row))
            for i in stamps:
                values[i] = values[i].isoformat()
            for i in flags:
                values[i] = YES if values[i] else NO
            write_row(number, 0, values)
        sheet.autofilter(0, 0, number, len(columns) - 1)
    meta = workbook.add_worksheet("_meta")
    meta.hide()
    for number, row in enumerate(meta_rows(persons_count)):
        meta.write_row(number, 0, row)
    lists = workbook.add_worksheet("_daftar")
    lists.hide()
    for number, job in enumerate(JOBS):
        lists.write_string(number, 0, job)
    for key, value in {"format_version": "1", "package": str(uuid.UUID(int=1))}.items():
        workbook.set_custom_property(key, value, "text")
    workbook.close()


def _openpyxl(path: Path, persons_count: int, *, formatted: bool) -> None:
    workbook = Workbook(write_only=True)
    for name, columns in SHEETS:
        sheet = workbook.create_sheet(name)
        sheet.freeze_panes = "A2"
        for index, column in enumerate(columns):
            if column.dropdown and len(column.dropdown) < 20:
                validation = DataValidation(type="list", formula1='"' + ",".join(column.dropdown) + '"')
                validation.add(f"{_letter(index)}2:{_letter(index)}{MAX_ROWS}")
                sheet.data_validations.append(validation)
        headers = []
        for column in columns:
            cell = WriteOnlyCell(sheet, column.header)
            cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
            headers.append(cell)
        sheet.append(headers)
        getter = itemgetter(*(column.key for column in columns))
        kinds = [column.kind for column in columns]
        number = 0
        for row in sources(persons_count)[name]():
            number += 1
            values = []
            for kind, value in zip(kinds, getter(row), strict=True):
                if kind is K.DATETIME and value is not None:
                    value = value.isoformat()
                elif kind is K.BOOL and value is not None:
                    value = YES if value else NO
                if formatted and value is not None and (kind.is_text or kind is K.DATE):
                    cell = WriteOnlyCell(sheet, value)
                    cell.number_format = "@" if kind.is_text else DATE_FORMAT
                    if kind.is_text:
                        cell.data_type = "s"  # openpyxl turns a str starting with "=" into a formula otherwise
                    value = cell
                values.append(value)
            sheet.append(values)
        sheet.auto_filter.ref = f"A1:{_letter(len(columns) - 1)}{number + 1}"
    meta = workbook.create_sheet("_meta")
    meta.sheet_state = "hidden"
    for row in meta_rows(persons_count):
        meta.append(row)
    workbook.save(path)


def _letter(index: int) -> str:
    return get_column_letter(index + 1)


CASES: dict[str, Callable[[Path, int], None]] = {
    "source_only": case_source_only,
    "raw_xlsxwriter": case_raw_xlsxwriter,
    "writer": case_writer,
    "openpyxl_write_only": lambda path, count: _openpyxl(path, count, formatted=True),
    "openpyxl_write_only_plain": lambda path, count: _openpyxl(path, count, formatted=False),
}


def run_child(case: str, out: Path) -> None:
    """Runs in the child: one case, one JSON line on stdout."""
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    CASES[case](out, PERSONS)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": seconds, "peak_rss_mib": peak / 1024, "rss_before_mib": rss_before / 1024,
                      "file_bytes": out.stat().st_size if out.exists() else 0}))


# --- the driver ----------------------------------------------------------------------------------------------------


def measure(case: str, out: Path) -> dict[str, float]:
    completed = subprocess.run([sys.executable, __file__, "--case", case, "--out", str(out)], check=True,
                               capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    return json.loads(completed.stdout.strip().splitlines()[-1])


def same_cells(first: Path, second: Path) -> bool:
    left, right = CalamineWorkbook.from_path(str(first)), CalamineWorkbook.from_path(str(second))
    for name, _columns in SHEETS:
        rows_left = left.get_sheet_by_name(name).iter_rows()
        rows_right = right.get_sheet_by_name(name).iter_rows()
        for row_left, row_right in zip(rows_left, rows_right, strict=True):
            if row_left != row_right:
                return False
    return True


def summarise(runs: list[dict[str, float]]) -> dict[str, object]:
    return {
        "seconds_median": round(statistics.median(run["seconds"] for run in runs), 2),
        "seconds_runs": [round(run["seconds"], 2) for run in runs],
        "peak_rss_mib": round(max(run["peak_rss_mib"] for run in runs), 1),
        "rss_after_imports_mib": round(min(run["rss_before_mib"] for run in runs), 1),
        "rss_growth_while_writing_mib": round(max(run["peak_rss_mib"] - run["rss_before_mib"] for run in runs), 1),
        "file_bytes": int(runs[-1]["file_bytes"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=sorted(CASES))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--no-save", action="store_true", help="print the results without touching results.json")
    args = parser.parse_args()
    if args.case:
        run_child(args.case, args.out)
        return

    with tempfile.TemporaryDirectory(prefix="xlsx-bench-") as folder:
        paths = {case: Path(folder) / f"{case}.xlsx" for case in CASES}
        runs: dict[str, list[dict[str, float]]] = {case: [] for case in CASES}
        runs["source_only"].append(measure("source_only", paths["source_only"]))
        for _ in range(REPEATS):
            for case in ("raw_xlsxwriter", "writer"):
                runs[case].append(measure(case, paths[case]))
        for case in ("openpyxl_write_only", "openpyxl_write_only_plain"):
            runs[case].append(measure(case, paths[case]))
        cells_equal = same_cells(paths["raw_xlsxwriter"], paths["writer"])

    summary = {case: summarise(case_runs) for case, case_runs in runs.items()}
    summary["source_only"].pop("file_bytes")
    raw, wrapped = summary["raw_xlsxwriter"]["seconds_median"], summary["writer"]["seconds_median"]
    households_count = (PERSONS + HOUSEHOLD_SIZE - 1) // HOUSEHOLD_SIZE
    result = {
        "persons": PERSONS,
        "households": households_count,
        "data_cells": PERSONS * len(PERSON_COLUMNS) + households_count * len(HOUSEHOLD_COLUMNS),
        "cases": summary,
        "ratio_writer_to_raw": round(wrapped / raw, 3),
        "ratio_writer_to_raw_best_runs": round(min(summary["writer"]["seconds_runs"]) /
                                               min(summary["raw_xlsxwriter"]["seconds_runs"]), 3),
        "ratio_goal": RATIO_GOAL,
        "ratio_openpyxl_to_raw": round(summary["openpyxl_write_only"]["seconds_median"] / raw, 2),
        "ratio_openpyxl_plain_to_raw": round(summary["openpyxl_write_only_plain"]["seconds_median"] / raw, 2),
        "raw_and_writer_cells_equal": cells_equal,
        "chosen": "xlsxwriter (constant_memory)",
        "repeats_median_of": REPEATS,
        "versions": {name: version(name) for name in ("xlsxwriter", "openpyxl", "python-calamine")},
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    print(json.dumps(result, indent=2))
    if not args.no_save:
        data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
        data["xlsx_write"] = result
        RESULTS.write_text(json.dumps(data, indent=2) + "\n")


if __name__ == "__main__":
    main()
