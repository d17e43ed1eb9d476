"""The main window's session guard: the idle lock and Ctrl+Shift+L (the content is swapped for the lock screen,
ui/lock_screen.py, after open dialogs are closed since they may show a resident's data), "Ganti pengguna…" (sign out
and back to the sign-in dialog without quitting), and the user's own password change.

A mixin of MainWindow: it uses the window's widgets, actions and signals (`idle_watch`, `lock_screen`, `stk_root`,
`content`, `signed_out`, `session_ended`, `locked_changed`). Texts use the "MainWindow" translation context, as the
window's own do.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog

from puskesos_desk.services.session_lock import lock_session
from puskesos_desk.ui.dialogs.change_password_dialog import ChangePasswordDialog
from puskesos_desk.ui.ops import run_op

log = logging.getLogger(__name__)


class WindowLockMixin:
    _locked: bool = False
    # Provided by MainWindow.
    idle_watch: Any
    lock_screen: Any
    stk_root: Any
    content: Any
    db: Any
    signed_in: Any
    signed_out: Any
    session_ended: Any
    locked_changed: Any
    act_find: QAction
    act_new_registration: QAction
    act_lock: QAction
    act_change_password: QAction
    area_actions: list[QAction]
    _signing_out: bool


    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._locked and not self.idle_watch.tmr_idle.isActive():
            self.idle_watch.start()

    @property
    def is_locked(self) -> bool:
        return self._locked

    def lock(self, *, idle: bool = False) -> None:
        """Hide everything behind the lock screen; the title and the status bar's who/where stay."""
        if self._locked:
            return
        self._locked = True
        self.idle_watch.stop()
        self._close_session_dialogs()
        self.stk_root.setCurrentWidget(self.lock_screen)
        self.menuBar().setEnabled(False)
        for action in self._window_actions():
            action.setEnabled(False)
        self.lock_screen.reset()
        log.info("screen locked (%s)", "idle" if idle else "manual")
        db, actor = self.db, self.signed_in.actor
        run_op(self, lambda: lock_session(db, actor, idle=idle), lambda _r: None, self._on_lock_not_recorded,
               writes=True)
        self.locked_changed.emit(True)

    def _on_lock_not_recorded(self, error: BaseException) -> None:
        log.warning("screen lock not recorded in the audit log: %s", error)

    def _window_actions(self) -> list[QAction]:
        wanted = [self.act_find, self.act_new_registration, self.act_lock, self.act_change_password,
                  *self.area_actions]
        return [action for action in wanted if action.isVisible()]

    def _close_session_dialogs(self) -> None:
        """Every open dialog goes: it may show a resident's data, and it belongs to the user leaving the desk."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.done(QDialog.DialogCode.Rejected)  # done(): no "discard changes?" question to anyone

    def _on_idle_watch_idle(self) -> None:
        self.lock(idle=True)

    def _on_act_lock_triggered(self) -> None:
        self.lock(idle=False)

    def _on_lock_screen_unlocked(self) -> None:
        self._locked = False
        self.stk_root.setCurrentWidget(self.content)
        self.menuBar().setEnabled(True)
        for action in self._window_actions():
            action.setEnabled(True)
        self.idle_watch.start()
        self.locked_changed.emit(False)

    def _on_lock_screen_session_ended(self, message: str) -> None:
        self.session_ended.emit(message)
        self._end_session()

    def _on_act_switch_user_triggered(self) -> None:
        log.info("switching user; signing out %s", self.signed_in.user.username)
        self._end_session()

    def _end_session(self) -> None:
        """Sign out and back to the sign-in dialog; dialogs first, then the window after they have returned."""
        self._close_session_dialogs()
        self.idle_watch.stop()
        self._signing_out = True
        self.signed_out.emit()
        QTimer.singleShot(0, self, self.close)

    def _on_act_change_password_triggered(self) -> None:
        dialog = ChangePasswordDialog(self.db, self.signed_in, parent=self)
        try:
            dialog.exec()
            if dialog.changed is not None:
                self.signed_in = dialog.changed
                self.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Kata sandi diganti."), 5000)
        finally:
            dialog.deleteLater()

