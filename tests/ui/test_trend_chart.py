"""The Beranda bar chart: the data it holds, the scale it picks, what a tooltip says for the bar under the pointer,
and that the bars really are painted where the widget says they are."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QToolTip

from puskesos_desk.ui.style import ACCENT, WARNING
from puskesos_desk.ui.widgets.trend_chart import (
    SERIES_LOOKS,
    BarHit,
    ChartSeries,
    TrendChart,
    month_label,
    month_title,
    round_scale,
)

MONTHS = tuple(f"2026-{month:02d}" for month in range(1, 13))
AMBER = SERIES_LOOKS[2].fill


def _chart(qtbot: Any, *, stacked: bool = False, width: int = 720, height: int = 320) -> TrendChart:
    chart = TrendChart("Uji", stacked=stacked)
    qtbot.addWidget(chart)
    chart.resize(width, height)
    return chart


def _image(chart: TrendChart) -> QImage:
    return chart.grab().toImage()


def _colour_at(image: QImage, point: QPointF) -> str:
    return image.pixelColor(point.toPoint()).name()


def _has_colour(image: QImage, colour: QColor) -> bool:
    wanted = colour.rgb()
    return any(image.pixel(x, y) == wanted for y in range(image.height()) for x in range(image.width()))


@pytest.mark.parametrize(
    ("peak", "expected"),
    [(0, (1, 3)), (1, (1, 3)), (7, (2, 4)), (12, (5, 3)), (41, (10, 5)), (100, (20, 5)), (1234, (250, 5))],
)
def test_value_axis_uses_three_to_five_round_steps(peak: int, expected: tuple[int, int]) -> None:
    step, intervals = round_scale(peak)
    assert (step, intervals) == expected
    assert step * intervals >= peak


def test_month_labels() -> None:
    assert month_label("2026-11") == "Nov 26"
    assert month_label("2031-05") == "Mei 31"
    assert month_title("2026-08") == "Agustus 2026"
    assert month_label("bukan-bulan") == "bukan-bulan"
    assert month_title("2026-13") == "2026-13"


def test_holds_the_data_and_sums_stacks(qtbot: Any) -> None:
    chart = _chart(qtbot, stacked=True)
    served = ChartSeries("Terlayani", tuple(range(12)))
    refused = ChartSeries("Tidak terlayani", (1,) * 12)
    waiting = ChartSeries("Menunggu", (0,) * 11 + (5,))
    chart.set_data(MONTHS, [served, refused, waiting], current="2026-12")
    assert chart.categories() == MONTHS
    assert chart.series() == (served, refused, waiting)
    assert chart.totals() == (*range(1, 12), 17)
    assert chart.current_category() == "2026-12"
    assert not chart.is_empty()
    with pytest.raises(ValueError, match="11 values"):
        chart.set_data(MONTHS, [ChartSeries("Pendek", (1,) * 11)])


def test_stacked_bar_segments_sit_on_each_other_in_proportion(qtbot: Any) -> None:
    chart = _chart(qtbot, stacked=True)
    chart.set_data(MONTHS, [ChartSeries("A", (4,) * 12), ChartSeries("B", (2,) * 12), ChartSeries("C", (2,) * 12)])
    bottom, middle, top = (chart.bar_rect(3, index) for index in range(3))
    assert bottom.top() == middle.bottom() and middle.top() == top.bottom()
    assert bottom.left() == middle.left() == top.left()
    assert abs(bottom.height() - 2 * middle.height()) <= 1
    assert abs(middle.height() - top.height()) <= 1


def test_tooltip_names_the_month_and_values_of_the_bar_under_the_pointer(qtbot: Any) -> None:
    chart = _chart(qtbot, stacked=True)
    chart.set_data(MONTHS, [ChartSeries("Terlayani", tuple(100 * m for m in range(12))),
                            ChartSeries("Menunggu", (1_500,) * 12)])
    served_may = chart.bar_rect(4, 0)
    assert chart.hit_test(served_may.center()) == BarHit(category=4, series=0)
    assert chart.hit_test(chart.bar_rect(4, 1).center()) == BarHit(category=4, series=1)
    assert chart.tooltip_at(served_may.center()) == "Mei 2026\nTerlayani: 400\nMenunggu: 1.500\nJumlah: 1.900"
    # Left of the value axis, or above the plot, there is no month.
    assert chart.hit_test(QPointF(1, served_may.center().y())) is None
    assert chart.tooltip_at(QPointF(served_may.center().x(), 1)) == ""


@pytest.mark.qt_log_ignore("does not support raise")  # the offscreen platform cannot raise the tooltip window
def test_moving_the_pointer_over_a_bar_shows_its_tooltip(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_data(MONTHS, [ChartSeries("Kunjungan", tuple(10 * m for m in range(1, 13)))])
    chart.show()
    qtbot.waitExposed(chart)
    centre = chart.bar_rect(10, 0).center().toPoint()
    qtbot.mouseMove(chart, centre - QPoint(0, 5))
    qtbot.mouseMove(chart, centre)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3_000)
    assert QToolTip.text() == "November 2026\nKunjungan: 110"
    QToolTip.hideText()


def test_bars_are_painted_in_their_series_look(qtbot: Any) -> None:
    chart = _chart(qtbot, stacked=True)
    chart.set_data(MONTHS, [ChartSeries("A", (6,) * 12), ChartSeries("B", (6,) * 12), ChartSeries("C", (6,) * 12)])
    image = _image(chart)
    assert _colour_at(image, chart.bar_rect(2, 0).center()) == QColor(ACCENT).name()
    assert _colour_at(image, chart.bar_rect(2, 2).center()) == AMBER.name()
    hatched = chart.bar_rect(2, 1).adjusted(2, 2, -2, -2).toRect()
    colours = {image.pixelColor(x, y).name() for x in range(hatched.left(), hatched.right())
               for y in range(hatched.top(), hatched.bottom())}
    assert {SERIES_LOOKS[1].fill.name(), QColor(WARNING).name()} <= colours
    # Between two columns, at the height of the bars, there is no bar.
    gap = QPointF((chart.bar_rect(2, 0).right() + chart.bar_rect(3, 0).left()) / 2, chart.bar_rect(2, 0).center().y())
    assert _colour_at(image, gap) not in {QColor(ACCENT).name(), AMBER.name()}


def test_bar_heights_follow_the_values(qtbot: Any) -> None:
    chart = _chart(qtbot)
    values = (0, 3, 6, 12) + (0,) * 8
    chart.set_data(MONTHS, [ChartSeries("Kunjungan", values)])
    heights = [chart.bar_rect(index, 0).height() for index in range(4)]
    assert heights[0] == 0
    assert abs(heights[2] - 2 * heights[1]) <= 1 and abs(heights[3] - 2 * heights[2]) <= 1
    image = _image(chart)
    assert _colour_at(image, chart.bar_rect(3, 0).center()) == QColor(ACCENT).name()
    above_short_bar = QPointF(chart.bar_rect(1, 0).center().x(), chart.bar_rect(3, 0).top() + 3)
    assert _colour_at(image, above_short_bar) != QColor(ACCENT).name()


def test_grouped_series_stand_side_by_side(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_data(MONTHS, [ChartSeries("A", (5,) * 12), ChartSeries("B", (10,) * 12)])
    first, second = chart.bar_rect(0, 0), chart.bar_rect(0, 1)
    assert first.right() <= second.left()
    assert first.bottom() == second.bottom()
    assert chart.hit_test(second.center()) == BarHit(category=0, series=1)


def test_current_month_is_emphasised(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_data(MONTHS, [ChartSeries("Kunjungan", (1,) * 11 + (12,))], current="2026-06")
    image = _image(chart)
    probe_y = chart.bar_rect(11, 0).top() + 4  # above the short bars, in the empty part of their columns
    june = _colour_at(image, QPointF(chart.bar_rect(5, 0).center().x(), probe_y))
    may = _colour_at(image, QPointF(chart.bar_rect(4, 0).center().x(), probe_y))
    assert june != may
    chart.set_data(MONTHS, [ChartSeries("Kunjungan", (1,) * 12)], current="2025-01")  # not shown: nothing marked
    assert chart.current_category() is None


def test_all_zero_says_there_is_no_data(qtbot: Any) -> None:
    chart = _chart(qtbot)
    chart.set_data(MONTHS, [ChartSeries("Kunjungan", (0,) * 12)])
    assert chart.is_empty()
    assert chart.bar_rect(0, 0).isEmpty()
    assert chart.tooltip_at(QPointF(chart.width() / 2, chart.height() / 2)) == ""
    assert chart.accessibleDescription() == "Belum ada data"
    image = _image(chart)
    assert not _has_colour(image, QColor(ACCENT))
    middle = image.copy(chart.width() // 2 - 60, chart.height() // 2 - 10, 120, 20)
    assert len({middle.pixel(x, y) for y in range(middle.height()) for x in range(middle.width())}) > 2  # text
    chart.set_data((), ())
    assert chart.is_empty() and chart.categories() == ()


def test_screen_readers_get_the_numbers(qtbot: Any) -> None:
    chart = _chart(qtbot, stacked=True)
    chart.set_data(MONTHS[-2:], [ChartSeries("Terlayani", (3, 1_200)), ChartSeries("Menunggu", (1, 0))])
    assert chart.accessibleName() == "Uji"
    description = chart.accessibleDescription()
    assert "November 2026: Terlayani 3, Menunggu 1" in description
    assert "Desember 2026: Terlayani 1.200, Menunggu 0" in description
    assert "Jumlah seluruhnya 1.204; tertinggi Desember 2026 (1.200)." in description


def test_size_hints_leave_room_for_twelve_months(qtbot: Any) -> None:
    chart = _chart(qtbot)
    minimum = chart.minimumSizeHint()
    assert minimum.width() >= 12 * 12 and minimum.height() >= 150
    assert chart.sizeHint().width() > minimum.width() and chart.sizeHint().height() > minimum.height()
    chart.resize(minimum)
    chart.set_data(MONTHS, [ChartSeries("Kunjungan", (99,) * 12)])
    assert all(chart.bar_rect(index, 0).width() >= 3 for index in range(12))
    assert chart.bar_rect(11, 0).right() <= chart.width()
