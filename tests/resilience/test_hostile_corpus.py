"""The hostile corpus (hostile_corpus.py, 60+ files) through BOTH imports: the package import into the district
(a real import, not a dry run) and the DTSEN extract import into the village.

The corpus runs in a child process under RLIMIT_AS (corpus_runner.py), so a reader that tried to allocate a whole
grid would fail this test instead of exhausting the machine; the child's and its readers' peak RSS are asserted too.
For every file and importer: the expected outcome; a Bahasa message that names the problem with no Python text in
it; for a refusal, no table changed and exactly one audit event, the refusal itself; no file left next to the input
or in the temporary folder; and a bounded time per file (a safety bound, not a speed goal).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import SITE_CODE
from exchange.conftest import DISTRICT_CODE

from puskesos_desk.domain.exchange_package import REFUSALS
from puskesos_desk.spreadsheet.errors import CODES
from resilience.conftest import RealSources, sqlite_copy
from resilience.hostile_corpus import HANDLED, Entry, build_corpus

pytestmark = pytest.mark.timeout(600)

ROOT = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1536 << 20  # RLIMIT_AS of the process that runs the corpus
MAX_PEAK_MIB = 1024  # neither that process nor any reader process it started may come near the cap
MAX_SECONDS_PER_FILE = 15
PYTHON_TEXT = ("Traceback", "Error(", "Exception", "<class", "errno", "b'", "\\x", "None", "self.", ".py")
BAHASA = ("berkas", "lembar", "paket", "baris", "kata sandi", "buku kerja", "kolom", "tidak")


@pytest.fixture(scope="session")
def built(real_sources: RealSources, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Entry, Path]]:
    """Built once per session: building is the slow part for the 10,000-sheet and bomb files."""
    return build_corpus(real_sources.files, tmp_path_factory.mktemp("hostile-corpus"))


def run_corpus(sources: RealSources, files: dict[str, tuple[Entry, Path]], tmp_path: Path) -> dict[str, Any]:
    scratch = tmp_path / "temp"
    scratch.mkdir()
    job = {"district": sqlite_copy(sources.district, tmp_path / "district.db"), "district_code": DISTRICT_CODE,
           "village": sqlite_copy(sources.village, tmp_path / "village.db"), "village_code": SITE_CODE,
           "memory_bytes": MEMORY_CAP,
           "files": [{"name": name, "path": str(path), "district": _fresh_district(sources, entry, tmp_path)}
                     for name, (entry, path) in files.items()]}
    (tmp_path / "job.json").write_text(json.dumps(job))
    env = {**os.environ, "TMPDIR": str(scratch), "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    runner = Path(__file__).with_name("corpus_runner.py")
    done = subprocess.run([sys.executable, str(runner), str(tmp_path / "job.json"), str(tmp_path / "result.json")],
                          env=env, capture_output=True, text=True, timeout=220,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]  # a negative code is a signal: an abort or the memory cap
    return json.loads((tmp_path / "result.json").read_text())


def _fresh_district(sources: RealSources, entry: Entry, tmp_path: Path) -> str | None:
    """A copy of the district (trusting the village) for a package file that must apply: one package then serves
    every such file, where a second import into one district would only be "already imported"."""
    if entry.source != "package" or entry.package != HANDLED:
        return None
    return sqlite_copy(sources.district, tmp_path / "districts" / f"{entry.name}.db")


def problems_of(entry: Entry, result: dict[str, Any]) -> list[str]:
    """What is wrong with one file's outcome in one importer (empty when all is as expected)."""
    kind, found = result["kind"], []
    expected = entry.package if kind == "package" else entry.extract
    if result["status"] == "crash":
        return [f"{kind}: exception escaped: {result['error']}"]
    if result["seconds"] > MAX_SECONDS_PER_FILE:
        found.append(f"{kind}: {result['seconds']} s")
    if result["stray"] or result["temp_left"]:
        found.append(f"{kind}: files left behind {result['stray']} {result['temp_left']}")
    for message in result["messages"]:
        if any(word in message for word in PYTHON_TEXT):
            found.append(f"{kind}: Python text in message {message[:200]!r}")
        if not any(word in message.lower() for word in BAHASA):
            found.append(f"{kind}: message without a Bahasa word {message[:200]!r}")
    refused = result["status"] == "rejected"
    if expected == HANDLED:
        if refused:
            found.append(f"{kind}: refused {result['codes']}, expected handled")
        return found
    if not refused or result["codes"][:1] != [expected]:
        found.append(f"{kind}: {result['status']} {result['codes'][:3]}, expected refusal {expected}")
    if result["changed"]:
        found.append(f"{kind}: refused but changed {result['changed']}")
    refusals = [e for e in result["events"] if e["action"] == "IMPORT" and (e["changes"] or {}).get("refused")]
    if len(result["events"]) != 1 or len(refusals) != 1:
        found.append(f"{kind}: audit events {result['events']}")
    return found


def test_every_corpus_file_is_refused_or_handled_within_limits(real_sources: RealSources,
                                                                built: dict[str, tuple[Entry, Path]],
                                                                tmp_path: Path) -> None:
    assert len(built) >= 60
    report = run_corpus(real_sources, built, tmp_path)

    problems = []
    for result in report["results"]:
        entry, _ = built[result["file"]]
        problems += [f"{entry.name}: {p}" for p in problems_of(entry, result)]
    assert problems == [], "\n".join(problems)
    assert len(report["results"]) == 2 * len(built)
    assert report["peak_rss_mib"] < MAX_PEAK_MIB
    assert report["children_peak_rss_mib"] < MAX_PEAK_MIB


def test_expected_codes_are_product_codes(built: dict[str, tuple[Entry, Path]]) -> None:
    """A typo in an expectation would make a test that cannot pass for the right reason."""
    known = set(CODES) | set(REFUSALS) | {HANDLED}
    for entry, _ in built.values():
        assert entry.package in known, entry.name
        assert entry.extract == HANDLED or entry.extract.upper() in known or entry.extract in EXTRACT_CODES, entry.name


EXTRACT_CODES = {"empty_sheet", "no_nik_column", "no_rows_of_village", "nothing_importable", "no_as_of"}
