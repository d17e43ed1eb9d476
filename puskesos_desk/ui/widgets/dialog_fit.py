"""Dialogs whose wrapped text would be cut when they open at their minimum height.

Qt opens a window no taller than two thirds of the screen, but never below its layout's minimum height; that minimum
counts a word-wrapped label as one line. On a 1366×768 screen (at 125 % scaling above all) a tall dialog therefore
opens at a height where its wrapped intro needs a second line it does not get, and the fields below are squeezed.
`keep_wrapped_text_whole(dialog)` makes the dialog, when shown, as tall as its text needs at its width, within the
screen's available height; `resize_within_screen` gives a dialog the size it asks for, as far as the screen allows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 32  # the window frame's title bar, above the available height the dialog may use


class _GrowOnShow(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            grow_for_wrapped_text(watched)
        return False


def grow_for_wrapped_text(window: QWidget) -> None:
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    if needed <= window.height():
        return
    screen = window.screen()
    room = screen.availableGeometry().height() - TITLE_BAR if screen is not None else needed
    window.resize(window.width(), max(window.height(), min(needed, room)))


def keep_wrapped_text_whole(dialog: QWidget) -> None:
    dialog.installEventFilter(_GrowOnShow(dialog))


def resize_within_screen(window: QWidget, wanted: QSize) -> None:
    """The size a dialog asks for, reduced to what the screen has room for (title bar included): a 1366×768
    screen at 125 % scaling has 1093×582 logical pixels."""
    screen = (window.parentWidget() or window).screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(wanted)
        return
    room = screen.availableGeometry().size()
    window.resize(min(wanted.width(), room.width()), min(wanted.height(), room.height() - TITLE_BAR))
