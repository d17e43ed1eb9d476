"""Shared fixtures. Qt must be told to render offscreen before any QApplication exists (without a display Qt
aborts the process), so this runs before pytest-qt creates one."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every open_database would otherwise write a daily backup of the seeded file (~23 MB); the tests of that backup
# turn it back on with monkeypatch.delenv.
os.environ["PUSKESOS_AUTO_BACKUP"] = "0"

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from backends import ON_POSTGRES, DbLocation, clone, copy_sqlite, drop, drop_session_databases, new_location

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.printing import helper as pdf_helper
from puskesos_desk.services.auth import create_user
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import initialise_site

SITE_CODE = "33.22.01.2007"  # Desa Sumogawe, Kec. Getasan, Kab. Semarang
SITE_NAME = "Puskesos Desa Sumogawe"
ADMIN_PASSWORD = "admin-rahasia-1"
KOORDINATOR_PASSWORD = "koordinator-rahasia-1"
FO_PASSWORD = "petugas-fo-rahasia-1"


__all__ = ["SiteFixture", "copy_sqlite"]


@dataclass(frozen=True)
class SiteFixture:
    db: Database
    path: Path | None  # the SQLite file; None on PostgreSQL (read through backends.rows with the fixture instead)
    cli: ServiceContext  # acts as the CLI actor, which holds every permission

    @property
    def url(self) -> str:
        return self.db.url


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--allow-pg-skips", action="store_true",
                     help="in the PostgreSQL pass, report skipped tests without failing the run")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Each pass runs the tests of its backend: tests about SQLite files themselves (sqlite_only) are deselected in
    the PostgreSQL pass, tests of server behaviour (postgres_only) in the SQLite pass — deselected and counted,
    never skipped."""
    unwanted = "sqlite_only" if ON_POSTGRES else "postgres_only"
    dropped = [item for item in items if item.get_closest_marker(unwanted) is not None]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item.get_closest_marker(unwanted) is None]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The PostgreSQL pass must not pass by skipping: a skipped test there is a failure of the run."""
    drop_session_databases()
    if not ON_POSTGRES or session.config.getoption("--allow-pg-skips"):
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped and session.exitstatus == 0:
        reporter.write_line(f"FAILED: {skipped} test(s) skipped in the PostgreSQL pass; none may be", red=True)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _pdf_in_process() -> Iterator[None]:
    """Documents are laid out in the test's own process unless a test switches the PDF helper on, as the app does
    (ui/app.py); whoever switched it on, it is off again after the test."""
    yield
    pdf_helper.use_helper_process(False)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, logs and the default database of every test live in its own temporary folder."""
    monkeypatch.setenv("PUSKESOS_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PUSKESOS_DB", raising=False)


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file with reference data loaded, built once per test session."""
    path = tmp_path_factory.mktemp("templates") / "seeded.db"
    opened = open_database(str(path))
    opened.db.dispose()
    return path


@pytest.fixture(scope="session")
def seeded_location(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> DbLocation:
    """The seeded template on the backend under test (on SQLite, the file above)."""
    if not ON_POSTGRES:
        return DbLocation(url=f"sqlite:///{seeded_template}", path=seeded_template)
    location = new_location(tmp_path_factory.mktemp("templates"), "seeded")
    opened = open_database(location.url)
    opened.db.dispose()
    return location


def open_fixture(location: DbLocation, actor: Actor) -> SiteFixture:
    db = Database(location.url)
    db.enable_wal()  # as opening through the application does (nothing on PostgreSQL)
    return SiteFixture(db=db, path=location.path, cli=ServiceContext(db, actor))


@contextmanager
def cloned_fixture(template: DbLocation, folder: Path, name: str, actor: Actor) -> Iterator[SiteFixture]:
    location = clone(template, folder, name)
    site = open_fixture(location, actor)
    try:
        yield site
    finally:
        site.db.dispose()
        drop(location)


@pytest.fixture(scope="session")
def site_template(site_location: DbLocation) -> Path:
    """The site template as a SQLite file, for the tests that work on files (CLI, UI)."""
    if site_location.path is None:
        pytest.fail("this test works on SQLite files: mark it sqlite_only or use site_location")
    return site_location.path


@pytest.fixture(scope="session")
def site_location(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> DbLocation:
    """The seeded database after `init` of a desa site, with an Admin, a Koordinator and a Petugas FO."""
    location = clone(seeded_location, tmp_path_factory.mktemp("templates"), "site.db")
    db = Database(location.url)
    cli = ServiceContext(db, Actor.cli("pytest"))
    initialise_site(cli, code=SITE_CODE, name=SITE_NAME, role=SiteRole.DESA, admin_username="admin",
                    admin_full_name="Admin Desa", admin_password=ADMIN_PASSWORD, address="Jl. Raya Sumogawe No. 1")
    cli = ServiceContext(db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA))
    create_user(cli, username="koordinator", full_name="Sri Wahyuni", role=Role.KOORDINATOR,
                password=KOORDINATOR_PASSWORD)
    create_user(cli, username="petugas.fo", full_name="Budi Santoso", role=Role.PETUGAS_FO, password=FO_PASSWORD)
    db.dispose()
    return location


@pytest.fixture
def seeded_db(seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with cloned_fixture(seeded_location, tmp_path, "puskesos.db", Actor.cli("pytest")) as site:
        yield site


@pytest.fixture
def site_db(site_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    actor = Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA)
    with cloned_fixture(site_location, tmp_path, "puskesos.db", actor) as site:
        yield site


@pytest.fixture
def files_dir() -> Path:
    return Path(__file__).resolve().parent / "_files"


def copy_file(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target
