"""How numbers and dates look on screen: 1.234 and 12 Mei 2026 in Bahasa Indonesia, 1,234 and 12 May 2026 in English.

Month names are spelled out here instead of taken from QLocale so they are the same on every PC and Qt version.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from puskesos_desk.ui.i18n import current_language

_CTX = "Formatting"

MONTHS_SHORT: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Formatting", "Jan"),
    QT_TRANSLATE_NOOP("Formatting", "Feb"),
    QT_TRANSLATE_NOOP("Formatting", "Mar"),
    QT_TRANSLATE_NOOP("Formatting", "Apr"),
    QT_TRANSLATE_NOOP("Formatting", "Mei"),
    QT_TRANSLATE_NOOP("Formatting", "Jun"),
    QT_TRANSLATE_NOOP("Formatting", "Jul"),
    QT_TRANSLATE_NOOP("Formatting", "Agu"),
    QT_TRANSLATE_NOOP("Formatting", "Sep"),
    QT_TRANSLATE_NOOP("Formatting", "Okt"),
    QT_TRANSLATE_NOOP("Formatting", "Nov"),
    QT_TRANSLATE_NOOP("Formatting", "Des"),
)

MONTHS_LONG: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Formatting", "Januari"),
    QT_TRANSLATE_NOOP("Formatting", "Februari"),
    QT_TRANSLATE_NOOP("Formatting", "Maret"),
    QT_TRANSLATE_NOOP("Formatting", "April"),
    QT_TRANSLATE_NOOP("Formatting", "Mei"),
    QT_TRANSLATE_NOOP("Formatting", "Juni"),
    QT_TRANSLATE_NOOP("Formatting", "Juli"),
    QT_TRANSLATE_NOOP("Formatting", "Agustus"),
    QT_TRANSLATE_NOOP("Formatting", "September"),
    QT_TRANSLATE_NOOP("Formatting", "Oktober"),
    QT_TRANSLATE_NOOP("Formatting", "November"),
    QT_TRANSLATE_NOOP("Formatting", "Desember"),
)


def format_number(value: int) -> str:
    """Whole numbers with thousands separators: 1.234 (Bahasa Indonesia) or 1,234 (English)."""
    text = f"{value:,}"
    return text.replace(",", ".") if current_language() == "id" else text


def month_short(month: int) -> str:
    return QCoreApplication.translate(_CTX, MONTHS_SHORT[month - 1])


def month_long(month: int) -> str:
    return QCoreApplication.translate(_CTX, MONTHS_LONG[month - 1])


def format_date_short(value: date) -> str:
    """dd/MM/yyyy, the form used on Indonesian documents."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_date_long(value: date) -> str:
    """'12 Mei 2026'."""
    return f"{value.day} {month_long(value.month)} {value.year}"


def format_time(value: datetime) -> str:
    """'09.30' in Bahasa Indonesia (the official separator is a dot), '09:30' in English."""
    separator = "." if current_language() == "id" else ":"
    return f"{value.hour:02d}{separator}{value.minute:02d}"


def month_key_label(key: str) -> tuple[str, str]:
    """'2026-05' → ('Mei', '2026'). A malformed key is shown as it is."""
    try:
        year, month = (int(part) for part in key.split("-", 1))
        return month_short(month), str(year)
    except (ValueError, IndexError):
        return key, ""
