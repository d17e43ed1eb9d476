"""The walk-in benchmark (benchmarks/walkin.py) at CI size: one walk-in in a village of ten demo households, in its
own process as the benchmark is run, writing its result where it is told (never into benchmarks/results.json)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "walkin.py"


def test_one_walk_in_is_measured_and_recorded(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    results.write_text(json.dumps({"startup": {"runs": 1}}))  # other benchmarks' results stay
    env = {**os.environ, "PUSKESOS_WALKIN_REPEATS": "1", "PUSKESOS_WALKIN_HOUSEHOLDS": "10",
           "PUSKESOS_WALKIN_RESULTS": str(results)}
    subprocess.run([sys.executable, str(BENCHMARK)], env=env, check=True, capture_output=True, timeout=280)
    data = json.loads(results.read_text())
    assert data["startup"] == {"runs": 1}
    walkin = data["walkin"]
    assert walkin["repetitions"] == 1 and walkin["demo_households"] == 10
    assert walkin["actions"] <= walkin["goals"]["actions"] == 40
    assert walkin["met"]["actions"] is True
    (run,) = walkin["per_repetition"]
    assert run["actions"] == walkin["actions"] and run["seconds"] > 0 and run["slip_bytes"] > 0
    memory = walkin["rss_mb"]
    assert 0 < memory["before_first"] <= memory["peak"] and 0 < memory["final"] <= memory["peak"]
    # The slip was laid out and rasterised in one PDF helper process, as in the app, and its memory is reported.
    assert memory["pdf_helpers_started"] == 1
    assert 0 < memory["pdf_helper_peak"] < memory["desk_and_helper_peak"]
