"""benchmarks/report.py: results.json → RESULTS.md. Each goal of benchmarks/goals.py passes or fails on the
figures measured, a missing figure is "not measured" (never estimated), and figures a failed run did not replace
are marked stale."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import report
from goals import GOALS, goal


def sample() -> dict[str, Any]:
    return {
        "exchange_import": {"raw_calamine_to_python": {"seconds_median": 6.0},
                            "import": {"seconds_median": 27.0, "peak_rss_mib": {"parent": 300.0,
                                                                               "reader_process": 480.0}},
                            "measured_at": "2026-11-23T03:33:39"},
        "exchange_export": {"raw_xlsxwriter": {"seconds_median": 80.0}, "export": {"seconds_median": 81.0}},
        "slips": {"slip_ms": 30.0, "minimal_page_ms": 16.0, "ratio_slip_to_minimal": 1.88,
                  "batch": {"total_s": 29.1}},
        "walkin": {"actions": [33, 35], "scripted_s": {"max": 130.0}, "rss_mb": {"peak": 180.0}},
        "bundle": {"app_bytes": 210_000_000, "bare_bytes": 170_000_000, "goal_bytes": 200_000_000},
        "kill_trials": {"total_trials": 60, "failed": 0},
        "district_scale": {"sqlite": {"reports": {"recap_build_s": 8.0, "recap_xlsx_s": 11.5, "recap_pdf_s": 6.0}},
                           "machine": {"measured_at": "2026-11-23T09:42:09"}},
        "district_search": {"sqlite": {"typo_tolerant": {"p95_ms": 10.0, "recall_at_20": 0.94}}},
        "db_size": {"vacuumed_bytes": 60_000_000},
        "gui_stalls": {"import": {"error": "timed out after 5400 s"}},
    }


def row(results: dict[str, Any], goal_id: str) -> report.Row:
    return report.evaluate(goal(goal_id), results)


def table_line(text: str, goal_id: str) -> list[str]:
    title = goal(goal_id).title
    (line,) = [line for line in text.splitlines() if line.startswith(f"| {title}")]
    return [cell.strip() for cell in line.strip("|").split(" | ")]


def test_ratio_goals_divide_by_the_baseline_of_the_same_run() -> None:
    results = sample()
    imported = row(results, "import_ratio")
    assert (imported.measured, imported.baseline, imported.ratio) == (27.0, 6.0, 4.5)
    assert imported.status == report.FAIL
    exported = row(results, "export_ratio")
    assert exported.ratio == pytest.approx(81 / 80) and exported.status == report.PASS
    # A ratio the benchmark computed itself is the one shown.
    assert row(results, "slip_ratio").ratio == 1.88


def test_limits_in_mb_and_megabytes() -> None:
    results = sample()
    parent, reader = row(results, "import_rss_parent"), row(results, "import_rss_reader")
    assert parent.status == report.PASS
    assert reader.measured == pytest.approx(480 * 1.048576)  # 480 MiB is 503 MB: over the 500 MB goal
    assert reader.status == report.FAIL


def test_lists_the_slowest_part_and_at_least_goals() -> None:
    results = sample()
    assert row(results, "walkin_actions").measured == 35 and row(results, "walkin_actions").status == report.PASS
    assert row(results, "walkin_time").status == report.FAIL
    recap = row(results, "district_recap_sqlite")
    assert recap.measured == 11.5 and recap.status == report.FAIL
    assert row(results, "district_recall_sqlite").status == report.FAIL  # 0.94 < 0.95
    assert row(results, "kill_trials_count").status == report.PASS
    assert row(results, "kill_trials_failed").status == report.PASS  # 0 ≤ 0


def test_the_bundle_limit_comes_from_the_same_build() -> None:
    results = sample()
    bundle = row(results, "bundle_size")
    assert (bundle.measured, bundle.limit) == (210.0, 200.0) and bundle.status == report.FAIL
    del results["bundle"]["goal_bytes"]
    assert row(results, "bundle_size").limit == 200.0  # bare bundle + 30 MB
    results["bundle"]["app_bytes"] = 199_000_000
    assert row(results, "bundle_size").status == report.PASS


def test_missing_figures_are_not_measured() -> None:
    results = sample()
    for goal_id in ("idle_rss", "startup_ratio", "gui_stall_export", "gui_stall_import", "district_recap_postgresql",
                    "fuzz_runs"):
        found = row(results, goal_id)
        assert found.status == report.NOT_MEASURED and found.measured is None, goal_id
    assert row({}, "import_ratio").status == report.NOT_MEASURED
    assert row(results, "db_size").status == report.REPORTED
    assert all(report.evaluate(g, {}).status == report.NOT_MEASURED for g in GOALS)


def test_a_case_measured_in_a_later_run_keeps_its_own_date() -> None:
    results = sample()
    results["gui_stalls"] = {
        "export": {"max_gap_ms": 87.5, "measured_at": "2026-11-24T00:21:53"},
        "batch_print": {"max_gap_ms": 69.3, "measured_at": "2026-11-24T06:56:05"},
        "measured_at": "2026-11-24T06:56:06",  # the last run, which measured only the batch print
    }
    assert row(results, "gui_stall_export").measured_at == "2026-11-24T00:21:53"
    assert row(results, "gui_stall_batch_print").measured_at == "2026-11-24T06:56:05"
    assert row(results, "import_ratio").measured_at == "2026-11-23T03:33:39"  # no date of its own: the benchmark's


def test_the_markdown_table(tmp_path: Path) -> None:
    results = sample()
    results["run_all"] = {"mode": "full", "started_at": "2026-11-24T01:00:00", "finished_at": "2026-11-24T05:00:00",
                          "seconds": 14_400, "machine": {"cpu": "Test CPU", "cores": 2, "ram_gib": 23.5,
                                                         "os": "Debian 12", "python": "3.11.7"},
                          "runs": {"exchange_export": {"status": "failed", "seconds": 60, "exit": 1,
                                                       "note": "exit 1; see logs/exchange_export.log"},
                                   "slips": {"status": "ok", "seconds": 61}},
                          "keys": {"exchange_export": {"benchmark": "exchange_export", "status": "failed"},
                                   "slips": {"benchmark": "slips", "status": "ok",
                                             "finished_at": "2026-11-24T01:30:00"}}}
    source = tmp_path / "results.json"
    source.write_text(json.dumps(results))
    out = report.write_report(source, tmp_path / "RESULTS.md")
    text = out.read_text(encoding="utf-8")
    assert "Test CPU, 2 cores, 23.5 GiB RAM, Debian 12, Python 3.11.7" in text
    assert table_line(text, "import_ratio")[2:7] == ["27 s", "6 s", "4.50×", "≤ 2.5×", "**FAIL**"]
    assert table_line(text, "import_ratio")[7] == "2026-11-23T03:33:39"
    assert table_line(text, "export_ratio")[6] == "**pass** (stale: its last run failed)"
    assert table_line(text, "slip_ratio")[7] == "2026-11-24T01:30:00"  # no measured_at of its own: run_all's
    assert table_line(text, "gui_stall_export")[2] == "—" and table_line(text, "gui_stall_export")[6] == "not measured"
    assert table_line(text, "gui_stall_import")[6] == "not measured (timed out after 5400 s)"
    assert table_line(text, "district_recap_sqlite")[7] == "2026-11-23T09:42:09"
    assert "| exchange_export | failed | 1.0 | exit 1; see logs/exchange_export.log |" in text
    counted = f"**Goals:** {sum(1 for g in GOALS if report.evaluate(g, results).status == report.PASS)} pass"
    assert counted in text
