"""Rujukan → "Daftar rujukan": every referral, filtered by status and by what is typed, with the selected one in
full beside the list. Each load first turns referrals past their response date into "tidak ada kabar"."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.enums import ReferralStatus
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.referrals import ReferralDetail, ReferralRecord
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.referral_queries import list_referrals, ready_to_print, referral_detail
from puskesos_desk.services.referrals import mark_overdue
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.models.referrals_model import ReferralsTableModel, is_late
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.rujukan_detail_panel import ReferralDetailPanel
from puskesos_desk.ui.widgets.record_table import record_table

_CTX = "RujukanListTab"
SEARCH_DELAY_MS = 300
MAX_COLUMN_WIDTH = 300  # a whole letter number fits; a long name is elided
LIST_SHARE, DETAIL_SHARE = 45, 55
S = ReferralStatus


@dataclass(frozen=True)
class StatusFilter:
    key: str
    name: str  # QT_TRANSLATE_NOOP source
    statuses: tuple[ReferralStatus, ...]
    late_only: bool = False


FILTERS: tuple[StatusFilter, ...] = (
    StatusFilter("", QT_TRANSLATE_NOOP("RujukanListTab", "Semua"), ()),
    StatusFilter("DRAFT", QT_TRANSLATE_NOOP("RujukanListTab", "Perlu persetujuan"), (S.DRAFT,)),
    StatusFilter("DISETUJUI", QT_TRANSLATE_NOOP("RujukanListTab", "Siap cetak"), (S.DISETUJUI,)),
    StatusFilter("DIKIRIM", QT_TRANSLATE_NOOP("RujukanListTab", "Menunggu jawaban"), (S.DIKIRIM,)),
    StatusFilter("TERLAMBAT", QT_TRANSLATE_NOOP("RujukanListTab", "Terlambat / tidak ada kabar"),
                 (S.DIKIRIM, S.TIDAK_ADA_KABAR), late_only=True),
    StatusFilter("DITANGANI", QT_TRANSLATE_NOOP("RujukanListTab", "Diterima / diproses lembaga"),
                 (S.DITERIMA, S.DIPROSES)),
    StatusFilter("SELESAI", QT_TRANSLATE_NOOP("RujukanListTab", "Selesai"), (S.SELESAI,)),
    StatusFilter("DITOLAK", QT_TRANSLATE_NOOP("RujukanListTab", "Ditolak"), (S.DITOLAK,)),
    StatusFilter("DIBATALKAN", QT_TRANSLATE_NOOP("RujukanListTab", "Dibatalkan"), (S.DIBATALKAN,)),
)


@dataclass(frozen=True)
class ReferralList:
    rows: list[ReferralRecord]
    ready_ids: list[str]  # approved and never printed: the batch print
    marked_overdue: int


def load_referrals(ctx: ServiceContext, choice: StatusFilter, text: str) -> ReferralList:
    marked = mark_overdue(ctx)
    rows = list_referrals(ctx, statuses=choice.statuses, text=text)
    if choice.late_only:
        rows = [r for r in rows if is_late(r) or r.status is S.TIDAK_ADA_KABAR]
    ready = [r.id for r in ready_to_print(ctx)] if ctx.actor.can(Permission.CREATE_REFERRAL) else []
    return ReferralList(rows=rows, ready_ids=ready, marked_overdue=marked)


class ReferralListTab(QWidget):
    referrals_loaded = Signal(int)
    detail_loaded = Signal(object)  # ReferralDetail | None
    print_ready_requested = Signal(object)  # list of referral ids

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._generation = 0
        self._detail_generation = 0
        self._pending = 0
        self._select_after_load: str | None = None
        self._resetting = False  # the model is being replaced: selection changes are not the officer's
        self._split_done = False
        self.ready_ids: list[str] = []
        self._can_print = ctx.actor.can(Permission.CREATE_REFERRAL)

        # Widgets
        self.edt_search = QLineEdit()
        self.edt_search.setPlaceholderText(self.tr("Cari nomor surat, nama warga, atau lembaga/layanan"))
        self.edt_search.setClearButtonEnabled(True)
        self.edt_search.setAccessibleName(self.tr("Cari rujukan"))
        self.cmb_status = QComboBox()
        self.cmb_status.setAccessibleName(self.tr("Saring menurut status"))
        for choice in FILTERS:
            self.cmb_status.addItem(QCoreApplication.translate(_CTX, choice.name), choice.key)
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.btn_refresh.setAutoDefault(False)
        self.btn_print_ready = QPushButton(self.tr("Cetak semua yang siap (0)"))
        self.btn_print_ready.setAutoDefault(False)
        self.btn_print_ready.setVisible(self._can_print)
        self.btn_print_ready.setToolTip(self.tr("Pratinjau dan cetak sekaligus semua surat rujukan yang sudah "
                                                "disetujui tetapi belum dicetak"))
        self.model = ReferralsTableModel(self)
        self.tbl_referrals, self.proxy = record_table(
            self.model, accessible_name=self.tr("Daftar rujukan"), stretch_column=ReferralsTableModel.COL_SERVICE,
            max_column_width=MAX_COLUMN_WIDTH, object_name="tbl_referrals")
        self.tbl_referrals.sortByColumn(ReferralsTableModel.COL_NUMBER, Qt.SortOrder.DescendingOrder)
        self.pnl_detail = ReferralDetailPanel()
        # The detail goes under the list: the list keeps room for all its columns on a 1366-pixel screen.
        self.spl_body = QSplitter(Qt.Orientation.Vertical)
        self.spl_body.setChildrenCollapsible(False)
        self.spl_body.addWidget(self.tbl_referrals)
        self.spl_body.addWidget(self.pnl_detail)
        self.spl_body.setStretchFactor(0, 5)
        self.spl_body.setStretchFactor(1, 6)
        self._list_min_height = self.fontMetrics().lineSpacing() * 8
        self.tbl_referrals.setMinimumHeight(self._list_min_height)
        # No fixed minimum for the detail: its own layout's (a second row of buttons at 125 %) must count.
        self.lbl_count = QLabel(self.tr("Memuat…"))
        self.lbl_count.setObjectName("lbl_hint")
        self.tmr_search = QTimer(self)
        self.tmr_search.setSingleShot(True)
        self.tmr_search.setInterval(SEARCH_DELAY_MS)

        # Signals
        self.edt_search.textChanged.connect(self._on_edt_search_text_changed)
        self.edt_search.returnPressed.connect(self._on_edt_search_return_pressed)
        self.cmb_status.currentIndexChanged.connect(self._on_cmb_status_current_index_changed)
        self.btn_refresh.clicked.connect(self._on_btn_refresh_clicked)
        self.btn_print_ready.clicked.connect(self._on_btn_print_ready_clicked)
        self.tmr_search.timeout.connect(self._on_tmr_search_timeout)
        self.tbl_referrals.selectionModel().selectionChanged.connect(self._on_tbl_referrals_selection_changed)

        # Assemble
        top = QHBoxLayout()
        top.addWidget(self.edt_search, 1)
        top.addWidget(self.cmb_status)
        top.addWidget(self.lbl_count)  # up here, not under the list: a 768-pixel screen needs that line for details
        top.addWidget(self.btn_refresh)
        top.addWidget(self.btn_print_ready)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.spl_body, 1)

    def focus_list(self) -> None:
        self.tbl_referrals.setFocus()

    def current_filter(self) -> StatusFilter:
        key = self.cmb_status.currentData()
        return next((f for f in FILTERS if f.key == key), FILTERS[0])

    def set_filter(self, key: str) -> None:
        self.cmb_status.setCurrentIndex(max(0, self.cmb_status.findData(key)))

    # --- loading ---------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_done:  # weights, not pixels: the splitter spreads them over whatever height it has
            self._split_done = True
            self.spl_body.setSizes([LIST_SHARE, DETAIL_SHARE])
        if self._stale:
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:  # the page may have reloaded in the meantime
            self.refresh()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def is_loading(self) -> bool:
        return self._pending > 0

    def refresh(self) -> None:
        """Mark overdue referrals, then load with the current filter; an older result arriving late is dropped."""
        self._stale = False
        self.tmr_search.stop()
        self._generation += 1
        self._pending += 1
        generation = self._generation
        ctx, choice, text = self.ctx, self.current_filter(), self.edt_search.text()
        self.lbl_count.setText(self.tr("Memuat…"))
        # On the write pool: mark_overdue may write, and a reload after a save must see that save.
        run_op(self, lambda: load_referrals(ctx, choice, text), lambda result: self._on_loaded(generation, result),
               lambda error: self._on_load_failed(generation, error), writes=True)

    def show_referral(self, referral_id: str, number: str) -> None:
        """Bring one referral into the list whatever the filter was (after a scan), and select it."""
        self._select_after_load = referral_id
        self.cmb_status.blockSignals(True)
        self.edt_search.blockSignals(True)
        try:
            self.set_filter("")
            self.edt_search.setText(number)
        finally:
            self.cmb_status.blockSignals(False)
            self.edt_search.blockSignals(False)
        self.refresh()

    def _on_loaded(self, generation: int, result: ReferralList) -> None:
        self._pending -= 1
        if generation != self._generation:
            return
        wanted = self._select_after_load or self.selected_id()
        self._select_after_load = None
        self._resetting = True
        try:
            self.model.set_rows(result.rows)
            found = self._select(wanted)
        finally:
            self._resetting = False
        self.ready_ids = result.ready_ids
        self.btn_print_ready.setText(self.tr("Cetak semua yang siap ({n})").format(n=len(result.ready_ids)))
        self.btn_print_ready.setEnabled(bool(result.ready_ids))
        late = sum(1 for r in result.rows if is_late(r))
        text = self.tr("%n rujukan", "", len(result.rows))
        if late:
            text += " · " + self.tr("%n lewat batas jawaban", "", late)
        self.lbl_count.setText(text)
        self._show_detail_of(self.selected_id() if found else None)  # fresh: the status may have changed
        self.referrals_loaded.emit(len(result.rows))

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        self._pending -= 1
        if generation != self._generation:
            return
        self.model.set_rows([])
        self.btn_print_ready.setEnabled(False)
        self._show_detail_of(None)
        if isinstance(error, PuskesosError):
            self.lbl_count.setText(self.tr("Daftar rujukan tidak dapat dimuat: {reason}").format(reason=error.message))
        else:
            self.lbl_count.setText(self.tr("Daftar rujukan tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self.referrals_loaded.emit(0)

    def _select(self, referral_id: str | None) -> bool:
        if referral_id is None:
            return False
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).id == referral_id:
                self.tbl_referrals.setCurrentIndex(index)
                self.tbl_referrals.scrollTo(index)
                return True
        return False

    # --- selection and the detail ----------------------------------------------------------------------------------

    def selected_record(self) -> ReferralRecord | None:
        index = self.tbl_referrals.currentIndex()
        if not index.isValid() or not self.tbl_referrals.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        record = index.data(ROW_ROLE)
        return record if isinstance(record, ReferralRecord) else None

    def selected_id(self) -> str | None:
        record = self.selected_record()
        return record.id if record else None

    def _on_tbl_referrals_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._resetting:
            self._show_detail_of(self.selected_id())

    def _show_detail_of(self, referral_id: str | None) -> None:
        self._detail_generation += 1
        if referral_id is None:
            self.pnl_detail.show_detail(None)
            self.detail_loaded.emit(None)
            return
        generation = self._detail_generation
        ctx = self.ctx
        run_op(self, lambda: referral_detail(ctx, referral_id),
               lambda detail: self._on_detail_ready(generation, detail),
               lambda error: self._on_detail_failed(generation, error))

    def _on_detail_ready(self, generation: int, detail: ReferralDetail) -> None:
        if generation != self._detail_generation:
            return
        self.pnl_detail.show_detail(detail)
        QTimer.singleShot(0, self, self._make_room_for_detail)  # once the panel has laid out the new texts
        self.detail_loaded.emit(detail)

    def _make_room_for_detail(self) -> None:
        """Grow the detail pane until the selected referral's details show without scrolling, taking the room from
        the list down to its minimum (on a 768-pixel screen the shares alone left the details 120 px)."""
        table = self.tbl_referrals
        # A list filtered to a few referrals needs only their rows, not the usual eight lines.
        rows_height = (table.horizontalHeader().height() + 2 * table.frameWidth()
                       + table.verticalHeader().defaultSectionSize() * max(1, self.proxy.rowCount()))
        table.setMinimumHeight(min(self._list_min_height, rows_height))
        list_height, detail_height = self.spl_body.sizes()
        spare = list_height - table.minimumHeight()
        give = min(self.pnl_detail.hidden_height(), spare)
        if give > 0:
            self.spl_body.setSizes([list_height - give, detail_height + give])

    def _on_detail_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._detail_generation:
            return
        self.pnl_detail.show_detail(None)
        self.detail_loaded.emit(None)
        show_error(self, error)

    # --- controls --------------------------------------------------------------------------------------------------

    def _on_edt_search_text_changed(self, _text: str) -> None:
        self.tmr_search.start()

    def _on_edt_search_return_pressed(self) -> None:
        self.refresh()
        self.tbl_referrals.setFocus()

    def _on_tmr_search_timeout(self) -> None:
        self.refresh()

    def _on_cmb_status_current_index_changed(self, _index: int) -> None:
        self.refresh()

    def _on_btn_refresh_clicked(self) -> None:
        self.refresh()

    def _on_btn_print_ready_clicked(self) -> None:
        if self.ready_ids:
            self.print_ready_requested.emit(list(self.ready_ids))

