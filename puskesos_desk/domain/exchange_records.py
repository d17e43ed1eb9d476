"""What export and import report back: to the CLI as JSON, to the Pertukaran Data page, to the ledger."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from puskesos_desk.domain.exchange_package import ImportStatus, RowClass


@dataclass(frozen=True, slots=True)
class ImportMessage:
    """One finding of a dry run or an import: where, a machine code, and what the officer should know or do."""

    sheet: str | None
    row: int | None  # the row number in the workbook (1 = header), as Excel shows it
    column: str | None  # the header people see
    code: str
    message: str
    severity: str = "error"  # "error" (the row is not applied), "warning", "info"

    def as_json(self) -> dict[str, object]:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "code": self.code,
                "message": self.message, "severity": self.severity}


@dataclass(frozen=True)
class ImportOutcome:
    status: ImportStatus
    package_id: str
    sender: str
    sender_name: str
    sequence: int
    rows: dict[RowClass, int]
    sheets: dict[str, dict[RowClass, int]]  # per sheet
    messages: list[ImportMessage]
    report: Path | None = None
    conflict_workbook: Path | None = None
    applied_at: datetime | None = None
    applied_by: str = ""

    @property
    def exit_code(self) -> int:
        return 3 if self.status is ImportStatus.REJECTED else 0

    def as_json(self) -> dict[str, object]:
        return {
            "status": self.status.value, "package": self.package_id, "sender": self.sender,
            "sequence": self.sequence,
            "rows": {row_class.value: self.rows.get(row_class, 0) for row_class in RowClass},
            "sheets": {sheet: {c.value: n for c, n in counts.items() if n} for sheet, counts in self.sheets.items()},
            "messages": [message.as_json() for message in self.messages],
            "report": str(self.report) if self.report else None,
            "conflicts": str(self.conflict_workbook) if self.conflict_workbook else None,
            "applied_at": self.applied_at.isoformat() if self.applied_at else None,
            "applied_by": self.applied_by or None,
        }


@dataclass(frozen=True)
class ExportOutcome:
    path: Path
    package_id: str
    receiver: str
    sequence: int
    scope: str
    rows: dict[str, int]  # per sheet
    sha256: str

    def as_json(self) -> dict[str, object]:
        return {"path": str(self.path), "package": self.package_id, "receiver": self.receiver,
                "sequence": self.sequence, "scope": self.scope, "rows": dict(self.rows), "sha256": self.sha256}


@dataclass(frozen=True)
class LedgerEntry:
    package_id: str
    direction: str  # KELUAR / MASUK
    kind: str
    sender: str
    receiver: str
    sequence: int
    status: str  # DIBUAT, DIAKUI (out); DITERAPKAN (in)
    created_at: datetime
    processed_at: datetime | None
    processed_by: str
    file_name: str
    sha256: str
    row_counts: dict[str, int] = field(default_factory=dict)
    report: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class ParkedRow:
    id: str
    package_id: str
    sender: str
    sheet: str
    table: str
    record_id: str
    row_number: int
    reason: str  # KONFLIK / DIUBAH
    values: dict[str, object]  # the sender's field values, JSON-safe (dates as ISO text)
    sender_version: int
    base_version: int
    status: str
    parked_at: datetime


class ProgressSink:
    """Where long work reports progress and asks whether to stop; the UI passes one bound to its worker."""

    def progress(self, done: int, total: int, label: str) -> None:
        pass

    def cancelled(self) -> bool:
        return False
