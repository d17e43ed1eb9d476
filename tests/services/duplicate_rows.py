"""A district database holding families from several villages, written straight into the tables as imports leave
them (origin_site = the village's site code), for the duplicate-review tests of services, CLI and UI."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from backends import DbLocation
from conftest import SiteFixture

from puskesos_desk.data.db import Database
from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.household import Household, Membership, Person
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from tests.exchange.scenarios import DISTRICT_CODE, DISTRICT_NAME, init_site, open_district
from tests.services.sites import new_site

VILLAGE_A = "33.22.01.2007"  # Sumogawe
VILLAGE_B = "33.22.01.2008"
_numbers = itertools.count(1)


@dataclass(frozen=True)
class Member:
    name: str
    born: date | None
    nik: str | None = None


def make_district(seeded: Path, folder: Path) -> SiteFixture:
    """An empty kabupaten site as a SQLite file (for the tests that work on files); `district_site` on any backend."""
    folder.mkdir(parents=True, exist_ok=True)
    return open_district(init_site(seeded, folder / "kabupaten.db", DISTRICT_CODE, DISTRICT_NAME, SiteRole.KABUPATEN))


@contextmanager
def district_site(seeded: DbLocation, folder: Path) -> Iterator[SiteFixture]:
    """An empty kabupaten site on the backend under test, for one test."""
    with new_site(seeded, folder, "kabupaten.db", code=DISTRICT_CODE, site_name=DISTRICT_NAME,
                  role=SiteRole.KABUPATEN) as site:
        yield site


def open_district_at(path: Path) -> SiteFixture:
    return open_district(path)


def add_family(site: SiteFixture | Database, village: str, head: Member, *others: Member) -> list[str]:
    """A household of `village` with its head first; returns the person ids in order."""
    db = site.db if isinstance(site, SiteFixture) else site
    actor = Actor.cli("pytest", site_code=village, site_role=SiteRole.DESA)
    household_id = new_uuid()
    ids = [new_uuid() for _ in (head, *others)]
    with db.transaction(actor) as session:
        session.add(Household(id=household_id, number=f"KK-{village[-4:]}-{next(_numbers):05d}",
                              head_person_id=ids[0], head_name=head.name, address="Dusun Krajan",
                              village_code=village, origin_site=village))
        session.flush()  # no ORM relationships: parents are flushed first by hand
        for person_id, member, relation in zip(ids, (head, *others), ("KEPALA_KELUARGA", *["ANAK"] * len(others)),
                                               strict=True):
            session.add(Person(id=person_id, household_id=household_id, nik=member.nik, name=member.name,
                               name_key=normalize_name(member.name), birth_date=member.born, sex="L",
                               relation=relation, origin_site=village))
            session.flush()
            session.add(Membership(household_id=household_id, person_id=person_id, relation=relation,
                                   valid_from=date(2020, 1, 1), origin_site=village))
    return ids


def district_user(site: SiteFixture, role: Role) -> ServiceContext:
    actor = Actor(id=f"user-{role.value}", name=f"pengguna {role.value}", role=role, site_code=DISTRICT_CODE,
                  site_role=SiteRole.KABUPATEN)
    return ServiceContext(site.db, actor)
