"""Data Ganda (district): persons of two villages who are likely one person — the same NIK, or the same name and
birth date — side by side, to merge (keep left or keep right) or to mark as two different people. The left side is
the suggested survivor (the record changed most recently). Until decided, both keep getting service."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.duplicates import Candidate, PersonSide
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services import duplicates
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_long
from puskesos_desk.ui.models.duplicates_model import DuplicatesTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table

PAGE_SIZE = 100


class KabupatenDuplicatesTab(QWidget):
    loaded = Signal()  # the page of pairs was (re)loaded (tests wait on it)
    decided = Signal(object)  # duplicates.Decision, after it is stored

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self.offset = 0
        self.total = 0
        self._can_decide = ctx.actor.can(Permission.MERGE_PERSONS)

        # Widgets
        self.lbl_summary = QLabel(self.tr("Memuat kemungkinan data ganda…"))
        self.lbl_summary.setObjectName("lbl_summary")
        self.lbl_summary.setWordWrap(True)
        self.btn_prev = QPushButton(self.tr("‹ Sebelumnya"))
        self.btn_prev.setObjectName("btn_prev")
        self.btn_next = QPushButton(self.tr("Berikutnya ›"))
        self.btn_next.setObjectName("btn_next")
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.btn_refresh.setObjectName("btn_refresh")
        for button in (self.btn_prev, self.btn_next, self.btn_refresh):
            button.setAutoDefault(False)
        self.model = DuplicatesTableModel(self)
        self.tbl_duplicates, self.proxy = record_table(
            self.model, accessible_name=self.tr("Kemungkinan data ganda antar desa"),
            stretch_column=DuplicatesTableModel.COL_RIGHT_HOUSEHOLD, max_column_width=220,
            object_name="tbl_duplicates")
        self.lbl_details = QLabel(self.tr("Pilih satu pasangan untuk melihat rinciannya."))
        self.lbl_details.setObjectName("lbl_details")
        self.lbl_details.setWordWrap(True)
        self.lbl_details.setTextFormat(Qt.TextFormat.RichText)
        self.edt_reason = QLineEdit()
        self.edt_reason.setObjectName("edt_reason")
        self.edt_reason.setPlaceholderText(self.tr("Misalnya: dicek ke Dukcapil, orang yang sama pindah desa"))
        self.edt_reason.setMaxLength(duplicates.MAX_REASON)
        self.btn_merge_left = QPushButton(self.tr("Gabungkan, pertahankan kiri"))
        self.btn_merge_left.setObjectName("btn_merge_left")
        self.btn_merge_right = QPushButton(self.tr("Gabungkan, pertahankan kanan"))
        self.btn_merge_right.setObjectName("btn_merge_right")
        self.btn_not_duplicate = QPushButton(self.tr("Bukan duplikat"))
        self.btn_not_duplicate.setObjectName("btn_not_duplicate")
        self.lbl_hint = QLabel(self.tr("Keputusan penggabungan dikirim ke kedua desa dalam paket balasan berikutnya; "
                                       "desa yang memegang data ganda menghapusnya dan menunjuk ke data yang "
                                       "dipertahankan. Selama belum diputuskan, kedua data tetap dilayani."))
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)
        if not self._can_decide:
            self.lbl_hint.setText(self.tr("Hanya Manajer SLRT yang dapat memutuskan data ganda; Anda dapat "
                                          "melihat daftarnya."))

        # Signals
        self.btn_refresh.clicked.connect(self._on_btn_refresh_clicked)
        self.btn_prev.clicked.connect(self._on_btn_prev_clicked)
        self.btn_next.clicked.connect(self._on_btn_next_clicked)
        self.btn_merge_left.clicked.connect(self._on_btn_merge_left_clicked)
        self.btn_merge_right.clicked.connect(self._on_btn_merge_right_clicked)
        self.btn_not_duplicate.clicked.connect(self._on_btn_not_duplicate_clicked)
        self.tbl_duplicates.selectionModel().selectionChanged.connect(self._on_tbl_duplicates_selection_changed)

        # Assemble
        top = QHBoxLayout()
        top.addWidget(self.lbl_summary, 1)
        top.addWidget(self.btn_prev)
        top.addWidget(self.btn_next)
        top.addWidget(self.btn_refresh)
        form = QFormLayout()
        caption = QLabel(self.tr("&Alasan keputusan"))
        caption.setBuddy(self.edt_reason)
        form.addRow(caption, self.edt_reason)
        actions = QHBoxLayout()
        actions.addWidget(self.btn_merge_left)
        actions.addWidget(self.btn_merge_right)
        actions.addWidget(self.btn_not_duplicate)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tbl_duplicates, 1)
        layout.addWidget(self.lbl_details)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.lbl_hint)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation, ctx, offset = self._generation, self.ctx, self.offset
        run_op(self, lambda: duplicates.list_candidates(ctx, limit=PAGE_SIZE, offset=offset),
               lambda page: self._on_loaded(generation, page), lambda error: self._on_load_failed(generation, error))

    def _on_loaded(self, generation: int, page: duplicates.CandidatePage) -> None:
        if generation != self._generation:
            return
        if not page.candidates and page.total and self.offset:  # the last page emptied by decisions: step back
            self.offset = max(0, self.offset - PAGE_SIZE)
            self.refresh()
            return
        self.total = page.total
        self.model.set_rows(page.candidates)
        if not page.total:
            self.lbl_summary.setText(self.tr("Tidak ada kemungkinan data ganda antar desa yang menunggu keputusan."))
        else:
            self.lbl_summary.setText(self.tr("{total} pasangan menunggu keputusan · ditampilkan {first}–{last}").format(
                total=page.total, first=self.offset + 1, last=self.offset + len(page.candidates)))
        self._show_details(None)
        self._update_buttons()
        self.loaded.emit()

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.set_rows([])
        self._update_buttons()
        if isinstance(error, PuskesosError):
            self.lbl_summary.setText(self.tr("Daftar data ganda tidak dapat dimuat: {reason}").format(
                reason=error.message))
        else:
            self.lbl_summary.setText(self.tr("Daftar data ganda tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self.loaded.emit()

    def _on_btn_refresh_clicked(self) -> None:
        self.refresh()

    def _on_btn_prev_clicked(self) -> None:
        self.offset = max(0, self.offset - PAGE_SIZE)
        self.refresh()

    def _on_btn_next_clicked(self) -> None:
        self.offset += PAGE_SIZE
        self.refresh()

    # --- the selected pair -----------------------------------------------------------------------------------------

    def selected(self) -> Candidate | None:
        rows = self.tbl_duplicates.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.record(self.proxy.mapToSource(rows[0]).row())

    def _on_tbl_duplicates_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_details(self.selected())
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None and self._can_decide
        for button in (self.btn_merge_left, self.btn_merge_right, self.btn_not_duplicate):
            button.setEnabled(chosen)
        self.edt_reason.setEnabled(self._can_decide)
        self.btn_prev.setEnabled(self.offset > 0)
        self.btn_next.setEnabled(self.offset + PAGE_SIZE < self.total)

    def _show_details(self, candidate: Candidate | None) -> None:
        if candidate is None:
            self.lbl_details.setText(escape(self.tr("Pilih satu pasangan untuk melihat rinciannya.")))
            return
        match = escape(self.model.match_name(candidate.match))
        left = escape(self.tr("Kiri (disarankan dipertahankan)"))
        right = escape(self.tr("Kanan"))
        self.lbl_details.setText(
            f"<b>{match}</b><table cellspacing='8'><tr><td valign='top'><b>{left}</b><br>"
            f"{self._side_html(candidate.left)}</td><td valign='top'><b>{right}</b><br>"
            f"{self._side_html(candidate.right)}</td></tr></table>")

    def _side_html(self, side: PersonSide) -> str:
        born = format_date_long(side.birth_date) if side.birth_date else "-"
        lines = (side.name, self.tr("NIK {nik}").format(nik=side.nik_masked or "-"),
                 self.tr("Lahir {date}").format(date=born),
                 self.tr("Desa {village} ({code})").format(village=side.village_name, code=side.village_code),
                 self.tr("No. keluarga {number}").format(number=side.household_number or "-"))
        return "<br>".join(escape(line) for line in lines)

    # --- deciding --------------------------------------------------------------------------------------------------

    def _on_btn_merge_left_clicked(self) -> None:
        candidate = self.selected()
        if candidate is not None:
            self._merge(candidate.left, candidate.right)

    def _on_btn_merge_right_clicked(self) -> None:
        candidate = self.selected()
        if candidate is not None:
            self._merge(candidate.right, candidate.left)

    def _merge(self, survivor: PersonSide, duplicate: PersonSide) -> None:
        answer = QMessageBox.question(
            self, self.tr("Gabungkan data warga"),
            self.tr("Data {duplicate} dari {duplicate_village} digabung ke data {survivor} dari {survivor_village}."
                    "\n\nKeputusan ini dikirim ke kedua desa; desa {duplicate_village} akan menghapus data gandanya. "
                    "Lanjutkan?").format(duplicate=duplicate.name, duplicate_village=duplicate.village_name,
                                         survivor=survivor.name, survivor_village=survivor.village_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx, reason = self.ctx, self.edt_reason.text()
        run_op(self, lambda: duplicates.merge(ctx, survivor_id=survivor.person_id, duplicate_id=duplicate.person_id,
                                              reason=reason), self._on_decided, writes=True)

    def _on_btn_not_duplicate_clicked(self) -> None:
        candidate = self.selected()
        if candidate is None:
            return
        reason = self.edt_reason.text().strip()
        if not reason:
            reason, accepted = QInputDialog.getText(
                self, self.tr("Bukan duplikat"),
                self.tr("Mengapa {left} dan {right} orang yang berbeda?").format(left=candidate.left.name,
                                                                                  right=candidate.right.name))
            if not accepted or not reason.strip():
                return
        ctx, left, right = self.ctx, candidate.left.person_id, candidate.right.person_id
        run_op(self, lambda: duplicates.not_duplicate(ctx, left, right, reason=reason), self._on_decided,
               writes=True)

    def _on_decided(self, decision: duplicates.Decision) -> None:
        self.edt_reason.clear()
        self.decided.emit(decision)
        self.refresh()
