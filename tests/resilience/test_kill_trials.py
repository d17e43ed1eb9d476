"""Crash safety: SIGKILL at random moments of an import, an export, a migration and a backup (issue 11).

After every kill: PRAGMA integrity_check is ok; the package is applied entirely or not at all, with its ledger
entry exactly when its rows are there; no row present before is lost or changed; an export or backup left either no
file or a complete, valid one under its final name; and the application opens the file again and repeats the
operation cleanly (a package still applies once). See kill_harness.py for how kill points are drawn.

PUSKESOS_KILL_TRIALS (total over the four operations, default 4 in CI) and PUSKESOS_KILL_SEED replay a run;
benchmarks/kill_trials.py runs 60 and writes the figures into benchmarks/results.json.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from exchange.conftest import district_template, village_template  # noqa: F401 (session fixtures)

from tests.resilience.kill_harness import failures, run_operation, shares, trial_count, trial_seed
from tests.resilience.kill_operations import Operation, all_operations
from tests.resilience.kill_sites import build_trial_files

pytestmark = [
    pytest.mark.sqlite_only,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups are POSIX only"),
]
OPERATIONS = ("import", "export", "migrate", "backup")


@pytest.fixture(scope="module")
def operations(village_template: Path, district_template: Path, seeded_template: Path,  # noqa: F811
               tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Operation]]:
    """The starting files, built once: the exchange tests' village and district, trusting each other, with the
    village's package; the old-schema file with its regions put back (a migration of about a second)."""
    folder = tmp_path_factory.mktemp("kill-trials")
    files = build_trial_files(village_template, district_template, folder, regions_from=seeded_template)
    made = all_operations(files, folder)
    yield {operation.name: operation for operation in made}
    for operation in made:
        operation.close()


@pytest.mark.parametrize("name", OPERATIONS)
def test_killed_operation_leaves_a_consistent_database(name: str, operations: dict[str, Operation],
                                                      tmp_path: Path) -> None:
    count = dict(zip(OPERATIONS, shares(trial_count(), len(OPERATIONS)), strict=True))[name]
    if count == 0:
        pytest.skip(f"PUSKESOS_KILL_TRIALS={trial_count()} leaves no trial for {name}")
    seed = trial_seed()
    summary = run_operation(operations[name], count, seed, tmp_path)
    assert len(summary.trials) == count
    found = failures(summary, seed)
    assert not found, "\n".join(found)
