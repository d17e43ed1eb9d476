"""Server basis data: the dialog stores, tests and forgets the connection; Pengaturan shows it to Admins; the app
asks Coba lagi / Ubah koneksi… / Keluar when the stored server cannot be reached at start-up."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import ADMIN_PASSWORD, KOORDINATOR_PASSWORD, copy_sqlite
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy.engine import make_url

from puskesos_desk.infra.paths import default_database_path
from puskesos_desk.services import database_settings
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.database_settings import ServerConnection
from puskesos_desk.ui import app as app_module
from puskesos_desk.ui.dialogs.database_dialog import DatabaseDialog
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.pages.settings_page import SettingsPage


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    return shown


def open_dialog(qtbot: Any, **kwargs: Any) -> DatabaseDialog:
    dialog = DatabaseDialog(**kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # the offscreen platform has no window manager: focus needs an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def fill(qtbot: Any, dialog: DatabaseDialog, host: str, port: int, password: str) -> None:
    dialog.edt_host.clear()
    qtbot.keyClicks(dialog.edt_host, host)
    dialog.spn_port.setValue(port)
    qtbot.keyClicks(dialog.edt_password, password)


def test_save_stores_the_server_and_explains_when_it_applies(qtbot: Any, informed: list[str]) -> None:
    dialog = open_dialog(qtbot)
    assert "berkas lokal" in dialog.lbl_current.text()
    assert not dialog.btn_local.isEnabled(), "nothing to forget yet"
    assert dialog.edt_database.text() == "puskesos" and dialog.edt_user.text() == "puskesos"
    fill(qtbot, dialog, "192.168.1.10", 5432, "sandi-kantor")
    with qtbot.waitSignal(dialog.accepted, timeout=2_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert database_settings.load() == ServerConnection(host="192.168.1.10")
    assert "sandi-kantor" in database_settings.password_file_path().read_text(encoding="utf-8")
    assert len(informed) == 1 and "dibuka lagi" in informed[0]


def test_reopened_dialog_keeps_the_stored_password_unless_a_new_one_is_typed(qtbot: Any,
                                                                            informed: list[str]) -> None:
    database_settings.save(ServerConnection(host="server-kantor"), "sandi-lama")
    dialog = open_dialog(qtbot)
    assert dialog.edt_host.text() == "server-kantor"
    assert "tersimpan" in dialog.edt_password.placeholderText()
    assert "server-kantor:5432/puskesos" in dialog.lbl_current.text()
    assert dialog.password() is None
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert "sandi-lama" in database_settings.password_file_path().read_text(encoding="utf-8")


def test_missing_host_is_shown_and_nothing_is_stored(qtbot: Any, informed: list[str]) -> None:
    dialog = open_dialog(qtbot)
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.lbl_status.isVisible() and "server" in dialog.lbl_status.text()
    assert dialog.edt_host.hasFocus()
    assert database_settings.load() is None
    assert informed == []


def test_connection_test_runs_in_the_background_and_reports_the_failure(qtbot: Any) -> None:
    dialog = open_dialog(qtbot)
    fill(qtbot, dialog, "127.0.0.1", closed_port(), "x")
    qtbot.mouseClick(dialog.btn_test, Qt.MouseButton.LeftButton)
    assert not dialog.btn_test.isEnabled(), "one test at a time"
    assert "Menghubungi" in dialog.lbl_status.text()
    qtbot.waitUntil(lambda: dialog.btn_test.isEnabled(), timeout=30_000)
    assert dialog.lbl_status.text().startswith("Gagal terhubung: ")
    assert dialog.lbl_status.objectName() == "lbl_error"
    assert database_settings.load() is None, "testing stores nothing"


@pytest.mark.postgres_only
def test_connection_test_shows_the_server_version(qtbot: Any) -> None:
    base = os.environ.get("PUSKESOS_TEST_PG")
    if not base:
        pytest.skip("PUSKESOS_TEST_PG is not set: no PostgreSQL server to test the connection against")
    parts = urlsplit(base)
    dialog = open_dialog(qtbot)
    fill(qtbot, dialog, parts.hostname or "127.0.0.1", parts.port or 5432, parts.password or "")
    dialog.edt_database.setText(parts.path.lstrip("/"))
    dialog.edt_user.setText(parts.username or "")
    qtbot.mouseClick(dialog.btn_test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.btn_test.isEnabled(), timeout=30_000)
    assert dialog.lbl_status.text().startswith("Terhubung: PostgreSQL 1"), dialog.lbl_status.text()


def test_back_to_the_local_file_forgets_server_and_password(qtbot: Any, informed: list[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    database_settings.save(ServerConnection(host="server-kantor"), "sandi")
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    dialog = open_dialog(qtbot)
    with qtbot.waitSignal(dialog.accepted, timeout=2_000):
        qtbot.mouseClick(dialog.btn_local, Qt.MouseButton.LeftButton)
    assert database_settings.load() is None
    assert not database_settings.password_file_path().exists()
    assert dialog.changed


def _settings_page(qtbot: Any, desk: Any, username: str, password: str) -> SettingsPage:
    from puskesos_desk.services.site import get_site_info

    signed = sign_in(desk.db, username=username, password=password)
    page = SettingsPage(ServiceContext(desk.db, signed.actor), get_site_info(desk.db), desk.db.display_location)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _backend_now(desk: Any) -> str:
    """What the page says this session runs on: the fixture's file, or its database on the test server."""
    if desk.db.is_sqlite:
        return "berkas lokal"
    url = make_url(desk.db.url)
    return f"server {url.host}:{url.port}/{url.database}"


