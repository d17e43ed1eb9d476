"""Importing a village package at the district: import_package against a raw python-calamine read of the file.

    .venv/bin/python benchmarks/exchange_import.py     # PUSKESOS_BENCH_PERSONS=100000, PUSKESOS_BENCH_REPEATS=1
    .venv/bin/python benchmarks/exchange_import.py --profile     # also cProfile one import (top 25 cumulative)

The package is the full package of exchange_data.py's village (cached; exported once). Every measurement runs in a
child process of its own, against a fresh copy of a district that trusts the village:

- import: import_package, applied (guard, _meta and signature, the reader process, the row pass, one transaction);
- dry_run: import_package(dry_run=True), the same pass in a read-only session;
- raw: CalamineWorkbook.from_path + to_python() of every sheet, in the process itself (the floor for reading).

Measured in the import and dry-run children:
- peak RSS of the importing process (VmHWM: ru_maxrss would start from the driver's) and of the reader process:
  its ru_maxrss once reaped (RUSAGE_CHILDREN; the reader is the only child) and, as a cross-check while it runs,
  the largest VmHWM seen by a thread polling /proc for this process's children every 20 ms;
- whether a GUI thread would stay responsive: a ticker thread asks to wake every 10 ms and records how late it
  wakes. The import runs on the main thread here as it runs on a worker thread in the app; both share one GIL with
  the GUI thread, so the longest gap is the longest freeze a user would see (the proxy for GIL stalls). The same
  ticker runs for a few seconds first with the main thread asleep: that baseline is what the machine's load alone
  costs (on a busy 2-core machine a thread can wait for a core, not only for the GIL). For each gap over 100 ms
  the benchmark notes where the importer was when the ticker got the GIL back.

Goals: import ≤ 2.5 × raw; parent and reader each ≤ 500 MB. Results are merged into benchmarks/results.json under
"exchange_import".
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import exchange_data as data

REPEATS = int(os.environ.get("PUSKESOS_BENCH_REPEATS", "1"))
RATIO_GOAL = 2.5
MEMORY_GOAL_MIB = 500
TICK_S = 0.010
POLL_S = 0.020
IDLE_BASELINE_S = 3.0
STALL_S = 0.100  # a gap this long is a visible freeze: note where the importer was


def _mib(kib: int) -> float:
    return kib / 1024


# --- measuring helpers (run in the children) ------------------------------------------------------------------------


class Ticker(threading.Thread):
    """Wakes every TICK_S and records how long each wait really took: the GUI thread's view of the GIL.

    After a long gap it also notes where the importing thread is: it has just given the GIL back, so its
    innermost frames are at (or right after) the call that held it."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.gaps: list[float] = []
        self.stalls: list[tuple[float, str]] = []
        self._watched = threading.get_ident()
        self._stop_event = threading.Event()

    def run(self) -> None:
        last = time.perf_counter()
        while not self._stop_event.is_set():
            time.sleep(TICK_S)
            now = time.perf_counter()
            self.gaps.append(now - last)
            if now - last > STALL_S:
                self.stalls.append((now - last, self._where()))
            last = now

    def _where(self) -> str:
        frame = sys._current_frames().get(self._watched)
        found = []
        while frame is not None and len(found) < 3:
            code = frame.f_code
            if "puskesos_desk" in code.co_filename:
                found.append(f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}")
            frame = frame.f_back
        return " < ".join(found)

    def stop(self) -> dict[str, object]:
        self._stop_event.set()
        self.join()
        gaps = sorted(self.gaps)
        return {
            "ticks": len(gaps),
            "longest_gap_ms": round(gaps[-1] * 1000, 1),
            "p99_gap_ms": round(gaps[int(len(gaps) * 0.99)] * 1000, 1),
            "median_gap_ms": round(statistics.median(gaps) * 1000, 1),
            "gaps_over_50ms": sum(1 for gap in gaps if gap > 0.050),
            "gaps_over_100ms": sum(1 for gap in gaps if gap > 0.100),
            "longest_stalls": [{"ms": round(gap * 1000), "importer_at": where}
                               for gap, where in sorted(self.stalls, reverse=True)[:8]],
        }


