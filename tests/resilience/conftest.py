"""Resilience tests start from real files: the full package of a small demo village to its district (every sheet,
few rows, so the hostile corpus and thousands of fuzz mutants stay affordable) and a district DTSEN extract
workbook, with SQLite templates of that village and of a district that trusts it, copied fresh for each use."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from backends import DbLocation, clone
from conftest import SITE_CODE, cloned_fixture, open_fixture

# village_location and linked: fixtures test_kill_trials.py needs too.
from exchange.conftest import DISTRICT_CODE, district_location, linked, village_location  # noqa: F401 (fixtures)

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.site import initialise_site, site_card
from puskesos_desk.services.trust import trust_site
from tests.extract import workbooks as extract_workbooks

HOUSEHOLDS = int(os.environ.get("PUSKESOS_FUZZ_HOUSEHOLDS", "2"))
VILLAGE = Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA)
DISTRICT = Actor.cli("pytest", site_code=DISTRICT_CODE, site_role=SiteRole.KABUPATEN)


@dataclass(frozen=True)
class RealSources:
    files: dict[str, Path]  # "package": a full export to the district; "extract": a district DTSEN workbook
    village: Path  # SQLite template of the village that exported the package
    district: Path  # SQLite template of the district, trusting that village


def sqlite_copy(source: Path, target: Path) -> str:
    """A consistent copy of a SQLite file (the backup API, so a WAL is included); returns its URL."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    return f"sqlite:///{target}"


@pytest.fixture(scope="session")
def real_sources(seeded_location: DbLocation, district_location: DbLocation,  # noqa: F811 (fixture imported above)
                 tmp_path_factory: pytest.TempPathFactory) -> RealSources:
    folder = tmp_path_factory.mktemp("real-sources")
    location = clone(seeded_location, folder, "village.db")
    if location.path is None:
        pytest.fail("the resilience tests work on SQLite files")
    db = Database(location.url)
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code=SITE_CODE, name="Desa Kecil", role=SiteRole.DESA,
                    admin_username="admin", admin_full_name="Admin Desa", admin_password="admin-desa-rahasia-1",
                    address="Jl. Desa 1")
    db.dispose()
    village = open_fixture(location, VILLAGE)
    try:
        generate_demo(village.cli, households=HOUSEHOLDS, seed=11)
        package = export_package(village.cli, folder / "paket.xlsx", full=True).path
        card = site_card(village.cli)[1]
    finally:
        village.db.dispose()
    with cloned_fixture(district_location, folder, "district-clone.db", DISTRICT) as district:
        trust_site(district.cli, card)
        assert district.path is not None
        sqlite_copy(district.path, folder / "district.db")
    extract = extract_workbooks.district_workbook(folder / "dtsen.xlsx")
    return RealSources({"package": package, "extract": extract}, location.path, folder / "district.db")
