"""Kabupaten → "Data desa": persons, households, visits, complaints, needs, DTSEN proposals and referrals of every
village in one list, narrowed by village, kecamatan, programme, category, urgency, status and period.

A district holds about a million persons, so the list is read 200 rows at a time (Sebelumnya / Berikutnya) and
the total comes from its own count query; both run off the GUI thread. Filters a kind has no meaning for are
disabled rather than hidden, so the bar does not jump about when the kind changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QModelIndex, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.consolidated import (
    PAGE_SIZE,
    Choice,
    FilterChoices,
    FilterField,
    RecordFilter,
    RecordKind,
    RecordPage,
)
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.services.consolidated import filter_choices, record_page
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_number
from puskesos_desk.ui.models.consolidated_model import ConsolidatedTableModel, code_label
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table

_CTX = "KabupatenDataTab"
FILTER_DELAY_MS = 300
MAX_COLUMN_WIDTH = 280
NO_DATE = QDate(2000, 1, 1)  # the QDateEdit minimum, shown as "semua waktu": no limit on that side

KINDS: tuple[tuple[RecordKind, str], ...] = (
    (RecordKind.PERSONS, QT_TRANSLATE_NOOP("KabupatenDataTab", "Warga")),
    (RecordKind.HOUSEHOLDS, QT_TRANSLATE_NOOP("KabupatenDataTab", "Keluarga")),
    (RecordKind.VISITS, QT_TRANSLATE_NOOP("KabupatenDataTab", "Kunjungan")),
    (RecordKind.COMPLAINTS, QT_TRANSLATE_NOOP("KabupatenDataTab", "Keluhan")),
    (RecordKind.NEEDS, QT_TRANSLATE_NOOP("KabupatenDataTab", "Kebutuhan")),
    (RecordKind.PROPOSALS, QT_TRANSLATE_NOOP("KabupatenDataTab", "Usulan DTSEN")),
    (RecordKind.REFERRALS, QT_TRANSLATE_NOOP("KabupatenDataTab", "Rujukan")),
)


@dataclass(frozen=True)
class _Loaded:
    page: RecordPage
    choices: FilterChoices | None


class KabupatenDataTab(QWidget):
    household_requested = Signal(str)  # a household id: the officer double-clicked one of its rows
    loaded = Signal()  # a page (or its failure) was shown (tests wait on it)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        self._generation = 0
        self._offset = 0
        self._choices: FilterChoices | None = None
        self._filling = False  # combos are being refilled: their signals are not the officer's
        self.page: RecordPage | None = None

        # Widgets
        self.cmb_kind = self._combo("cmb_kind", self.tr("Jenis data"))
        for kind, name in KINDS:
            self.cmb_kind.addItem(QCoreApplication.translate(_CTX, name), kind.value)
        self.cmb_village = self._combo("cmb_village", self.tr("Desa/kelurahan"))
        self.cmb_kecamatan = self._combo("cmb_kecamatan", self.tr("Kecamatan"))
        self.cmb_program = self._combo("cmb_program", self.tr("Program"))
        self.cmb_category = self._combo("cmb_category", self.tr("Kategori"))
        self.cmb_urgency = self._combo("cmb_urgency", self.tr("Urgensi"))
        self.cmb_status = self._combo("cmb_status", self.tr("Status"))
        self.dte_from = self._date_edit("dte_from", self.tr("Periode dari"))
        self.dte_to = self._date_edit("dte_to", self.tr("Periode sampai"))
        self.edt_text = QLineEdit()
        self.edt_text.setObjectName("edt_text")
        self.edt_text.setPlaceholderText(self.tr("Cari nama atau nomor keluarga"))
        self.edt_text.setAccessibleName(self.tr("Cari nama"))
        self.edt_text.setClearButtonEnabled(True)
        self.btn_reset = QPushButton(self.tr("Hapus saringan"))
        self.btn_reset.setObjectName("btn_reset")
        self.btn_reset.setAutoDefault(False)
        self.model = ConsolidatedTableModel(self)
        self.tbl_records, self.proxy = record_table(self.model, accessible_name=self.tr("Data gabungan desa"),
                                                    stretch_column=ConsolidatedTableModel.COL_VILLAGE,
                                                    max_column_width=MAX_COLUMN_WIDTH, object_name="tbl_records")
        # The table shows one page of a server-side order; sorting the page alone would mislead.
        self.tbl_records.setSortingEnabled(False)
        self.lbl_count = QLabel(self.tr("Memuat…"))
        self.lbl_count.setObjectName("lbl_count")
        self.lbl_count.setWordWrap(True)
        self.btn_previous = QPushButton(self.tr("Sebelumnya"))
        self.btn_previous.setObjectName("btn_previous")
        self.btn_previous.setAutoDefault(False)
        self.btn_next = QPushButton(self.tr("Berikutnya"))
        self.btn_next.setObjectName("btn_next")
        self.btn_next.setAutoDefault(False)
        self.tmr_filter = QTimer(self)
        self.tmr_filter.setSingleShot(True)
        self.tmr_filter.setInterval(FILTER_DELAY_MS)

        # Signals
        self.cmb_kind.currentIndexChanged.connect(self._on_cmb_kind_current_index_changed)
        for combo in (self.cmb_village, self.cmb_kecamatan, self.cmb_program, self.cmb_category, self.cmb_urgency,
                      self.cmb_status):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.dte_from.dateChanged.connect(self._on_filter_changed)
        self.dte_to.dateChanged.connect(self._on_filter_changed)
        self.edt_text.textChanged.connect(self._on_filter_changed)
        self.btn_reset.clicked.connect(self._on_btn_reset_clicked)
        self.btn_previous.clicked.connect(self._on_btn_previous_clicked)
        self.btn_next.clicked.connect(self._on_btn_next_clicked)
        self.tmr_filter.timeout.connect(self._on_tmr_filter_timeout)
        self.tbl_records.doubleClicked.connect(self._on_tbl_records_double_clicked)

        # Assemble
        bar = QGridLayout()
        fields = ((self.tr("Data"), self.cmb_kind), (self.tr("Desa"), self.cmb_village),
                  (self.tr("Kecamatan"), self.cmb_kecamatan), (self.tr("Program"), self.cmb_program),
                  (self.tr("Kategori"), self.cmb_category), (self.tr("Urgensi"), self.cmb_urgency),
                  (self.tr("Status"), self.cmb_status), (self.tr("Dari"), self.dte_from),
                  (self.tr("Sampai"), self.dte_to))
        for index, (label, widget) in enumerate(fields):
            row, column = divmod(index, 5)
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption, row * 2, column)
            bar.addWidget(widget, row * 2 + 1, column)
        bar.addWidget(self.edt_text, 3, 4)
        paging = QHBoxLayout()
        paging.addWidget(self.lbl_count, 1)
        paging.addWidget(self.btn_reset)
        paging.addWidget(self.btn_previous)
        paging.addWidget(self.btn_next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tbl_records, 1)
        layout.addLayout(paging)
        self._apply_kind()

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setMinimumContentsLength(10)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("semua waktu"))
        edit.setDate(NO_DATE)
        return edit

    # --- the filter -----------------------------------------------------------------------------------------------

    def kind(self) -> RecordKind:
        return RecordKind(self.cmb_kind.currentData())

    def set_kind(self, kind: RecordKind) -> None:
        self.cmb_kind.setCurrentIndex(self.cmb_kind.findData(kind.value))

    @staticmethod
    def _date(edit: QDateEdit) -> date | None:
        value = edit.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())

    def current_filter(self) -> RecordFilter:
        kind = self.kind()
        return RecordFilter(
            kind=kind, village_code=self.cmb_village.currentData() or "",
            kecamatan_code=self.cmb_kecamatan.currentData() or "",
            program_code=self.cmb_program.currentData() or "", category_code=self.cmb_category.currentData() or "",
            urgency=self.cmb_urgency.currentData() or "", status=self.cmb_status.currentData() or "",
            period_from=self._date(self.dte_from), period_to=self._date(self.dte_to), text=self.edt_text.text(),
        )

    def _fill(self, combo: QComboBox, all_text: str, choices: tuple[Choice, ...], *, show_code: bool = False) -> None:
        """Refill, keeping the chosen code when it is still offered."""
        kept = combo.currentData() or ""
        combo.clear()
        combo.addItem(all_text, "")
        for choice in choices:
            combo.addItem(f"{choice.name} ({choice.code})" if show_code else choice.name, choice.code)
        combo.setCurrentIndex(max(0, combo.findData(kept)))

    def _fill_choices(self) -> None:
        choices = self._choices
        if choices is None:
            return
        kind = self.kind()
        self._filling = True
        try:
            self._fill(self.cmb_village, self.tr("Semua desa"), choices.villages, show_code=True)
            self._fill(self.cmb_kecamatan, self.tr("Semua kecamatan"), choices.kecamatan, show_code=True)
            self._fill(self.cmb_program, self.tr("Semua program"), choices.programs)
            self._fill(self.cmb_category, self.tr("Semua kategori"), choices.categories.get(kind, ()))
            self._fill(self.cmb_urgency, self.tr("Semua urgensi"),
                       tuple(Choice(u, code_label(u)) for u in choices.urgencies))
            self._fill(self.cmb_status, self.tr("Semua status"),
                       tuple(Choice(s, code_label(s)) for s in choices.statuses.get(kind, ())))
        finally:
            self._filling = False

    def _apply_kind(self) -> None:
        flt = RecordFilter(kind=self.kind())
        for which, widget in ((FilterField.PROGRAM, self.cmb_program), (FilterField.CATEGORY, self.cmb_category),
                              (FilterField.URGENCY, self.cmb_urgency), (FilterField.STATUS, self.cmb_status),
                              (FilterField.PERIOD, self.dte_from), (FilterField.PERIOD, self.dte_to),
                              (FilterField.TEXT, self.edt_text)):
            widget.setEnabled(flt.uses(which))

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

    def refresh(self) -> None:
        """Reload the filter choices (villages may have sent their first package) and the current page."""
        self._load(with_choices=True)

    def _load(self, *, with_choices: bool = False) -> None:
        self._stale = False
        self.tmr_filter.stop()
        self._generation += 1
        generation, ctx, offset = self._generation, self.ctx, self._offset
        flt = self.current_filter()
        self.lbl_count.setText(self.tr("Memuat…"))
        self.btn_previous.setEnabled(False)
        self.btn_next.setEnabled(False)

        def work() -> _Loaded:
            choices = filter_choices(ctx) if with_choices else None
            return _Loaded(page=record_page(ctx, flt, offset=offset, limit=PAGE_SIZE), choices=choices)

        run_op(self, work, lambda loaded: self._on_loaded(generation, loaded),
               lambda error: self._on_load_failed(generation, error))

    def _on_loaded(self, generation: int, loaded: _Loaded) -> None:
        if generation != self._generation:
            return
        if loaded.choices is not None:
            self._choices = loaded.choices
            self._fill_choices()
        page = loaded.page
        self.page = page
        self.model.set_page(page.kind, list(page.rows))
        total = page.total or 0
        if not page.rows:
            self.lbl_count.setText(self.tr("{count} data").format(count=format_number(total)))
        else:
            self.lbl_count.setText(self.tr("{count} data · baris {first}–{last}").format(
                count=format_number(total), first=format_number(page.offset + 1),
                last=format_number(page.offset + len(page.rows))))
        self.btn_previous.setEnabled(page.has_previous)
        self.btn_next.setEnabled(page.has_next)
        self.loaded.emit()

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.set_page(self.kind(), [])
        self.page = None
        if isinstance(error, PuskesosError):
            self.lbl_count.setText(self.tr("Data tidak dapat dimuat: {reason}").format(reason=error.message))
        else:
            self.lbl_count.setText(self.tr("Data tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self.loaded.emit()

    # --- slots ----------------------------------------------------------------------------------------------------

    def _on_cmb_kind_current_index_changed(self, _index: int) -> None:
        self._fill_choices()  # categories and statuses belong to the kind
        self._apply_kind()
        self._offset = 0
        self._load()

    def _on_filter_changed(self, *_args: object) -> None:
        if self._filling:
            return
        self._offset = 0
        self.tmr_filter.start()

    def _on_tmr_filter_timeout(self) -> None:
        self._load()

    def _on_btn_reset_clicked(self) -> None:
        self._filling = True
        try:
            for combo in (self.cmb_village, self.cmb_kecamatan, self.cmb_program, self.cmb_category,
                          self.cmb_urgency, self.cmb_status):
                combo.setCurrentIndex(0)
            self.dte_from.setDate(NO_DATE)
            self.dte_to.setDate(NO_DATE)
            self.edt_text.clear()
        finally:
            self._filling = False
        self._offset = 0
        self._load()

    def _on_btn_previous_clicked(self) -> None:
        self._offset = max(0, self._offset - PAGE_SIZE)
        self._load()

    def _on_btn_next_clicked(self) -> None:
        if self.page is not None and self.page.has_next:
            self._offset += PAGE_SIZE
            self._load()

    def _on_tbl_records_double_clicked(self, index: QModelIndex) -> None:
        record = self.proxy.data(index, ROW_ROLE)
        if record is not None and record.household_id:
            self.household_requested.emit(record.household_id)
