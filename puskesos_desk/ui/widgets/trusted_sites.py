"""Pengaturan → "Situs tepercaya": this site's key fingerprint and its site card to send to the other site, the sites
whose packages this site accepts, and — for the Admin — trusting another site's card.

Trusting is a security decision made by people: the card's fingerprint is read out over the telephone and compared
before anyone presses "Ya, percayai". The card is parsed and its signature checked before that question is asked
(services.keys.card_from_json), and services.trust.trust_site checks it all again when it stores the key.

At a district the Admin can also invite a village ("Tambah desa…"): a set-up file for the village's first start and
a one-time enrolment code shown once (services.enrolment.write_setup_file).

Tests replace the modal steps: `choose_card_save_path(suggested)`, `choose_card_open_path()`,
`confirm_trust(card)`, `ask_new_village()`, `choose_setup_save_path(suggested)` and `show_enrolment_code(result)`.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected, PermissionDenied, PuskesosError
from puskesos_desk.domain.file_names import safe_file_stem
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import SiteCard, SiteInfo, TrustedSiteInfo
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.enrolment import SetupFileResult, write_setup_file
from puskesos_desk.services.keys import card_from_json
from puskesos_desk.services.site import site_card
from puskesos_desk.services.trust import trust_site, trusted_sites
from puskesos_desk.ui.dialogs.new_village_dialog import NewVillageDialog, setup_file_name
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.models.trusted_sites_model import TrustedSitesTableModel, fixed_font, role_label
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.record_table import record_table

log = logging.getLogger(__name__)

MAX_CARD_BYTES = 64 * 1024  # a card is under 1 KB; anything far bigger is not one (and is not read whole)
TEXT_WIDTH = 480  # the question's text: wide enough for the fingerprint on one line
VISIBLE_ROWS = 6  # the table grows with its rows up to this many, then scrolls

def card_file_name(site_code: str) -> str:
    return f"kartu-situs-{safe_file_stem(site_code, 'situs')}.json"


def with_json_suffix(chosen: str) -> Path:
    path = Path(chosen)
    return path if path.suffix.lower() == ".json" else path.with_name(path.name + ".json")


def read_card(path: Path) -> tuple[SiteCard, str]:
    """(the checked card, its text). A file that is not a card — too big, not UTF-8, not JSON, edited — fails with
    card_from_json's InputRejected; a file that cannot be opened raises OSError."""
    with path.open("rb") as handle:
        data = handle.read(MAX_CARD_BYTES + 1)
    text = data.decode("utf-8-sig", errors="replace")  # a BOM from Notepad is harmless; bad bytes fail as JSON
    return card_from_json(text), text


def write_card(ctx: ServiceContext, path: Path) -> Path:
    _card, text = site_card(ctx)
    path.write_text(text, encoding="utf-8", newline="\n")
    return path


