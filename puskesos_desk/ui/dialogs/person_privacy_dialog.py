"""A resident's own data (UU PDP): the notices and consents recorded for them, a summary of what is held, and the
resident's requests — a copy of everything (PDF to print or save, or a workbook) and erasure within the law's
limits.

The services enforce who may do what; the buttons only follow it, so an officer is not offered what will be
refused. Modal questions (who asked, where to save, why erase) are methods that tests replace.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.file_names import safe_file_stem
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.subject_access import ConsentLine, Dossier, readable_code
from puskesos_desk.services import subject_access
from puskesos_desk.services.consents import EXPLICIT_BASIS, withdraw_consent
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.ops import run_op


def _moment(value: datetime | None) -> str:
    return value.astimezone(local_zone()).strftime("%d-%m-%Y %H.%M") if value else ""


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))


class RequesterDialog(QDialog):
    """Who asked for the copy (the resident, or a parent/guardian/representative by name) and why."""

    def __init__(self, person_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Siapa yang meminta salinan?"))
        self.person_name = person_name
        self.rad_self = QRadioButton(self.tr("Warga yang bersangkutan ({name})").format(name=person_name))
        self.rad_other = QRadioButton(self.tr("Orang tua, wali, atau kuasanya:"))
        self.rad_self.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.rad_self)
        group.addButton(self.rad_other)
        self.edt_other = QLineEdit()
        self.edt_other.setPlaceholderText(self.tr("Nama dan hubungan, mis. Siti Aminah (ibu)"))
        self.edt_other.setEnabled(False)
        self.edt_purpose = QLineEdit()
        self.edt_purpose.setPlaceholderText(self.tr("Mis. ingin memeriksa data yang disimpan"))
        self.lbl_error = QLabel("")
        self.lbl_error.setObjectName("lbl_error")
        self.lbl_error.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)

        self.rad_other.toggled.connect(self.edt_other.setEnabled)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Keperluan"), self.edt_purpose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rad_self)
        row = QHBoxLayout()
        row.addWidget(self.rad_other)
        row.addWidget(self.edt_other, 1)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.lbl_error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def requested_by(self) -> str:
        if self.rad_self.isChecked():
            return self.tr("{name} (yang bersangkutan)").format(name=self.person_name)
        return self.edt_other.text().strip()

    def _on_buttons_accepted(self) -> None:
        if not self.requested_by():
            self.lbl_error.setText(self.tr("Tuliskan nama orang tua, wali, atau kuasa yang meminta."))
            self.lbl_error.setVisible(True)
            return
        self.accept()


class PersonPrivacyDialog(QDialog):
    """`output_saved(path)` after a workbook was saved; `erased()` after the resident's data was erased."""

    output_saved = Signal(str)
    erased = Signal()

    def __init__(self, ctx: ServiceContext, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.dossier: Dossier | None = None
        self.consents: list[ConsentLine] | None = None
        self.person_name = ""
        self.setWindowTitle(self.tr("Data pribadi warga"))
        may_handle = ctx.actor.can(Permission.HANDLE_DATA_REQUESTS)

        # Widgets
        self.lbl_title = QLabel("")
        self.lbl_title.setObjectName("lbl_heading")
        self.tabs = QTabWidget()
        self.tbl_consents = _table([self.tr("Waktu"), self.tr("Dasar"), self.tr("Tujuan"), self.tr("Diberikan oleh"),
                                    self.tr("Cara"), self.tr("Kunjungan"), self.tr("Dicatat oleh"),
                                    self.tr("Penerima"), self.tr("Dicabut")])
        self.btn_withdraw = QPushButton(self.tr("Cabut persetujuan…"))
        self.btn_withdraw.setToolTip(self.tr("Warga menarik persetujuan tegasnya; data yang sudah dibagikan tidak "
                                             "ditarik kembali, tetapi tidak dibagikan lagi tanpa persetujuan baru"))
        self.btn_withdraw.setVisible(ctx.actor.can(Permission.RECORD_VISIT))
        self.btn_withdraw.setEnabled(False)
        self.tbl_summary = _table([self.tr("Bagian"), self.tr("Jumlah catatan")])
        self.lbl_summary_note = QLabel(
            self.tr("Ringkasan ini tidak dicatat sebagai pengungkapan; salinan yang dicetak, disimpan, atau diekspor "
                    "dicatat di log audit beserta siapa yang memintanya.") if may_handle else
            self.tr("Hanya Koordinator yang dapat melihat ringkasan dan membuat salinan data warga."))
        self.lbl_summary_note.setWordWrap(True)
        self.lbl_status = QLabel("")
        self.lbl_status.setWordWrap(True)
        self.btn_print = QPushButton(self.tr("Cetak salinan data…"))
        self.btn_export = QPushButton(self.tr("Ekspor Excel…"))
        self.btn_erase = QPushButton(self.tr("Hapus data warga…"))
        self.btn_close = QPushButton(self.tr("Tutup"))
        for button in (self.btn_print, self.btn_export, self.btn_erase):
            button.setEnabled(False)  # until the data has loaded
            button.setVisible(may_handle)

        # Signals
        self.btn_print.clicked.connect(self._on_btn_print_clicked)
        self.btn_export.clicked.connect(self._on_btn_export_clicked)
        self.btn_erase.clicked.connect(self._on_btn_erase_clicked)
        self.btn_close.clicked.connect(self.reject)
        self.btn_withdraw.clicked.connect(self._on_btn_withdraw_clicked)
        self.tbl_consents.itemSelectionChanged.connect(self._update_withdraw)

        # Assemble
        consent_page = QWidget()
        consent_layout = QVBoxLayout(consent_page)
        consent_layout.addWidget(self.tbl_consents)
        consent_buttons = QHBoxLayout()
        consent_buttons.addStretch(1)
        consent_buttons.addWidget(self.btn_withdraw)
        consent_layout.addLayout(consent_buttons)
        summary_page = QWidget()
        summary_layout = QVBoxLayout(summary_page)
        summary_layout.addWidget(self.tbl_summary)
        summary_layout.addWidget(self.lbl_summary_note)
        self.tabs.addTab(consent_page, self.tr("Persetujuan"))
        self.tabs.addTab(summary_page, self.tr("Ringkasan data"))
        buttons = QHBoxLayout()
        for button in (self.btn_print, self.btn_export, self.btn_erase):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.lbl_status)
        layout.addLayout(buttons)
        self.resize(900, 520)

        self.load_consents()
        ctx_, pid = ctx, person_id
        if may_handle:
            run_op(self, lambda: subject_access.person_dossier(ctx_, pid), self._on_dossier_loaded)

    # --- loading -------------------------------------------------------------------------------------------------

    def load_consents(self) -> None:
        ctx, pid = self.ctx, self.person_id
        run_op(self, lambda: subject_access.consent_list(ctx, pid), self._on_consents_loaded)

    def _on_consents_loaded(self, lines: list[ConsentLine]) -> None:
        self.consents = lines
        _fill(self.tbl_consents, [
            [_moment(c.given_at), readable_code(c.legal_basis), ", ".join(readable_code(p) for p in c.purposes),
             f"{c.given_by_name} ({readable_code(c.given_by)})", readable_code(c.method), c.visit_number,
             c.recorded_by, c.recipient or "-", _moment(c.withdrawn_at)] for c in lines])
        if not lines:
            self.lbl_status.setText(self.tr("Belum ada pemberitahuan atau persetujuan yang tercatat untuk warga ini."))
        self._update_withdraw()

    def selected_consent(self) -> ConsentLine | None:
        row = self.tbl_consents.currentRow()
        if self.consents is None or not 0 <= row < len(self.consents) or not self.tbl_consents.selectedItems():
            return None
        return self.consents[row]

    def _update_withdraw(self) -> None:
        line = self.selected_consent()
        self.btn_withdraw.setEnabled(line is not None and line.legal_basis == EXPLICIT_BASIS
                                     and line.withdrawn_at is None)

    def _on_dossier_loaded(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.person_name = dossier.person_name
        self.lbl_title.setText(self.tr("Data pribadi: {name}").format(name=dossier.person_name))
        _fill(self.tbl_summary, [[section.title, str(section.count)] for section in dossier.sections])
        for button in (self.btn_print, self.btn_export, self.btn_erase):
            button.setEnabled(True)

    # --- modal steps (tests replace these) ------------------------------------------------------------------------

    def ask_requester(self) -> tuple[str, str] | None:
        dialog = RequesterDialog(self.person_name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.requested_by(), dialog.edt_purpose.text().strip()

    def choose_save_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Simpan salinan data"), suggested,
                                              self.tr("Buku kerja Excel (*.xlsx)"))
        return Path(path) if path else None

    def ask_erase_reason(self) -> str | None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Hapus data warga"),
            self.tr("Data {name} akan dihapus sejauh diizinkan undang-undang. Tuliskan alasannya (mis. permintaan "
                    "warga tanggal …):").format(name=self.person_name))
        return reason.strip() if ok and reason.strip() else None

    def ask_withdraw_reason(self) -> str | None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Cabut persetujuan"),
            self.tr("Persetujuan ini dicabut mulai sekarang; data tidak dibagikan lagi untuk tujuan itu. Keterangan "
                    "(mis. permintaan warga di loket):"))
        return reason.strip() if ok and reason.strip() else None

    def open_preview(self, dialog: PdfPreviewDialog) -> None:
        dialog.exec()

    # --- actions ---------------------------------------------------------------------------------------------------

    def _file_stem(self) -> str:
        name = "-".join(self.person_name.lower().split()) or "warga"
        return safe_file_stem(f"salinan-data-{name}-{self.ctx.today().isoformat()}")

    def _on_btn_print_clicked(self) -> None:
        asked = self.ask_requester()
        if asked is None:
            return
        who, why = asked
        ctx, pid = self.ctx, self.person_id

        def render(paper: Paper) -> bytes:
            return subject_access.dossier_pdf(ctx, pid, requested_by=who, purpose=why, paper=paper, channel=None)

        def issue(paper: Paper, channel: OutputChannel) -> bytes:
            return subject_access.dossier_pdf(ctx, pid, requested_by=who, purpose=why, paper=paper, channel=channel)

        self.open_preview(PdfPreviewDialog(self, title=self.tr("Salinan data pribadi"), render=render, issue=issue,
                                           papers=(Paper.A4, Paper.F4), paper=Paper.A4,
                                           suggested_file_name=f"{self._file_stem()}.pdf"))

    def _on_btn_export_clicked(self) -> None:
        asked = self.ask_requester()
        if asked is None:
            return
        path = self.choose_save_path(f"{self._file_stem()}.xlsx")
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        who, why = asked
        ctx, pid = self.ctx, self.person_id
        self.btn_export.setEnabled(False)
        run_op(self, lambda: subject_access.write_dossier_xlsx(ctx, pid, path, requested_by=who, purpose=why),
               self._on_exported, self._on_export_failed, writes=True)

    def _on_exported(self, path: Path) -> None:
        self.btn_export.setEnabled(True)
        self.lbl_status.setText(self.tr("Salinan disimpan di {path}. Serahkan kepada yang meminta, lalu hapus "
                                        "berkas dari komputer ini.").format(path=path))
        self.output_saved.emit(str(path))

    def _on_export_failed(self, error: BaseException) -> None:
        self.btn_export.setEnabled(True)
        self.lbl_status.setText(str(error))

    def _on_btn_withdraw_clicked(self) -> None:
        line = self.selected_consent()
        if line is None:
            return
        reason = self.ask_withdraw_reason()
        if reason is None:
            return
        ctx, consent_id = self.ctx, line.id
        self.btn_withdraw.setEnabled(False)
        run_op(self, lambda: withdraw_consent(ctx, consent_id, reason=reason), self._on_withdrawn,
               self._on_withdraw_failed, writes=True)

    def _on_withdrawn(self, _result: object) -> None:
        self.lbl_status.setText(self.tr("Persetujuan dicabut dan dicatat di log audit."))
        self.load_consents()

    def _on_withdraw_failed(self, error: BaseException) -> None:
        self.lbl_status.setText(str(error))
        self._update_withdraw()

    def _on_btn_erase_clicked(self) -> None:
        reason = self.ask_erase_reason()
        if reason is None:
            return
        ctx, pid = self.ctx, self.person_id

        def erase() -> object:
            from puskesos_desk.services import erasure  # written alongside this dialog (issue 10)

            return erasure.erase_person(ctx, pid, reason=reason)

        self.btn_erase.setEnabled(False)
        run_op(self, erase, self._on_erased, self._on_erase_failed, writes=True)

    def _on_erased(self, _result: object) -> None:
        self.lbl_status.setText(self.tr("Data warga telah dihapus sejauh diizinkan undang-undang."))
        for button in (self.btn_print, self.btn_export, self.btn_erase):
            button.setEnabled(False)
        self.erased.emit()

    def _on_erase_failed(self, error: BaseException) -> None:
        self.btn_erase.setEnabled(True)
        self.lbl_status.setText(str(error))
