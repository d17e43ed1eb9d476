"""Where the screens are opened: one main window per site and account (created on first use and kept, so the
screens reuse it), signed in through the real service, at the size the window gives itself on this screen; plus the
few things screens need to find (a household with records of some kind, a referral of some status) and a way to
catch the dialog an action opens.

Runs inside the probe subprocess (probe.py) and the screenshot script, after the QApplication exists.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QDialog

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import get_site_info
from puskesos_desk.ui.main_window import MainWindow
from puskesos_desk.ui.ops import pending_ops, wait_for_ops
from tests.ui.fit.sites import PASSWORD, SiteSpec

DESA, KABUPATEN = SiteRole.DESA.value, SiteRole.KABUPATEN.value


class Stage:
    def __init__(self, app: QApplication, sites: dict[str, SiteSpec], work: Path,
                 window_size: QSize | None = None) -> None:
        self.app = app
        self.sites = sites
        self.work = work  # files a screen needs (an extract to import)
        self.window_size = window_size  # for pictures: the window at this size instead of its own
        self._dbs: dict[str, Database] = {}
        self._windows: dict[tuple[str, str], MainWindow] = {}

    # --- sites and windows -------------------------------------------------------------------------------------------

    def db(self, site: str) -> Database:
        if site not in self._dbs:
            db = Database(f"sqlite:///{self.sites[site].path}")
            db.enable_wal()
            self._dbs[site] = db
        return self._dbs[site]

    def window(self, site: str, username: str) -> MainWindow:
        """The main window of `username` at `site`, shown at the size it gives itself (MainWindow._default_size)."""
        key = (site, username)
        if key not in self._windows:
            db = self.db(site)
            window = MainWindow(db, sign_in(db, username=username, password=PASSWORD), get_site_info(db))
            if self.window_size is not None:
                window.resize(self.window_size)
            window.show()
            self._windows[key] = window
            self.settle()
        window = self._windows[key]
        window.raise_()
        return window

    def ctx(self, site: str, username: str) -> ServiceContext:
        return self.window(site, username).ctx

    def rows(self, site: str, sql: str) -> list[tuple[Any, ...]]:
        """A read-only query on the site's file (the records a screen opens)."""
        with sqlite3.connect(f"file:{self.sites[site].path}?mode=ro", uri=True) as connection:
            return connection.execute(sql).fetchall()

    def one(self, site: str, sql: str) -> Any:
        """The first column of the first row (an id to open)."""
        found = self.rows(site, sql)
        if not found:
            raise LookupError(f"nothing at {site} for: {sql}")
        return found[0][0]

    # --- waiting ------------------------------------------------------------------------------------------------------

    def settle(self, rounds: int = 60) -> None:
        """Let background ops finish and the layouts they trigger settle."""
        for _ in range(rounds):
            wait_for_ops(20_000)
            self.app.processEvents()
            if pending_ops() == 0:
                for _ in range(10):  # layout requests post further layout requests
                    self.app.processEvents()
                return

    def wait_until(self, condition: Callable[[], object], what: str, timeout: float = 20.0) -> None:
        """For work behind a timer (a search runs after the typing pauses)."""
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout:.0f} s for {what}")
            time.sleep(0.02)
            self.settle(rounds=2)
        self.settle()

    # --- dialogs ------------------------------------------------------------------------------------------------------

    @staticmethod
    def open_dialogs() -> list[QDialog]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]

    def dialog_from(self, action: Callable[[], object]) -> QDialog:
        """Run `action` (a click, as the user would) and return the one dialog it opened."""
        before = set(map(id, self.open_dialogs()))
        action()
        self.settle()
        opened = [d for d in self.open_dialogs() if id(d) not in before]
        if len(opened) != 1:
            raise LookupError(f"expected one new dialog, found {[type(d).__name__ for d in opened]}")
        return opened[0]

    def shown(self, dialog: QDialog) -> QDialog:
        """A dialog the app opens with exec() (modal loop), shown without the loop, as it would appear."""
        dialog.open()
        self.settle()
        return dialog

    def close_dialogs(self) -> None:
        for dialog in reversed(self.open_dialogs()):
            dialog.reject()
        self.settle()
        for dialog in self.open_dialogs():  # a dialog that refuses to close while busy
            dialog.hide()

    def close(self) -> None:
        self.close_dialogs()
        for window in self._windows.values():
            window.close_for_rebuild()  # no sign-out event: the files are thrown away
        self.settle()
        for db in self._dbs.values():
            db.dispose()
