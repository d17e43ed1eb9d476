"""Shown right after a visit is saved: record the complaint and needs of that visit without searching for it, and
refer a need the moment it is saved (for the officers who may refer)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class VisitFollowUpBar(QFrame):
    complaint_requested = Signal()
    need_requested = Signal()
    referral_requested = Signal()  # refer the need saved just now
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.visit_id: str | None = None

        # Widgets
        self.lbl_message = QLabel()
        self.lbl_message.setWordWrap(True)  # the message gives way, never the buttons (125 % on 1366×768)
        # Short labels: the message names the visit they belong to.
        self.btn_complaint = QPushButton(self.tr("Catat keluhan"))
        self.btn_complaint.setToolTip(self.tr("Catat keluhan dari kunjungan ini"))
        self.btn_need = QPushButton(self.tr("Catat kebutuhan"))
        self.btn_need.setToolTip(self.tr("Catat kebutuhan dari kunjungan ini"))
        self.btn_refer = QPushButton(self.tr("Rujuk kebutuhan…"))
        self.btn_refer.setToolTip(self.tr("Rujuk kebutuhan yang baru disimpan ke layanan di direktori"))
        self.btn_refer.setVisible(False)
        self.btn_close = QPushButton(self.tr("Selesai"))
        self.btn_close.setToolTip(self.tr("Tutup saran ini"))

        # Signals
        self.btn_complaint.clicked.connect(self.complaint_requested)
        self.btn_need.clicked.connect(self.need_requested)
        self.btn_refer.clicked.connect(self.referral_requested)
        self.btn_close.clicked.connect(self._on_btn_close_clicked)

        # Assemble
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.lbl_message, 1)
        row.addWidget(self.btn_complaint)
        row.addWidget(self.btn_need)
        row.addWidget(self.btn_refer)
        row.addWidget(self.btn_close)
        self.setVisible(False)

    def offer(self, visit_id: str, number: str) -> None:
        self.visit_id = visit_id
        self.lbl_message.setText(self.tr("Kunjungan {number} tersimpan. Lanjutkan:").format(number=number))
        self.btn_refer.setVisible(False)
        self.setVisible(True)
        self.btn_complaint.setFocus()

    def offer_referral(self) -> None:
        """A need of this visit was saved: referring it is the likely next step, one key away."""
        self.btn_refer.setVisible(True)
        self.btn_refer.setFocus()

    def withdraw_referral(self) -> None:
        """The need was referred (or another one is being recorded): the offer is gone; more needs may follow."""
        had_focus = self.window().focusWidget() is self.btn_refer  # also while a dialog above is still active
        self.btn_refer.setVisible(False)
        if had_focus and self.isVisible():
            self.btn_need.setFocus()

    def _on_btn_close_clicked(self) -> None:
        self.visit_id = None
        self.setVisible(False)
        self.closed.emit()
