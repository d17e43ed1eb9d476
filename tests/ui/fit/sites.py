"""The two sites the screens are opened on, as SQLite files made from the seeded template: a desa with a small demo
year (households with members, visits, complaints, needs, referrals, a DTSEN extract, a proposal and a household
change, all through the real services), and a kabupaten holding three villages' records. Their accounts get known
passwords, so the probe subprocess signs in as a user would.

A JSON-able `SiteSpec` per site is all the probe needs (the file, the site, the accounts).
"""

from __future__ import annotations

import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.auth import change_own_password, create_user, sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.site import initialise_site

DESA_CODE, DESA_NAME = "33.22.01.2007", "Puskesos Desa Sumogawe"
KABUPATEN_CODE, KABUPATEN_NAME = "33.22", "Sekretariat SLRT Kabupaten Semarang"
PASSWORD = "layar-pas-1366-768"  # every account of both sites, once the first-sign-in change is done
FIRST_PASSWORD = "diganti-saat-masuk-1"  # given at creation; the first sign-in changes it to PASSWORD
DEMO_HOUSEHOLDS = 40  # enough for every list and tab to hold rows; the demo takes a few seconds at this size
DEMO_SEED = 2026


@dataclass(frozen=True)
class SiteSpec:
    path: str
    code: str
    role: str  # SiteRole value
    accounts: tuple[str, ...]  # usernames, all with PASSWORD

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> SiteSpec:
        return cls(path=str(data["path"]), code=str(data["code"]), role=str(data["role"]),
                   accounts=tuple(data["accounts"]))  # type: ignore[arg-type]


def _initialised(seeded: Path, target: Path, code: str, name: str, role: SiteRole) -> Database:
    shutil.copyfile(seeded, target)
    db = Database(f"sqlite:///{target}")
    initialise_site(ServiceContext(db, Actor.cli("fit")), code=code, name=name, role=role, admin_username="admin",
                    admin_full_name="Admin Puskesos", admin_password=PASSWORD, address="Jl. Raya Sumogawe No. 1")
    return db


def _known_password(db: Database, username: str, password: str) -> None:
    """Signs in with the password the account was given and changes it to PASSWORD, as a first sign-in does."""
    session = sign_in(db, username=username, password=password)
    change_own_password(db, session, old_password=password, new_password=PASSWORD)


def build_desa(seeded: Path, target: Path, *, households: int = DEMO_HOUSEHOLDS) -> SiteSpec:
    db = _initialised(seeded, target, DESA_CODE, DESA_NAME, SiteRole.DESA)
    try:
        ctx = ServiceContext(db, Actor.cli("fit", site_code=DESA_CODE, site_role=SiteRole.DESA))
        demo = generate_demo(ctx, households=households, seed=DEMO_SEED)
        for user in demo.users:
            _known_password(db, user["username"], user["password"])
        accounts = ("admin", *(user["username"] for user in demo.users))
    finally:
        db.dispose()
    return SiteSpec(path=str(target), code=DESA_CODE, role=SiteRole.DESA.value, accounts=accounts)


def build_kabupaten(seeded: Path, target: Path) -> SiteSpec:
    # Imported here: the three villages' records are written by the district data tests' builder (through the ORM,
    # as an import leaves them), which needs the test suite's modules on the path.
    from conftest import SiteFixture

    from tests.services.consolidated_rows import write_district

    db = _initialised(seeded, target, KABUPATEN_CODE, KABUPATEN_NAME, SiteRole.KABUPATEN)
    try:
        ctx = ServiceContext(db, Actor.cli("fit", site_code=KABUPATEN_CODE, site_role=SiteRole.KABUPATEN))
        write_district(SiteFixture(db=db, path=target, cli=ctx))
        create_user(ctx, username="manajer", full_name="Hendro Wibowo", role=Role.MANAJER_SLRT, password=FIRST_PASSWORD)
        _known_password(db, "manajer", FIRST_PASSWORD)
    finally:
        db.dispose()
    return SiteSpec(path=str(target), code=KABUPATEN_CODE, role=SiteRole.KABUPATEN.value,
                    accounts=("admin", "manajer"))
