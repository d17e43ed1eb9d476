"""The database-size benchmark (benchmarks/db_size.py) at CI size: a village of 150 persons with its year of activity
made through the services, measured, and recorded where it is told (never into benchmarks/results.json)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"

PERSONS = 150


def test_a_small_village_is_built_measured_and_recorded(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    results.write_text(json.dumps({"startup": {"runs": 1}}))
    kept = tmp_path / "village.db"
    env = {**os.environ, "PUSKESOS_BENCH_DBSIZE_PERSONS": str(PERSONS), "PUSKESOS_BENCH_DBSIZE_EXPORTS": "1",
           "PUSKESOS_BENCH_RESULTS": str(results), "PUSKESOS_BENCH_DBSIZE_KEEP": str(kept)}
    subprocess.run([sys.executable, str(BENCHMARKS / "db_size.py")], env=env, check=True, capture_output=True,
                   timeout=300)
    data = json.loads(results.read_text())
    assert data["startup"] == {"runs": 1}
    size = data["db_size"]

    # The activity asked for, scaled to 150 persons (1,500 visits per 15,000 persons and so on).
    activity = size["activity"]
    assert size["persons"] >= PERSONS and size["households"] > 0
    assert (activity["visits"], activity["complaints"], activity["needs"], activity["referrals"]) == (15, 12, 18, 9)
    assert activity["packages_sent"] == 1 and activity["extract_rows"] > 0

    # The figures describe the file that was kept.
    with closing(sqlite3.connect(kept)) as conn:
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("person", "visit", "complaint", "need", "referral", "audit_event", "register_record")}
        printed = conn.execute("SELECT count(*) FROM referral WHERE print_count > 0").fetchone()[0]
    assert counts["person"] == size["persons"] == size["row_counts"]["person"]
    assert (counts["visit"], counts["complaint"], counts["need"], counts["referral"]) == (15, 12, 18, 9)
    assert printed == 9  # every referral was approved and printed
    assert counts["audit_event"] > size["persons"]  # every registration, visit and step is in the audit log
    assert kept.stat().st_size == size["file_bytes"]
    assert size["empty_site_bytes"] < size["vacuumed_bytes"] <= size["file_bytes"]
    assert size["vacuumed_bytes_per_person"] == round(size["vacuumed_bytes"] / size["persons"])

    # The largest objects come from dbstat, and the region table is among them in a small village.
    assert size["size_method"] == "dbstat"
    tables = {entry["table"] for entry in size["tables"]}
    assert {"wilayah", "audit_event", "person"} <= tables
    assert sum(entry["bytes"] for entry in size["largest_objects"]) <= size["file_bytes"]
