"""Canonical cell values, row hashes and the signed statement of an exchange package (docs/exchange-format.md §4).

A workbook re-saved by Excel or LibreOffice without edits must still verify, while any edit of a value must show.
So hashes are computed over what a cell *means*, not over how a program stored it: text as NFC text without
surrounding spaces, an integral number as an integer whatever its float type, a date as YYYY-MM-DD (also when a
reader returns midnight datetimes), and an empty cell exactly like a missing one.
"""

from __future__ import annotations

import hashlib
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time

from puskesos_desk.domain.stepwise_sort import STEP, sorted_in_steps

FORMAT_ID = "puskesos-desk/paket"
FIELD_SEPARATOR = "\x1f"  # ASCII unit separator: cannot be typed into a cell by accident
KEY_SEPARATOR = "\x1e"


def canonical_value(value: object) -> str:
    """The meaning of one cell as text. Raises TypeError for values no workbook cell can hold."""
    if value is None:
        return ""
    if type(value) is str and value.isascii() and "\r" not in value:
        return value.strip()  # the common cell, hashed hundreds of thousands of times: NFC changes no ASCII
    if isinstance(value, bool):  # before int: bool is an int subclass
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise TypeError("not a finite number")
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, datetime):
        if value.tzinfo is None and value.time() == time(0, 0):
            return value.date().isoformat()  # a date cell read as a midnight datetime
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n")).strip()
    raise TypeError(f"no canonical form for {type(value).__name__}")


def row_hash(sheet: str, columns: Sequence[str], values: Mapping[str, object]) -> str:
    """SHA-256 (hex) of a row: its sheet and each column key with its canonical value, in the format's order.

    `columns` is the sheet's column list from the format (not the order found in a file, which people may change);
    a column missing from `values` counts as empty.
    """
    parts = [f"{key}{KEY_SEPARATOR}{canonical_value(values.get(key))}" for key in columns]
    payload = sheet + "\n" + FIELD_SEPARATOR.join(parts)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def statement(format_version: int, meta: Mapping[str, str], manifest: Iterable[tuple[str, str, str]]) -> bytes:
    """The bytes the sender signs: the package's meta fields and every (sheet, record id, row hash).

    Sorted, so that sorting or filtering rows in a spreadsheet program does not break the signature; the signature
    itself (meta key "signature") is left out.
    """
    lines = [f"{FORMAT_ID}@{format_version}"]
    lines += [f"{key}={canonical_value(meta[key])}" for key in sorted(meta) if key != "signature"]
    lines.append("manifest")
    lines += [f"{sheet}\t{record_id}\t{digest}" for sheet, record_id, digest in sorted_in_steps(manifest)]
    # Joined and encoded a step at a time: one join and one encode of the 236,000 lines of a 100,000-person
    # package (26 MB) held the interpreter for up to 0.19 s on a worker thread, a frozen window (gui_stalls.py).
    pieces = [("\n".join(lines[start:start + STEP]) + "\n").encode("utf-8") for start in range(0, len(lines), STEP)]
    return b"".join(pieces)
