"""Sites made from the seeded template on the backend under test (a SQLite file or a PostgreSQL database), for the
tests that need a site other than the shared desa fixture: initialised once, opened as that site's CLI actor (every
permission), and dropped when the test is done with them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from backends import DbLocation, clone, drop
from conftest import SiteFixture, open_fixture

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import initialise_site

ADMIN_PASSWORD = "admin-rahasia-1"


def initialised(seeded: DbLocation, folder: Path, name: str, *, code: str, site_name: str, role: SiteRole,
                clock: Callable[[], datetime] | None = None) -> DbLocation:
    """A copy of the seeded template initialised as a site (its own key pair, an admin)."""
    location = clone(seeded, folder, name)
    db = Database(location.url)
    try:
        ctx = ServiceContext(db, Actor.cli("pytest"), clock) if clock else ServiceContext(db, Actor.cli("pytest"))
        initialise_site(ctx, code=code, name=site_name, role=role, admin_username="admin", admin_full_name="Admin",
                        admin_password=ADMIN_PASSWORD, address="Jl. Contoh No. 1")
    finally:
        db.dispose()
    return location


def opened(location: DbLocation, code: str, role: SiteRole) -> SiteFixture:
    return open_fixture(location, Actor.cli("pytest", site_code=code, site_role=role))


@contextmanager
def site_at(location: DbLocation, code: str, role: SiteRole) -> Iterator[SiteFixture]:
    """The site opened for one test; afterwards closed and (on PostgreSQL) its database dropped."""
    site = opened(location, code, role)
    try:
        yield site
    finally:
        site.db.dispose()
        drop(location)


@contextmanager
def new_site(seeded: DbLocation, folder: Path, name: str, *, code: str, site_name: str,
             role: SiteRole) -> Iterator[SiteFixture]:
    with site_at(initialised(seeded, folder, name, code=code, site_name=site_name, role=role), code, role) as site:
        yield site


@contextmanager
def copied(template: DbLocation, folder: Path, name: str, code: str, role: SiteRole) -> Iterator[SiteFixture]:
    """A fresh copy of a built template (never change the template itself)."""
    with site_at(clone(template, folder, name), code, role) as site:
        yield site
