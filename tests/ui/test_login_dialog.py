"""The sign-in dialog, driven like a user: typing, Enter, clicking."""

from __future__ import annotations

from typing import Any

from conftest import KOORDINATOR_PASSWORD, SITE_NAME
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from puskesos_desk.ui.login_dialog import LoginDialog


def _open_dialog(qtbot: Any, desk: Any, site_info: Any) -> LoginDialog:
    dialog = LoginDialog(desk.db, site_info)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_shows_site_and_starts_in_username(qtbot: Any, desk: Any, site_info: Any) -> None:
    dialog = _open_dialog(qtbot, desk, site_info)
    assert dialog.lbl_site.text() == SITE_NAME
    assert "Sumogawe" in dialog.lbl_region.text()
    assert "33.22.01.2007" in dialog.lbl_code.text()
    assert dialog.edt_password.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.btn_sign_in.isDefault()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edt_username)


def test_sign_in_with_enter(qtbot: Any, desk: Any, site_info: Any) -> None:
    dialog = _open_dialog(qtbot, desk, site_info)
    qtbot.keyClicks(dialog.edt_username, "koordinator")
    qtbot.keyClicks(dialog.edt_password, KOORDINATOR_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.edt_password, Qt.Key.Key_Return)
    assert dialog.signed_in is not None
    assert dialog.signed_in.user.username == "koordinator"
    assert dialog.signed_in.user.full_name == "Sri Wahyuni"


def test_sign_in_with_mouse_disables_button_while_checking(qtbot: Any, desk: Any, site_info: Any) -> None:
    dialog = _open_dialog(qtbot, desk, site_info)
    qtbot.keyClicks(dialog.edt_username, "koordinator")
    qtbot.keyClicks(dialog.edt_password, KOORDINATOR_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.btn_sign_in, Qt.MouseButton.LeftButton)
        # The password check runs on a worker; the dialog stays responsive and refuses a second click.
        assert not dialog.btn_sign_in.isEnabled()
    assert dialog.signed_in is not None
    assert dialog.signed_in.user.username == "koordinator"
    assert dialog.btn_sign_in.isEnabled()


def test_wrong_password_shows_inline_message(qtbot: Any, desk: Any, site_info: Any) -> None:
    dialog = _open_dialog(qtbot, desk, site_info)
    qtbot.keyClicks(dialog.edt_username, "koordinator")
    qtbot.keyClicks(dialog.edt_password, "salah-sekali-123")
    qtbot.mouseClick(dialog.btn_sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.lbl_error.isVisible(), timeout=10_000)
    assert dialog.lbl_error.text() == "Nama pengguna atau kata sandi salah."
    assert dialog.isVisible()
    assert dialog.signed_in is None
    assert dialog.result() == 0
    assert dialog.edt_password.text() == ""
    assert dialog.btn_sign_in.isEnabled()
    # Typing again hides the old message.
    qtbot.keyClicks(dialog.edt_password, "x")
    assert not dialog.lbl_error.isVisible()


def test_empty_username_is_refused_without_asking_the_database(qtbot: Any, desk: Any, site_info: Any) -> None:
    dialog = _open_dialog(qtbot, desk, site_info)
    qtbot.keyClick(dialog.edt_username, Qt.Key.Key_Return)
    assert dialog.lbl_error.isVisible()
    assert dialog.lbl_error.text() == "Isi nama pengguna."
    assert dialog.btn_sign_in.isEnabled()


def test_keluar_rejects(qtbot: Any, desk: Any, site_info: Any) -> None:
    dialog = _open_dialog(qtbot, desk, site_info)
    with qtbot.waitSignal(dialog.rejected, timeout=2_000):
        qtbot.mouseClick(dialog.btn_quit, Qt.MouseButton.LeftButton)
    assert dialog.signed_in is None


def test_get_sign_in_returns_none_when_cancelled(qtbot: Any, desk: Any, site_info: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(LoginDialog, "exec", lambda self: LoginDialog.DialogCode.Rejected)
    assert LoginDialog.get_sign_in(None, desk.db, site_info) is None
