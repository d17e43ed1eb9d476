"""What both correction dialogs share (ui/dialogs/correction_dialog.py): the form is filled from the database off the
GUI thread, the reason is required, the save runs off the GUI thread, field messages appear under their fields, and
a stale form (someone saved the record meanwhile) says so and offers "Muat ulang", which refills the form from the
database while keeping the reason typed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.errors import Conflict, FieldErrors, PuskesosError
from puskesos_desk.domain.reference import CodeItem
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog, align_labels, with_error


class CorrectionDialog(FormDialog):
    """Loading, the reason, saving and the stale-form message, shared by both corrections."""

    corrected = Signal(object)  # CorrectionResult, after the save; the dialog then closes

    def __init__(self, ctx: ServiceContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.ctx = ctx
        self.loaded: Any = None
        self.lists: dict[str, list[CodeItem]] = {}
        self.lbl_about = QLabel(self.tr("Memuat data…"))
        self.lbl_about.setObjectName("lbl_card_title")
        self.lbl_about.setWordWrap(True)
        self.cmb_reason = QComboBox()
        self.cmb_reason.setEditable(True)
        self.cmb_reason.addItems(["", self.tr("Salah ketik"), self.tr("Sesuai KTP/KK terbaru"),
                                  self.tr("Permintaan warga")])
        self.cmb_reason.lineEdit().setPlaceholderText(self.tr("Wajib: mengapa data ini dikoreksi"))
        self.cmb_reason.setMinimumContentsLength(28)
        self.btn_reload = QPushButton(self.tr("Muat ulang"))
        self.btn_reload.setAutoDefault(False)
        self.btn_reload.setVisible(False)
        self.btn_reload.clicked.connect(self._on_btn_reload_clicked)
        self.submitted.connect(self._on_self_submitted)
        self.btn_save.setEnabled(False)

    def assemble(self, *parts: QWidget | QFormLayout) -> None:
        reason = QFormLayout()
        reason.addRow(self.tr("&Alasan koreksi"), with_error(self.cmb_reason, self.error_for("reason")))
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_about)
        for part in parts:
            if isinstance(part, QFormLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part)
        layout.addLayout(reason)
        align_labels(reason, *(part for part in parts if isinstance(part, QFormLayout)))
        layout.addWidget(self.lbl_error)  # full width: the stale-form message is long
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.btn_reload, self.btn_save, self.btn_cancel):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    # --- loading ------------------------------------------------------------------------------------------------

    def load(self) -> None:
        self.btn_save.setEnabled(False)
        run_op(self, self.fetch, self._on_loaded, self._on_load_failed)

    def fetch(self) -> tuple[Any, dict[str, list[CodeItem]]]:
        raise NotImplementedError

    def fill(self, loaded: Any) -> None:
        raise NotImplementedError

    def _on_loaded(self, result: tuple[Any, dict[str, list[CodeItem]]]) -> None:
        self.loaded, self.lists = result
        self.fill(self.loaded)
        self.btn_reload.setVisible(False)
        self.set_busy(False)

    def _on_load_failed(self, error: BaseException) -> None:
        if not isinstance(error, PuskesosError):
            show_error(self, error)
        self.lbl_about.setText(self.tr("Data tidak dapat dikoreksi."))
        self.show_message(error.message if isinstance(error, PuskesosError) else "")
        self.btn_save.setEnabled(False)

    def _on_btn_reload_clicked(self) -> None:
        self.clear_errors()
        self.load()

    def combo(self, list_name: str, empty: str, current: str = "") -> QComboBox:
        box = QComboBox()
        self.fill_combo(box, list_name, empty, current)
        return box

    def fill_combo(self, box: QComboBox, list_name: str, empty: str | None, current: str) -> None:
        """The list's items; a stored value not in the list (an older import) is kept as its own item."""
        box.clear()
        if empty is not None:
            box.addItem(empty, "")
        language = current_language()
        for item in self.lists.get(list_name, []):
            box.addItem(item.label(language), item.code)
        if current and box.findData(current) < 0:
            box.addItem(current, current)
        position = box.findData(current)
        box.setCurrentIndex(max(position, 0))

    def reason(self) -> str:
        return self.cmb_reason.currentText().strip()

    def reason_missing(self) -> bool:
        if self.reason():
            return False
        self.error_for("reason").setText(self.tr("Tuliskan alasan koreksi, misalnya \"salah ketik\"."))
        self.error_for("reason").setVisible(True)
        self.cmb_reason.setFocus()
        return True

    # --- saving -------------------------------------------------------------------------------------------------

    def save(self, draft: Any) -> Any:
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str]) -> None:
        super().show_errors(errors)
        self._fit_height()

    def show_message(self, message: str) -> None:
        super().show_message(message)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show messages that just appeared (a shown dialog keeps its size; wrapped lines would be cut)."""
        self.layout().activate()
        needed = self.layout().totalHeightForWidth(self.width()) if self.layout().hasHeightForWidth() \
            else self.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _on_self_submitted(self, draft: object) -> None:
        run_op(self, lambda: self.save(draft), self._on_saved, self._on_save_failed, writes=True)

    def _on_saved(self, result: object) -> None:
        self.corrected.emit(result)
        self.accept()

    def _on_save_failed(self, error: BaseException) -> None:
        if isinstance(error, FieldErrors):
            self.show_errors(error.errors)
        elif isinstance(error, Conflict):
            self.show_message(error.message)
            self.btn_reload.setVisible(True)
            self.btn_save.setEnabled(False)
        elif isinstance(error, PuskesosError):
            self.show_message(error.message)
        else:
            self.set_busy(False)
            show_error(self, error)

    def focus_first_error(self) -> None:
        for key, label in self.errors.items():
            widget = self.fields.get(key)
            if label.isVisible() and widget is not None:
                widget.setFocus()
                return

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"reason": self.cmb_reason}
