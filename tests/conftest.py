"""Shared fixtures. Qt must be told to render offscreen before any QApplication exists (without a display Qt
aborts the process), so this runs before pytest-qt creates one."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import Role, SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.auth import create_user
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import initialise_site

SITE_CODE = "33.22.01.2007"  # Desa Sumogawe, Kec. Getasan, Kab. Semarang
SITE_NAME = "Puskesos Desa Sumogawe"
ADMIN_PASSWORD = "admin-rahasia-1"
KOORDINATOR_PASSWORD = "koordinator-rahasia-1"
FO_PASSWORD = "petugas-fo-rahasia-1"


@dataclass(frozen=True)
class SiteFixture:
    db: Database
    path: Path
    cli: ServiceContext  # acts as the CLI actor, which holds every permission


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy through the backup API so the copy is a consistent, self-contained file (no -wal side files)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, logs and the default database of every test live in its own temporary folder."""
    monkeypatch.setenv("PUSKESOS_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PUSKESOS_DB", raising=False)


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with reference data loaded, built once per test session."""
    path = tmp_path_factory.mktemp("templates") / "seeded.db"
    opened = open_database(str(path))
    opened.db.dispose()
    return path


@pytest.fixture(scope="session")
def site_template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded database after `init` of a desa site, with an Admin, a Koordinator and a Petugas FO."""
    path = tmp_path_factory.mktemp("templates") / "site.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    cli = ServiceContext(db, Actor.cli("pytest"))
    initialise_site(cli, code=SITE_CODE, name=SITE_NAME, role=SiteRole.DESA, admin_username="admin",
                    admin_full_name="Admin Desa", admin_password=ADMIN_PASSWORD, address="Jl. Raya Sumogawe No. 1")
    cli = ServiceContext(db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA))
    create_user(cli, username="koordinator", full_name="Sri Wahyuni", role=Role.KOORDINATOR,
                password=KOORDINATOR_PASSWORD)
    create_user(cli, username="petugas.fo", full_name="Budi Santoso", role=Role.PETUGAS_FO, password=FO_PASSWORD)
    db.dispose()
    return path


@pytest.fixture
def seeded_db(seeded_template: Path, tmp_path: Path) -> Iterator[SiteFixture]:
    path = tmp_path / "puskesos.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    db.enable_wal()  # as opening through the application does
    yield SiteFixture(db=db, path=path, cli=ServiceContext(db, Actor.cli("pytest")))
    db.dispose()


@pytest.fixture
def site_db(site_template: Path, tmp_path: Path) -> Iterator[SiteFixture]:
    path = tmp_path / "puskesos.db"
    copy_sqlite(site_template, path)
    db = Database(f"sqlite:///{path}")
    db.enable_wal()  # as opening through the application does
    cli = ServiceContext(db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA))
    yield SiteFixture(db=db, path=path, cli=cli)
    db.dispose()


@pytest.fixture
def files_dir() -> Path:
    return Path(__file__).resolve().parent / "_files"


def copy_file(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target
