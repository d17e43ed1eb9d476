"""Starting the desktop app: QApplication, logging, error hook, language, database, sign-in, main window.

Only what the first paint needs is imported here; reportlab and openpyxl are loaded by the pages that print or
export, when they are used.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from puskesos_desk import APP_NAME, __version__
from puskesos_desk.domain.errors import DatabaseProblem, PuskesosError, SchemaTooNew, SiteNotInitialised
from puskesos_desk.infra.heap import limit_arenas
from puskesos_desk.infra.logging_setup import configure_logging, open_gate
from puskesos_desk.printing import helper as pdf_helper
from puskesos_desk.services.site_card import quick_start
from puskesos_desk.ui.desk_settings import ENV_LANGUAGE, ORGANISATION, store_language, stored_language
from puskesos_desk.ui.excepthook import install_excepthook
from puskesos_desk.ui.gc_guard import GuiThreadCollector
from puskesos_desk.ui.help import install_help
from puskesos_desk.ui.i18n import DEFAULT_LANGUAGE, install_translators
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.opening_sign_in import OpeningSignIn, Outcome
from puskesos_desk.ui.ops import wait_for_ops
from puskesos_desk.ui.style import app_icon, apply_style

# Everything else (SQLAlchemy through the services, the main window and its pages, reportlab, openpyxl) is
# imported where it is used, so the sign-in dialog is painted before it is loaded (benchmarks/startup.py).
if TYPE_CHECKING:
    from puskesos_desk.domain.permissions import Actor
    from puskesos_desk.domain.records import SiteInfo
    from puskesos_desk.services.auth import SignedIn
    from puskesos_desk.services.context import Database
    from puskesos_desk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_DATABASE = 3
EXIT_NO_DISPLAY = 2
RETRY, CHANGE, QUIT = "retry", "change", "quit"


def _headless_linux() -> bool:
    return sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


def startup_language() -> str:
    """PUSKESOS_LANG when set, else the language chosen in Pengaturan, else Bahasa Indonesia."""
    return os.environ.get(ENV_LANGUAGE) or stored_language() or DEFAULT_LANGUAGE


class DeskSession(QObject):
    """Sign-in, then the main window; Keluar or Ganti pengguna… in the main window brings the sign-in dialog back.
    A password set by an Admin is changed before the main window opens. A language chosen in Pengaturan is stored
    and applied at once by rebuilding the main window for the same user."""

    window_replaced = Signal(object)  # the new MainWindow

    def __init__(self, db: Database, site: SiteInfo) -> None:
        super().__init__()
        self.db = db
        self.site = site
        self.window: MainWindow | None = None
        self.actor: Actor | None = None
        self.signed_in: SignedIn | None = None
        self._notice: str | None = None  # why the last session ended, for the next sign-in dialog

    def start(self, signed_in: SignedIn | None = None) -> bool:
        """Show the sign-in dialog (again after a sign-out) unless `signed_in` came from the first one; True when a
        main window is now open."""
        while True:
            if signed_in is None:
                notice, self._notice = self._notice, None
                signed_in = LoginDialog.get_sign_in(None, self.db, self.site, notice=notice)
                if signed_in is None:
                    return False
            if signed_in.must_change_password:
                changed = self.require_password_change(signed_in)
                if changed is None:  # "Keluar" instead of choosing a password: back to the sign-in dialog
                    self._record_sign_out(signed_in.actor)
                    signed_in = None
                    continue
                signed_in = changed
            self.actor = signed_in.actor
            self.signed_in = signed_in
            self._open_window(signed_in).show()
            return True

    def require_password_change(self, signed_in: SignedIn) -> SignedIn | None:
        """The change-password dialog, before anything else; None when the user left instead."""
        from puskesos_desk.ui.dialogs.change_password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.db, signed_in, required=True)
        try:
            dialog.exec()
            return dialog.changed
        finally:
            dialog.deleteLater()

    def _record_sign_out(self, actor: Actor) -> None:
        from puskesos_desk.services.auth import sign_out

        try:  # one small insert: the audit log shows who used the shared PC until when
            sign_out(self.db, actor)
        except PuskesosError as exc:
            log.warning("sign-out not recorded: %s", exc.message)

    def _open_window(self, signed_in: SignedIn) -> MainWindow:
        from puskesos_desk.ui.main_window import MainWindow

        window = MainWindow(self.db, signed_in, self.site)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.closed.connect(self._on_window_closed)
        window.language_chosen.connect(self._on_window_language_chosen)
        window.session_ended.connect(self._on_window_session_ended)
        self.window = window
        return window

    def _on_window_language_chosen(self, language: str) -> None:
        old = self.window
        if old is None or self.signed_in is None:
            return
        store_language(language)
        app = QCoreApplication.instance()
        if app is not None:
            install_translators(app, language)
        log.info("interface language now %s; rebuilding the main window", language)
        area = old.current_area()
        window = self._open_window(self.signed_in)
        window.setGeometry(old.geometry())
        window.show_area(area)
        if old.isMaximized():
            window.showMaximized()
        else:
            window.show()
        old.close_for_rebuild()
        window.activateWindow()
        self.window_replaced.emit(window)

    def _on_window_session_ended(self, message: str) -> None:
        self._notice = message

    def _on_window_closed(self, by_sign_out: bool) -> None:
        self.window = None
        if self.actor is not None:
            self._record_sign_out(self.actor)
            self.actor = None
            self.signed_in = None
        if by_sign_out:
            QTimer.singleShot(0, self, self._on_sign_out_timer_timeout)
        else:
            QCoreApplication.quit()

    def _on_sign_out_timer_timeout(self) -> None:
        if not self.start():
            QCoreApplication.quit()


class ServerUnreachable(Exception):
    """_open could not use the server; _open_target asks what to do instead of ending the app."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def ask_server_unreachable(message: str, *, can_change: bool) -> str:
    """The server cannot be reached at start-up: RETRY, CHANGE (the connection) or QUIT. Nothing is lost: no form
    is open yet, and the staff can keep working on paper until the server is back."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("App", "Server basis data tidak dapat dihubungi"))
    box.setText(message)
    box.setInformativeText(QCoreApplication.translate(
        "App", "Pastikan komputer server menyala dan jaringan kantor tersambung, lalu tekan Coba lagi. Sementara "
               "itu layanan dapat dicatat di kertas dan dimasukkan setelah server kembali."))
    retry = box.addButton(QCoreApplication.translate("App", "Coba lagi"), QMessageBox.ButtonRole.AcceptRole)
    change = box.addButton(QCoreApplication.translate("App", "Ubah koneksi…"), QMessageBox.ButtonRole.ActionRole)
    change.setVisible(can_change)
    leave = box.addButton(QCoreApplication.translate("App", "Keluar"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.setEscapeButton(leave)
    box.exec()
    clicked = box.clickedButton()
    return RETRY if clicked is retry else CHANGE if clicked is change else QUIT


def change_connection() -> None:
    """Ubah koneksi… at start-up: the dialog stores the choice and the next attempt uses it at once."""
    from puskesos_desk.ui.dialogs.database_dialog import DatabaseDialog

    dialog = DatabaseDialog(None, applies_now=True)
    dialog.exec()
    dialog.deleteLater()


def _open_target(db_target: str | None) -> tuple[Database, SiteInfo] | None:
    """Open the database the user chose, or the stored server; a server that cannot be reached is asked about
    (Coba lagi, Ubah koneksi…, Keluar) instead of ending the app."""
    from puskesos_desk.services import database_settings

    while True:
        target = database_settings.startup_target(db_target)
        on_server = database_settings.target_is_server(target)
        try:
            return _open(target, on_server=on_server)
        except ServerUnreachable as problem:
            # Only the stored connection can be changed here; --db and PUSKESOS_DB are the caller's choice.
            can_change = not db_target and not os.environ.get("PUSKESOS_DB")
            answer = ask_server_unreachable(problem.message, can_change=can_change)
            log.info("server unreachable at start-up; the user chose %s", answer)
            if answer == QUIT:
                return None
            if answer == CHANGE:
                change_connection()


def _unlock(db_target: str | None) -> bytes | bool | None:
    """An encrypted site file: the unlock dialog (passphrase or recovery key). False when the file is not
    encrypted, None when the user chose Keluar."""
    from puskesos_desk.services import encryption
    from puskesos_desk.ui.dialogs.unlock_database_dialog import UnlockDatabaseDialog

    try:
        encrypted = encryption.is_encrypted_target(db_target)
    except Exception:  # a target that cannot even be parsed: open_database says why, with the usual dialog
        log.exception("could not tell whether %s is encrypted", db_target)
        return False
    if not encrypted:
        return False
    location = str(encryption.database_path(db_target))
    return UnlockDatabaseDialog.get_data_key(None, db_target, location)


def run_first_run(db: Database) -> SiteInfo | None:
    """The first-run wizard on a database with no site; the site it set up, or None when the officer left before
    creating one (tests replace this). Imported here: an installed desk never needs it."""
    from puskesos_desk.ui.wizard.first_run_wizard import FirstRunWizard

    return FirstRunWizard.run(db)


def _open(db_target: str | None, *, on_server: bool = False) -> tuple[Database, SiteInfo] | None:
    from puskesos_desk.services.bootstrap import open_database
    from puskesos_desk.services.site import get_site_info
    from puskesos_desk.services.site_card import remember_site_card

    data_key = False if on_server else _unlock(db_target)  # before the sign-in: the file cannot be read without it
    if data_key is None:
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # no window yet: nothing to keep responsive
    try:
        opened = open_database(db_target, data_key=data_key or None)
    except PuskesosError as exc:
        QGuiApplication.restoreOverrideCursor()
        log.error("database cannot be opened: %s", exc.message)
        if on_server and isinstance(exc, DatabaseProblem) and not isinstance(exc, SchemaTooNew):
            raise ServerUnreachable(exc.message) from exc
        QMessageBox.critical(None, QCoreApplication.translate("App", "Basis data tidak dapat dibuka"), exc.message)
        return None
    except Exception as exc:
        QGuiApplication.restoreOverrideCursor()
        if not on_server:
            raise
        # A driver error the data layer does not translate: the connection settings are still the likely cause.
        log.exception("server cannot be opened")
        raise ServerUnreachable(QCoreApplication.translate(
            "App", "Tidak dapat terhubung ke server basis data. Periksa nama server, port, nama basis data, "
                   "pengguna dan kata sandi.")) from exc
    try:
        site = get_site_info(opened.db)
    except SiteNotInitialised:  # a new install: the first-run wizard sets the site up on this database
        QGuiApplication.restoreOverrideCursor()
        log.info("site not set up yet: starting the first-run wizard")
        first_site = run_first_run(opened.db)
        if first_site is None:
            opened.db.dispose()
        return None if first_site is None else (opened.db, first_site)
    except PuskesosError as exc:
        QGuiApplication.restoreOverrideCursor()
        opened.db.dispose()
        log.error("site not ready: %s", exc.message)
        QMessageBox.critical(None, QCoreApplication.translate("App", "Situs belum disiapkan"), exc.message)
        return None
    QGuiApplication.restoreOverrideCursor()
    remember_site_card(opened.db.path, site)  # the next start paints its sign-in dialog before opening the file
    return opened.db, site


def main(argv: list[str] | None = None, *, db_target: str | None = None) -> int:
    args = list(sys.argv if argv is None else argv)
    if _headless_linux():
        sys.stderr.write("Puskesos Desk: tidak ada layar (DISPLAY/WAYLAND_DISPLAY kosong). "
                         "Jalankan dari desktop, atau setel QT_QPA_PLATFORM=offscreen untuk uji.\n")
        return EXIT_NO_DISPLAY
    limit_arenas()  # before the first worker thread: fewer glibc arenas, a smaller resident size all day
    pdf_helper.use_helper_process()  # reportlab and PDFium run beside the desk, never in it
    log_path = configure_logging(defer_masking=True)  # the masker loads behind the first paint
    log.info("starting %s %s, log %s", APP_NAME, __version__, log_path)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(args)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANISATION)
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # DeskSession decides: sign-out returns to the sign-in dialog
    apply_style(app)
    collector = GuiThreadCollector(app)  # before any background op can run
    install_excepthook()
    install_translators(app, startup_language())
    install_help(app)  # F1 on every screen, the sign-in dialog included
    quick = quick_start(db_target)
    if quick is None:  # first start, a server or an encrypted file: open the database, then sign in
        open_gate()
        return _run_session(app, collector, _open_target(db_target))
    first = OpeningSignIn(db_target, quick).run()
    if first.outcome is Outcome.FAILED:
        return _run_session(app, collector, None)
    if first.outcome is Outcome.NO_SITE and first.db is not None:
        site = run_first_run(first.db)
        if site is None:
            first.db.dispose()
        return _run_session(app, collector, None if site is None else (first.db, site))
    if first.db is None or first.site is None:  # Keluar before the database was even open
        collector.stop()
        return 0
    return _run_session(app, collector, (first.db, first.site), first.signed_in, left=first.outcome is Outcome.LEFT)


def _run_session(app: QApplication, collector: GuiThreadCollector, opened: tuple[Database, SiteInfo] | None,
                 signed_in: SignedIn | None = None, *, left: bool = False) -> int:
    """The desk from the (first) sign-in to the last window closed; EXIT_DATABASE when nothing could be opened."""
    if opened is None:
        collector.stop()
        return EXIT_DATABASE
    db, site = opened
    session = DeskSession(db, site)
    try:
        if left or not session.start(signed_in):
            return 0
        return app.exec()
    finally:
        wait_for_ops(10_000)
        pdf_helper.shutdown()
        collector.stop()
        db.dispose()
        log.info("stopped")


if __name__ == "__main__":
    sys.exit(main())
