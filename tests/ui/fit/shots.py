"""A screen as a picture: the main window as it is, a dialog drawn over its dimmed main window (centred, as a
window-modal dialog opens), a dialog without a main window alone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QDialog, QWidget


def picture(widget: QWidget) -> QPixmap:
    parent = widget.parentWidget()
    if not isinstance(widget, QDialog) or parent is None or not parent.window().isVisible():
        return widget.grab()
    base = parent.window().grab()
    painter = QPainter(base)
    painter.fillRect(base.rect(), QColor(15, 23, 42, 90))
    front = widget.grab()
    painter.drawPixmap(QPoint(max(0, (base.width() - front.width()) // 2),
                              max(0, (base.height() - front.height()) // 2)), front)
    painter.end()
    return base


def save_shot(widget: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not picture(widget).save(str(path)):
        raise OSError(f"could not write {path}")
