"""Kirim → "Lindungi dengan kata sandi": the password fields of the export tab (one package, or every village's).

The box is forced on (and cannot be unticked) when the district requires protected packages; the password is
checked against the rules before the save dialog opens, handed to the export for that one file, and cleared from
the fields once the package is made. It is never stored.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from puskesos_desk.domain.errors import InputRejected

_FIELD_WIDTH = 320


def protection_service() -> ModuleType:
    """services.exchange_protection, imported on first use like the other exchange services."""
    return importlib.import_module("puskesos_desk.services.exchange_protection")


class PackagePasswordBox(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._required = False

        # Widgets
        self.chk_protect = QCheckBox(self.tr("Lindungi dengan kata sandi"))
        self.edt_password = QLineEdit()
        self.edt_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.edt_password.setAccessibleName(self.tr("Kata sandi paket"))
        self.edt_password.setPlaceholderText(self.tr("minimal 8 karakter"))
        self.edt_password.setMaximumWidth(_FIELD_WIDTH)
        self.edt_repeat = QLineEdit()
        self.edt_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.edt_repeat.setAccessibleName(self.tr("Ulangi kata sandi paket"))
        self.edt_repeat.setMaximumWidth(_FIELD_WIDTH)
        self.lbl_hint = QLabel(self.tr(
            "Berkas dienkripsi (AES-256) dan hanya dapat dibuka di Excel, LibreOffice atau Puskesos Desk dengan kata "
            "sandi ini. Beritahukan kata sandinya kepada penerima lewat telepon atau langsung, jangan di flashdisk "
            "atau surel yang sama."))
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)
        self.lbl_hint.setMaximumWidth(760)

        # Signals
        self.chk_protect.toggled.connect(self._on_chk_protect_toggled)

        # Assemble
        fields = QFormLayout()
        fields.setContentsMargins(24, 0, 0, 0)
        fields.setVerticalSpacing(6)
        fields.addRow(self.tr("Kata sandi:"), self.edt_password)
        fields.addRow(self.tr("Ulangi:"), self.edt_repeat)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.chk_protect)
        layout.addLayout(fields)
        # lbl_hint is placed by the tab, in a row of its own: a wrapped label inside this box made the tab's form
        # underestimate the box's height and squeeze the fields.
        self._on_chk_protect_toggled(False)

    def set_required(self, required: bool) -> None:
        """The district's rule: the box is ticked and cannot be unticked."""
        self._required = required
        if required:
            self.chk_protect.setChecked(True)
            self.chk_protect.setText(self.tr("Lindungi dengan kata sandi (diwajibkan kabupaten/kota)"))
        else:
            self.chk_protect.setText(self.tr("Lindungi dengan kata sandi"))
        self.chk_protect.setEnabled(self.isEnabled() and not required)

    def set_busy(self, busy: bool) -> None:
        self.chk_protect.setEnabled(not busy and not self._required)
        for field in (self.edt_password, self.edt_repeat):
            field.setEnabled(not busy and self.chk_protect.isChecked())

    def is_protected(self) -> bool:
        return self.chk_protect.isChecked()

    def password(self) -> str | None:
        """The password to encrypt with, or None when the box is not ticked. Raises InputRejected with the reason
        (and puts the cursor in the field to fix)."""
        if not self.chk_protect.isChecked():
            return None
        text = self.edt_password.text()
        try:
            protection_service().check_package_password(text, self.edt_repeat.text())
        except InputRejected as exc:
            target = self.edt_repeat if exc.field == "password_repeat" else self.edt_password
            target.setFocus()
            target.selectAll()
            raise
        return text

    def clear(self) -> None:
        self.edt_password.clear()
        self.edt_repeat.clear()

    def _on_chk_protect_toggled(self, checked: bool) -> None:
        for field in (self.edt_password, self.edt_repeat):
            field.setEnabled(checked)
        self.lbl_hint.setVisible(checked)
        if not checked:
            self.clear()
