"""`db-copy`: a whole database moves to a new empty one, on the backend under test, and comes back unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from backends import copy_sqlite, new_location, rows, table_digest

from puskesos_desk.cli import main
from puskesos_desk.data.db import Database
from puskesos_desk.data.transfer import model_tables
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.database_copy import copy_database
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.site import initialise_site

SITE = "33.22.01.2007"


def _village_file(seeded_template: Path, target: Path) -> ServiceContext:
    """A SQLite village (the usual starting point) with one registered household."""
    copy_sqlite(seeded_template, target)
    db = Database(f"sqlite:///{target}")
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code=SITE, name="Puskesos Desa Sumogawe",
                    role=SiteRole.DESA, admin_username="admin", admin_full_name="Admin",
                    admin_password="admin-1-rahasia")
    ctx = ServiceContext(db, Actor.cli("pytest", site_code=SITE, site_role=SiteRole.DESA))
    register_household(ctx, HouseholdDraft(
        members=(MemberDraft(name="Sutini Rahayu", relation="KEPALA_KELUARGA", sex="P", birth_date=date(1975, 2, 3),
                             nik="3322014302750001"),),
        kk_number="3322010101150009", address="Dusun Krajan", rt="1", rw="2"))
    return ctx


def test_a_village_file_copies_to_the_backend_under_test_and_back_unchanged(seeded_template: Path,
                                                                             tmp_path: Path) -> None:
    source = _village_file(seeded_template, tmp_path / "desa.db")
    target = new_location(tmp_path, "tujuan.db")
    try:
        result = copy_database(source, target.url)
        assert result.rows["person"] == 1 and result.rows["household"] == 1
        assert result.rows["wilayah"] > 83_000 and result.total == sum(result.rows.values())
        assert rows(target, "SELECT name FROM person") == [("SUTINI RAHAYU",)]
        # The target works as a site: a new registration gets the next number, ids do not collide.
        moved = ServiceContext(Database(target.url), Actor.cli("pytest", site_code=SITE, site_role=SiteRole.DESA))
        register_household(moved, HouseholdDraft(
            members=(MemberDraft(name="Paijo", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1960, 1, 1),
                                 no_nik_reason="HILANG"),), no_kk_reason="HILANG", address="Dusun Krajan", rt="1",
            rw="2"))
        moved.db.dispose()
        assert rows(target, "SELECT count(*) FROM person") == [(2,)]
        # And back into a file: everything the source had is there, as it was.
        back = tmp_path / "kembali.db"
        copy_database(ServiceContext(Database(target.url), Actor.cli("pytest")), str(back))
        before, after = table_digest(tmp_path / "desa.db"), table_digest(back)
        changed = {table.name for table in model_tables() if before[table.name] != after[table.name]}
        # The second registration, and only it (the search index outside the models follows by triggers).
        assert changed == {"person", "household", "membership", "audit_event", "number_sequence"}
        assert rows(back, "SELECT count(*) FROM audit_event") > rows(tmp_path / "desa.db",
                                                                     "SELECT count(*) FROM audit_event")
    finally:
        source.db.dispose()


def test_a_target_holding_a_site_is_refused_untouched(site_db, seeded_template: Path, tmp_path: Path) -> None:
    source = _village_file(seeded_template, tmp_path / "desa.db")
    before = table_digest(site_db)
    site_db.db.dispose()
    try:
        with pytest.raises(InputRejected, match="sudah berisi data situs"):
            copy_database(source, site_db.url)
    finally:
        source.db.dispose()
    assert table_digest(site_db) == before


def test_cli_db_copy_reports_the_rows(seeded_template: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    source = _village_file(seeded_template, tmp_path / "desa.db")
    source.db.dispose()
    target = new_location(tmp_path, "tujuan.db")
    assert main(["--db", str(tmp_path / "desa.db"), "db-copy", "--to", target.url, "--json"]) == 0
    out = capsys.readouterr().out
    assert '"ok": true' in out and '"person": 1' in out
    assert main(["--db", str(tmp_path / "desa.db"), "db-copy", "--to", target.url]) == 3
    assert "sudah berisi data situs" in capsys.readouterr().err
