"""The error dialog: readable words, the traceback on request, and a copied report without personal data."""

from __future__ import annotations

import logging
import sys
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from puskesos_desk import __version__
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.ui import error_dialog, excepthook
from puskesos_desk.ui.error_dialog import ErrorDialog, build_report, show_error

NIK = "3322011505800003"
PHONE = "081234567890"


def _raise_with_personal_data() -> BaseException:
    def lookup_resident() -> None:
        raise ValueError(f"cannot match resident NIK {NIK}, phone {PHONE}")

    try:
        lookup_resident()
    except ValueError as exc:
        return exc
    raise AssertionError("unreachable")


def test_report_has_versions_and_traceback_but_no_nik(qapp: Any) -> None:
    report = build_report(_raise_with_personal_data())
    assert f"Puskesos Desk {__version__}" in report
    assert "Python " in report
    assert "Qt 6." in report
    assert "Traceback (most recent call last)" in report
    assert "lookup_resident" in report
    assert "ValueError: cannot match resident NIK" in report
    assert NIK not in report
    assert PHONE not in report
    assert "[NIK_1]" in report


def test_dialog_copies_masked_report(qtbot: Any) -> None:
    dialog = ErrorDialog(_raise_with_personal_data())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "Pekerjaan yang sudah disimpan aman" in dialog.lbl_message.text()
    assert "puskesos-desk.log" in dialog.lbl_log.text()
    assert not dialog.edt_details.isVisible()
    qtbot.mouseClick(dialog.btn_details, Qt.MouseButton.LeftButton)
    assert dialog.edt_details.isVisible()
    assert "lookup_resident" in dialog.edt_details.toPlainText()
    assert NIK not in dialog.edt_details.toPlainText()
    QGuiApplication.clipboard().clear()
    assert not dialog.lbl_copied.isVisible()
    qtbot.mouseClick(dialog.btn_copy, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied
    assert "lookup_resident" in copied
    assert NIK not in copied
    assert PHONE not in copied
    assert dialog.lbl_copied.isVisible()
    assert "disalin" in dialog.lbl_copied.text()


def test_expected_failure_is_a_plain_message(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(ErrorDialog, "exec", lambda self: pytest.fail("no error dialog for an expected failure"))
    show_error(None, InputRejected("Nama pengguna sudah dipakai."))
    assert shown == ["Nama pengguna sudah dipakai."]


def test_excepthook_logs_critical_and_shows_dialog(qtbot: Any, monkeypatch: pytest.MonkeyPatch,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    opened: list[ErrorDialog] = []

    def fake_exec(self: ErrorDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(error_dialog.ErrorDialog, "exec", fake_exec)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    excepthook.install_excepthook()
    assert sys.excepthook is excepthook.handle_exception
    error = _raise_with_personal_data()
    with caplog.at_level(logging.CRITICAL, logger="puskesos_desk.ui.excepthook"):
        sys.excepthook(type(error), error, error.__traceback__)
    assert any(record.levelno == logging.CRITICAL for record in caplog.records)
    assert len(opened) == 1
    assert "lookup_resident" in opened[0].report_text()
