"""benchmarks/results.json → benchmarks/RESULTS.md: every goal of benchmarks/goals.py with its measured value, the
baseline measured in the same run, the ratio, pass/fail, and when it was measured; plus the machine and the last
run of benchmarks/run_all.

    .venv/bin/python benchmarks/report.py                      # benchmarks/results.json → benchmarks/RESULTS.md
    .venv/bin/python benchmarks/report.py --results R.json --out R.md

A goal whose figures are missing from results.json is "not measured": nothing is estimated. A figure whose
benchmark failed (or timed out) in the last run_all is marked stale: it comes from an earlier run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from goals import GOALS, Goal

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.json"
REPORT = HERE / "RESULTS.md"

PASS, FAIL, NOT_MEASURED, REPORTED = "PASS", "FAIL", "not measured", "reported"


# --- reading results ------------------------------------------------------------------------------------------------


def lookup(results: dict[str, Any], path: str | None) -> float | None:
    """The number at a dotted path, or None when any part is missing (or is not a number). A list of numbers
    counts as its largest."""
    if path is None:
        return None
    value: Any = results
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    if isinstance(value, list):
        numbers = [v for v in value if isinstance(v, int | float) and not isinstance(v, bool)]
        return max(numbers) if numbers and len(numbers) == len(value) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def measured_value(goal: Goal, results: dict[str, Any]) -> float | None:
    paths = (goal.measured,) if isinstance(goal.measured, str) else goal.measured
    values = [lookup(results, path) for path in paths]
    if any(v is None for v in values):
        return None  # the slowest of several parts needs every part
    return max(v for v in values if v is not None)


@dataclass(frozen=True)
class Row:
    goal: Goal
    measured: float | None  # in goal.unit
    baseline: float | None  # in goal.unit
    ratio: float | None
    limit: float | None  # in goal.unit, or the ratio limit for "ratio" goals
    status: str
    measured_at: str
    stale: bool
    error: str = ""  # why a figure is missing, when the benchmark recorded it


def evaluate(goal: Goal, results: dict[str, Any]) -> Row:
    raw = measured_value(goal, results)
    raw_baseline = lookup(results, goal.baseline)
    measured = None if raw is None else raw * goal.scale
    baseline = None if raw_baseline is None else raw_baseline * goal.scale
    ratio = lookup(results, goal.ratio) if raw is not None else None
    if ratio is None and raw is not None and raw_baseline:
        ratio = raw / raw_baseline
    limit = goal.limit
    if goal.limit_path is not None or goal.limit_offset is not None:
        limit_raw = lookup(results, goal.limit_path)
        if limit_raw is None and goal.limit_offset is not None and raw_baseline is not None:
            limit_raw = raw_baseline + goal.limit_offset
        limit = None if limit_raw is None else limit_raw * goal.scale
    if measured is None:
        status = NOT_MEASURED
    elif goal.kind == "report":
        status = REPORTED
    elif goal.kind == "ratio":
        status = NOT_MEASURED if ratio is None or limit is None else (PASS if ratio <= limit else FAIL)
    elif limit is None:
        status = NOT_MEASURED
    elif goal.kind == "at_least":
        status = PASS if measured >= limit else FAIL
    else:
        status = PASS if measured <= limit else FAIL
    run = run_of(results, goal.key)
    stale = measured is not None and run.get("status") in ("failed", "timeout")
    error = recorded_error(results, goal) if measured is None else ""
    return Row(goal, measured, baseline, ratio, limit, status, measured_at(results, goal.key, goal), stale, error)


def recorded_error(results: dict[str, Any], goal: Goal) -> str:
    """The "error" a benchmark wrote next to a figure it could not measure (the nearest one up the path)."""
    return nearest_text(results, goal, "error")


def nearest_text(results: dict[str, Any], goal: Goal, field: str) -> str:
    """The text `field` of the deepest dict on the way to the goal's figure ("" when none has one)."""
    path = goal.measured if isinstance(goal.measured, str) else goal.measured[0]
    found = ""
    value: Any = results
    for part in path.split(".")[:-1]:
        if not isinstance(value, dict) or part not in value:
            break
        value = value[part]
        if isinstance(value, dict) and isinstance(value.get(field), str):
            found = value[field]
    return found


