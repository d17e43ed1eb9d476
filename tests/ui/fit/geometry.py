"""The geometry checks of one window or dialog as it is on screen: it fits the screen's available area, every visible
widget lies inside its parent (so, step by step, inside the window; only a scroll area's content may reach past its
viewport, which is scrolling), nothing is squeezed below its minimum size, no label or button text is cut, and no
form scrolls (sideways never; down only where the screen's entry allows it, or at 125 %).

Each problem is one line naming the widget by its path from the window (class, object name, text) and its geometry,
so a failure says what to fix without running anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QScrollBar,
    QSizePolicy,
    QTabBar,
    QWidget,
)

# The offscreen platform draws no window frame; a title bar this tall (Windows 10 at 100 %: 31 px) must fit too.
TITLE_BAR = 32
# Composite widgets whose inside is Qt's business (a combo box's arrow, a table's cell editors, a spin box's line
# edit): they are checked as a whole, their internals are not walked.
OPAQUE = (QAbstractItemView, QAbstractSpinBox, QComboBox, QTabBar, QLineEdit, QCalendarWidget, QScrollBar)
SLACK = 1  # rounding at 125 %: a widget one pixel short of its hint shows the same text
PAGE_HOLDER = "PageScrollArea.scr_page"  # ui/widgets/page_stack.py: the scroll area around each area page


@dataclass(frozen=True)
class FitRules:
    """`scroll_ok`: object names of the scroll areas that may scroll down (a long page by design); `scroll_down`:
    every form may scroll down (the 125 % pass: taller content scrolls, nothing may be cut)."""

    scroll_ok: frozenset[str] = frozenset()
    scroll_down: bool = False


def name_of(widget: QWidget) -> str:
    """The attribute that holds the widget on one of its ancestors (`scr_body`), else its object name, else ""."""
    holder = widget.parentWidget()
    while holder is not None:
        for attribute, value in getattr(holder, "__dict__", {}).items():
            if value is widget:
                return attribute
        holder = holder.parentWidget()
    name = widget.objectName()
    return "" if name.startswith("qt_") else name


def describe(widget: QWidget, window: QWidget) -> str:
    """`VisitDialog/QGroupBox.grp_notice/QLabel.lbl_hint 'Keperluan…' at x,y w×h` (in the window's coordinates):
    the named widgets on the way from the window, then the widget itself."""
    parts = []
    current: QWidget | None = widget
    while current is not None and current is not window:
        name = name_of(current)
        if name or current is widget:
            parts.append(f"{type(current).__name__}.{name}" if name else type(current).__name__)
        current = current.parentWidget()
    parts.append(type(window).__name__)
    text = ""
    if isinstance(widget, QLabel | QAbstractButton) and widget.text():
        text = " '" + " ".join(widget.text().split())[:48] + "'"
    where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    path = "/".join(reversed(parts))
    if PAGE_HOLDER in path:  # the main window's frame around every page says nothing: start at the page
        inside = path.split(PAGE_HOLDER, 1)[1].removeprefix("/QWidget.holder").strip("/")
        path = f"{type(window).__name__}/…/{inside or PAGE_HOLDER}"
    return f"{path}{text} at {where.x()},{where.y()} {where.width()}×{where.height()}"


def visible_widgets(root: QWidget) -> Iterator[QWidget]:
    """Every visible descendant of `root` that is not a window of its own; composites are not entered, and a scroll
    area is entered through its content widget only (its scroll bars are judged by _scrolls)."""
    for child in root.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.isWindow() or not child.isVisible():
            continue
        yield child
        if isinstance(child, QScrollArea):
            content = child.widget()
            if content is not None and content.isVisible():
                yield content
                yield from visible_widgets(content)
        elif not isinstance(child, (*OPAQUE, QAbstractScrollArea)):
            yield from visible_widgets(child)


def check_window(window: QWidget, available: QRect, rules: FitRules) -> list[str]:
    problems = []
    if window.width() > available.width() or window.height() + TITLE_BAR > available.height():
        problems.append(f"{type(window).__name__} is {window.width()}×{window.height()} (+{TITLE_BAR} title bar): "
                        f"larger than the screen's {available.width()}×{available.height()}")
    for widget in visible_widgets(window):
        problem = (_outside_parent(widget) or _squeezed(widget) or _cut_text(widget)
                   or (_scrolls(widget, rules) if isinstance(widget, QScrollArea) else None))
        if problem:
            problems.append(f"{describe(widget, window)}: {problem}")
    return problems


def _outside_parent(widget: QWidget) -> str | None:
    parent = widget.parentWidget()
    if parent is None:
        return None
    area = parent.parentWidget()
    if isinstance(area, QScrollArea) and parent is area.viewport():
        return None  # a scroll area's content may be larger than its viewport: that is scrolling (_scrolls)
    inside = parent.rect()
    if not inside.contains(widget.geometry()):
        return f"outside its parent {type(parent).__name__} ({parent.width()}×{parent.height()})"
    return None


def _squeezed(widget: QWidget) -> str | None:
    """Smaller than a layout would ever make it: the window is too small for what it holds."""
    if isinstance(widget, QLabel) and widget.wordWrap():
        return None  # judged by _cut_text, against its height for its width
    policy = widget.sizePolicy()
    hint = widget.minimumSizeHint()
    need_width = widget.minimumWidth() or hint.width()
    need_height = widget.minimumHeight() or hint.height()
    if policy.horizontalPolicy() == QSizePolicy.Policy.Ignored:
        need_width = widget.minimumWidth()
    if policy.verticalPolicy() == QSizePolicy.Policy.Ignored:
        need_height = widget.minimumHeight()
    if widget.width() < need_width - SLACK or widget.height() < need_height - SLACK:
        return f"squeezed below its minimum size {need_width}×{need_height}"
    return None


def _cut_text(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + SLACK:
                return f"wrapped text cut: needs {needed} px of height"
        elif widget.width() < widget.minimumSizeHint().width() - SLACK:
            return f"text cut: needs {widget.minimumSizeHint().width()} px of width"
    if isinstance(widget, QAbstractButton) and widget.text() and widget.width() < widget.sizeHint().width() - SLACK:
        return f"button text cut: needs {widget.sizeHint().width()} px of width"
    return None


def _scrolls(area: QScrollArea, rules: FitRules) -> str | None:
    content, viewport = area.widget(), area.viewport()
    if content is None:
        return None
    what = type(getattr(area, "page", content)).__name__
    if area.horizontalScrollBar().isVisible() or content.width() > viewport.width() + SLACK:
        return f"{what} scrolls sideways ({content.width()} px wide, room for {viewport.width()})"
    down = area.verticalScrollBar().isVisible() or content.height() > viewport.height() + SLACK
    if down and not rules.scroll_down and name_of(area) not in rules.scroll_ok:
        return f"{what} needs a vertical scroll bar ({content.height()} px tall, room for {viewport.height()})"
    return None
