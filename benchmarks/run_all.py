"""Every benchmark the issues asked for, in one command: benchmarks/results.json and benchmarks/RESULTS.md.

    benchmarks/run_all                  # full counts (about 4 hours on 2 cores; see PLAN and the README)
    benchmarks/run_all --quick          # small counts, to check the harness (about 10 minutes); writes into
                                        # /tmp/puskesos-bench-quick/benchmarks/, never into benchmarks/results.json
    benchmarks/run_all --only gui_stalls,db_size
    benchmarks/run_all --list           # the plan: order, counts, expected minutes
    benchmarks/run_all --out DIR        # results.json and RESULTS.md under DIR/benchmarks/ (copies of the scripts
                                        # run there, so each benchmark's own results.json merge lands there too)

Data is generated once, in order, and the benchmarks' own caches in the temp folder are reused (the 100,000-person
village, its district and package; the 1,000,000-person district; the extract; the 250 village packages). Each
benchmark runs as a child process of its own with a timeout, its output in /tmp/puskesos-run-all/logs/<name>.log
(logs/ beside the results with --out); a failure or a timeout is recorded in results.json ("run_all") and the run
goes on. A benchmark's figures stay in results.json under its own key; figures a failed benchmark did not replace
are marked stale in RESULTS.md.

Environment:
- PUSKESOS_BENCH_PG=postgresql://…  also measure the district on PostgreSQL (`source .ci/postgres.sh start` gives a
  local server: postgresql://puskesos:puskesos-ci@127.0.0.1:55432/puskesos); without it, SQLite only.
- PUSKESOS_BENCH_BUILD=1  build the bundle first (bash installer/build.sh); either way dist/bundle-size.json, when
  it exists, is copied into results.json under "bundle".
Other PUSKESOS_BENCH_* counts in the caller's environment are ignored: each benchmark gets the counts of the plan.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import report  # noqa: E402

QUICK_OUT = Path("/tmp/puskesos-bench-quick")
# Not linked into an --out tree: the scripts are copied, the package is imported from the installed (editable)
# checkout, and the run's own folders are made there.
LOCAL = {"benchmarks", "puskesos_desk", "scratch", "dist", "build"}
PG_DEFAULT_NOTE = "PostgreSQL skipped: set PUSKESOS_BENCH_PG (source .ci/postgres.sh start)"
# Counts the caller may have set for one benchmark must not leak into another: every benchmark gets its own.
PASSED_THROUGH = {"PUSKESOS_BENCH_PG", "PUSKESOS_BENCH_BUILD", "PUSKESOS_BENCH_STALL_RSS_LIMIT_MB"}
COUNT_PREFIXES = ("PUSKESOS_BENCH_", "PUSKESOS_WALKIN_", "PUSKESOS_KILL_", "PUSKESOS_FUZZ_")

DISTRICT_FULL = {"PUSKESOS_BENCH_PERSONS": "1000000", "PUSKESOS_BENCH_HOUSEHOLDS": "300000",
                 "PUSKESOS_BENCH_REFERRALS": "200000", "PUSKESOS_BENCH_VILLAGES": "250"}
DISTRICT_QUICK = {"PUSKESOS_BENCH_PERSONS": "20000", "PUSKESOS_BENCH_HOUSEHOLDS": "6000",
                  "PUSKESOS_BENCH_REFERRALS": "4000", "PUSKESOS_BENCH_VILLAGES": "10"}


@dataclass(frozen=True)
class Step:
    name: str
    script: str | None  # a file in benchmarks/ (None: run_all does the step itself)
    keys: tuple[str, ...]  # the results.json entries it writes
    full: dict[str, str]
    quick: dict[str, str]
    minutes: float  # expected at full counts on 2 shared cores (the README's estimate adds these up)
    args: tuple[str, ...] = ()
    timeout_min: float = 0  # 0: three times `minutes`, at least 20
    what: str = ""
    quick_timeout_min: float = 20

    def timeout_s(self, quick: bool) -> float:
        if quick:
            return 60 * self.quick_timeout_min
        return 60 * (self.timeout_min or max(20.0, 3 * self.minutes))


PLAN: tuple[Step, ...] = (
    Step("exchange_data", "exchange_data.py", (), {"PUSKESOS_BENCH_PERSONS": "100000"},
         {"PUSKESOS_BENCH_PERSONS": "2000"}, 6, what="the 100,000-person village and its district (cached)"),
    Step("xlsx_read", "xlsx_read.py", ("xlsx_read",), {"PUSKESOS_BENCH_PERSONS": "100000", "PUSKESOS_BENCH_RUNS": "3"},
         {"PUSKESOS_BENCH_PERSONS": "2000", "PUSKESOS_BENCH_RUNS": "1"}, 3),
    Step("xlsx_write", "xlsx_write.py", ("xlsx_write",),
         {"PUSKESOS_BENCH_PERSONS": "100000", "PUSKESOS_BENCH_REPEATS": "3"},
         {"PUSKESOS_BENCH_PERSONS": "2000", "PUSKESOS_BENCH_REPEATS": "1"}, 9),
    Step("exchange_export", "exchange_export.py", ("exchange_export",),
         {"PUSKESOS_BENCH_PERSONS": "100000", "PUSKESOS_BENCH_REPEATS": "1"},
         {"PUSKESOS_BENCH_PERSONS": "2000", "PUSKESOS_BENCH_REPEATS": "1"}, 4),
    Step("exchange_import", "exchange_import.py", ("exchange_import",),
         {"PUSKESOS_BENCH_PERSONS": "100000", "PUSKESOS_BENCH_REPEATS": "1"},
         {"PUSKESOS_BENCH_PERSONS": "2000", "PUSKESOS_BENCH_REPEATS": "1"}, 3),
    Step("extract_import", "extract_import.py", ("extract_import",),
         {"PUSKESOS_BENCH_EXTRACT_ROWS": "100000", "PUSKESOS_BENCH_REPEATS": "3"},
         {"PUSKESOS_BENCH_EXTRACT_ROWS": "2000", "PUSKESOS_BENCH_REPEATS": "1"}, 3),
    Step("slips", "slips.py", ("slips",), {"PUSKESOS_BENCH_SLIPS": "1000"}, {"PUSKESOS_BENCH_SLIPS": "50"}, 1),
    Step("search_latency", "search_latency.py", ("search",),
         {"PUSKESOS_BENCH_HOUSEHOLDS": "4000", "PUSKESOS_BENCH_EXTRACT_ROWS": "15000", "PUSKESOS_BENCH_QUERIES": "300"},
         {"PUSKESOS_BENCH_HOUSEHOLDS": "150", "PUSKESOS_BENCH_EXTRACT_ROWS": "600", "PUSKESOS_BENCH_QUERIES": "30"},
         8),
    Step("startup", "startup.py", ("startup",), {"PUSKESOS_BENCH_RUNS": "10"}, {"PUSKESOS_BENCH_RUNS": "2"}, 3),
    Step("idle_memory", "idle_memory.py", ("idle_memory",),
         {"PUSKESOS_BENCH_IDLE_HOUSEHOLDS": "4000", "PUSKESOS_BENCH_IDLE_SECONDS": "10",
          "PUSKESOS_BENCH_IDLE_CACHE": "/tmp/puskesos-bench-idle"},
         {"PUSKESOS_BENCH_IDLE_HOUSEHOLDS": "100", "PUSKESOS_BENCH_IDLE_SECONDS": "2",
          "PUSKESOS_BENCH_IDLE_CACHE": "/tmp/puskesos-bench-idle"}, 8),
    Step("walkin", "walkin.py", ("walkin",), {"PUSKESOS_WALKIN_REPEATS": "50", "PUSKESOS_WALKIN_HOUSEHOLDS": "500"},
         {"PUSKESOS_WALKIN_REPEATS": "1", "PUSKESOS_WALKIN_HOUSEHOLDS": "10"}, 12),
    Step("gui_stalls", "gui_stalls.py", ("gui_stalls",),
         {"PUSKESOS_BENCH_STALL_ROWS": "100000", "PUSKESOS_BENCH_STALL_SLIPS": "1000"},
         {"PUSKESOS_BENCH_STALL_ROWS": "2000", "PUSKESOS_BENCH_STALL_SLIPS": "20"}, 20, timeout_min=240),
    Step("db_size", "db_size.py", ("db_size",), {"PUSKESOS_BENCH_DBSIZE_PERSONS": "15000"},
         {"PUSKESOS_BENCH_DBSIZE_PERSONS": "300", "PUSKESOS_BENCH_DBSIZE_EXPORTS": "2"}, 10),
    Step("encryption_at_rest", "encryption_at_rest.py", ("encryption_at_rest",),
         {"PUSKESOS_BENCH_ENC_HOUSEHOLDS": "100"}, {"PUSKESOS_BENCH_ENC_HOUSEHOLDS": "10"}, 2),
    Step("district_data", None, (), DISTRICT_FULL, DISTRICT_QUICK, 30, timeout_min=240,
         what="the 1,000,000-person district on SQLite (cached)"),
    Step("district_scale", "district_scale.py", ("district_scale",), {**DISTRICT_FULL, "PUSKESOS_BENCH_REPEATS": "7"},
         {**DISTRICT_QUICK, "PUSKESOS_BENCH_REPEATS": "2"}, 15, timeout_min=300,
         what="consolidated views and the recap; generates the PostgreSQL district the first time"),
    Step("district_search", "district_search.py", ("district_search",), {"PUSKESOS_BENCH_QUERIES": "300"},
         {"PUSKESOS_BENCH_QUERIES": "30"}, 8),
    Step("district_search_desk", "district_search.py", ("district_search_desk",), {"PUSKESOS_BENCH_QUERIES": "300"},
         {"PUSKESOS_BENCH_QUERIES": "30"}, 15, args=("--desk",), what="on a copy of the district"),
    Step("district_import", "district_import.py", ("district_import",),
         {"PUSKESOS_BENCH_VILLAGES": "250", "PUSKESOS_BENCH_VILLAGE_PERSONS": "4000"},
         {"PUSKESOS_BENCH_VILLAGES": "4", "PUSKESOS_BENCH_VILLAGE_PERSONS": "300"}, 60, timeout_min=300,
         what="250 village packages (made and cached the first time), then one import"),
    Step("kill_trials", "kill_trials.py", ("kill_trials",),
         {"PUSKESOS_KILL_TRIALS": "60", "PUSKESOS_BENCH_HOUSEHOLDS": "40"},
         {"PUSKESOS_KILL_TRIALS": "4", "PUSKESOS_BENCH_HOUSEHOLDS": "5"}, 9),
    Step("fuzz_packages", "fuzz_packages.py", ("fuzz_packages",), {"PUSKESOS_FUZZ_RUNS": "10000"},
         {"PUSKESOS_FUZZ_RUNS": "40"}, 19),
    Step("bundle", None, ("bundle",), {}, {}, 0, timeout_min=60,
         what="dist/bundle-size.json from installer/build.sh (built first when PUSKESOS_BENCH_BUILD=1)"),
)


def expected_minutes(plan: tuple[Step, ...] = PLAN) -> float:
    return sum(step.minutes for step in plan)


# --- where things go ----------------------------------------------------------------------------------------------


class Layout:
    """The folder the scripts run in and the results land in: benchmarks/ itself, or a copy under --out."""

    def __init__(self, out: Path | None) -> None:
        self.bench = HERE if out is None else out / "benchmarks"
        self.root = ROOT if out is None else out
        self.results = self.bench / "results.json"
        self.report = self.bench / "RESULTS.md"
        self.scratch = self.root / "scratch" if out is not None else Path(os.environ.get("TMPDIR", "/tmp")) / \
            "puskesos-run-all"
        self.logs = self.bench / "logs" if out is not None else self.scratch / "logs"  # not in the checkout

    def prepare(self, fresh: bool) -> None:
        if self.bench != HERE:
            self.bench.mkdir(parents=True, exist_ok=True)
            for script in HERE.glob("*.py"):  # copies, not links: each resolves its results.json beside itself
                shutil.copyfile(script, self.bench / script.name)
            for source in ROOT.iterdir():  # what the benchmarks read from the repository: tests, resources, …
                link = self.root / source.name
                if source.name in LOCAL or source.name.startswith(".") or link.exists() or link.is_symlink():
                    continue
                link.symlink_to(source)
            if fresh:
                self.results.unlink(missing_ok=True)
        self.logs.mkdir(parents=True, exist_ok=True)
        self.scratch.mkdir(parents=True, exist_ok=True)


# --- results.json ----------------------------------------------------------------------------------------------------


def read_results(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def update_run_all(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Read-modify-write of the "run_all" entry only, right before writing: the benchmarks' keys stay theirs."""
    data = read_results(path)
    entry = data.get("run_all") if isinstance(data.get("run_all"), dict) else {}
    change(entry)
    data["run_all"] = entry
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