class TrustConfirmBox(QMessageBox):
    """The question asked before a card is trusted; "Batal" is the default."""

    def __init__(self, card: SiteCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Percayai kartu situs"))
        self.setTextFormat(Qt.TextFormat.RichText)
        rows = (
            (self.tr("Nama"), html.escape(card.name)),
            (self.tr("Kode"), html.escape(card.code)),
            (self.tr("Peran"), html.escape(role_label(card.role.value))),
            # Never wrapped: a fingerprint broken over two lines is easy to misread over the phone.
            (self.tr("Sidik jari"), f"<span style='font-family: monospace; white-space: nowrap'>"
                                    f"{html.escape(card.fingerprint)}</span>"),
        )
        table = "".join(f"<tr><td style='padding-right: 12px'>{caption}</td><td><b>{value}</b></td></tr>"
                        for caption, value in rows)
        advice = self.tr(
            "Cocokkan sidik jari ini lewat telepon dengan petugas {name}: minta ia membacakan sidik jari yang "
            "tertera di Pengaturan aplikasinya, lalu bandingkan setiap hurufnya. Tekan \"Ya, percayai\" hanya bila "
            "semuanya sama.").format(name=card.name)
        question = self.tr("Percayai kartu situs ini?")
        effect = self.tr("Setelah dipercaya, paket data yang ditandatangani situs ini diterima di sini.")
        self.setText(f"<p><b>{html.escape(question)}</b></p><table>{table}</table>"
                     f"<p>{html.escape(advice)}</p><p>{html.escape(effect)}</p>")
        label = self.findChild(QLabel, "qt_msgbox_label")  # QMessageBox's own text label
        if label is not None:
            label.setMinimumWidth(TEXT_WIDTH)
        self.btn_yes = self.addButton(self.tr("Ya, percayai"), QMessageBox.ButtonRole.YesRole)
        self.btn_no = self.addButton(self.tr("Batal"), QMessageBox.ButtonRole.NoRole)
        self.setDefaultButton(self.btn_no)
        self.setEscapeButton(self.btn_no)

    def accepted_trust(self) -> bool:
        return self.clickedButton() is self.btn_yes


class TrustedSites(QGroupBox):
    list_loaded = Signal()  # the table was (re)loaded, or could not be
    card_saved = Signal(str)  # the path the site card was written to
    site_trusted = Signal(str)  # the code of the site now trusted (or trusted already with the same key)
    setup_written = Signal(str)  # the path of a village's set-up file (district)

    def __init__(self, ctx: ServiceContext, site: SiteInfo, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Situs tepercaya"), parent)
        self.ctx = ctx
        self.site = site
        self._may_trust = ctx.actor.can(Permission.MANAGE_SETTINGS)
        self._folder: Path | None = None
        self._busy = False
        self._load_started = False

        # Widgets
        self.lbl_intro = self._hint(self.tr(
            "Paket pertukaran data hanya diterima dari situs yang kartunya dipercaya di sini. Kirim kartu situs ini "
            "ke situs lain, percayai kartu situs mereka, lalu cocokkan sidik jari kedua kartu lewat telepon."))
        self.lbl_own_fingerprint = QLabel(site.fingerprint)
        self.lbl_own_fingerprint.setFont(fixed_font())
        self.lbl_own_fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lbl_own_fingerprint.setAccessibleName(self.tr("Sidik jari situs ini"))
        self.btn_save_card = QPushButton(self.tr("Simpan kartu situs ini…"))
        self.btn_save_card.setToolTip(self.tr("Simpan kartu situs (berkas .json) untuk dikirim ke situs lain, "
                                              "misalnya lewat surel atau flashdisk"))
        self.model = TrustedSitesTableModel(self)
        self.tbl_trusted, self.proxy = record_table(
            self.model, accessible_name=self.tr("Situs tepercaya"), stretch_column=TrustedSitesTableModel.COL_NAME,
            max_column_width=360, object_name="tbl_trusted", word_wrap=True)
        self.tbl_trusted.sortByColumn(TrustedSitesTableModel.COL_CODE, Qt.SortOrder.AscendingOrder)
        self.tbl_trusted.setVisible(False)
        self.lbl_list_note = self._hint(self.tr("Memuat daftar situs tepercaya…"))
        self.btn_trust = QPushButton(self.tr("Percayai kartu situs…"))
        self.btn_trust.setToolTip(
            self.tr("Buka kartu situs (.json) dari situs lain; sidik jarinya dicocokkan lewat telepon sebelum "
                    "dipercaya") if self._may_trust else
            self.tr("Hanya Admin yang dapat mempercayai kartu situs lain."))
        self.btn_add_village = QPushButton(self.tr("Tambah desa…"))
        self.btn_add_village.setToolTip(self.tr("Buat berkas penyiapan untuk desa baru, dengan kode pendaftaran "
                                                "sekali pakai"))
        self.btn_add_village.setVisible(site.role is SiteRole.KABUPATEN)
        self.lbl_status = self._hint()
        self.lbl_status.setVisible(True)
        self.lbl_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # Signals
        self.btn_save_card.clicked.connect(self._on_btn_save_card_clicked)
        self.btn_trust.clicked.connect(self._on_btn_trust_clicked)
        self.btn_add_village.clicked.connect(self._on_btn_add_village_clicked)

        # Assemble
        own_row = QHBoxLayout()
        own_row.addWidget(QLabel(self.tr("Sidik jari situs ini:")))
        own_row.addWidget(self.lbl_own_fingerprint)
        own_row.addStretch(1)
        own_row.addWidget(self.btn_save_card)
        trust_row = QHBoxLayout()
        trust_row.addWidget(self.btn_trust)
        trust_row.addWidget(self.btn_add_village)
        trust_row.addWidget(self.lbl_status, 1)  # always there, empty or not: the button keeps its size
        layout = QVBoxLayout(self)
        layout.addWidget(self.lbl_intro)
        layout.addLayout(own_row)
        layout.addWidget(self.tbl_trusted)
        layout.addWidget(self.lbl_list_note)
        layout.addLayout(trust_row)
        self._update_buttons()

    @staticmethod
    def _hint(text: str = "") -> QLabel:
        widget = QLabel(text)
        widget.setObjectName("lbl_hint")
        widget.setWordWrap(True)
        widget.setVisible(bool(text))
        return widget

    @staticmethod
    def _say(widget: QLabel, text: str) -> None:
        widget.setText(text)
        widget.setVisible(bool(text))

    def _update_buttons(self) -> None:
        self.btn_trust.setEnabled(self._may_trust and not self._busy)
        self.btn_add_village.setEnabled(self._may_trust and not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    # --- the list ----------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._load_started:
            self._load_started = True
            QTimer.singleShot(0, self, self.load)

    def load(self) -> None:
        ctx = self.ctx
        run_op(self, lambda: trusted_sites(ctx), self._on_list_ready, self._on_list_failed)

    def _on_list_ready(self, found: list[TrustedSiteInfo]) -> None:
        self.model.set_rows(found)
        self.tbl_trusted.setVisible(bool(found))
        self._fit_table_height()
        if found:
            self._say(self.lbl_list_note, "")
        elif self.site.role is SiteRole.DESA:
            self._say(self.lbl_list_note, self.tr("Belum ada situs tepercaya. Percayai kartu situs Sekretariat "
                                                  "SLRT kabupaten/kota Anda agar paket darinya dapat diterima."))
        else:
            self._say(self.lbl_list_note, self.tr("Belum ada situs tepercaya. Percayai kartu situs setiap "
                                                  "desa/kelurahan yang bertukar data dengan sekretariat ini."))
        self.list_loaded.emit()

    def _on_list_failed(self, error: BaseException) -> None:
        self.model.set_rows([])
        self.tbl_trusted.setVisible(False)
        if isinstance(error, PermissionDenied):
            self._say(self.lbl_list_note, self.tr("Daftar situs tepercaya hanya dapat dilihat oleh Admin, "
                                                  "Koordinator, dan petugas pertukaran data."))
        elif isinstance(error, PuskesosError):
            self._say(self.lbl_list_note, error.message)
        else:
            self._say(self.lbl_list_note, self.tr("Daftar situs tepercaya tidak dapat dimuat."))
            show_error(self, error)
        self.list_loaded.emit()

    def _fit_table_height(self) -> None:
        """As tall as its rows (up to VISIBLE_ROWS): the page scrolls as a whole, a short list needs no inner
        scroll bar and no empty space below it."""
        table = self.tbl_trusted
        table.resizeRowsToContents()
        shown = min(self.model.rowCount(), VISIBLE_ROWS)
        rows = sum(table.rowHeight(row) for row in range(shown))
        scroll = table.horizontalScrollBar().sizeHint().height() if table.horizontalScrollBar().isVisible() else 0
        table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows + 2 * table.frameWidth() + scroll)

    # --- this site's card --------------------------------------------------------------------------------------------

    def folder(self) -> Path:
        if self._folder is not None:
            return self._folder
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))

    def choose_card_save_path(self, suggested: Path) -> str | None:
        """The save dialog (tests replace this)."""
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan kartu situs ini"), str(suggested),
                                                    self.tr("Kartu situs (*.json)"))
        return path or None

    def _on_btn_save_card_clicked(self) -> None:
        chosen = self.choose_card_save_path(self.folder() / card_file_name(self.site.code))
        if not chosen:
            return
        path = with_json_suffix(chosen)
        self._folder = path.parent
        self.btn_save_card.setEnabled(False)
        self.lbl_status.setText(self.tr("Menyimpan kartu situs…"))
        ctx = self.ctx
        run_op(self, lambda: write_card(ctx, path), self._on_card_saved,
               lambda error: self._on_card_save_failed(path, error))

    def _on_card_saved(self, path: Path) -> None:
        self.btn_save_card.setEnabled(True)
        log.info("site card saved")
        self.lbl_status.setText(self.tr("Kartu situs tersimpan di {path}. Kirimkan berkas ini ke situs lain, "
                                           "lalu cocokkan sidik jarinya lewat telepon.").format(path=path))
        self.card_saved.emit(str(path))

    def _on_card_save_failed(self, path: Path, error: BaseException) -> None:
        self.btn_save_card.setEnabled(True)
        self.lbl_status.setText("")
        if isinstance(error, OSError):
            error = InputRejected(self.tr("Kartu situs tidak dapat disimpan di {path}: {reason}").format(
                path=path, reason=error.strerror or error))
        show_error(self, error)

    # --- trusting another site's card --------------------------------------------------------------------------------

    def choose_card_open_path(self) -> str | None:
        """The open dialog (tests replace this)."""
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Pilih kartu situs yang akan dipercaya"),
                                                    str(self.folder()), self.tr("Kartu situs (*.json)"))
        return path or None

    def confirm_trust(self, card: SiteCard) -> bool:
        """Ask before trusting (tests replace this)."""
        box = TrustConfirmBox(card, self)
        box.exec()
        accepted = box.accepted_trust()
        box.deleteLater()
        return accepted

    def _on_btn_trust_clicked(self) -> None:
        if not self.btn_trust.isEnabled():
            return
        chosen = self.choose_card_open_path()
        if not chosen:
            return
        path = Path(chosen)
        self._folder = path.parent
        self._set_busy(True)
        self.lbl_status.setText(self.tr("Membaca kartu situs…"))
        run_op(self, lambda: read_card(path), self._on_card_read, lambda error: self._on_trust_failed(path, error))

    def _on_card_read(self, result: tuple[SiteCard, str]) -> None:
        card, text = result
        self.lbl_status.setText("")
        if not self.confirm_trust(card):
            log.info("trusting a site card was declined")
            self._set_busy(False)
            return
        self.lbl_status.setText(self.tr("Menyimpan…"))
        ctx = self.ctx
        run_op(self, lambda: trust_site(ctx, text), self._on_trusted, lambda error: self._on_trust_failed(None, error),
               writes=True)

    def _on_trusted(self, result: tuple[TrustedSiteInfo, bool]) -> None:
        trusted, already = result
        self._set_busy(False)
        if already:
            message = self.tr("{name} ({code}) sudah dipercaya dengan kunci ini; tidak ada yang berubah.")
        else:
            message = self.tr("{name} ({code}) sekarang dipercaya: paket data darinya dapat diterima.")
        self.lbl_status.setText(message.format(name=trusted.name, code=trusted.code))
        log.info("site %s trusted (already: %s)", trusted.code, already)
        self.site_trusted.emit(trusted.code)
        self.load()

    def _on_trust_failed(self, path: Path | None, error: BaseException) -> None:
        self._set_busy(False)
        self.lbl_status.setText("")
        if isinstance(error, OSError):
            error = InputRejected(self.tr("Berkas {path} tidak dapat dibaca: {reason}").format(
                path=path, reason=error.strerror or error))
        show_error(self, error)

    # --- inviting a village (district) -------------------------------------------------------------------------------

    def ask_new_village(self) -> tuple[str, str] | None:
        """(village code, site name), or None when cancelled (tests replace this)."""
        dialog = NewVillageDialog(self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values()
        dialog.deleteLater()
        return values if accepted else None

    def choose_setup_save_path(self, suggested: Path) -> str | None:
        """The save dialog for the set-up file (tests replace this)."""
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Simpan berkas penyiapan desa"), str(suggested),
                                                    self.tr("Berkas penyiapan (*.json)"))
        return path or None

    def show_enrolment_code(self, result: SetupFileResult) -> None:
        """The code is shown this once and stored nowhere (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Kode pendaftaran"), "", parent=self)
        box.setText(self.tr(
            "Berkas penyiapan {name} ({code}) tersimpan di {path}.\n\nKode pendaftaran: {enrolment}\n\nCatat kode "
            "ini sekarang: kode hanya ditampilkan sekali dan hanya berlaku sekali. Kirim berkas dan kode kepada "
            "desa lewat jalur yang berbeda.").format(name=result.name, code=result.site_code, path=result.path,
                                                     enrolment=result.enrolment_code))
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
        box.deleteLater()

    def _on_btn_add_village_clicked(self) -> None:
        if not self.btn_add_village.isEnabled():
            return
        asked = self.ask_new_village()
        if not asked:
            return
        code, name = asked
        chosen = self.choose_setup_save_path(self.folder() / setup_file_name(code or "desa"))
        if not chosen:
            return
        path = with_json_suffix(chosen)
        self._folder = path.parent
        self._set_busy(True)
        self.lbl_status.setText(self.tr("Membuat berkas penyiapan…"))
        ctx = self.ctx
        run_op(self, lambda: write_setup_file(ctx, site_code=code, name=name, out=path), self._on_setup_written,
               lambda error: self._on_trust_failed(path, error), writes=True)

    def _on_setup_written(self, result: SetupFileResult) -> None:
        self._set_busy(False)
        self.lbl_status.setText(self.tr("Berkas penyiapan {name} ({code}) tersimpan di {path}. Kunci desa "
                                        "didaftarkan saat paket pertamanya diimpor.").format(
            name=result.name, code=result.site_code, path=result.path))
        log.info("set-up file written for %s", result.site_code)
        self.show_enrolment_code(result)
        self.setup_written.emit(str(result.path))
