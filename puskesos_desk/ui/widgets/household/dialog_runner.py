"""Runs one form dialog at a time for a page: opens it window-modal, saves each submitted draft through run_op
(writes=True), closes it on success, and puts the service's messages back into it otherwise.

A stale record (Conflict) is explained and the page is offered a reload; any other expected failure is shown
in the dialog; an unexpected one goes to the error dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from puskesos_desk.domain.errors import Conflict, FieldErrors, PuskesosError
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog


class DialogRunner(QObject):
    saved = Signal(object)  # the service's result, after the dialog has closed
    reload_requested = Signal()  # the officer chose to reload after a stale-record message

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self.page = page
        self.active: FormDialog | None = None

    def open(self, dialog: FormDialog, save: Callable[[Any], Any], on_saved: Callable[[Any], None]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active = dialog

        def submit(draft: object) -> None:
            run_op(self.page, lambda: save(draft), lambda result: self._on_saved(dialog, result, on_saved),
                   lambda error: self._on_failed(dialog, error), writes=True)

        dialog.submitted.connect(submit)
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.active = None

    def _on_saved(self, dialog: FormDialog, result: Any, on_saved: Callable[[Any], None]) -> None:
        dialog.accept()
        on_saved(result)
        self.saved.emit(result)

    def _on_failed(self, dialog: FormDialog, error: BaseException) -> None:
        if isinstance(error, FieldErrors):
            dialog.show_errors(error.errors)
        elif isinstance(error, Conflict):
            dialog.show_message(error.message)
            answer = QMessageBox.question(self.page, self.tr("Data sudah berubah"),
                                          error.message + "\n\n" + self.tr("Muat ulang data keluarga sekarang?"))
            if answer == QMessageBox.StandardButton.Yes:
                dialog.reject()
                self.reload_requested.emit()
        elif isinstance(error, PuskesosError):
            dialog.show_message(error.message)
        else:
            dialog.set_busy(False)
            show_error(self.page, error)
