"""The help window: one page at a time in a QTextBrowser, with back and forward, the table of contents ("Daftar
isi"), the glossary ("Istilah"), and bigger or smaller letters (kept per PC, for old eyes and worn screens).

Non-modal, so the form it explains stays usable beside it. It is a child window of the screen it was opened from,
which keeps it usable while that screen is a modal dialog (a modal dialog blocks every window but its children).
Links between pages are relative hrefs, resolved by the browser against the page it shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from puskesos_desk.ui.desk_settings import desk_settings
from puskesos_desk.ui.help.pages import page_file, page_id, page_title, stylesheet
from puskesos_desk.ui.help.registry import GLOSSARY_PAGE, INDEX_PAGE

FONT_KEY = "help/font_size"
DEFAULT_FONT_SIZE = 13  # points; the desk's own text is 10
MIN_FONT_SIZE, MAX_FONT_SIZE = 10, 24
DEFAULT_WIDTH, DEFAULT_HEIGHT = 620, 540  # fits 1366×768 at 125 % scaling beside a dialog
MIN_WIDTH = 420


def stored_font_size() -> int:
    value = desk_settings().value(FONT_KEY)
    try:
        size = int(value) if value is not None else DEFAULT_FONT_SIZE
    except (TypeError, ValueError):
        size = DEFAULT_FONT_SIZE
    return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))


class HelpViewer(QDialog):
    page_shown = Signal(str)  # the page id, each time a page is on display

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_viewer")
        self.setModal(False)
        self.setWindowTitle(self.tr("Bantuan"))
        self._placed = False
        self._source: Path | None = None

        # Widgets
        self.btn_back = QPushButton(self.tr("← Kembali"))
        self.btn_back.setToolTip(self.tr("Halaman bantuan sebelumnya (Alt+Kiri)"))
        self.btn_forward = QPushButton(self.tr("Maju →"))
        self.btn_forward.setToolTip(self.tr("Halaman bantuan berikutnya (Alt+Kanan)"))
        self.btn_contents = QPushButton(self.tr("Daftar isi"))
        self.btn_contents.setToolTip(self.tr("Semua halaman bantuan"))
        self.btn_glossary = QPushButton(self.tr("Istilah"))
        self.btn_glossary.setToolTip(self.tr("Arti singkatan dan istilah: PKH, BPNT, DTSEN, desil, musdes…"))
        self.btn_smaller = QPushButton(self.tr("A−"))
        self.btn_smaller.setToolTip(self.tr("Huruf lebih kecil (Ctrl+−)"))
        self.btn_larger = QPushButton(self.tr("A+"))
        self.btn_larger.setToolTip(self.tr("Huruf lebih besar (Ctrl++)"))
        for button in (self.btn_back, self.btn_forward, self.btn_contents, self.btn_glossary, self.btn_smaller,
                       self.btn_larger):
            button.setAutoDefault(False)
        for button in (self.btn_smaller, self.btn_larger):
            button.setMinimumWidth(44)
            button.setStyleSheet("min-width: 32px; padding: 6px 8px;")
        self.txt_page = QTextBrowser()
        self.txt_page.setObjectName("txt_help")
        self.txt_page.setOpenExternalLinks(False)
        self.txt_page.document().setDefaultStyleSheet(stylesheet())
        self.btn_close = QPushButton(self.tr("Tutup"))
        self.btn_close.setAutoDefault(False)
        self.sc_larger = QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self)
        self.sc_larger_plain = QShortcut(QKeySequence("Ctrl+="), self)
        self.sc_smaller = QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self)
        self._set_font_size(stored_font_size(), store=False)

        # Signals
        self.btn_back.clicked.connect(self.txt_page.backward)
        self.btn_forward.clicked.connect(self.txt_page.forward)
        self.btn_contents.clicked.connect(self._on_btn_contents_clicked)
        self.btn_glossary.clicked.connect(self._on_btn_glossary_clicked)
        self.btn_smaller.clicked.connect(self._on_btn_smaller_clicked)
        self.btn_larger.clicked.connect(self._on_btn_larger_clicked)
        self.sc_larger.activated.connect(self._on_btn_larger_clicked)
        self.sc_larger_plain.activated.connect(self._on_btn_larger_clicked)
        self.sc_smaller.activated.connect(self._on_btn_smaller_clicked)
        self.btn_close.clicked.connect(self.close)
        self.txt_page.backwardAvailable.connect(self.btn_back.setEnabled)
        self.txt_page.forwardAvailable.connect(self.btn_forward.setEnabled)
        self.txt_page.sourceChanged.connect(self._on_txt_page_source_changed)
        self.btn_back.setEnabled(False)
        self.btn_forward.setEnabled(False)

        # Assemble
        bar = QHBoxLayout()
        for button in (self.btn_back, self.btn_forward, self.btn_contents, self.btn_glossary):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.btn_smaller)
        bar.addWidget(self.btn_larger)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.btn_close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.txt_page, 1)
        layout.addLayout(bottom)
        self.resize(DEFAULT_WIDTH, DEFAULT_HEIGHT)

    # What is on display

    def source_path(self) -> Path | None:
        """The help file on display."""
        return self._source

    def current_page(self) -> str | None:
        path = self.source_path()
        return page_id(path) if path is not None else None

    def show_page(self, page: str) -> None:
        self.txt_page.setSource(QUrl.fromLocalFile(str(page_file(page))))

    def present(self) -> None:
        """Show the window (at the right of the screen the first time, so the form it explains stays in view), in
        front, with the page ready for the arrow keys."""
        if not self._placed:
            self._placed = True
            screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
            if screen is not None:
                area = screen.availableGeometry()
                # Under half a small screen (1366×768 at 125 %: 1093 px), so the form beside it stays readable.
                width = max(MIN_WIDTH, min(DEFAULT_WIDTH, int(area.width() * 0.45)))
                self.resize(width, min(DEFAULT_HEIGHT, area.height() - 40))
                self.move(area.right() - self.width() - 16, area.top() + 24)
        if self.isVisible() and QGuiApplication.platformName() != "offscreen":  # no stacking there to change
            self.raise_()
        self.show()
        self.activateWindow()
        self.txt_page.setFocus()

    # Letters

    def font_size(self) -> int:
        return self.txt_page.font().pointSize()

    def _set_font_size(self, size: int, *, store: bool = True) -> None:
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, size))
        font = QFont(self.txt_page.font())
        font.setPointSize(size)
        self.txt_page.setFont(font)
        self.btn_smaller.setEnabled(size > MIN_FONT_SIZE)
        self.btn_larger.setEnabled(size < MAX_FONT_SIZE)
        if store:
            settings = desk_settings()
            settings.setValue(FONT_KEY, size)
            settings.sync()

    def _on_btn_smaller_clicked(self) -> None:
        self._set_font_size(self.font_size() - 1)

    def _on_btn_larger_clicked(self) -> None:
        self._set_font_size(self.font_size() + 1)

    # Navigation

    def _on_btn_contents_clicked(self) -> None:
        self.show_page(INDEX_PAGE)

    def _on_btn_glossary_clicked(self) -> None:
        self.show_page(GLOSSARY_PAGE)

    def _on_txt_page_source_changed(self, url: QUrl) -> None:
        # source() still answers the previous page while this signal is emitted: the url is the new one.
        self._source = Path(url.toLocalFile()) if url.isLocalFile() else None
        path = self._source
        title = page_title(path) if path is not None and path.is_file() else ""
        self.setWindowTitle(self.tr("Bantuan — {title}").format(title=title) if title else self.tr("Bantuan"))
        if path is not None:
            self.page_shown.emit(page_id(path))
