"""The dialog for failures nobody expected, and `show_error()` that picks between it and a plain message.

The copied report never carries personal data: the whole text goes through lokal's PII masker, so a NIK or a
phone number inside an exception message becomes [NIK_1] / [PHONE_1] before it reaches the clipboard.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk import APP_NAME, __version__
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.infra.logging_setup import log_file_path

log = logging.getLogger(__name__)


def format_traceback(error: BaseException) -> str:
    return "".join(traceback.format_exception(type(error), error, error.__traceback__)).rstrip()


def mask_text(text: str) -> str:
    from lokal import mask_pii  # imported on first use: the masker takes 0.3 s to load, start-up does not need it

    return mask_pii(text).text


def build_report(error: BaseException, *, now: datetime | None = None, log_path: Path | None = None) -> str:
    """A plain-text report for the district operator: versions, OS, time, traceback, with NIK/phones masked."""
    moment = (now or datetime.now().astimezone()).isoformat(timespec="seconds")
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} ({sys.platform})",
        f"Qt {qVersion()}, PySide6 {PySide6.__version__}",
        f"OS {platform.platform()}",
        f"Time {moment}",
        f"Log {log_path or log_file_path()}",
        "",
        format_traceback(error),
    ]
    return mask_text("\n".join(lines)) + "\n"


class ErrorDialog(QDialog):
    """Readable words first; the traceback is one click away; "Salin laporan" copies the masked report."""

    def __init__(self, error: BaseException, parent: QWidget | None = None, *, log_path: Path | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.log_path = log_path or log_file_path()
        self._report = build_report(error, log_path=self.log_path)
        self.setWindowTitle(self.tr("Terjadi kesalahan — Puskesos Desk"))
        self.setModal(True)

        # Widgets
        self.lbl_message = QLabel(
            self.tr(
                "Terjadi kesalahan yang tidak terduga. Pekerjaan yang sudah disimpan aman. "
                "Jika kesalahan ini terulang, tekan \"Salin laporan\" dan kirimkan laporan itu kepada "
                "operator kabupaten."
            )
        )
        self.lbl_message.setWordWrap(True)
        self.lbl_log = QLabel(self.tr("Catatan lengkap tersimpan di berkas log:\n{path}").format(path=self.log_path))
        self.lbl_log.setWordWrap(True)
        self.lbl_log.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_log.setObjectName("lbl_hint")
        self.edt_details = QPlainTextEdit(mask_text(format_traceback(error)))
        self.edt_details.setReadOnly(True)
        self.edt_details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.edt_details.setMinimumHeight(180)
        self.edt_details.setVisible(False)
        self.btn_details = QPushButton(self.tr("Tampilkan rincian"))
        self.btn_details.setCheckable(True)
        self.btn_details.setAutoDefault(False)
        self.btn_copy = QPushButton(self.tr("Salin laporan"))
        self.btn_copy.setAutoDefault(False)
        self.btn_close = QPushButton(self.tr("Tutup"))
        self.btn_close.setDefault(True)
        for label in (self.lbl_message, self.lbl_log):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.lbl_copied = QLabel("")
        self.lbl_copied.setObjectName("lbl_hint")
        self.lbl_copied.setVisible(False)

        # Buttons
        self.btn_details.toggled.connect(self._on_btn_details_toggled)
        self.btn_copy.clicked.connect(self._on_btn_copy_clicked)
        self.btn_close.clicked.connect(self.accept)

        # Assemble
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_details)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_copy)
        buttons.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_message)
        layout.addWidget(self.lbl_log)
        layout.addWidget(self.edt_details, 1)
        layout.addStretch(0)
        layout.addWidget(self.lbl_copied)
        layout.addLayout(buttons)
        self.setMinimumWidth(580)
        self.resize(640, self.sizeHint().height())
        self.btn_close.setFocus()

    def report_text(self) -> str:
        return self._report

    def _on_btn_details_toggled(self, checked: bool) -> None:
        self.edt_details.setVisible(checked)
        self.btn_details.setText(self.tr("Sembunyikan rincian") if checked else self.tr("Tampilkan rincian"))
        if checked:
            self.resize(max(self.width(), 720), max(self.height(), 440))
        else:
            self.resize(self.width(), self.minimumSizeHint().height())

    def _on_btn_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._report)
        self.lbl_copied.setText(self.tr("Laporan sudah disalin. Tempelkan ke pesan atau surel."))
        self.lbl_copied.setVisible(True)


def show_error(parent: QObject | None, error: BaseException) -> None:
    """Expected failures (PuskesosError) as a plain message; anything else in the error dialog."""
    widget = parent if isinstance(parent, QWidget) else None
    if isinstance(error, PuskesosError):
        QMessageBox.warning(widget, QCoreApplication.translate("ErrorDialog", "Tidak dapat dilanjutkan"), error.message)
        return
    log.error("unexpected failure", exc_info=(type(error), error, error.__traceback__))
    dialog = ErrorDialog(error, widget)
    dialog.exec()
    dialog.deleteLater()
