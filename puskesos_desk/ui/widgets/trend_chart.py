"""A bar chart of monthly figures, painted by hand: QtCharts is not part of PySide6-Essentials.

Categories are month keys ("2026-11", oldest first); each series holds one whole number per month. Series are drawn
side by side (grouped) or on top of each other (stacked). Geometry is computed once per data change or resize and
shared by painting and hit-testing, so what a tooltip reports is exactly what is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from puskesos_desk.ui.formatting import format_number, month_long, month_short
from puskesos_desk.ui.style import ACCENT, BORDER, MUTED, WARNING

# A round step is 1, 2, 2.5 or 5 times a power of ten; 2.5 only from 25 up, so ticks stay whole numbers.
_STEP_MANTISSAS = (1.0, 2.0, 2.5, 5.0)
MIN_INTERVALS = 3
MAX_INTERVALS = 5

AXIS = QColor("#9aa5b1")
GRID = QColor(BORDER).lighter(112)
CURRENT_BAND = QColor(ACCENT)
CURRENT_BAND.setAlpha(24)


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """One named row of values, one per category."""

    name: str
    values: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class SeriesLook:
    """How a series is filled. Looks differ in lightness and texture, so they stay apart when printed in grey or
    seen by someone who cannot tell red from blue."""

    fill: QColor
    hatch: QColor | None = None

    def brushes(self) -> tuple[QBrush, ...]:
        base = QBrush(self.fill)
        if self.hatch is None:
            return (base,)
        return base, QBrush(self.hatch, Qt.BrushStyle.BDiagPattern)

    @property
    def outline(self) -> QColor:
        # The edge keeps pale fills visible against the white card (3:1 for graphical objects).
        return (self.hatch or self.fill).darker(140)


SERIES_LOOKS: tuple[SeriesLook, ...] = (
    SeriesLook(QColor(ACCENT)),  # dark, solid
    SeriesLook(QColor("#f7d4d0"), QColor(WARNING)),  # pale, hatched in red
    SeriesLook(QColor("#f0b429")),  # light amber, solid (the app's focus colour)
    SeriesLook(QColor(MUTED)),
)


@dataclass(frozen=True, slots=True)
class BarHit:
    """What lies under a point: the month's column and, when the point is on a bar, which series it is."""

    category: int
    series: int | None


@dataclass(frozen=True, slots=True)
class _Geometry:
    plot: QRectF  # where bars go; the value axis spans its height
    slot: float  # width of one month's column
    top_value: int  # the value at plot.top()
    ticks: tuple[int, ...]
    bars: tuple[tuple[QRectF, ...], ...]  # [category][series]; zero-height rects for zero values
    label_every: int  # month labels on every n-th column (counted back from the newest), so they never overlap
    legend: tuple[tuple[QRectF, QRectF], ...]  # per series: swatch, text box


def round_scale(peak: int) -> tuple[int, int]:
    """(step, intervals) for a value axis from 0 that covers `peak` with 3 to 5 round intervals."""
    peak = max(peak, 1)
    magnitude = 1.0
    while True:
        for mantissa in _STEP_MANTISSAS:
            step = mantissa * magnitude
            if step != int(step):
                continue
            intervals = math.ceil(peak / step)
            if intervals <= MAX_INTERVALS:
                return int(step), max(intervals, MIN_INTERVALS)
        magnitude *= 10


def month_label(key: str) -> str:
    """'2026-11' → 'Nov 26'. A malformed key is shown as it is."""
    year, month = _split_key(key)
    if year is None or month is None:
        return key
    return f"{month_short(month)} {year % 100:02d}"


def month_title(key: str) -> str:
    """'2026-11' → 'November 2026'."""
    year, month = _split_key(key)
    if year is None or month is None:
        return key
    return f"{month_long(month)} {year}"


def _split_key(key: str) -> tuple[int | None, int | None]:
    try:
        year_text, month_text = key.split("-", 1)
        year, month = int(year_text), int(month_text)
    except ValueError:
        return None, None
    return (year, month) if 1 <= month <= 12 else (None, None)


