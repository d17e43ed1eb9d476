"""Golden workbooks in tests/_reference, compared as a normalised dump read back with openpyxl, not byte for byte:
sheet names, every cell's value and number format, merged ranges, column widths, freeze panes and charts per sheet.

Regenerate with `PUSKESOS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/spreadsheet/test_report_workbook.py
-p no:cacheprovider`, then open the new files before committing them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from tests.printing.golden import REFERENCE, UPDATE_FLAG

REGENERATE = f"{UPDATE_FLAG}=1 .venv/bin/python -m pytest tests/spreadsheet/test_report_workbook.py -p no:cacheprovider"


def workbook_dump(path: Path) -> dict[str, object]:
    book = openpyxl.load_workbook(path)
    sheets: dict[str, object] = {}
    for sheet in book.worksheets:
        cells = {cell.coordinate: (cell.value, cell.number_format)
                 for row in sheet.iter_rows() for cell in row if cell.value is not None}
        sheets[sheet.title] = {
            "cells": cells,
            "merged": sorted(str(merged) for merged in sheet.merged_cells.ranges),
            "widths": {key: round(dimension.width, 2) for key, dimension in sorted(sheet.column_dimensions.items())
                       if dimension.width},
            "freeze": sheet.freeze_panes,
            "charts": len(sheet._charts),
        }
    return {"order": book.sheetnames, "sheets": sheets}


def assert_matches_workbook_golden(name: str, path: Path) -> None:
    golden = REFERENCE / name
    if os.environ.get(UPDATE_FLAG) == "1":
        shutil.copyfile(path, golden)
        return
    if not golden.exists():
        pytest.fail(f"Golden workbook tests/_reference/{name} is missing. Create it with `{REGENERATE}` "
                    "and open it before committing.")
    actual, expected = workbook_dump(path), workbook_dump(golden)
    assert actual["order"] == expected["order"], f"{name}: sheets differ from the golden"
    for sheet, content in expected["sheets"].items():  # type: ignore[union-attr]
        assert actual["sheets"][sheet] == content, (  # type: ignore[index]
            f"{name}: sheet {sheet!r} differs from the golden; if intended, regenerate with `{REGENERATE}`")