def run_of(results: dict[str, Any], key: str) -> dict[str, Any]:
    """What the last run_all recorded for the benchmark that writes `key` ({} when run_all never ran it)."""
    found = results.get("run_all", {}).get("keys", {}).get(key, {})
    return found if isinstance(found, dict) else {}


def measured_at(results: dict[str, Any], key: str, goal: Goal | None = None) -> str:
    """When the figure was measured: the nearest "measured_at" above it (a benchmark that measures its cases in
    separate runs dates each case), else the benchmark's own."""
    found = "" if goal is None else nearest_text(results, goal, "measured_at")
    if found:
        return found
    entry = results.get(key)
    if isinstance(entry, dict):
        for where in (entry, entry.get("machine")):
            if isinstance(where, dict) and isinstance(where.get("measured_at"), str):
                return where["measured_at"]
    run = run_of(results, key)
    if isinstance(entry, dict) and run.get("status") == "ok" and isinstance(run.get("finished_at"), str):
        return run["finished_at"]
    return "—"


# --- the machine --------------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """This machine: CPU, cores, RAM, OS, Python (Linux; other systems get what platform knows)."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = None
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = round(int(line.split()[1]) / (1 << 20), 1)
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    try:
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                system = f"{line.split('=', 1)[1].strip(chr(34))} (kernel {platform.release()})"
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gib": ram_gib, "os": system,
            "python": platform.python_version()}


# --- formatting -----------------------------------------------------------------------------------------------------


