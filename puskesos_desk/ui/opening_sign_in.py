"""The first sign-in of a start on a remembered site: the dialog first, the database behind it.

The sign-in dialog is painted from the site card remembered at the last start (services/site_card.py). After its
first paint a worker opens the database (SQLAlchemy, the migration check after a backup, the daily backup, the log
masker) and loads the main window's modules, while the officer types. A sign-in pressed before the database is
ready waits for it. A database that cannot be opened ends the start with the same message as before; one with no
site (a replaced file) goes to the first-run wizard.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QDialog, QMessageBox

from puskesos_desk.domain.errors import PuskesosError, SiteNotInitialised
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.ops import run_op, wait_for_ops

if TYPE_CHECKING:
    from puskesos_desk.domain.records import SiteInfo
    from puskesos_desk.services.auth import SignedIn
    from puskesos_desk.services.context import Database
    from puskesos_desk.services.site_card import QuickStart

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    SIGNED_IN = "signed_in"
    LEFT = "left"  # Keluar: the database (when it opened) is handed back to be closed
    FAILED = "failed"  # the database cannot be opened; the officer has been told why
    NO_SITE = "no_site"  # the file holds no site: the first-run wizard takes over


@dataclass
class FirstSignIn:
    outcome: Outcome
    db: Database | None = None
    site: SiteInfo | None = None
    signed_in: SignedIn | None = None


def open_behind_sign_in(target: str | None) -> tuple[Database, SiteInfo | None]:
    """Worker: open the database as a normal start does, read its site, and warm the main window's imports."""
    from puskesos_desk.infra.logging_setup import open_gate
    from puskesos_desk.services.bootstrap import open_database
    from puskesos_desk.services.site import get_site_info
    from puskesos_desk.services.site_card import remember_site_card

    open_gate()
    opened = open_database(target)
    try:
        site = get_site_info(opened.db)
    except SiteNotInitialised:
        return opened.db, None
    except BaseException:
        opened.db.dispose()
        raise
    remember_site_card(opened.db.path, site)
    import puskesos_desk.ui.main_window  # noqa: F401  (loaded now, so the window opens at once after sign-in)

    return opened.db, site


class OpeningSignIn(QObject):
    def __init__(self, target: str | None, quick: QuickStart) -> None:
        super().__init__()
        self.target = target
        self.quick = quick
        self.db: Database | None = None
        self.site: SiteInfo | None = None
        self.error: BaseException | None = None
        self.dialog: LoginDialog | None = None
        self._started = False

    def run(self) -> FirstSignIn:
        dialog = LoginDialog(None, self.quick.card)
        self.dialog = dialog
        dialog.first_painted.connect(self._on_dialog_first_painted)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            signed_in = dialog.signed_in if accepted else None
        finally:
            self.dialog = None
            dialog.deleteLater()
        if self._started and self.db is None and self.error is None:
            # Keluar while the database was still opening: let the worker finish, then close what it opened.
            wait_for_ops()
            QCoreApplication.sendPostedEvents()
            QCoreApplication.processEvents()
        if self.error is not None:
            self._tell(self.error)
            return FirstSignIn(Outcome.FAILED)
        if self.db is not None and self.site is None:
            return FirstSignIn(Outcome.NO_SITE, db=self.db)
        if signed_in is None:
            return FirstSignIn(Outcome.LEFT, db=self.db, site=self.site)
        return FirstSignIn(Outcome.SIGNED_IN, db=self.db, site=self.site, signed_in=signed_in)

    def _on_dialog_first_painted(self) -> None:
        if self._started:
            return
        self._started = True
        target = self.target
        run_op(self, lambda: open_behind_sign_in(target), self._on_opened, self._on_open_failed, writes=True,
               busy_cursor=False)

    def _on_opened(self, result: tuple[Database, SiteInfo | None]) -> None:
        self.db, self.site = result
        if self.dialog is None:
            return
        if self.site is None:
            log.info("remembered site card, but the database holds no site: starting the first-run wizard")
            self.dialog.reject()
            return
        self.dialog.database_ready(self.db, self.site)

    def _on_open_failed(self, error: BaseException) -> None:
        self.error = error
        if self.dialog is not None:
            self.dialog.reject()

    def _tell(self, error: BaseException) -> None:
        if isinstance(error, PuskesosError):
            log.error("database cannot be opened: %s", error.message)
            QMessageBox.critical(None, QCoreApplication.translate("App", "Basis data tidak dapat dibuka"),
                                 error.message)
            return
        from puskesos_desk.ui.error_dialog import show_error

        log.error("database cannot be opened", exc_info=error)
        show_error(None, error)
