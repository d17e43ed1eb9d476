"""One figure on the Beranda: a title, a big number, and a short note under it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class FigureCard(QFrame):
    """`key` names the value label (`lbl_value_<key>`) so tests and screen readers can find it."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

        # Widgets
        self.lbl_title = QLabel(title)
        self.lbl_title.setObjectName("lbl_card_title")
        self.lbl_title.setWordWrap(True)
        self.lbl_value = QLabel("…")
        self.lbl_value.setObjectName(f"lbl_value_{key}")
        self.lbl_value.setProperty("role", "value")
        self.lbl_value.setAccessibleName(title)
        self.lbl_note = QLabel("")
        self.lbl_note.setObjectName("lbl_hint")
        self.lbl_note.setWordWrap(False)
        self.lbl_note.setProperty("warning", False)

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.lbl_value)
        layout.addWidget(self.lbl_note)
        layout.addStretch(1)
        self._apply_value_font()

    def _apply_value_font(self) -> None:
        font = self.lbl_value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.lbl_value.setFont(font)

    def set_value(self, text: str) -> None:
        self.lbl_value.setText(text)

    def set_note(self, text: str, *, warning: bool = False) -> None:
        self.lbl_note.setText(text)
        self.lbl_note.setProperty("warning", warning)
        self.lbl_note.style().unpolish(self.lbl_note)
        self.lbl_note.style().polish(self.lbl_note)
