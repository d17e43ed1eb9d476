"""Pengaturan: language choice stored per user, the site's read-only facts, the local-approval switch."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, KOORDINATOR_PASSWORD, SITE_CODE, SITE_NAME
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from puskesos_desk import __version__
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.desk_settings import desk_settings, store_language, stored_language
from puskesos_desk.ui.pages.settings_page import SettingsPage


def _page(qtbot: Any, desk: Any, site_info: Any, username: str, password: str) -> SettingsPage:
    signed = sign_in(desk.db, username=username, password=password)
    page = SettingsPage(ServiceContext(desk.db, signed.actor), site_info, desk.db.display_location)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _setting(desk: Any, key: str) -> Any:
    con = sqlite3.connect(desk.path)
    try:
        row = con.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    finally:
        con.close()
    return None if row is None else json.loads(row[0])


def test_language_is_stored_in_the_users_settings_file(tmp_path: Path, qapp: QApplication) -> None:
    assert stored_language() is None
    store_language("en")
    assert stored_language() == "en"
    path = Path(desk_settings().fileName())
    assert path.is_relative_to(tmp_path / "home"), "tests must never write the real user's settings"
    assert "language=en" in path.read_text(encoding="utf-8")
    store_language("xx")
    assert stored_language() is None


def test_site_facts_are_shown(qtbot: Any, desk: Any, site_info: Any) -> None:
    page = _page(qtbot, desk, site_info, "koordinator", KOORDINATOR_PASSWORD)
    assert page.lbl_site_name.text() == SITE_NAME
    assert page.lbl_site_code.text() == SITE_CODE
    assert "SEMARANG" in page.lbl_region.text().upper()
    assert page.lbl_fingerprint.text() == site_info.fingerprint
    assert len(site_info.fingerprint) > 10
    assert str(desk.path) in page.lbl_database.text()
    assert __version__ in page.lbl_version.text()
    assert not page.grp_approval.isVisible(), "only accounts that manage settings see the switch"


def test_choosing_english_asks_for_it(qtbot: Any, desk: Any, site_info: Any) -> None:
    page = _page(qtbot, desk, site_info, "koordinator", KOORDINATOR_PASSWORD)
    assert page.cmb_language.currentText() == "Bahasa Indonesia"
    assert not page.btn_apply_language.isEnabled(), "nothing to apply: it is the current language"
    qtbot.keyClicks(page.cmb_language, "English")
    assert page.btn_apply_language.isEnabled()
    with qtbot.waitSignal(page.language_chosen, timeout=2_000) as chosen:
        qtbot.mouseClick(page.btn_apply_language, Qt.MouseButton.LeftButton)
    assert chosen.args == ["en"]


def test_admin_switches_local_change_approval(qtbot: Any, desk: Any, site_info: Any) -> None:
    assert _setting(desk, "local_change_approval") is False
    signed = sign_in(desk.db, username="admin", password=ADMIN_PASSWORD)
    page = SettingsPage(ServiceContext(desk.db, signed.actor), site_info, desk.db.display_location)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.approval_loaded, timeout=10_000) as loaded:
        page.show()
    assert loaded.args == [False]
    assert page.grp_approval.isVisible()
    assert not page.chk_local_approval.isChecked()
    with qtbot.waitSignal(page.approval_saved, timeout=10_000):
        qtbot.mouseClick(page.chk_local_approval, Qt.MouseButton.LeftButton,
                         pos=page.chk_local_approval.rect().center())
    assert _setting(desk, "local_change_approval") is True
    assert "Koordinator boleh" in page.lbl_approval_status.text()


@pytest.mark.parametrize("env_set", [True, False])
def test_env_hint_shows_when_the_variable_is_set(qtbot: Any, desk: Any, site_info: Any, env_set: bool,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    if env_set:
        monkeypatch.setenv("PUSKESOS_LANG", "id")
    else:
        monkeypatch.delenv("PUSKESOS_LANG", raising=False)
    page = _page(qtbot, desk, site_info, "koordinator", KOORDINATOR_PASSWORD)
    assert page.lbl_env_hint.isVisible() is env_set
