"""What importing a district DTSEN/DTKS extract reports: the proposed column mapping, a preview of the file, and
the outcome of an import (the CLI's JSON contract and what the UI shows).

Messages are in Bahasa Indonesia and never carry an unmasked 16-digit number (NIK, No. KK, ID DTKS).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning", "info"]
ExtractStatus = Literal["imported", "rejected"]

#: The row counts of an outcome, always all present.
ROW_COUNTS = ("imported", "other_desa", "nik_damaged", "rejected", "warnings", "total")


@dataclass(frozen=True, slots=True)
class ExtractMessage:
    """One finding. `row` is the row number as Excel shows it (None for the whole file); `column` the source header."""

    row: int | None
    column: str | None
    code: str
    message: str
    severity: Severity = "error"

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "code": self.code, "message": self.message,
                "severity": self.severity}


@dataclass(frozen=True, slots=True)
class ExtractMapping:
    """Which column holds which field.

    `columns`: column index (0 = column A) → field key; `headers`: source header → field key (the same mapping as
    people read it); `unknown`: headers that map to nothing (ignored); `ambiguous`: field → the headers that could
    each be it (the first of them is used unless the field is required, see extract_layout.REQUIRED_FIELDS).
    """

    header_row: int  # 1-based, as Excel shows it
    columns: dict[int, str]
    headers: dict[str, str]
    unknown: tuple[str, ...] = ()
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def column_of(self, field_key: str) -> int | None:
        return next((index for index, key in self.columns.items() if key == field_key), None)

    def header_of(self, field_key: str) -> str | None:
        return next((header for header, key in self.headers.items() if key == field_key), None)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(self.columns.values())


@dataclass(frozen=True, slots=True)
class ExtractPreview:
    path: Path
    sheet: str
    dataset: str  # DTSEN when the file has a desil column, else DTKS
    as_of: date | None  # read from a title row ("Keadaan per tanggal: 01 Oktober 2026")
    mapping: ExtractMapping
    sample: list[dict[str, str]]  # the first data rows, source header → text; NIK/KK masked
    source_key: str  # stable per layout (the set of normalised headers): the key a mapping is remembered under
    messages: list[ExtractMessage]
    rows_estimate: int  # data rows below the header (blank rows included)

    @property
    def problems(self) -> list[ExtractMessage]:
        """What stops an import of this file as it is mapped now."""
        return [message for message in self.messages if message.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ExtractOutcome:
    status: ExtractStatus
    batch_id: str | None
    dataset: str
    as_of: date | None
    file_name: str
    sha256: str
    rows: dict[str, int]  # ROW_COUNTS
    mapping: dict[str, str]  # source header → field key
    messages: list[ExtractMessage]
    sheet: str = ""

    @property
    def exit_code(self) -> int:
        return 0 if self.status == "imported" else 3

    @property
    def imported(self) -> bool:
        return self.status == "imported"

    def as_json(self) -> dict[str, object]:
        return {
            "status": self.status,
            "dataset": self.dataset,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "file": self.file_name,
            "sha256": self.sha256,
            "batch_id": self.batch_id,
            "sheet": self.sheet or None,
            "rows": {key: int(self.rows.get(key, 0)) for key in ROW_COUNTS},
            "mapping": dict(self.mapping),
            "messages": [message.as_json() for message in self.messages],
        }
