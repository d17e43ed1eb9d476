"""Changing a complaint's status: the next status, how it was followed up, and the answer or outcome.

The dialog hands a `ComplaintStatusChange` out through `change_submitted`; the caller runs the service and then
either closes the dialog or passes the service's field messages back with `show_errors()`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.enums import ComplaintStatus
from puskesos_desk.domain.followup import ComplaintItem, FollowUpMethod, is_closing, next_complaint_statuses
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.models.complaints_model import KIND_NAMES, STATUS_NAMES, URGENCY_NAMES, label

METHOD_NAMES: dict[str, str] = {
    FollowUpMethod.WARGA_DATANG: QT_TRANSLATE_NOOP("CaseLabels", "Warga datang ke kantor"),
    FollowUpMethod.TELEPON: QT_TRANSLATE_NOOP("CaseLabels", "Telepon / WhatsApp"),
    FollowUpMethod.KUNJUNGAN_RUMAH: QT_TRANSLATE_NOOP("CaseLabels", "Kunjungan rumah"),
    FollowUpMethod.SURAT_BALASAN: QT_TRANSLATE_NOOP("CaseLabels", "Surat balasan"),
    FollowUpMethod.INFO_SEKRETARIAT: QT_TRANSLATE_NOOP("CaseLabels", "Informasi dari Sekretariat SLRT"),
}


@dataclass(frozen=True)
class ComplaintStatusChange:
    complaint_id: str
    status: ComplaintStatus
    answer: str
    method: FollowUpMethod
    expected_version: int


class ComplaintStatusDialog(QDialog):
    change_submitted = Signal(object)  # ComplaintStatusChange

    def __init__(self, item: ComplaintItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Ubah status keluhan {number}").format(number=item.number))
        self.setMinimumWidth(560)
        choices = next_complaint_statuses(item.status)

        # Widgets
        self.lbl_household = QLabel(f"{item.household_name} ({item.household_number})")
        self.lbl_subject = QLabel(" · ".join(
            part for part in (label(KIND_NAMES, item.kind), item.category_label(current_language())) if part))
        self.lbl_urgency = QLabel(label(URGENCY_NAMES, item.urgency))
        self.lbl_current = QLabel(label(STATUS_NAMES, item.status))
        self.lbl_due = QLabel(format_date_long(item.due_date) if item.due_date else self.tr("tidak ada"))
        self.lbl_description = QLabel(item.description)
        self.lbl_description.setWordWrap(True)
        self.lbl_description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cmb_status = QComboBox()
        for status in choices:
            self.cmb_status.addItem(label(STATUS_NAMES, status), status.value)
        self.lbl_status_error = self._error_label()
        self.cmb_method = QComboBox()
        for method in FollowUpMethod:
            self.cmb_method.addItem(label(METHOD_NAMES, method), method.value)
        self.lbl_answer = QLabel()
        self.edt_answer = QPlainTextEdit()
        self.edt_answer.setTabChangesFocus(True)
        self.edt_answer.setFixedHeight(96)
        self.lbl_answer.setBuddy(self.edt_answer)
        self.lbl_answer_error = self._error_label()
        self.lbl_closed = QLabel(self.tr("Keluhan ini sudah ditutup dan tidak dapat diubah lagi. Bila masalahnya "
                                         "muncul lagi, catat sebagai keluhan baru di Layanan."))
        self.lbl_closed.setWordWrap(True)
        self.lbl_closed.setObjectName("lbl_hint")
        self.lbl_closed.setVisible(not choices)
        self.lbl_error = self._error_label()
        self.btn_save = QPushButton(self.tr("Simpan"))
        self.btn_save.setDefault(True)
        self.btn_save.setToolTip(self.tr("Simpan perubahan status (Ctrl+S)"))
        self.btn_save.setEnabled(bool(choices))
        self.btn_cancel = QPushButton(self.tr("Batal"))
        self.btn_cancel.setAutoDefault(False)
        self.sc_save = QShortcut(QKeySequence.StandardKey.Save, self)
        for widget in (self.cmb_status, self.cmb_method, self.edt_answer):
            widget.setEnabled(bool(choices))

        # Signals
        self.cmb_status.currentIndexChanged.connect(self._on_cmb_status_current_index_changed)
        self.edt_answer.textChanged.connect(self._on_edt_answer_text_changed)
        self.btn_save.clicked.connect(self._on_btn_save_clicked)
        self.btn_cancel.clicked.connect(self.reject)
        self.sc_save.activated.connect(self._on_btn_save_clicked)

        # Assemble
        about = QFormLayout()
        about.addRow(self.tr("Keluarga"), self.lbl_household)
        about.addRow(self.tr("Perihal"), self.lbl_subject)
        about.addRow(self.tr("Urgensi"), self.lbl_urgency)
        about.addRow(self.tr("Status sekarang"), self.lbl_current)
        about.addRow(self.tr("Jatuh tempo"), self.lbl_due)
        about.addRow(self.tr("Uraian"), self.lbl_description)
        form = QFormLayout()
        lbl_status = QLabel(self.tr("Status &baru"))
        lbl_status.setBuddy(self.cmb_status)
        lbl_method = QLabel(self.tr("&Cara tindak lanjut"))
        lbl_method.setBuddy(self.cmb_method)
        form.addRow(lbl_status, self._stacked(self.cmb_status, self.lbl_status_error))
        form.addRow(lbl_method, self.cmb_method)
        form.addRow(self.lbl_answer, self._stacked(self.edt_answer, self.lbl_answer_error))
        buttons = QHBoxLayout()
        buttons.addWidget(self.lbl_error, 1)
        buttons.addWidget(self.btn_save)
        buttons.addWidget(self.btn_cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(about)
        layout.addWidget(self.lbl_closed)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.setTabOrder(self.cmb_status, self.cmb_method)
        self.setTabOrder(self.cmb_method, self.edt_answer)
        self.setTabOrder(self.edt_answer, self.btn_save)
        self.setTabOrder(self.btn_save, self.btn_cancel)
        self._update_answer_label()
        (self.cmb_status if choices else self.btn_cancel).setFocus()

    @staticmethod
    def _error_label() -> QLabel:
        widget = QLabel()
        widget.setObjectName("lbl_error")
        widget.setWordWrap(True)
        widget.setVisible(False)
        return widget

    @staticmethod
    def _stacked(field: QWidget, error: QLabel) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        return box

    def selected_status(self) -> ComplaintStatus | None:
        value = self.cmb_status.currentData()
        return ComplaintStatus(value) if value else None

    def _update_answer_label(self) -> None:
        status = self.selected_status()
        if status is ComplaintStatus.TIDAK_DAPAT_DITANGANI:
            text = self.tr("&Alasan (wajib)")
        elif status is not None and is_closing(status):
            text = self.tr("&Jawaban atau hasil (wajib)")
        else:
            text = self.tr("C&atatan (boleh kosong)")
        self.lbl_answer.setText(text)

    def _on_cmb_status_current_index_changed(self, _index: int) -> None:
        self._update_answer_label()
        self._show(self.lbl_status_error, "")

    def _on_edt_answer_text_changed(self) -> None:
        if self.lbl_answer_error.isVisible() and self.edt_answer.toPlainText().strip():
            self._show(self.lbl_answer_error, "")

    @staticmethod
    def _show(widget: QLabel, text: str) -> None:
        widget.setText(text)
        widget.setVisible(bool(text))

    def _on_btn_save_clicked(self) -> None:
        status = self.selected_status()
        if status is None or not self.btn_save.isEnabled():
            return
        answer = self.edt_answer.toPlainText().strip()
        if is_closing(status) and not answer:
            self._show(self.lbl_answer_error, self.tr("Tuliskan jawaban, hasil, atau alasannya sebelum menutup "
                                                      "keluhan."))
            self.edt_answer.setFocus()
            return
        self.set_busy(True)
        self.change_submitted.emit(ComplaintStatusChange(
            complaint_id=self.item.id, status=status, answer=answer,
            method=FollowUpMethod(self.cmb_method.currentData()), expected_version=self.item.row_version,
        ))

    def set_busy(self, busy: bool) -> None:
        self.btn_save.setEnabled(not busy)
        self.btn_save.setText(self.tr("Menyimpan…") if busy else self.tr("Simpan"))

    def show_errors(self, errors: dict[str, str]) -> None:
        """The service's field messages next to their fields (anything else at the bottom)."""
        self.set_busy(False)
        self._show(self.lbl_status_error, " ".join(v for k, v in errors.items() if k in ("status", "method")))
        self._show(self.lbl_answer_error, errors.get("answer", ""))
        self._show(self.lbl_error, " ".join(v for k, v in errors.items() if k not in ("status", "method", "answer")))
        if "answer" in errors:
            self.edt_answer.setFocus()
        elif errors:
            self.cmb_status.setFocus()
