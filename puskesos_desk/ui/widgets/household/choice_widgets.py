"""Filling combo boxes and checkable lists from reference lists, in the interface language."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem

from puskesos_desk.domain.reference import CodeItem
from puskesos_desk.ui.i18n import current_language


def fill_combo(combo: QComboBox, items: Iterable[CodeItem], *, empty: str | None = None,
               first: Iterable[str] = ()) -> None:
    """Items by label; codes in `first` come first (e.g. the programmes related to a category)."""
    language = current_language()
    items = list(items)
    preferred = [code for code in first if any(i.code == code for i in items)]
    ordered = [next(i for i in items if i.code == code) for code in preferred]
    ordered += [i for i in items if i.code not in preferred]
    combo.blockSignals(True)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for index, item in enumerate(ordered):
        combo.addItem(item.label(language), item.code)
        if preferred and index == len(preferred) - 1 and len(ordered) > len(preferred):
            combo.insertSeparator(combo.count())
    combo.blockSignals(False)


def select_code(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)


def combo_code(combo: QComboBox) -> str | None:
    value = combo.currentData()
    return str(value) if value else None


def fill_checklist(widget: QListWidget, entries: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
    """(code, label) entries, each with a check box."""
    ticked = set(checked)
    widget.clear()
    for code, text in entries:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if code in ticked else Qt.CheckState.Unchecked)
        widget.addItem(item)


def checked_codes(widget: QListWidget) -> tuple[str, ...]:
    return tuple(
        str(widget.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    )
