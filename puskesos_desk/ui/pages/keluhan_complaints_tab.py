"""Keluhan → "Daftar keluhan": every complaint, filtered by status and by what is typed, newest first."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.enums import ComplaintStatus
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.followup import ComplaintItem
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.complaints import COMPLAINT_LIST_LIMIT, list_complaints
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.models.complaints_model import STATUS_NAMES, ComplaintsTableModel, label
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table

SEARCH_DELAY_MS = 300
MAX_COLUMN_WIDTH = 240
FILTER_OPEN = "TERBUKA"
FILTER_ALL = ""


class ComplaintsTab(QWidget):
    household_opened = Signal(str)
    status_change_requested = Signal(str)  # complaint id
    complaints_loaded = Signal(int)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._generation = 0
        self._pending = 0
        self._can_handle = ctx.actor.can(Permission.HANDLE_CASE)

        # Widgets
        self.edt_search = QLineEdit()
        self.edt_search.setPlaceholderText(self.tr("Cari nomor, nama keluarga, atau isi keluhan"))
        self.edt_search.setClearButtonEnabled(True)
        self.edt_search.setAccessibleName(self.tr("Cari keluhan"))
        self.cmb_status = QComboBox()
        self.cmb_status.setAccessibleName(self.tr("Saring menurut status"))
        self.cmb_status.addItem(self.tr("Semua yang masih terbuka"), FILTER_OPEN)
        self.cmb_status.addItem(self.tr("Semua status"), FILTER_ALL)
        for status in ComplaintStatus:
            self.cmb_status.addItem(label(STATUS_NAMES, status), status.value)
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.model = ComplaintsTableModel(self)
        self.tbl_complaints, self.proxy = record_table(
            self.model, accessible_name=self.tr("Daftar keluhan"), stretch_column=ComplaintsTableModel.COL_CATEGORY,
            max_column_width=MAX_COLUMN_WIDTH, object_name="tbl_complaints")
        self.tbl_complaints.sortByColumn(ComplaintsTableModel.COL_RECORDED, Qt.SortOrder.DescendingOrder)
        self.lbl_count = QLabel(self.tr("Memuat…"))
        self.lbl_count.setObjectName("lbl_hint")
        self.lbl_detail = QLabel("")
        self.lbl_detail.setWordWrap(True)
        self.lbl_detail.setTextFormat(Qt.TextFormat.PlainText)
        self.lbl_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.lbl_detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.btn_open_household = QPushButton(self.tr("Buka keluarga"))
        self.btn_change_status = QPushButton(self.tr("Ubah status…"))
        if not self._can_handle:
            self.btn_change_status.setToolTip(self.tr("Hanya Koordinator dan Petugas BO yang dapat mengubah status "
                                                      "keluhan."))
        self.tmr_search = QTimer(self)
        self.tmr_search.setSingleShot(True)
        self.tmr_search.setInterval(SEARCH_DELAY_MS)
        self._update_selection()

        # Signals
        self.edt_search.textChanged.connect(self._on_edt_search_text_changed)
        self.edt_search.returnPressed.connect(self._on_edt_search_return_pressed)
        self.cmb_status.currentIndexChanged.connect(self._on_cmb_status_current_index_changed)
        self.btn_refresh.clicked.connect(self._on_btn_refresh_clicked)
        self.tmr_search.timeout.connect(self._on_tmr_search_timeout)
        self.tbl_complaints.activated.connect(self._on_tbl_complaints_activated)
        self.tbl_complaints.selectionModel().selectionChanged.connect(self._on_tbl_complaints_selection_changed)
        self.btn_open_household.clicked.connect(self._on_btn_open_household_clicked)
        self.btn_change_status.clicked.connect(self._on_btn_change_status_clicked)

        # Assemble
        top = QHBoxLayout()
        top.addWidget(self.edt_search, 1)
        top.addWidget(self.cmb_status)
        top.addWidget(self.btn_refresh)
        bottom = QHBoxLayout()
        bottom.addWidget(self.lbl_count, 1)
        bottom.addWidget(self.btn_open_household)
        bottom.addWidget(self.btn_change_status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tbl_complaints, 1)
        layout.addWidget(self.lbl_detail)
        layout.addLayout(bottom)

    def focus_list(self) -> None:
        self.tbl_complaints.setFocus()

    # Loading

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self, self.refresh)

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Load with the current filter; a result that arrives after a newer request is dropped."""
        self._stale = False
        self.tmr_search.stop()
        self._generation += 1
        self._pending += 1
        generation = self._generation
        ctx = self.ctx
        text = self.edt_search.text()
        choice = self.cmb_status.currentData()
        status = ComplaintStatus(choice) if choice not in (FILTER_OPEN, FILTER_ALL) else None
        open_only = choice == FILTER_OPEN
        self.lbl_count.setText(self.tr("Memuat…"))
        run_op(self, lambda: list_complaints(ctx, status=status, open_only=open_only, text=text),
               lambda rows: self._on_complaints_ready(generation, rows),
               lambda error: self._on_complaints_failed(generation, error))

    def is_loading(self) -> bool:
        return self._pending > 0

    def _on_complaints_ready(self, generation: int, rows: list[ComplaintItem]) -> None:
        self._pending -= 1
        if generation != self._generation:
            return
        current = self.selected_complaint()
        self.model.set_rows(rows)
        if len(rows) >= COMPLAINT_LIST_LIMIT:
            self.lbl_count.setText(self.tr("Menampilkan {n} keluhan terbaru. Persempit pencarian untuk melihat yang "
                                           "lain.").format(n=len(rows)))
        else:
            self.lbl_count.setText(self.tr("%n keluhan", "", len(rows)))
        self._select(current.id if current else None)
        self._update_selection()
        self.complaints_loaded.emit(len(rows))

    def _on_complaints_failed(self, generation: int, error: BaseException) -> None:
        self._pending -= 1
        if generation != self._generation:
            return
        self.model.set_rows([])
        self._update_selection()
        if isinstance(error, PuskesosError):
            self.lbl_count.setText(self.tr("Daftar keluhan tidak dapat dimuat: {reason}").format(reason=error.message))
        else:
            self.lbl_count.setText(self.tr("Daftar keluhan tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)

    def _select(self, complaint_id: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if complaint_id is None or index.data(ROW_ROLE).id == complaint_id:
                self.tbl_complaints.setCurrentIndex(index)
                return

    # Selection and actions

    def selected_complaint(self) -> ComplaintItem | None:
        index = self.tbl_complaints.currentIndex()
        if not index.isValid() or not self.tbl_complaints.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        item = index.data(ROW_ROLE)
        return item if isinstance(item, ComplaintItem) else None

    def _update_selection(self) -> None:
        item = self.selected_complaint()
        self.btn_open_household.setEnabled(item is not None)
        self.btn_change_status.setEnabled(item is not None and item.is_open and self._can_handle)
        self.lbl_detail.setText(self._detail_text(item) if item else "")

    def _detail_text(self, item: ComplaintItem) -> str:
        lines = [self.tr("{number} · {household}: {description}").format(
            number=item.number, household=item.household_name, description=item.description)]
        if item.answer:
            lines.append(self.tr("Jawaban/hasil: {answer}").format(answer=item.answer))
        if item.closed_at is not None:
            lines.append(self.tr("Ditutup {date} oleh {who}").format(
                date=format_date_long(item.closed_at.astimezone().date()), who=item.closed_by_name))
        return "\n".join(lines)

    def _on_edt_search_text_changed(self, _text: str) -> None:
        self.tmr_search.start()

    def _on_edt_search_return_pressed(self) -> None:
        self.refresh()
        self.tbl_complaints.setFocus()

    def _on_tmr_search_timeout(self) -> None:
        self.refresh()

    def _on_cmb_status_current_index_changed(self, _index: int) -> None:
        self.refresh()

    def _on_btn_refresh_clicked(self) -> None:
        self.refresh()

    def _on_tbl_complaints_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_selection()

    def _on_tbl_complaints_activated(self, index: QModelIndex) -> None:
        item = index.data(ROW_ROLE)
        if isinstance(item, ComplaintItem):
            self.household_opened.emit(item.household_id)

    def _on_btn_open_household_clicked(self) -> None:
        item = self.selected_complaint()
        if item is not None:
            self.household_opened.emit(item.household_id)

    def _on_btn_change_status_clicked(self) -> None:
        item = self.selected_complaint()
        if item is not None:
            self.status_change_requested.emit(item.id)
