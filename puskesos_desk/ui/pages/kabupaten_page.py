"""The district's own area, Data Desa: what the villages have sent, seen across villages (Data gabungan), the
persons registered in two villages (Kemungkinan duplikat), the household changes the villages ask the Manajer SLRT
to decide (Perubahan KK), and the service directory the district keeps and sends to every village (Direktori
layanan).

Shown at a kabupaten/kota site only. A tab reloads from the database when it is shown and after an import, so
figures never go stale behind the person's back; a decision taken here marks the other tabs stale.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.pages.kabupaten_changes_tab import KabupatenChangesTab
from puskesos_desk.ui.pages.kabupaten_data_tab import KabupatenDataTab
from puskesos_desk.ui.pages.kabupaten_directory_tab import KabupatenDirectoryTab
from puskesos_desk.ui.pages.kabupaten_duplicates_tab import KabupatenDuplicatesTab


class KabupatenPage(QWidget):
    household_requested = Signal(str)  # open this household in Layanan

    TAB_DATA = 0
    TAB_DUPLICATES = 1
    TAB_CHANGES = 2
    TAB_DIRECTORY = 3

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale: set[int] = set()

        # Widgets
        self.lbl_title = QLabel(self.tr("Data Desa"))
        self.lbl_title.setObjectName("lbl_title")
        self.lbl_subtitle = QLabel(self.tr(
            "Data yang dikirim Puskesos desa/kelurahan, digabung untuk seluruh kabupaten/kota: telusuri per desa "
            "dan kecamatan, periksa warga yang tercatat di dua desa, putuskan usulan perubahan KK, dan kelola "
            "direktori layanan yang dikirim ke semua desa."))
        self.lbl_subtitle.setObjectName("lbl_subtitle")
        self.lbl_subtitle.setWordWrap(True)
        self.tab_data = KabupatenDataTab(ctx)
        self.tab_duplicates = KabupatenDuplicatesTab(ctx)
        self.tab_changes = KabupatenChangesTab(ctx)
        self.tab_directory = KabupatenDirectoryTab(ctx)
        self.tab_sections = QTabWidget()
        self.tab_sections.setDocumentMode(True)
        self.tab_sections.addTab(self.tab_data, self.tr("Data gabungan"))
        self.tab_sections.addTab(self.tab_duplicates, self.tr("Kemungkinan duplikat"))
        self.tab_sections.addTab(self.tab_changes, self.tr("Perubahan KK"))
        self.tab_sections.addTab(self.tab_directory, self.tr("Direktori layanan"))

        # Signals
        self.tab_sections.currentChanged.connect(self._on_tab_sections_current_changed)
        self.tab_data.household_requested.connect(self.household_requested)

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.lbl_subtitle)
        layout.addWidget(self.tab_sections, 1)
        self._stale = {self.TAB_DATA, self.TAB_DUPLICATES, self.TAB_CHANGES, self.TAB_DIRECTORY}

    def _tabs(self) -> list[QWidget]:
        return [self.tab_data, self.tab_duplicates, self.tab_changes, self.tab_directory]

    def mark_stale(self) -> None:
        """Something arrived (an import) or was decided elsewhere: every tab reloads when next shown."""
        self._stale = set(range(len(self._tabs())))
        if self.isVisible():
            self._refresh_current()

    def _refresh_current(self) -> None:
        index = self.tab_sections.currentIndex()
        if index in self._stale:
            self._stale.discard(index)
            self._tabs()[index].refresh()  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_current()

    def _on_tab_sections_current_changed(self, _index: int) -> None:
        self._refresh_current()
