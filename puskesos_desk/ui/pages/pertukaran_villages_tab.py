"""Desa (at a district site): every trusted village with its last package, the packages still missing — "paket
ke-7 belum diterima" — and how long it has been silent. Loaded off the GUI thread whenever shown after a change."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.villages import VillageStatus
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.villages import village_list
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.models.villages_model import VillagesTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table


class VillagesTab(QWidget):
    loaded = Signal()  # the list was (re)loaded (tests wait on it)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._generation = 0
        self.villages: list[VillageStatus] = []

        # Widgets
        self.lbl_summary = QLabel(self.tr("Memuat daftar desa…"))
        self.lbl_summary.setWordWrap(True)
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.btn_refresh.setAutoDefault(False)
        self.model = VillagesTableModel(self)
        self.tbl_villages, self.proxy = record_table(self.model, accessible_name=self.tr("Desa tepercaya"),
                                                     stretch_column=VillagesTableModel.COL_GAPS,
                                                     max_column_width=260, object_name="tbl_villages")
        self.tbl_villages.sortByColumn(VillagesTableModel.COL_CODE, Qt.SortOrder.AscendingOrder)
        self.lbl_hint = QLabel(self.tr("Baris berwarna: ada paket dari desa itu yang belum diterima. Minta desa "
                                       "mengirim ulang paket yang tertinggal; data di dalamnya tetap diterapkan saat "
                                       "paket itu diimpor."))
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)

        # Signals
        self.btn_refresh.clicked.connect(self._on_btn_refresh_clicked)

        # Assemble
        top = QHBoxLayout()
        top.addWidget(self.lbl_summary, 1)
        top.addWidget(self.btn_refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tbl_villages, 1)
        layout.addWidget(self.lbl_hint)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        generation, ctx = self._generation, self.ctx
        run_op(self, lambda: village_list(ctx), lambda rows: self._on_loaded(generation, rows),
               lambda error: self._on_load_failed(generation, error))

    def _on_btn_refresh_clicked(self) -> None:
        self.refresh()

    def _on_loaded(self, generation: int, villages: list[VillageStatus]) -> None:
        if generation != self._generation:
            return
        self.villages = villages
        self.model.set_rows(villages)
        with_gaps = sum(1 for v in villages if v.has_gaps)
        silent = sum(1 for v in villages if v.last_sequence is None)
        if not villages:
            self.lbl_summary.setText(self.tr("Belum ada desa tepercaya. Percayai kartu situs desa di Pengaturan → "
                                             "Situs tepercaya."))
        else:
            self.lbl_summary.setText(self.tr("{n} desa tepercaya · {gaps} dengan paket yang belum diterima · "
                                             "{silent} belum pernah mengirim paket").format(
                n=len(villages), gaps=with_gaps, silent=silent))
        self.loaded.emit()

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.set_rows([])
        if isinstance(error, PuskesosError):
            self.lbl_summary.setText(self.tr("Daftar desa tidak dapat dimuat: {reason}").format(reason=error.message))
        else:
            self.lbl_summary.setText(self.tr("Daftar desa tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self.loaded.emit()
