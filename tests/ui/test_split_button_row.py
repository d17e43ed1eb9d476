"""The two-group button row: one row where the buttons' texts fit, the second group on its own line where they do
not, never a button narrower than its text, and the second line counted in the minimum height of what holds it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from puskesos_desk.ui.widgets.split_button_row import SplitButtonRow


def _holder(qtbot: Any) -> tuple[QWidget, SplitButtonRow, list[QPushButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    buttons = [QPushButton(text) for text in ("Setujui dan tandatangani", "Pratinjau surat", "Catat tanggapan",
                                              "Buka keluarga", "Kembalikan ke draf", "Batalkan rujukan")]
    row = SplitButtonRow(buttons[:3], buttons[3:])
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addLayout(row)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, row, buttons


def _settle(qtbot: Any, holder: QWidget, width: int) -> None:
    holder.resize(width, holder.minimumSizeHint().height())
    qtbot.wait_until(lambda: holder.layout().geometry().width() == width)
    holder.layout().activate()
    holder.resize(width, holder.minimumSizeHint().height())  # the height the layout asks for at this width
    holder.layout().activate()


def test_wide_row_keeps_both_groups_on_one_line(qtbot: Any) -> None:
    holder, row, buttons = _holder(qtbot)
    _settle(qtbot, holder, row.one_row_width() + 40)
    assert row.is_one_row()
    assert len({button.y() for button in buttons}) == 1
    assert all(button.width() >= button.sizeHint().width() for button in buttons)


def test_narrow_row_puts_the_second_group_below_without_cutting_texts(qtbot: Any) -> None:
    holder, row, buttons = _holder(qtbot)
    _settle(qtbot, holder, row.one_row_width() + 40)
    one_line = holder.minimumSizeHint().height()
    _settle(qtbot, holder, row.one_row_width() - 120)
    assert not row.is_one_row()
    assert {button.y() for button in buttons[3:]} == {buttons[3].y()} and buttons[3].y() > buttons[0].y()
    assert all(button.width() >= button.sizeHint().width() for button in buttons)
    assert holder.minimumSizeHint().height() > one_line  # the holder's minimum makes room for the second line
    assert all(button.height() >= button.minimumSizeHint().height() for button in buttons)
