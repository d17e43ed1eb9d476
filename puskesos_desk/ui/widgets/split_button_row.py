"""A row of buttons in two groups, the main ones on the left and the others on the right, that puts the second group
on a line of its own when the row is too narrow for both (a 1366×768 screen at 125 % scaling): a button keeps its
whole text instead of being squeezed, and the page never scrolls sideways for it.

A layout, not a widget: it decides in setGeometry (the width it really gets), and it tells the layout above it the
height each width needs (heightForWidth), so the second line gets its room.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget

ROW, LINES = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom


class SplitButtonRow(QBoxLayout):
    def __init__(self, first: Sequence[QWidget], second: Sequence[QWidget], *, spacing: int = 6) -> None:
        super().__init__(ROW)
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)
        self.lay_first = QHBoxLayout()
        self.lay_first.setSpacing(spacing)
        for widget in first:
            self.lay_first.addWidget(widget)
        self.lay_first.addStretch(1)
        self.lay_second = QHBoxLayout()
        self.lay_second.setSpacing(spacing)
        self.lay_second.addStretch(1)  # right-aligned on either line
        for widget in second:
            self.lay_second.addWidget(widget)
        self.addLayout(self.lay_first, 1)
        self.addLayout(self.lay_second)

    def one_row_width(self) -> int:
        """The width at which every button shows its whole text on one row."""
        return self.lay_first.sizeHint().width() + self.spacing() + self.lay_second.sizeHint().width()

    def _fits_one_row(self, width: int) -> bool:
        return width >= self.one_row_width()

    def setGeometry(self, rect: QRect) -> None:
        wanted = ROW if self._fits_one_row(rect.width()) else LINES
        if self.direction() != wanted:
            self.setDirection(wanted)  # invalidates: the layout above asks heightForWidth again
        super().setGeometry(rect)

    def minimumSize(self) -> QSize:
        # As narrow as the wider group: below one_row_width the groups stack instead of shrinking. As tall as the
        # lines it has now: the page scroll areas go by minimum heights, not heightForWidth (ui/widgets/page_stack.py).
        first, second = self.lay_first.minimumSize(), self.lay_second.minimumSize()
        width = max(first.width(), second.width())
        if self.direction() == ROW:
            return QSize(width, max(first.height(), second.height()))
        return QSize(width, first.height() + self.spacing() + second.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        first, second = self.lay_first.sizeHint().height(), self.lay_second.sizeHint().height()
        if self._fits_one_row(width):
            return max(first, second)
        return first + self.spacing() + second

    def is_one_row(self) -> bool:
        return self.direction() == ROW
