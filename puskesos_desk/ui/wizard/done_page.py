"""Step 8, Selesai: what was set up, what to do next, and where each step can be repeated. "Mulai" closes the wizard;
the sign-in dialog follows (see first_run_wizard.py for why it does not sign the Admin in directly)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard

from puskesos_desk.domain.enums import Role
from puskesos_desk.ui.dialogs.pdf_preview_dialog import paper_name
from puskesos_desk.ui.wizard.officers_page import DESK_ROLES
from puskesos_desk.ui.wizard.page_base import WizardPage, hint_label, message_label


class DonePage(WizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.lbl_summary = QLabel()
        self.lbl_summary.setObjectName("lbl_summary")
        self.lbl_summary.setWordWrap(True)
        self.lbl_summary.setTextFormat(Qt.TextFormat.RichText)
        self.lbl_next = QLabel()
        self.lbl_next.setWordWrap(True)
        self.lbl_warning = message_label(warning=True)
        self.lbl_repeat = hint_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_summary)
        layout.addSpacing(6)
        layout.addWidget(self.lbl_warning)
        layout.addWidget(self.lbl_next)
        layout.addStretch(1)
        layout.addWidget(self.lbl_repeat)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Selesai"))
        self.setSubTitle(self.tr("Komputer ini siap melayani warga."))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Mulai"))
        self.lbl_repeat.setText(self.tr(
            "Setiap langkah dapat diulang di Pengaturan: Bahasa tampilan, Surat dan kop, Akun pengguna, Kertas dan "
            "printer; ekstrak DTSEN di Pertukaran Data → Data DTSEN."))
        if self.first_run() is not None and self.first_run().created is not None:
            self.initializePage()

    def initializePage(self) -> None:
        wizard = self.first_run()
        site, created = wizard.site(), wizard.created
        if site is None or created is None:
            return
        accounts = wizard.page_officers.created
        settings = wizard.page_printer.settings
        rows = [
            (self.tr("Situs"), f"{site.name} ({site.code})"),
            (self.tr("Wilayah"), site.region_path),
            (self.tr("Akun Admin"), created.admin_username),
            (self.tr("Akun petugas"), ", ".join(a.user.username for a in accounts) or self.tr("belum ada")),
        ]
        if created.district_name:
            rows.append((self.tr("Kabupaten/kota tepercaya"), created.district_name))
        if settings is not None:
            chosen = settings.chosen()
            rows.append((self.tr("Kertas dan printer"), f"{paper_name(chosen.paper)}, "
                                                         f"{settings.cmb_printer.currentText()}"))
        outcome = wizard.page_extract.outcome
        rows.append((self.tr("Data DTSEN"), self.tr("{dataset} dimuat").format(dataset=outcome.dataset)
                     if outcome is not None else self.tr("belum dimuat")))
        self.lbl_summary.setText("<table cellspacing='4'>" + "".join(
            f"<tr><td style='color:#52606d; padding-right:12px'>{html.escape(k)}</td><td><b>{html.escape(v)}</b></td>"
            "</tr>" for k, v in rows) + "</table>")
        serving = [a for a in accounts if a.user.role in DESK_ROLES and a.user.role is not Role.ADMIN]
        self.lbl_warning.setText("" if serving else self.tr(
            "Belum ada akun petugas. Admin tidak dapat melayani warga: setelah masuk sebagai Admin, buat akun petugas "
            "di Pengaturan → Akun pengguna."))
        self.lbl_warning.setVisible(not serving)
        self.lbl_next.setText(self.tr(
            "Tekan Mulai, lalu masuk. Petugas masuk dengan akun masing-masing dan kata sandi sementara dari daftar, "
            "lalu memilih kata sandi sendiri. Admin ({admin}) masuk untuk mengurus akun dan pengaturan.")
            .format(admin=created.admin_username))
