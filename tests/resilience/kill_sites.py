"""The files the kill -9 trials start from, built once and copied for every trial: a village with a few dozen
households of demo activity, its district trusting it, the village's package to the district, and the committed
old-schema database (tests/_files) for the migration trials."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.site import get_site_info, initialise_site, site_card
from puskesos_desk.services.trust import trust_site

VILLAGE_CODE, VILLAGE_NAME = "33.22.01.2007", "Puskesos Desa Sumogawe"
DISTRICT_CODE, DISTRICT_NAME = "33.22", "Sekretariat SLRT Kabupaten Semarang"
OLD_SCHEMA = Path(__file__).resolve().parents[1] / "_files" / "puskesos-schema-0001.db"


@dataclass(frozen=True)
class TrialFiles:
    village: Path  # a desa site with demo activity, trusting the district (the export and backup trials)
    district: Path  # the kabupaten site before the package (the import trials)
    package: Path  # the village's signed package for the district
    old_schema: Path  # a database at schema 0001 (the migration trials)


def copy_sqlite(source: Path, target: Path) -> Path:
    """A consistent, self-contained copy through the backup API (no -wal file to carry along)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def seeded_database(target: Path) -> Path:
    """A migrated database with reference data and no site (what the test session's seeded_template is)."""
    open_database(str(target)).db.dispose()
    return target


def _site(template: Path, target: Path) -> ServiceContext:
    copy_sqlite(template, target)
    db = Database(f"sqlite:///{target}")
    db.enable_wal()
    site = get_site_info(db)
    return ServiceContext(db, Actor.cli("kill-trial", site_code=site.code, site_role=site.role))


def build_sites(seeded: Path, folder: Path, *, households: int) -> tuple[Path, Path]:
    """A village with `households` households of demo activity and its district (not yet trusting each other), as
    the exchange tests' session fixtures make them."""
    made = []
    for name, code, site_name, role in (("village.db", VILLAGE_CODE, VILLAGE_NAME, SiteRole.DESA),
                                        ("district.db", DISTRICT_CODE, DISTRICT_NAME, SiteRole.KABUPATEN)):
        target = copy_sqlite(seeded, folder / "sites" / name)
        db = Database(f"sqlite:///{target}")
        try:
            initialise_site(ServiceContext(db, Actor.cli("kill-trial")), code=code, name=site_name, role=role,
                            admin_username="admin", admin_full_name="Admin", admin_password="admin-rahasia-1",
                            address="Jl. Contoh No. 1")
            if role is SiteRole.DESA:
                generate_demo(ServiceContext(db, Actor.cli("kill-trial", site_code=code, site_role=role)),
                              households=households, seed=7)
        finally:
            db.dispose()
        made.append(target)
    return made[0], made[1]


def _old_schema(folder: Path, regions_from: Path | None) -> Path:
    """The committed schema-0001 file, or a copy with the regions of `regions_from` put back (the committed file
    leaves them out to stay small, so the first start loads 83,762 regions: a long operation to kill)."""
    if regions_from is None:
        return OLD_SCHEMA
    target = folder / "templates" / OLD_SCHEMA.name
    target.write_bytes(OLD_SCHEMA.read_bytes())
    with closing(sqlite3.connect(target)) as conn:
        conn.execute("ATTACH DATABASE ? AS seeded", (str(regions_from),))
        conn.execute("INSERT OR IGNORE INTO wilayah SELECT * FROM seeded.wilayah")
        conn.commit()
    return target


def build_trial_files(village_template: Path, district_template: Path, folder: Path, *,
                      regions_from: Path | None = None) -> TrialFiles:
    """Copies of both sites trusting each other, the village's package to the district, and the old-schema file;
    each database folded into one self-contained template file."""
    folder.mkdir(parents=True, exist_ok=True)
    village = _site(village_template, folder / "village.db")
    district = _site(district_template, folder / "district.db")
    try:
        trust_site(district, site_card(village)[1])
        trust_site(village, site_card(district)[1])
        package = export_package(village, folder / "paket-desa.xlsx").path
    finally:
        village.db.dispose()
        district.db.dispose()
    templates = folder / "templates"
    return TrialFiles(village=copy_sqlite(folder / "village.db", templates / "village.db"),
                      district=copy_sqlite(folder / "district.db", templates / "district.db"),
                      package=package, old_schema=_old_schema(folder, regions_from))
