"""Crash safety under kill -9: SIGKILL at random moments of an import, an export, a migration and a backup.

    .venv/bin/python benchmarks/kill_trials.py        # PUSKESOS_KILL_TRIALS=60 by default (15 per operation)

The same harness as tests/resilience/test_kill_trials.py (see tests/resilience/kill_harness.py), with the full
count: a village with PUSKESOS_BENCH_HOUSEHOLDS households of demo activity (default 40) and its district, the
village's package, and the committed schema-0001 file as it is (its first start loads 83,762 regions, so the
migration trials also land in the reference-data load). Per operation it reports the trials, how many kills landed
while the operation ran (between the worker's "started" and "done" lines) or after it, the states found, the trials
that left a temporary file behind, the failures and the seconds; merged into benchmarks/results.json under
"kill_trials". Exits 1 if any trial failed, with the seed and the trial to replay.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("PUSKESOS_KILL_TRIALS", "60")

from tests.resilience.kill_harness import failures, run_operation, shares, trial_count, trial_seed  # noqa: E402
from tests.resilience.kill_operations import all_operations  # noqa: E402
from tests.resilience.kill_sites import build_sites, build_trial_files, seeded_database  # noqa: E402

HOUSEHOLDS = int(os.environ.get("PUSKESOS_BENCH_HOUSEHOLDS", "40"))
RESULTS = Path(__file__).resolve().parent / "results.json"


def main() -> int:
    total, seed = trial_count(), trial_seed()
    report: dict[str, object] = {"total_trials": total, "seed": seed, "households": HOUSEHOLDS}
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="puskesos-kill-") as scratch:
        folder = Path(scratch)
        os.environ["PUSKESOS_HOME"] = str(folder / "home")  # logs and settings of this run stay in the scratch
        started = time.monotonic()
        seeded = seeded_database(folder / "seeded.db")
        village, district = build_sites(seeded, folder, households=HOUSEHOLDS)
        files = build_trial_files(village, district, folder / "files")
        report["fixture_seconds"] = round(time.monotonic() - started, 1)
        operations = all_operations(files, folder / "files")
        try:
            per_operation = {}
            for operation, count in zip(operations, shares(total, len(operations)), strict=True):
                summary = run_operation(operation, count, seed, folder / "trials")
                per_operation[operation.name] = summary.as_json()
                problems += failures(summary, seed)
                print(operation.name, json.dumps({k: v for k, v in summary.as_json().items() if k != "kills"}),
                      flush=True)
        finally:
            for operation in operations:
                operation.close()
    report["operations"] = per_operation
    report["landed_mid_operation"] = sum(int(o["landed_mid_operation"]) for o in per_operation.values())
    report["failed"] = len(problems)
    report["failures"] = problems
    report["measured_at"] = time.strftime("%Y-%m-%dT%H:%M:%S")
    report["python"] = sys.version.split()[0]
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results["kill_trials"] = report
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(problems) or f"{total} trials, no failure")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
