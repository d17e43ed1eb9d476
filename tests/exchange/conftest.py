"""Two sites that exchange packages: the village of the shared site fixture (Desa Sumogawe, with demo activity)
and its district secretariat (Kab. Semarang), each trusting the other's site card."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
from backends import DbLocation, clone
from conftest import SITE_CODE, SITE_NAME, SiteFixture, cloned_fixture, open_fixture

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.site import initialise_site, site_card
from puskesos_desk.services.trust import trust_site

DISTRICT_CODE = "33.22"
DISTRICT_NAME = "Sekretariat SLRT Kabupaten Semarang"
DEMO_HOUSEHOLDS = 40


@dataclass(frozen=True)
class Linked:
    village: SiteFixture
    district: SiteFixture


def _open(location: DbLocation, code: str, role: SiteRole) -> SiteFixture:
    return open_fixture(location, Actor.cli("pytest", site_code=code, site_role=role))


def _initialised(seeded: DbLocation, folder: Path, name: str, *, code: str, site_name: str, role: SiteRole,
                 admin_full_name: str, admin_password: str, address: str) -> DbLocation:
    location = clone(seeded, folder, name)
    db = Database(location.url)
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code=code, name=site_name, role=role,
                    admin_username="admin", admin_full_name=admin_full_name, admin_password=admin_password,
                    address=address)
    db.dispose()
    return location


@pytest.fixture(scope="session")
def village_location(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> DbLocation:
    """Desa Sumogawe with a small year of demo activity (households, visits, referrals, proposals, …)."""
    location = _initialised(seeded_location, tmp_path_factory.mktemp("exchange"), "village.db", code=SITE_CODE,
                            site_name=SITE_NAME, role=SiteRole.DESA, admin_full_name="Admin Desa",
                            admin_password="admin-desa-rahasia-1", address="Jl. Raya Sumogawe No. 1")
    site = _open(location, SITE_CODE, SiteRole.DESA)
    generate_demo(site.cli, households=DEMO_HOUSEHOLDS, seed=7)
    site.db.dispose()
    return location


@pytest.fixture(scope="session")
def district_location(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> DbLocation:
    return _initialised(seeded_location, tmp_path_factory.mktemp("exchange"), "district.db", code=DISTRICT_CODE,
                        site_name=DISTRICT_NAME, role=SiteRole.KABUPATEN, admin_full_name="Admin Kabupaten",
                        admin_password="admin-kabupaten-1", address="Jl. Gatot Subroto, Ungaran")


@pytest.fixture(scope="session")
def village_template(village_location: DbLocation) -> Path:
    """The village template as a SQLite file, for the tests that work on files."""
    if village_location.path is None:
        pytest.fail("this test works on SQLite files: mark it sqlite_only or use village_location")
    return village_location.path


@pytest.fixture(scope="session")
def district_template(district_location: DbLocation) -> Path:
    if district_location.path is None:
        pytest.fail("this test works on SQLite files: mark it sqlite_only or use district_location")
    return district_location.path


@pytest.fixture
def linked(village_location: DbLocation, district_location: DbLocation, tmp_path: Path) -> Iterator[Linked]:
    """Fresh copies of both sites, each trusting the other."""
    with ExitStack() as stack:
        village = stack.enter_context(cloned_fixture(
            village_location, tmp_path, "village.db",
            Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA)))
        district = stack.enter_context(cloned_fixture(
            district_location, tmp_path, "district.db",
            Actor.cli("pytest", site_code=DISTRICT_CODE, site_role=SiteRole.KABUPATEN)))
        trust_site(district.cli, site_card(village.cli)[1])
        trust_site(village.cli, site_card(district.cli)[1])
        yield Linked(village=village, district=district)
