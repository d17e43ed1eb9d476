"""Step 6, Kertas dan printer: the Pengaturan group itself (widgets/print_settings.py), made once the site exists
(the test page carries its letterhead). Lanjut stores the choice for this PC."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from puskesos_desk.ui.widgets.print_settings import PrintSettings
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label


class PrinterPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.settings: PrintSettings | None = None
        self.lbl_intro = hint_label()
        self.lbl_later = hint_label()
        self.lay_main = QVBoxLayout(self)
        self.lay_main.addWidget(self.lbl_intro)
        self.lay_main.addStretch(1)
        self.lay_main.addWidget(self.lbl_later)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Kertas dan printer"))
        self.setSubTitle(self.tr("Ukuran kertas dan printer yang dipakai komputer ini."))
        self.lbl_intro.setText(self.tr(
            "Kebanyakan kantor desa memakai kertas F4 (folio). Tekan Cetak halaman uji untuk mencoba printer: satu "
            "halaman dengan kop surat keluar. Tanpa printer, pilih PDF: dokumen disimpan sebagai berkas."))
        self.lbl_later.setText(self.tr("Dapat diubah nanti di Pengaturan → Kertas dan printer."))
        if self.settings is not None:
            self.settings.retranslate()

    def initializePage(self) -> None:
        if self.settings is None:
            self.settings = PrintSettings(self.first_run().ctx, in_wizard=True)
            self.settings.setFlat(True)
            self.lay_main.insertWidget(1, self.settings)
        self.settings.cmb_paper.setFocus()

    def validatePage(self) -> bool:
        if self.settings is not None:
            self.settings.save()
        return True
