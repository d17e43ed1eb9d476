"""The sites this site exchanges with, as the Desa tab and `village list` show them: for a district every trusted
village with its last package and the packages still missing; for a village its district."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from puskesos_desk.domain.audit_continuity import BROKEN, UNKNOWN, WORDS


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
    audit_chain: str = UNKNOWN  # UTUH / TERPUTUS / BELUM_DIKETAHUI: the last package whose history could be checked
    audit_breaks: int = 0  # packages received whose sender's history did not continue the one sent before

    @property
    def audit_broken(self) -> bool:
        return self.audit_chain == BROKEN

    def audit_text(self) -> str:
        """'utuh' / 'terputus' / 'belum diketahui'."""
        return WORDS.get(self.audit_chain, WORDS[UNKNOWN])

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
            "audit_chain": self.audit_text(), "audit_chain_breaks": self.audit_breaks,
        }
