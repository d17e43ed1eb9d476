"""F1 anywhere: one application-wide event filter, so the key works in every window and inside modal dialogs
(a window shortcut would not fire there), and opens the help page of the screen the key was pressed on."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from puskesos_desk.ui.help.registry import INDEX_PAGE
from puskesos_desk.ui.help.resolver import current_screen

if TYPE_CHECKING:
    from puskesos_desk.ui.help.viewer import HelpViewer

log = logging.getLogger(__name__)

_KEY_PRESS = QEvent.Type.KeyPress
_F1 = Qt.Key.Key_F1
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)

_orphan_viewer: list[HelpViewer] = []  # the viewer opened when no window is active (kept alive here)


def _viewer_for(owner: QWidget | None) -> HelpViewer:
    """The help window of this window (made on first use), so help stays usable while `owner` is modal."""
    # Imported on the first F1: the viewer (and its HTML browser) is not needed to paint the sign-in dialog.
    from puskesos_desk.ui.help.viewer import HelpViewer

    if isinstance(owner, HelpViewer):
        return owner
    if owner is None:
        if not _orphan_viewer:
            _orphan_viewer.append(HelpViewer())
        return _orphan_viewer[0]
    viewer = owner.findChild(HelpViewer, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return viewer if viewer is not None else HelpViewer(owner)


def open_page(page: str, owner: QWidget | None = None) -> HelpViewer:
    """Show `page` in the help window of `owner`'s window."""
    viewer = _viewer_for(owner.window() if owner is not None else None)
    viewer.show_page(page)
    viewer.present()
    return viewer


def show_help(receiver: QWidget | None = None) -> HelpViewer:
    """The help page of the screen the user is on (`receiver`: the widget that got F1, when known)."""
    screen = current_screen(receiver)
    log.info("help: %s for %s", screen.page, type(screen.widget).__name__ if screen.widget else "no window")
    return open_page(screen.page, screen.widget)


def show_contents(owner: QWidget | None = None) -> HelpViewer:
    return open_page(INDEX_PAGE, owner)


class HelpKeyFilter(QObject):
    """Catches a plain F1 on its way to any widget (the first delivery: the widget with focus)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Called for every event of the application: the cheapest test first (Python enums are singletons).
        if event.type() is not _KEY_PRESS or not isinstance(event, QKeyEvent) or not isinstance(watched, QWidget):
            return False
        if event.key() != _F1 or event.modifiers() not in _PLAIN or event.isAutoRepeat():
            return False
        show_help(watched)
        return True


_installed: dict[int, HelpKeyFilter] = {}


def install_help(app: QApplication) -> HelpKeyFilter:
    """Make F1 open the screen's help page in every window of `app`. Calling it again changes nothing."""
    key = id(app)
    if key not in _installed:
        key_filter = HelpKeyFilter(app)
        app.installEventFilter(key_filter)
        _installed[key] = key_filter
    return _installed[key]


def uninstall_help(app: QApplication) -> None:
    key_filter = _installed.pop(id(app), None)
    if key_filter is not None:
        app.removeEventFilter(key_filter)
        key_filter.deleteLater()
