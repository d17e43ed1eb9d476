"""A date typed as dd/mm/yyyy: the fastest entry for a keyboard user, and empty is allowed."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from puskesos_desk.ui.formatting import format_date_short


class DateField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setInputMask("00/00/0000;_")
        self.setPlaceholderText(self.tr("hh/bb/tttt"))
        self.setMaximumWidth(130)
        self.setToolTip(self.tr("Ketik tanggal sebagai hari/bulan/tahun, misalnya 17082026"))

    def is_empty(self) -> bool:
        return not self.text().replace("/", "").strip()

    def date_value(self) -> date | None:
        """The date typed, or None when the field is empty or not a real date (see `is_valid`)."""
        parts = self.text().split("/")
        if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
            return None
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            return None

    def is_valid(self) -> bool:
        return self.is_empty() or self.date_value() is not None

    def set_date(self, value: date | None) -> None:
        self.setText(format_date_short(value) if value else "")
        if value is None:
            self.setCursorPosition(0)  # typing starts at the day, not after the mask

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.is_empty():
            self.setCursorPosition(0)
