"""The audit log as people read it: the filter of the Audit screen and `audit list`, one event as a row, and the
result of an integrity check (the first broken link of the hash chain, and what the heads sent earlier say).

Labels and sentences are in Bahasa Indonesia: the CLI prints them as they are and the Audit screen shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from enum import StrEnum
from typing import Any

from puskesos_desk.domain.enums import AuditAction

A = AuditAction
ACTION_LABELS: dict[str, str] = {
    A.CREATE: "Buat data",
    A.UPDATE: "Ubah data",
    A.DELETE: "Hapus data",
    A.LOGIN: "Masuk",
    A.LOGIN_FAILED: "Gagal masuk",
    A.LOGOUT: "Keluar",
    A.VIEW_SENSITIVE: "Lihat data spesifik",
    A.UNMASK: "Buka samaran NIK/KK",
    A.PRINT: "Cetak",
    A.EXPORT: "Ekspor",
    A.IMPORT: "Impor",
    A.SIGN: "Tanda tangan",
    A.STATUS_CHANGE: "Ubah status",
    A.OVERRIDE_VALIDATION: "Abaikan peringatan validasi",
    A.PURGE: "Hapus permanen",
    A.SITE_INIT: "Penyiapan situs",
    A.SEED: "Muat data rujukan",
    A.MIGRATE: "Pembaruan basis data",
    A.BACKUP: "Cadangan",
    A.SESSION_LOCK: "Layar terkunci",
    A.SESSION_UNLOCK: "Layar dibuka",
    A.PASSWORD_CHANGE: "Ganti kata sandi",
    A.AUDIT_VERIFY: "Periksa keutuhan log",
    A.SUBJECT_ACCESS: "Permintaan data pribadi",
    A.BREACH_NOTICE: "Pemberitahuan kebocoran",
}

# The tables a person recognises; any other table is shown by its own name.
ENTITY_LABELS: dict[str, str] = {
    "household": "Keluarga", "person": "Warga", "membership": "Anggota keluarga", "kk_history": "Riwayat KK",
    "visit": "Kunjungan", "complaint": "Keluhan", "need": "Kebutuhan", "referral": "Rujukan",
    "proposal": "Usulan", "user_account": "Akun pengguna", "setting": "Pengaturan", "site": "Situs",
    "consent": "Persetujuan", "audit_event": "Log audit", "exchange_package": "Paket pertukaran",
    "export_record": "Register ekspor",
    "participation": "Kepesertaan program", "follow_up": "Tindak lanjut", "referral_event": "Riwayat rujukan",
    "person_ppks": "Kategori PPKS warga", "person_merge": "Penggabungan warga", "dtsen_proposal": "Usulan DTSEN",
    "household_change_request": "Perubahan KK", "service_directory_entry": "Direktori layanan",
    "register_batch": "Impor data DTSEN/DTKS", "trusted_site": "Situs tepercaya", "village_enrolment": "Desa terdaftar",
    "exchange_parked_row": "Baris paket tertunda", "holiday": "Hari libur",
}


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def entity_label(entity: str | None) -> str:
    return ENTITY_LABELS.get(entity or "", entity or "")


@dataclass(frozen=True)
class AuditFilter:
    """Dates are local calendar days, both ends included. `record_text` matches the start of a record id or a
    table name; "#123" asks for the events up to number 123 (newest first), to look at one place in the log."""

    period_from: date | None = None
    period_to: date | None = None
    actor_id: str = ""
    action: str = ""
    record_text: str = ""

    @property
    def up_to_seq(self) -> int | None:
        text = self.record_text.strip()
        return int(text[1:]) if text.startswith("#") and text[1:].isdigit() else None


@dataclass(frozen=True)
class AuditRow:
    seq: int
    occurred_at: datetime  # UTC
    actor_id: str
    actor_name: str
    device: str
    action: str
    entity: str | None
    entity_id: str | None
    changes: dict[str, Any]
    reason: str | None
    recipient: str | None
    purpose: str | None
    site_code: str | None

    @property
    def action_label(self) -> str:
        return action_label(self.action)

    @property
    def record_label(self) -> str:
        if not self.entity:
            return ""
        return f"{entity_label(self.entity)} {self.entity_id or ''}".strip()


@dataclass(frozen=True)
class AuditActor:
    id: str
    name: str


def _short(value: Any, width: int = 60) -> str:
    text = "—" if value in (None, "") else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def change_lines(row: AuditRow) -> list[str]:
    """What a write did, one field a line: "alamat: Dusun Krajan → Dusun Ngablak"; a creation lists its values."""
    changes = row.changes or {}
    if changes.get("hard_delete"):
        before = changes.get("before") or {}
        return [f"{key}: {_short(value)} → (dihapus)" for key, value in sorted(before.items())]
    out: list[str] = []
    for key, value in sorted(changes.items()):
        if isinstance(value, dict) and set(value) == {"before", "after"}:
            out.append(f"{key}: {_short(value['before'])} → {_short(value['after'])}")
        else:
            out.append(f"{key}: {_short(value)}")
    return out


def summary(row: AuditRow) -> str:
    """One short line for the list."""
    changes = row.changes or {}
    if row.action == A.UPDATE and changes:
        return "Diubah: " + ", ".join(sorted(changes))
    if row.action == A.AUDIT_VERIFY:
        return "Log utuh" if changes.get("ok") else "Log rusak: " + str(changes.get("description", ""))
    parts = [row.reason, row.recipient and f"kepada {row.recipient}", row.purpose and f"untuk {row.purpose}"]
    text = "; ".join(p for p in parts if p)
    return _short(text, 120) if text else ""


# --- the integrity check ------------------------------------------------------------------------------------------


class BreakKind(StrEnum):
    CHANGED = "DIUBAH"  # an event's fields no longer give its hash
    DELETED = "DIHAPUS"  # a gap in the numbering: events are missing
    INSERTED = "DISISIPKAN"  # an event slipped in that the next one was not chained to


@dataclass(frozen=True)
class BrokenLink:
    """The first place the chain does not hold. For a deletion `seq` is the first missing number and `missing` how
    many are gone; the other fields describe the event found at `seq` (for a deletion: the one after the gap)."""

    seq: int
    kind: BreakKind
    occurred_at: datetime | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: str | None = None
    missing: int = 0


class FindingKind(StrEnum):
    SHORTER = "LEBIH_PENDEK"  # the log ends before a head this site already sent or recorded
    DIFFERENT = "BERBEDA"  # the history up to a head sent or recorded earlier is not the same any more
    EARLIER_BREAK = "PERNAH_RUSAK"  # an earlier check found the log broken, and it is whole now


@dataclass(frozen=True)
class SentHead:
    """A head this site committed to outside the chain's own tail: in a package, or in an earlier check."""

    seq: int
    hash: str
    source: str  # "paket" or "pemeriksaan"
    label: str  # the package file or the event number of the check
    at: datetime | None


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    head: SentHead


