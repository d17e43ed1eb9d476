"""Word-wrapped labels whose text stays as set (a page's subtitle, an introduction) and that layouts must not
squeeze.

A layout counts a word-wrapped label as one line when it works out a page's minimum height. At its minimum height
(a 1366×768 screen at 125 % scaling) the page then gives the label the lines it needs and squeezes the widgets
around it. `keep_lines(label)` makes the label's minimum height follow the lines its text takes at its present
width, so the page's minimum is right and the page scrolls instead of squeezing. It is worked out again when the
label is resized or shown, so a hint whose text is set before it is shown may use it too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel


class _LinesKept(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and isinstance(watched, QLabel):
            fit_lines(watched)
        return False


def fit_lines(label: QLabel) -> None:
    """The label's minimum height for its text at its present width; call it after setText on a shown label."""
    kept = label.minimumHeight()
    label.setMinimumHeight(0)  # a label's height for width is never less than its minimum height
    needed = label.heightForWidth(label.width())
    label.setMinimumHeight(needed if needed > 0 else kept)


def keep_lines(*labels: QLabel) -> None:
    for label in labels:
        label.installEventFilter(_LinesKept(label))
