"""Reading an exchange workbook: raw python-calamine against the guard and the guarded, batched child-process read.

    .venv/bin/python benchmarks/xlsx_read.py        # PUSKESOS_BENCH_PERSONS=100000, PUSKESOS_BENCH_RUNS=3

The workbook is shaped like an exchange package (written the way spreadsheet/writer.py writes: xlsxwriter in
constant_memory mode, inline strings): "Anggota Keluarga" with one row per person x 20 columns (text NIK and KK,
names, dates, small integers) and "Rumah Tangga" with 0.28 rows per person x 15 columns. It is built once and
cached in the temp folder. Each measurement runs in its own fresh process, the three kinds interleaved RUNS times;
the time is taken inside that process around the operation only, and peak RSS is its ru_maxrss (the guarded read
also reports its reader process, RUSAGE_CHILDREN). Medians are merged into benchmarks/results.json under
"xlsx_read".
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

PERSONS = int(os.environ.get("PUSKESOS_BENCH_PERSONS", "100000"))
RUNS = int(os.environ.get("PUSKESOS_BENCH_RUNS", "3"))
RESULTS = Path(__file__).resolve().parent / "results.json"
ROOT = Path(__file__).resolve().parents[1]

# Each snippet prints one JSON line: seconds spent in the operation and peak RSS in KiB (Linux ru_maxrss).
RAW = """
import json, resource, sys, time
from python_calamine import CalamineWorkbook
started = time.perf_counter()
workbook = CalamineWorkbook.from_path(sys.argv[1])
cells = 0
for name in workbook.sheet_names:
    rows = workbook.get_sheet_by_name(name).to_python()
    cells += sum(len(row) for row in rows)
    del rows
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "cells": cells, "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

GUARD = """
import json, resource, sys, time
from puskesos_desk.spreadsheet.guard import inspect_xlsx
started = time.perf_counter()
shape = inspect_xlsx(sys.argv[1])
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "sheets": [[s.name, s.max_row, s.max_col] for s in shape.sheets],
                  "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

GUARDED_READ = """
import json, resource, sys, time
from puskesos_desk.spreadsheet.reader import read_sheets
started = time.perf_counter()
first_batch = None
rows = cells = 0
for batch in read_sheets(sys.argv[1]):
    if first_batch is None:
        first_batch = time.perf_counter() - started
    rows += len(batch.rows)
    cells += sum(len(row) for row in batch.rows)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "first_batch_s": first_batch, "rows": rows, "cells": cells,
                  "rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "reader_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""

PERSON_HEADER = [
    "uuid", "nomor", "nik", "no_kk", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "hubungan", "agama",
    "status_kawin", "pendidikan", "pekerjaan", "disabilitas", "telepon", "alamat", "versi", "versi_dasar",
    "diubah_pada", "hash",
]  # fmt: skip
HOUSEHOLD_HEADER = [
    "uuid", "nomor", "no_kk", "kepala", "alamat", "rt", "rw", "desa", "kecamatan", "status_rumah", "jumlah_anggota",
    "terdaftar", "versi", "versi_dasar", "hash",
]  # fmt: skip
NAMES = ["Siti Aminah", "Budi Santoso", "Sri Wahyuni", "Agus Salim", "Dewi Lestari", "Slamet Riyadi", "Nur Hidayah"]
PLACES = ["Kab. Semarang", "Salatiga", "Ungaran", "Boyolali", "Magelang"]


