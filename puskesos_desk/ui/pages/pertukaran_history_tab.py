"""Riwayat & Konflik: the packages made and applied here, and the incoming rows waiting for a decision.

Rows changed on both sides (KONFLIK) are decided in a signed decision workbook made here and imported, once
answered, in tab Terima; rows edited outside the application (DIUBAH) are accepted by importing their package again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.exchange_records import LedgerEntry, ParkedRow
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import SiteInfo
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_queries import recent_packages, waiting_counts, waiting_rows
from puskesos_desk.services.trust import trusted_sites
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_number
from puskesos_desk.ui.models.exchange_history_model import PackagesTableModel, WaitingTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.pertukaran_export_tab import documents_folder, exchange_service, with_xlsx_suffix
from puskesos_desk.ui.widgets.record_table import record_table


@dataclass(frozen=True)
class History:
    packages: list[LedgerEntry] = field(default_factory=list)
    waiting: list[ParkedRow] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # site code → name (trusted sites and this site)


def load_history(ctx: ServiceContext, site: SiteInfo) -> History:
    """What the tab shows; each part only when the account may see it (the services check again)."""
    actor = ctx.actor
    packages = recent_packages(ctx) if actor.can(Permission.VIEW_CASES) else []
    may_decide = actor.can(Permission.IMPORT_DATA)
    waiting = waiting_rows(ctx) if may_decide else []
    counts = waiting_counts(ctx) if may_decide else {}
    names = {s.code: s.name for s in trusted_sites(ctx)} if actor.can(Permission.VIEW_AUDIT) else {}
    names[site.code] = site.name
    return History(packages, waiting, counts, names)


def write_conflicts(ctx: ServiceContext, out: Path) -> int:
    """services.exchange_conflicts.write_conflict_workbook, loaded on first use (on the worker)."""
    count: int = exchange_service("conflicts").write_conflict_workbook(ctx, out)
    return count


class HistoryTab(QWidget):
    loaded = Signal()
    conflicts_written = Signal(object, int)  # path, number of conflicts

    def __init__(self, ctx: ServiceContext, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.site = site
        self.history = History()
        self._stale = True
        self._loading = 0
        self._generation = 0
        self._writing = False

        # Widgets
        self.lbl_packages = QLabel(self.tr("Paket yang dibuat dan diterapkan di situs ini"))
        self.lbl_packages.setStyleSheet("font-weight: 600;")
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.btn_refresh.setAutoDefault(False)
        self.packages_model = PackagesTableModel(self)
        self.tbl_packages, self.packages_proxy = record_table(
            self.packages_model, accessible_name=self.tr("Riwayat paket"), stretch_column=PackagesTableModel.COL_FILE,
            max_column_width=260, object_name="tbl_packages")
        self.tbl_packages.sortByColumn(PackagesTableModel.COL_TIME, Qt.SortOrder.DescendingOrder)
        self.lbl_packages_empty = QLabel("")
        self.lbl_packages_empty.setObjectName("lbl_hint")
        self.lbl_packages_empty.setWordWrap(True)
        self.lbl_waiting = QLabel(self.tr("Baris yang menunggu keputusan"))
        self.lbl_waiting.setStyleSheet("font-weight: 600;")
        self.lbl_counts = QLabel("")
        self.lbl_counts.setWordWrap(True)
        self.waiting_model = WaitingTableModel(self)
        self.tbl_waiting, self.waiting_proxy = record_table(
            self.waiting_model, accessible_name=self.tr("Baris yang menunggu keputusan"),
            stretch_column=WaitingTableModel.COL_ID, max_column_width=280, object_name="tbl_waiting")
        self.tbl_waiting.sortByColumn(WaitingTableModel.COL_PARKED, Qt.SortOrder.AscendingOrder)
        self.btn_conflicts = QPushButton(self.tr("Buat lembar keputusan konflik…"))
        self.btn_conflicts.setAutoDefault(False)
        # One line under the button (a longer hint wrapped and was cut in the splitter's lower pane at 125 %
        # scaling); the rarer case is in the tooltip.
        self.lbl_conflict_hint = QLabel(self.tr(
            "Isi kolom PAKAI (PENGIRIM atau PENERIMA) untuk setiap baris, simpan, lalu impor lembar itu di tab "
            "Terima."))
        self.lbl_conflict_hint.setObjectName("lbl_hint")
        self.lbl_conflict_hint.setWordWrap(True)
        self.lbl_conflict_hint.setToolTip(self.tr(
            "Baris yang diubah di luar aplikasi diterapkan dengan mengimpor ulang paketnya di tab Terima dan "
            "mencentang \"Terapkan juga baris yang diubah di luar aplikasi\"."))
        self.btn_conflicts.setToolTip(self.lbl_conflict_hint.toolTip())
        self.lbl_notice = QLabel("")
        self.lbl_notice.setObjectName("lbl_hint")
        self.lbl_notice.setWordWrap(True)
        self.lbl_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_notice.setVisible(False)

        # Signals
        self.btn_refresh.clicked.connect(self._on_btn_refresh_clicked)
        self.btn_conflicts.clicked.connect(self._on_btn_conflicts_clicked)

        # Assemble
        top = QWidget()
        upper = QVBoxLayout(top)
        upper.setContentsMargins(0, 0, 0, 4)
        upper.setSpacing(6)
        heading = QHBoxLayout()
        heading.addWidget(self.lbl_packages, 1)
        heading.addWidget(self.btn_refresh)
        upper.addLayout(heading)
        upper.addWidget(self.tbl_packages, 1)
        upper.addWidget(self.lbl_packages_empty)
        bottom = QWidget()
        lower = QVBoxLayout(bottom)
        lower.setContentsMargins(0, 8, 0, 0)
        lower.setSpacing(6)
        lower.addWidget(self.lbl_waiting)
        lower.addWidget(self.lbl_counts)
        lower.addWidget(self.tbl_waiting, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.btn_conflicts)
        buttons.addStretch(1)
        lower.addLayout(buttons)
        lower.addWidget(self.lbl_conflict_hint)
        lower.addWidget(self.lbl_notice)
        self.spl_body = QSplitter(Qt.Orientation.Vertical)
        self.spl_body.setChildrenCollapsible(False)
        self.spl_body.addWidget(top)
        self.spl_body.addWidget(bottom)
        self.spl_body.setStretchFactor(0, 3)
        self.spl_body.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.spl_body, 1)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------------------------------

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

    def is_loading(self) -> bool:
        return self._loading > 0

    def refresh(self) -> None:
        self._stale = False
        self._generation += 1
        self._loading += 1
        generation = self._generation
        ctx, site = self.ctx, self.site
        run_op(self, lambda: load_history(ctx, site), lambda history: self._on_loaded(generation, history),
               lambda error: self._on_load_failed(generation, error))

    def _on_loaded(self, generation: int, history: History) -> None:
        self._loading -= 1
        if generation != self._generation:
            return
        self.history = history
        self.packages_model.names = history.names
        self.packages_model.set_rows(history.packages)
        self.waiting_model.packages = {entry.package_id: entry for entry in history.packages}
        self.waiting_model.set_rows(history.waiting)
        self._show_counts(history)
        self._update_buttons()
        self.loaded.emit()

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        self._loading -= 1
        if generation != self._generation:
            return
        self.history = History()
        self.packages_model.set_rows([])
        self.waiting_model.set_rows([])
        if isinstance(error, PuskesosError):
            self.lbl_packages_empty.setText(self.tr("Riwayat tidak dapat dimuat: {reason}").format(
                reason=error.message))
        else:
            self.lbl_packages_empty.setText(self.tr("Riwayat tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self.lbl_packages_empty.setVisible(True)
        self._update_buttons()
        self.loaded.emit()

    def _show_counts(self, history: History) -> None:
        if not self.ctx.actor.can(Permission.VIEW_CASES):
            empty = self.tr("Akun ini tidak berwenang melihat riwayat paket.")
        else:
            empty = self.tr("Belum ada paket yang dibuat atau diterapkan di situs ini.")
        self.lbl_packages_empty.setText(empty)
        self.lbl_packages_empty.setVisible(not history.packages)
        if not self.ctx.actor.can(Permission.IMPORT_DATA):
            self.lbl_counts.setText(self.tr("Akun ini tidak berwenang memutuskan baris yang menunggu."))
            return
        conflicts = history.counts.get("KONFLIK", 0)
        edited = history.counts.get("DIUBAH", 0)
        if not conflicts and not edited:
            self.lbl_counts.setText(self.tr("Tidak ada baris yang menunggu keputusan."))
            return
        self.lbl_counts.setText(self.tr("{conflicts} konflik (diubah di kedua situs) · {edited} diubah di luar "
                                        "aplikasi").format(conflicts=format_number(conflicts),
                                                           edited=format_number(edited)))

    def conflict_count(self) -> int:
        return self.history.counts.get("KONFLIK", 0)

    def _update_buttons(self) -> None:
        self.btn_conflicts.setEnabled(not self._writing and self.conflict_count() > 0
                                      and self.ctx.actor.can(Permission.IMPORT_DATA))

    def _on_btn_refresh_clicked(self) -> None:
        self.refresh()

    # --- the decision workbook -------------------------------------------------------------------------------------

    def choose_save_path(self, suggested: Path) -> str | None:
        """The save dialog (tests replace this)."""
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan lembar keputusan konflik"), str(suggested),
                                                    self.tr("Buku kerja Excel (*.xlsx)"))
        return path or None

    def _on_btn_conflicts_clicked(self) -> None:
        if self._writing:
            return
        day = self.ctx.today().strftime("%Y%m%d")
        chosen = self.choose_save_path(documents_folder() / f"konflik-{self.site.code}-{day}.xlsx")
        if not chosen:
            return
        path = with_xlsx_suffix(chosen)
        ctx = self.ctx
        self._writing = True
        self._update_buttons()
        run_op(self, lambda: write_conflicts(ctx, path), lambda n: self._on_conflicts_written(path, n),
               self._on_conflicts_failed)

    def _on_conflicts_written(self, path: Path, count: int) -> None:
        self._writing = False
        self._update_buttons()
        self._notify(self.tr("Lembar keputusan berisi %n konflik tersimpan: {path}", "", count).format(path=path))
        self.conflicts_written.emit(path, count)

    def _on_conflicts_failed(self, error: BaseException) -> None:
        self._writing = False
        self._update_buttons()
        if isinstance(error, PuskesosError):
            self._notify(error.message)
            return
        self._notify(self.tr("Lembar keputusan tidak dapat dibuat karena kesalahan sistem."))
        show_error(self, error)

    def _notify(self, text: str) -> None:
        self.lbl_notice.setText(text)
        self.lbl_notice.setVisible(bool(text))

    def waiting(self) -> Sequence[ParkedRow]:
        return self.waiting_model.rows()
