"""Guards against Qt-binding regressions that would crash the app in the field rather than fail a test."""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt


class _NoneModel(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        return None


def test_returning_none_from_a_model_keeps_none_alive(qapp: QObject) -> None:
    # PySide6 6.12.0 lost one reference to None per call; Python aborts ("none_dealloc") once they run out.
    model = _NoneModel()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(2_000):
        index.data(Qt.ItemDataRole.DisplayRole)
    assert sys.getrefcount(None) - before > -100
