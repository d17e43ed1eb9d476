"""Moving a DTSEN proposal on: the next status, the musdes/muskel date and berita acara number (required before
it goes to the SIKS-NG operator), and a note (required when it is turned down)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from puskesos_desk.domain.casework import PROPOSAL_TRANSITIONS, ProposalRecord
from puskesos_desk.domain.enums import ProposalStatus
from puskesos_desk.ui.widgets.household.choice_widgets import combo_code
from puskesos_desk.ui.widgets.household.date_field import DateField
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, with_error
from puskesos_desk.ui.widgets.household.status_labels import PROPOSAL_STATUSES, label


@dataclass(frozen=True)
class ProposalAdvance:
    proposal_id: str
    expected_version: int
    to_status: str
    musdes_date: date | None
    musdes_minutes_number: str
    notes: str


class ProposalStatusDialog(FormDialog):
    def __init__(self, proposal: ProposalRecord, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Status usulan {number}").format(number=proposal.number), parent)
        self.proposal = proposal
        targets = PROPOSAL_TRANSITIONS[ProposalStatus(proposal.status)]

        # Widgets
        self.lbl_current = QLabel(label(PROPOSAL_STATUSES, proposal.status))
        self.cmb_status = QComboBox()
        for status in targets:
            self.cmb_status.addItem(label(PROPOSAL_STATUSES, status.value), status.value)
        self.dte_musdes = DateField()
        self.dte_musdes.set_date(proposal.musdes_date)
        self.edt_minutes = QLineEdit(proposal.musdes_minutes_number or "")
        self.edt_minutes.setPlaceholderText(self.tr("Nomor berita acara, misalnya 140/12/VIII/2026"))
        self.edt_notes = QLineEdit()
        self.lbl_hint = QLabel(self.tr("Usulan diajukan ke operator SIKS-NG setelah dibahas di musdes/muskel. "
                                       "Puskesos hanya mengusulkan; penetapan oleh Kementerian Sosial."))
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)
        self.btn_save.setEnabled(bool(targets))

        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("Status sekarang"), self.lbl_current)
        form.addRow(self._buddy(self.tr("Status &baru"), self.cmb_status),
                    with_error(self.cmb_status, self.error_for("to_status")))
        form.addRow(self._buddy(self.tr("Tanggal &musdes/muskel"), self.dte_musdes),
                    with_error(self.dte_musdes, self.error_for("musdes_date")))
        form.addRow(self._buddy(self.tr("No. &berita acara"), self.edt_minutes),
                    with_error(self.edt_minutes, self.error_for("musdes_minutes_number")))
        form.addRow(self._buddy(self.tr("&Catatan"), self.edt_notes),
                    with_error(self.edt_notes, self.error_for("notes")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_hint)
        layout.addLayout(form)
        layout.addLayout(self.button_row())
        self.setMinimumWidth(520)
        self.cmb_status.setFocus()

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        result = QLabel(text)
        result.setBuddy(widget)
        return result

    def focus_first_error(self) -> None:
        for key, widget in (("musdes_date", self.dte_musdes), ("musdes_minutes_number", self.edt_minutes),
                            ("notes", self.edt_notes)):
            if self.error_for(key).isVisible():
                widget.setFocus()
                return

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if not busy and self.cmb_status.count() == 0:
            self.btn_save.setEnabled(False)

    def build_draft(self) -> ProposalAdvance | None:
        if not self.dte_musdes.is_valid():
            self.show_errors({"musdes_date": self.tr("Tanggal tidak valid (hari/bulan/tahun).")})
            return None
        return ProposalAdvance(
            proposal_id=self.proposal.id, expected_version=self.proposal.row_version,
            to_status=combo_code(self.cmb_status) or "", musdes_date=self.dte_musdes.date_value(),
            musdes_minutes_number=self.edt_minutes.text().strip(), notes=self.edt_notes.text().strip(),
        )
