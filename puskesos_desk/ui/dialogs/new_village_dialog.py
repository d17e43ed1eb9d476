"""Inviting a village from a district: its Kemendagri code and the name its site will carry."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from puskesos_desk.domain.file_names import safe_file_stem


def setup_file_name(site_code: str) -> str:
    return f"penyiapan-desa-{safe_file_stem(site_code, 'desa')}.json"


class NewVillageDialog(QDialog):
    """The village to invite: its Kemendagri code and the name its site will carry."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tambah desa"))
        self.txt_code = QLineEdit()
        self.txt_code.setPlaceholderText("33.22.01.2007")
        self.txt_name = QLineEdit()
        self.txt_name.setPlaceholderText("Puskesos Desa Sumogawe")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Kode desa/kelurahan:"), self.txt_code)
        form.addRow(self.tr("Nama situs desa:"), self.txt_name)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        return self.txt_code.text().strip(), self.txt_name.text().strip()
