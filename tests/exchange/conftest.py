"""Two sites that exchange packages: the village of the shared site fixture (Desa Sumogawe, with demo activity)
and its district secretariat (Kab. Semarang), each trusting the other's site card."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SITE_CODE, SITE_NAME, SiteFixture, copy_sqlite

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


def _open(path: Path, code: str, role: SiteRole) -> SiteFixture:
    db = Database(f"sqlite:///{path}")
    db.enable_wal()
    return SiteFixture(db=db, path=path, cli=ServiceContext(db, Actor.cli("pytest", site_code=code, site_role=role)))


@pytest.fixture(scope="session")
def village_template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Desa Sumogawe with a small year of demo activity (households, visits, referrals, proposals, …)."""
    path = tmp_path_factory.mktemp("exchange") / "village.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code=SITE_CODE, name=SITE_NAME, role=SiteRole.DESA,
                    admin_username="admin", admin_full_name="Admin Desa", admin_password="admin-desa-rahasia-1",
                    address="Jl. Raya Sumogawe No. 1")
    db.dispose()
    site = _open(path, SITE_CODE, SiteRole.DESA)
    generate_demo(site.cli, households=DEMO_HOUSEHOLDS, seed=7)
    site.db.dispose()
    return path


@pytest.fixture(scope="session")
def district_template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("exchange") / "district.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code=DISTRICT_CODE, name=DISTRICT_NAME,
                    role=SiteRole.KABUPATEN, admin_username="admin", admin_full_name="Admin Kabupaten",
                    admin_password="admin-kabupaten-1", address="Jl. Gatot Subroto, Ungaran")
    db.dispose()
    return path


@pytest.fixture
def linked(village_template: Path, district_template: Path, tmp_path: Path) -> Iterator[Linked]:
    """Fresh copies of both sites, each trusting the other."""
    copy_sqlite(village_template, tmp_path / "village.db")
    copy_sqlite(district_template, tmp_path / "district.db")
    village = _open(tmp_path / "village.db", SITE_CODE, SiteRole.DESA)
    district = _open(tmp_path / "district.db", DISTRICT_CODE, SiteRole.KABUPATEN)
    trust_site(district.cli, site_card(village.cli)[1])
    trust_site(village.cli, site_card(district.cli)[1])
    yield Linked(village=village, district=district)
    village.db.dispose()
    district.db.dispose()
