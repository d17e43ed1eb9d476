"""The farthest cell of a worksheet part, found in one streaming pass before any reader sees the sheet.

python-calamine allocates rows x columns x 32 bytes and aborts the whole process when that fails, so the extent is
measured here and refused past the limits. A fast path handles the canonical XML that Excel, LibreOffice,
xlsxwriter and openpyxl write; anything else is parsed again with expat, which follows the positions calamine uses.
Formula cells are counted and their rows noted on the way: an importer treats each such row as edited by hand.
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from typing import TYPE_CHECKING
from xml.parsers import expat

from puskesos_desk.spreadsheet.errors import UnsafeWorkbook
from puskesos_desk.spreadsheet.limits import Limits
from puskesos_desk.spreadsheet.xml_parts import xml_chunks

if TYPE_CHECKING:
    from puskesos_desk.spreadsheet.guard import SheetShape

_FEW_FORMULAS = 5


class SheetExtent:
    """The farthest row and column seen in one sheet part, refused as soon as it passes the limits."""

    def __init__(self, sheet: str, limits: Limits) -> None:
        self.sheet = sheet
        self.limits = limits
        self.max_row = 0
        self.max_col = 0
        self.formula_count = 0
        self.formula_cells: list[str] = []
        self.formula_rows: set[int] = set()
        self.last_cell = ""  # the last cell reference of the previous chunk, owner of a formula split from it

    def taken_from(self, earlier: SheetShape) -> SheetExtent:
        """The figures an earlier scan of the same, unchanged part found."""
        self.max_row, self.max_col = earlier.max_row, earlier.max_col
        self.formula_count = earlier.formula_count
        self.formula_cells = list(earlier.formula_cells)
        self.formula_rows = set(earlier.formula_rows)
        return self

    def include(self, row: int, col: int) -> None:
        if row <= self.max_row and col <= self.max_col:
            return
        self.max_row = max(self.max_row, row)
        self.max_col = max(self.max_col, col)
        limits = self.limits
        if (
            self.max_row > limits.max_rows
            or self.max_col > limits.max_cols
            or self.max_row * self.max_col > limits.max_cells
        ):
            corner = f"{_column_letters(self.max_col)}{self.max_row}"
            raise UnsafeWorkbook("FAR_CELLS", sheet=self.sheet, cell=corner, detail=f"extent {corner}")

    def add_formula(self, cell: str) -> None:
        self.formula_count += 1
        if len(self.formula_cells) < _FEW_FORMULAS:
            self.formula_cells.append(cell)
        digits = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        if digits.isdigit():
            self.formula_rows.add(int(digits))


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def scan_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo, extent: SheetExtent) -> SheetExtent:
    """The fast scan when the whole part is canonical, else the expat scan from the start."""
    for chunk in xml_chunks(archive, info):
        if not _scan_canonical(chunk, extent):
            return _scan_with_expat(archive, info, SheetExtent(extent.sheet, extent.limits))
    return extent


# Canonical cells: `<c r="B7" ...>`, the reference first, upper case, no leading zero. Any other attribute named r
# sends the part to expat: quick-xml keeps the last of repeated attributes, needs no space after a closing quote
# (`<c r="A1"r="XFD9">`) and allows `>` and `<` inside values, so the test looks at every "r=" in the chunk.
_CELL_TAG = re.compile(rb"<c(?=[^\w.:-])")  # any start tag of an unprefixed element named exactly c
_CELL_CANONICAL = re.compile(rb'<c r="([A-Z]{1,3})([1-9][0-9]{0,6})"(?=[\s/>])')
_STRAY_R = re.compile(rb"r(?<=[\s\"']r)\s*=(?<!<c r=)(?<!<row r=)")
_PREFIXED_CELL = re.compile(rb":c(?![\w.:-])")  # <x:c ...>: calamine matches local names
_FORMULA_TAG = re.compile(rb"<f(?=[^\w.:-])")


@lru_cache(maxsize=64)
def _outside(max_col: int, max_row: int) -> re.Pattern[bytes]:
    """Matches any cell tag that is not canonical or lies beyond column max_col or row max_row."""
    bounds = rb"(?:" + _columns_up_to(max_col) + rb")(?:" + _numbers_up_to(max_row) + rb")"
    return re.compile(rb'<c(?=[^\w.:-])(?! r="' + bounds + rb'"[\s/>])')


def _numbers_up_to(limit: int) -> bytes:
    """A regex alternation for the decimal numbers 1..limit written without leading zeros."""
    if limit < 1:
        return rb"(?!)"
    digits = str(limit)
    # Possessive (3.11+): a longer number fails the shorter option at once instead of backtracking through it.
    options = [f"[1-9][0-9]{{0,{len(digits) - 2}}}+"] if len(digits) > 1 else []
    for at, digit in enumerate(digits):
        lowest = 1 if at == 0 else 0
        if int(digit) - 1 >= lowest:
            options.append(f"{digits[:at]}[{lowest}-{int(digit) - 1}][0-9]{{{len(digits) - at - 1}}}")
    options.append(digits)
    return "|".join(options).encode()


def _columns_up_to(limit: int) -> bytes:
    """A regex alternation for the column names A..the limit-th column."""
    if limit < 1:
        return rb"(?!)"
    name = _column_letters(limit)
    options = [f"[A-Z]{{1,{len(name) - 1}}}+"] if len(name) > 1 else []
    for at, letter in enumerate(name):
        if letter > "A":
            options.append(f"{name[:at]}[A-{chr(ord(letter) - 1)}][A-Z]{{{len(name) - at - 1}}}")
    options.append(name)
    return "|".join(options).encode()


def _scan_canonical(chunk: bytes, extent: SheetExtent) -> bool:
    """Update `extent` from one chunk; False when the chunk is not canonical and expat must decide."""
    if _PREFIXED_CELL.search(chunk) or _STRAY_R.search(chunk):
        return False
    if _FORMULA_TAG.search(chunk):
        _locate_formulas(chunk, extent)
    at = chunk.rfind(b'<c r="')
    last = _CELL_CANONICAL.match(chunk, at) if at >= 0 else None
    if last:
        # Rows ascend in canonical files, so the last cell of a chunk normally holds the chunk's largest row;
        # the search below catches every cell outside the bounds learned so far, wherever it is.
        extent.include(int(last[2]), _column_number(last[1].decode()))
        extent.last_cell = (last[1] + last[2]).decode()
    if _outside(extent.max_col, extent.max_row).search(chunk):
        cells = _CELL_CANONICAL.findall(chunk)
        if len(cells) != len(_CELL_TAG.findall(chunk)):
            return False
        columns = {letters for letters, _ in cells}
        extent.include(max(int(row) for _, row in cells), max(_column_number(c.decode()) for c in columns))
    return True


def _locate_formulas(chunk: bytes, extent: SheetExtent) -> None:
    """Count the formulas of a chunk and note the row of each (a cell's tag precedes its <f>): an importer treats
    every row holding a formula as edited by hand."""
    for found in _FORMULA_TAG.finditer(chunk):
        at = chunk.rfind(b'<c r="', 0, found.start())
        owner = _CELL_CANONICAL.match(chunk, at) if at >= 0 else None
        extent.add_formula((owner[1] + owner[2]).decode() if owner else extent.last_cell)


_LOOSE_REF = re.compile(r"([A-Za-z]+)([0-9]+)")


def _scan_with_expat(archive: zipfile.ZipFile, info: zipfile.ZipInfo, extent: SheetExtent) -> SheetExtent:
    """Follow cell positions as calamine does: `r` when present, else the next column of the current row,
    where a row without `r` follows the previous row. Element names are matched on their local part."""
    row = col = 0
    cell: str | None = None

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal row, col, cell
        local = name.rpartition(":")[2]
        if local == "row":
            number = attrs.get("r")
            if number is not None and not number.isdigit():
                raise UnsafeWorkbook("CORRUPT", detail=f"{info.filename}: row r={number!r}")
            row, col = (int(number) if number is not None else row + 1), 0
        elif local == "c":
            ref = attrs.get("r")
            if ref is None:
                col += 1
                cell = f"{_column_letters(col)}{max(row, 1)}"
                extent.include(max(row, 1), col)
            else:
                cell_row, col = _parse_ref(ref, info.filename)
                cell = ref
                extent.include(cell_row, col)
        elif local == "f" and cell is not None:
            extent.add_formula(cell)

    def end(name: str) -> None:
        nonlocal cell
        if name.rpartition(":")[2] == "c":
            cell = None

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        for chunk in xml_chunks(archive, info):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise UnsafeWorkbook("CORRUPT", detail=f"{info.filename}: {exc}") from exc
    return extent


def _parse_ref(ref: str, part: str) -> tuple[int, int]:
    """(row, column) of a cell reference as calamine reads it: letters in any case, then digits."""
    found = _LOOSE_REF.fullmatch(ref)
    if not found or int(found[2]) == 0:
        raise UnsafeWorkbook("CORRUPT", detail=f"{part}: cell reference {ref!r}")
    letters, digits = found[1], found[2].lstrip("0")
    # Anything longer than four letters or nine digits is far beyond every limit; keep the numbers small.
    column = _column_number(letters) if len(letters) <= 4 else 1 << 30
    return (int(digits) if len(digits) <= 9 else 1 << 30), column


# --- Password-protected workbooks -------------------------------------------------------------------------------
