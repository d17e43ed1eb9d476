"""The main window: area list on the left, the area's page on the right, who/where in the status bar.

Shaped by the roles of the signed-in user: an area whose work the roles do not include is not listed at all (an Admin
without a case role sees only Pengaturan), so nothing on start-up asks a service for what it would refuse. The
services enforce the same rules anyway.

After the site's idle minutes without input (ui/idle_watch.py), or on Ctrl+Shift+L, the content is replaced by the lock
screen (ui/lock_screen.py); open dialogs are closed first, since they may show a resident's data. "Ganti pengguna…"
signs out and returns to the sign-in dialog without quitting the application.
"""

from __future__ import annotations

import logging
import platform
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Signal, qVersion
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from puskesos_desk import APP_NAME, __version__
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.auth import SignedIn
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.areas import (
    AREA_AUDIT,
    AREA_BERANDA,
    AREA_KABUPATEN,
    AREA_KELUHAN,
    AREA_LAPORAN,
    AREA_LAYANAN,
    AREA_PENGATURAN,
    AREA_PERTUKARAN,
    AREA_RUJUKAN,
    AREAS,
    AUDIT_AREA_DESCRIPTION,
    AUDIT_AREA_TITLE,
    KABUPATEN_AREA_DESCRIPTION,
    KABUPATEN_AREA_TITLE,
    area_order,
    role_name,
)
from puskesos_desk.ui.help import show_contents, show_help
from puskesos_desk.ui.idle_watch import IdleWatch
from puskesos_desk.ui.lock_screen import LockScreen
from puskesos_desk.ui.pages.beranda import BerandaPage
from puskesos_desk.ui.pages.household_page import HouseholdPage
from puskesos_desk.ui.pages.keluhan_page import KeluhanPage
from puskesos_desk.ui.pages.rujukan_page import RujukanPage
from puskesos_desk.ui.pages.search_page import SearchPage
from puskesos_desk.ui.widgets.page_stack import PageStack
from puskesos_desk.ui.window_lock import WindowLockMixin

if TYPE_CHECKING:
    from puskesos_desk.domain.records import SiteInfo
    from puskesos_desk.services.context import Database
    from puskesos_desk.ui.pages.audit_page import AuditPage
    from puskesos_desk.ui.pages.kabupaten_page import KabupatenPage
    from puskesos_desk.ui.pages.laporan_page import LaporanPage
    from puskesos_desk.ui.pages.pertukaran_page import PertukaranPage
    from puskesos_desk.ui.pages.settings_page import SettingsPage

log = logging.getLogger(__name__)

_CTX = "MainWindow"


DEFAULT_SIZE = QSize(1280, 720)
# Fits a 1366×768 screen at 125 % scaling (1093×614 logical pixels, less the task bar and title bar).
MINIMUM_SIZE = QSize(960, 540)


