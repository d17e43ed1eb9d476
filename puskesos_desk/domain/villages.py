"""The sites this site exchanges with, as the Desa tab and `village list` show them: for a district every trusted
village with its last package and the packages still missing; for a village its district."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class VillageStatus:
    code: str
    name: str
    role: str  # desa | kabupaten (the district, at a village site)
    fingerprint: str
    trusted_at: datetime
    packages_received: int
    last_sequence: int | None  # the highest sequence received; None: nothing received yet
    last_sent_at: datetime | None  # when the sender made that package
    last_received_at: datetime | None  # when it was applied here
    last_file: str
    missing: tuple[int, ...]  # sequences below the last one not received (gaps)
    days_since_last: int | None  # days from the last package's making to today

    @property
    def has_gaps(self) -> bool:
        return bool(self.missing)

    def gap_text(self) -> str:
        """'paket ke-7 belum diterima' / 'paket ke-3, 7 belum diterima' / ''."""
        if not self.missing:
            return ""
        numbers = ", ".join(str(n) for n in self.missing[:20]) + (" …" if len(self.missing) > 20 else "")
        return f"paket ke-{numbers} belum diterima"

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code, "name": self.name, "role": self.role, "fingerprint": self.fingerprint,
            "trusted_at": self.trusted_at.isoformat(), "packages_received": self.packages_received,
            "last_package": None if self.last_sequence is None else {
                "sequence": self.last_sequence,
                "sent_at": self.last_sent_at.isoformat() if self.last_sent_at else None,
                "received_at": self.last_received_at.isoformat() if self.last_received_at else None,
                "file": self.last_file,
            },
            "missing_sequences": list(self.missing), "days_since_last_package": self.days_since_last,
        }