def build_workbook(path: Path, persons: int) -> None:
    import xlsxwriter

    rng = random.Random(7)
    households = max(1, persons * 28 // 100)
    workbook = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False},
    )
    text = workbook.add_format({"num_format": "@"})
    day = workbook.add_format({"num_format": "dd-mm-yyyy"})
    people = workbook.add_worksheet("Anggota Keluarga")
    people.write_row(0, 0, PERSON_HEADER)
    born = datetime(1940, 1, 1)
    for row in range(1, persons + 1):
        people.write_string(row, 0, f"{rng.getrandbits(128):032x}")
        people.write_string(row, 1, f"P-33220120-{row:06d}")
        people.write_string(row, 2, f"332201{rng.randrange(10**10):010d}", text)
        people.write_string(row, 3, f"332201{row // 4:010d}", text)
        people.write_string(row, 4, f"{rng.choice(NAMES)} {row % 997}")
        people.write_string(row, 5, rng.choice(PLACES))
        people.write_datetime(row, 6, born + timedelta(days=rng.randrange(30_000)), day)
        people.write_string(row, 7, rng.choice("LP"))
        people.write_string(row, 8, rng.choice(["Kepala Keluarga", "Istri", "Anak", "Famili Lain"]))
        people.write_string(row, 9, "Islam")
        people.write_string(row, 10, rng.choice(["Kawin", "Belum Kawin", "Cerai Hidup"]))
        people.write_string(row, 11, rng.choice(["SD", "SMP", "SMA", "D3", "S1"]))
        people.write_string(row, 12, rng.choice(["Petani", "Buruh", "Pedagang", "Tidak Bekerja"]))
        if row % 9 == 0:
            people.write_string(row, 13, "Disabilitas fisik")
        people.write_string(row, 14, f"0812{rng.randrange(10**8):08d}", text)
        people.write_string(row, 15, f"Dusun Krajan RT {row % 12:03d} RW {row % 5:03d}")
        people.write_number(row, 16, 1 + row % 4)
        people.write_number(row, 17, row % 4)
        people.write_string(row, 18, f"2026-11-{1 + row % 28:02d}T08:{row % 60:02d}:00+07:00")
        people.write_string(row, 19, f"{rng.getrandbits(256):064x}")
    homes = workbook.add_worksheet("Rumah Tangga")
    homes.write_row(0, 0, HOUSEHOLD_HEADER)
    for row in range(1, households + 1):
        homes.write_string(row, 0, f"{rng.getrandbits(128):032x}")
        homes.write_string(row, 1, f"R-33220120-{row:06d}")
        homes.write_string(row, 2, f"332201{row:010d}", text)
        homes.write_string(row, 3, rng.choice(NAMES))
        homes.write_string(row, 4, f"Dusun Krajan RT {row % 12:03d}")
        homes.write_number(row, 5, row % 12)
        homes.write_number(row, 6, row % 5)
        homes.write_string(row, 7, "Sumogawe")
        homes.write_string(row, 8, "Getasan")
        homes.write_string(row, 9, rng.choice(["Milik Sendiri", "Sewa", "Menumpang"]))
        homes.write_number(row, 10, 1 + row % 6)
        homes.write_datetime(
            row, 11, datetime.combine(date(2020, 1, 1) + timedelta(days=row % 2000), datetime.min.time()), day
        )
        homes.write_number(row, 12, 1 + row % 3)
        homes.write_number(row, 13, row % 3)
        homes.write_string(row, 14, f"{rng.getrandbits(256):064x}")
    workbook.close()


def cached_workbook(persons: int) -> Path:
    path = Path(tempfile.gettempdir()) / f"puskesos-bench-xlsx-read-{persons}-v1.xlsx"
    if not path.exists():
        partial = path.with_suffix(".partial")
        build_workbook(partial, persons)
        partial.replace(path)
    return path


def run(snippet: str, workbook: Path) -> dict[str, object]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [sys.executable, "-c", snippet, str(workbook)], env=environment, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def median(samples: list[dict[str, object]], key: str) -> float:
    return statistics.median(float(sample[key]) for sample in samples)  # type: ignore[arg-type]


def main() -> None:
    workbook = cached_workbook(PERSONS)
    raw: list[dict[str, object]] = []
    guard: list[dict[str, object]] = []
    guarded: list[dict[str, object]] = []
    for _ in range(RUNS):  # interleaved, so a noisy moment on the machine hurts every kind alike
        raw.append(run(RAW, workbook))
        guard.append(run(GUARD, workbook))
        guarded.append(run(GUARDED_READ, workbook))
    if guarded[0]["cells"] != raw[0]["cells"]:
        raise SystemExit(f"cell counts differ: raw {raw[0]['cells']}, guarded {guarded[0]['cells']}")
    raw_s, guard_s, read_s = median(raw, "seconds"), median(guard, "seconds"), median(guarded, "seconds")
    mib = 1024.0
    result = {
        "persons": PERSONS,
        "households": PERSONS * 28 // 100,
        "runs": RUNS,
        "file_bytes": workbook.stat().st_size,
        "cells": raw[0]["cells"],
        "raw_calamine_to_python_s": round(raw_s, 3),
        "guard_s": round(guard_s, 3),
        "guarded_batched_read_s": round(read_s, 3),
        "guarded_first_batch_s": round(median(guarded, "first_batch_s"), 3),
        "ratio_guard_to_raw": round(guard_s / raw_s, 2),
        "ratio_guarded_read_to_raw": round(read_s / raw_s, 2),
        "per_run_ratio_guarded_read_to_raw": [
            round(float(g["seconds"]) / float(r["seconds"]), 2)  # type: ignore[arg-type]
            for g, r in zip(guarded, raw, strict=True)
        ],
        "peak_rss_mib": {
            "raw_calamine": round(median(raw, "rss_kib") / mib, 1),
            "guard": round(median(guard, "rss_kib") / mib, 1),
            "guarded_read_parent": round(median(guarded, "rss_kib") / mib, 1),
            "guarded_read_reader_process": round(median(guarded, "reader_rss_kib") / mib, 1),
        },
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data["xlsx_read"] = result
    RESULTS.write_text(json.dumps(data, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
