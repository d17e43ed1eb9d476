"""The breach-notice helper (UU PDP Ps. 46): what the officer knows of a breach in, the list of affected residents
(.xlsx) and a drafted notice (PDF) out, with the 3×24-hour deadline shown while the form is filled in.

The service refuses a role without BREACH_RESPONSE; the button follows it. Choosing the folder is a method tests
replace.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.breach import (
    CATEGORY_LABELS,
    EXPOSURE_LABELS,
    BreachReport,
    DataCategory,
    ExposureKind,
    notice_deadline,
)
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services import breach
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.dialog_fit import keep_wrapped_text_whole

DATE_TIME_FORMAT = "dd-MM-yyyy HH:mm"
DEADLINE_STYLE = "QLabel#lbl_deadline { font-weight: 600; color: #8a1c12; }"


def _aware(edit: QDateTimeEdit) -> datetime:
    """The moment shown, as an aware datetime in the PC's zone (Qt hands back a naive local time)."""
    return edit.dateTime().toPython().astimezone()  # type: ignore[union-attr]


def _edit(moment: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(moment.astimezone(local_zone()).replace(tzinfo=None)))
    edit.setDisplayFormat(DATE_TIME_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class BreachDialog(QDialog):
    """`files_written(list_path, notice_path)` once both files are saved."""

    files_written = Signal(str, str)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outcome: breach.BreachOutcome | None = None
        self.setWindowTitle(self.tr("Kebocoran data pribadi — daftar warga dan draf pemberitahuan"))
        self.setStyleSheet(DEADLINE_STYLE)
        now = ctx.now()

        # Widgets
        self.lbl_intro = QLabel(self.tr(
            "UU 27/2022 Pasal 46: pemberitahuan tertulis kepada warga yang datanya terungkap dan kepada lembaga "
            "wajib dikirim paling lambat 3×24 jam sejak kebocoran diketahui."))
        self.lbl_intro.setWordWrap(True)
        self.dte_discovered = _edit(now)
        self.lbl_deadline = QLabel("")
        self.lbl_deadline.setObjectName("lbl_deadline")
        self.dte_start = _edit(now - timedelta(days=7))
        self.dte_end = _edit(now)
        self.cmb_kind = QComboBox()
        for kind in ExposureKind:
            self.cmb_kind.addItem(EXPOSURE_LABELS[kind], kind.value)  # Bahasa already (domain)
        self.edt_package = QLineEdit()
        self.edt_package.setPlaceholderText(self.tr("ID paket atau nama berkas paket"))
        self.chk_categories: dict[DataCategory, QCheckBox] = {
            category: QCheckBox(CATEGORY_LABELS[category]) for category in DataCategory}
        for category in (DataCategory.IDENTITAS, DataCategory.ALAMAT):
            self.chk_categories[category].setChecked(True)
        self.edt_how = QTextEdit()
        self.edt_how.setPlaceholderText(self.tr("Apa yang terjadi, sejauh diketahui"))
        self.edt_taken = QTextEdit()
        self.edt_taken.setPlaceholderText(self.tr("Mis. kata sandi semua akun diganti, melapor ke polsek"))
        self.edt_planned = QTextEdit()
        self.edt_planned.setPlaceholderText(self.tr("Mis. enkripsi cadangan, pelatihan petugas"))
        for edit in (self.edt_how, self.edt_taken, self.edt_planned):
            edit.setAcceptRichText(False)
            edit.setFixedHeight(54)
        self.edt_contact = QLineEdit()
        self.edt_contact.setPlaceholderText(self.tr("Nama petugas, nomor telepon/WA, jam layanan"))
        self.lbl_result = QLabel("")
        self.lbl_result.setWordWrap(True)
        self.btn_make = QPushButton(self.tr("Buat daftar dan draf pemberitahuan"))
        self.btn_close = QPushButton(self.tr("Tutup"))
        if not ctx.actor.can(Permission.BREACH_RESPONSE):
            self.btn_make.setEnabled(False)
            self.lbl_result.setText(self.tr("Hanya Koordinator atau Manajer SLRT yang dapat membuat pemberitahuan "
                                            "kebocoran data."))

        # Signals
        self.dte_discovered.dateTimeChanged.connect(self._on_dte_discovered_changed)
        self.cmb_kind.currentIndexChanged.connect(self._on_cmb_kind_changed)
        self.btn_make.clicked.connect(self._on_btn_make_clicked)
        self.btn_close.clicked.connect(self.reject)

        # Assemble
        form = QFormLayout()
        form.addRow(self.tr("&Diketahui pada"), self.dte_discovered)
        form.addRow("", self.lbl_deadline)
        period = QHBoxLayout()
        period.addWidget(self.dte_start)
        period.addWidget(QLabel(self.tr("s.d.")))
        period.addWidget(self.dte_end)
        period.addStretch(1)
        lbl_period = QLabel(self.tr("&Periode terungkap"))
        lbl_period.setBuddy(self.dte_start)
        form.addRow(lbl_period, period)
        form.addRow(self.tr("&Yang terungkap"), self.cmb_kind)
        form.addRow(self.tr("Pa&ket"), self.edt_package)
        form.addRow(self.tr("&Kontak"), self.edt_contact)
        categories = QGroupBox(self.tr("Jenis data yang terungkap"))
        grid = QGridLayout(categories)
        for index, box in enumerate(self.chk_categories.values()):
            grid.addWidget(box, index // 2, index % 2)
        facts = QVBoxLayout()
        facts.addLayout(form)
        facts.addWidget(categories)
        facts.addStretch(1)
        # The three accounts of the incident beside the facts, not under them: one column was taller than a
        # 1366×768 screen at 125 % scaling.
        story = QFormLayout()
        story.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        story.addRow(self.tr("&Uraian kejadian"), self.edt_how)
        story.addRow(self.tr("Upaya yang &telah dilakukan"), self.edt_taken)
        story.addRow(self.tr("Upaya yang &akan dilakukan"), self.edt_planned)
        columns = QHBoxLayout()
        columns.addLayout(facts, 3)
        columns.addSpacing(12)
        columns.addLayout(story, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.btn_make)
        buttons.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addLayout(columns)
        layout.addWidget(self.lbl_result)
        layout.addLayout(buttons)
        self.setMinimumWidth(880)
        QWidget.setTabOrder(self.edt_package, self.edt_contact)  # Kontak sits under Paket, before the categories
        keep_wrapped_text_whole(self)
        self._on_dte_discovered_changed()
        self._on_cmb_kind_changed()

    def kind(self) -> ExposureKind:
        return ExposureKind(self.cmb_kind.currentData())

    def report(self) -> BreachReport:
        return BreachReport(
            discovered_at=_aware(self.dte_discovered), period_start=_aware(self.dte_start),
            period_end=_aware(self.dte_end), kind=self.kind(),
            categories=tuple(c for c, box in self.chk_categories.items() if box.isChecked()),
            package=self.edt_package.text().strip() if self.kind() is ExposureKind.PAKET_PERTUKARAN else "",
            how=self.edt_how.toPlainText().strip(), actions_taken=self.edt_taken.toPlainText().strip(),
            actions_planned=self.edt_planned.toPlainText().strip(), contact=self.edt_contact.text().strip())

    def choose_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Simpan daftar dan draf pemberitahuan di…"))
        return Path(folder) if folder else None

    def _on_dte_discovered_changed(self, *_args: object) -> None:
        deadline = notice_deadline(_aware(self.dte_discovered))
        self.lbl_deadline.setText(self.tr("Batas pemberitahuan: {moment} (3×24 jam)").format(
            moment=deadline.strftime("%d-%m-%Y %H.%M")))

    def _on_cmb_kind_changed(self, *_args: object) -> None:
        self.edt_package.setEnabled(self.kind() is ExposureKind.PAKET_PERTUKARAN)

    def _on_btn_make_clicked(self) -> None:
        folder = self.choose_folder()
        if folder is None:
            return
        stamp = _aware(self.dte_discovered).strftime("%Y%m%d-%H%M")
        list_path = folder / f"warga-terdampak-{stamp}.xlsx"
        notice_path = folder / f"pemberitahuan-kebocoran-{stamp}.pdf"
        ctx, report = self.ctx, self.report()
        self.btn_make.setEnabled(False)
        self.lbl_result.setText(self.tr("Menyusun daftar warga terdampak…"))
        run_op(self, lambda: breach.prepare_breach_notice(ctx, report, list_path=list_path, notice_path=notice_path),
               self._on_made, self._on_failed, writes=True)

    def _on_made(self, outcome: breach.BreachOutcome) -> None:
        self.outcome = outcome
        self.btn_make.setEnabled(True)
        findings = outcome.findings
        text = self.tr("{n} warga dari {k} keluarga terdampak. Daftar: {list}. Draf pemberitahuan: {notice}. "
                       "Kirim paling lambat {deadline}.").format(
            n=len(findings.persons), k=findings.households, list=outcome.list_path, notice=outcome.notice_path,
            deadline=outcome.deadline.astimezone(local_zone()).strftime("%d-%m-%Y %H.%M"))
        if findings.unresolved_documents:
            text += " " + self.tr("{n} dokumen (laporan/daftar) memuat data warga tanpa daftar nama: periksa "
                                  "secara manual.").format(n=findings.unresolved_documents)
        self.lbl_result.setText(text)
        self.files_written.emit(str(outcome.list_path), str(outcome.notice_path))

    def _on_failed(self, error: BaseException) -> None:
        self.btn_make.setEnabled(True)
        self.lbl_result.setText(str(error))
