"""The desa/kelurahan of a household: the site's own by default, or another one picked province → kabupaten/kota →
kecamatan → desa (for people registered elsewhere). Lists load in the background as each level is chosen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from puskesos_desk.domain.reference import RegionItem
from puskesos_desk.ui.ops import run_op

LEVELS = 4
# Dotted code lengths per level: "33", "33.22", "33.22.01", "33.22.01.2007".
_PREFIX = (2, 5, 8, 13)


class RegionPicker(QWidget):
    """`region_changed(code)` when another desa/kelurahan is chosen (or the default is restored)."""

    region_changed = Signal(str)

    def __init__(self, children: Callable[[str | None], list[RegionItem]], *, default_code: str, default_path: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._children = children
        self._default = (default_code, default_path)
        self._code = default_code
        self._target = default_code
        self._loading = [0] * LEVELS

        # Widgets
        self.lbl_path = QLabel(default_path)
        self.lbl_path.setWordWrap(True)
        self.btn_change = QPushButton(self.tr("Desa lain…"))
        self.btn_change.setAutoDefault(False)
        self.btn_change.setToolTip(self.tr("Pilih desa/kelurahan lain untuk warga dari luar desa ini"))
        self.btn_reset = QPushButton(self.tr("Desa ini"))
        self.btn_reset.setAutoDefault(False)
        self.btn_reset.setVisible(False)
        self.cmb_levels: list[QComboBox] = []
        names = (self.tr("Provinsi"), self.tr("Kabupaten/kota"), self.tr("Kecamatan"), self.tr("Desa/kelurahan"))
        for level, name in enumerate(names):
            combo = QComboBox()
            combo.setObjectName(("cmb_province", "cmb_regency", "cmb_district", "cmb_village")[level])
            combo.setAccessibleName(name)
            combo.setPlaceholderText(name)
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(self._make_level_handler(level))
            self.cmb_levels.append(combo)
        self.wdg_levels = QWidget()

        # Signals
        self.btn_change.clicked.connect(self._on_btn_change_clicked)
        self.btn_reset.clicked.connect(self._on_btn_reset_clicked)

        # Assemble
        levels = QHBoxLayout(self.wdg_levels)
        levels.setContentsMargins(0, 0, 0, 0)
        for combo in self.cmb_levels:
            levels.addWidget(combo, 1)
        self.wdg_levels.setVisible(False)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.lbl_path, 1)
        top.addWidget(self.btn_change)
        top.addWidget(self.btn_reset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.wdg_levels)

    def region_code(self) -> str:
        return self._code

    def set_region(self, code: str, path: str) -> None:
        self._code = code
        self.lbl_path.setText(path)
        self.btn_reset.setVisible(code != self._default[0])

    def is_loading(self) -> bool:
        return any(self._loading)

    # --- cascading lists ------------------------------------------------------------------------------------

    def _on_btn_change_clicked(self) -> None:
        self.wdg_levels.setVisible(True)
        self._target = self._code
        self._load(0, None)
        self.cmb_levels[0].setFocus()

    def _on_btn_reset_clicked(self) -> None:
        code, path = self._default
        self.wdg_levels.setVisible(False)
        self.set_region(code, path)
        self.region_changed.emit(code)

    def _load(self, level: int, parent_code: str | None) -> None:
        for lower in self.cmb_levels[level:]:
            lower.blockSignals(True)
            lower.clear()
            lower.blockSignals(False)
        self._loading[level] += 1
        token = self._loading[level]

        def done(items: list[RegionItem]) -> None:
            if token != self._loading[level]:
                return
            self._loading[level] = 0
            self._fill(level, items)

        def failed(_error: BaseException) -> None:
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
        wanted = self._target[: _PREFIX[level]] if len(self._target) >= _PREFIX[level] else ""
        # Open on the current region's own kecamatan: picking a neighbouring desa is the common case.
        if wanted and level < LEVELS - 1:
            position = combo.findData(wanted)
            if position >= 0:
                combo.setCurrentIndex(position)

    def _make_level_handler(self, level: int) -> Callable[[int], None]:
        def handler(position: int) -> None:
            self._on_cmb_level_current_index_changed(level, position)

        return handler

    def _on_cmb_level_current_index_changed(self, level: int, position: int) -> None:
        if position < 0:
            return
        code = str(self.cmb_levels[level].itemData(position))
        if level < LEVELS - 1:
            self._load(level + 1, code)
            return
        path = ", ".join(c.currentText() for c in reversed(self.cmb_levels))
        self.set_region(code, path)
        self.region_changed.emit(code)