@dataclass(frozen=True)
class AuditCheck:
    ok: bool
    checked: int  # events whose hash was recomputed and matched
    last_seq: int  # the highest number in the log
    head: str  # "seq:hash" recomputed up to the last intact event
    broken: BrokenLink | None = None
    findings: tuple[Finding, ...] = field(default=())
    checked_at: datetime | None = None

    def as_json(self) -> dict[str, Any]:
        broken = self.broken
        return {
            "ok": self.ok, "checked": self.checked, "last_seq": self.last_seq, "head": self.head,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
            "broken": None if broken is None else {
                "seq": broken.seq, "kind": broken.kind.value, "missing": broken.missing,
                "occurred_at": broken.occurred_at.isoformat() if broken.occurred_at else None,
                "action": broken.action, "entity": broken.entity, "entity_id": broken.entity_id,
                "description": describe_break(broken),
            },
            "findings": [{"kind": f.kind.value, "seq": f.head.seq, "source": f.head.source, "label": f.head.label,
                          "at": f.head.at.isoformat() if f.head.at else None, "description": describe_finding(f)}
                         for f in self.findings],
        }


def _when(moment: datetime | None, zone: tzinfo | None) -> str:
    """Local time when the zone is known (the screen, the CLI), else UTC and saying so (a stored description)."""
    if moment is None:
        return "waktu tidak diketahui"
    return moment.astimezone(zone).strftime("%d-%m-%Y %H:%M") if zone else moment.strftime("%d-%m-%Y %H:%M UTC")


def _event(link: BrokenLink, zone: tzinfo | None) -> str:
    what = action_label(link.action or "")
    record = f" pada {entity_label(link.entity)} {link.entity_id or ''}".rstrip() if link.entity else ""
    return f"({what}{record}, {_when(link.occurred_at, zone)})"


def describe_break(link: BrokenLink, zone: tzinfo | None = None) -> str:
    if link.kind is BreakKind.DELETED:
        last = link.seq + link.missing - 1
        gone = f"Peristiwa nomor {link.seq}" if link.missing <= 1 else f"Peristiwa nomor {link.seq}–{last}"
        return (f"{gone} hilang (dihapus di luar aplikasi); peristiwa sesudahnya adalah nomor {last + 1} "
                f"{_event(link, zone)}.")
    if link.kind is BreakKind.INSERTED:
        return (f"Peristiwa nomor {link.seq} {_event(link, zone)} disisipkan di luar aplikasi: peristiwa sesudahnya "
                "tersambung ke peristiwa sebelumnya.")
    return (f"Peristiwa nomor {link.seq} {_event(link, zone)} diubah di luar aplikasi: isinya tidak cocok dengan "
            "hash-nya.")


def describe_finding(finding: Finding, zone: tzinfo | None = None) -> str:
    head = finding.head
    where = (f"paket {head.label} yang dikirim {_when(head.at, zone)}" if head.source == "paket"
             else f"pemeriksaan log nomor {head.label} ({_when(head.at, zone)})")
    if finding.kind is FindingKind.SHORTER:
        return (f"Log lebih pendek daripada kepala rantai dalam {where}: peristiwa sampai nomor {head.seq} "
                "pernah ada. Peristiwa terakhir mungkin dihapus di luar aplikasi.")
    if finding.kind is FindingKind.DIFFERENT:
        return (f"Riwayat sampai peristiwa nomor {head.seq} tidak sama dengan yang tercatat dalam {where}: "
                "log mungkin ditulis ulang di luar aplikasi.")
    return f"Log pernah dinyatakan rusak dalam {where}, tetapi sekarang tampak utuh: periksa siapa memperbaikinya."


def describe_check(check: AuditCheck, zone: tzinfo | None = None) -> list[str]:
    """The result in a few sentences: the verdict first, then the first broken link, then the other findings."""
    if check.ok:
        lines = [f"Log audit utuh: {check.checked} peristiwa diperiksa, hash dihitung ulang semuanya."]
    else:
        lines = [f"LOG AUDIT RUSAK. {check.checked} peristiwa pertama utuh."]
    if check.broken is not None:
        lines.append("Tautan rusak pertama: " + describe_break(check.broken, zone))
    lines.extend(describe_finding(f, zone) for f in check.findings)
    return lines
