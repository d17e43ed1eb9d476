"""Rujukan → "Statistik layanan": how each receiving office answers (sent, answered, served, waiting, the median
working days to the first answer) and the referrals now past their response date."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.referrals import ReferralRecord, ServiceStats
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.referral_queries import overdue_referrals, service_statistics
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.models.record_table_model import ROW_ROLE, RecordTableModel
from puskesos_desk.ui.models.referrals_model import ReferralsTableModel
from puskesos_desk.ui.models.service_stats_model import ServiceStatsTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table

MAX_COLUMN_WIDTH = 300


@dataclass(frozen=True)
class ReferralStatistics:
    services: list[ServiceStats]
    overdue: list[ReferralRecord]


def load_statistics(ctx: ServiceContext) -> ReferralStatistics:
    return ReferralStatistics(services=service_statistics(ctx), overdue=overdue_referrals(ctx))


def _table(model: RecordTableModel, name: str, stretch_column: int) -> tuple[QTableView, QSortFilterProxyModel]:
    return record_table(model, accessible_name=name, stretch_column=stretch_column, max_column_width=MAX_COLUMN_WIDTH)


class ReferralStatsTab(QWidget):
    statistics_loaded = Signal()
    referral_opened = Signal(str, str)  # id, letter number: show it in the list

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._loading = False

        # Widgets
        self.lbl_summary = QLabel(self.tr("Memuat…"))
        self.lbl_summary.setObjectName("lbl_subtitle")
        self.lbl_summary.setWordWrap(True)
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.btn_refresh.setAutoDefault(False)
        self.model_services = ServiceStatsTableModel(self)
        self.tbl_services, self.proxy_services = _table(self.model_services, self.tr("Statistik per layanan"),
                                                        ServiceStatsTableModel.COL_SERVICE)
        self.tbl_services.setObjectName("tbl_services")
        self.tbl_services.sortByColumn(ServiceStatsTableModel.COL_SENT, Qt.SortOrder.DescendingOrder)
        self.lbl_overdue = QLabel(self.tr("Terlambat"))
        self.lbl_overdue.setObjectName("lbl_card_title")
        self.model_overdue = ReferralsTableModel(self)
        self.tbl_overdue, self.proxy_overdue = _table(self.model_overdue, self.tr("Rujukan terlambat"),
                                                      ReferralsTableModel.COL_SERVICE)
        self.tbl_overdue.setObjectName("tbl_overdue")
        self.tbl_overdue.sortByColumn(ReferralsTableModel.COL_LATE, Qt.SortOrder.DescendingOrder)
        self.lbl_hint = QLabel(self.tr("Enter atau klik dua kali pada rujukan terlambat: tampilkan di daftar "
                                       "rujukan."))
        self.lbl_hint.setObjectName("lbl_hint")

        # Signals
        self.btn_refresh.clicked.connect(self._on_btn_refresh_clicked)
        self.tbl_overdue.activated.connect(self._on_tbl_overdue_activated)

        # Assemble
        top = QHBoxLayout()
        top.addWidget(self.lbl_summary, 1)
        top.addWidget(self.btn_refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tbl_services, 3)
        layout.addWidget(self.lbl_overdue)
        layout.addWidget(self.tbl_overdue, 2)
        layout.addWidget(self.lbl_hint)

    # --- loading ---------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and not self._loading:
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale and not self._loading:
            self.refresh()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            self._stale = True  # loads again when this one is in
            return
        self._loading = True
        self._stale = False
        self.btn_refresh.setEnabled(False)
        self.lbl_summary.setText(self.tr("Memuat…"))
        ctx = self.ctx
        run_op(self, lambda: load_statistics(ctx), self._on_loaded, self._on_load_failed)

    def _on_loaded(self, result: ReferralStatistics) -> None:
        self._loading = False
        self.btn_refresh.setEnabled(True)
        self.model_services.set_rows(result.services)
        self.model_overdue.set_rows(result.overdue)
        sent = sum(s.sent for s in result.services)
        answered = sum(s.answered for s in result.services)
        if not result.services:
            self.lbl_summary.setText(self.tr("Belum ada surat rujukan yang dikirim."))
        else:
            self.lbl_summary.setText(self.tr("{sent} surat dikirim ke {services} layanan; {answered} sudah "
                                             "dijawab; {late} lewat batas jawaban.").format(
                sent=sent, services=len(result.services), answered=answered, late=len(result.overdue)))
        self.lbl_overdue.setText(self.tr("Terlambat ({n})").format(n=len(result.overdue)))
        self.statistics_loaded.emit()
        if self._stale:
            self.refresh()

    def _on_load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.btn_refresh.setEnabled(True)
        self.model_services.set_rows([])
        self.model_overdue.set_rows([])
        if isinstance(error, PuskesosError):
            self.lbl_summary.setText(self.tr("Statistik tidak dapat dimuat: {reason}").format(reason=error.message))
        else:
            self.lbl_summary.setText(self.tr("Statistik tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self.statistics_loaded.emit()

    def _on_btn_refresh_clicked(self) -> None:
        self.refresh()

    def _on_tbl_overdue_activated(self, index: QModelIndex) -> None:
        record = index.data(ROW_ROLE)
        if isinstance(record, ReferralRecord):
            self.referral_opened.emit(record.id, record.number)
