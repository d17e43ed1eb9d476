"""Pengaturan → Akun pengguna, driven like an Admin: add an officer, reset a password, unlock, deactivate."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, FO_PASSWORD, KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt

from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.services import accounts
from puskesos_desk.services.auth import MAX_FAILED_LOGINS, sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.dialogs.user_dialog import UserDialog
from puskesos_desk.ui.pages.settings_page import SettingsPage
from puskesos_desk.ui.widgets.user_accounts import UserAccounts


def _admin_ctx(desk: Any) -> ServiceContext:
    return ServiceContext(desk.db, sign_in(desk.db, username="admin", password=ADMIN_PASSWORD).actor)


def _accounts(desk: Any) -> dict[str, Any]:
    return {user.username: user for user in accounts.list_accounts(desk.cli)}


@pytest.fixture
def section(qtbot: Any, desk: Any, site_info: Any) -> UserAccounts:
    widget = UserAccounts(_admin_ctx(desk), site_info)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.list_loaded, timeout=10_000):
        widget.show()
    return widget


def test_admin_creates_an_officer_in_the_dialog(qtbot: Any, desk: Any, site_info: Any, section: UserAccounts,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    shown: dict[str, str] = {}

    def drive_dialog(account: Any) -> Any:
        dialog = UserDialog(section.ctx, site_info, account, section)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.edt_username, "Dewi.Lestari")
        qtbot.keyClicks(dialog.edt_full_name, "Dewi Lestari")
        dialog.cmb_role.setCurrentIndex(dialog.cmb_role.findData(Role.PETUGAS_BO.value))
        dialog.chk_extra[Role.OPERATOR_SIKS].setChecked(True)
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.grp_result.isVisible(), timeout=10_000)
        shown["password"] = dialog.edt_generated.text()
        assert dialog.edt_generated.isReadOnly() and not dialog.btn_save.isVisible()
        qtbot.mouseClick(dialog.btn_close, Qt.MouseButton.LeftButton)
        return dialog.saved

    monkeypatch.setattr(section, "open_user_dialog", drive_dialog)
    with qtbot.waitSignal(section.list_loaded, timeout=10_000):
        qtbot.mouseClick(section.btn_add, Qt.MouseButton.LeftButton)
    created = _accounts(desk)["dewi.lestari"]
    assert (created.full_name, created.role, created.extra_roles) == ("Dewi Lestari", Role.PETUGAS_BO,
                                                                      (Role.OPERATOR_SIKS,))
    assert created.must_change_password
    assert section.selected_account().username == "dewi.lestari"
    assert sign_in(desk.db, username="dewi.lestari", password=shown["password"]).must_change_password


def test_a_weak_typed_password_is_refused_in_the_dialog(qtbot: Any, desk: Any, site_info: Any) -> None:
    dialog = UserDialog(_admin_ctx(desk), site_info)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edt_username, "rina")
    dialog.rad_typed.setChecked(True)
    qtbot.keyClicks(dialog.edt_password, "12345678")
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.lbl_error.isVisible(), timeout=10_000)
    assert "terlalu umum" in dialog.lbl_error.text()
    assert "rina" not in _accounts(desk)


def test_reset_password_is_shown_once_and_forces_a_change(qtbot: Any, desk: Any, section: UserAccounts,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    notes: list[tuple[str, str]] = []
    monkeypatch.setattr(section, "confirm", lambda _text: True)
    monkeypatch.setattr(section, "show_password_note", lambda user, secret: notes.append((user, secret)))
    assert section.select_username("petugas.fo")
    with qtbot.waitSignal(section.list_loaded, timeout=10_000):
        qtbot.mouseClick(section.btn_reset, Qt.MouseButton.LeftButton)
    assert [user for user, _ in notes] == ["petugas.fo"]
    with pytest.raises(InputRejected):
        sign_in(desk.db, username="petugas.fo", password=FO_PASSWORD)
    assert sign_in(desk.db, username="petugas.fo", password=notes[0][1]).must_change_password
    assert "wajib ganti kata sandi" in section.model.status_text(_accounts(desk)["petugas.fo"])


def test_unlock_and_deactivate(qtbot: Any, desk: Any, section: UserAccounts,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime.now(UTC)
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(InputRejected):
            sign_in(desk.db, username="koordinator", password="salah-terus-1", clock=lambda: now)
    with qtbot.waitSignal(section.list_loaded, timeout=10_000):
        section.reload()
    assert section.select_username("koordinator")
    assert section.btn_unlock.isEnabled()
    with qtbot.waitSignal(section.list_loaded, timeout=10_000):
        qtbot.mouseClick(section.btn_unlock, Qt.MouseButton.LeftButton)
    assert sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD)
    monkeypatch.setattr(section, "confirm", lambda _text: True)
    with qtbot.waitSignal(section.list_loaded, timeout=10_000):
        qtbot.mouseClick(section.btn_active, Qt.MouseButton.LeftButton)
    assert not _accounts(desk)["koordinator"].active
    assert section.btn_active.text() == "Aktifkan"


def test_admin_cannot_deactivate_themself(qtbot: Any, desk: Any, section: UserAccounts,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(section, "confirm", lambda _text: True)
    assert section.select_username("admin")
    qtbot.mouseClick(section.btn_active, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "akun Anda sendiri" in section.lbl_status.text(), timeout=10_000)
    assert _accounts(desk)["admin"].active


def test_settings_page_has_accounts_and_idle_minutes_for_the_admin_only(qtbot: Any, desk: Any,
                                                                         site_info: Any) -> None:
    page = SettingsPage(_admin_ctx(desk), site_info, desk.db.display_location)
    qtbot.addWidget(page)
    page.show()
    assert page.grp_users is not None and page.grp_users.isVisible() and page.grp_idle.isVisible()
    qtbot.waitUntil(lambda: page.btn_save_idle.isEnabled(), timeout=10_000)
    assert page.spn_idle_minutes.value() == 10
    page.spn_idle_minutes.setValue(3)
    with qtbot.waitSignal(page.idle_minutes_saved, timeout=10_000):
        qtbot.mouseClick(page.btn_save_idle, Qt.MouseButton.LeftButton)
    assert sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD).idle_lock_minutes == 3
    officer = sign_in(desk.db, username="petugas.fo", password=FO_PASSWORD)
    other = SettingsPage(ServiceContext(desk.db, officer.actor), site_info, desk.db.display_location)
    qtbot.addWidget(other)
    other.show()
    assert other.grp_users is None and not other.grp_idle.isVisible()
