"""Exporting a village package: export_package against a raw xlsxwriter write of the same cells.

    .venv/bin/python benchmarks/exchange_export.py     # PUSKESOS_BENCH_PERSONS=100000, PUSKESOS_BENCH_REPEATS=1

The village comes from exchange_data.py (N persons, cached). Each measurement runs in a child process of its own,
so its peak RSS (ru_maxrss) is its own; the two cases alternate REPEATS times and the medians are compared.

- export: export_package(full=True) from a fresh copy of the village to its district, everything included: the
  read snapshot, cell conversion, row hashes, the signed `_meta` manifest, the styled workbook (Petunjuk, header
  comments, dropdowns) and the ledger entries.
- raw: the floor for writing those cells. The child reads the data sheets and `_meta` of the package the export
  made, one sheet at a time with python-calamine with the clock stopped, and writes them with xlsxwriter
  (constant_memory, inline strings) with the same column formats ("@" for text kinds, dd-mm-yyyy dates, "0"
  integers), the same header style, frozen header and autofilter. No Petunjuk, comments or dropdowns: those are a
  constant cost. Its peak RSS includes holding one sheet's cells, so its growth while writing is reported too.

Goal: export ≤ 1.3 × raw. Results are merged into benchmarks/results.json under "exchange_export".
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import exchange_data as data

REPEATS = int(os.environ.get("PUSKESOS_BENCH_REPEATS", "1"))
RATIO_GOAL = 1.3
META = "_meta"


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# --- the cases, each run in a child ---------------------------------------------------------------------------------


def case_export(work: Path, out: Path) -> dict[str, Any]:
    from puskesos_desk.services.exchange_export import export_package

    sites = data.bench_sites()
    village = data.open_site(data.fresh_copy(sites.village, work / "village.db"))
    rss_before = _peak_mib()
    started = time.perf_counter()
    made = export_package(data.village_context(village), out, full=True)
    seconds = time.perf_counter() - started
    village.dispose()
    return {"seconds": seconds, "rows": made.rows, "file_bytes": out.stat().st_size, "peak_rss_mib": _peak_mib(),
            "rss_before_mib": rss_before}


def case_raw(package: Path, out: Path) -> dict[str, Any]:
    import xlsxwriter
    from python_calamine import CalamineWorkbook

    from puskesos_desk.spreadsheet.writer import DATE_FORMAT

    kinds = _column_kinds()
    source = CalamineWorkbook.from_path(str(package))
    names = [name for name in source.sheet_names if name in kinds] + [META]
    workbook = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False,
                                              "strings_to_numbers": False, "strings_to_urls": False,
                                              "default_date_format": DATE_FORMAT})
    header = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True,
                                  "valign": "top"})
    text = workbook.add_format({"num_format": "@"})
    formats = {"text": text, "date": workbook.add_format({"num_format": DATE_FORMAT}),
               "int": workbook.add_format({"num_format": "0"})}
    rss_before = _peak_mib()
    seconds = 0.0
    cells = rows = 0
    for name in names:
        table = [[None if value == "" else value for value in row]
                 for row in source.get_sheet_by_name(name).to_python()]  # read with the clock stopped
        started = time.perf_counter()
        sheet = workbook.add_worksheet(name)
        if name == META:
            sheet.hide()
            sheet.set_column(0, 2, 30, text)
            for number, row in enumerate(table):
                sheet.write_row(number, 0, [None if value is None else str(value) for value in row])
        else:
            for index, header_text in enumerate(table[0]):
                sheet.set_column(index, index, 20, formats.get(kinds[name].get(str(header_text), "")))
            sheet.write_row(0, 0, table[0], header)
            sheet.freeze_panes(1, 0)
            write_row = sheet.write_row
            for number in range(1, len(table)):
                write_row(number, 0, table[number])
            sheet.autofilter(0, 0, max(len(table) - 1, 1), len(table[0]) - 1)
            rows += len(table) - 1
            cells += sum(1 for row in table[1:] for value in row if value is not None)
        seconds += time.perf_counter() - started
        del table
    started = time.perf_counter()
    workbook.close()
    seconds += time.perf_counter() - started
    return {"seconds": seconds, "rows": rows, "cells": cells, "file_bytes": out.stat().st_size,
            "peak_rss_mib": _peak_mib(), "rss_before_mib": rss_before}


def _column_kinds() -> dict[str, dict[str, str]]:
    """Sheet → header → "text" / "date" / "int": the column formats the export writer gives each column."""
    from puskesos_desk.domain.enums import SiteRole
    from puskesos_desk.services.exchange_export import plans_for, sheets_for
    from puskesos_desk.spreadsheet.columns import ColumnKind

    village = data.open_site(data.bench_sites().village, wal=False)
    try:
        with village.reading() as session:
            plans = plans_for(session, sheets_for(SiteRole.DESA))
    finally:
        village.dispose()
    kinds: dict[str, dict[str, str]] = {}
    for plan in plans:
        kinds[plan.name] = {}
        for column in plan.writer_columns():
            if column.kind.is_text:
                kinds[plan.name][column.header] = "text"
            elif column.kind is ColumnKind.DATE:
                kinds[plan.name][column.header] = "date"
            elif column.kind is ColumnKind.INT:
                kinds[plan.name][column.header] = "int"
    return kinds


# --- the driver -----------------------------------------------------------------------------------------------------


def measure(case: str, work: Path, out: Path, package: Path | None = None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--case", case, "--work", str(work), "--out", str(out)]
    if package is not None:
        command += ["--package", str(package)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def summarise(runs: list[dict[str, Any]], rows: int) -> dict[str, Any]:
    seconds = statistics.median(run["seconds"] for run in runs)
    peak = max(run["peak_rss_mib"] for run in runs)
    before = min(run["rss_before_mib"] for run in runs)
    return {
        "seconds_median": round(seconds, 2),
        "seconds_runs": [round(run["seconds"], 2) for run in runs],
        "rows_per_s": round(rows / seconds),
        "peak_rss_mib": round(peak, 1),
        "rss_before_mib": round(before, 1),
        "rss_growth_mib": round(peak - before, 1),
        "file_bytes": runs[-1]["file_bytes"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=("export", "raw"))
    parser.add_argument("--work", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--package", type=Path)
    parser.add_argument("--no-save", action="store_true", help="print the results without touching results.json")
    args = parser.parse_args()
    if args.case == "export":
        print(json.dumps(case_export(args.work, args.out)))
        return
    if args.case == "raw":
        print(json.dumps(case_raw(args.package, args.out)))
        return

    sites = data.bench_sites()
    runs: dict[str, list[dict[str, Any]]] = {"export": [], "raw": []}
    with tempfile.TemporaryDirectory(prefix="puskesos-bench-export-") as folder:
        work = Path(folder)
        for repeat in range(REPEATS):  # alternated, so a noisy moment on the machine hurts both alike
            package = work / f"paket-{repeat}.xlsx"
            runs["export"].append(measure("export", work, package))
            runs["raw"].append(measure("raw", work, work / f"raw-{repeat}.xlsx", package))
        data.keep_package(sites, work / "paket-0.xlsx")
    sheet_rows: dict[str, int] = runs["export"][0]["rows"]
    total_rows = sum(sheet_rows.values())
    export = summarise(runs["export"], total_rows)
    raw = summarise(runs["raw"], runs["raw"][0]["rows"])
    result = {
        "persons": sites.persons,
        "households": sites.households,
        "visits": sites.visits,
        "rows": sheet_rows,
        "total_rows": total_rows,
        "raw_cells_written": runs["raw"][0]["cells"],
        "export": export,
        "raw_xlsxwriter": raw,
        "ratio_export_to_raw": round(export["seconds_median"] / raw["seconds_median"], 2),
        "ratio_goal": RATIO_GOAL,
        "repeats_median_of": REPEATS,
        **data.machine(),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if not args.no_save:
        data.save_result("exchange_export", result)


if __name__ == "__main__":
    main()
