"""The column model of an exchange workbook: what each column holds and how people see it in Excel.

A column's kind decides the cell type written, its number format, its dropdown and the words the Petunjuk sheet
uses to explain it. The writer turns these declarations into prepared formats once per sheet; the only code here
that runs per cell is the value converters at the end.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum

# Excel's hard limits, shared by the model checks and the writer.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
MAX_TEXT_LENGTH = 32_767  # characters in one cell
MAX_INLINE_LIST_LENGTH = 255  # characters of a comma-separated list written into a data validation
MAX_EXACT_INT = 10**15 - 1  # spreadsheets keep 15 significant digits of a number

YES = "YA"
NO = "TIDAK"


class ColumnKind(Enum):
    TEXT = "text"
    ID_TEXT = "id_text"  # NIK, No. KK, phone: digits kept as text, never a number (Excel keeps 15 digits only)
    INT = "int"
    DECIMAL = "decimal"
    DATE = "date"  # a real date cell shown as dd-mm-yyyy
    DATETIME = "datetime"  # ISO-8601 text with its UTC offset, so the instant survives any spreadsheet exactly
    BOOL = "bool"  # the text YA / TIDAK with a dropdown
    ENUM = "enum"  # text picked from `choices` with a dropdown

    @property
    def is_text(self) -> bool:
        """Cells of this kind are text cells, and the whole column is formatted "@" so later typing stays text."""
        return self in _TEXT_KINDS


_TEXT_KINDS = frozenset({ColumnKind.TEXT, ColumnKind.ID_TEXT, ColumnKind.DATETIME, ColumnKind.BOOL, ColumnKind.ENUM})

# How the Petunjuk sheet names each kind for the people filling the workbook.
KIND_LABELS: dict[ColumnKind, str] = {
    ColumnKind.TEXT: "Teks",
    ColumnKind.ID_TEXT: "Nomor sebagai teks (jangan diubah menjadi angka)",
    ColumnKind.INT: "Bilangan bulat",
    ColumnKind.DECIMAL: "Angka (boleh desimal)",
    ColumnKind.DATE: "Tanggal (dd-mm-yyyy)",
    ColumnKind.DATETIME: "Waktu ISO-8601 dengan zona waktu, mis. 2026-11-22T09:15:00+07:00",
    ColumnKind.BOOL: f"{YES} atau {NO}",
    ColumnKind.ENUM: "Pilih dari daftar",
}


@dataclass(frozen=True)
class Column:
    """One column of a data sheet. `key` names the value in each row mapping; `header` is what people read."""

    key: str
    header: str
    kind: ColumnKind
    width: float | None = None
    choices: tuple[str, ...] = ()
    help: str = ""
    required: bool = False

    def __post_init__(self) -> None:
        if not self.key or not self.header:
            raise ValueError("a column needs a key and a header")
        if self.kind is ColumnKind.ENUM and not self.choices:
            raise ValueError(f"ENUM column {self.key!r} needs choices")
        if self.kind is not ColumnKind.ENUM and self.choices:
            raise ValueError(f"only ENUM columns take choices ({self.key!r} is {self.kind.name})")
        if any(not isinstance(choice, str) or not choice for choice in self.choices):
            raise ValueError(f"choices of {self.key!r} must be non-empty strings")
        if len(set(self.choices)) != len(self.choices):
            raise ValueError(f"choices of {self.key!r} repeat a value")
        if self.width is not None and not 0 < self.width <= 255:
            raise ValueError(f"width of {self.key!r} must be between 0 and 255 characters")

    @property
    def dropdown(self) -> tuple[str, ...]:
        """The values offered in the cell's dropdown; empty when the column has none."""
        if self.kind is ColumnKind.BOOL:
            return (YES, NO)
        return self.choices

    @property
    def display_width(self) -> float:
        """The width given, or one that fits the header and the usual content of the kind."""
        if self.width is not None:
            return self.width
        content = _KIND_WIDTHS.get(self.kind, 14.0)
        if self.dropdown:
            content = max(len(choice) for choice in self.dropdown) + 4.0  # room for the dropdown arrow
        return min(max(content, len(self.header) + 2.0, 8.0), 50.0)


