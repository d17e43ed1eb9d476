"""A small bar chart of visits per month, painted by hand (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from puskesos_desk.ui.formatting import format_number, month_key_label

BAR = QColor("#2f6fab")
BAR_CURRENT = QColor("#1c5d99")
AXIS = QColor("#9aa5b1")


class VisitsChart(QWidget):
    """Bars for ("YYYY-MM", count) pairs, oldest first; the count above each bar, the month name below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: tuple[tuple[str, int], ...] = ()
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Kunjungan per bulan"))

    def data(self) -> tuple[tuple[str, int], ...]:
        return self._data

    def set_data(self, data: tuple[tuple[str, int], ...]) -> None:
        self._data = tuple(data)
        parts = []
        for key, count in self._data:
            month, year = month_key_label(key)
            parts.append(f"{month} {year}: {format_number(count)}")
        self.setAccessibleDescription("; ".join(parts))
        self.setToolTip("\n".join(parts))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, 190)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        text_height = metrics.height()
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        area = QRectF(self.rect()).adjusted(4, text_height + 4, -4, -(2 * text_height + 6))
        painter.setPen(AXIS)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self._data or area.height() <= 0:
            return
        if not any(count for _key, count in self._data):
            painter.setPen(text_color)
            empty = self.tr("Belum ada kunjungan dalam 12 bulan terakhir.")
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, empty)
        peak = max(count for _key, count in self._data) or 1
        slot = area.width() / len(self._data)
        bar_width = max(4.0, slot * 0.6)
        for index, (key, count) in enumerate(self._data):
            centre = area.left() + slot * (index + 0.5)
            height = area.height() * count / peak
            bar = QRectF(centre - bar_width / 2, area.bottom() - height, bar_width, height)
            if count:
                painter.fillRect(bar, BAR_CURRENT if index == len(self._data) - 1 else BAR)
            painter.setPen(text_color)
            value_box = QRectF(centre - slot / 2, bar.top() - text_height - 2, slot, text_height)
            painter.drawText(value_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             format_number(count))
            month, year = month_key_label(key)
            label_box = QRectF(centre - slot / 2, area.bottom() + 3, slot, text_height)
            painter.drawText(label_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, month)
            if index == 0 or key.endswith("-01"):
                year_box = QRectF(centre - slot / 2, area.bottom() + 3 + text_height, slot, text_height)
                painter.setPen(AXIS.darker(160))
                painter.drawText(year_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, year)
