"""`self-test`: database opens and migrates, reference data present, Qt loads, PDF and Excel work."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import SITE_CODE, SiteFixture

from puskesos_desk.data.migrate import head_revision
from tests.cli._helpers import scalar

CHECKS = ["database", "reference_data", "qt_platform", "pdf", "excel"]
VILLAGES = 83_762  # desa/kelurahan in Kepmendagri 300.2.2-2138 Tahun 2025 (the product rule)


def _by_name(payload: dict) -> dict[str, dict]:
    checks = payload["checks"]
    assert [c["name"] for c in checks] == CHECKS
    for check in checks:
        assert isinstance(check["ok"], bool)
        assert isinstance(check["detail"], str)
        assert check["detail"]
    return {c["name"]: c for c in checks}


def test_self_test_on_a_new_database_migrates_and_passes(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "baru" / "puskesos.db"
    result = run_cli("self-test", "--db", path, "--json")
    assert result.rc == 0, result.out + result.err
    payload = result.json()
    assert payload["ok"] is True
    checks = _by_name(payload)
    assert all(c["ok"] for c in checks.values()), checks

    # It opened and migrated the database...
    assert scalar(path, "SELECT version_num FROM alembic_version") == head_revision()
    assert str(path) in checks["database"]["detail"]
    # ...and the reference data is the full Kemendagri list.
    villages = scalar(path, "SELECT COUNT(*) FROM wilayah WHERE level = 4")
    assert villages == VILLAGES
    assert f"{villages} desa/kelurahan" in checks["reference_data"]["detail"]


def test_self_test_text_output(run_cli, site_db: SiteFixture) -> None:
    result = run_cli("self-test", "--db", site_db.path)
    assert result.rc == 0, result.out + result.err
    lines = result.out.splitlines()
    assert [line.split("]")[0] for line in lines[:-1]] == ["[OK"] * len(CHECKS)
    assert lines[-1] == "Semua pemeriksaan lulus."


def test_self_test_fails_when_reference_data_is_incomplete(run_cli, seeded_db: SiteFixture) -> None:
    conn = sqlite3.connect(seeded_db.path)
    with conn:
        conn.execute("DELETE FROM wilayah WHERE code = (SELECT code FROM wilayah WHERE level = 4 AND code != ? "
                     "ORDER BY code DESC LIMIT 1)", (SITE_CODE,))
    conn.close()
    remaining = scalar(seeded_db.path, "SELECT COUNT(*) FROM wilayah WHERE level = 4")
    assert remaining == VILLAGES - 1

    result = run_cli("self-test", "--db", seeded_db.path, "--json")
    assert result.rc == 1
    payload = result.json()
    assert payload["ok"] is False
    checks = _by_name(payload)
    assert checks["reference_data"]["ok"] is False
    assert str(remaining) in checks["reference_data"]["detail"]
    assert [name for name, c in checks.items() if not c["ok"]] == ["reference_data"]


def test_self_test_reports_an_unusable_database_and_leaves_it_alone(run_cli, tmp_path: Path) -> None:
    path = tmp_path / "data.db"
    path.write_bytes(b"NIK;NAMA\n3322011505800003;SLAMET\n")
    before = path.read_bytes()
    result = run_cli("self-test", "--db", path, "--json")
    assert result.rc == 1
    checks = _by_name(result.json())
    assert checks["database"]["ok"] is False
    assert "bukan basis data" in checks["database"]["detail"]
    assert checks["reference_data"]["ok"] is False
    assert checks["pdf"]["ok"] is True
    assert checks["excel"]["ok"] is True
    assert path.read_bytes() == before
