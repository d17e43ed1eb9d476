"""Beranda: the office's figures at a glance, read from the database after the window has been painted."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.records import BerandaFigures
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.dashboard import beranda_figures
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_long, format_number, format_time
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.figure_card import FigureCard
from puskesos_desk.ui.widgets.visits_chart import VisitsChart

log = logging.getLogger(__name__)

CARD_COLUMNS = 4


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
        self.lbl_chart = QLabel(self.tr("Kunjungan 12 bulan terakhir"))
        self.lbl_chart.setObjectName("lbl_card_title")
        self.chart = VisitsChart()

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
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // CARD_COLUMNS, index % CARD_COLUMNS)
        for column in range(CARD_COLUMNS):
            grid.setColumnStretch(column, 1)
        chart_box = QVBoxLayout()
        chart_box.setSpacing(4)
        chart_box.addWidget(self.lbl_chart)
        chart_box.addWidget(self.chart, 1)
        chart_frame = QFrame()
        chart_frame.setObjectName("card")
        chart_frame.setLayout(chart_box)
        chart_box.setContentsMargins(14, 10, 14, 10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(grid)
        layout.addWidget(chart_frame, 1)

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
        self.chart.set_data(figures.visits_by_month)
        self.lbl_status.setText(self._as_of_text(figures.as_of))

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
