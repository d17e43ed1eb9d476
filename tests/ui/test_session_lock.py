"""The idle lock, the lock screen, switching user, the forced password change, and the Admin's main window."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import ADMIN_PASSWORD, FO_PASSWORD, KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import select

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.services import accounts
from puskesos_desk.services.auth import MAX_FAILED_LOGINS, SignedIn, sign_in
from puskesos_desk.services.session_lock import set_idle_lock_minutes
from puskesos_desk.services.site import get_site_info
from puskesos_desk.ui import app as app_module
from puskesos_desk.ui.areas import AREA_AUDIT
from puskesos_desk.ui.dialogs.change_password_dialog import ChangePasswordDialog
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.main_window import AREA_PENGATURAN, MainWindow


def _actions(desk: Any, action: AuditAction) -> list[AuditEvent]:
    with desk.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action.value)))


def _open(qtbot: Any, desk: Any, site_info: Any, signed: SignedIn) -> MainWindow:
    window = MainWindow(desk.db, signed, site_info)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: Any, desk: Any, site_info: Any) -> Iterator[MainWindow]:
    set_idle_lock_minutes(desk.cli, 1)
    signed = sign_in(desk.db, username="koordinator", password=KOORDINATOR_PASSWORD)
    assert signed.idle_lock_minutes == 1
    main = _open(qtbot, desk, site_info, signed)
    yield main
    main.idle_watch.stop()


def _unlock(qtbot: Any, window: MainWindow, password: str) -> None:
    screen = window.lock_screen
    screen.edt_password.setText(password)
    qtbot.mouseClick(screen.btn_unlock, Qt.MouseButton.LeftButton)


def test_idle_timer_locks_and_the_password_unlocks(qtbot: Any, desk: Any, window: MainWindow) -> None:
    assert window.idle_watch.tmr_idle.interval() == 60_000 and window.idle_watch.tmr_idle.isActive()
    window.idle_watch.tmr_idle.timeout.emit()  # a minute without input
    assert window.is_locked
    assert window.stk_root.currentWidget() is window.lock_screen
    assert not window.content.isVisible() and not window.stk_pages.isVisible()
    assert window.windowTitle().startswith("Puskesos Desk")
    assert not window.menuBar().isEnabled() and not window.area_actions[0].isEnabled()
    qtbot.waitUntil(lambda: len(_actions(desk, AuditAction.SESSION_LOCK)) == 1, timeout=10_000)
    assert _actions(desk, AuditAction.SESSION_LOCK)[0].changes == {"trigger": "idle"}
    _unlock(qtbot, window, "bukan-kata-sandinya")
    qtbot.waitUntil(lambda: window.lock_screen.lbl_error.isVisible(), timeout=10_000)
    assert window.lock_screen.lbl_error.text() == "Kata sandi salah." and window.is_locked
    assert _actions(desk, AuditAction.LOGIN_FAILED)[-1].changes["during"] == "unlock"
    with qtbot.waitSignal(window.locked_changed, timeout=10_000):
        _unlock(qtbot, window, KOORDINATOR_PASSWORD)
    assert not window.is_locked and window.stk_pages.isVisible() and window.menuBar().isEnabled()
    assert window.idle_watch.tmr_idle.isActive()
    assert len(_actions(desk, AuditAction.SESSION_UNLOCK)) == 1


def test_ctrl_shift_l_locks_and_closes_open_dialogs(qtbot: Any, desk: Any, window: MainWindow) -> None:
    outcome: list[int] = []

    def lock_while_dialog_is_open() -> None:
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    dialog = QMessageBox(QMessageBox.Icon.Information, "Data warga", "NIK 3322…", parent=window)
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.finished.connect(outcome.append)
    window.activateWindow()
    lock_while_dialog_is_open()
    assert window.is_locked and not dialog.isVisible() and outcome == [QDialog.DialogCode.Rejected]
    qtbot.waitUntil(lambda: len(_actions(desk, AuditAction.SESSION_LOCK)) == 1, timeout=10_000)
    assert _actions(desk, AuditAction.SESSION_LOCK)[0].changes == {"trigger": "manual"}


def test_wrong_passwords_at_the_lock_screen_end_the_session(qtbot: Any, desk: Any, window: MainWindow) -> None:
    window.lock()
    ended: list[str] = []
    window.session_ended.connect(ended.append)
    for _ in range(MAX_FAILED_LOGINS - 1):
        _unlock(qtbot, window, "salah-lagi-99")
        qtbot.waitUntil(lambda: window.lock_screen.btn_unlock.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(window.closed, timeout=10_000) as closed:
        _unlock(qtbot, window, "salah-lagi-99")
    assert closed.args == [True]  # by sign-out: the session shows the sign-in dialog again
    assert ended and "dikunci" in ended[0]


def test_switch_user_signs_out_and_in_as_another(qtbot: Any, qapp: QApplication, desk: Any,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    users = iter([("koordinator", KOORDINATOR_PASSWORD), ("petugas.fo", FO_PASSWORD)])
    notices: list[str | None] = []

    def fake_get_sign_in(cls: type[LoginDialog], parent: Any, db: Any, site: Any, *,
                         notice: str | None = None) -> SignedIn | None:
        notices.append(notice)
        username, password = next(users, (None, None))
        return sign_in(db, username=username, password=password) if username else None

    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(fake_get_sign_in))
    session = app_module.DeskSession(desk.db, get_site_info(desk.db))
    assert session.start()
    first = session.window
    assert first is not None and first.signed_in.user.username == "koordinator"
    first.lock()
    with qtbot.waitSignal(first.closed, timeout=10_000):
        qtbot.mouseClick(first.lock_screen.btn_switch_user, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is not None, timeout=10_000)
    second = session.window
    assert second is not first and second.signed_in.user.username == "petugas.fo"
    assert not second.is_locked
    logouts = _actions(desk, AuditAction.LOGOUT)
    assert [event.actor_name for event in logouts] == ["koordinator"]
    second.idle_watch.stop()
    second.close()
    qtbot.waitUntil(lambda: session.window is None, timeout=10_000)


def test_must_change_password_comes_before_the_main_window(qtbot: Any, desk: Any, site_info: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _info, secret = accounts.reset_password(desk.cli, next(u.id for u in accounts.list_accounts(desk.cli)
                                                           if u.username == "petugas.fo"))
    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(
        lambda cls, parent, db, site, **_kw: sign_in(db, username="petugas.fo", password=secret)))
    seen: list[bool] = []

    def drive(session: Any, signed: SignedIn) -> SignedIn | None:
        assert signed.must_change_password and session.window is None  # nothing else is open yet
        dialog = ChangePasswordDialog(desk.db, signed, required=True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.edt_old, secret)
        qtbot.keyClicks(dialog.edt_new, "sawah-hijau-pagi")
        qtbot.keyClicks(dialog.edt_repeat, "sawah-hijau-pagi")
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
        seen.append(True)
        return dialog.changed

    monkeypatch.setattr(app_module.DeskSession, "require_password_change", drive)
    session = app_module.DeskSession(desk.db, site_info)
    assert session.start() and seen == [True]
    window = session.window
    assert window is not None and not window.signed_in.actor.password_change_required
    assert not sign_in(desk.db, username="petugas.fo", password="sawah-hijau-pagi").must_change_password
    window.idle_watch.stop()
    window.close()


def test_leaving_the_forced_change_returns_to_sign_in(desk: Any, site_info: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _info, secret = accounts.reset_password(desk.cli, next(u.id for u in accounts.list_accounts(desk.cli)
                                                           if u.username == "petugas.fo"))
    answers = iter([sign_in(desk.db, username="petugas.fo", password=secret), None])
    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(lambda cls, parent, db, site, **_kw: next(answers)))
    monkeypatch.setattr(app_module.DeskSession, "require_password_change", lambda session, signed: None)
    session = app_module.DeskSession(desk.db, site_info)
    assert not session.start() and session.window is None


def test_admin_window_shows_only_the_log_and_settings(qtbot: Any, desk: Any, site_info: Any,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args, **kw: errors.append(str(args)))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: errors.append(str(args)))
    signed = sign_in(desk.db, username="admin", password=ADMIN_PASSWORD)
    window = _open(qtbot, desk, site_info, signed)
    # An Admin manages accounts and settings and may read the audit log, and sees no case data.
    assert window.visible_areas() == [AREA_AUDIT, AREA_PENGATURAN]
    assert [window.lst_areas.item(i).text() for i in range(window.lst_areas.count())] == ["Audit", "Pengaturan"]
    assert window.stk_pages.currentWidget() is window.page_audit
    window.show_area(AREA_PENGATURAN)
    assert window.stk_pages.currentWidget() is window.page_settings
    assert not window.act_find.isVisible() and not window.act_new_registration.isVisible()
    assert not window.page_beranda.isVisible()
    qtbot.waitUntil(lambda: window.page_settings.grp_users is not None
                    and window.page_settings.grp_users.model.rowCount() == 3, timeout=10_000)
    assert errors == []
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    window.idle_watch.stop()


def test_ctrl_l_on_a_household_is_still_the_complaint_not_the_lock(qtbot: Any, desk: Any,
                                                                  window: MainWindow) -> None:
    """The lock is Ctrl+Shift+L because the household page's Ctrl+L records a complaint: one key, one meaning."""
    from puskesos_desk.services.registration import register_household
    from puskesos_desk.ui.dialogs.complaint_dialog import ComplaintDialog
    from tests.services.factories import family

    home = register_household(desk.cli, family()).household
    with qtbot.waitSignal(window.page_household.loaded, timeout=10_000):
        window.open_household(home.id)
    qtbot.keyClick(window.page_household, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(window.page_household.active_dialog, ComplaintDialog), timeout=5_000)
    assert not window.is_locked
    window.page_household.active_dialog.reject()
