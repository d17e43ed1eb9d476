"""Which screen the user is on when F1 is pressed.

The active modal dialog wins (a modal dialog is what the user is looking at, wherever focus sits). Otherwise the walk
starts at the widget that received the key (or the focus widget, or the active window) and goes up the parent chain
to the first widget that is a screen (registry.page_for). A screen that holds other screens in a stack or tabs (the
main window's areas, a tabbed area, the household page) is then answered by the one currently shown, so F1 on the
area list or on a tab bar gives the page of what is on display.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QApplication, QWidget

from puskesos_desk.ui.help.registry import INDEX_PAGE, page_for


@dataclass(frozen=True)
class Screen:
    widget: QWidget | None  # None when nothing is open: the index is shown
    page: str


def _inside(widget: QWidget, ancestor: QWidget) -> bool:
    return widget is ancestor or ancestor.isAncestorOf(widget)


def _shown_screens(root: QWidget) -> list[QWidget]:
    """The screens on display somewhere under root, in root's window, outermost first. A page of a stack or a tab
    widget that is not current is hidden, so "visible to root" is "shown", whatever holds the page (a stack, a
    scroll area, a tab widget)."""
    window = root.window()
    found = [widget for widget in root.findChildren(QWidget)
             if page_for(widget) is not None and widget.window() is window and widget.isVisibleTo(root)]
    return [page for page in found if not any(other is not page and other.isAncestorOf(page) for other in found)]


def _innermost(screen: QWidget) -> QWidget:
    """The screen on display inside `screen` (its current area, tab...), or `screen` itself."""
    current = screen
    while True:
        inner = _shown_screens(current)
        if not inner:
            return current
        current = inner[0]


def _start_widget(receiver: QWidget | None) -> QWidget | None:
    modal = QApplication.activeModalWidget()
    if modal is not None and (receiver is None or not _inside(receiver, modal)):
        focus = QApplication.focusWidget()
        return focus if focus is not None and _inside(focus, modal) else modal
    return receiver or QApplication.focusWidget() or QApplication.activeWindow()


def current_screen(receiver: QWidget | None = None) -> Screen:
    """The screen F1 was pressed on. `receiver` is the widget that got the key press, when known."""
    start = _start_widget(receiver)
    if start is None:
        return Screen(None, INDEX_PAGE)
    widget: QWidget | None = start
    while widget is not None:
        if page_for(widget) is not None:
            screen = _innermost(widget)
            return Screen(screen, page_for(screen) or INDEX_PAGE)
        widget = widget.parentWidget()
    # Nothing registered on the way up (the main window's frame, its area list): what the window shows.
    window = start.window()
    screen = _innermost(window)
    page = page_for(screen)
    return Screen(screen if page else window, page or INDEX_PAGE)
