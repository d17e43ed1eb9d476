"""What importing several packages at once reports: one line per file, the senders' sequence gaps, and totals.

Each package is imported on its own (its own transaction, its own ImportOutcome); a batch only gathers them. A file
the batch did not reach (the officer pressed Batal) has no outcome.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from puskesos_desk.domain.exchange_package import ImportStatus, RowClass
from puskesos_desk.domain.exchange_records import ImportMessage, ImportOutcome

NOT_RUN = "not-run"  # the status of a file the batch stopped before
GAP_CODE = "PAKET_BELUM_DITERIMA"


@dataclass(frozen=True)
class BatchEntry:
    path: Path
    outcome: ImportOutcome | None  # None: not reached, the batch was cancelled first

    @property
    def status(self) -> str:
        return self.outcome.status.value if self.outcome is not None else NOT_RUN

    def as_json(self) -> dict[str, object]:
        outcome = self.outcome
        if outcome is None:
            return {"file": self.path.name, "path": str(self.path), "status": NOT_RUN, "sender": None,
                    "sender_name": None, "sequence": None, "package": None, "rows": {}, "messages": []}
        return {"file": self.path.name, "path": str(self.path), "status": outcome.status.value,
                "sender": outcome.sender or None, "sender_name": outcome.sender_name or None,
                "sequence": outcome.sequence or None, "package": outcome.package_id or None,
                "rows": {c.value: outcome.rows.get(c, 0) for c in RowClass},
                "messages": [message.as_json() for message in outcome.messages]}


@dataclass(frozen=True)
class SenderGap:
    """Packages of one sender still missing after the batch: "paket ke-7 dari Desa X belum diterima"."""

    sender: str
    sender_name: str
    missing: tuple[int, ...]

    def message(self) -> ImportMessage:
        numbers = ", ".join(str(n) for n in self.missing[:20]) + (" …" if len(self.missing) > 20 else "")
        return ImportMessage(None, None, None, GAP_CODE,
                             f"Paket ke-{numbers} dari {self.sender_name or self.sender} belum diterima; "
                             "minta desa mengirimkannya.", "warning")


@dataclass(frozen=True)
class BatchImportOutcome:
    entries: list[BatchEntry]
    gaps: list[SenderGap] = field(default_factory=list)
    dry_run: bool = False
    cancelled: bool = False
    report: Path | None = None
    messages: list[ImportMessage] = field(default_factory=list)  # about the batch itself (cancelled, report)

    def count(self, status: ImportStatus | str) -> int:
        wanted = status.value if isinstance(status, ImportStatus) else status
        return sum(1 for entry in self.entries if entry.status == wanted)

    def rows(self) -> dict[RowClass, int]:
        total: Counter[RowClass] = Counter()
        for entry in self.entries:
            if entry.outcome is not None:
                total.update(entry.outcome.rows)
        return {c: total.get(c, 0) for c in RowClass}

    @property
    def exit_code(self) -> int:
        """0 when every file was applied (or would be, or already was); 3 when any was rejected."""
        return 3 if self.count(ImportStatus.REJECTED) else 0

    def totals(self) -> dict[str, object]:
        return {
            "files": len(self.entries), "applied": self.count(ImportStatus.APPLIED),
            "would_apply": self.count(ImportStatus.WOULD_APPLY),
            "already_applied": self.count(ImportStatus.ALREADY_APPLIED),
            "rejected": self.count(ImportStatus.REJECTED), "not_run": self.count(NOT_RUN),
            "rows": {c.value: n for c, n in self.rows().items()},
        }

    def all_messages(self) -> list[tuple[str, ImportMessage]]:
        """(file name or "", message): the batch's own messages and gaps first, then each file's in order."""
        found = [("", m) for m in self.messages] + [("", gap.message()) for gap in self.gaps]
        for entry in self.entries:
            if entry.outcome is not None:
                found += [(entry.path.name, m) for m in entry.outcome.messages]
        return found

    def as_json(self) -> dict[str, object]:
        return {
            "packages": [entry.as_json() for entry in self.entries], "totals": self.totals(),
            "gaps": [{"sender": g.sender, "sender_name": g.sender_name, "missing": list(g.missing)}
                     for g in self.gaps],
            "dry_run": self.dry_run, "cancelled": self.cancelled,
            "messages": [m.as_json() for m in self.messages],
            "report": str(self.report) if self.report else None,
        }
