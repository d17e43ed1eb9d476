"""Fixtures for GUI tests: the app style, a database handle whose workers are drained before it is closed,
and helpers to sign in through the real dialog."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from puskesos_desk.services.site import get_site_info
from puskesos_desk.ui.i18n import install_translators
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.style import apply_style


@pytest.fixture(autouse=True)
def _styled_indonesian_app(qapp: QApplication) -> Iterator[None]:
    """Every GUI test runs with the real stylesheet (a broken one logs a Qt warning, which fails the test)."""
    apply_style(qapp)
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "id")


@pytest.fixture
def desk(site_db: Any, qtbot: Any) -> Iterator[Any]:
    """site_db, plus a teardown that lets running ops finish before the database is disposed."""
    yield site_db
    assert wait_for_ops(10_000), "background ops still running at the end of the test"
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)


@pytest.fixture
def site_info(desk: Any) -> Any:
    return get_site_info(desk.db)


# TEMPORARY_SITE_TEMPLATE_OVERRIDE: tests/conftest.py's site_template creates the user "fo", which
# validate_username() now refuses (3–40 characters). Until that shared fixture is fixed, GUI tests build the same
# site here with "petugas.fo". Remove this block once tests/conftest.py passes on its own.
@pytest.fixture(scope="session")
def site_template(seeded_template: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from conftest import (
        ADMIN_PASSWORD,
        FO_PASSWORD,
        KOORDINATOR_PASSWORD,
        SITE_CODE,
        SITE_NAME,
        _copy_sqlite,
    )

    from puskesos_desk.domain.enums import Role, SiteRole
    from puskesos_desk.domain.permissions import Actor
    from puskesos_desk.services.auth import create_user
    from puskesos_desk.services.bootstrap import open_database
    from puskesos_desk.services.context import ServiceContext
    from puskesos_desk.services.site import initialise_site

    path = tmp_path_factory.mktemp("ui-templates") / "site.db"
    _copy_sqlite(seeded_template, path)
    db = open_database(str(path), migrate=False).db
    cli = ServiceContext(db, Actor.cli("pytest"))
    initialise_site(cli, code=SITE_CODE, name=SITE_NAME, role=SiteRole.DESA, admin_username="admin",
                    admin_full_name="Admin Desa", admin_password=ADMIN_PASSWORD, address="Jl. Raya Sumogawe No. 1")
    cli = ServiceContext(db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA))
    create_user(cli, username="koordinator", full_name="Sri Wahyuni", role=Role.KOORDINATOR,
                password=KOORDINATOR_PASSWORD)
    create_user(cli, username="petugas.fo", full_name="Budi Santoso", role=Role.PETUGAS_FO, password=FO_PASSWORD)
    db.dispose()
    return path
