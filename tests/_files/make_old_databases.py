"""Build the committed databases that migration tests upgrade. Run once per schema revision, then commit the file:

    .venv/bin/python tests/_files/make_old_databases.py 0001

Each file is a real site database made at that revision through the application's own services: a desa site,
an Admin, one household of three and a visit. Region rows are removed (and reloaded on open) to keep it small.
Never regenerate a committed file for an old revision: it stands for databases already out in the field.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

from alembic import command

from puskesos_desk.data.db import Database
from puskesos_desk.data.migrate import alembic_config
from puskesos_desk.data.seed import ensure_reference_data
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft, VisitDraft
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.site import initialise_site
from puskesos_desk.services.visits import record_visit


def build(revision: str, target: Path) -> None:
    os.environ.setdefault("PUSKESOS_HOME", tempfile.mkdtemp())
    target.unlink(missing_ok=True)
    db = Database(f"sqlite:///{target}")
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    with db.transaction(None) as session:
        ensure_reference_data(session)
    cli = ServiceContext(db, Actor.cli("fixture"))
    initialise_site(cli, code="33.22.01.2007", name="Puskesos Desa Sumogawe", role=SiteRole.DESA,
                    admin_username="admin", admin_password="admin-rahasia-1")
    cli = ServiceContext(db, Actor.cli("fixture", site_code="33.22.01.2007", site_role=SiteRole.DESA))
    result = register_household(cli, HouseholdDraft(
        members=(
            MemberDraft(name="Slamet Riyadi", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1980, 5, 15),
                        nik="3322011505800003"),
            MemberDraft(name="Siti Aminah", relation="ISTRI", sex="P", birth_date=date(1985, 7, 20),
                        nik="3322016007850004"),
            MemberDraft(name="Dwi Lestari", relation="ANAK", sex="P", birth_date=date(2012, 2, 1),
                        nik="3322014102120001"),
        ),
        kk_number="3322010101150007", address="Dusun Krajan", rt="1", rw="2", hamlet="Krajan",
    ))
    head = result.household.members[0]
    record_visit(cli, VisitDraft(household_id=result.household.id, applicant_person_id=head.id,
                                 applicant_relation="DIRI_SENDIRI", purpose="Menanyakan PBI JK nonaktif"))
    db.dispose()
    raw = sqlite3.connect(target)
    raw.execute("DELETE FROM wilayah")
    raw.commit()
    raw.execute("PRAGMA journal_mode = DELETE")
    raw.execute("VACUUM")
    raw.close()


if __name__ == "__main__":
    rev = sys.argv[1] if len(sys.argv) > 1 else "0001"
    build(rev, Path(__file__).resolve().parent / f"puskesos-schema-{rev}.db")
