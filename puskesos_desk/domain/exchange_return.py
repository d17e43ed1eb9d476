"""What making return packages for every village at once reports back: to the CLI as JSON and to the Kirim tab."""

from __future__ import annotations

from dataclasses import dataclass

from puskesos_desk.domain.exchange_records import ExportOutcome


@dataclass(frozen=True)
class VillagePackage:
    """One village's return package, written and recorded in the ledger."""

    village: str
    name: str
    outcome: ExportOutcome

    def as_json(self) -> dict[str, object]:
        return {"village": self.village, "name": self.name, "path": str(self.outcome.path),
                "sequence": self.outcome.sequence, "rows": dict(self.outcome.rows), "sha256": self.outcome.sha256}


@dataclass(frozen=True)
class VillageFailure:
    """A village whose package could not be made; nothing was written or recorded for it."""

    village: str
    name: str
    message: str

    def as_json(self) -> dict[str, object]:
        return {"village": self.village, "name": self.name, "message": self.message}


@dataclass(frozen=True)
class AllVillagesOutcome:
    packages: tuple[VillagePackage, ...]
    failed: tuple[VillageFailure, ...]
    not_run: tuple[str, ...] = ()  # village codes left when the person stopped the run
    cancelled: bool = False

    @property
    def exit_code(self) -> int:
        return 3 if self.failed else 1 if self.cancelled else 0

    def as_json(self) -> dict[str, object]:
        return {"packages": [p.as_json() for p in self.packages], "failed": [f.as_json() for f in self.failed],
                "cancelled": self.cancelled, "not_run": list(self.not_run)}