def test_settings_page_shows_the_backend_and_the_button_to_admins_only(qtbot: Any, desk: Any) -> None:
    admin = _settings_page(qtbot, desk, "admin", ADMIN_PASSWORD)
    assert admin.lbl_backend.text() == _backend_now(desk)
    assert admin.btn_database.isVisible()
    koordinator = _settings_page(qtbot, desk, "koordinator", KOORDINATOR_PASSWORD)
    assert koordinator.lbl_backend.text() == _backend_now(desk)
    assert not koordinator.btn_database.isVisible()


def test_settings_page_says_a_new_server_applies_at_the_next_start(qtbot: Any, desk: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    page = _settings_page(qtbot, desk, "admin", ADMIN_PASSWORD)

    def choose_server(dialog: DatabaseDialog) -> int:
        dialog.edt_host.setText("server-kantor")
        dialog.edt_password.setText("sandi")
        monkeypatch.setattr(QMessageBox, "information", lambda *_args: None)
        dialog.btn_save.click()
        return 1

    monkeypatch.setattr(DatabaseDialog, "exec", choose_server)
    qtbot.mouseClick(page.btn_database, Qt.MouseButton.LeftButton)
    assert page.lbl_backend.text() == (f"{_backend_now(desk)} (mulai saat aplikasi dibuka lagi: "
                                       "server server-kantor:5432/puskesos)")


# --- start-up ---------------------------------------------------------------------------------------------------


@pytest.fixture
def restore_app(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """main() configures the shared QApplication and sys.excepthook; put both back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    critical: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: critical.append(text))
    yield critical
    qapp.setQuitOnLastWindowClosed(True)


@pytest.mark.sqlite_only  # falls back to a copy of the SQLite site file
def test_unreachable_stored_server_offers_retry_change_and_quit(restore_app: list[str], desk: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    database_settings.save(ServerConnection(host="127.0.0.1", port=closed_port()), "sandi")
    asked: list[tuple[str, bool]] = []
    answers = iter([app_module.RETRY, app_module.CHANGE])

    def ask(message: str, *, can_change: bool) -> str:
        asked.append((message, can_change))
        return next(answers)

    def change_to_local_file() -> None:  # as Pakai berkas lokal in the dialog does
        database_settings.clear()
        copy_sqlite(desk.path, default_database_path())

    signed_in_to: list[str] = []
    monkeypatch.setattr(app_module, "ask_server_unreachable", ask)
    monkeypatch.setattr(app_module, "change_connection", change_to_local_file)
    monkeypatch.setattr(LoginDialog, "get_sign_in",
                        classmethod(lambda cls, parent, db, site, **_kw: signed_in_to.append(db.display_location)))
    assert app_module.main([]) == 0
    assert len(asked) == 2, "asked again after Coba lagi"
    assert all(can_change for _message, can_change in asked)
    assert "sandi" not in asked[0][0]
    assert asked[0][0], "the message says what is wrong"
    assert signed_in_to == [str(default_database_path())]
    assert restore_app == [], "no dead-end error box"


def test_quit_when_the_server_stays_away(restore_app: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    port = closed_port()
    asked: list[bool] = []

    def ask(_message: str, *, can_change: bool) -> str:
        asked.append(can_change)
        return app_module.QUIT

    monkeypatch.setattr(app_module, "ask_server_unreachable", ask)
    assert app_module.main([], db_target=f"postgresql://puskesos@127.0.0.1:{port}/puskesos") == 3
    assert asked == [False], "a --db target is the caller's choice: nothing to change in the dialog"
    assert not Path(default_database_path()).exists(), "no local file was made behind the officer's back"