class TrendChart(QWidget):
    """Bars per month for one or more series. `set_data` fills it; `current` marks the month to emphasise."""

    def __init__(self, title: str, *, stacked: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._stacked = stacked
        self._categories: tuple[str, ...] = ()
        self._series: tuple[ChartSeries, ...] = ()
        self._current: int | None = None
        self._geometry: _Geometry | None = None
        self.setMouseTracking(True)  # tooltips follow the pointer from bar to bar
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)
        self._describe()

    # Data

    def set_data(self, categories: Sequence[str], series: Sequence[ChartSeries], current: str | None = None) -> None:
        """`categories` are month keys; every series must have one value per category."""
        categories = tuple(categories)
        series = tuple(series)
        for one in series:
            if len(one.values) != len(categories):
                raise ValueError(f"series {one.name!r} has {len(one.values)} values for {len(categories)} months")
        self._categories = categories
        self._series = series
        self._current = categories.index(current) if current in categories else None
        self._geometry = None
        self._describe()
        self.update()

    def categories(self) -> tuple[str, ...]:
        return self._categories

    def series(self) -> tuple[ChartSeries, ...]:
        return self._series

    def is_stacked(self) -> bool:
        return self._stacked

    def current_category(self) -> str | None:
        return None if self._current is None else self._categories[self._current]

    def totals(self) -> tuple[int, ...]:
        """Per month, the sum over the series (the height of a stacked bar)."""
        return tuple(sum(one.values[index] for one in self._series) for index in range(len(self._categories)))

    def is_empty(self) -> bool:
        return not any(self.totals())

    def series_look(self, index: int) -> SeriesLook:
        return SERIES_LOOKS[index % len(SERIES_LOOKS)]

    # Hit-testing and tooltips

    def bar_rect(self, category: int, series: int) -> QRectF:
        """Where a bar is drawn, in widget coordinates (empty when its value is 0 or there is no data)."""
        geometry = self._layout()
        if geometry is None:
            return QRectF()
        return QRectF(geometry.bars[category][series])

    def hit_test(self, pos: QPointF) -> BarHit | None:
        """The month column under `pos` (anywhere between the top of the plot and the month labels)."""
        geometry = self._layout()
        if geometry is None:
            return None
        plot = geometry.plot
        label_bottom = plot.bottom() + QFontMetrics(self.font()).height() + 6
        if not (plot.left() <= pos.x() < plot.right() and plot.top() <= pos.y() <= label_bottom):
            return None
        category = min(int((pos.x() - plot.left()) / geometry.slot), len(self._categories) - 1)
        bars = [(index, rect) for index, rect in enumerate(geometry.bars[category]) if not rect.isEmpty()]
        # A thin bar is hard to point at: a pixel around it counts, unless the point is squarely on a neighbour.
        on_bar = next((index for index, rect in bars if rect.contains(pos)), None)
        if on_bar is None:
            on_bar = next((index for index, rect in bars if rect.adjusted(-1, -1, 1, 1).contains(pos)), None)
        return BarHit(category, on_bar)

    def tooltip_text(self, category: int) -> str:
        """The month spelled out, then each series' value (and the sum when there are several)."""
        lines = [month_title(self._categories[category])]
        for one in self._series:
            lines.append(f"{one.name}: {format_number(one.values[category])}")
        if len(self._series) > 1:
            lines.append(self.tr("Jumlah: {value}").format(value=format_number(self.totals()[category])))
        return "\n".join(lines)

    def tooltip_at(self, pos: QPointF) -> str:
        hit = self.hit_test(pos)
        return "" if hit is None else self.tooltip_text(hit.category)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        pos = event.position()
        hit = self.hit_test(pos)
        if hit is None:
            QToolTip.hideText()
            return
        geometry = self._layout()
        assert geometry is not None  # a hit implies a layout
        column = QRectF(geometry.plot.left() + geometry.slot * hit.category, geometry.plot.top(), geometry.slot,
                        geometry.plot.height()).toAlignedRect()
        # The tooltip stays put while the pointer is inside the same column, and moves on when it leaves it.
        QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_text(hit.category), self, column)

    def leaveEvent(self, event: QEvent) -> None:
        QToolTip.hideText()
        super().leaveEvent(event)

    # Size

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        # Twelve columns of two-digit values, the value axis, and room for the month labels.
        return QSize(metrics.horizontalAdvance("0") * 26, metrics.height() * 10)

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        return QSize(metrics.horizontalAdvance("0") * 64, metrics.height() * 15)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._geometry = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._geometry = None
        super().changeEvent(event)

    # Layout

    def _layout(self) -> _Geometry | None:
        if self._geometry is None and self._categories and not self.is_empty():
            self._geometry = self._compute_layout()
        return self._geometry

    def _compute_layout(self) -> _Geometry:
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(2, 2, -4, -2)
        legend = self._legend_boxes(metrics, area) if len(self._series) > 1 else ()
        legend_bottom = max((text.bottom() for _swatch, text in legend), default=area.top())
        peak = max(self.totals()) if self._stacked else max(max(one.values) for one in self._series)
        step, intervals = round_scale(peak)
        top_value = step * intervals
        ticks = tuple(step * index for index in range(intervals + 1))
        axis_width = max(metrics.horizontalAdvance(format_number(tick)) for tick in ticks) + 8
        # Room above the plot for the value over the tallest bar, below it for the month labels.
        plot = QRectF(area.left() + axis_width, legend_bottom + line + 4, area.width() - axis_width, 0)
        plot.setBottom(area.bottom() - line - 6)
        slot = plot.width() / len(self._categories)
        bars = tuple(self._bars_in(plot, slot, index, top_value) for index in range(len(self._categories)))
        widest = max(metrics.horizontalAdvance(month_label(key)) for key in self._categories) + 8
        return _Geometry(plot=plot, slot=slot, top_value=top_value, ticks=ticks, bars=bars,
                         label_every=max(1, math.ceil(widest / slot)), legend=legend)

    def _bars_in(self, plot: QRectF, slot: float, category: int, top_value: int) -> tuple[QRectF, ...]:
        """Bars on whole pixels (stack boundaries rounded from the running sum), so segments neither overlap nor
        leave a gap and tests can find a bar's colour at its rectangle."""
        left = plot.left() + slot * category
        bottom = round(plot.bottom())

        def y_of(value: int) -> int:
            return round(plot.bottom() - plot.height() * value / top_value)

        if self._stacked:
            width = max(3, round(slot * 0.62))
            x = round(left + (slot - width) / 2)
            rects = []
            running = 0
            for one in self._series:
                lower = y_of(running) if running else bottom
                running += one.values[category]
                upper = y_of(running)
                rects.append(QRectF(x, upper, width, lower - upper))
            return tuple(rects)
        group = max(3.0 * len(self._series), slot * 0.7)
        width = group / len(self._series)
        x = left + (slot - group) / 2
        rects = []
        for index, one in enumerate(self._series):
            start, end = round(x + width * index), round(x + width * (index + 1))
            upper = y_of(one.values[category])
            rects.append(QRectF(start, upper, end - start, bottom - upper))
        return tuple(rects)

    def _legend_boxes(self, metrics: QFontMetrics, area: QRectF) -> tuple[tuple[QRectF, QRectF], ...]:
        """Swatch and name per series, left to right, wrapping onto a new line when the row is full."""
        line = metrics.height()
        swatch_size = line * 0.75
        x, y = area.left(), area.top()
        boxes = []
        for one in self._series:
            width = swatch_size + 6 + metrics.horizontalAdvance(one.name) + 16
            if x > area.left() and x + width > area.right():
                x, y = area.left(), y + line + 2
            swatch = QRectF(x, y + (line - swatch_size) / 2, swatch_size, swatch_size)
            text = QRectF(x + swatch_size + 6, y, metrics.horizontalAdvance(one.name) + 2, line)
            boxes.append((swatch, text))
            x += width
        return tuple(boxes)

    # Painting

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            geometry = self._layout()
            if geometry is None:
                self._paint_empty(painter)
            else:
                self._paint_chart(painter, geometry)
        finally:
            painter.end()

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.tr("Belum ada data"))

    def _paint_chart(self, painter: QPainter, geometry: _Geometry) -> None:
        plot = geometry.plot
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        ink = self.palette().color(self.foregroundRole())
        muted = QColor(MUTED)
        for index, (swatch, text) in enumerate(geometry.legend):
            self._fill_bar(painter, swatch, self.series_look(index))
            painter.setPen(ink)
            painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._series[index].name)
        if self._current is not None:
            band = QRectF(plot.left() + geometry.slot * self._current, plot.top() - line - 2, geometry.slot,
                          plot.height() + 2 * line + 8)
            painter.fillRect(band, CURRENT_BAND)
        for tick in geometry.ticks:
            y = round(plot.bottom() - plot.height() * tick / geometry.top_value) + 0.5
            if tick:
                painter.setPen(QPen(GRID, 1))
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            label = QRectF(0, y - line / 2, plot.left() - 6, line)
            painter.drawText(label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, format_number(tick))
        for bars in geometry.bars:
            for index, rect in enumerate(bars):
                if rect.height() > 0:
                    self._fill_bar(painter, rect, self.series_look(index))
        painter.setPen(QPen(AXIS, 1))
        baseline = round(plot.bottom()) + 0.5
        painter.drawLine(QPointF(plot.left(), baseline), QPointF(plot.right(), baseline))
        self._paint_values(painter, geometry, metrics, ink)
        self._paint_months(painter, geometry, ink)

    def _fill_bar(self, painter: QPainter, rect: QRectF, look: SeriesLook) -> None:
        aligned = rect.toAlignedRect()
        for brush in look.brushes():
            painter.fillRect(aligned, brush)
        if aligned.height() >= 3 and aligned.width() >= 3:
            painter.setPen(QPen(look.outline, 1))
            painter.drawRect(aligned.adjusted(0, 0, -1, -1))

    def _paint_values(self, painter: QPainter, geometry: _Geometry, metrics: QFontMetrics, ink: QColor) -> None:
        """The number over each bar (the stack's total when stacked) when it fits its column; tooltips say the rest."""
        if len(self._series) > 1 and not self._stacked:
            return
        totals = self.totals()
        texts = [format_number(total) for total in totals]
        if max(metrics.horizontalAdvance(text) for text in texts) + 4 > geometry.slot:
            return
        painter.setPen(ink)
        for index, text in enumerate(texts):
            top = min((rect.top() for rect in geometry.bars[index]), default=geometry.plot.bottom())
            box = QRectF(geometry.plot.left() + geometry.slot * index, top - metrics.height() - 1, geometry.slot,
                         metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)

    def _paint_months(self, painter: QPainter, geometry: _Geometry, ink: QColor) -> None:
        last = len(self._categories) - 1
        bold = QFont(self.font())
        bold.setBold(True)
        for index, key in enumerate(self._categories):
            if (last - index) % geometry.label_every:
                continue
            current = index == self._current
            painter.setFont(bold if current else self.font())
            painter.setPen(ink if current else QColor(MUTED))
            text = month_label(key)
            font_metrics = QFontMetrics(painter.font())
            width = font_metrics.horizontalAdvance(text) + 4
            centre = geometry.plot.left() + geometry.slot * (index + 0.5)
            # Centred under the column, but pulled inside the widget at either end rather than cut off.
            left = min(max(centre - width / 2, 0.0), self.width() - width)
            box = QRectF(left, geometry.plot.bottom() + 4, width, font_metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        painter.setFont(self.font())

    # Screen readers

    def _describe(self) -> None:
        """The numbers in words, for screen readers: every month, then the sum and the busiest month."""
        if self.is_empty():
            self.setAccessibleDescription(self.tr("Belum ada data"))
            return
        parts = []
        for index, key in enumerate(self._categories):
            if len(self._series) == 1:
                values = format_number(self._series[0].values[index])
            else:
                values = ", ".join(f"{one.name} {format_number(one.values[index])}" for one in self._series)
            parts.append(f"{month_title(key)}: {values}")
        totals = self.totals()
        busiest = max(range(len(totals)), key=lambda index: (totals[index], index))
        summary = self.tr("Jumlah seluruhnya {total}; tertinggi {month} ({value}).").format(
            total=format_number(sum(totals)), month=month_title(self._categories[busiest]),
            value=format_number(totals[busiest]),
        )
        self.setAccessibleDescription("; ".join(parts) + ". " + summary)
