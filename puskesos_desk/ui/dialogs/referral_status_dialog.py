"""Recording what the receiving office did with a referral: received, in process, done (with the outcome) or
refused (with the reason), where the news came from, and the date the office acted.

The dialog hands a `ReferralChange` out through `change_submitted`; the caller runs the service and then either
closes the dialog or passes the service's field messages back with `show_errors()`. Approving, sending back to
draft and cancelling have their own buttons on the page, so they are not offered here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.enums import FeedbackSource, ReferralOutcome, ReferralStatus
from puskesos_desk.domain.referrals import FEEDBACK_STATUSES, ReferralChange, ReferralDetail
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.models.referrals_model import OUTCOME_NAMES, SOURCE_NAMES, STATUS_NAMES, label

FIELD_KEYS = ("status", "source", "occurred_on", "outcome", "rejection_reason", "notes")


def feedback_choices(detail: ReferralDetail) -> tuple[ReferralStatus, ...]:
    """The feedback statuses this user may record now, in the order of the flow."""
    return tuple(status for status in FEEDBACK_STATUSES if status in detail.next_statuses)


def sent_on(detail: ReferralDetail) -> date | None:
    """The day the slip was handed over (the answer cannot be older)."""
    for event in detail.events:
        if event.status_after == ReferralStatus.DIKIRIM:
            return event.occurred_at.astimezone().date()
    return None


class ReferralStatusDialog(QDialog):
    change_submitted = Signal(object)  # ReferralChange

    def __init__(self, detail: ReferralDetail, *, today: date, source: FeedbackSource | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        record = detail.referral
        self.setWindowTitle(self.tr("Catat tanggapan rujukan {number}").format(number=record.number))
        self.setMinimumWidth(600)
        choices = feedback_choices(detail)

        # Widgets
        self.lbl_person = QLabel(f"{record.person_name} ({record.household_number})")
        self.lbl_service = QLabel(f"{record.organization}\n{record.service_name}")
        self.lbl_service.setWordWrap(True)
        self.lbl_current = QLabel(label(STATUS_NAMES, record.status))
        self.lbl_due = QLabel(format_date_long(record.response_due) if record.response_due else self.tr("belum ada"))
        self.cmb_status = QComboBox()
        for status in choices:
            self.cmb_status.addItem(label(STATUS_NAMES, status), status.value)
        self.cmb_source = QComboBox()
        self.cmb_source.setPlaceholderText(self.tr("Pilih dari mana kabar ini diterima"))
        for option in FeedbackSource:
            self.cmb_source.addItem(label(SOURCE_NAMES, option), option.value)
        self.cmb_source.setCurrentIndex(self.cmb_source.findData(source.value) if source else -1)
        self.dte_occurred = QDateEdit()
        self.dte_occurred.setCalendarPopup(True)
        self.dte_occurred.setDisplayFormat("dd/MM/yyyy")
        self.dte_occurred.setMaximumDate(QDate(today.year, today.month, today.day))
        earliest = sent_on(detail)
        if earliest is not None and earliest <= today:
            self.dte_occurred.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        self.dte_occurred.setDate(QDate(today.year, today.month, today.day))
        self.dte_occurred.setToolTip(self.tr("Tanggal lembaga tujuan bertindak, misalnya tanggal pada lembar balasan"))
        self.rdo_outcomes: dict[ReferralOutcome, QRadioButton] = {
            outcome: QRadioButton(label(OUTCOME_NAMES, outcome)) for outcome in ReferralOutcome}
        self.grp_outcome = QButtonGroup(self)
        for button in self.rdo_outcomes.values():
            self.grp_outcome.addButton(button)
        self.wdg_outcome = QWidget()
        outcome_row = QHBoxLayout(self.wdg_outcome)
        outcome_row.setContentsMargins(0, 0, 0, 0)
        for button in self.rdo_outcomes.values():
            outcome_row.addWidget(button)
        outcome_row.addStretch(1)
        self.edt_reason = QPlainTextEdit()
        self.edt_reason.setTabChangesFocus(True)
        self.edt_reason.setFixedHeight(72)
        self.edt_reason.setPlaceholderText(self.tr("Alasan yang disampaikan lembaga tujuan"))
        self.edt_notes = QPlainTextEdit()
        self.edt_notes.setTabChangesFocus(True)
        self.edt_notes.setFixedHeight(72)
        self.edt_notes.setPlaceholderText(self.tr("Misalnya: nama petugas yang menelepon, isi lembar balasan"))
        self.lbl_errors: dict[str, QLabel] = {key: self._error_label() for key in FIELD_KEYS}
        self.lbl_error = self._error_label()
        self.lbl_nothing = QLabel(self.tr("Tanggapan untuk rujukan ini tidak dapat dicatat sekarang: statusnya "
                                          "{status}.").format(status=label(STATUS_NAMES, record.status).lower()))
        self.lbl_nothing.setObjectName("lbl_hint")
        self.lbl_nothing.setWordWrap(True)
        self.lbl_nothing.setVisible(not choices)
        self.btn_save = QPushButton(self.tr("Simpan"))
        self.btn_save.setDefault(True)
        self.btn_save.setToolTip(self.tr("Simpan tanggapan (Ctrl+S)"))
        self.btn_save.setEnabled(bool(choices))
        self.btn_cancel = QPushButton(self.tr("Batal"))
        self.btn_cancel.setAutoDefault(False)
        self.sc_save = QShortcut(QKeySequence.StandardKey.Save, self)

        # Signals
        self.cmb_status.currentIndexChanged.connect(self._on_cmb_status_current_index_changed)
        self.cmb_source.currentIndexChanged.connect(self._on_cmb_source_current_index_changed)
        self.grp_outcome.buttonClicked.connect(self._on_grp_outcome_button_clicked)
        self.edt_reason.textChanged.connect(self._on_edt_reason_text_changed)
        self.btn_save.clicked.connect(self._on_btn_save_clicked)
        self.btn_cancel.clicked.connect(self.reject)
        self.sc_save.activated.connect(self._on_btn_save_clicked)

        # Assemble: one form, so the captions of what is known and of what is asked line up
        self.frm_fields = QFormLayout()
        self.frm_fields.setHorizontalSpacing(14)
        self.frm_fields.addRow(self.tr("Warga"), self.lbl_person)
        self.frm_fields.addRow(self.tr("Lembaga tujuan"), self.lbl_service)
        self.frm_fields.addRow(self.tr("Status sekarang"), self.lbl_current)
        self.frm_fields.addRow(self.tr("Batas jawaban"), self.lbl_due)
        self.frm_fields.addRow(self.lbl_nothing)
        self._add_row(self.tr("Status &baru"), self.cmb_status, "status")
        self._add_row(self.tr("&Sumber kabar"), self.cmb_source, "source")
        self._add_row(self.tr("&Tanggal tanggapan"), self.dte_occurred, "occurred_on")
        self.lbl_outcome = self._add_row(self.tr("&Hasil layanan"), self.wdg_outcome, "outcome")
        self.lbl_outcome.setBuddy(self.rdo_outcomes[ReferralOutcome.TERLAYANI_PENUH])
        self.lbl_reason = self._add_row(self.tr("&Alasan penolakan"), self.edt_reason, "rejection_reason")
        self._add_row(self.tr("&Catatan"), self.edt_notes, "notes")
        buttons = QHBoxLayout()
        buttons.addWidget(self.lbl_error, 1)
        buttons.addStretch(0)  # keeps the buttons at their own size while there is no message
        buttons.addWidget(self.btn_save)
        buttons.addWidget(self.btn_cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self.frm_fields)
        layout.addLayout(buttons)
        for widget in (self.cmb_status, self.cmb_source, self.dte_occurred, self.edt_notes):
            widget.setEnabled(bool(choices))
        self._update_fields()
        (self.cmb_status if choices else self.btn_cancel).setFocus()

    @staticmethod
    def _error_label() -> QLabel:
        widget = QLabel()
        widget.setObjectName("lbl_error")
        widget.setWordWrap(True)
        widget.setVisible(False)
        return widget

    def _add_row(self, text: str, field: QWidget, key: str) -> QLabel:
        caption = QLabel(text)
        if field is not self.wdg_outcome:  # a row of radio buttons has no single buddy; set by the caller
            caption.setBuddy(field)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self.lbl_errors[key])
        self.frm_fields.addRow(caption, box)
        return caption

    # --- reading the form ------------------------------------------------------------------------------------------

    def selected_status(self) -> ReferralStatus | None:
        value = self.cmb_status.currentData()
        return ReferralStatus(value) if value else None

    def selected_source(self) -> FeedbackSource | None:
        value = self.cmb_source.currentData()
        return FeedbackSource(value) if value else None

    def selected_outcome(self) -> ReferralOutcome | None:
        for outcome, button in self.rdo_outcomes.items():
            if button.isChecked():
                return outcome
        return None

    def occurred_on(self) -> date:
        value = self.dte_occurred.date()
        return date(value.year(), value.month(), value.day())

    def _update_fields(self) -> None:
        status = self.selected_status()
        self.frm_fields.setRowVisible(self.wdg_outcome.parentWidget(), status is ReferralStatus.SELESAI)
        self.frm_fields.setRowVisible(self.edt_reason.parentWidget(), status is ReferralStatus.DITOLAK)
        self.adjustSize()

    def _on_cmb_status_current_index_changed(self, _index: int) -> None:
        self._update_fields()
        self._show("status", "")

    def _on_cmb_source_current_index_changed(self, _index: int) -> None:
        self._show("source", "")

    def _on_grp_outcome_button_clicked(self, _button: QRadioButton) -> None:
        self._show("outcome", "")

    def _on_edt_reason_text_changed(self) -> None:
        if self.edt_reason.toPlainText().strip():
            self._show("rejection_reason", "")

    def _show(self, key: str, text: str) -> None:
        widget = self.lbl_errors.get(key, self.lbl_error)
        widget.setText(text)
        widget.setVisible(bool(text))

    def _missing(self, status: ReferralStatus) -> dict[str, str]:
        """What the officer left out, said before anything is sent to the service."""
        errors: dict[str, str] = {}
        if self.selected_source() is None:
            errors["source"] = self.tr("Pilih dari mana kabar ini diterima.")
        if status is ReferralStatus.SELESAI and self.selected_outcome() is None:
            errors["outcome"] = self.tr("Pilih hasil layanan: terlayani penuh, terlayani sebagian, atau tidak "
                                        "terlayani.")
        if status is ReferralStatus.DITOLAK and not self.edt_reason.toPlainText().strip():
            errors["rejection_reason"] = self.tr("Tuliskan alasan penolakan dari lembaga tujuan.")
        return errors

    def _on_btn_save_clicked(self) -> None:
        status = self.selected_status()
        if status is None or not self.btn_save.isEnabled():
            return
        missing = self._missing(status)
        if missing:
            self.show_errors(missing)
            return
        self.set_busy(True)
        source = self.selected_source()
        self.change_submitted.emit(ReferralChange(
            referral_id=self.detail.referral.id, status=status, source=source.value if source else None,
            occurred_on=self.occurred_on(), notes=self.edt_notes.toPlainText().strip(),
            outcome=self.selected_outcome() if status is ReferralStatus.SELESAI else None,
            rejection_reason=self.edt_reason.toPlainText().strip() if status is ReferralStatus.DITOLAK else "",
            expected_version=self.detail.referral.row_version,
        ))

    def set_busy(self, busy: bool) -> None:
        self.btn_save.setEnabled(not busy)
        self.btn_save.setText(self.tr("Menyimpan…") if busy else self.tr("Simpan"))

    def show_errors(self, errors: dict[str, str]) -> None:
        """The service's field messages next to their fields (anything else at the bottom)."""
        self.set_busy(False)
        for key in FIELD_KEYS:
            self._show(key, errors.get(key, ""))
        other = " ".join(text for key, text in errors.items() if key not in FIELD_KEYS)
        self.lbl_error.setText(other)
        self.lbl_error.setVisible(bool(other))
        focus = {"status": self.cmb_status, "source": self.cmb_source, "occurred_on": self.dte_occurred,
                 "outcome": self.rdo_outcomes[ReferralOutcome.TERLAYANI_PENUH],
                 "rejection_reason": self.edt_reason, "notes": self.edt_notes}
        for key in FIELD_KEYS:
            if key in errors:
                focus[key].setFocus(Qt.FocusReason.OtherFocusReason)
                break
