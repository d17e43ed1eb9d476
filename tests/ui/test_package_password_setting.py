"""Pengaturan → "Kata sandi paket pertukaran": the district's Admin turns the requirement on, and it is stored; a
village shows what its district decided and cannot change it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, SiteFixture, copy_sqlite
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from puskesos_desk.data.db import Database
from puskesos_desk.data.repositories import sites
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_protection import REQUIRE_PASSWORD_SETTING
from puskesos_desk.services.site import get_site_info, initialise_site
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from puskesos_desk.ui.pages.settings_page import SettingsPage

DISTRICT_ADMIN_PASSWORD = "admin-kabupaten-1"


@pytest.fixture(scope="module")
def district_template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("package-password") / "district.db"
    copy_sqlite(seeded_template, path)
    db = Database(f"sqlite:///{path}")
    initialise_site(ServiceContext(db, Actor.cli("pytest")), code="33.22", name="Sekretariat SLRT Kab. Semarang",
                    role=SiteRole.KABUPATEN, admin_username="admin", admin_full_name="Admin Kabupaten",
                    admin_password=DISTRICT_ADMIN_PASSWORD)
    db.dispose()
    return path


@pytest.fixture
def district(district_template: Path, tmp_path: Path, qtbot: Any) -> Iterator[SiteFixture]:
    path = tmp_path / "district.db"
    copy_sqlite(district_template, path)
    db = Database(f"sqlite:///{path}")
    yield SiteFixture(db=db, path=path, cli=ServiceContext(db, Actor.cli("pytest")))
    assert wait_for_ops(10_000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5_000)
    db.dispose()


def _stored(path: Path) -> Any:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT value FROM setting WHERE key = ?", (REQUIRE_PASSWORD_SETTING,)).fetchone()
    finally:
        con.close()
    return None if row is None else json.loads(row[0])


def _page(qtbot: Any, db: Database, password: str) -> SettingsPage:
    signed = sign_in(db, username="admin", password=password)
    page = SettingsPage(ServiceContext(db, signed.actor), get_site_info(db), db.display_location)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    return page


def _click_indicator(qtbot: Any, box: QCheckBox) -> None:
    """Click the tick box itself: the check box is as wide as the page, but only its box and text take clicks."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_the_district_admin_requires_protected_packages(qtbot: Any, district: SiteFixture) -> None:
    page = _page(qtbot, district.db, DISTRICT_ADMIN_PASSWORD)
    box = page.grp_package_password
    assert box is not None
    with qtbot.waitSignal(box.loaded, timeout=10_000) as loaded:
        page.show()
    assert loaded.args == [False]
    assert box.chk_required.isEnabled()
    page.scr_body.ensureWidgetVisible(box.chk_required)
    qtbot.waitUntil(lambda: not box.chk_required.visibleRegion().isEmpty(), timeout=5_000)
    with qtbot.waitSignal(box.saved, timeout=10_000):
        _click_indicator(qtbot, box.chk_required)
    assert _stored(district.path) is True
    assert "ditolak" in box.lbl_status.text()
    with qtbot.waitSignal(box.saved, timeout=10_000):
        _click_indicator(qtbot, box.chk_required)
    assert _stored(district.path) is False


def test_a_village_sees_the_districts_rule_but_cannot_change_it(qtbot: Any, desk: Any) -> None:
    with desk.db.transaction(None) as session:
        sites.set_setting(session, REQUIRE_PASSWORD_SETTING, True)
    page = _page(qtbot, desk.db, ADMIN_PASSWORD)
    box = page.grp_package_password
    assert box is not None
    with qtbot.waitSignal(box.loaded, timeout=10_000):
        page.show()
    assert box.chk_required.isChecked()
    assert not box.chk_required.isEnabled()
    assert "kabupaten/kota" in box.lbl_hint.text()
