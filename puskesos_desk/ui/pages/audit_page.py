"""Audit: the audit log a page at a time (filters: period, user, action, record), the selected event in full, and
"Periksa keutuhan log", which recomputes the whole hash chain in the background and names the first broken link."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QDate, QItemSelection, QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.audit_log import AuditActor, AuditCheck, AuditFilter, AuditRow, change_lines, describe_check
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.audit_log import PAGE_SIZE, actors, count_events, list_events, verify_audit
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_number
from puskesos_desk.ui.models.audit_events_model import AuditEventsModel, action_name, local_moment
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table

SEARCH_DELAY_MS = 300
PERIOD_ALL, PERIOD_TODAY, PERIOD_WEEK, PERIOD_MONTH, PERIOD_RANGE = "", "today", "7", "30", "range"
_GREEN = "background: #e3f4e8; color: #1d6b35; border: 1px solid #a8d5b5; border-radius: 4px; padding: 6px;"
_RED = "background: #fdecea; color: #8a1c12; border: 1px solid #f0b4ad; border-radius: 4px; padding: 6px;"


@dataclass(frozen=True)
class AuditPageLoad:
    rows: list[AuditRow]
    total: int | None  # counted on the first page only
    actors: list[AuditActor] | None


class AuditPage(QWidget):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._generation = 0
        self._total = 0
        self._select_seq: int | None = None
        self.last_check: AuditCheck | None = None

        # Widgets
        self.lbl_title = QLabel(self.tr("Audit"))
        self.lbl_title.setObjectName("lbl_title")
        self.lbl_subtitle = QLabel(self.tr("Siapa melakukan apa dan kapan. Setiap peristiwa menyimpan sidik peristiwa "
                                           "sebelumnya, sehingga perubahan di luar aplikasi dapat ditemukan."))
        self.lbl_subtitle.setObjectName("lbl_subtitle")
        self.lbl_subtitle.setWordWrap(True)
        self.cmb_period = QComboBox()
        self.cmb_period.setAccessibleName(self.tr("Periode"))
        for key, text in ((PERIOD_ALL, self.tr("Semua waktu")), (PERIOD_TODAY, self.tr("Hari ini")),
                          (PERIOD_WEEK, self.tr("7 hari terakhir")), (PERIOD_MONTH, self.tr("30 hari terakhir")),
                          (PERIOD_RANGE, self.tr("Rentang tanggal…"))):
            self.cmb_period.addItem(text, key)
        today = ctx.today()
        self.dte_from = self._date_edit(today - timedelta(days=30), self.tr("Dari tanggal"))
        self.dte_to = self._date_edit(today, self.tr("Sampai tanggal"))
        self.cmb_actor = QComboBox()
        self.cmb_actor.setAccessibleName(self.tr("Saring menurut pengguna"))
        self.cmb_actor.addItem(self.tr("Semua pengguna"), "")
        self.cmb_action = QComboBox()
        self.cmb_action.setAccessibleName(self.tr("Saring menurut aksi"))
        self.cmb_action.addItem(self.tr("Semua aksi"), "")
        for action in sorted(AuditAction, key=lambda a: action_name(a)):
            self.cmb_action.addItem(action_name(action), action.value)
        self.edt_record = QLineEdit()
        self.edt_record.setClearButtonEnabled(True)
        self.edt_record.setPlaceholderText(self.tr("ID data, nama tabel, atau #nomor peristiwa"))
        self.edt_record.setAccessibleName(self.tr("Cari data"))
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.btn_refresh.setAutoDefault(False)
        self.btn_verify = QPushButton(self.tr("Periksa keutuhan log"))
        self.btn_verify.setAutoDefault(False)
        self.btn_verify.setToolTip(self.tr("Hitung ulang rantai hash seluruh log untuk menemukan peristiwa yang "
                                           "diubah, dihapus, atau disisipkan di luar aplikasi"))
        self.lbl_verify = QLabel()
        self.lbl_verify.setObjectName("lbl_verify")
        self.lbl_verify.setWordWrap(True)
        self.lbl_verify.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_verify.setVisible(False)
        self.btn_jump = QPushButton()
        self.btn_jump.setAutoDefault(False)
        self.btn_jump.setVisible(False)
        self.btn_breach = QPushButton(self.tr("Kebocoran data…"))
        self.btn_breach.setAutoDefault(False)
        self.btn_breach.setToolTip(self.tr("Daftar warga yang terdampak dan draf pemberitahuan 3×24 jam (UU PDP "
                                           "Pasal 46)"))
        self.btn_breach.setVisible(ctx.actor.can(Permission.BREACH_RESPONSE))
        self.dlg_breach: QDialog | None = None
        self.model = AuditEventsModel(self)
        self.tbl_events, self.proxy = record_table(
            self.model, accessible_name=self.tr("Peristiwa audit"), stretch_column=AuditEventsModel.COL_SUMMARY,
            max_column_width=260, object_name="tbl_events")
        self.tbl_events.sortByColumn(AuditEventsModel.COL_SEQ, Qt.SortOrder.DescendingOrder)
        self.txt_detail = QPlainTextEdit()
        self.txt_detail.setReadOnly(True)
        self.txt_detail.setAccessibleName(self.tr("Rincian peristiwa"))
        self.txt_detail.setPlaceholderText(self.tr("Pilih satu peristiwa untuk melihat rinciannya."))
        self.spl_body = QSplitter(Qt.Orientation.Horizontal)
        self.spl_body.setChildrenCollapsible(False)
        self.spl_body.addWidget(self.tbl_events)
        self.spl_body.addWidget(self.txt_detail)
        self.spl_body.setStretchFactor(0, 3)
        self.spl_body.setStretchFactor(1, 2)
        self.lbl_count = QLabel(self.tr("Memuat…"))
        self.lbl_count.setObjectName("lbl_hint")
        self.btn_more = QPushButton(self.tr("Muat lebih banyak"))
        self.btn_more.setAutoDefault(False)
        self.btn_more.setEnabled(False)
        self.tmr_search = QTimer(self)
        self.tmr_search.setSingleShot(True)
        self.tmr_search.setInterval(SEARCH_DELAY_MS)
        self._update_period_widgets()

        # Signals
        self.cmb_period.currentIndexChanged.connect(self._on_filter_changed)
        self.dte_from.dateChanged.connect(self._on_filter_changed)
        self.dte_to.dateChanged.connect(self._on_filter_changed)
        self.cmb_actor.currentIndexChanged.connect(self._on_filter_changed)
        self.cmb_action.currentIndexChanged.connect(self._on_filter_changed)
        self.edt_record.textChanged.connect(self._on_edt_record_text_changed)
        self.edt_record.returnPressed.connect(self.refresh)
        self.tmr_search.timeout.connect(self.refresh)
        self.btn_refresh.clicked.connect(self.refresh)
        self.btn_more.clicked.connect(self._on_btn_more_clicked)
        self.btn_verify.clicked.connect(self._on_btn_verify_clicked)
        self.btn_jump.clicked.connect(self._on_btn_jump_clicked)
        self.btn_breach.clicked.connect(self._on_btn_breach_clicked)
        self.tbl_events.selectionModel().selectionChanged.connect(self._on_tbl_events_selection_changed)

        # Assemble
        filters = QHBoxLayout()
        filters.addWidget(self.cmb_period)
        filters.addWidget(self.dte_from)
        filters.addWidget(self.dte_to)
        filters.addWidget(self.cmb_actor)
        filters.addWidget(self.cmb_action)
        filters.addWidget(self.edt_record, 1)
        filters.addWidget(self.btn_refresh)
        check = QHBoxLayout()
        check.addWidget(self.btn_verify)
        check.addWidget(self.lbl_verify, 1)
        check.addStretch(0)  # the buttons keep their size while the check's result is hidden
        check.addWidget(self.btn_jump)
        check.addWidget(self.btn_breach)
        bottom = QHBoxLayout()
        bottom.addWidget(self.lbl_count, 1)
        bottom.addWidget(self.btn_more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)  # as the other areas' pages
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.lbl_subtitle)
        layout.addLayout(check)
        layout.addLayout(filters)
        layout.addWidget(self.spl_body, 1)
        layout.addLayout(bottom)

    def _on_btn_breach_clicked(self) -> None:
        # Imported here: the dialog writes PDFs, and the GUI starts without reportlab (tests/ui/test_app.py).
        from puskesos_desk.ui.dialogs.breach_dialog import BreachDialog

        self.dlg_breach = BreachDialog(self.ctx, self)
        self.dlg_breach.finished.connect(self._on_dlg_breach_finished)
        self.dlg_breach.open()

    def _on_dlg_breach_finished(self, _result: int) -> None:
        if self.dlg_breach is not None:
            self.dlg_breach.deleteLater()
        self.dlg_breach = None
        self.refresh()  # the notice just drafted is an audit event

    def _date_edit(self, day: date, name: str) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setAccessibleName(name)
        return edit

    # --- the filter -------------------------------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        period, today = self.cmb_period.currentData(), self.ctx.today()
        start: date | None = None
        end: date | None = None
        if period == PERIOD_TODAY:
            start = end = today
        elif period in (PERIOD_WEEK, PERIOD_MONTH):
            start, end = today - timedelta(days=int(period) - 1), today
        elif period == PERIOD_RANGE:
            start, end = self.dte_from.date().toPython(), self.dte_to.date().toPython()
        return AuditFilter(period_from=start, period_to=end, actor_id=self.cmb_actor.currentData() or "",
                           action=self.cmb_action.currentData() or "", record_text=self.edt_record.text().strip())

    def _update_period_widgets(self) -> None:
        ranged = self.cmb_period.currentData() == PERIOD_RANGE
        self.dte_from.setVisible(ranged)
        self.dte_to.setVisible(ranged)

    def _on_filter_changed(self, *_args: object) -> None:
        self._update_period_widgets()
        self.refresh()

    def _on_edt_record_text_changed(self, _text: str) -> None:
        self.tmr_search.start()

    # --- loading ----------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """The first page with the current filter; a late result of an older load is dropped."""
        self._stale = False
        self.tmr_search.stop()
        self._load(offset=0)

    def _load(self, *, offset: int) -> None:
        self._generation += 1
        generation, ctx, filt = self._generation, self.ctx, self.current_filter()
        want_actors = offset == 0

        def load() -> AuditPageLoad:
            rows = list_events(ctx, filt, offset=offset, limit=PAGE_SIZE)
            total = count_events(ctx, filt) if offset == 0 else None
            return AuditPageLoad(rows, total, actors(ctx) if want_actors else None)

        self.lbl_count.setText(self.tr("Memuat…"))
        self.btn_more.setEnabled(False)
        run_op(self, load, lambda result: self._on_loaded(generation, offset, result),
               lambda error: self._on_load_failed(generation, error))

    def _on_loaded(self, generation: int, offset: int, result: AuditPageLoad) -> None:
        if generation != self._generation:
            return
        if result.actors is not None:
            self._fill_actors(result.actors)
        if offset == 0:
            self._total = result.total or 0
            self.model.set_rows(result.rows)
        else:
            self.model.append_rows(result.rows)
        shown = self.model.rowCount()
        self.lbl_count.setText(self.tr("Menampilkan {shown} dari {total} peristiwa (terbaru dulu)").format(
            shown=format_number(shown), total=format_number(self._total)))
        self.btn_more.setEnabled(shown < self._total and bool(result.rows))
        wanted, self._select_seq = self._select_seq, None
        if wanted is not None:
            self.select_seq(wanted)
        elif offset == 0:
            self._show_detail(None)

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.lbl_count.setText(self.tr("Log audit tidak dapat dimuat."))
        show_error(self, error)

    def _fill_actors(self, found: list[AuditActor]) -> None:
        current = self.cmb_actor.currentData()
        self.cmb_actor.blockSignals(True)
        try:
            while self.cmb_actor.count() > 1:
                self.cmb_actor.removeItem(1)
            for actor in found:
                self.cmb_actor.addItem(actor.name, actor.id)
            self.cmb_actor.setCurrentIndex(max(0, self.cmb_actor.findData(current)))
        finally:
            self.cmb_actor.blockSignals(False)

    def _on_btn_more_clicked(self) -> None:
        self._load(offset=self.model.rowCount())

    # --- selection and the detail -----------------------------------------------------------------------------------

    def select_seq(self, seq: int) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).seq == seq:
                self.tbl_events.setCurrentIndex(index)
                self.tbl_events.scrollTo(index)
                return True
        return False

    def selected_row(self) -> AuditRow | None:
        index = self.tbl_events.currentIndex()
        if not index.isValid() or not self.tbl_events.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        record = index.data(ROW_ROLE)
        return record if isinstance(record, AuditRow) else None

    def _on_tbl_events_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_detail(self.selected_row())

    def _show_detail(self, row: AuditRow | None) -> None:
        if row is None:
            self.txt_detail.clear()
            return
        lines = [
            self.tr("Peristiwa nomor {seq}").format(seq=row.seq),
            self.tr("Waktu: {when}").format(when=local_moment(row)),
            self.tr("Pengguna: {name} ({id})").format(name=row.actor_name, id=row.actor_id),
            self.tr("Komputer: {device}").format(device=row.device or "-"),
            self.tr("Aksi: {action}").format(action=action_name(row.action)),
        ]
        if row.entity:
            lines.append(self.tr("Data: {record}").format(record=f"{row.entity} {row.entity_id or ''}".strip()))
        for label, value in ((self.tr("Alasan"), row.reason), (self.tr("Penerima"), row.recipient),
                             (self.tr("Tujuan"), row.purpose)):
            if value:
                lines.append(f"{label}: {value}")
        changes = change_lines(row)
        if changes:
            lines += ["", self.tr("Perubahan (sebelum → sesudah):"), *(f"  {line}" for line in changes)]
        self.txt_detail.setPlainText("\n".join(lines))

    # --- the integrity check ----------------------------------------------------------------------------------------

    def _on_btn_verify_clicked(self) -> None:
        self.btn_verify.setEnabled(False)
        self.btn_jump.setVisible(False)
        self.lbl_verify.setStyleSheet("")
        self.lbl_verify.setText(self.tr("Memeriksa seluruh log… (log yang panjang memerlukan beberapa menit)"))
        self.lbl_verify.setVisible(True)
        ctx = self.ctx
        run_op(self, lambda: verify_audit(ctx), self._on_verified, self._on_verify_failed, writes=True)

    def _on_verified(self, check: AuditCheck) -> None:
        self.last_check = check
        self.btn_verify.setEnabled(True)
        self.lbl_verify.setStyleSheet(_GREEN if check.ok else _RED)
        self.lbl_verify.setText("\n".join(describe_check(check, local_zone())))
        if check.broken is not None:
            self.btn_jump.setText(self.tr("Lihat peristiwa {seq}").format(seq=self.jump_target(check)))
        self.btn_jump.setVisible(check.broken is not None)
        self.mark_stale()  # the check itself is a new event

    def _on_verify_failed(self, error: BaseException) -> None:
        self.btn_verify.setEnabled(True)
        self.lbl_verify.setVisible(False)
        show_error(self, error)

    @staticmethod
    def jump_target(check: AuditCheck) -> int:
        """The event to show: the broken one, or after a deletion the first event after the gap."""
        assert check.broken is not None
        return check.broken.seq + check.broken.missing

    def _on_btn_jump_clicked(self) -> None:
        if self.last_check is None or self.last_check.broken is None:
            return
        target = self.jump_target(self.last_check)
        for combo in (self.cmb_period, self.cmb_actor, self.cmb_action):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._update_period_widgets()
        self.edt_record.blockSignals(True)
        self.edt_record.setText(f"#{target + 5}")  # a few events after it, for context
        self.edt_record.blockSignals(False)
        self._select_seq = target
        self.refresh()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()
