"""Pengaturan → Cadangan: the Admin backs up to a chosen folder (listed afterwards), restores it after a change (the
window's "Ganti pengguna" then signs out), a cancelled confirmation changes nothing, and a Koordinator sees neither
button enabled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.ui.widgets.backup_settings import BackupSettings
from tests.cli._helpers import scalar
from tests.services.factories import family

pytestmark = pytest.mark.sqlite_only


class Window(QWidget):
    """Stands in for the main window: what the box needs of it is the "Ganti pengguna" action."""

    def __init__(self) -> None:
        super().__init__()
        self.act_switch_user = QAction("Ganti pengguna", self)
        self.signed_out = 0
        self.act_switch_user.triggered.connect(self._count)

    def _count(self) -> None:
        self.signed_out += 1


def box_for(qtbot: Any, desk: Any, username: str, password: str) -> tuple[Window, BackupSettings]:
    signed = sign_in(desk.db, username=username, password=password)
    window = Window()
    box = BackupSettings(ServiceContext(desk.db, signed.actor))
    QVBoxLayout(window).addWidget(box)
    qtbot.addWidget(window)
    window.resize(900, 460)
    with qtbot.waitSignal(box.loaded, timeout=10_000):
        window.show()
    return window, box


def households(desk: Any) -> object:
    return scalar(desk.path, "SELECT count(*) FROM household")


def test_the_admin_backs_up_then_restores_and_is_signed_out(qtbot: Any, desk: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window, box = box_for(qtbot, desk, "admin", ADMIN_PASSWORD)
    usb = tmp_path / "flashdisk"
    usb.mkdir()
    monkeypatch.setattr(box, "choose_folder", lambda: usb)
    with qtbot.waitSignal(box.backed_up, timeout=20_000) as made:
        qtbot.mouseClick(box.btn_backup, Qt.MouseButton.LeftButton)
    backup = made.args[0].path
    assert backup.parent == usb and backup.is_file()
    qtbot.waitUntil(lambda: box.tbl_recent.rowCount() == 1, timeout=10_000)
    assert box.tbl_recent.item(0, 3).toolTip() == str(backup) and "Manual" in box.tbl_recent.item(0, 1).text()
    window.grab().save(str(tmp_path / "backup_settings.png"))

    register_household(desk.cli, family())
    assert households(desk) == 1
    monkeypatch.setattr(box, "choose_file", lambda: backup)
    monkeypatch.setattr(box, "confirm_restore", lambda info: False)
    qtbot.mouseClick(box.btn_restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "dibatalkan" in box.lbl_status.text(), timeout=20_000)
    assert households(desk) == 1 and box.btn_restore.isEnabled()

    monkeypatch.setattr(box, "confirm_restore", lambda info: info.facts.site_code == desk.cli.actor.site_code)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(box.restored, timeout=30_000):
        qtbot.mouseClick(box.btn_restore, Qt.MouseButton.LeftButton)
    assert households(desk) == 0
    assert window.signed_out == 1
    assert scalar(desk.path, "SELECT count(*) FROM audit_event WHERE changes LIKE '%restore%'") == 1


def test_a_koordinator_can_neither_back_up_nor_restore(qtbot: Any, desk: Any) -> None:
    _, box = box_for(qtbot, desk, "koordinator", KOORDINATOR_PASSWORD)
    assert not box.btn_backup.isEnabled() and box.btn_restore.isHidden()


def test_the_settings_page_shows_the_group_to_the_admin_only(qtbot: Any, desk: Any, tmp_path: Path) -> None:
    from puskesos_desk.services.site import get_site_info
    from puskesos_desk.ui.pages.settings_page import SettingsPage

    site = get_site_info(desk.db)
    admin = ServiceContext(desk.db, sign_in(desk.db, username="admin", password=ADMIN_PASSWORD).actor)
    page = SettingsPage(admin, site, desk.db.display_location)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    assert page.grp_backup is not None
    with qtbot.waitSignal(page.grp_backup.loaded, timeout=10_000):
        page.show()
    qtbot.wait(50)  # let the wrapped hints take their height after the texts arrived
    page.scr_body.ensureWidgetVisible(page.grp_backup)
    page.grab().save(str(tmp_path / "settings_backup.png"))
    koordinator = ServiceContext(desk.db, sign_in(desk.db, username="koordinator",
                                                  password=KOORDINATOR_PASSWORD).actor)
    other = SettingsPage(koordinator, site, desk.db.display_location)
    qtbot.addWidget(other)
    assert other.grp_backup is None
