"""The Koordinator's decision on a household change at the desa: approve (the change is applied at once) or
reject with a reason."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from puskesos_desk.domain.casework import ChangeRequestRecord
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, with_error
from puskesos_desk.ui.widgets.household.status_labels import CHANGE_KINDS, label


@dataclass(frozen=True)
class ChangeDecision:
    request_id: str
    expected_version: int
    approve: bool
    reason: str


class ChangeDecisionDialog(FormDialog):
    def __init__(self, request: ChangeRequestRecord, subject: str, *, approve: bool,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Setujui {number}") if approve else self.tr("Tolak {number}")
        super().__init__(title.format(number=request.number), parent)
        self.request = request
        self.approve = approve

        # Widgets
        self.lbl_what = QLabel(f"{label(CHANGE_KINDS, request.kind)}: {subject}")
        self.lbl_reason = QLabel(request.reason)
        self.lbl_reason.setWordWrap(True)
        self.lbl_effect = QLabel(
            self.tr("Perubahan langsung diterapkan pada data keluarga dan riwayat keanggotaan.") if approve
            else self.tr("Data keluarga tidak berubah. Alasan penolakan dicatat."))
        self.lbl_effect.setObjectName("lbl_hint")
        self.lbl_effect.setWordWrap(True)
        self.edt_reason = QLineEdit()
        self.edt_reason.setPlaceholderText(self.tr("Wajib diisi bila ditolak"))
        self.btn_save.setText(self.tr("Setujui") if approve else self.tr("Tolak"))

        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("Perubahan"), self.lbl_what)
        form.addRow(self.tr("Alasan permintaan"), self.lbl_reason)
        caption = QLabel(self.tr("&Catatan keputusan"))
        caption.setBuddy(self.edt_reason)
        form.addRow(caption, with_error(self.edt_reason, self.error_for("decision_reason")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lbl_effect)
        layout.addLayout(self.button_row())
        self.setMinimumWidth(520)
        self.edt_reason.setFocus()

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if not busy:
            self.btn_save.setText(self.tr("Setujui") if self.approve else self.tr("Tolak"))

    def focus_first_error(self) -> None:
        self.edt_reason.setFocus()

    def build_draft(self) -> ChangeDecision:
        return ChangeDecision(request_id=self.request.id, expected_version=self.request.row_version,
                              approve=self.approve, reason=self.edt_reason.text().strip())
