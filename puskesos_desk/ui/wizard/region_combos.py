"""Province → kabupaten/kota → kecamatan → desa/kelurahan, as combo boxes that load the next level in the background
when one is chosen (the loading pattern of widgets/region_picker.py). A district secretariat stops at the
kabupaten/kota (`depth` 2)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QGridLayout, QLabel, QWidget

from puskesos_desk.domain.reference import RegionItem
from puskesos_desk.ui.ops import run_op

OBJECT_NAMES = ("cmb_province", "cmb_regency", "cmb_district", "cmb_village")


class TypeToFindCombo(QComboBox):
    """A closed combo box that jumps to the item matching what is typed: the start of the name, else the start of a
    word in it ("semarang" finds "Kabupaten Semarang"), else any part. Spaces belong to the search (in a plain
    combo box they open the list). Alt+Down or F4 still opens the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._since = QElapsedTimer()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if event.key() == Qt.Key.Key_Backspace and self._typed:
            self._search(self._typed[:-1])
            return
        if text and text.isprintable() and not modifiers:
            fresh = not self._since.isValid() or self._since.elapsed() > QApplication.keyboardInputInterval()
            self._search(text if fresh else self._typed + text)
            return
        super().keyPressEvent(event)

    def _search(self, typed: str) -> None:
        self._typed = typed
        self._since.start()
        wanted = typed.casefold().strip()
        if not wanted:
            return
        names = [self.itemText(index).casefold() for index in range(self.count())]
        for matches in (lambda name: name.startswith(wanted),
                        lambda name: f" {wanted}" in f" {name}",
                        lambda name: wanted in name):
            for index, name in enumerate(names):
                if matches(name):
                    self.setCurrentIndex(index)
                    return


class RegionCombos(QWidget):
    """`region_chosen(item)` when the last level is chosen; `region_cleared()` when a higher level changes."""

    region_chosen = Signal(object)  # RegionItem
    region_cleared = Signal()
    level_loaded = Signal(int)  # a level's list is filled (tests wait on it)

    def __init__(self, children: Callable[[str | None], list[RegionItem]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._children = children
        self._depth = 4
        self._loading = [0] * 4
        self._items: list[list[RegionItem]] = [[] for _ in range(4)]
        self._started = False

        # Widgets
        self.lbl_levels = [QLabel() for _ in range(4)]
        self.cmb_levels: list[TypeToFindCombo] = []
        for level in range(4):
            combo = TypeToFindCombo()
            combo.setObjectName(OBJECT_NAMES[level])
            combo.setMinimumContentsLength(18)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMaxVisibleItems(15)
            combo.currentIndexChanged.connect(self._make_level_handler(level))
            self.lbl_levels[level].setBuddy(combo)
            self.cmb_levels.append(combo)

        # Assemble: two by two, so the names have room on a 1366-pixel screen
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        for level in range(4):
            row, column = divmod(level, 2)
            grid.addWidget(self.lbl_levels[level], row, column * 2)
            grid.addWidget(self.cmb_levels[level], row, column * 2 + 1)
        self.retranslate()

    def retranslate(self) -> None:
        names = (self.tr("&Provinsi"), self.tr("&Kabupaten/kota"), self.tr("K&ecamatan"), self.tr("&Desa/kelurahan"))
        for level, name in enumerate(names):
            self.lbl_levels[level].setText(name)
            self.cmb_levels[level].setAccessibleName(name.replace("&", ""))
            self.cmb_levels[level].setPlaceholderText(self.tr("— pilih —"))

    def set_depth(self, depth: int) -> None:
        """4 down to the desa/kelurahan, 2 down to the kabupaten/kota. Levels below are hidden."""
        old = self._depth
        if depth == old:
            return
        self._depth = depth
        for level in range(4):
            self.lbl_levels[level].setVisible(level < depth)
            self.cmb_levels[level].setVisible(level < depth)
        above = self.cmb_levels[old - 1].currentIndex()
        if depth > old and above >= 0 and not self._items[old] and not self._loading[old]:
            self._load(old, self._items[old - 1][above].code)  # the level that was last now has one below
        chosen = self.chosen()
        if chosen is not None:
            self.region_chosen.emit(chosen)
        else:
            self.region_cleared.emit()

    def start(self) -> None:
        """Load the provinces (once)."""
        if not self._started:
            self._started = True
            self._load(0, None)

    def is_loading(self) -> bool:
        return any(self._loading)

    def chosen(self) -> RegionItem | None:
        """The region at the last level, when one is chosen there."""
        last = self._depth - 1
        position = self.cmb_levels[last].currentIndex()
        return self._items[last][position] if 0 <= position < len(self._items[last]) else None

    def names(self) -> list[str]:
        """The chosen names from the lowest level up (for a readable path)."""
        return [combo.currentText() for combo in reversed(self.cmb_levels[: self._depth]) if combo.currentIndex() >= 0]

    def _load(self, level: int, parent_code: str | None) -> None:
        for lower in range(level, 4):
            combo = self.cmb_levels[lower]
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
            self._items[lower] = []
        self._loading[level] += 1
        token = self._loading[level]

        def done(items: list[RegionItem]) -> None:
            if token != self._loading[level]:
                return  # a newer choice above asked for another list
            self._loading[level] = 0
            self._fill(level, items)

        def failed(_error: BaseException) -> None:
            if token == self._loading[level]:
                self._loading[level] = 0

        children = self._children  # the op runs on a worker: it must not hold the widget
        run_op(self, lambda: children(parent_code), done, failed)

    def _fill(self, level: int, items: list[RegionItem]) -> None:
        combo = self.cmb_levels[level]
        combo.blockSignals(True)
        for item in items:
            combo.addItem(item.name, item.code)
        combo.setCurrentIndex(-1)
        combo.blockSignals(False)
        self._items[level] = items
        self.level_loaded.emit(level)

    def _make_level_handler(self, level: int) -> Callable[[int], None]:
        def handler(position: int) -> None:
            self._on_cmb_level_current_index_changed(level, position)

        return handler

    def _on_cmb_level_current_index_changed(self, level: int, position: int) -> None:
        if position < 0:
            return
        if level < self._depth - 1:
            self.region_cleared.emit()
            self._load(level + 1, self._items[level][position].code)
            return
        if level == self._depth - 1:
            self.region_chosen.emit(self._items[level][position])
