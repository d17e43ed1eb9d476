"""The main window's stack of area pages, each page inside its own frameless scroll area.

On a 1366×768 screen at 125 % scaling the window has about 880×500 logical pixels for a page; a page whose
minimum height is more than that scrolls down instead of being cut off at the bottom (at 100 % every page fits and
no scroll bar shows). The scroll areas are invisible to the rest of the app: `currentWidget()`, `setCurrentWidget()`,
`indexOf()` and `widget()` speak of the pages themselves, and the scroll areas take no keyboard focus, so Tab goes
from the area list straight into the page as before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QVBoxLayout, QWidget


class _PageLayout(QVBoxLayout):
    """Holds one page and reports no height-for-width: a scroll area would otherwise ask for the page's preferred
    height at its width (every table at full size) and scroll at 100 % too. The page gets the room there is, and
    never less than its minimum size."""

    def hasHeightForWidth(self) -> bool:
        return False


class PageScrollArea(QScrollArea):
    """One page, filling the room it is given and scrolling only when the room is less than the page's minimum."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.setObjectName("scr_page")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidgetResizable(True)
        self.setStyleSheet("QScrollArea#scr_page { background: transparent; }")
        self.viewport().setAutoFillBackground(False)
        self.holder = QWidget()
        layout = _PageLayout(self.holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)
        self.setWidget(self.holder)
        if isinstance(page, QStackedWidget):  # another page of the stack has another minimum size
            page.currentChanged.connect(self._on_page_current_changed)

    def replace_page(self, page: QWidget) -> QWidget:
        """Hold `page` instead of the page held so far, which is returned (no longer shown, not deleted)."""
        old, self.page = self.page, page
        layout = self.holder.layout()
        assert layout is not None
        layout.replaceWidget(old, page)
        old.hide()
        old.setParent(None)  # type: ignore[call-overload]  # out of the holder; the caller deletes it
        if isinstance(page, QStackedWidget):
            page.currentChanged.connect(self._on_page_current_changed)
        return old

    def _on_page_current_changed(self, _index: int) -> None:
        layout = self.holder.layout()
        if layout is not None:
            layout.invalidate()


class PageStack(QStackedWidget):
    def addWidget(self, page: QWidget) -> int:
        return super().addWidget(PageScrollArea(page))

    def currentWidget(self) -> QWidget | None:
        return self._page_of(super().currentWidget())

    def setCurrentWidget(self, page: QWidget) -> None:
        holder = self._holder_of(page)
        if holder is not None:
            super().setCurrentWidget(holder)

    def widget(self, index: int) -> QWidget | None:
        return self._page_of(super().widget(index))

    def indexOf(self, page: QWidget) -> int:
        holder = self._holder_of(page)
        return -1 if holder is None else super().indexOf(holder)

    def scroll_area(self, page: QWidget) -> PageScrollArea | None:
        return self._holder_of(page)

    def replace(self, old: QWidget, new: QWidget) -> None:
        """`new` takes `old`'s place (its index, and the screen if `old` was shown); `old` is deleted."""
        holder = self._holder_of(old)
        if holder is None:
            raise ValueError("not a page of this stack")
        holder.replace_page(new).deleteLater()

    @staticmethod
    def _page_of(holder: QWidget | None) -> QWidget | None:
        return holder.page if isinstance(holder, PageScrollArea) else holder

    def _holder_of(self, page: QWidget) -> PageScrollArea | None:
        for index in range(self.count()):
            holder = super().widget(index)
            if isinstance(holder, PageScrollArea) and holder.page is page:
                return holder
        return None
