"""Step 7, Data DTSEN (optional): the district's DTSEN/DTKS extract, loaded now through the same dialog as
Pertukaran Data → Data DTSEN, or later there. Without it the desk still serves; the DTSEN checks say "tidak
diketahui" until it is loaded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout

from puskesos_desk.domain.extract_records import ExtractOutcome
from puskesos_desk.ui.dialogs.extract_import_dialog import ExtractImportDialog
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label, message_label, say


class ExtractPage(WizardPage):
    dialog_opened = Signal(object)  # the ExtractImportDialog (tests drive it)

    def __init__(self) -> None:
        super().__init__()
        self.outcome: ExtractOutcome | None = None
        self.dialog: ExtractImportDialog | None = None
        self.lbl_intro = hint_label()
        self.btn_load = QPushButton()
        self.btn_load.setObjectName("btn_load_extract")
        self.btn_load.setAutoDefault(False)
        self.lbl_status = message_label()
        self.lbl_skip = hint_label()

        self.btn_load.clicked.connect(self._on_btn_load_clicked)

        row = QHBoxLayout()
        row.addWidget(self.btn_load)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addLayout(row)
        layout.addWidget(self.lbl_status)
        layout.addStretch(1)
        layout.addWidget(self.lbl_skip)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Data DTSEN (boleh dilewati)"))
        self.setSubTitle(self.tr("Ekstrak DTSEN/DTKS dari Dinas Sosial untuk memeriksa status warga."))
        self.lbl_intro.setText(self.tr(
            "Bila Dinas Sosial sudah memberikan berkas Excel ekstrak DTSEN untuk desa ini, muat sekarang: pencarian "
            "warga langsung menunjukkan desil dan program bantuannya."))
        self.btn_load.setText(self.tr("Muat ekstrak DTSEN…"))
        self.lbl_skip.setText(self.tr("Belum punya berkasnya? Tekan Lanjut. Ekstrak dapat dimuat kapan saja di "
                                      "Pertukaran Data → Data DTSEN."))

    def choose_path(self) -> str | None:
        """The file dialog (tests replace it)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Pilih ekstrak DTSEN/DTKS dari Dinas Sosial"),
                                                    folder, self.tr("Buku kerja Excel (*.xlsx)"))
        return path or None

    def _on_btn_load_clicked(self) -> None:
        if self.dialog is not None:
            return
        chosen = self.choose_path()
        if not chosen:
            return
        dialog = ExtractImportDialog(self.first_run().ctx, Path(chosen), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._on_dialog_imported)
        dialog.destroyed.connect(self._on_dialog_destroyed)
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    def _on_dialog_destroyed(self) -> None:
        self.dialog = None

    def _on_dialog_imported(self, outcome: ExtractOutcome) -> None:
        self.outcome = outcome
        say(self.lbl_status, self.tr("Ekstrak {dataset} dimuat dari berkas {file}: {n} baris warga desa ini.").format(
            dataset=outcome.dataset, file=outcome.file_name, n=outcome.rows.get("imported", 0)))
