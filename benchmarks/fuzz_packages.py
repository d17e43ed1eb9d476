"""Fuzz the package import at full count: PUSKESOS_FUZZ_RUNS mutants (default 10,000) of a real package.

The source is the full package of a small village (PUSKESOS_FUZZ_HOUSEHOLDS demo households, default 2: every sheet,
few rows), and the fuzz process runs the spreadsheet reader's code in itself (reader.read_in_this_process) instead
of starting ~15 reader processes per mutant: about 0.1 s a mutant instead of 1-2 s on a 2-core machine.

Runs tests/resilience/test_fuzz_packages.py through pytest (it builds the village, the district and the package with
the shared fixtures) and merges its report (runs, seconds, outcome counts, exit status) into
benchmarks/results.json under "fuzz_packages".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results.json"
RUNS = int(os.environ.get("PUSKESOS_FUZZ_RUNS", "10000"))


def main() -> int:
    report_path = Path(tempfile.mkdtemp(prefix="fuzz-bench-")) / "fuzz.json"
    env = {**os.environ, "PUSKESOS_FUZZ_RUNS": str(RUNS), "PUSKESOS_FUZZ_REPORT": str(report_path)}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/resilience/test_fuzz_packages.py"], cwd=ROOT, env=env, check=False)
    found = json.loads(report_path.read_text()) if report_path.exists() else {}
    report = {"runs": found.get("runs", 0), "seconds": found.get("seconds"), "outcomes": found.get("outcomes", {}),
              "failure_count": found.get("failure_count"), "child_exit": found.get("exit"),
              "households": int(os.environ.get("PUSKESOS_FUZZ_HOUSEHOLDS", "2")), "reader_in_process": True,
              "pytest_exit": done.returncode, "wall_seconds": round(time.monotonic() - started, 1)}
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results["fuzz_packages"] = report
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
