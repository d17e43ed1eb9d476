"""The unlock dialog before sign-in: a wrong passphrase keeps the dialog open with a clear message, the right one
opens the site; the recovery key sets a new passphrase; the app start-up shows the dialog for an encrypted file;
Pengaturan enables encryption after the loss warning and saves the recovery sheet."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from puskesos_desk.data import site_key
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.bootstrap import open_database
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.encryption import NewSiteKey, enable_encryption, unlock
from puskesos_desk.services.site import get_site_info
from puskesos_desk.ui import app as app_module
from puskesos_desk.ui.dialogs.unlock_database_dialog import UnlockDatabaseDialog
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.widgets.encryption_settings import EncryptionSettings

PASSPHRASE = "kantor-sumogawe-2026"


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_key, "DEFAULT_KDF", site_key.KdfParams(time_cost=1, memory_cost_kib=1024,
                                                                    parallelism=1))
    monkeypatch.delenv("PUSKESOS_DB_PASSPHRASE", raising=False)


@pytest.fixture
def encrypted(site_template: Path, tmp_path: Path) -> tuple[Path, NewSiteKey]:
    path = tmp_path / "puskesos.db"
    shutil.copyfile(site_template, path)
    opened = open_database(str(path))
    site = get_site_info(opened.db)
    new_key = enable_encryption(ServiceContext(opened.db, Actor.cli("pytest", site_code=site.code,
                                                                    site_role=site.role)), PASSPHRASE)
    return path, new_key


def test_wrong_passphrase_then_the_right_one(qtbot: QtBot, encrypted: tuple[Path, NewSiteKey]) -> None:
    path, new_key = encrypted
    dialog = UnlockDatabaseDialog(str(path), str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edt_passphrase, "frasa-yang-salah")
    dialog.btn_open.click()
    assert dialog.lbl_error.isVisible() and "Frasa sandi basis data salah" in dialog.lbl_error.text()
    assert dialog.result() == 0 and dialog.data_key is None
    dialog.edt_passphrase.clear()
    qtbot.keyClicks(dialog.edt_passphrase, PASSPHRASE)
    assert not dialog.lbl_error.isVisible()  # typing clears the old message
    dialog.btn_open.click()
    assert dialog.result() == UnlockDatabaseDialog.DialogCode.Accepted
    assert dialog.data_key == new_key.data_key


def test_recovery_key_sets_a_new_passphrase(qtbot: QtBot, encrypted: tuple[Path, NewSiteKey]) -> None:
    path, new_key = encrypted
    dialog = UnlockDatabaseDialog(str(path), str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.btn_recovery.click()
    assert dialog.pages.currentIndex() == 1
    qtbot.keyClicks(dialog.edt_recovery_key, "AAAA-" * 13 + "AAAA")
    qtbot.keyClicks(dialog.edt_new, "frasa-baru-kantor-2027")
    qtbot.keyClicks(dialog.edt_repeat, "frasa-baru-kantor-2027")
    dialog.btn_recover.click()
    assert "salah ketik" in dialog.lbl_error.text() and dialog.data_key is None
    dialog.edt_recovery_key.clear()
    qtbot.keyClicks(dialog.edt_recovery_key, new_key.recovery_key.lower())
    dialog.btn_recover.click()
    assert dialog.data_key == new_key.data_key
    assert unlock(str(path), "frasa-baru-kantor-2027") == new_key.data_key


@pytest.fixture
def restore_app(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: messages.append(text))
    yield messages
    qapp.setQuitOnLastWindowClosed(True)


def _answer_unlock_dialog(passphrase: str | None) -> None:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, UnlockDatabaseDialog) and w.isVisible()]
    if not dialogs:
        QTimer.singleShot(20, lambda: _answer_unlock_dialog(passphrase))
        return
    dialog = dialogs[0]
    if passphrase is None:
        dialog.btn_quit.click()
        return
    dialog.edt_passphrase.setText(passphrase)
    dialog.btn_open.click()


def test_start_up_asks_for_the_passphrase_before_sign_in(restore_app: list[str], encrypted: tuple[Path, Any],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = encrypted
    seen: list[str] = []
    monkeypatch.setattr(LoginDialog, "get_sign_in",
                        classmethod(lambda cls, parent, db, site, **_kw: seen.append(site.code)))
    QTimer.singleShot(0, lambda: _answer_unlock_dialog(PASSPHRASE))
    assert app_module.main([], db_target=str(path)) == 0
    assert seen == ["33.22.01.2007"] and restore_app == []


def test_start_up_quit_at_the_unlock_dialog_exits_3(restore_app: list[str], encrypted: tuple[Path, Any],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path, _ = encrypted
    monkeypatch.setattr(LoginDialog, "get_sign_in", classmethod(lambda *_a, **_kw: pytest.fail("no sign-in")))
    QTimer.singleShot(0, lambda: _answer_unlock_dialog(None))
    assert app_module.main([], db_target=str(path)) == 3


def test_pengaturan_enables_encryption_with_the_warning_and_the_sheet(qtbot: QtBot, site_db: Any, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    answers = iter([PASSPHRASE, PASSPHRASE])
    sheet = tmp_path / "kunci-pemulihan.pdf"

    def warned(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        warnings.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warned)
    monkeypatch.setattr(QMessageBox, "information", lambda *_a: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a: (next(answers), True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(sheet), "PDF (*.pdf)"))
    group = EncryptionSettings(site_db.cli)
    qtbot.addWidget(group)
    group.quit_after_enabling = False
    assert group.lbl_status.text().startswith("Tidak terenkripsi") and not group.btn_change.isVisibleTo(group)
    with qtbot.waitSignal(group.enabled_now, timeout=60_000) as enabled:
        group.btn_enable.click()
    assert "DATA TIDAK DAPAT DIBUKA LAGI" in warnings[0]
    assert sheet.read_bytes().startswith(b"%PDF")
    assert site_db.path.read_bytes()[:16] != site_key.SQLITE_HEADER
    assert unlock(str(site_db.path), PASSPHRASE) and enabled.args[0] == site_key.read_key_file(site_db.path).key_id
