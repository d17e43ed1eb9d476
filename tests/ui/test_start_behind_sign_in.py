"""A start on a remembered site: the sign-in dialog is painted from the remembered card before the database is
open, the database opens behind it, and whatever the officer does meanwhile is honoured."""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import KOORDINATOR_PASSWORD, SITE_CODE, SITE_NAME
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from puskesos_desk.infra.paths import user_config_dir
from puskesos_desk.services.site_card import CARD_FILE, SiteCard, remember_site_card
from puskesos_desk.ui import app as app_module
from puskesos_desk.ui import opening_sign_in
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.main_window import MainWindow
from puskesos_desk.ui.ops import pending_ops

STALE_NAME = "Puskesos Desa Sumogawe (nama lama)"


@pytest.fixture
def started(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """main() configures the shared QApplication and sys.excepthook; put both back afterwards. Yields the texts of
    QMessageBox.critical."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: messages.append(text))
    yield messages
    qapp.setQuitOnLastWindowClosed(True)


@pytest.fixture
def held_open(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The database opening behind the dialog waits until the test sets the event (a slow old PC)."""
    release = threading.Event()
    real = opening_sign_in.open_behind_sign_in

    def slow(target: str | None) -> Any:
        assert release.wait(30), "the test never let the database open"
        return real(target)

    monkeypatch.setattr(opening_sign_in, "open_behind_sign_in", slow)
    yield release
    release.set()


def _remember(path: Path | None, name: str = STALE_NAME) -> None:
    assert path is not None
    remember_site_card(path, SiteCard(name=name, region_path="Desa Sumogawe", code=SITE_CODE))


def _when_dialog_shown(qtbot: Any, act: Callable[[LoginDialog], None]) -> None:
    def poll() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()]
        if dialogs and dialogs[0]._painted:
            act(dialogs[0])
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


def _close_main_window_when_shown() -> list[MainWindow]:
    seen: list[MainWindow] = []

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows:
            seen.append(windows[0])
            windows[0].close()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def test_a_start_that_opens_the_file_first_remembers_its_site_card(started: list[str], desk: Any,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(lambda cls, parent, db, site, **_kw: None))
    assert app_module.main([], db_target=str(desk.path)) == 0
    cards = json.loads((user_config_dir() / CARD_FILE).read_text(encoding="utf-8"))
    assert cards == {str(desk.path.resolve()): {"name": SITE_NAME, "region_path": cards[str(desk.path.resolve())][
        "region_path"], "code": SITE_CODE}}
    assert "Sumogawe" in cards[str(desk.path.resolve())]["region_path"]


def test_sign_in_typed_before_the_database_is_open_waits_for_it(started: list[str], desk: Any, qtbot: Any,
                                                                 held_open: threading.Event) -> None:
    _remember(desk.path)
    seen: dict[str, Any] = {}

    def type_and_sign_in(dialog: LoginDialog) -> None:
        seen["db_at_paint"] = dialog.db
        seen["card_at_paint"] = dialog.lbl_site.text()
        seen["status_at_paint"] = dialog.lbl_status.text()
        qtbot.keyClicks(dialog.edt_username, "koordinator")
        qtbot.keyClicks(dialog.edt_password, KOORDINATOR_PASSWORD)
        qtbot.keyClick(dialog.edt_password, Qt.Key.Key_Return)
        seen["waiting_enabled"] = dialog.btn_sign_in.isEnabled()
        seen["waiting_status"] = dialog.lbl_status.text()
        held_open.set()
        dialog.accepted.connect(lambda: seen.setdefault("card_at_sign_in", dialog.lbl_site.text()))

    _when_dialog_shown(qtbot, type_and_sign_in)
    windows = _close_main_window_when_shown()
    assert app_module.main([], db_target=str(desk.path)) == 0
    assert seen["db_at_paint"] is None
    assert seen["card_at_paint"] == STALE_NAME
    assert seen["status_at_paint"] == "Menyiapkan basis data…"
    assert seen["waiting_enabled"] is False and seen["waiting_status"] == "Memeriksa…"
    assert seen["card_at_sign_in"] == SITE_NAME  # the database corrected the remembered card
    assert len(windows) == 1 and windows[0].signed_in.user.username == "koordinator"
    cards = json.loads((user_config_dir() / CARD_FILE).read_text(encoding="utf-8"))
    assert cards[str(desk.path.resolve())]["name"] == SITE_NAME
    qtbot.waitUntil(lambda: pending_ops() == 0)


def test_a_wrong_password_on_a_remembered_site_is_refused_like_any_other(started: list[str], desk: Any,
                                                                         qtbot: Any) -> None:
    _remember(desk.path, SITE_NAME)
    seen: dict[str, str] = {}

    def wrong_then_leave(dialog: LoginDialog) -> None:
        qtbot.waitUntil(lambda: dialog.db is not None, timeout=20_000)
        qtbot.keyClicks(dialog.edt_username, "koordinator")
        qtbot.keyClicks(dialog.edt_password, "bukan-ini-123")
        qtbot.keyClick(dialog.edt_password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.lbl_error.isVisible(), timeout=20_000)
        seen["error"] = dialog.lbl_error.text()
        qtbot.mouseClick(dialog.btn_quit, Qt.MouseButton.LeftButton)

    _when_dialog_shown(qtbot, wrong_then_leave)
    assert app_module.main([], db_target=str(desk.path)) == 0
    assert "salah" in seen["error"].lower()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_leaving_while_the_database_opens_ends_the_start_cleanly(started: list[str], desk: Any, qtbot: Any,
                                                                  held_open: threading.Event) -> None:
    _remember(desk.path)

    def leave(dialog: LoginDialog) -> None:
        qtbot.mouseClick(dialog.btn_quit, Qt.MouseButton.LeftButton)
        held_open.set()

    _when_dialog_shown(qtbot, leave)
    assert app_module.main([], db_target=str(desk.path)) == 0
    assert started == []
    assert pending_ops() == 0


def test_a_remembered_file_that_now_holds_no_site_goes_to_the_first_run_wizard(
        started: list[str], seeded_db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    seeded_db.db.dispose()
    _remember(seeded_db.path)
    offered: list[Any] = []
    monkeypatch.setattr(app_module, "run_first_run", lambda db: offered.append(db.path))
    assert app_module.main([], db_target=str(seeded_db.path)) == 3
    assert offered == [seeded_db.path.resolve()]
    assert started == []


def test_a_remembered_file_that_is_no_longer_ours_is_refused_with_the_usual_message(
        started: list[str], tmp_path: Path) -> None:
    other = tmp_path / "lain.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE catatan (isi TEXT)")
    _remember(other)
    assert app_module.main([], db_target=str(other)) == 3
    assert len(started) == 1
    assert "bukan basis data Puskesos Desk" in started[0]
