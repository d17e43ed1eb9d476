"""Step 3b, by hand: the region down to the desa/kelurahan (or the kabupaten/kota for a district secretariat) and
the site's name, prefilled as "Puskesos Desa <name>" until the officer types another."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.reference import RegionItem
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.first_run import HandSite, suggested_site_name
from puskesos_desk.services.reference import regions_under
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label, message_label, say, with_messages
from puskesos_desk.ui.wizard.region_combos import RegionCombos

NAME_MAX = 120


class RegionPage(WizardPage):
    def __init__(self, ctx_provider: Callable[[], ServiceContext]) -> None:
        super().__init__()
        self.role = SiteRole.DESA
        self._suggested = ""  # the last name filled in for the officer; replaced while it is left as it was
        # Widgets
        self.lbl_intro = hint_label()
        self.cmb_region = RegionCombos(lambda parent: regions_under(ctx_provider(), parent))
        self.lbl_region_error = message_label(warning=True)
        self.lbl_code = QLabel("—")
        self.edt_name = QLineEdit()
        self.edt_name.setObjectName("edt_site_name")
        self.edt_name.setMaxLength(NAME_MAX)
        self.lbl_name_error = message_label(warning=True)
        self.lbl_name_hint = hint_label()

        # Signals
        self.cmb_region.region_chosen.connect(self._on_cmb_region_region_chosen)
        self.cmb_region.region_cleared.connect(self._on_cmb_region_region_cleared)
        self.edt_name.textEdited.connect(self._on_edt_name_text_edited)

        # Assemble
        self.lbl_code_caption = QLabel()
        self.lbl_name_caption = QLabel()
        self.lbl_name_caption.setBuddy(self.edt_name)
        form = QFormLayout()
        form.addRow(self.lbl_code_caption, self.lbl_code)
        form.addRow(self.lbl_name_caption, with_messages(self.edt_name, self.lbl_name_error, self.lbl_name_hint))
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addWidget(self.cmb_region)
        layout.addWidget(self.lbl_region_error)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        district = self.role is SiteRole.KABUPATEN
        self.setTitle(self.tr("Wilayah dan nama Sekretariat") if district else self.tr("Wilayah dan nama Puskesos"))
        self.setSubTitle(self.tr("Pilih kabupaten/kota Sekretariat SLRT ini.") if district else
                         self.tr("Pilih desa/kelurahan tempat Puskesos ini berada."))
        self.lbl_intro.setText(self.tr("Pilih dari atas ke bawah; daftar berikutnya terisi setelah satu dipilih. "
                                       "Di dalam daftar, ketik sebagian nama untuk melompat ke nama itu (misalnya "
                                       "\"semarang\" atau \"sumo\")."))
        self.cmb_region.retranslate()
        self.lbl_code_caption.setText(self.tr("Kode wilayah"))
        self.lbl_name_caption.setText(self.tr("&Nama situs"))
        self.lbl_name_hint.setText(self.tr("Nama ini tercetak di kop setiap surat. Ubah bila nama resminya lain."))

    def initializePage(self) -> None:
        role = self.first_run().page_method.site_role()
        if role is not self.role:
            self.role = role
            self.cmb_region.set_depth(2 if role is SiteRole.KABUPATEN else 4)
            self.retranslate()
        self.cmb_region.start()
        self.cmb_region.cmb_levels[0].setFocus()

    def isComplete(self) -> bool:
        return self.cmb_region.chosen() is not None

    def _on_cmb_region_region_chosen(self, item: RegionItem) -> None:
        self.lbl_code.setText(item.code)
        say(self.lbl_region_error, "")
        suggestion = suggested_site_name(item.kind, item.name)
        if not self.edt_name.text().strip() or self.edt_name.text() == self._suggested:
            self.edt_name.setText(suggestion)
        self._suggested = suggestion
        self.completeChanged.emit()

    def _on_cmb_region_region_cleared(self) -> None:
        self.lbl_code.setText("—")
        self.completeChanged.emit()

    def _on_edt_name_text_edited(self, _text: str) -> None:
        say(self.lbl_name_error, "")

    def validatePage(self) -> bool:
        if self.cmb_region.chosen() is None:
            say(self.lbl_region_error, self.tr("Pilih wilayah sampai daftar terakhir."))
            return False
        if not self.edt_name.text().strip():
            say(self.lbl_name_error, self.tr("Nama situs wajib diisi."))
            self.edt_name.setFocus()
            return False
        return True

    def show_name_error(self, message: str) -> None:
        say(self.lbl_name_error, message)

    def hand_site(self) -> HandSite | None:
        item = self.cmb_region.chosen()
        if item is None:
            return None
        return HandSite(code=item.code, name=" ".join(self.edt_name.text().split()), role=self.role)

    def region_text(self) -> str:
        return ", ".join(self.cmb_region.names())

    def lock(self) -> None:
        self.cmb_region.setEnabled(False)
        self.edt_name.setReadOnly(True)
