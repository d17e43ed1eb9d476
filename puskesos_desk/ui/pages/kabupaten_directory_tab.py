"""Direktori layanan (district): the service directory the secretariat maintains and sends to every village in the
return packages. Entries not confirmed with their agency for six months are flagged "Perlu dicek".

Without MANAGE_SERVICE_DIRECTORY at a district site (e.g. at a village) the same tab is read-only: the buttons
that change anything are hidden. Loading and saving run off the GUI thread (ui.ops).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.errors import Conflict, FieldErrors, PuskesosError
from puskesos_desk.domain.reference import CodeItem
from puskesos_desk.domain.service_directory import DirectoryFilter, DirectoryPage, ServiceDraft, ServiceEntry
from puskesos_desk.services import reference, service_directory
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.dialogs.service_entry_dialog import ServiceEntryDialog
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.models.service_directory_model import ServiceDirectoryModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table

SEARCH_DELAY_MS = 300


@dataclass(frozen=True)
class _Loaded:
    page: DirectoryPage
    programs: list[CodeItem]
    need_domains: list[CodeItem]


class KabupatenDirectoryTab(QWidget):
    loaded = Signal()  # the list was (re)loaded (tests wait on it)
    changed = Signal()  # an entry was saved, checked, deactivated or reactivated
    dialog_opened = Signal(object)  # the ServiceEntryDialog just opened (tests drive it)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self.page = DirectoryPage()
        self.programs: list[CodeItem] = []
        self.need_domains: list[CodeItem] = []
        self.dialog: ServiceEntryDialog | None = None
        self._reselect: str | None = None  # the entry just changed, selected again after the reload

        # Widgets
        self.edt_search = QLineEdit()
        self.edt_search.setObjectName("edt_search")
        self.edt_search.setPlaceholderText(self.tr("Cari kode, nama layanan atau lembaga…"))
        self.edt_search.setClearButtonEnabled(True)
        self.chk_stale = QCheckBox(self.tr("Hanya yang perlu dicek"))
        self.chk_stale.setObjectName("chk_stale")
        self.chk_inactive = QCheckBox(self.tr("Tampilkan yang nonaktif"))
        self.chk_inactive.setObjectName("chk_inactive")
        self.lbl_stale = QLabel()
        self.lbl_stale.setObjectName("lbl_stale")
        self.lbl_summary = QLabel(self.tr("Memuat direktori layanan…"))
        self.lbl_summary.setObjectName("lbl_summary")
        self.lbl_summary.setWordWrap(True)
        self.btn_add = QPushButton(self.tr("Tambah layanan…"))
        self.btn_add.setObjectName("btn_add")
        self.btn_edit = QPushButton(self.tr("Ubah…"))
        self.btn_edit.setObjectName("btn_edit")
        self.btn_check = QPushButton(self.tr("Tandai sudah dicek"))
        self.btn_check.setObjectName("btn_check")
        self.btn_check.setToolTip(self.tr("Catat bahwa hari ini layanan ini sudah dipastikan dengan lembaganya."))
        self.btn_toggle = QPushButton(self.tr("Nonaktifkan"))
        self.btn_toggle.setObjectName("btn_toggle")
        for button in (self.btn_add, self.btn_edit, self.btn_check, self.btn_toggle):
            button.setAutoDefault(False)
            button.setVisible(False)  # shown once the load says this account may edit here
        self.model = ServiceDirectoryModel(self)
        self.tbl_services, self.proxy = record_table(self.model, accessible_name=self.tr("Direktori layanan"),
                                                     stretch_column=ServiceDirectoryModel.COL_NAME,
                                                     max_column_width=280, object_name="tbl_services")
        self.tbl_services.sortByColumn(ServiceDirectoryModel.COL_ORGANIZATION, Qt.SortOrder.AscendingOrder)
        self.lbl_hint = QLabel(self.tr("Baris berwarna: layanan yang belum dipastikan dengan lembaganya selama enam "
                                       "bulan. Perubahan direktori dikirim ke semua desa dalam paket balasan "
                                       "berikutnya."))
        self.lbl_hint.setObjectName("lbl_hint")
        self.lbl_hint.setWordWrap(True)
        self.tmr_search = QTimer(self)
        self.tmr_search.setSingleShot(True)
        self.tmr_search.setInterval(SEARCH_DELAY_MS)

        # Signals
        self.edt_search.textChanged.connect(self._on_edt_search_text_changed)
        self.tmr_search.timeout.connect(self.refresh)
        self.chk_stale.toggled.connect(self._on_filter_toggled)
        self.chk_inactive.toggled.connect(self._on_filter_toggled)
        self.btn_add.clicked.connect(self._on_btn_add_clicked)
        self.btn_edit.clicked.connect(self._on_btn_edit_clicked)
        self.btn_check.clicked.connect(self._on_btn_check_clicked)
        self.btn_toggle.clicked.connect(self._on_btn_toggle_clicked)
        self.tbl_services.doubleClicked.connect(self._on_tbl_services_double_clicked)
        self.tbl_services.selectionModel().selectionChanged.connect(self._on_selection_changed)

        # Assemble
        filters = QHBoxLayout()
        filters.addWidget(self.edt_search, 1)
        filters.addWidget(self.chk_stale)
        filters.addWidget(self.chk_inactive)
        actions = QHBoxLayout()
        actions.addWidget(self.lbl_summary)
        actions.addSpacing(16)
        actions.addWidget(self.lbl_stale, 1)
        for button in (self.btn_add, self.btn_edit, self.btn_check, self.btn_toggle):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.tbl_services, 1)
        layout.addWidget(self.lbl_hint)
        self._update_buttons()

    # --- loading ---
    def current_filter(self) -> DirectoryFilter:
        return DirectoryFilter(text=self.edt_search.text().strip(), stale_only=self.chk_stale.isChecked(),
                               include_inactive=self.chk_inactive.isChecked())

    def refresh(self) -> None:
        self._generation += 1
        generation, ctx, spec = self._generation, self.ctx, self.current_filter()

        def load() -> _Loaded:
            return _Loaded(service_directory.list_services(ctx, spec), reference.programs(ctx, include_inactive=True),
                           reference.need_domains(ctx))

        run_op(self, load, lambda result: self._on_loaded(generation, result),
               lambda error: self._on_load_failed(generation, error))

    def _on_loaded(self, generation: int, result: _Loaded) -> None:
        if generation != self._generation:
            return
        selected = self.selected_entry()
        self.page, self.programs, self.need_domains = result.page, result.programs, result.need_domains
        self.model.set_rows(result.page.entries)
        self.lbl_stale.setText(self.tr("{n} layanan perlu dicek").format(n=result.page.stale_count))
        self.lbl_stale.setVisible(result.page.stale_count > 0)
        shown = len(result.page.entries)
        if result.page.total > shown:
            self.lbl_summary.setText(self.tr("Menampilkan {shown} dari {total} layanan; persempit pencarian.")
                                     .format(shown=shown, total=result.page.total))
        else:
            self.lbl_summary.setText(self.tr("{n} layanan").format(n=result.page.total))
        for button in (self.btn_add, self.btn_edit, self.btn_check, self.btn_toggle):
            button.setVisible(result.page.editable)
        code = self._reselect or (selected.code if selected is not None else None)
        self._reselect = None
        if code is not None:
            self.select_code(code)
        self._update_buttons()
        self.loaded.emit()

    def _on_load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.model.set_rows([])
        if isinstance(error, PuskesosError):
            self.lbl_summary.setText(self.tr("Direktori layanan tidak dapat dimuat: {reason}")
                                     .format(reason=error.message))
        else:
            self.lbl_summary.setText(self.tr("Direktori layanan tidak dapat dimuat karena kesalahan sistem."))
            show_error(self, error)
        self.loaded.emit()

    # --- selection ---
    def selected_entry(self) -> ServiceEntry | None:
        rows = self.tbl_services.selectionModel().selectedRows()
        if not rows:
            return None
        entry = rows[0].data(ROW_ROLE)
        return entry if isinstance(entry, ServiceEntry) else None

    def select_code(self, code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            entry = index.data(ROW_ROLE)
            if isinstance(entry, ServiceEntry) and entry.code == code:
                self.tbl_services.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        for button in (self.btn_edit, self.btn_check, self.btn_toggle):
            button.setEnabled(entry is not None)
        self.btn_toggle.setText(self.tr("Aktifkan") if entry is not None and not entry.active
                                else self.tr("Nonaktifkan"))

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_buttons()

    # --- filters ---
    def _on_edt_search_text_changed(self, _text: str) -> None:
        self.tmr_search.start()

    def _on_filter_toggled(self, _checked: bool) -> None:
        self.refresh()

    # --- add / edit ---
    def _on_btn_add_clicked(self) -> None:
        self._open_dialog(None)

    def _on_btn_edit_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self._open_dialog(entry)

    def _on_tbl_services_double_clicked(self, _index: QModelIndex) -> None:
        if self.page.editable:
            self._on_btn_edit_clicked()

    def _open_dialog(self, entry: ServiceEntry | None) -> None:
        if not self.page.editable or self.dialog is not None:
            return
        dialog = ServiceEntryDialog(self.programs, self.need_domains, entry, self)
        dialog.submitted.connect(self._on_dlg_submitted)
        dialog.finished.connect(self._on_dlg_finished)
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_dlg_submitted(self, draft: ServiceDraft) -> None:
        dialog, ctx = self.dialog, self.ctx
        if dialog is None:
            return
        entry = dialog.entry
        if entry is None:
            def save() -> ServiceEntry:
                return service_directory.create_service(ctx, draft)
        else:
            def save() -> ServiceEntry:
                return service_directory.update_service(ctx, entry.id, draft, expected_version=entry.row_version)
        run_op(self, save, self._on_saved, self._on_save_failed, writes=True)

    def _on_saved(self, entry: ServiceEntry) -> None:
        if self.dialog is not None:
            self.dialog.accept()
        self._after_change(entry)

    def _on_save_failed(self, error: BaseException) -> None:
        dialog = self.dialog
        if dialog is None:
            self._show_failure(error)
            return
        if isinstance(error, FieldErrors):
            dialog.show_errors(error.errors)
        elif isinstance(error, Conflict):
            dialog.reject()
            self._show_failure(error)
        elif isinstance(error, PuskesosError):
            dialog.show_message(error.message)
        else:
            dialog.set_busy(False)
            show_error(self, error)

    def _on_dlg_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    # --- check / deactivate / reactivate ---
    def _on_btn_check_clicked(self) -> None:
        entry, ctx = self.selected_entry(), self.ctx
        if entry is None:
            return
        run_op(self, lambda: service_directory.mark_checked(ctx, entry.id), self._after_change, self._show_failure,
               writes=True)

    def _on_btn_toggle_clicked(self) -> None:
        entry, ctx = self.selected_entry(), self.ctx
        if entry is None:
            return
        if entry.active:
            answer = QMessageBox.question(
                self, self.tr("Nonaktifkan layanan"),
                self.tr("Nonaktifkan {name} ({code})? Rujukan baru tidak dapat memilihnya lagi; rujukan yang sudah "
                        "ada tetap tersimpan.").format(name=entry.draft.service_name, code=entry.code))
            if answer != QMessageBox.StandardButton.Yes:
                return
        run_op(self, lambda: service_directory.set_service_active(ctx, entry.id, not entry.active,
                                                                  expected_version=entry.row_version),
               self._after_change, self._show_failure, writes=True)

    def _after_change(self, entry: ServiceEntry) -> None:
        self._reselect = entry.code
        self.changed.emit()
        self.refresh()

    def _show_failure(self, error: BaseException) -> None:
        if isinstance(error, PuskesosError):
            QMessageBox.warning(self, self.tr("Direktori layanan"), error.message)
            if isinstance(error, Conflict):
                self.refresh()
            return
        show_error(self, error)
