"""An area that later work will fill: its title and one honest paragraph about what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class AreaPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        # Widgets
        self.lbl_title = QLabel(title)
        self.lbl_title.setObjectName("lbl_title")
        self.lbl_description = QLabel(description)
        self.lbl_description.setWordWrap(True)
        self.lbl_description.setMaximumWidth(720)
        self.lbl_description.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.lbl_status = QLabel(self.tr("Bagian ini sedang disiapkan dan belum dapat dipakai."))
        self.lbl_status.setObjectName("lbl_hint")

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.lbl_description)
        layout.addWidget(self.lbl_status)
        layout.addStretch(1)
