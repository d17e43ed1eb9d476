"""The frame every household dialog shares: Simpan (Ctrl+S) and Batal (Esc), a red message under each field, and
a busy state while the caller's service runs.

A dialog never saves by itself: Simpan emits `submitted(draft)` with a frozen draft; the caller runs the service
(through run_op) and then closes the dialog with `accept()` or hands the service's field messages back with
`show_errors()`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def error_label() -> QLabel:
    widget = QLabel()
    widget.setObjectName("lbl_error")
    widget.setWordWrap(True)
    widget.setVisible(False)
    return widget


def with_error(field: QWidget | QHBoxLayout, error: QLabel) -> QWidget:
    """The field with its error line directly under it."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if isinstance(field, QHBoxLayout):
        column.addLayout(field)
    else:
        column.addWidget(field)
    column.addWidget(error)
    return box


def align_labels(*forms: QFormLayout) -> None:
    """Give the label columns of several forms stacked in one dialog the same width, so the fields line up."""
    labels = []
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                labels.append(item.widget())
    width = max((w.sizeHint().width() for w in labels), default=0)
    for widget in labels:
        widget.setMinimumWidth(width)


class FormDialog(QDialog):
    submitted = Signal(object)  # the frozen draft

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.errors: dict[str, QLabel] = {}
        self.lbl_error = error_label()
        self.btn_save = QPushButton(self.tr("Simpan"))
        self.btn_save.setDefault(True)
        self.btn_save.setToolTip(self.tr("Simpan (Ctrl+S)"))
        self.btn_cancel = QPushButton(self.tr("Batal"))
        self.btn_cancel.setAutoDefault(False)
        self.btn_cancel.setToolTip(self.tr("Tutup tanpa menyimpan (Esc)"))
        self.sc_save = QShortcut(QKeySequence.StandardKey.Save, self)
        self.btn_save.clicked.connect(self._on_btn_save_clicked)
        self.btn_cancel.clicked.connect(self.reject)
        self.sc_save.activated.connect(self._on_btn_save_clicked)

    def error_for(self, key: str) -> QLabel:
        """The red line under field `key` (a service FieldErrors key)."""
        if key not in self.errors:
            self.errors[key] = error_label()
        return self.errors[key]

    def button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.lbl_error, 1)
        row.addStretch(1)
        row.addWidget(self.btn_save)
        row.addWidget(self.btn_cancel)
        return row

    def clear_errors(self) -> None:
        for widget in (*self.errors.values(), self.lbl_error):
            widget.setText("")
            widget.setVisible(False)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; messages for fields this dialog does not show go to the bottom line."""
        self.set_busy(False)
        self.clear_errors()
        unplaced = []
        for key, message in errors.items():
            target = self.errors.get(key) or self.errors.get(key.split(".", 1)[0])
            if target is None:
                unplaced.append(message)
                continue
            target.setText(message)
            target.setVisible(True)
        if unplaced:
            self.show_message(" ".join(unplaced))
        self.focus_first_error()

    def show_message(self, message: str) -> None:
        self.set_busy(False)
        self.lbl_error.setText(message)
        self.lbl_error.setVisible(bool(message))

    def focus_first_error(self) -> None:
        """Subclasses move the focus to the first field that has a message."""

    def set_busy(self, busy: bool) -> None:
        self.btn_save.setEnabled(not busy)
        self.btn_save.setText(self.tr("Menyimpan…") if busy else self.tr("Simpan"))

    def build_draft(self) -> object | None:
        """The frozen draft from the fields, or None when a field is plainly incomplete (messages shown)."""
        raise NotImplementedError

    def _on_btn_save_clicked(self) -> None:
        if not self.btn_save.isEnabled():
            return
        self.clear_errors()
        draft = self.build_draft()
        if draft is None:
            self.focus_first_error()
            return
        self.set_busy(True)
        self.submitted.emit(draft)
