"""Perubahan KK (district only): household change requests from every village, waiting ones first. The Manajer
SLRT approves ("Setujui") or rejects with a reason ("Tolak…"); the decision is recorded here and travels back to
the village in its next return package, where the village applies it. Loaded off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.district_changes import (
    FILTER_ALL,
    FILTER_DECIDED,
    FILTER_WAITING,
    DistrictChangeItem,
    DistrictChangePage,
)
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.villages import VillageStatus
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.district_changes import PAGE_SIZE, decide_district_change, list_district_changes
from puskesos_desk.services.villages import village_list
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.models.change_requests_model import ChangeRequestsTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.household.status_labels import CHANGE_KINDS, CHANGE_STATUSES, label
from puskesos_desk.ui.widgets.record_table import record_table


class RejectReasonDialog(QDialog):
    """Asks why a request is rejected; OK stays disabled until a reason is written."""

    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tolak permintaan {number}").format(number=number))
        self.edt_reason = QPlainTextEdit()
        self.edt_reason.setObjectName("edt_reason")
        self.edt_reason.setPlaceholderText(self.tr("Alasan penolakan (dikirim ke desa)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tolak"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))

        self.edt_reason.textChanged.connect(self._on_edt_reason_text_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tuliskan alasan permintaan ini ditolak. Desa melihat alasan ini setelah "
                                        "mengimpor paket balasan berikutnya.")))
        layout.addWidget(self.edt_reason)
        layout.addWidget(self.buttons)
        self._on_edt_reason_text_changed()

    def reason(self) -> str:
        return self.edt_reason.toPlainText().strip()

    def _on_edt_reason_text_changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))


class KabupatenChangesTab(QWidget):
    loaded = Signal()  # the list was (re)loaded (tests wait on it)
    decided = Signal(str)  # a request was decided (its number)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._offset = 0
        self.page: DistrictChangePage | None = None

        # Widgets
        self.cmb_status = QComboBox()
        self.cmb_status.setObjectName("cmb_status")
        self.cmb_status.setAccessibleName(self.tr("Status permintaan"))
        for text, value in ((self.tr("Menunggu"), FILTER_WAITING), (self.tr("Sudah diputuskan"), FILTER_DECIDED),
                            (self.tr("Semua"), FILTER_ALL)):
            self.cmb_status.addItem(text, value)
        self.cmb_village = QComboBox()
        self.cmb_village.setObjectName("cmb_village")
        self.cmb_village.setAccessibleName(self.tr("Desa"))
        self.cmb_village.addItem(self.tr("Semua desa"), "")
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.btn_refresh.setObjectName("btn_refresh")
        self.btn_refresh.setAutoDefault(False)
        self.lbl_summary = QLabel(self.tr("Memuat permintaan…"))
        self.lbl_summary.setObjectName("lbl_summary")
        self.lbl_summary.setWordWrap(True)
        self.model = ChangeRequestsTableModel(self)
        self.tbl_changes, self.proxy = record_table(self.model, accessible_name=self.tr("Permintaan perubahan KK"),
                                                    stretch_column=ChangeRequestsTableModel.COL_REASON,
                                                    max_column_width=260, object_name="tbl_changes")
        self.tbl_changes.sortByColumn(ChangeRequestsTableModel.COL_REQUESTED, Qt.SortOrder.AscendingOrder)
        self.btn_previous = QPushButton(self.tr("‹ Sebelumnya"))
        self.btn_previous.setObjectName("btn_previous")
        self.btn_next = QPushButton(self.tr("Berikutnya ›"))
        self.btn_next.setObjectName("btn_next")
        self.txt_details = QPlainTextEdit()
        self.txt_details.setObjectName("txt_details")
        self.txt_details.setReadOnly(True)
        self.txt_details.setAccessibleName(self.tr("Rincian permintaan"))
        self.edt_note = QLineEdit()
        self.edt_note.setObjectName("edt_note")
        self.edt_note.setPlaceholderText(self.tr("Catatan persetujuan (tidak wajib)"))
        self.btn_approve = QPushButton(self.tr("Setujui"))
        self.btn_approve.setObjectName("btn_approve")
        self.btn_reject = QPushButton(self.tr("Tolak…"))
        self.btn_reject.setObjectName("btn_reject")
        self.lbl_message = QLabel("")
        self.lbl_message.setObjectName("lbl_message")
        self.lbl_message.setWordWrap(True)
        hint = self.tr("Keputusan dicatat di kabupaten dan dikirim ke desa dalam paket balasan berikutnya; desa yang "
                       "menerapkan perubahan pada anggota keluarga.")
        if not ctx.actor.can(Permission.APPROVE_HOUSEHOLD_CHANGE):
            hint = self.tr("Hanya Manajer SLRT yang dapat menyetujui atau menolak permintaan.")
        self.btn_approve.setToolTip(hint)
        self.btn_reject.setToolTip(hint)

        # Signals
        self.cmb_status.currentIndexChanged.connect(self._on_filter_changed)
        self.cmb_village.currentIndexChanged.connect(self._on_filter_changed)
        self.btn_refresh.clicked.connect(self._on_btn_refresh_clicked)
        self.btn_previous.clicked.connect(self._on_btn_previous_clicked)
        self.btn_next.clicked.connect(self._on_btn_next_clicked)
        self.tbl_changes.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.btn_approve.clicked.connect(self._on_btn_approve_clicked)
        self.btn_reject.clicked.connect(self._on_btn_reject_clicked)

        # Assemble
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Status:")))
        filters.addWidget(self.cmb_status)
        filters.addWidget(QLabel(self.tr("Desa:")))
        filters.addWidget(self.cmb_village, 1)
        filters.addWidget(self.btn_refresh)
        paging = QHBoxLayout()
        paging.addWidget(self.lbl_summary, 1)
        paging.addWidget(self.btn_previous)
        paging.addWidget(self.btn_next)
        decide = QHBoxLayout()
        decide.addWidget(self.edt_note, 1)
        decide.addWidget(self.btn_approve)
        decide.addWidget(self.btn_reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addLayout(paging)
        layout.addWidget(self.tbl_changes, 3)
        layout.addWidget(self.txt_details, 1)
        layout.addLayout(decide)
        layout.addWidget(self.lbl_message)
        self._update_buttons()

    # --- loading -------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        status, village, offset = self.cmb_status.currentData(), self.cmb_village.currentData() or None, self._offset

        def load() -> tuple[DistrictChangePage, list[VillageStatus]]:
            return (list_district_changes(ctx, status=status, village=village, offset=offset, limit=PAGE_SIZE),
                    village_list(ctx))

        run_op(self, load, lambda result: self._on_loaded(generation, result),
               lambda error: self._on_load_failed(generation, error))

    def _on_loaded(self, generation: int, result: tuple[DistrictChangePage, list[VillageStatus]]) -> None:
        if generation != self._generation:
            return
        page, villages = result
        self.page = page
        self._fill_villages(villages)
        self.model.set_rows(list(page.items))
        if page.total == 0:
            self.lbl_summary.setText(self.tr("Tidak ada permintaan dengan saringan ini."))
        else:
            self.lbl_summary.setText(self.tr("{first}–{last} dari {total} permintaan").format(
                first=page.offset + 1, last=page.offset + len(page.items), total=page.total))
        self.btn_previous.setEnabled(page.offset > 0)
        self.btn_next.setEnabled(page.offset + len(page.items) < page.total)
        self._show_details(None)
        self.loaded.emit()

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.set_rows([])
        if isinstance(error, PuskesosError):
            self.lbl_summary.setText(self.tr("Permintaan tidak dapat dimuat: {reason}").format(reason=error.message))
        else:
            self.lbl_summary.setText(self.tr("Permintaan tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self.loaded.emit()

    def _fill_villages(self, villages: list[VillageStatus]) -> None:
        current = self.cmb_village.currentData()
        self.cmb_village.blockSignals(True)
        self.cmb_village.clear()
        self.cmb_village.addItem(self.tr("Semua desa"), "")
        for village in villages:
            self.cmb_village.addItem(f"{village.name} ({village.code})", village.code)
        index = self.cmb_village.findData(current)
        self.cmb_village.setCurrentIndex(max(index, 0))
        self.cmb_village.blockSignals(False)

    # --- selection and details -----------------------------------------------------------------------------------

    def selected(self) -> DistrictChangeItem | None:
        rows = self.tbl_changes.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def _show_details(self, item: DistrictChangeItem | None) -> None:
        if item is None:
            self.txt_details.setPlainText(self.tr("Pilih permintaan untuk melihat rinciannya."))
        else:
            lines = [
                f"{item.number} · {label(CHANGE_KINDS, item.kind)} · {label(CHANGE_STATUSES, item.status)}",
                self.tr("Desa: {village} ({code})").format(village=item.village_name, code=item.village_code),
                self.tr("Keluarga: {number}, kepala keluarga {head}").format(number=item.household_number,
                                                                           head=item.head_name or "-"),
                self.tr("Alasan dari desa: {reason}").format(reason=item.reason),
                "", self.tr("Yang berubah bila disetujui:"), *(f"• {line}" for line in item.summary),
            ]
            if item.decided_at is not None:
                when = item.decided_at.astimezone(local_zone()).strftime("%d-%m-%Y %H:%M")
                lines += ["", self.tr("Diputuskan {when} ({where}): {reason}").format(
                    when=when, where=item.decided_where or "-", reason=item.decision_reason or "-")]
            self.txt_details.setPlainText("\n".join(lines))
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.selected()
        decidable = (item is not None and item.status == "MENUNGGU"
                     and self.ctx.actor.can(Permission.APPROVE_HOUSEHOLD_CHANGE))
        self.btn_approve.setEnabled(decidable)
        self.btn_reject.setEnabled(decidable)
        self.edt_note.setEnabled(decidable)

    # --- deciding ------------------------------------------------------------------------------------------------

    def ask_reject_reason(self, item: DistrictChangeItem) -> str | None:
        dialog = RejectReasonDialog(item.number, self)
        try:
            return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def decide(self, item: DistrictChangeItem, *, approve: bool, reason: str) -> None:
        ctx = self.ctx
        self.btn_approve.setEnabled(False)
        self.btn_reject.setEnabled(False)
        run_op(self, lambda: decide_district_change(ctx, request_id=item.id, expected_version=item.row_version,
                                                    approve=approve, reason=reason),
               self._on_decided, self._on_decide_failed, writes=True)

    def _on_decided(self, item: DistrictChangeItem) -> None:
        verb = self.tr("disetujui") if item.status == "DISETUJUI" else self.tr("ditolak")
        self.lbl_message.setText(self.tr("Permintaan {number} {verb}. Keputusan dikirim ke {village} dalam paket "
                                         "balasan berikutnya.").format(number=item.number, verb=verb,
                                                                       village=item.village_name))
        self.edt_note.clear()
        self.decided.emit(item.number)
        self.refresh()

    def _on_decide_failed(self, error: BaseException) -> None:
        self._update_buttons()
        if isinstance(error, PuskesosError):
            self.lbl_message.setText(error.message)
            self.refresh()  # a stale version: show the request as it is now
        else:
            show_error(self, error)

    # --- slots ---------------------------------------------------------------------------------------------------

    def _on_filter_changed(self) -> None:
        self._offset = 0
        self.refresh()

    def _on_btn_refresh_clicked(self) -> None:
        self.refresh()

    def _on_btn_previous_clicked(self) -> None:
        self._offset = max(0, self._offset - PAGE_SIZE)
        self.refresh()

    def _on_btn_next_clicked(self) -> None:
        self._offset += PAGE_SIZE
        self.refresh()

    def _on_selection_changed(self) -> None:
        self._show_details(self.selected())

    def _on_btn_approve_clicked(self) -> None:
        item = self.selected()
        if item is not None:
            self.decide(item, approve=True, reason=self.edt_note.text())

    def _on_btn_reject_clicked(self) -> None:
        item = self.selected()
        if item is None:
            return
        reason = self.ask_reject_reason(item)
        if reason:
            self.decide(item, approve=False, reason=reason)