# --- running one step ------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    status: str  # ok, failed, timeout, skipped
    seconds: float = 0.0
    exit: int | None = None
    note: str = ""
    stdout: str = ""


def base_env(layout: Layout, step: Step, quick: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(COUNT_PREFIXES) or k in PASSED_THROUGH}
    env.update(step.quick if quick else step.full)
    env.update({"QT_QPA_PLATFORM": "offscreen", "PUSKESOS_AUTO_BACKUP": "0",
                "PUSKESOS_HOME": str(layout.scratch / "home" / step.name), "PYTHONUNBUFFERED": "1"})
    env.pop("PUSKESOS_DB", None)
    for name, value in env.items():  # cache folders the plan names are made here
        if name.startswith(COUNT_PREFIXES) and name.endswith("_CACHE"):
            Path(value).mkdir(parents=True, exist_ok=True)
    return env


def run_child(command: list[str], env: dict[str, str], cwd: Path, log: Path, timeout_s: float) -> Outcome:
    """A child in a process group of its own, output to `log`; on timeout that group (and only it) is killed."""
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as sink:
        sink.write(f"$ {' '.join(command)}\n# started {now()}\n")
        sink.flush()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=sink, text=True,
                                 start_new_session=True)
        try:
            stdout, _ = child.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            return Outcome("timeout", time.monotonic() - started, None, f"killed after {timeout_s / 60:.1f} min")
        sink.write(f"\n# stdout\n{stdout}\n# exit {child.returncode} at {now()}\n")
    seconds = time.monotonic() - started
    if child.returncode != 0:
        return Outcome("failed", seconds, child.returncode, f"exit {child.returncode}; see {log}", stdout)
    return Outcome("ok", seconds, 0, "", stdout)


