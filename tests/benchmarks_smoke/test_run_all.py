"""benchmarks/run_all.py, the harness: each step in a child of its own, a failure or a timeout recorded and the run
going on, the steps' own results kept, then RESULTS.md — here with three stand-in benchmarks in a scratch copy of
benchmarks/ (the real ones take hours)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import run_all

WRITES = """
import json, os, sys
from pathlib import Path
results = Path(__file__).resolve().parent / "results.json"
data = json.loads(results.read_text()) if results.exists() else {}
data["slips"] = {"slip_ms": 20.0, "minimal_page_ms": 16.0, "counted": os.environ["PUSKESOS_BENCH_SLIPS"],
                 "leaked": os.environ.get("PUSKESOS_BENCH_PERSONS", "")}
results.write_text(json.dumps(data))
"""
FAILS = "import sys; print('boom', file=sys.stderr); sys.exit(2)"
HANGS = "import time; time.sleep(60)"


def test_steps_run_in_order_failures_are_recorded_and_the_report_is_written(tmp_path: Path,
                                                                           monkeypatch: object) -> None:
    layout = run_all.Layout(tmp_path)
    layout.prepare(fresh=True)
    for name, code in (("fake_ok.py", WRITES), ("fake_fails.py", FAILS), ("fake_hangs.py", HANGS)):
        (layout.bench / name).write_text(code)
    earlier = {"import": {"seconds_median": 28.0}, "raw_calamine_to_python": {"seconds_median": 6.4},
               "ratio_import_to_raw": 4.4}
    layout.results.write_text(json.dumps({"exchange_import": earlier}))
    steps = [
        run_all.Step("hangs", "fake_hangs.py", ("walkin",), {}, {}, 1, quick_timeout_min=0.03),
        run_all.Step("fails", "fake_fails.py", ("exchange_import",), {}, {}, 1),
        run_all.Step("writes", "fake_ok.py", ("slips",), {}, {"PUSKESOS_BENCH_SLIPS": "7"}, 1),
        run_all.Step("missing", "not_there.py", ("idle_memory",), {}, {}, 1),
    ]
    monkeypatch.setenv("PUSKESOS_BENCH_PERSONS", "123")  # type: ignore[attr-defined]  # a count from outside
    started = time.monotonic()
    assert run_all.run(steps, layout, quick=True) == 1
    assert time.monotonic() - started < 30  # the hanging step was killed at its timeout

    data = json.loads(layout.results.read_text())
    assert data["slips"]["counted"] == "7" and data["slips"]["leaked"] == ""
    assert data["exchange_import"] == earlier  # a failed step's old figures stay …
    runs = data["run_all"]["runs"]
    assert [runs[n]["status"] for n in ("hangs", "fails", "writes", "missing")] == \
        ["timeout", "failed", "ok", "skipped"]
    assert runs["fails"]["exit"] == 2 and "boom" in (layout.logs / "fails.log").read_text()
    keys = data["run_all"]["keys"]
    assert keys["exchange_import"]["status"] == "failed" and keys["slips"]["status"] == "ok"
    assert data["run_all"]["mode"] == "quick" and data["run_all"]["seconds"] > 0

    text = layout.report.read_text(encoding="utf-8")
    assert "A quick run" in text
    assert "(stale: its last run failed)" in text  # … and are marked as not from this run
    assert "| hangs | timeout |" in text and "| missing | skipped |" in text


def test_the_plan_covers_every_goal() -> None:
    from goals import keys

    written = {key for step in run_all.PLAN for key in step.keys}
    assert set(keys()) <= written
    assert len({step.name for step in run_all.PLAN}) == len(run_all.PLAN)
    for step in run_all.PLAN:
        assert step.script is None or (run_all.HERE / step.script).exists() or step.name == "idle_memory", step
