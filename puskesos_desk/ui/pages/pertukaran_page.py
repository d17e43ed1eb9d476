"""The Pertukaran Data area: send a signed package to the other side (Kirim), check and apply one received
(Terima), follow the packages and the rows waiting for a decision (Riwayat & Konflik), and keep the district's
DTSEN/DTKS extract the desk answers from (Data DTSEN, ui/pages/dtsen_page.py); at a district, the villages with
the packages each has sent and those still missing (Desa).

A village exchanges with its kabupaten/kota secretariat, a district with the villages it trusts; the tabs
adapt to the site's role. Every slow step runs through run_op; the history reloads whenever the page is shown
and after an export or an import.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.exchange_batch import BatchImportOutcome
from puskesos_desk.domain.exchange_records import ExportOutcome, ImportOutcome
from puskesos_desk.domain.records import SiteInfo
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.pages.dtsen_page import DtsenPage
from puskesos_desk.ui.pages.pertukaran_export_tab import ExportTab
from puskesos_desk.ui.pages.pertukaran_history_tab import HistoryTab
from puskesos_desk.ui.pages.pertukaran_import_tab import ImportTab
from puskesos_desk.ui.pages.pertukaran_villages_tab import VillagesTab
from puskesos_desk.ui.widgets.wrapped_label import keep_lines


class PertukaranPage(QWidget):
    changed = Signal()  # an import changed this site's data (households, referrals, decisions…)

    TAB_EXPORT = 0
    TAB_IMPORT = 1
    TAB_HISTORY = 2
    TAB_DTSEN = 3
    TAB_VILLAGES = 4  # at a district site only

    def __init__(self, ctx: ServiceContext, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.site = site

        # Widgets
        self.lbl_title = QLabel(self.tr("Pertukaran Data"))
        self.lbl_title.setObjectName("lbl_title")
        if site.role is SiteRole.DESA:
            subtitle = self.tr("Kirim data Puskesos ke Sekretariat SLRT kabupaten/kota dan terima jawabannya "
                               "(hasil rujukan, keputusan usulan, direktori layanan) sebagai paket Excel bertanda "
                               "tangan, lewat flashdisk, surel, atau WhatsApp.")
        else:
            subtitle = self.tr("Terima paket data dari Puskesos desa/kelurahan dan kirim jawabannya (hasil rujukan, "
                               "keputusan usulan, direktori layanan) sebagai paket Excel bertanda tangan, lewat "
                               "flashdisk, surel, atau WhatsApp.")
        self.lbl_subtitle = QLabel(subtitle)
        self.lbl_subtitle.setObjectName("lbl_subtitle")
        self.lbl_subtitle.setWordWrap(True)
        keep_lines(self.lbl_subtitle)  # two lines at 125 % scaling; the tabs below must not be squeezed for them
        self.tab_export = ExportTab(ctx, site)
        self.tab_import = ImportTab(ctx)
        self.tab_history = HistoryTab(ctx, site)
        self.tab_dtsen = DtsenPage(ctx)
        self.tab_sections = QTabWidget()
        self.tab_sections.setDocumentMode(True)
        self.tab_sections.addTab(self.tab_export, self.tr("Kirim"))
        self.tab_sections.addTab(self.tab_import, self.tr("Terima"))
        self.tab_sections.addTab(self.tab_history, self.tr("Riwayat && Konflik"))
        self.tab_sections.addTab(self.tab_dtsen, self.tr("Data DTSEN"))
        self.tab_villages = VillagesTab(ctx) if site.role is SiteRole.KABUPATEN else None
        if self.tab_villages is not None:
            self.tab_sections.addTab(self.tab_villages, self.tr("Desa"))

        # Signals
        self.tab_export.exported.connect(self._on_tab_export_exported)
        self.tab_import.imported.connect(self._on_tab_import_imported)
        self.tab_dtsen.imported.connect(self.changed)  # the households' DTSEN standing changed with the extract

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.lbl_subtitle)
        layout.addWidget(self.tab_sections, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.mark_stale()  # another officer, or the CLI, may have exchanged packages since the last visit

    def mark_stale(self) -> None:
        """The visible tab reloads now, the others when they are shown."""
        self.tab_export.mark_stale()
        self.tab_history.mark_stale()
        self.tab_dtsen.mark_stale()
        if self.tab_villages is not None:
            self.tab_villages.mark_stale()

    def show_export(self) -> None:
        self.tab_sections.setCurrentIndex(self.TAB_EXPORT)

    def show_import(self) -> None:
        self.tab_sections.setCurrentIndex(self.TAB_IMPORT)

    def show_history(self) -> None:
        self.tab_sections.setCurrentIndex(self.TAB_HISTORY)

    def show_dtsen(self) -> None:
        self.tab_sections.setCurrentIndex(self.TAB_DTSEN)

    def show_villages(self) -> None:
        if self.tab_villages is not None:
            self.tab_sections.setCurrentIndex(self.TAB_VILLAGES)

    def _on_tab_export_exported(self, _outcome: ExportOutcome) -> None:
        self.tab_history.mark_stale()

    def _on_tab_import_imported(self, _outcome: ImportOutcome | BatchImportOutcome) -> None:
        self.tab_history.mark_stale()
        if self.tab_villages is not None:
            self.tab_villages.mark_stale()
        self.changed.emit()