class Runner:
    def __init__(self, layout: Layout, quick: bool) -> None:
        self.layout, self.quick = layout, quick
        self.district_db: Path | None = None
        self.pg = os.environ.get("PUSKESOS_BENCH_PG", "")

    def run(self, step: Step) -> Outcome:
        special = {"district_data": self._district_data, "bundle": self._bundle,
                   "district_scale": self._district_scale, "district_search": self._district_search,
                   "district_search_desk": self._district_desk}.get(step.name)
        if special is not None:
            return special(step)
        return self._script(step)

    def _script(self, step: Step, env: dict[str, str] | None = None, note: str = "") -> Outcome:
        assert step.script is not None
        script = self.layout.bench / step.script
        if not script.exists():
            return Outcome("skipped", note=f"{step.script} is missing")
        env = env or base_env(self.layout, step, self.quick)
        outcome = run_child([sys.executable, str(script), *step.args], env, self.layout.root,
                            self.layout.logs / f"{step.name}.log", step.timeout_s(self.quick))
        if note:
            outcome.note = "; ".join(part for part in (outcome.note, note) if part)
        return outcome

    # the district: generated once, shared by the district benchmarks

    def _counts(self, step: Step) -> dict[str, str]:
        return DISTRICT_QUICK if self.quick else DISTRICT_FULL

    def _district_data(self, step: Step) -> Outcome:
        counts = self._counts(step)
        code = ("import sys; sys.path.insert(0, sys.argv[1]); import district_data; "
                "print(district_data.cached_sqlite_district(villages=int(sys.argv[2]), persons=int(sys.argv[3]), "
                "households=int(sys.argv[4]), referrals=int(sys.argv[5]), seed=1))")
        outcome = run_child([sys.executable, "-c", code, str(self.layout.bench), counts["PUSKESOS_BENCH_VILLAGES"],
                             counts["PUSKESOS_BENCH_PERSONS"], counts["PUSKESOS_BENCH_HOUSEHOLDS"],
                             counts["PUSKESOS_BENCH_REFERRALS"]], base_env(self.layout, step, self.quick),
                            self.layout.bench, self.layout.logs / f"{step.name}.log", step.timeout_s(self.quick))
        if outcome.status == "ok":
            self.district_db = Path(outcome.stdout.strip().splitlines()[-1])
            outcome.note = str(self.district_db)
        return outcome

    def _district_scale(self, step: Step) -> Outcome:
        env = base_env(self.layout, step, self.quick)
        env["PUSKESOS_BENCH_BACKENDS"] = "sqlite,postgresql" if self.pg else "sqlite"
        return self._script(step, env, "" if self.pg else PG_DEFAULT_NOTE)

    def _district_env(self, step: Step) -> dict[str, str] | None:
        if self.district_db is None or not self.district_db.exists():
            return None
        env = base_env(self.layout, step, self.quick)
        env["PUSKESOS_BENCH_PERSONS"] = self._counts(step)["PUSKESOS_BENCH_PERSONS"]
        env.pop("PUSKESOS_TEST_PG", None)
        env.pop("PUSKESOS_BENCH_PG", None)
        return env

    def _district_search(self, step: Step) -> Outcome:
        env = self._district_env(step)
        if env is None:
            return Outcome("skipped", note="no district database (district_data did not run or failed)")
        env["PUSKESOS_BENCH_SQLITE_DISTRICT"] = str(self.district_db)
        if self.pg:  # district_scale made (or found) bench_district on that server
            env["PUSKESOS_BENCH_PG_DISTRICT"] = self.pg.rsplit("/", 1)[0] + "/bench_district"
        return self._script(step, env, "" if self.pg else PG_DEFAULT_NOTE)

    def _district_desk(self, step: Step) -> Outcome:
        env = self._district_env(step)
        if env is None or self.district_db is None:
            return Outcome("skipped", note="no district database (district_data did not run or failed)")
        copy = self.layout.scratch / "district-desk.db"  # the desk mode adds an extract: never to the cache
        shutil.copyfile(self.district_db, copy)
        env["PUSKESOS_BENCH_DESK_DB"] = str(copy)
        note = "PostgreSQL desk: set PUSKESOS_BENCH_DESK_PG to a copy of bench_district to measure it"
        if os.environ.get("PUSKESOS_BENCH_DESK_PG"):
            env["PUSKESOS_BENCH_DESK_PG"] = os.environ["PUSKESOS_BENCH_DESK_PG"]
            note = ""
        try:
            return self._script(step, env, note)
        finally:
            copy.unlink(missing_ok=True)
            for side in ("-wal", "-shm"):
                Path(f"{copy}{side}").unlink(missing_ok=True)

    # the bundle: built by installer/build.sh, measured there

    def _bundle(self, step: Step) -> Outcome:
        started = time.monotonic()
        build = ROOT / "installer" / "build.sh"
        notes = []
        if os.environ.get("PUSKESOS_BENCH_BUILD") == "1":
            if not build.exists():
                notes.append("PUSKESOS_BENCH_BUILD=1 but installer/build.sh is missing")
            else:
                built = run_child(["bash", str(build)], base_env(self.layout, step, self.quick), ROOT,
                                  self.layout.logs / "bundle-build.log", step.timeout_s(False))
                if built.status != "ok":
                    built.note = f"installer/build.sh: {built.note}"
                    return built
        size_file = ROOT / "dist" / "bundle-size.json"
        if not size_file.exists():
            notes.append("no dist/bundle-size.json (build with PUSKESOS_BENCH_BUILD=1)")
            return Outcome("skipped", time.monotonic() - started, note="; ".join(notes))
        figures = json.loads(size_file.read_text(encoding="utf-8"))
        figures.setdefault("measured_at", time.strftime("%Y-%m-%dT%H:%M:%S",
                                                       time.localtime(size_file.stat().st_mtime)))
        figures["source"] = "dist/bundle-size.json"
        data = read_results(self.layout.results)
        data["bundle"] = figures
        self.layout.results.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return Outcome("ok", time.monotonic() - started, 0, "; ".join(notes))