def number(value: float | None) -> str:
    if value is None:
        return "—"
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def with_unit(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return f"{number(value)} {unit}".strip()


def limit_number(value: float) -> str:
    """A limit as the issues write it: 2.5, 0.95, 10,000."""
    return f"{round(value):,}" if abs(value - round(value)) < 1e-9 else f"{value:g}"


def limit_text(row: Row) -> str:
    goal = row.goal
    if goal.kind == "report":
        return "no limit"
    if row.limit is None:
        return "—"
    if goal.kind == "ratio":
        return f"≤ {limit_number(row.limit)}×"
    sign = "≥" if goal.kind == "at_least" else "≤"
    shown = limit_number(row.limit) if goal.limit_path is None and goal.limit_offset is None else number(row.limit)
    return f"{sign} {shown} {goal.unit}".strip()


def status_text(row: Row) -> str:
    text = {PASS: "**pass**", FAIL: "**FAIL**"}.get(row.status, row.status)
    if row.error:
        text += f" ({row.error})"
    return f"{text} (stale: its last run failed)" if row.stale else text


def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def goals_table(rows: list[Row]) -> list[str]:
    """The table, then its notes (numbered once per distinct note)."""
    lines = ["| Goal | Issue | Measured | Baseline (same run) | Ratio | Goal | Result | Measured at |",
             "|---|---:|---:|---:|---:|---|---|---|"]
    notes: dict[str, int] = {}
    for row in rows:
        goal = row.goal
        title = goal.title
        if goal.note:
            title += f" [{notes.setdefault(goal.note, len(notes) + 1)}]"
        ratio = f"{number(row.ratio)}×" if row.ratio is not None else "—"
        lines.append("| " + " | ".join(cell(part) for part in (
            title, str(goal.issue), with_unit(row.measured, goal.unit), with_unit(row.baseline, goal.unit), ratio,
            limit_text(row), status_text(row), row.measured_at)) + " |")
    if notes:
        lines += ["", *(f"- [{n}] {note[0].upper()}{note[1:]}." for note, n in notes.items())]
    return lines


def runs_section(results: dict[str, Any]) -> list[str]:
    run_all = results.get("run_all")
    if not isinstance(run_all, dict) or not isinstance(run_all.get("runs"), dict):
        return ["benchmarks/run_all has not recorded a run in this results file."]
    total = run_all.get("seconds")
    lines = [f"Mode: {run_all.get('mode', '?')}; started {run_all.get('started_at', '?')}, finished "
             f"{run_all.get('finished_at', 'not finished')}"
             + (f", {number(total / 60)} min in all." if isinstance(total, int | float) else "."), "",
             "| Benchmark | Result | Minutes | Note |", "|---|---|---:|---|"]
    for name, run in run_all["runs"].items():
        seconds = run.get("seconds")
        minutes = f"{seconds / 60:.1f}" if isinstance(seconds, int | float) else "—"
        note = run.get("note") or (f"exit {run['exit']}" if run.get("exit") not in (None, 0) else "")
        lines.append(f"| {cell(name)} | {cell(str(run.get('status', '?')))} | {minutes} | {cell(str(note))} |")
    return lines


def stalls_section(results: dict[str, Any]) -> list[str]:
    """Per case of benchmarks/gui_stalls.py: how many gaps over 100 ms, how many were mostly garbage collection on
    the GUI thread, and where the longest came from."""
    stalls = results.get("gui_stalls")
    if not isinstance(stalls, dict):
        return []
    lines: list[str] = []
    for case, figures in stalls.items():
        if not isinstance(figures, dict) or "gaps_over_100ms" not in figures:
            continue
        lines.append(f"- **{case}**: {figures['gaps_over_100ms']} gaps over 100 ms in "
                     f"{number(figures.get('duration_s'))} s, {figures.get('gaps_over_100ms_mostly_gc', '?')} of them "
                     "mostly garbage collection on the GUI thread; idle baseline before it: longest gap "
                     f"{number((figures.get('idle_baseline') or {}).get('max_gap_ms'))} ms.")
        for stall in figures.get("stalls", [])[:3]:
            where = stall.get("gui_thread") or "not sampled"
            other = stall.get("busy_thread")
            lines.append(f"  - {number(stall.get('ms'))} ms ({stall.get('phase', '?')}): GUI thread: `{where}`"
                         + (f"; garbage collection {number(stall['gc_ms'])} ms" if stall.get("gc_ms") else "")
                         + (f"; busy meanwhile: `{other}`" if other else ""))
    return ["## GUI-thread gaps over 100 ms, where they came from", "", *lines, ""] if lines else []


def render(results: dict[str, Any], *, generated_at: str | None = None) -> str:
    rows = [evaluate(goal, results) for goal in GOALS]
    counted = {status: sum(1 for r in rows if r.status == status) for status in (PASS, FAIL, NOT_MEASURED, REPORTED)}
    run_all = results.get("run_all") if isinstance(results.get("run_all"), dict) else {}
    box = run_all.get("machine") if isinstance(run_all.get("machine"), dict) else machine()
    quick = run_all.get("mode") == "quick"
    lines = [
        "# Benchmark results",
        "",
        *(["**A quick run (`run_all --quick`): small counts to check the harness. The counts in the goals' titles "
           "do not apply and nothing here says whether a goal is met.**", ""] if quick else []),
        f"Generated {generated_at or time.strftime('%Y-%m-%dT%H:%M:%S')} by `benchmarks/report.py` from "
        "`benchmarks/results.json`. Each ratio divides a figure by a baseline measured in the same run of the same "
        "benchmark. \"not measured\" means the figure is missing from results.json; nothing here is estimated.",
        "",
        f"**Machine:** {box.get('cpu', '?')}, {box.get('cores', '?')} cores, {box.get('ram_gib', '?')} GiB RAM, "
        f"{box.get('os', '?')}, Python {box.get('python', '?')}.",
        "",
        f"**Goals:** {counted[PASS]} pass, {counted[FAIL]} fail, {counted[NOT_MEASURED]} not measured; "
        f"{counted[REPORTED]} figures reported without a limit.",
        "",
        "## Goals",
        "",
        *goals_table(rows),
        "",
        *stalls_section(results),
        "## Last run of benchmarks/run_all",
        "",
        *runs_section(results),
        "",
    ]
    return "\n".join(lines)


def write_report(results_path: Path = RESULTS, out: Path = REPORT) -> Path:
    results = json.loads(results_path.read_text(encoding="utf-8")) if results_path.exists() else {}
    out.write_text(render(results), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--out", type=Path, default=None, help="default: RESULTS.md beside the results file")
    args = parser.parse_args()
    out = args.out or args.results.with_name("RESULTS.md")
    print(write_report(args.results, out))


if __name__ == "__main__":
    main()
