"""The choices of the Laporan page: which report, for which month or day, which village (at a district), on which
paper, and whether NIK numbers are written in full. `request()` turns them into a ReportRequest.

At a kabupaten/kota site the village list comes from the consolidated data (villages that hold data here or are
trusted); it is loaded off the GUI thread when the form is first shown and again after a package arrived.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QShowEvent, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QLabel, QWidget

from puskesos_desk.domain.consolidated import Choice
from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import SiteInfo
from puskesos_desk.domain.reports import ReportKind, ReportMonth, ReportRequest
from puskesos_desk.services.consolidated import filter_choices
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.laporan_choices import (
    UNMASKABLE_KINDS,
    kind_description,
    kind_label,
    kind_refusal,
    month_label,
    months_offered,
)


class ReportForm(QWidget):
    """`changed()` when the kind changes (what may be asked changes with it); `villages_loaded(n)` when the
    district's village list arrived; `villages_failed(error)` when it could not be read."""

    changed = Signal()
    villages_loaded = Signal(int)
    villages_failed = Signal(object)

    def __init__(self, ctx: ServiceContext, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._may_unmask = ctx.actor.can(Permission.UNMASK_ID)
        # An account without VIEW_REPORTS (Admin) sees the page but may not read the villages either.
        self._villages_stale = site.role is SiteRole.KABUPATEN and ctx.actor.can(Permission.VIEW_REPORTS)
        self._busy = False

        # Widgets
        self.cmb_kind = QComboBox()
        self.cmb_kind.setObjectName("cmb_kind")
        self.cmb_kind.setAccessibleName(self.tr("Jenis laporan"))
        self._fill_kinds()
        self.lbl_kind_hint = QLabel("")
        self.lbl_kind_hint.setObjectName("lbl_hint")
        self.lbl_kind_hint.setWordWrap(True)
        self.lbl_kind_hint.setMinimumWidth(520)
        self.cmb_month = QComboBox()
        self.cmb_month.setObjectName("cmb_month")
        self.cmb_month.setAccessibleName(self.tr("Bulan laporan"))
        for month in months_offered(ctx.today()):
            self.cmb_month.addItem(month_label(month), month.key)
        self.dte_day = QDateEdit()
        self.dte_day.setObjectName("dte_day")
        self.dte_day.setAccessibleName(self.tr("Tanggal daftar tugas"))
        self.dte_day.setCalendarPopup(True)
        self.dte_day.setDisplayFormat("dd/MM/yyyy")
        self.dte_day.setDate(QDate(ctx.today()))
        self.cmb_village: QComboBox | None = None
        if site.role is SiteRole.KABUPATEN:
            self.cmb_village = QComboBox()
            self.cmb_village.setObjectName("cmb_village")
            self.cmb_village.setAccessibleName(self.tr("Desa/kelurahan"))
            self.cmb_village.setMinimumContentsLength(32)
            self.cmb_village.addItem(self.tr("Semua desa"), "")
        self.cmb_paper = QComboBox()
        self.cmb_paper.setObjectName("cmb_paper")
        self.cmb_paper.setAccessibleName(self.tr("Ukuran kertas PDF"))
        self.cmb_paper.addItem(self.tr("F4 / Folio (215 × 330 mm)"), Paper.F4.value)
        self.cmb_paper.addItem(self.tr("A4 (210 × 297 mm)"), Paper.A4.value)
        self.chk_unmask = QCheckBox(self.tr("Tampilkan NIK lengkap"))
        self.chk_unmask.setObjectName("chk_unmask")

        # Signals
        self.cmb_kind.currentIndexChanged.connect(self._on_cmb_kind_current_index_changed)

        # Assemble
        self.frm_choices = QFormLayout(self)
        self.frm_choices.setContentsMargins(0, 0, 0, 0)
        self.frm_choices.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.frm_choices.addRow(self.tr("&Jenis laporan"), self.cmb_kind)
        self.frm_choices.addRow("", self.lbl_kind_hint)
        self.frm_choices.addRow(self.tr("&Bulan"), self.cmb_month)
        self.frm_choices.addRow(self.tr("&Tanggal"), self.dte_day)
        if self.cmb_village is not None:
            self.frm_choices.addRow(self.tr("&Desa/kelurahan"), self.cmb_village)
        self.frm_choices.addRow(self.tr("&Kertas PDF"), self.cmb_paper)
        self.frm_choices.addRow("", self.chk_unmask)
        self._update_controls()

    def _fill_kinds(self) -> None:
        """Every kind; the ones this account may not make are greyed out, with the reason as a tooltip."""
        model = self.cmb_kind.model()
        assert isinstance(model, QStandardItemModel)
        for kind in ReportKind:
            self.cmb_kind.addItem(kind_label(kind), kind.value)
            refusal = kind_refusal(self.ctx.actor, kind)
            item = model.item(self.cmb_kind.count() - 1)
            item.setToolTip(refusal or kind_description(kind))
            if refusal is not None:
                item.setEnabled(False)

    # --- what is chosen --------------------------------------------------------------------------------------------

    def kind(self) -> ReportKind:
        return ReportKind(self.cmb_kind.currentData())

    def paper(self) -> Paper:
        return Paper(self.cmb_paper.currentData())

    def allowed(self) -> bool:
        return kind_refusal(self.ctx.actor, self.kind()) is None

    def request(self) -> ReportRequest:
        kind = self.kind()
        day = self.dte_day.date().toPython() if kind is ReportKind.HARIAN else None
        month = ReportMonth.of(day) if day is not None else ReportMonth.parse(str(self.cmb_month.currentData()))
        village = str(self.cmb_village.currentData() or "") if self.cmb_village is not None else ""
        unmask = self.chk_unmask.isEnabled() and self.chk_unmask.isChecked()
        return ReportRequest(kind=kind, month=month, village_code=village, day=day, unmask=unmask)

    def set_busy(self, busy: bool) -> None:
        """While a report is being made the choices stay as they were."""
        self._busy = busy
        self._update_controls()

    def _update_controls(self) -> None:
        kind = self.kind()
        self.lbl_kind_hint.setText(kind_description(kind))
        self.frm_choices.setRowVisible(self.cmb_month, kind is not ReportKind.HARIAN)
        self.frm_choices.setRowVisible(self.dte_day, kind is ReportKind.HARIAN)
        unmaskable = kind in UNMASKABLE_KINDS
        self.chk_unmask.setEnabled(self._may_unmask and unmaskable and not self._busy)
        if not self._may_unmask:
            self.chk_unmask.setToolTip(self.tr("Hanya Koordinator dan Manajer SLRT yang dapat melihat NIK lengkap."))
        elif not unmaskable:
            self.chk_unmask.setToolTip(self.tr("NIK lengkap hanya dapat diminta untuk register layanan (BNBA)."))
        else:
            self.chk_unmask.setToolTip(self.tr("NIK dan No. KK ditulis lengkap; pembuatan laporan dicatat."))
        for widget in (self.cmb_kind, self.cmb_month, self.dte_day, self.cmb_paper, self.cmb_village):
            if widget is not None:
                widget.setEnabled(not self._busy)

    def _on_cmb_kind_current_index_changed(self, _index: int) -> None:
        self._update_controls()
        self.changed.emit()

    # --- the district's villages -----------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._villages_stale:
            QTimer.singleShot(0, self, self.refresh)

    def mark_stale(self) -> None:
        """A package arrived: another village may hold data now. Reload now when visible, else when next shown."""
        self._villages_stale = self.cmb_village is not None and self.ctx.actor.can(Permission.VIEW_REPORTS)
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self.cmb_village is None or not self._villages_stale:
            return
        self._villages_stale = False
        ctx = self.ctx
        run_op(self, lambda: filter_choices(ctx).villages, self._on_villages_ready, self._on_villages_failed)

    def _on_villages_ready(self, villages: tuple[Choice, ...]) -> None:
        combo = self.cmb_village
        assert combo is not None
        chosen = combo.currentData()
        combo.clear()
        combo.addItem(self.tr("Semua desa"), "")
        for choice in villages:
            combo.addItem(self.tr("{name} ({code})").format(name=choice.name, code=choice.code), choice.code)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        self.villages_loaded.emit(len(villages))

    def _on_villages_failed(self, error: BaseException) -> None:
        self._villages_stale = True
        self.villages_failed.emit(error)
