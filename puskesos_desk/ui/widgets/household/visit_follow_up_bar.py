"""Shown right after a visit is saved: record the complaint and needs of that visit without searching for it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class VisitFollowUpBar(QFrame):
    complaint_requested = Signal()
    need_requested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.visit_id: str | None = None

        # Widgets
        self.lbl_message = QLabel()
        self.btn_complaint = QPushButton(self.tr("Catat keluhan kunjungan ini"))
        self.btn_need = QPushButton(self.tr("Catat kebutuhan kunjungan ini"))
        self.btn_close = QPushButton(self.tr("Selesai"))
        self.btn_close.setToolTip(self.tr("Tutup saran ini"))

        # Signals
        self.btn_complaint.clicked.connect(self.complaint_requested)
        self.btn_need.clicked.connect(self.need_requested)
        self.btn_close.clicked.connect(self._on_btn_close_clicked)

        # Assemble
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.lbl_message, 1)
        row.addWidget(self.btn_complaint)
        row.addWidget(self.btn_need)
        row.addWidget(self.btn_close)
        self.setVisible(False)

    def offer(self, visit_id: str, number: str) -> None:
        self.visit_id = visit_id
        self.lbl_message.setText(self.tr("Kunjungan {number} tersimpan. Lanjutkan:").format(number=number))
        self.setVisible(True)
        self.btn_complaint.setFocus()

    def _on_btn_close_clicked(self) -> None:
        self.visit_id = None
        self.setVisible(False)
        self.closed.emit()
