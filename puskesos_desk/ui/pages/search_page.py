"""Layanan home: the search-first desk.

One box for NIK, No. KK or name (Ctrl+F), optional RT/RW; results appear while typing (150 ms after the last key,
on a worker thread, stale answers dropped); Enter opens the first hit; the card beside the list confirms who it
is. Ctrl+N registers a new household; a person found only in the DTSEN extract can be registered from it. The
extract's date and age stand beside the status line (red once it is older than four months).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import FieldErrors, PuskesosError
from puskesos_desk.domain.records import HouseholdDraft
from puskesos_desk.domain.search import DeskHit, QueryKind, parse_query
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.desk_search import draft_from_register, refresh_desk_index, search_desk
from puskesos_desk.services.registration import RegistrationResult, register_household
from puskesos_desk.ui.dialogs.registration.choices import RegistrationChoices, load_choices
from puskesos_desk.ui.dialogs.registration_dialog import RegistrationDialog
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.models.search_results_model import SearchResultsTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.confirm_card import ConfirmCard
from puskesos_desk.ui.widgets.extract_age import ExtractAgeLabel
from puskesos_desk.ui.widgets.record_table import record_table

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150
RESULT_LIMIT = 50


class SearchPage(QWidget):
    """`household_opened(id)` when the officer opens a registered household (also right after registering one)."""

    household_opened = Signal(str)
    results_shown = Signal(int)  # number of hits now on screen (tests wait on it)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.registration_dialog: RegistrationDialog | None = None
        self._choices: RegistrationChoices | None = None
        self._seq = 0
        self._shown_for: tuple[str, str, str] | None = None
        self._open_when_ready = False
        self._warmed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)

        # Widgets
        self.lbl_title = QLabel(self.tr("Layanan"))
        self.lbl_title.setObjectName("lbl_title")
        self.edt_search = QLineEdit()
        self.edt_search.setPlaceholderText(self.tr("Ketik NIK, nomor KK, atau nama warga (Ctrl+F)"))
        self.edt_search.setAccessibleName(self.tr("Cari warga"))
        self.edt_search.setClearButtonEnabled(True)
        self.edt_rt = QLineEdit()
        self.edt_rt.setAccessibleName(self.tr("Saring RT"))
        self.edt_rw = QLineEdit()
        self.edt_rw.setAccessibleName(self.tr("Saring RW"))
        for small in (self.edt_rt, self.edt_rw):
            small.setMaxLength(3)
            small.setFixedWidth(64)
        self.btn_new = QPushButton(self.tr("Daftarkan keluarga baru (Ctrl+N)"))
        self.btn_new.setAutoDefault(False)
        self.lbl_status = QLabel(self.tr("Cari dulu sebelum mendaftarkan: warga mungkin sudah terdaftar."))
        self.lbl_status.setObjectName("lbl_hint")
        self.lbl_extract = ExtractAgeLabel(ctx)
        self.lbl_extract.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Both hints wrap: side by side on one line they need about 900 px, more than the page has at 125 %.
        for line in (self.lbl_status, self.lbl_extract):
            line.setWordWrap(True)
        self.model = SearchResultsTableModel(self)
        self.tbl_results, self.proxy = record_table(
            self.model, accessible_name=self.tr("Hasil pencarian"), stretch_column=SearchResultsTableModel.COL_NAME,
            word_wrap=True)
        self.tbl_results.sortByColumn(SearchResultsTableModel.COL_RANK, Qt.SortOrder.AscendingOrder)
        self.card = ConfirmCard()
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.shc_find = QShortcut(QKeySequence.StandardKey.Find, self, context=within)
        self.shc_new = QShortcut(QKeySequence.StandardKey.New, self, context=within)

        # Signals
        self.edt_search.textChanged.connect(self._on_query_changed)
        self.edt_rt.textChanged.connect(self._on_query_changed)
        self.edt_rw.textChanged.connect(self._on_query_changed)
        self.edt_search.returnPressed.connect(self._on_edt_search_return_pressed)
        self.edt_search.installEventFilter(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.tbl_results.activated.connect(self._on_tbl_results_activated)
        self.tbl_results.selectionModel().currentRowChanged.connect(self._on_tbl_results_current_row_changed)
        self.card.open_requested.connect(self._open_hit)
        self.card.register_requested.connect(self._open_hit)
        self.btn_new.clicked.connect(self._on_btn_new_clicked)
        self.shc_find.activated.connect(self.focus_search)
        self.shc_new.activated.connect(self._on_btn_new_clicked)

        # Assemble
        top = QHBoxLayout()
        top.addWidget(self.edt_search, 1)
        top.addWidget(QLabel(self.tr("RT")))
        top.addWidget(self.edt_rt)
        top.addWidget(QLabel(self.tr("RW")))
        top.addWidget(self.edt_rw)
        top.addSpacing(12)
        top.addWidget(self.btn_new)
        body = QHBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.tbl_results, 1)
        body.addWidget(self.card)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.lbl_title)
        layout.addLayout(top)
        status = QHBoxLayout()
        status.addWidget(self.lbl_status, 1)
        status.addWidget(self.lbl_extract)
        layout.addLayout(status)
        layout.addLayout(body, 1)
        self.setFocusProxy(self.edt_search)

    # --- public ---------------------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.edt_search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edt_search.selectAll()

    def results(self) -> list[DeskHit]:
        return [self.proxy.index(row, 0).data(ROW_ROLE) for row in range(self.proxy.rowCount())]

    def current_hit(self) -> DeskHit | None:
        index = self.tbl_results.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def open_registration(self, prefill: HouseholdDraft | None = None) -> None:
        """Open the registration dialog (loading its lists first, in the background, the first time)."""
        if self._choices is None:
            ctx = self.ctx
            run_op(self, lambda: load_choices(ctx), lambda choices: self._show_registration(choices, prefill))
        else:
            self._show_registration(self._choices, prefill)

    # --- searching ------------------------------------------------------------------------------------------

    def _query(self) -> tuple[str, str, str]:
        return self.edt_search.text(), self.edt_rt.text().strip(), self.edt_rw.text().strip()

    def _on_query_changed(self, _text: str) -> None:
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self._run_search()

    def _run_search(self) -> None:
        text, rt, rw = query = self._query()
        parsed = parse_query(text)
        self._seq += 1
        seq = self._seq
        if parsed.kind in (QueryKind.EMPTY, QueryKind.DIGITS_INCOMPLETE):
            self._show(seq, query, [])
            return
        ctx = self.ctx
        run_op(self, lambda: search_desk(ctx, text, rt=rt or None, rw=rw or None, limit=RESULT_LIMIT),
               lambda hits: self._show(seq, query, hits), lambda error: self._on_search_failed(seq, error))

    def _show(self, seq: int, query: tuple[str, str, str], hits: list[DeskHit]) -> None:
        if seq != self._seq:
            return  # an older answer arriving after a newer question
        self._shown_for = query
        self.model.set_rows(hits)
        parsed = parse_query(query[0])
        if parsed.kind is QueryKind.EMPTY:
            self.lbl_status.setText(self.tr("Cari dulu sebelum mendaftarkan: warga mungkin sudah terdaftar."))
        elif parsed.kind is QueryKind.DIGITS_INCOMPLETE:
            self.lbl_status.setText(self.tr("NIK dan No. KK terdiri dari 16 digit; baru {n} digit diketik.")
                                    .format(n=parsed.digits))
        elif not hits:
            self.lbl_status.setText(self.tr("Tidak ada yang cocok. Periksa ejaan, atau daftarkan keluarga baru "
                                             "dengan Ctrl+N."))
        else:
            self.lbl_status.setText(self.tr("{n} hasil. Enter membuka hasil pertama; ↓ untuk memilih yang lain.")
                                    .format(n=len(hits)))
        if hits:
            self.tbl_results.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self.card.show_hit(None)
        self.results_shown.emit(len(hits))
        if self._open_when_ready:
            self._open_when_ready = False
            if hits:
                self._open_hit(self.proxy.index(0, 0).data(ROW_ROLE))

    def _on_search_failed(self, seq: int, error: BaseException) -> None:
        if seq != self._seq:
            return
        self._open_when_ready = False
        if isinstance(error, PuskesosError):
            self.lbl_status.setText(error.message)
        else:
            show_error(self, error)

    def _on_edt_search_return_pressed(self) -> None:
        if self._timer.isActive() or self._shown_for != self._query():
            # Results for what is typed now are not on screen yet: open the first one when they are.
            self._open_when_ready = True
            self._timer.stop()
            self._run_search()
            return
        if self.proxy.rowCount():
            self._open_hit(self.proxy.index(0, 0).data(ROW_ROLE))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edt_search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Down and self.proxy.rowCount():
            self.tbl_results.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _on_tbl_results_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.card.show_hit(current.data(ROW_ROLE) if current.isValid() else None)

    def _on_tbl_results_activated(self, index: QModelIndex) -> None:
        self._open_hit(index.data(ROW_ROLE))

    # --- opening and registering ----------------------------------------------------------------------------

    def _open_hit(self, hit: DeskHit | None) -> None:
        if hit is None:
            return
        if hit.registered and hit.household_id:
            self.household_opened.emit(hit.household_id)
        elif hit.register is not None:
            ctx, record_id = self.ctx, hit.register.record_id
            run_op(self, lambda: draft_from_register(ctx, record_id), self.open_registration)

    def _on_btn_new_clicked(self) -> None:
        self.open_registration(None)

    def _show_registration(self, choices: RegistrationChoices, prefill: HouseholdDraft | None) -> None:
        self._choices = choices
        if self.registration_dialog is not None and self.registration_dialog.isVisible():
            self.registration_dialog.raise_()
            return
        dialog = RegistrationDialog(self.ctx, choices, self, prefill=prefill)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.draft_submitted.connect(self._on_dialog_draft_submitted)
        dialog.open_household_requested.connect(self.household_opened)
        dialog.destroyed.connect(self._on_dialog_destroyed)
        self.registration_dialog = dialog
        dialog.open()

    def _on_dialog_destroyed(self) -> None:
        self.registration_dialog = None

    def _on_dialog_draft_submitted(self, draft: HouseholdDraft) -> None:
        dialog = self.registration_dialog
        if dialog is None:
            return
        ctx = self.ctx

        def saved(result: RegistrationResult) -> None:
            dialog.finish(result)
            self.household_opened.emit(result.household.id)
            self._run_search()

        def failed(error: BaseException) -> None:
            if isinstance(error, FieldErrors):
                dialog.show_errors(error.errors)
            else:
                dialog.show_errors({})
                show_error(dialog, error)

        run_op(dialog, lambda: register_household(ctx, draft), saved, failed, writes=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.lbl_extract.refresh()  # a new extract may have been imported since the desk was last shown
        if not self._warmed:
            # Load the search index while the officer reads the screen, so the first keystroke is instant.
            self._warmed = True
            ctx = self.ctx
            run_op(self, lambda: refresh_desk_index(ctx), lambda _n: None, lambda _error: None)