class MainWindow(WindowLockMixin, QMainWindow):
    """`signed_out` is emitted when the user chose Keluar; `closed(by_sign_out)` when the window closes (not when
    it is closed to be rebuilt in another language); `language_chosen(code)` when Pengaturan asks for another
    interface language."""

    signed_out = Signal()
    closed = Signal(bool)
    area_changed = Signal(int)
    language_chosen = Signal(str)
    household_shown = Signal(str)
    session_ended = Signal(str)  # the account locked at the lock screen: the message for the sign-in dialog
    locked_changed = Signal(bool)

    def __init__(self, db: Database, signed_in: SignedIn, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.signed_in = signed_in
        self.site = site
        self.ctx = ServiceContext(db, signed_in.actor)
        self._signing_out = False
        self._rebuilding = False
        self._beranda_stale = False
        self._household_stale = False
        self._household_id: str | None = None
        self._locked = False
        self.setWindowTitle(f"{APP_NAME} — {site.name}")

        # Widgets
        self.lst_areas = QListWidget()
        self.lst_areas.setObjectName("lst_areas")
        self.lst_areas.setAccessibleName(self.tr("Daftar bagian"))
        self.stk_pages = PageStack()  # each page scrolls down when a 125 % screen has less room than it needs
        self.page_beranda = BerandaPage(self.ctx)
        self.page_search = SearchPage(self.ctx)
        # Ctrl+F and Ctrl+N are window-wide actions here; the search page's own shortcuts for the same keys would
        # make them ambiguous (and then neither fires), so they stay off inside the main window.
        self.page_search.shc_find.setEnabled(False)
        self.page_search.shc_new.setEnabled(False)
        self.page_household = HouseholdPage(self.ctx)
        self.stk_layanan = QStackedWidget()
        self.stk_layanan.addWidget(self.page_search)
        self.stk_layanan.addWidget(self.page_household)
        self.page_keluhan = KeluhanPage(self.ctx)
        self.page_rujukan = RujukanPage(self.ctx)
        # area → its page; the stack holds the pages of this window only (no kabupaten page at a desa, no audit
        # page for a role that may not read the log).
        self._area_pages: dict[int, QWidget] = {
            AREA_BERANDA: self.page_beranda, AREA_LAYANAN: self.stk_layanan, AREA_KELUHAN: self.page_keluhan,
            AREA_RUJUKAN: self.page_rujukan,
        }
        # The pages most days at the desk never open are built the first time they are shown: their widgets and
        # modules are about 15 MB of a 4 GB PC's memory (benchmarks/walkin.py). Until then the stack holds a
        # placeholder in their place.
        self._page_builders: dict[int, Callable[[], QWidget]] = {
            AREA_LAPORAN: self._build_laporan, AREA_PERTUKARAN: self._build_pertukaran,
            AREA_PENGATURAN: self._build_settings,
        }
        titles = {area: title for area, (title, _) in enumerate(AREAS)}
        descriptions = {area: description for area, (_, description) in enumerate(AREAS)}
        if site.role is SiteRole.KABUPATEN:
            self._page_builders[AREA_KABUPATEN] = self._build_kabupaten
            titles[AREA_KABUPATEN], descriptions[AREA_KABUPATEN] = KABUPATEN_AREA_TITLE, KABUPATEN_AREA_DESCRIPTION
        if signed_in.actor.can(Permission.VIEW_AUDIT):
            self._page_builders[AREA_AUDIT] = self._build_audit
            titles[AREA_AUDIT], descriptions[AREA_AUDIT] = AUDIT_AREA_TITLE, AUDIT_AREA_DESCRIPTION
        for area in sorted(self._page_builders):
            self._area_pages[area] = QWidget()
        for page in self._area_pages.values():
            self.stk_pages.addWidget(page)
        self._area_order = [area for area in area_order(site.role, signed_in.actor) if area in self._area_pages]
        self.area_actions: list[QAction] = []
        for row, index in enumerate(self._area_order):
            label = QCoreApplication.translate(_CTX, titles[index])
            self.lst_areas.addItem(label)
            self.lst_areas.item(row).setToolTip(
                f"{QCoreApplication.translate(_CTX, descriptions[index])} (Ctrl+{row + 1})")
            action = QAction(label, self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.setData(index)
            action.triggered.connect(self._on_area_action_triggered)
            self.area_actions.append(action)
        width = max(self.lst_areas.sizeHintForColumn(0) + 32, 176)
        self.lst_areas.setFixedWidth(width)
        self.act_find = QAction(self.tr("&Cari warga"), self)
        self.act_find.setShortcut(QKeySequence("Ctrl+F"))
        self.act_find.setStatusTip(self.tr("Cari warga atau keluarga dengan NIK, nomor KK, atau nama"))
        self.act_new_registration = QAction(self.tr("&Daftarkan keluarga baru"), self)
        self.act_new_registration.setShortcut(QKeySequence("Ctrl+N"))
        self.act_sign_out = QAction(self.tr("&Keluar"), self)
        self.act_sign_out.setStatusTip(self.tr("Keluar dari akun ini dan kembali ke layar masuk"))
        self.act_quit = QAction(self.tr("&Tutup aplikasi"), self)
        self.act_quit.setShortcut(QKeySequence.StandardKey.Quit)
        self.act_about = QAction(self.tr("&Tentang Puskesos Desk"), self)
        # F1 itself is caught application-wide (ui/help), so it also works inside dialogs; no shortcut here.
        self.act_help_screen = QAction(self.tr("Bantuan &layar ini (F1)"), self)
        self.act_help_contents = QAction(self.tr("&Daftar isi bantuan"), self)
        self.act_quick_guide = QAction(self.tr("Cetak &panduan singkat meja layanan…"), self)
        self.act_quick_guide.setToolTip(self.tr("Satu halaman untuk ditempel di meja layanan: rutinitas harian, "
                                                "tindak lanjut, dan pertukaran bulanan"))
        self.act_lock = QAction(self.tr("Kunci &layar"), self)
        self.act_lock.setShortcut(QKeySequence("Ctrl+Shift+L"))  # Ctrl+L is the household page's "Keluhan"
        self.act_lock.setStatusTip(self.tr("Sembunyikan layar sampai kata sandi Anda dimasukkan lagi"))
        self.act_switch_user = QAction(self.tr("&Ganti pengguna…"), self)
        self.act_switch_user.setStatusTip(self.tr("Keluar dari akun ini dan masuk sebagai pengguna lain"))
        self.act_change_password = QAction(self.tr("&Ubah kata sandi…"), self)
        can_view_cases = signed_in.actor.can(Permission.VIEW_CASES)
        self.act_find.setVisible(can_view_cases)
        self.act_find.setEnabled(can_view_cases)
        can_register = can_view_cases and signed_in.actor.can(Permission.REGISTER)
        self.act_new_registration.setVisible(can_register)
        self.act_new_registration.setEnabled(can_register)
        self.lock_screen = LockScreen(db, signed_in.actor, signed_in.user.full_name, site)
        self.idle_watch = IdleWatch(signed_in.idle_lock_minutes, self)
        user = signed_in.user
        self.lbl_user = QLabel(self.tr("{name} ({role})").format(name=user.full_name, role=role_name(user.role)))
        self.lbl_site = QLabel(site.name)
        self.lbl_db = QLabel(self.tr("Basis data: {where}").format(where=db.display_location))
        self.lbl_db.setToolTip(db.display_location)

        # Signals
        self.lst_areas.currentRowChanged.connect(self._on_lst_areas_current_row_changed)
        self.act_find.triggered.connect(self._on_act_find_triggered)
        self.act_new_registration.triggered.connect(self._on_act_new_registration_triggered)
        self.act_sign_out.triggered.connect(self._on_act_sign_out_triggered)
        self.act_quit.triggered.connect(self.close)
        self.act_about.triggered.connect(self._on_act_about_triggered)
        self.act_help_screen.triggered.connect(self._on_act_help_screen_triggered)
        self.act_help_contents.triggered.connect(self._on_act_help_contents_triggered)
        self.act_quick_guide.triggered.connect(self._on_act_quick_guide_triggered)
        self.act_lock.triggered.connect(self._on_act_lock_triggered)
        self.act_switch_user.triggered.connect(self._on_act_switch_user_triggered)
        self.act_change_password.triggered.connect(self._on_act_change_password_triggered)
        self.idle_watch.idle.connect(self._on_idle_watch_idle)
        self.lock_screen.unlocked.connect(self._on_lock_screen_unlocked)
        self.lock_screen.switch_user_requested.connect(self._on_act_switch_user_triggered)
        self.lock_screen.session_ended.connect(self._on_lock_screen_session_ended)
        self.page_search.household_opened.connect(self.open_household)
        self.page_household.back_requested.connect(self._on_page_household_back_requested)
        self.page_household.changed.connect(self._on_page_household_changed)
        self.page_household.referral_open_requested.connect(self._on_page_household_referral_open_requested)
        self.page_keluhan.household_opened.connect(self.open_household)
        self.page_keluhan.changed.connect(self._on_page_keluhan_changed)
        self.page_rujukan.household_opened.connect(self.open_household)
        self.page_rujukan.changed.connect(self._on_page_rujukan_changed)

        # Assemble
        menu_file = self.menuBar().addMenu(self.tr("&Berkas"))
        menu_file.addAction(self.act_find)
        menu_file.addAction(self.act_new_registration)
        menu_file.addSeparator()
        menu_file.addAction(self.act_lock)
        menu_file.addAction(self.act_switch_user)
        menu_file.addAction(self.act_change_password)
        menu_file.addAction(self.act_sign_out)
        menu_file.addSeparator()
        menu_file.addAction(self.act_quit)
        menu_areas = self.menuBar().addMenu(self.tr("B&agian"))
        menu_areas.addActions(self.area_actions)
        menu_help = self.menuBar().addMenu(self.tr("Ba&ntuan"))
        menu_help.addAction(self.act_help_screen)
        menu_help.addAction(self.act_help_contents)
        menu_help.addAction(self.act_quick_guide)
        menu_help.addSeparator()
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
        self.stk_root = QStackedWidget()
        self.stk_root.addWidget(central)
        self.stk_root.addWidget(self.lock_screen)
        self.setCentralWidget(self.stk_root)
        self.content = central
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

    # Pages built on first use

    @property
    def page_laporan(self) -> LaporanPage:
        return self._page(AREA_LAPORAN)  # type: ignore[return-value]

    @property
    def page_pertukaran(self) -> PertukaranPage:
        return self._page(AREA_PERTUKARAN)  # type: ignore[return-value]

    @property
    def page_settings(self) -> SettingsPage:
        return self._page(AREA_PENGATURAN)  # type: ignore[return-value]

    @property
    def page_kabupaten(self) -> KabupatenPage | None:
        """None at a desa."""
        return self._page(AREA_KABUPATEN) if AREA_KABUPATEN in self._area_pages else None  # type: ignore[return-value]

    @property
    def page_audit(self) -> AuditPage | None:
        """None for a role that may not read the log."""
        return self._page(AREA_AUDIT) if AREA_AUDIT in self._area_pages else None  # type: ignore[return-value]

    def built_page(self, area: int) -> QWidget | None:
        """The area's page if it exists already (a page built on first use is not built by asking)."""
        if area in self._page_builders or area not in self._area_pages:
            return None
        return self._area_pages[area]

    def _page(self, area: int) -> QWidget:
        """The area's page, built now if this is its first use."""
        builder = self._page_builders.pop(area, None)
        if builder is None:
            return self._area_pages[area]
        page = builder()
        self.stk_pages.replace(self._area_pages[area], page)
        self._area_pages[area] = page
        log.debug("page of area %d built on first use", area)
        return page

    def _build_laporan(self) -> QWidget:
        from puskesos_desk.ui.pages.laporan_page import LaporanPage

        return LaporanPage(self.ctx, self.site)

    def _build_pertukaran(self) -> QWidget:
        from puskesos_desk.ui.pages.pertukaran_page import PertukaranPage

        page = PertukaranPage(self.ctx, self.site)
        page.changed.connect(self._on_page_pertukaran_changed)
        return page

    def _build_settings(self) -> QWidget:
        from puskesos_desk.ui.pages.settings_page import SettingsPage

        page = SettingsPage(self.ctx, self.site, self.db.display_location)
        page.idle_minutes_saved.connect(self.idle_watch.set_minutes)
        page.language_chosen.connect(self.language_chosen)
        return page

    def _build_kabupaten(self) -> QWidget:
        from puskesos_desk.ui.pages.kabupaten_page import KabupatenPage

        page = KabupatenPage(self.ctx)
        page.household_requested.connect(self.open_household)
        return page

    def _build_audit(self) -> QWidget:
        from puskesos_desk.ui.pages.audit_page import AuditPage

        return AuditPage(self.ctx)

    def current_area(self) -> int:
        widget = self.stk_pages.currentWidget()
        return next(area for area, page in self._area_pages.items() if page is widget)

    def visible_areas(self) -> list[int]:
        return list(self._area_order)

    def show_area(self, index: int) -> None:
        if index in self._area_order:  # an area this user's roles do not include is never shown
            self.lst_areas.setCurrentRow(self._area_order.index(index))

    # Layanan: search, and the household opened from anywhere

    def show_search(self) -> None:
        self.stk_layanan.setCurrentWidget(self.page_search)
        self.show_area(AREA_LAYANAN)
        self.page_search.focus_search()

    def open_household(self, household_id: str) -> None:
        """Show the household in Layanan (from a search hit, a task or a complaint)."""
        self._household_id = household_id
        self._household_stale = False
        self._beranda_stale = True  # a household just registered from the search counts on Beranda
        self.stk_layanan.setCurrentWidget(self.page_household)
        self.show_area(AREA_LAYANAN)
        self.page_household.load(household_id)
        self.household_shown.emit(household_id)

    def _on_act_find_triggered(self) -> None:
        self.show_search()

    def _on_act_new_registration_triggered(self) -> None:
        self.show_search()
        self.page_search.open_registration(None)

    def _on_page_household_back_requested(self) -> None:
        self.show_search()

    # Saves elsewhere: Beranda's figures and the worklist follow

    def _data_changed(self) -> None:
        self._beranda_stale = True
        if self.current_area() == AREA_BERANDA:
            self._refresh_beranda()
        self.page_keluhan.mark_stale()

    def _refresh_beranda(self) -> None:
        self._beranda_stale = False
        self.page_beranda.refresh()

    def _on_page_household_changed(self) -> None:
        self._data_changed()
        self.page_rujukan.mark_stale()  # a referral drafted on the household page belongs in the Rujukan list

    def _on_page_household_referral_open_requested(self, referral_id: str, number: str) -> None:
        self.show_area(AREA_RUJUKAN)
        self.page_rujukan.show_list()
        self.page_rujukan.tab_list.show_referral(referral_id, number)

    def _on_page_keluhan_changed(self) -> None:
        self._household_stale = self._household_id is not None
        self._data_changed()

    def _on_page_rujukan_changed(self) -> None:
        # A printed or answered referral moves the household's needs and complaints on, and the worklist.
        self._household_stale = self._household_id is not None
        self._data_changed()

    def _on_page_pertukaran_changed(self) -> None:
        # An applied package brings households, referral answers and decisions from the other site.
        self._household_stale = self._household_id is not None
        self._data_changed()
        self.page_rujukan.mark_stale()
        for area in (AREA_LAPORAN, AREA_KABUPATEN):  # at a district, a village that just sent its first package
            page = self.built_page(area)
            if page is not None:
                page.mark_stale()  # type: ignore[attr-defined]

    # Areas

    def _on_area_action_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.show_area(int(action.data()))

    def _on_lst_areas_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        area = self._area_order[row]
        self.stk_pages.setCurrentWidget(self._page(area))
        if area == AREA_BERANDA and self._beranda_stale:
            self._refresh_beranda()
        if area == AREA_LAYANAN and self._household_stale and self._household_id is not None \
                and self.stk_layanan.currentWidget() is self.page_household:
            self._household_stale = False
            self.page_household.load(self._household_id)
        self.area_changed.emit(area)

    def _on_act_sign_out_triggered(self) -> None:
        log.info("signed out: %s", self.signed_in.user.username)
        self._signing_out = True
        self.signed_out.emit()
        self.close()

    def _on_act_help_screen_triggered(self) -> None:
        show_help()  # the screen the focus went back to when the menu closed

    def _on_act_help_contents_triggered(self) -> None:
        show_contents(self)

    def _on_act_quick_guide_triggered(self) -> None:
        from puskesos_desk.ui.quick_guide_action import open_quick_guide  # reportlab loads on first use only

        open_quick_guide(self, self.ctx)

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

    def close_for_rebuild(self) -> None:
        """Close without signing out: a new window for the same user takes this one's place."""
        self._rebuilding = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if event.isAccepted():
            self.idle_watch.stop()
        if event.isAccepted() and not self._rebuilding:
            self.closed.emit(self._signing_out)
