"""Fuzzing the package import: hypothesis mutates a real package (XML bytes, rows, cells, types, numbers, unicode
junk, the zip itself) and every mutant goes through import_package in a child process (fuzz_runner.py).

Asserted: no exception other than the product's refusals, the child exits normally (python-calamine can SIGABRT,
which would show as a negative exit status), and every real import among them is all or nothing. Runs from
PUSKESOS_FUZZ_RUNS (CI default 30); benchmarks/fuzz_packages.py runs 10,000 and records the figures.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SITE_CODE  # noqa: F401 (the shared fixtures)
from exchange.conftest import DISTRICT_CODE

from resilience.conftest import RealSources, sqlite_copy

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("PUSKESOS_FUZZ_RUNS", "30"))
REAL_EVERY = int(os.environ.get("PUSKESOS_FUZZ_REAL_EVERY", "10"))  # one mutant in ten is imported for real

pytestmark = pytest.mark.timeout(max(240, RUNS * 3))


def test_mutated_packages_are_refused_or_imported_never_crash(real_sources: RealSources, tmp_path: Path) -> None:
    # Dry runs go to one copy of the district; real imports to another, put back after each apply (fuzz_runner).
    district = sqlite_copy(real_sources.district, tmp_path / "district.db")
    _fuzz(district, real_sources.district, real_sources.files["package"], tmp_path)


def _fuzz(district_url: str, district_file: Path, package: Path, tmp_path: Path) -> None:
    job = {"package": str(package), "district": district_url, "district_file": str(district_file),
           "district_code": DISTRICT_CODE, "runs": RUNS, "real_every": REAL_EVERY}
    (tmp_path / "job.json").write_text(json.dumps(job))
    result = tmp_path / "fuzz.json"
    env = {**os.environ, "TMPDIR": str(tmp_path), "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    done = subprocess.run([sys.executable, str(Path(__file__).with_name("fuzz_runner.py")), str(tmp_path / "job.json"),
                           str(result)], env=env, capture_output=True, text=True, check=False,
                          timeout=max(200, RUNS * 3))
    report = json.loads(result.read_text()) if result.exists() else {}
    if os.environ.get("PUSKESOS_FUZZ_REPORT"):
        Path(os.environ["PUSKESOS_FUZZ_REPORT"]).write_text(json.dumps({**report, "exit": done.returncode}))

    assert done.returncode == 0, (done.returncode, report.get("failures"), done.stderr[-2000:])
    assert report["runs"] >= RUNS and report["failure_count"] == 0
    assert sum(report["outcomes"].values()) == report["runs"]
    assert any(key.startswith("real:") for key in report["outcomes"])  # some mutants were imported for real
