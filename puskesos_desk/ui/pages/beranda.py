"""Beranda: the office's figures at a glance, read from the database after the window has been painted."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.records import BerandaFigures
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.dashboard import beranda_figures
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_long, format_number, format_time
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.figure_card import FigureCard
from puskesos_desk.ui.widgets.trend_chart import ChartSeries, TrendChart

log = logging.getLogger(__name__)

# Page widths (pixels) at which the cards rearrange: below NARROW two a row, from WIDE_CARDS all eight in one row.
# The charts share one row whenever each still gets its minimum width (a 1024-pixel screen does).
NARROW = 640
WIDE_CARDS = 1600
PAGE_MARGIN = 20


class BerandaPage(QWidget):
    """Call `refresh()` to reload; `figures_loaded` is emitted once the new figures are on screen."""

    figures_loaded = Signal(object)  # BerandaFigures
    figures_failed = Signal(object)  # the exception

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figures: BerandaFigures | None = None
        self._loading = False
        self._load_requested = False

        # Widgets
        self.lbl_title = QLabel(self.tr("Beranda"))
        self.lbl_title.setObjectName("lbl_title")
        self.lbl_status = QLabel(self.tr("Memuat…"))
        self.lbl_status.setObjectName("lbl_subtitle")
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.btn_refresh.setToolTip(self.tr("Baca ulang angka dari basis data (F5)"))
        self.btn_refresh.setShortcut("F5")
        self.cards: dict[str, FigureCard] = {}
        titles = (
            ("households", self.tr("Keluarga terdaftar")),
            ("persons", self.tr("Warga terdaftar")),
            ("visits_today", self.tr("Kunjungan hari ini")),
            ("visits_month", self.tr("Kunjungan bulan ini")),
            ("open_complaints", self.tr("Keluhan terbuka")),
            ("open_needs", self.tr("Kebutuhan terbuka")),
            ("referrals_open", self.tr("Rujukan berjalan")),
            ("proposals_open", self.tr("Usulan DTSEN berjalan")),
        )
        for key, title in titles:
            self.cards[key] = FigureCard(key, title)
        self.chart_visits = TrendChart(self.tr("Kunjungan 12 bulan terakhir"))
        self.chart_complaints = TrendChart(self.tr("Keluhan masuk 12 bulan terakhir"))
        self.chart_referrals = TrendChart(self.tr("Rujukan menurut hasil"), stacked=True)
        self.charts = (self.chart_visits, self.chart_complaints, self.chart_referrals)

        # Buttons
        self.btn_refresh.clicked.connect(self._on_btn_refresh_clicked)

        # Assemble
        header = QHBoxLayout()
        titles_box = QVBoxLayout()
        titles_box.setSpacing(2)
        titles_box.addWidget(self.lbl_title)
        titles_box.addWidget(self.lbl_status)
        header.addLayout(titles_box, 1)
        header.addWidget(self.btn_refresh)
        self.card_grid = QGridLayout()
        self.card_grid.setSpacing(12)
        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(12)
        self.chart_frames = tuple(self._framed(chart) for chart in self.charts)
        self._card_columns = 0
        self._charts_in_a_row: bool | None = None
        self._arrange(self.sizeHint().width())
        content = QWidget()
        content.setObjectName("beranda_content")
        column = QVBoxLayout(content)
        column.setContentsMargins(PAGE_MARGIN, 16, PAGE_MARGIN, 16)
        column.setSpacing(14)
        column.addLayout(header)
        column.addLayout(self.card_grid)
        column.addLayout(self.chart_grid, 1)
        # On a small screen the page scrolls rather than squeezing the charts below a readable size.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setStyleSheet("QScrollArea, QWidget#beranda_content { background: transparent; }")
        self.scroll.viewport().setAutoFillBackground(False)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def _framed(self, chart: TrendChart) -> QFrame:
        title = QLabel(chart.accessibleName())
        title.setObjectName("lbl_card_title")
        frame = QFrame()
        frame.setObjectName("card")
        box = QVBoxLayout(frame)
        box.setContentsMargins(14, 10, 14, 10)
        box.setSpacing(6)
        box.addWidget(title)
        box.addWidget(chart, 1)
        return frame

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width())

    def _arrange(self, width: int) -> None:
        """Cards wrap to the width; the charts go three in a row when wide, else two side by side and one below."""
        if width >= WIDE_CARDS:
            columns = len(self.cards)
        elif width >= NARROW:
            columns = 4
        else:
            columns = 2
        if columns != self._card_columns:
            self._card_columns = columns
            for index, card in enumerate(self.cards.values()):
                self.card_grid.removeWidget(card)  # a widget added twice would hold two cells
                self.card_grid.addWidget(card, index // columns, index % columns)
            for column in range(len(self.cards)):
                self.card_grid.setColumnStretch(column, 1 if column < columns else 0)
        needed = sum(frame.minimumSizeHint().width() for frame in self.chart_frames)
        needed += self.chart_grid.spacing() * (len(self.chart_frames) - 1) + 2 * PAGE_MARGIN
        in_a_row = width >= needed
        if in_a_row != self._charts_in_a_row:
            self._charts_in_a_row = in_a_row
            first, second, third = self.chart_frames
            for frame in self.chart_frames:
                self.chart_grid.removeWidget(frame)
            self.chart_grid.addWidget(first, 0, 0)
            self.chart_grid.addWidget(second, 0, 1)
            if in_a_row:
                self.chart_grid.addWidget(third, 0, 2)
                self.chart_grid.setRowStretch(1, 0)
            else:
                self.chart_grid.addWidget(third, 1, 0, 1, 2)
                self.chart_grid.setRowStretch(1, 1)
            self.chart_grid.setRowStretch(0, 1)
            for column in range(3):
                self.chart_grid.setColumnStretch(column, 1 if in_a_row or column < 2 else 0)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.figures is None and not self._load_requested:
            # Let the window paint first; the figures arrive a moment later.
            self._load_requested = True
            QTimer.singleShot(0, self, self.refresh)

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        self._load_requested = True
        self.btn_refresh.setEnabled(False)
        self.lbl_status.setText(self.tr("Memuat…"))
        ctx = self.ctx
        run_op(self, lambda: beranda_figures(ctx), self._on_figures_ready, self._on_figures_error)

    def _on_btn_refresh_clicked(self) -> None:
        self.refresh()

    def _on_figures_ready(self, figures: BerandaFigures) -> None:
        self._loading = False
        self.btn_refresh.setEnabled(True)
        self.show_figures(figures)
        self.figures_loaded.emit(figures)

    def _on_figures_error(self, error: BaseException) -> None:
        self._loading = False
        self.btn_refresh.setEnabled(True)
        if isinstance(error, PuskesosError):
            self.lbl_status.setText(self.tr("Angka tidak dapat dimuat: {reason}").format(reason=error.message))
        else:
            self.lbl_status.setText(self.tr("Angka tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self.figures_failed.emit(error)

    def show_figures(self, figures: BerandaFigures) -> None:
        self.figures = figures
        cards = self.cards
        cards["households"].set_value(format_number(figures.households))
        cards["persons"].set_value(format_number(figures.persons))
        cards["visits_today"].set_value(format_number(figures.visits_today))
        cards["visits_month"].set_value(format_number(figures.visits_this_month))
        cards["visits_month"].set_note(self._trend_note(figures.visits_this_month, figures.visits_last_month))
        cards["open_complaints"].set_value(format_number(figures.open_complaints))
        cards["open_needs"].set_value(format_number(figures.open_needs))
        cards["referrals_open"].set_value(format_number(figures.referrals_open))
        if figures.referrals_overdue > 0:
            cards["referrals_open"].set_note(
                self.tr("{n} lewat batas waktu").format(n=format_number(figures.referrals_overdue)), warning=True
            )
        else:
            cards["referrals_open"].set_note(self.tr("tidak ada yang terlambat"))
        cards["proposals_open"].set_value(format_number(figures.proposals_open))
        self._show_trends(figures)
        self.lbl_status.setText(self._as_of_text(figures.as_of))

    def _show_trends(self, figures: BerandaFigures) -> None:
        as_of = figures.as_of.astimezone(local_zone())
        current = f"{as_of.year:04d}-{as_of.month:02d}"
        visits = figures.visits_by_month
        self.chart_visits.set_data([key for key, _n in visits],
                                   [ChartSeries(self.tr("Kunjungan"), tuple(n for _key, n in visits))], current)
        complaints = figures.complaints_by_month
        self.chart_complaints.set_data(
            [key for key, _n in complaints],
            [ChartSeries(self.tr("Keluhan masuk"), tuple(n for _key, n in complaints))], current,
        )
        referrals = figures.referrals_by_month
        self.chart_referrals.set_data(
            [month.month for month in referrals],
            [
                ChartSeries(self.tr("Terlayani"), tuple(month.served for month in referrals)),
                ChartSeries(self.tr("Tidak terlayani"), tuple(month.not_served for month in referrals)),
                ChartSeries(self.tr("Menunggu"), tuple(month.waiting for month in referrals)),
            ],
            current,
        )

    def _trend_note(self, now: int, before: int) -> str:
        previous = self.tr("bulan lalu: {n}").format(n=format_number(before))
        if now > before:
            change = self.tr("▲ naik {n}").format(n=format_number(now - before))
        elif now < before:
            change = self.tr("▼ turun {n}").format(n=format_number(before - now))
        else:
            change = self.tr("= sama")
        return previous + "\n" + change

    def _as_of_text(self, moment: datetime) -> str:
        local = moment.astimezone(local_zone())
        return self.tr("{site} · keadaan {date}, pukul {time}").format(
            site=self.figures.site_name if self.figures else "", date=format_date_long(local.date()),
            time=format_time(local),
        )
