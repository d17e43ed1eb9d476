"""The first-run wizard: shown by ui/app.py instead of "Situs belum disiapkan" when the database has no site.

    Bahasa → Cara menyiapkan → (Berkas penyiapan | Wilayah dan nama) → Kop surat → Akun Admin [site created]
    → Akun petugas → Kertas dan printer → Data DTSEN → Selesai

Nothing is written before "Buat situs" on the Admin page (a commit page: Back cannot return past it). Until then
the wizard acts as the CLI actor of this PC's user, as `puskesos-desk init` does (services/first_run.py); after it
the same actor, now of the site, creates the officers' accounts and loads the DTSEN extract — the extract needs
IMPORT_DATA, which the Admin role does not hold.

"Mulai" closes the wizard and the app shows the sign-in dialog rather than signing the Admin in directly: the Admin
cannot serve residents (no case permissions), so the first person at the desk usually signs in with an officer's
account and the password from the printed list; and the one sign-in path (lockout, first password change, idle
lock) stays the only way into the main window.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from puskesos_desk import APP_NAME
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.records import SiteInfo
from puskesos_desk.services.context import Database, ServiceContext
from puskesos_desk.services.first_run import CreatedSite, HandSite, setup_context
from puskesos_desk.services.site import get_site_info
from puskesos_desk.ui.desk_settings import store_language
from puskesos_desk.ui.i18n import install_translators
from puskesos_desk.ui.style import app_icon
from puskesos_desk.ui.wizard.admin_page import AdminPage
from puskesos_desk.ui.wizard.done_page import DonePage
from puskesos_desk.ui.wizard.extract_page import ExtractPage
from puskesos_desk.ui.wizard.language_page import LanguagePage
from puskesos_desk.ui.wizard.letterhead_page import LetterheadPage
from puskesos_desk.ui.wizard.method_page import SETUP_FILE, MethodPage
from puskesos_desk.ui.wizard.officers_page import OfficersPage
from puskesos_desk.ui.wizard.page_base import WizardPage
from puskesos_desk.ui.wizard.printer_page import PrinterPage
from puskesos_desk.ui.wizard.region_page import RegionPage
from puskesos_desk.ui.wizard.setup_file_page import SetupFilePage

log = logging.getLogger(__name__)

(PAGE_LANGUAGE, PAGE_METHOD, PAGE_SETUP_FILE, PAGE_REGION, PAGE_LETTERHEAD, PAGE_ADMIN, PAGE_OFFICERS, PAGE_PRINTER,
 PAGE_EXTRACT, PAGE_DONE) = range(10)
# Fits a 1366×768 screen with the taskbar and the window frame; a smaller screen (125 % scaling leaves 1093×614
# logical pixels) gets a smaller wizard, which every page fits.
WIZARD_SIZE = (860, 620)
SCREEN_MARGIN = 48  # the taskbar and the window frame


class FirstRunWizard(QWizard):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ctx: ServiceContext = setup_context(db)
        self.created: CreatedSite | None = None
        self.letterhead_pending = False
        self.setObjectName("first_run_wizard")
        self.setWindowIcon(app_icon())
        # One look on every system (Windows would pick Aero, Linux Classic): the title and the hint stay in the band
        # at the top, where the officer learns to look for them.
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, app_icon().pixmap(48, 48))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)

        self.page_language = LanguagePage()
        self.page_method = MethodPage()
        self.page_setup_file = SetupFilePage()
        self.page_region = RegionPage(lambda: self.ctx)
        self.page_letterhead = LetterheadPage()
        self.page_admin = AdminPage()
        self.page_officers = OfficersPage()
        self.page_printer = PrinterPage()
        self.page_extract = ExtractPage()
        self.page_done = DonePage()
        for page_id, page in enumerate(self.pages()):
            self.setPage(page_id, page)
        self.page_language.language_chosen.connect(self._on_page_language_language_chosen)
        self.retranslate()
        room = self.screen().availableGeometry()
        self.resize(min(WIZARD_SIZE[0], room.width() - SCREEN_MARGIN),
                    min(WIZARD_SIZE[1], room.height() - SCREEN_MARGIN))

    def pages(self) -> list[WizardPage]:
        return [self.page_language, self.page_method, self.page_setup_file, self.page_region, self.page_letterhead,
                self.page_admin, self.page_officers, self.page_printer, self.page_extract, self.page_done]

    @classmethod
    def run(cls, db: Database) -> SiteInfo | None:
        """Show the wizard; the site when one exists afterwards (also when the wizard was closed after creating it),
        None when the officer left before."""
        wizard = cls(db)
        try:
            wizard.exec()
            return wizard.site(reload=True)
        finally:
            wizard.deleteLater()

    # --- language ------------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Menyiapkan {app}").format(app=APP_NAME))
        # Set here rather than left to Qt: Qt has no Indonesian catalogue, and its own words would stay English.
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Lanjut >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Mulai"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Buat situs"))
        for page in self.pages():
            page.retranslate()

    def _on_page_language_language_chosen(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            install_translators(app, language)
        store_language(language)
        log.info("first run: interface language %s", language)
        self.retranslate()

    # --- the routing and the site --------------------------------------------------------------------------------

    def nextId(self) -> int:
        current = self.currentId()
        if current == PAGE_METHOD:
            return PAGE_SETUP_FILE if self.page_method.method() == SETUP_FILE else PAGE_REGION
        if current in (PAGE_SETUP_FILE, PAGE_REGION):
            return PAGE_LETTERHEAD
        if current == PAGE_DONE:
            return -1
        return current + 1

    def uses_setup_file(self) -> bool:
        return self.page_method.method() == SETUP_FILE

    def hand_site(self) -> HandSite | None:
        return None if self.uses_setup_file() else self.page_region.hand_site()

    def setup_text(self) -> str | None:
        preview = self.page_setup_file.preview
        return preview.text if self.uses_setup_file() and preview is not None else None

    def site_title(self) -> str:
        """The site as chosen so far, for the pages after the choice."""
        if self.created is not None:
            return f"{self.created.site.name} ({self.created.site.code})"
        if self.uses_setup_file():
            preview = self.page_setup_file.preview
            return f"{preview.name} ({preview.site_code})" if preview is not None else ""
        hand = self.page_region.hand_site()
        return f"{hand.name} ({hand.code})" if hand is not None else ""

    def site(self, *, reload: bool = False) -> SiteInfo | None:
        if reload:
            try:
                return get_site_info(self.db)
            except PuskesosError:  # no site (left before Buat situs), or the database went away: nothing to start
                log.info("first run ended without a site")
                return None
        return self.created.site if self.created is not None else None

    def site_created(self, created: CreatedSite) -> None:
        """Buat situs succeeded: later steps act on the site; the choices before it can no longer change."""
        self.created = created
        self.letterhead_pending = created.letterhead_error is not None
        self.ctx = setup_context(self.db)
        self.page_setup_file.lock()
        self.page_region.lock()
        if not self.letterhead_pending:
            self.page_letterhead.lock()
        log.info("first run: site %s ready", created.site.code)

    def letterhead_saved(self) -> None:
        self.letterhead_pending = False
        self.page_letterhead.lock()

    # --- leaving early -------------------------------------------------------------------------------------------

    def confirm_leave(self) -> bool:
        """Asked when the officer closes the wizard before the site exists (tests replace it)."""
        answer = QMessageBox.question(
            self, self.tr("Keluar dari penyiapan?"),
            self.tr("Situs belum dibuat; isian pada langkah ini akan hilang dan aplikasi ditutup. Keluar?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        # Esc, Batal and the window's close button all end here. Before the site exists they would throw away what
        # was typed; after it, the site is kept and leaving early only skips optional steps (each is in Pengaturan).
        if self.page_admin.is_busy():
            return  # the site is being written: leaving now would close the database under it
        if self.created is None and self.currentId() > PAGE_LANGUAGE and not self.confirm_leave():
            return
        super().reject()
