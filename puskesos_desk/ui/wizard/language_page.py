"""Step 1, Bahasa: the welcome, and Bahasa Indonesia or English. The choice applies at once (the wizard's texts
change while the officer watches) and is stored as Pengaturan → Bahasa tampilan stores it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout

from puskesos_desk.ui.desk_settings import LANGUAGE_NAMES
from puskesos_desk.ui.i18n import LANGUAGES, current_language
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label


class LanguagePage(WizardPage):
    language_chosen = Signal(str)  # "id" or "en"

    def __init__(self) -> None:
        super().__init__()
        # Widgets: each language is named in itself, so someone who cannot read the current one still finds theirs.
        self.lbl_welcome = QLabel()
        self.lbl_welcome.setWordWrap(True)
        self.lbl_steps = QLabel()
        self.lbl_steps.setWordWrap(True)
        self.grp_language = QButtonGroup(self)
        self.rad_languages: dict[str, QRadioButton] = {}
        for code in LANGUAGES:
            button = QRadioButton(LANGUAGE_NAMES[code])
            button.setObjectName(f"rad_language_{code}")
            self.rad_languages[code] = button
            self.grp_language.addButton(button)
        self.rad_languages.get(current_language(), self.rad_languages["id"]).setChecked(True)
        self.lbl_later = hint_label()

        # Signals
        for code, button in self.rad_languages.items():
            button.toggled.connect(self._make_language_handler(code))

        # Assemble
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_welcome)
        layout.addSpacing(8)
        for button in self.rad_languages.values():
            layout.addWidget(button)
        layout.addWidget(self.lbl_later)
        layout.addSpacing(12)
        layout.addWidget(self.lbl_steps)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Selamat datang"))
        self.setSubTitle(self.tr("Komputer ini belum disiapkan. Beberapa langkah singkat berikut menyiapkannya untuk "
                                 "melayani warga."))
        self.lbl_welcome.setText(self.tr("Pilih bahasa tampilan:"))
        self.lbl_later.setText(self.tr("Bahasa dapat diubah kapan saja di Pengaturan → Bahasa tampilan."))
        self.lbl_steps.setText(self.tr(
            "Langkah berikutnya: identitas Puskesos (dari berkas penyiapan kabupaten atau diisi sendiri), kop surat, "
            "akun Admin dan akun petugas, kertas dan printer, lalu data DTSEN bila sudah ada. Siapkan flashdisk "
            "berisi berkas dari kabupaten bila Anda menerimanya."))

    def chosen_language(self) -> str:
        for code, button in self.rad_languages.items():
            if button.isChecked():
                return code
        return "id"

    def _make_language_handler(self, code: str) -> Callable[[bool], None]:
        def handler(checked: bool) -> None:
            if checked:
                self.language_chosen.emit(code)

        return handler
