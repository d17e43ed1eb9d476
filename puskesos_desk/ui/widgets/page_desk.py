"""The grey desk a print preview lays its pages on: a scroll area of page images, at fit width or at 100 %.

It knows how wide each page is shown and, from that, the resolution the pages need (`preview_dpi`): the preview
asks the PDF helper for no more pixels than are shown. It says when it was resized (`resized`), so fit width can
follow the window.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from puskesos_desk.ui.pdf_pages import PREVIEW_DPI, PdfPages
from puskesos_desk.ui.widgets.page_image import BORDER as PAGE_BORDER
from puskesos_desk.ui.widgets.page_image import PageImage

ZOOM_FIT_WIDTH = 0
ZOOM_ACTUAL = 1
PAGE_GAP = 16  # pixels between pages and around them, on the grey desk
# Pages are rasterised for the pixels they are shown at (fit width or 100 %), between these resolutions, in steps so
# that a few more pixels of room do not render them again. An F4 page fitted to the dialog on a 1366×768 screen is
# about 108 dpi: 5 MB of image instead of 10 at 150 dpi.
MIN_PREVIEW_DPI = 72.0
PREVIEW_DPI_STEP = 12.0
DESK_STYLE = "QWidget#wdg_desk { background: #cbd2d9; }"


class PageDesk(QScrollArea):
    """`resized` after every resize. A signal, not an event filter on the viewport: a Python filter can be called
    while the dialog is half destroyed."""

    resized = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zoom = ZOOM_FIT_WIDTH
        self.views: list[PageImage] = []
        self.wdg_desk = QWidget()
        self.wdg_desk.setObjectName("wdg_desk")
        self.wdg_desk.setStyleSheet(DESK_STYLE)
        self.lay_pages = QVBoxLayout(self.wdg_desk)
        self.lay_pages.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.lay_pages.setSpacing(PAGE_GAP)
        self.lay_pages.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.wdg_desk)
        self.setWidgetResizable(True)
        # Always shown: a bar that comes and goes would change the width that "fit width" scales to.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def room(self) -> int:
        """Logical pixels a page may take at fit width: the page and its frame within the desk's margins (a page
        2 px wider than the viewport would scroll sideways)."""
        return max(200, self.viewport().width() - 2 * PAGE_GAP - 2 * PAGE_BORDER)

    def preview_dpi(self, page_width_mm: float) -> float:
        """The resolution a page this wide needs to be sharp at fit width and at 100 % on this screen."""
        width_in = page_width_mm / 25.4
        needed = max(self.logicalDpiX(), self.room() / width_in) * self.devicePixelRatioF()
        stepped = math.ceil(needed / PREVIEW_DPI_STEP) * PREVIEW_DPI_STEP
        return min(PREVIEW_DPI, max(MIN_PREVIEW_DPI, stepped))

    def page_widths(self, pages: PdfPages | None) -> list[int]:
        """The width each shown page takes, in logical pixels, at the current zoom."""
        if pages is None:
            return []
        shown = pages.sizes_pt[:pages.shown_count]
        if self.zoom == ZOOM_ACTUAL:
            per_point = self.logicalDpiX() / 72.0
            return [max(1, round(width * per_point)) for width, _ in shown]
        widest = max(width for width, _ in pages.sizes_pt)
        return [max(1, round(self.room() * width / widest)) for width, _ in shown]

    def show_pages(self, pages: PdfPages, describe: str) -> None:
        """One view per page image; `describe` is the accessible name, with {n} and {total}."""
        while len(self.views) < pages.shown_count:
            view = PageImage()
            self.lay_pages.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
            self.views.append(view)
        while len(self.views) > pages.shown_count:
            self._drop(self.views.pop())
        for index, (view, width) in enumerate(zip(self.views, self.page_widths(pages), strict=True)):
            view.show_image(pages.images[index], width)
            view.setAccessibleName(describe.format(n=index + 1, total=pages.page_count))

    def clear(self) -> None:
        """No pages: the views let go of their images now."""
        for view in self.views:
            self._drop(view)
        self.views = []

    def _drop(self, view: PageImage) -> None:
        self.lay_pages.removeWidget(view)
        view.clear()
        view.deleteLater()