_KIND_WIDTHS: dict[ColumnKind, float] = {
    ColumnKind.TEXT: 24.0,
    ColumnKind.ID_TEXT: 20.0,
    ColumnKind.INT: 10.0,
    ColumnKind.DECIMAL: 14.0,
    ColumnKind.DATE: 12.0,
    ColumnKind.DATETIME: 27.0,
}


def check_columns(sheet: str, columns: tuple[Column, ...]) -> None:
    """Refuse a sheet layout an importer could not read back unambiguously."""
    if not columns:
        raise ValueError(f"sheet {sheet!r} has no columns")
    if len(columns) > MAX_COLUMNS:
        raise ValueError(f"sheet {sheet!r} has more columns than Excel allows")
    for attribute in ("key", "header"):
        seen: set[str] = set()
        for column in columns:
            value = getattr(column, attribute)
            if value in seen:
                raise ValueError(f"sheet {sheet!r} repeats the column {attribute} {value!r}")
            seen.add(value)


# --- value → cell conversion -------------------------------------------------------------------------------------
# One converter per kind, called for every non-empty value: each returns what the writer hands to xlsxwriter (a str
# for text cells, a number, or a date), or None for an empty cell. They refuse values whose cell would not say
# exactly what the caller meant, such as a float NIK (already rounded) or a datetime without an offset.


class CellTypeError(TypeError):
    """A row value does not fit its column's kind. The message names the column, never the value (it may be a NIK)."""


def _text(value: object) -> str | None:
    if isinstance(value, Enum):  # a StrEnum member is written as its code, never as "Class.MEMBER"
        value = value.value
    if isinstance(value, str):
        return str.__str__(value) or None  # a plain str, even from a subclass
    raise CellTypeError(f"expected text, got {type(value).__name__}")


def _id_text(value: object) -> str | None:
    if isinstance(value, str) and not isinstance(value, Enum):
        return str.__str__(value) or None
    # An int would drop a phone number's leading 0 and a float NIK is already rounded: the caller must hand over
    # the text it stored.
    raise CellTypeError(f"expected the number as text (str), got {type(value).__name__}")


def _int(value: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return _exact(int(value))
    raise CellTypeError(f"expected an int, got {type(value).__name__}")


def _decimal(value: object) -> float | int | Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return _exact(int(value))
    if isinstance(value, (float, Decimal)):
        if not math.isfinite(value):
            raise CellTypeError("expected a finite number, got NaN or infinity")
        return value
    raise CellTypeError(f"expected a number, got {type(value).__name__}")


def _exact(value: int) -> int:
    if -MAX_EXACT_INT <= value <= MAX_EXACT_INT:
        return value
    raise CellTypeError("an integer of more than 15 digits would be rounded by spreadsheets; write it as ID_TEXT")


def _date(value: object) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        if value.year < 1900:
            raise CellTypeError("dates before 1900 cannot be shown by spreadsheets")
        return value
    raise CellTypeError(f"expected a date (not a datetime), got {type(value).__name__}")


def _datetime(value: object) -> str:
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise CellTypeError("expected a datetime with a UTC offset, got a naive datetime")
        return value.isoformat()
    raise CellTypeError(f"expected a datetime, got {type(value).__name__}")


def _bool(value: object) -> str:
    if value is True or value == YES:  # YA/TIDAK as text too: callers that hash their cells hand over the text
        return YES
    if value is False or value == NO:
        return NO
    raise CellTypeError(f"expected a bool, got {type(value).__name__}")


CONVERTERS: dict[ColumnKind, Callable[[object], object]] = {
    ColumnKind.TEXT: _text,
    ColumnKind.ID_TEXT: _id_text,
    ColumnKind.INT: _int,
    ColumnKind.DECIMAL: _decimal,
    ColumnKind.DATE: _date,
    ColumnKind.DATETIME: _datetime,
    ColumnKind.BOOL: _bool,
    ColumnKind.ENUM: _text,
}
