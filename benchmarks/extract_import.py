"""Importing a district DTSEN extract: import_extract against a raw python-calamine read of the same file.

    .venv/bin/python benchmarks/extract_import.py       # PUSKESOS_BENCH_EXTRACT_ROWS=100000, PUSKESOS_BENCH_REPEATS=3
    .venv/bin/python benchmarks/extract_import.py --profile     # also cProfile one import (top 25 cumulative)

The extract is generated once and cached under /tmp: the district layout (title rows with merged cells, "Keadaan
per tanggal: …", the header on row 5, 19 columns), every row of this desa (the worst case: a file of the whole
kecamatan drops most rows before any parsing), names drawn from the demo vocabulary, a family of 1–5 per No. KK,
dates as text and as Excel dates, 1 % of NIKs with spaces and 0.5 % stored as numbers (damaged). Each measurement
runs in a child process of its own:

- import: import_extract into a fresh copy of an initialised site (guard, the reader process, conversion, the
  inserts, one transaction);
- raw: CalamineWorkbook.from_path + to_python() of the sheet, in the process itself (the floor for reading).

Goal: import ≤ 2.5 × raw. Results are merged into benchmarks/results.json under "extract_import" (one
read-modify-write, other keys kept).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROWS = int(os.environ.get("PUSKESOS_BENCH_EXTRACT_ROWS", "100000"))
REPEATS = int(os.environ.get("PUSKESOS_BENCH_REPEATS", "3"))
CACHE = Path(tempfile.gettempdir()) / "puskesos-bench-extract"
RESULTS = ROOT / "benchmarks" / "results.json"
SITE_CODE = "33.22.01.2007"  # Desa Sumogawe, Kec. Getasan
RATIO_GOAL = 2.5
SHEET = "DTSEN"
HEADERS = ("NO", "NIK", "NAMA", "NAMA IBU KANDUNG", "TEMPAT LAHIR", "TGL LAHIR", "JENIS KELAMIN", "NO KK",
           "HUB KELUARGA", "ALAMAT", "RT", "RW", "DESA/KELURAHAN", "KECAMATAN", "DESIL NASIONAL", "PKH", "BPNT",
           "PBI JK", "ID DTKS")


def _mib(kib: int) -> float:
    return round(kib / 1024, 1)


# --- the data ---------------------------------------------------------------------------------------------------


def extract_file(rows: int = ROWS) -> Path:
    """The cached extract of `rows` data rows (built on first use, about a minute for 100,000)."""
    import xlsxwriter

    path = CACHE / f"dtsen-{rows}.xlsx"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    vocabulary = json.loads((ROOT / "resources" / "demo" / "names.json").read_text(encoding="utf-8"))["items"]
    rng = random.Random(2026)
    partial = path.with_suffix(".partial.xlsx")
    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    sheet = book.add_worksheet(SHEET)
    date_format = book.add_format({"num_format": "dd-mm-yyyy"})
    title = book.add_format({"bold": True})
    sheet.merge_range(0, 0, 0, len(HEADERS) - 1, "DATA TUNGGAL SOSIAL DAN EKONOMI NASIONAL", title)
    sheet.merge_range(1, 0, 1, len(HEADERS) - 1, "KABUPATEN SEMARANG - KECAMATAN GETASAN - DESA SUMOGAWE", title)
    sheet.merge_range(2, 0, 2, len(HEADERS) - 1, "Keadaan per tanggal: 01 Oktober 2026", title)
    sheet.write_row(4, 0, HEADERS)
    used: set[str] = set()
    written = 0
    family = 0
    while written < rows:
        family += 1
        size = min(rng.randint(1, 5), rows - written)
        kk = f"332201{rng.randint(1, 28):02d}{rng.randint(1, 12):02d}{rng.randint(10, 25):02d}{family % 9999 + 1:04d}"
        desil = rng.randint(1, 10)
        flags = {code: desil <= cut and rng.random() < 0.7 for code, cut in (("PKH", 4), ("BPNT", 5), ("PBI", 5))}
        rt, rw = rng.randint(1, 12), rng.randint(1, 5)
        for member in range(size):
            sex = "L" if (member == 0) != (rng.random() < 0.5) else "P"
            born = date(1940, 1, 1) + timedelta(days=rng.randint(0, 30000))
            while True:
                nik = f"332201{born.day + (40 if sex == 'P' else 0):02d}{born.month:02d}{born.year % 100:02d}" \
                      f"{rng.randint(1, 9999):04d}"
                if nik not in used:
                    used.add(nik)
                    break
            given = rng.choice(vocabulary["laki" if sex == "L" else "perempuan"])
            name = f"{given} {rng.choice(vocabulary['nama_keluarga_atau_kedua'])}".upper()
            roll = rng.random()
            nik_cell: object = nik if roll > 0.015 else (f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}"
                                                         if roll > 0.005 else int(nik))
            row = 5 + written
            values: list[object] = [
                written + 1, nik_cell, name, "SAINEM", "SEMARANG", None, sex, kk,
                "KEPALA KELUARGA" if member == 0 else rng.choice(["ISTRI", "ANAK", "ANAK", "CUCU"]),
                f"DUSUN {rng.choice(vocabulary['dusun']).upper()}", rt, f"{rw:03d}", "SUMOGAWE", "GETASAN", desil,
                "Y" if flags["PKH"] else None, "Y" if flags["BPNT"] else None, "Y" if flags["PBI"] else None,
                f"3322{rng.randint(0, 10**12 - 1):012d}",
            ]
            for column, value in enumerate(values):
                if column == 5:
                    if rng.random() < 0.5:
                        sheet.write_datetime(row, column, datetime(born.year, born.month, born.day), date_format)
                    else:
                        sheet.write_string(row, column, born.strftime("%d-%m-%Y"))
                elif isinstance(value, str):
                    sheet.write_string(row, column, value)
                elif value is not None:
                    sheet.write_number(row, column, value)  # type: ignore[arg-type]
            written += 1
    book.close()
    partial.replace(path)
    return path


def site_template() -> Path:
    """A migrated, seeded database with Desa Sumogawe initialised (cached)."""
    path = CACHE / "site.db"
    if path.exists():
        return path
    from puskesos_desk.domain.enums import SiteRole
    from puskesos_desk.domain.permissions import Actor
    from puskesos_desk.services.bootstrap import open_database
    from puskesos_desk.services.context import ServiceContext
    from puskesos_desk.services.site import initialise_site

    CACHE.mkdir(parents=True, exist_ok=True)
    partial = CACHE / "site.partial.db"
    partial.unlink(missing_ok=True)
    opened = open_database(str(partial))
    initialise_site(ServiceContext(opened.db, Actor.cli("bench")), code=SITE_CODE, name="Puskesos Desa Sumogawe",
                    role=SiteRole.DESA, admin_username="admin", admin_password="admin-rahasia-bench-1")
    opened.db.dispose()
    partial.replace(path)
    return path


# --- the cases, each run in a child -----------------------------------------------------------------------------


def case_import(extract: Path, work: Path, profile: Path | None) -> dict[str, Any]:
    from puskesos_desk.data.db import Database
    from puskesos_desk.domain.enums import SiteRole
    from puskesos_desk.domain.permissions import Actor
    from puskesos_desk.services.context import ServiceContext
    from puskesos_desk.services.extract_import import import_extract

    database = work / f"site-{os.getpid()}.db"
    shutil.copyfile(site_template(), database)
    db = Database(f"sqlite:///{database}")
    db.enable_wal()
    ctx = ServiceContext(db, Actor.cli("bench", site_code=SITE_CODE, site_role=SiteRole.DESA))
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    outcome = import_extract(ctx, extract)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    db.dispose()
    if profiler and profile:
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(25)
        stats.sort_stats("tottime").print_stats(15)
        profile.write_text(text.getvalue(), encoding="utf-8")
    database.unlink(missing_ok=True)
    return {
        "seconds": seconds,
        "status": outcome.status,
        "rows": outcome.rows,
        "messages": len(outcome.messages),
        "parent_peak_rss_mib": _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
        "parent_rss_before_mib": _mib(rss_before),
        "reader_peak_rss_mib": _mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
    }


def case_raw(extract: Path) -> dict[str, Any]:
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    workbook = CalamineWorkbook.from_path(str(extract))
    rows = workbook.get_sheet_by_name(SHEET).to_python()
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": len(rows), "cells": sum(len(row) for row in rows),
            "peak_rss_mib": _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)}


# --- the driver -------------------------------------------------------------------------------------------------


def measure(*arguments: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *arguments], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> dict[str, object]:
    with open("/proc/meminfo", encoding="ascii") as meminfo:  # Linux, like every benchmark here
        total_kib = int(meminfo.readline().split()[1])
    return {
        "versions": {name: version(name) for name in ("python-calamine", "SQLAlchemy", "xlsxwriter")},
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "cpus": os.cpu_count(),
        "memory_gib": round(total_kib / (1 << 20), 1),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }


def save(result: dict[str, Any]) -> None:
    """One read-modify-write of results.json: other benchmarks' keys are kept as they are now."""
    data = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    data["extract_import"] = result
    RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=("import", "raw"))
    parser.add_argument("--extract", type=Path)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--profile-out", type=Path)
    parser.add_argument("--profile", action="store_true", help="also profile one import and print the stats")
    parser.add_argument("--no-save", action="store_true", help="print the results without touching results.json")
    args = parser.parse_args()
    if args.case == "import":
        print(json.dumps(case_import(args.extract, args.work, args.profile_out)))
        return
    if args.case == "raw":
        print(json.dumps(case_raw(args.extract)))
        return

    extract = extract_file()
    site_template()
    runs: dict[str, list[dict[str, Any]]] = {"import": [], "raw": []}
    with tempfile.TemporaryDirectory(prefix="puskesos-bench-extract-") as folder:
        for _ in range(REPEATS):  # interleaved, so a noisy moment on the machine hurts both alike
            runs["raw"].append(measure("--case", "raw", "--extract", str(extract)))
            runs["import"].append(measure("--case", "import", "--extract", str(extract), "--work", folder))
        profile_text = ""
        if args.profile:
            profile_path = Path(folder) / "import.prof.txt"
            measure("--case", "import", "--extract", str(extract), "--work", folder, "--profile-out",
                    str(profile_path))
            profile_text = profile_path.read_text(encoding="utf-8")
    raw_s = statistics.median(run["seconds"] for run in runs["raw"])
    import_s = statistics.median(run["seconds"] for run in runs["import"])
    first = runs["import"][0]
    result = {
        "extract_rows": ROWS,
        "file_bytes": extract.stat().st_size,
        "columns": len(HEADERS),
        "cells": runs["raw"][0]["cells"],
        "layout": "district: 3 title rows, header on row 5; every row of this desa (worst case)",
        "raw_calamine_to_python": {"seconds_median": round(raw_s, 2),
                                   "seconds_runs": [round(run["seconds"], 2) for run in runs["raw"]],
                                   "peak_rss_mib": max(run["peak_rss_mib"] for run in runs["raw"])},
        "import": {
            "status": first["status"],
            "rows": first["rows"],
            "messages": first["messages"],
            "seconds_median": round(import_s, 2),
            "seconds_runs": [round(run["seconds"], 2) for run in runs["import"]],
            "rows_per_s": round(ROWS / import_s),
            "peak_rss_mib": {"parent": max(run["parent_peak_rss_mib"] for run in runs["import"]),
                             "parent_before_import": min(run["parent_rss_before_mib"] for run in runs["import"]),
                             "reader_process": max(run["reader_peak_rss_mib"] for run in runs["import"])},
        },
        "ratio_import_to_raw": round(import_s / raw_s, 2),
        "ratio_goal": RATIO_GOAL,
        "repeats_median_of": REPEATS,
        **machine(),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if profile_text:
        print(profile_text)
    if not args.no_save:
        save(result)


if __name__ == "__main__":
    main()