class GcPauses:
    """Times the cyclic garbage collector's passes: a full collection holds the GIL for as long as it walks every
    tracked object, which freezes every other thread."""

    def __init__(self) -> None:
        self.pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._started = 0.0

    def __enter__(self) -> GcPauses:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses[info["generation"]].append(time.perf_counter() - self._started)

    def summary(self) -> dict[str, object]:
        return {f"gen{generation}": {"count": len(pauses), "total_ms": round(sum(pauses) * 1000),
                                     "longest_ms": round(max(pauses, default=0) * 1000, 1)}
                for generation, pauses in self.pauses.items()}


class ChildMemory(threading.Thread):
    """Polls /proc for the children of this process and keeps the largest VmHWM (peak RSS) seen."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kib = 0
        self.seen: set[int] = set()
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.wait(POLL_S):
            for pid in _children(os.getpid()):
                self.seen.add(pid)
                self.peak_kib = max(self.peak_kib, data.vm_hwm_kib(pid))

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found += [int(child) for child in handle.read().split()]
        except OSError:
            continue
    return found


# --- the cases, each run in a child ---------------------------------------------------------------------------------


def case_import(package: Path, work: Path, *, dry_run: bool, profile: Path | None = None) -> dict[str, Any]:
    from puskesos_desk.services.exchange_import import import_package

    sites = data.bench_sites()
    district = data.open_site(data.fresh_copy(sites.district, work / "district.db"))
    ctx = data.district_context(district)
    idle = Ticker()  # the same ticker while this thread sleeps: what the machine's load alone costs
    idle.start()
    time.sleep(IDLE_BASELINE_S)
    idle_gaps = idle.stop()
    rss_before = data.vm_hwm_kib()
    ticker, children = Ticker(), ChildMemory()
    profiler = cProfile.Profile() if profile else None
    ticker.start()
    children.start()
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    with GcPauses() as collector:
        outcome = import_package(ctx, package, dry_run=dry_run)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    children.stop()
    gui = ticker.stop()
    district.dispose()
    if profiler and profile:
        _write_profile(profiler, profile)
    return {
        "seconds": seconds,
        "status": outcome.status.value,
        "rows": {row_class.value: count for row_class, count in outcome.rows.items()},
        "messages": len(outcome.messages),
        "parent_peak_rss_mib": _mib(data.vm_hwm_kib()),
        "parent_rss_before_mib": _mib(rss_before),
        "reader_peak_rss_mib": _mib(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss),
        "reader_vm_hwm_polled_mib": _mib(children.peak_kib),
        "child_processes_seen": len(children.seen),
        "gui_thread": gui,
        "gc_pauses": collector.summary(),
        "gui_thread_idle_baseline": {key: idle_gaps[key] for key in ("longest_gap_ms", "p99_gap_ms", "median_gap_ms")},
    }


def case_raw(package: Path) -> dict[str, Any]:
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    workbook = CalamineWorkbook.from_path(str(package))
    cells = 0
    for name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(name).to_python()
        cells += sum(len(row) for row in rows)
        del rows
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "cells": cells,
            "peak_rss_mib": _mib(data.vm_hwm_kib())}


def _write_profile(profiler: cProfile.Profile, path: Path) -> None:
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(15)
    path.write_text(text.getvalue(), encoding="utf-8")


# --- the driver -----------------------------------------------------------------------------------------------------


def measure(*arguments: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, __file__, *arguments], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def summarise_imports(runs: list[dict[str, Any]], total_rows: int) -> dict[str, Any]:
    seconds = _median(runs, "seconds")
    return {
        "status": runs[0]["status"],
        "rows": runs[0]["rows"],
        "messages": runs[0]["messages"],
        "seconds_median": round(seconds, 2),
        "seconds_runs": [round(run["seconds"], 2) for run in runs],
        "rows_per_s": round(total_rows / seconds),
        "peak_rss_mib": {
            "parent": round(max(run["parent_peak_rss_mib"] for run in runs), 1),
            "parent_before_import": round(min(run["parent_rss_before_mib"] for run in runs), 1),
            "reader_process": round(max(run["reader_peak_rss_mib"] for run in runs), 1),
            "reader_process_polled_vm_hwm": round(max(run["reader_vm_hwm_polled_mib"] for run in runs), 1),
        },
        "child_processes_seen": runs[0]["child_processes_seen"],
        "gui_thread": max((run["gui_thread"] for run in runs), key=lambda gui: gui["longest_gap_ms"]),
        "gc_pauses": runs[0]["gc_pauses"],
        "gui_thread_idle_baseline": max((run["gui_thread_idle_baseline"] for run in runs),
                                        key=lambda gui: gui["longest_gap_ms"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=("import", "dry_run", "raw"))
    parser.add_argument("--package", type=Path)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--profile-out", type=Path, help="child: cProfile the import and write the stats here")
    parser.add_argument("--profile", action="store_true", help="also profile one import and print the stats")
    parser.add_argument("--no-save", action="store_true", help="print the results without touching results.json")
    args = parser.parse_args()
    if args.case in ("import", "dry_run"):
        print(json.dumps(case_import(args.package, args.work, dry_run=args.case == "dry_run",
                                     profile=args.profile_out)))
        return
    if args.case == "raw":
        print(json.dumps(case_raw(args.package)))
        return

    sites = data.bench_sites()
    package = data.bench_package(sites)
    runs: dict[str, list[dict[str, Any]]] = {"import": [], "dry_run": [], "raw": []}
    with tempfile.TemporaryDirectory(prefix="puskesos-bench-import-") as folder:
        for _ in range(REPEATS):  # interleaved, so a noisy moment on the machine hurts every case alike
            runs["raw"].append(measure("--case", "raw", "--package", str(package)))
            for case in ("import", "dry_run"):
                runs[case].append(measure("--case", case, "--package", str(package), "--work", folder))
        profile_text = ""
        if args.profile:
            profile_path = Path(folder) / "import.prof.txt"
            measure("--case", "import", "--package", str(package), "--work", folder, "--profile-out",
                    str(profile_path))
            profile_text = profile_path.read_text(encoding="utf-8")
    total_rows = sum(runs["import"][0]["rows"].values())
    raw_s = _median(runs["raw"], "seconds")
    applied = summarise_imports(runs["import"], total_rows)
    dry = summarise_imports(runs["dry_run"], total_rows)
    result = {
        "persons": sites.persons,
        "households": sites.households,
        "visits": sites.visits,
        "file_bytes": package.stat().st_size,
        "total_rows": total_rows,
        "cells": runs["raw"][0]["cells"],
        "raw_calamine_to_python": {"seconds_median": round(raw_s, 2),
                                   "seconds_runs": [round(run["seconds"], 2) for run in runs["raw"]],
                                   "peak_rss_mib": round(max(run["peak_rss_mib"] for run in runs["raw"]), 1)},
        "import": applied,
        "dry_run": dry,
        "ratio_import_to_raw": round(applied["seconds_median"] / raw_s, 2),
        "ratio_dry_run_to_raw": round(dry["seconds_median"] / raw_s, 2),
        "ratio_goal": RATIO_GOAL,
        "memory_goal_mib": MEMORY_GOAL_MIB,
        "repeats_median_of": REPEATS,
        **data.machine(),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if profile_text:
        print(profile_text)
    if not args.no_save:
        data.save_result("exchange_import", result)


if __name__ == "__main__":
    main()
