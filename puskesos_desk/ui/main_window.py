"""The main window: area list on the left, the area's page on the right, who/where in the status bar."""

from __future__ import annotations

import logging
import platform
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Signal, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QMainWindow, QMessageBox, QStackedWidget, QWidget

from puskesos_desk import APP_NAME, __version__
from puskesos_desk.domain.enums import ROLE_LABELS
from puskesos_desk.services.auth import SignedIn
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.pages.area_page import AreaPage
from puskesos_desk.ui.pages.beranda import BerandaPage

if TYPE_CHECKING:
    from puskesos_desk.domain.records import SiteInfo
    from puskesos_desk.services.context import Database

log = logging.getLogger(__name__)

_CTX = "MainWindow"

# (title, what the area will hold). Beranda's text is unused: it has a real page.
AREAS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "Beranda"), ""),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Layanan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Cari atau daftarkan warga dan keluarga, catat kunjungan beserta keperluannya, dan catat kebutuhan "
            "yang ditemukan. Warga dicari dengan NIK, nomor KK, atau nama.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Keluhan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Catat pertanyaan, saran, dan pengaduan warga, tentukan tingkat urgensinya, lalu ikuti penanganannya "
            "sampai selesai atau dirujuk.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Rujukan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Buat rujukan ke dinas atau lembaga layanan, cetak surat dan slip rujukan, catat balasannya, dan pantau "
            "rujukan yang lewat batas waktu.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Laporan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Rekap bulanan kunjungan, keluhan, kebutuhan, dan rujukan untuk desa dan kabupaten, siap dicetak atau "
            "disimpan sebagai berkas Excel.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Pertukaran Data"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Kirim dan terima paket data antara Puskesos desa dan sekretariat SLRT kabupaten, dan siapkan usulan "
            "DTSEN untuk musyawarah desa dan operator SIKS-NG.",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("MainWindow", "Pengaturan"),
        QT_TRANSLATE_NOOP(
            "MainWindow",
            "Kelola akun petugas, data situs, daftar lembaga layanan rujukan, cadangan basis data, dan bahasa "
            "tampilan.",
        ),
    ),
)

DEFAULT_SIZE = QSize(1280, 720)
MINIMUM_SIZE = QSize(1024, 640)


class MainWindow(QMainWindow):
    """`signed_out` is emitted when the user chose Keluar; `closed(by_sign_out)` when the window closes."""

    signed_out = Signal()
    closed = Signal(bool)
    area_changed = Signal(int)

    def __init__(self, db: Database, signed_in: SignedIn, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.signed_in = signed_in
        self.site = site
        self.ctx = ServiceContext(db, signed_in.actor)
        self._signing_out = False
        self.setWindowTitle(f"{APP_NAME} — {site.name}")

        # Widgets
        self.lst_areas = QListWidget()
        self.lst_areas.setObjectName("lst_areas")
        self.lst_areas.setAccessibleName(self.tr("Daftar bagian"))
        self.stk_pages = QStackedWidget()
        self.page_beranda = BerandaPage(self.ctx)
        self.area_actions: list[QAction] = []
        for index, (title, description) in enumerate(AREAS):
            label = QCoreApplication.translate(_CTX, title)
            self.lst_areas.addItem(label)
            self.lst_areas.item(index).setToolTip(f"Ctrl+{index + 1}")
            page = self.page_beranda if index == 0 else AreaPage(label, QCoreApplication.translate(_CTX, description))
            self.stk_pages.addWidget(page)
            action = QAction(label, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.setData(index)
            action.triggered.connect(self._on_area_action_triggered)
            self.area_actions.append(action)
        width = max(self.lst_areas.sizeHintForColumn(0) + 32, 176)
        self.lst_areas.setFixedWidth(width)
        self.act_sign_out = QAction(self.tr("&Keluar"), self)
        self.act_sign_out.setStatusTip(self.tr("Keluar dari akun ini dan kembali ke layar masuk"))
        self.act_quit = QAction(self.tr("&Tutup aplikasi"), self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_about = QAction(self.tr("&Tentang Puskesos Desk"), self)
        user = signed_in.user
        self.lbl_user = QLabel(self.tr("{name} ({role})").format(name=user.full_name, role=ROLE_LABELS[user.role]))
        self.lbl_site = QLabel(site.name)
        self.lbl_db = QLabel(self.tr("Basis data: {where}").format(where=db.display_location))
        self.lbl_db.setToolTip(db.display_location)

        # Signals
        self.lst_areas.currentRowChanged.connect(self._on_lst_areas_current_row_changed)
        self.act_sign_out.triggered.connect(self._on_act_sign_out_triggered)
        self.act_quit.triggered.connect(self.close)
        self.act_about.triggered.connect(self._on_act_about_triggered)

        # Assemble
        menu_file = self.menuBar().addMenu(self.tr("&Berkas"))
        menu_file.addAction(self.act_sign_out)
        menu_file.addSeparator()
        menu_file.addAction(self.act_quit)
        menu_areas = self.menuBar().addMenu(self.tr("B&agian"))
        menu_areas.addActions(self.area_actions)
        menu_help = self.menuBar().addMenu(self.tr("Ba&ntuan"))
        menu_help.addAction(self.act_about)
        status = self.statusBar()
        status.setSizeGripEnabled(False)
        status.addPermanentWidget(self.lbl_user)
        status.addPermanentWidget(self.lbl_site)
        status.addPermanentWidget(self.lbl_db, 1)
        central = QWidget()
        body = QHBoxLayout(central)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.lst_areas)
        body.addWidget(self.stk_pages, 1)
        self.setCentralWidget(central)
        self.lst_areas.setCurrentRow(0)
        self.setMinimumSize(MINIMUM_SIZE)
        self.resize(self._default_size())

    def _default_size(self) -> QSize:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return DEFAULT_SIZE
        available = screen.availableGeometry()
        # Room for the window frame and title bar on a 1366×768 screen with a task bar.
        return QSize(
            max(MINIMUM_SIZE.width(), min(DEFAULT_SIZE.width(), available.width() - 40)),
            max(MINIMUM_SIZE.height(), min(DEFAULT_SIZE.height(), available.height() - 50)),
        )

    def current_area(self) -> int:
        return self.stk_pages.currentIndex()

    def show_area(self, index: int) -> None:
        self.lst_areas.setCurrentRow(index)

    def _on_area_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_area(int(action.data()))

    def _on_lst_areas_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stk_pages.setCurrentIndex(row)
        self.area_changed.emit(row)

    def _on_act_sign_out_triggered(self) -> None:
        log.info("signed out: %s", self.signed_in.user.username)
        self._signing_out = True
        self.signed_out.emit()
        self.close()

    def _on_act_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("Tentang Puskesos Desk"),
            self.tr(
                "<p><b>{app}</b> versi {version}</p>"
                "<p>Meja layanan Puskesos desa dan sekretariat SLRT kabupaten/kota.</p>"
                "<p>Python {python}, Qt {qt}</p>"
            ).format(app=APP_NAME, version=__version__, python=platform.python_version(), qt=qVersion()),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit(self._signing_out)
