"""Field values to workbook cells and back, per column kind (docs/exchange-format.md §3.2).

`to_cell` gives what the writer puts in the cell; `from_cell` takes what a reader returns (python-calamine gives
floats for numbers, dates for date cells, text for text) and gives the field value back, or a CellProblem with a
machine code and a Bahasa message the import report shows beside the row.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from puskesos_desk.domain.exchange_sheets import ColumnKind
from puskesos_desk.domain.text_input import NUL

K = ColumnKind
YES, NO = "YA", "TIDAK"
LIST_SEPARATOR = "; "
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


@dataclass(frozen=True, slots=True)
class CellProblem:
    code: str
    message: str


def to_cell(kind: ColumnKind, value: object, zone: tzinfo | None = None) -> object:
    """The cell value for a field value (None for an empty cell)."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if kind is K.BOOL:
        return YES if value else NO
    if kind is K.DATETIME:
        assert isinstance(value, datetime)
        moment = value.astimezone(zone) if zone is not None else value
        return moment.isoformat(timespec="seconds")
    if kind is K.LIST:
        return LIST_SEPARATOR.join(str(v) for v in value)  # type: ignore[attr-defined]
    if kind is K.JSON:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    if kind in (K.TEXT, K.ID_TEXT, K.REF, K.ENUM):
        return str(value)
    return value  # INT, DECIMAL, DATE: native cell types


def _text(cell: object) -> str | None:
    if isinstance(cell, str):
        stripped = cell.strip()
        return stripped or None
    return None


def from_cell(kind: ColumnKind, cell: object) -> object | CellProblem:
    """The field value of a cell as a reader returns it; a CellProblem when the cell cannot mean a value."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return [] if kind is K.LIST else None
    if isinstance(cell, str) and NUL in cell:  # domain/text_input.py: no site can store it
        return CellProblem("KARAKTER_NUL", "Sel ini berisi karakter NUL (kode 0) yang tidak dapat disimpan; hapus "
                                           "karakter itu di aplikasi pengirim lalu kirim ulang paketnya.")
    if kind is K.ID_TEXT:
        if not isinstance(cell, str):
            return CellProblem("ANGKA_BUKAN_TEKS", "Nomor ini tersimpan sebagai angka, sehingga Excel bisa mengubah "
                                                   "digit terakhirnya. Format kolom sebagai Teks lalu ketik ulang.")
        return cell.strip()
    if kind in (K.TEXT, K.REF, K.ENUM):
        if isinstance(cell, float) and cell.is_integer():
            cell = int(cell)
        return str(cell).strip() if not isinstance(cell, str) else cell.strip()
    if kind is K.INT:
        if isinstance(cell, bool):
            return CellProblem("BUKAN_BILANGAN", "Isi kolom ini harus bilangan bulat.")
        if isinstance(cell, int | float) and float(cell).is_integer():
            return int(cell)
        text = _text(cell)
        if text is not None and re.fullmatch(r"-?\d+", text):
            return int(text)
        return CellProblem("BUKAN_BILANGAN", "Isi kolom ini harus bilangan bulat.")
    if kind is K.DECIMAL:
        if isinstance(cell, int | float) and not isinstance(cell, bool):
            return float(cell)
        try:
            return float(str(cell).replace(",", "."))
        except ValueError:
            return CellProblem("BUKAN_ANGKA", "Isi kolom ini harus angka.")
    if kind is K.DATE:
        return _date(cell)
    if kind is K.DATETIME:
        text = _text(cell)
        try:
            moment = datetime.fromisoformat(text) if text else None
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            return CellProblem("WAKTU_TIDAK_SAH", "Waktu harus berformat ISO, misalnya 2026-11-22T09:15:00+07:00.")
        return moment
    if kind is K.BOOL:
        text = (_text(cell) or "").upper()
        if text in (YES, "Y", "YES", "1", "TRUE") or cell is True:
            return True
        if text in (NO, "T", "N", "NO", "0", "FALSE") or cell is False:
            return False
        return CellProblem("BUKAN_YA_TIDAK", "Isi kolom ini YA atau TIDAK.")
    if kind is K.LIST:
        text = _text(cell) or str(cell)
        return [part.strip() for part in text.split(";") if part.strip()]
    if kind is K.JSON:
        try:
            return json.loads(str(cell))
        except ValueError:
            return CellProblem("JSON_RUSAK", "Isi kolom ini rusak (diubah di luar aplikasi?); kirim ulang paketnya.")
    raise ValueError(f"unknown column kind {kind}")


def _date(cell: object) -> object:
    if isinstance(cell, datetime):
        if cell.time() != datetime.min.time():
            return CellProblem("TANGGAL_TIDAK_SAH", "Kolom ini berisi tanggal tanpa jam.")
        return cell.date()
    if isinstance(cell, date):
        return cell
    text = _text(cell)
    if text:
        match = _DMY.match(text)
        try:
            if match:
                return date(int(match[3]), int(match[2]), int(match[1]))
            return date.fromisoformat(text)
        except ValueError:
            pass
    return CellProblem("TANGGAL_TIDAK_SAH", "Tanggal tidak dapat dibaca; tulis sebagai tanggal, misalnya 22-11-2026.")
