"""Step 2, Cara menyiapkan: the district's set-up file (the usual way for a village), or by hand; a district
secretariat set up by hand is offered below, as the rarer case."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QRadioButton, QVBoxLayout

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label

SETUP_FILE, BY_HAND, DISTRICT_BY_HAND = "setup_file", "by_hand", "district_by_hand"


class MethodPage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        # Widgets
        self.rad_setup_file = QRadioButton()
        self.rad_setup_file.setChecked(True)
        self.lbl_setup_file = hint_label()
        self.rad_by_hand = QRadioButton()
        self.lbl_by_hand = hint_label()
        self.lbl_other = QLabel()
        self.rad_district = QRadioButton()
        self.lbl_district = hint_label()
        self.grp_method = QButtonGroup(self)
        for button in (self.rad_setup_file, self.rad_by_hand, self.rad_district):
            self.grp_method.addButton(button)
        for label in (self.lbl_setup_file, self.lbl_by_hand, self.lbl_district):
            label.setContentsMargins(24, 0, 0, 0)  # under the radio button's text, not its circle

        # Assemble
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rad_setup_file)
        layout.addWidget(self.lbl_setup_file)
        layout.addSpacing(10)
        layout.addWidget(self.rad_by_hand)
        layout.addWidget(self.lbl_by_hand)
        layout.addStretch(1)
        layout.addWidget(line)
        layout.addWidget(self.lbl_other)
        layout.addWidget(self.rad_district)
        layout.addWidget(self.lbl_district)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Cara menyiapkan"))
        self.setSubTitle(self.tr("Dari mana data situs ini diambil?"))
        self.rad_setup_file.setText(self.tr("Buka berkas penyiapan dari kabupaten (dianjurkan)"))
        self.lbl_setup_file.setText(self.tr(
            "Sekretariat SLRT kabupaten/kota memberikan berkas ini, biasanya di flashdisk. Nama dan kode desa sudah "
            "terisi, daftar layanan rujukan dan hari libur ikut dimuat, dan pertukaran data dengan kabupaten langsung "
            "dapat dipakai."))
        self.rad_by_hand.setText(self.tr("Siapkan sendiri"))
        self.lbl_by_hand.setText(self.tr(
            "Bila berkas dari kabupaten belum ada: pilih desa/kelurahan dari daftar wilayah dan isi nama Puskesos. "
            "Kabupaten dapat didaftarkan nanti di Pengaturan."))
        self.lbl_other.setText(self.tr("Bukan Puskesos desa/kelurahan?"))
        self.rad_district.setText(self.tr("Sekretariat SLRT kabupaten/kota (Dinas Sosial), disiapkan sendiri"))
        self.lbl_district.setText(self.tr("Hanya untuk kantor yang menerima data dari banyak desa."))

    def method(self) -> str:
        if self.rad_setup_file.isChecked():
            return SETUP_FILE
        return BY_HAND if self.rad_by_hand.isChecked() else DISTRICT_BY_HAND

    def site_role(self) -> SiteRole:
        return SiteRole.KABUPATEN if self.method() == DISTRICT_BY_HAND else SiteRole.DESA