# --- the whole run ---------------------------------------------------------------------------------------------------


def key_snapshot(path: Path, keys: tuple[str, ...]) -> dict[str, str]:
    data = read_results(path)
    return {key: json.dumps(data.get(key), sort_keys=True) for key in keys}


def run(steps: list[Step], layout: Layout, quick: bool) -> int:
    runner = Runner(layout, quick)
    started, started_at = time.monotonic(), now()
    mode = "quick" if quick else "full"

    def begin(entry: dict[str, Any]) -> None:
        entry.update({"mode": mode, "started_at": started_at, "finished_at": None, "seconds": None,
                      "machine": report.machine(), "planned": [s.name for s in steps],
                      "runs": entry.get("runs", {}) if isinstance(entry.get("runs"), dict) else {},
                      "keys": entry.get("keys", {}) if isinstance(entry.get("keys"), dict) else {}})

    update_run_all(layout.results, begin)
    print(f"run_all ({mode}): {len(steps)} steps, results in {layout.results}, logs in {layout.logs}", flush=True)
    failures = 0
    for number, step in enumerate(steps, 1):
        print(f"[{number}/{len(steps)}] {step.name} …", end=" ", flush=True)
        before = key_snapshot(layout.results, step.keys)
        try:
            outcome = runner.run(step)
        except Exception as exc:  # a harness problem with one step must not stop the others
            outcome = Outcome("failed", note=f"run_all: {type(exc).__name__}: {exc}")
        after = key_snapshot(layout.results, step.keys)
        written = [key for key in step.keys if after[key] != before[key] and after[key] != "null"]
        failures += outcome.status in ("failed", "timeout")
        print(f"{outcome.status} in {outcome.seconds / 60:.1f} min" + (f" ({outcome.note})" if outcome.note else ""),
              flush=True)

        def record(entry: dict[str, Any], step: Step = step, outcome: Outcome = outcome,
                   written: list[str] = written) -> None:
            entry.setdefault("runs", {})[step.name] = {
                "status": outcome.status, "seconds": round(outcome.seconds, 1), "exit": outcome.exit,
                "note": outcome.note, "finished_at": now(), "wrote": written}
            for key in step.keys:
                status = "ok" if key in written else ("skipped" if outcome.status == "skipped" else outcome.status)
                entry.setdefault("keys", {})[key] = {"benchmark": step.name, "status": status, "finished_at": now()}

        update_run_all(layout.results, record)

    def finish(entry: dict[str, Any]) -> None:
        entry.update({"finished_at": now(), "seconds": round(time.monotonic() - started, 1)})

    update_run_all(layout.results, finish)
    print(f"report: {report.write_report(layout.results, layout.report)}")
    print(f"run_all ({mode}) done in {(time.monotonic() - started) / 60:.1f} min; {failures} step(s) failed")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small counts, to check the harness")
    parser.add_argument("--only", default="", help="comma-separated step names (see --list)")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"results under OUT/benchmarks/ (default: benchmarks/, or {QUICK_OUT} with --quick)")
    parser.add_argument("--list", action="store_true", help="print the plan and exit")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = sorted(set(names) - {s.name for s in PLAN})
    if unknown:
        parser.error(f"unknown step(s): {', '.join(unknown)}; see --list")
    steps = [s for s in PLAN if not names or s.name in names]
    if args.list:
        for step in steps:
            counts = step.quick if args.quick else step.full
            print(f"{step.name:22} {step.minutes:5.0f} min  {step.script or '(run_all)':22} "
                  f"{' '.join(f'{k}={v}' for k, v in counts.items())}  {step.what}")
        print(f"expected in all at full counts: {expected_minutes(tuple(steps)) / 60:.1f} h on 2 shared cores "
              f"(SQLite only; PostgreSQL adds about an hour the first time)")
        return 0
    out = args.out if args.out is not None else (QUICK_OUT if args.quick else None)
    layout = Layout(out.resolve() if out is not None else None)
    layout.prepare(fresh=args.quick and not names)
    print(f"machine: {platform.node()}, Python {platform.python_version()}", flush=True)
    return run(steps, layout, args.quick)


if __name__ == "__main__":
    sys.exit(main())
