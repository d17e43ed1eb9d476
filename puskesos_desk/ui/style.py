"""A calm look: readable 10 pt text, high-contrast colours, and a focus frame that keyboard users can see."""

from __future__ import annotations

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from puskesos_desk.infra.paths import resource_path

BASE_POINT_SIZE = 10

INK = "#1f2933"  # body text
MUTED = "#52606d"  # secondary text (contrast 6.4:1 on white)
ACCENT = "#1c5d99"  # focus, selection, default button
WARNING = "#b42318"  # overdue, errors (contrast 6.1:1 on white)
SURFACE = "#f4f6f8"
CARD = "#ffffff"
BORDER = "#cbd2d9"

STYLESHEET = f"""
QWidget {{ color: {INK}; }}
QMainWindow, QDialog {{ background: {SURFACE}; }}
QLabel#lbl_title {{ font-size: 15pt; font-weight: 600; }}
QLabel#lbl_subtitle {{ color: {MUTED}; }}
QLabel#lbl_hint {{ color: {MUTED}; }}
QLabel#lbl_error {{ color: {WARNING}; font-weight: 600; }}
QLabel#lbl_hint[warning="true"] {{ color: {WARNING}; font-weight: 600; }}
QFrame#card {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 6px; }}
QFrame#card QLabel {{ background: transparent; }}
QFrame#card QLabel#lbl_card_title {{ color: {MUTED}; }}
QLineEdit {{
    background: white; border: 1px solid {BORDER}; border-radius: 4px; padding: 5px 6px;
    selection-background-color: {ACCENT};
}}
QLineEdit:focus {{ border: 2px solid {ACCENT}; padding: 4px 5px; }}
QPushButton {{
    background: white; border: 1px solid #9aa5b1; border-radius: 4px; padding: 6px 16px; min-width: 64px;
}}
QPushButton:hover {{ background: #e4e7eb; }}
QPushButton:default {{ background: {ACCENT}; color: white; border-color: {ACCENT}; }}
QPushButton:default:hover {{ background: #174b7c; }}
QPushButton:disabled {{ background: #e4e7eb; color: #7b8794; border-color: {BORDER}; }}
QPushButton:focus {{ border: 2px solid #f0b429; padding: 5px 15px; }}
QListWidget#lst_areas {{
    background: #243b53; color: white; border: none; outline: none; padding-top: 8px;
}}
QListWidget#lst_areas::item {{ color: #f0f4f8; padding: 9px 14px; border-left: 4px solid transparent; }}
QListWidget#lst_areas::item:selected {{ background: #334e68; color: white; border-left: 4px solid #9fb3c8; }}
QListWidget#lst_areas::item:selected:focus {{ border-left: 4px solid #f0b429; }}
QListWidget#lst_areas::item:hover:!selected {{ background: #2d4660; }}
QStatusBar {{ background: #e4e7eb; }}
QStatusBar QLabel {{ color: {INK}; padding: 0 8px; }}
QPlainTextEdit {{ background: white; border: 1px solid {BORDER}; font-family: monospace; }}
"""


def app_icon() -> QIcon:
    return QIcon(str(resource_path("icons", "puskesos-desk.svg")))


def apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
