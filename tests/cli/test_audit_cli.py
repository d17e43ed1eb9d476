"""THE audit tamper test: a site with some activity, then the real `sqlite3` command-line tool edits or deletes an
audit row behind the application's back; `audit verify` exits 3 and names the event. Also `audit list`."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.registration import register_household
from tests.cli._helpers import query, scalar

pytestmark = pytest.mark.sqlite_only


def _sqlite3(path: Path, sql: str) -> None:
    tool = shutil.which("sqlite3")
    if tool is None:  # never skipped: the tamper test is a promise of docs/security.md
        pytest.fail("the sqlite3 command-line tool is not on PATH: install the Debian package `sqlite3`")
    done = subprocess.run([tool, str(path), sql], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def active_site(site_db: Any) -> Path:
    """A desa site file with two registered households, closed so that another program can open it."""
    for number, name in ((3, "Slamet Riyadi"), (4, "Siti Aminah")):
        register_household(site_db.cli, HouseholdDraft(
            members=(MemberDraft(name=name, relation="KEPALA_KELUARGA", sex="L", birth_date=date(1980, 5, 15),
                                 nik=f"332201150580000{number}"),),
            kk_number=f"332201010115000{number}", address="Dusun Krajan", rt="1", rw="2"))
    site_db.db.dispose()
    assert site_db.path is not None
    return site_db.path


def _last(path: Path) -> int:
    return int(scalar(path, "SELECT MAX(seq) FROM audit_event"))


def test_an_untouched_log_verifies(run_cli, active_site: Path) -> None:
    result = run_cli("audit", "verify", "--db", active_site)
    assert result.rc == 0, result.err
    assert "Log audit utuh" in result.out
    assert query(active_site, "SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1") == [("AUDIT_VERIFY",)]


def test_an_event_edited_with_sqlite3_is_named(run_cli, active_site: Path) -> None:
    target = _last(active_site) - 5
    _sqlite3(active_site, "DROP TRIGGER audit_event_no_update; "
                          f"UPDATE audit_event SET changes = '{{\"alamat\": \"palsu\"}}' WHERE seq = {target};")
    result = run_cli("audit", "verify", "--db", active_site)
    assert result.rc == 3
    assert "LOG AUDIT RUSAK" in result.out and f"Peristiwa nomor {target}" in result.out and "diubah" in result.out

    as_json = run_cli("audit", "verify", "--json", "--db", active_site)
    assert as_json.rc == 3
    broken = as_json.json()["broken"]
    assert as_json.json()["ok"] is False and broken["seq"] == target and broken["kind"] == "DIUBAH"
    assert broken["action"] and broken["occurred_at"]


def test_an_event_deleted_with_sqlite3_is_named(run_cli, active_site: Path) -> None:
    target = _last(active_site) // 2
    _sqlite3(active_site, f"DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE seq = {target};")
    result = run_cli("audit", "verify", "--db", active_site, "--json")
    assert result.rc == 3
    broken = result.json()["broken"]
    assert (broken["seq"], broken["kind"], broken["missing"]) == (target, "DIHAPUS", 1)
    assert f"Peristiwa nomor {target} hilang" in broken["description"]
    text = run_cli("audit", "verify", "--db", active_site)
    assert text.rc == 3 and f"Peristiwa nomor {target} hilang" in text.out


def test_audit_list_filters_by_action_and_pages(run_cli, active_site: Path) -> None:
    run_cli("audit", "verify", "--db", active_site)
    result = run_cli("audit", "list", "--aksi", "audit_verify", "--json", "--db", active_site)
    assert result.rc == 0, result.err
    events = result.json()["events"]
    assert result.json()["total"] == 1 and events[0]["action"] == "AUDIT_VERIFY"
    assert events[0]["action_label"] == "Periksa keutuhan log"

    page = run_cli("audit", "list", "--batas", "3", "--dari", date.today().isoformat(), "--db", active_site)
    assert page.rc == 0 and "ditampilkan 3 mulai ke-1" in page.out and "Berikutnya: --lewati 3" in page.out
    assert "3322011505800003" not in page.out  # the log holds keyed hashes, and output is masked anyway

    wrong = run_cli("audit", "list", "--aksi", "MENGINTIP", "--db", active_site)
    assert wrong.rc == 3 and "--aksi MENGINTIP tidak dikenal" in wrong.err
