"""Step 3a, the district's set-up file: pick it (from the USB stick), then see what it says before anything is
written — the desa and its code, the district and its key fingerprint (to compare over the phone), how many
services and holidays come with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.services.first_run import SetupPreview, preview_setup_file
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label, message_label, say


def _value() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SetupFilePage(WizardPage):
    previewed = Signal(object)  # SetupPreview on screen (tests wait on it)

    def __init__(self) -> None:
        super().__init__()
        self.preview: SetupPreview | None = None
        self._reading = False
        # Widgets
        self.lbl_intro = hint_label()
        self.btn_choose = QPushButton()
        self.lbl_file = QLabel()
        self.lbl_file.setWordWrap(True)
        self.lbl_error = message_label(warning=True)
        self.frm_summary = QFrame()
        self.frm_summary.setObjectName("card")
        self.lbl_site = _value()
        self.lbl_region = _value()
        self.lbl_district = _value()
        self.lbl_fingerprint = _value()
        self.lbl_fingerprint.setObjectName("lbl_fingerprint")
        self.lbl_services = _value()
        self.lbl_holidays = _value()
        self.lbl_check = hint_label()
        self.frm_summary.setVisible(False)

        # Signals
        self.btn_choose.clicked.connect(self._on_btn_choose_clicked)

        # Assemble
        row = QHBoxLayout()
        row.addWidget(self.btn_choose)
        row.addWidget(self.lbl_file, 1)
        self.form = QFormLayout(self.frm_summary)
        self.form.setContentsMargins(14, 12, 14, 12)
        self._captions = [QLabel() for _ in range(6)]
        for caption, value in zip(self._captions, (self.lbl_site, self.lbl_region, self.lbl_district,
                                                   self.lbl_fingerprint, self.lbl_services, self.lbl_holidays),
                                  strict=True):
            self.form.addRow(caption, value)
        self.form.addRow(self.lbl_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addLayout(row)
        layout.addWidget(self.lbl_error)
        layout.addWidget(self.frm_summary)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Berkas penyiapan dari kabupaten"))
        self.setSubTitle(self.tr("Pilih berkas yang diberikan Sekretariat SLRT kabupaten/kota. Belum ada yang "
                                 "disimpan sampai akun Admin dibuat."))
        self.lbl_intro.setText(self.tr("Colokkan flashdisk, tekan Pilih berkas, lalu buka berkas penyiapan (biasanya "
                                       "bernama penyiapan-….json)."))
        self.btn_choose.setText(self.tr("Pilih berkas…"))
        if self.preview is None:
            self.lbl_file.setText(self.tr("Belum ada berkas dipilih."))
        captions = (self.tr("Puskesos"), self.tr("Wilayah"), self.tr("Kabupaten/kota"),
                    self.tr("Sidik jari kunci kabupaten"), self.tr("Layanan rujukan"), self.tr("Hari libur"))
        for label, text in zip(self._captions, captions, strict=True):
            label.setText(text)
        self.lbl_check.setText(self.tr("Cocokkan sidik jari ini dengan Sekretariat SLRT lewat telepon: bila sama, "
                                       "berkas ini benar-benar dari kabupaten Anda."))
        if self.preview is not None:
            self._show(self.preview)

    def isComplete(self) -> bool:
        return self.preview is not None and not self._reading

    def choose_path(self) -> str | None:
        """The file dialog (tests replace it). It opens where removable drives are usually found."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Pilih berkas penyiapan dari kabupaten"), start,
                                                    self.tr("Berkas penyiapan (*.json);;Semua berkas (*)"))
        return path or None

    def _on_btn_choose_clicked(self) -> None:
        chosen = self.choose_path()
        if not chosen or self._reading:
            return
        path, db = Path(chosen), self.first_run().db
        self._reading = True
        self.btn_choose.setEnabled(False)
        say(self.lbl_error, "")
        self.lbl_file.setText(self.tr("Membaca {name}…").format(name=path.name))
        self.completeChanged.emit()
        run_op(self, lambda: preview_setup_file(db, path), self._on_previewed, self._on_preview_failed)

    def _on_previewed(self, preview: SetupPreview) -> None:
        self._reading = False
        self.btn_choose.setEnabled(True)
        self.preview = preview
        self._show(preview)
        self.completeChanged.emit()
        self.previewed.emit(preview)

    def _show(self, preview: SetupPreview) -> None:
        self.lbl_file.setText(preview.path.name)
        self.lbl_site.setText(f"{preview.name} ({preview.site_code})")
        self.lbl_region.setText(preview.region_path or "—")
        self.lbl_district.setText(f"{preview.district_name} ({preview.district_code})")
        self.lbl_fingerprint.setText(preview.district_fingerprint)
        self.lbl_services.setText(self.tr("%n layanan", "", preview.services))
        self.lbl_holidays.setText(self.tr("%n hari", "", preview.holidays))
        self.frm_summary.setVisible(True)

    def _on_preview_failed(self, error: BaseException) -> None:
        self._reading = False
        self.btn_choose.setEnabled(True)
        self.preview = None
        self.frm_summary.setVisible(False)
        self.lbl_file.setText(self.tr("Belum ada berkas dipilih."))
        self.completeChanged.emit()
        if isinstance(error, PuskesosError):
            say(self.lbl_error, error.message)
        else:
            show_error(self, error)

    def lock(self) -> None:
        """The site exists now: the file can no longer be changed."""
        self.btn_choose.setEnabled(False)
