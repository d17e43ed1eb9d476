"""sys.excepthook for the GUI: log the exception as critical, then show the error dialog (once at a time)."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_showing = False


def handle_exception(exc_type: type[BaseException], exc_value: BaseException, tb: TracebackType | None) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc_value, tb)
        return
    log.critical("unhandled exception", exc_info=(exc_type, exc_value, tb))
    app = QApplication.instance()
    if app is None or _showing or threading.current_thread() is not threading.main_thread():
        return
    from puskesos_desk.ui.error_dialog import ErrorDialog

    if exc_value.__traceback__ is None and tb is not None:
        exc_value = exc_value.with_traceback(tb)
    _showing = True  # an error while the dialog is up must not stack a second dialog on top of it
    try:
        dialog = ErrorDialog(exc_value, QApplication.activeWindow())
        dialog.exec()
        dialog.deleteLater()
    finally:
        _showing = False


def install_excepthook() -> None:
    sys.excepthook = handle_exception
