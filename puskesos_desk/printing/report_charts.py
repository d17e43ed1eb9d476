"""Report charts drawn with reportlab.graphics: bars per month, grouped or stacked, with a legend.

Recaps are printed on whatever the village office has, often a cheap mono laser printer, so the series are told
apart by clearly different grey levels (solid fills, each bar outlined) and named in the legend, never by hue.
"""

from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from puskesos_desk.domain.reports import CellKind, ReportChart
from puskesos_desk.printing.fonts import BOLD, REGULAR
from puskesos_desk.printing.report_tables import format_cell

#: Far enough apart to survive a mono printer and a photocopy: dark, light, middle, then in between.
FILLS = (colors.Color(0.18, 0.18, 0.18), colors.Color(0.82, 0.82, 0.82), colors.Color(0.52, 0.52, 0.52),
         colors.Color(0.98, 0.98, 0.98), colors.Color(0.35, 0.35, 0.35), colors.Color(0.68, 0.68, 0.68))
OUTLINE = colors.black
CHART_HEIGHT = 62 * mm
TITLE_SIZE = 8.0
LABEL_SIZE = 6.5
MAX_TICKS = 6


def _top_value(chart: ReportChart) -> int:
    if not chart.series:
        return 0
    if chart.stacked:
        return max((sum(values) for values in zip(*(series.values for series in chart.series), strict=True)),
                   default=0)
    return max((max(series.values, default=0) for series in chart.series), default=0)


def _step(top: int) -> int:
    """A whole, round step (1, 2, 5, 10, 20, 50…) giving at most MAX_TICKS steps up to `top`: the axis counts
    people and cases, so it never shows 2,5, and its last line is above the highest bar."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top <= factor * magnitude * MAX_TICKS:
                return factor * magnitude
        magnitude *= 10


def _axis_label(value: float) -> str:
    return format_cell(round(value), CellKind.INTEGER)


def _legend(chart: ReportChart, x: float, top: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = x, top
    legend.boxAnchor = "nw"
    legend.columnMaximum = 1  # one row: every series side by side
    legend.fontName, legend.fontSize = REGULAR, LABEL_SIZE + 0.5
    legend.dx = legend.dy = 6
    legend.deltax = 8
    legend.autoXPadding = 14  # room between one series' name and the next swatch
    legend.dxTextSpace = 3
    legend.strokeColor, legend.strokeWidth = OUTLINE, 0.3
    legend.alignment = "right"
    legend.colorNamePairs = [(FILLS[index % len(FILLS)], series.name) for index, series in enumerate(chart.series)]
    return legend


def chart_drawing(chart: ReportChart, width: float) -> Drawing:
    """The chart as a flowable `width` wide: title, legend, bars, month labels under the bars, axis from 0."""
    drawing = Drawing(width, CHART_HEIGHT)
    title_y = CHART_HEIGHT - TITLE_SIZE
    drawing.add(String(0, title_y, chart.title, fontName=BOLD, fontSize=TITLE_SIZE))
    legend_top = title_y - 3 * mm
    bars = VerticalBarChart()
    bars.x, bars.y = 12 * mm, 8 * mm
    bars.width = width - bars.x - 2 * mm
    bars.height = legend_top - 6 * mm - bars.y
    bars.data = [list(series.values) for series in chart.series] or [[0] * len(chart.categories)]
    bars.categoryAxis.categoryNames = list(chart.categories)
    bars.categoryAxis.labels.fontName = REGULAR
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.categoryAxis.labels.boxAnchor = "n"
    bars.categoryAxis.labels.dy = -2
    if chart.stacked:
        bars.categoryAxis.style = "stacked"
    step = _step(_top_value(chart))
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueStep = step
    bars.valueAxis.valueMax = step * max(1, math.ceil(_top_value(chart) / step))
    bars.valueAxis.labels.fontName = REGULAR
    bars.valueAxis.labels.fontSize = LABEL_SIZE
    bars.valueAxis.labelTextFormat = _axis_label
    bars.valueAxis.visibleGrid = 1
    bars.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    bars.valueAxis.gridStrokeWidth = 0.3
    bars.barSpacing = 0.6
    bars.groupSpacing = 4
    for index in range(len(bars.data)):
        bars.bars[index].fillColor = FILLS[index % len(FILLS)]
        bars.bars[index].strokeColor = OUTLINE
        bars.bars[index].strokeWidth = 0.3
    drawing.add(bars)
    if chart.series:
        drawing.add(_legend(chart, bars.x, legend_top))
    return drawing
