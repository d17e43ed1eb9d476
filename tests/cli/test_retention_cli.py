"""`retention show` and `retention run`: a household last touched in 2015 is counted, a dry run changes nothing, a
real run anonymises it and logs one PURGE event, and a run without a reason is a usage error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from puskesos_desk.services.registration import register_household
from tests.cli._helpers import query, scalar, table_digest
from tests.services.factories import family

pytestmark = pytest.mark.sqlite_only
REASON = "Berita acara pemusnahan arsip No. 7/2026"


@pytest.fixture
def aged_site(site_db: Any) -> Path:
    """A desa file with one household whose records were last changed in 2015."""
    register_household(site_db.cli, family())
    site_db.db.dispose()
    assert site_db.path is not None
    for table in ("household", "person"):
        query(site_db.path, f"UPDATE {table} SET updated_at = '2015-01-05 03:00:00.000000'")
    return site_db.path


def test_show_lists_the_periods_and_what_is_due(run_cli, aged_site: Path) -> None:
    result = run_cli("retention", "show", "--json", "--db", aged_site)
    assert result.rc == 0, result.err
    data = json.loads(result.out)
    periods = {p["type"]: (p["period"], p["unit"]) for p in data["periods"]}
    assert periods == {"case_records": (5, "tahun"), "extract_rows": (3, "bulan"), "parked_rows": (12, "bulan")}
    assert data["due"]["households"] == 1 and data["due"]["persons"] == 3
    text = run_cli("retention", "show", "--db", aged_site).out
    assert "JRA" in text and "Log audit tidak pernah dianonimkan" in text


def test_dry_run_changes_nothing_and_run_anonymises(run_cli, aged_site: Path) -> None:
    before = table_digest(aged_site)
    dry = run_cli("retention", "run", "--dry-run", "--alasan", REASON, "--db", aged_site)
    assert dry.rc == 0, dry.err
    assert "Uji coba" in dry.out and "Keluarga: 1 (anggota: 3)" in dry.out
    assert table_digest(aged_site) == before

    done = run_cli("retention", "run", "--alasan", REASON, "--json", "--db", aged_site)
    assert done.rc == 0, done.err
    assert json.loads(done.out)["counts"]["person"] == 3
    assert query(aged_site, "SELECT DISTINCT name, nik FROM person") == [("(dianonimkan)", None)]
    assert scalar(aged_site, "SELECT reason FROM audit_event WHERE action = 'PURGE'") == REASON

    again = run_cli("retention", "run", "--alasan", REASON, "--db", aged_site)
    assert again.rc == 0 and "Tidak ada data" in again.out
    assert scalar(aged_site, "SELECT COUNT(*) FROM audit_event WHERE action = 'PURGE'") == 1


def test_a_run_needs_a_reason(run_cli, aged_site: Path) -> None:
    assert run_cli("retention", "run", "--db", aged_site).rc == 2
    short = run_cli("retention", "run", "--alasan", "x", "--db", aged_site)
    assert short.rc == 3 and "alasan" in short.err
