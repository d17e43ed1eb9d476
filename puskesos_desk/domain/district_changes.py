"""Household change requests as the district secretariat sees them: one row per request from any village, with
the names it needs to decide, and a plain-language summary of what the change would do."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

#: The status filter of the district list: waiting requests, decided ones, or all.
FILTER_WAITING, FILTER_DECIDED, FILTER_ALL = "MENUNGGU", "DIPUTUSKAN", "SEMUA"
STATUS_FILTERS = (FILTER_WAITING, FILTER_DECIDED, FILTER_ALL)
DECIDED_AT_DISTRICT = "kabupaten"
#: Payload keys the village writes once it has acted on the district's approval (change_arrivals.py).
APPLIED_AT_VILLAGE = "applied_at_village"
VILLAGE_APPLY_PROBLEM = "village_apply_problem"

_KIND_WORDS = {
    "TAMBAH_ANGGOTA": "Tambah anggota", "KELUARKAN_ANGGOTA": "Keluarkan anggota",
    "GANTI_KEPALA": "Ganti kepala keluarga", "PISAH_KK": "Pisah KK", "PINDAH": "Pindah", "MENINGGAL": "Meninggal",
}


@dataclass(frozen=True, slots=True)
class DistrictChangeItem:
    id: str
    number: str
    village_code: str
    village_name: str
    household_id: str
    household_number: str
    head_name: str
    person_name: str
    kind: str
    payload: dict[str, Any] = field(compare=False, hash=False)
    summary: tuple[str, ...] = ()
    reason: str = ""
    status: str = "MENUNGGU"
    requested_at: datetime | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str = ""
    decided_where: str | None = None
    row_version: int = 1

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "number": self.number, "village_code": self.village_code,
            "village_name": self.village_name, "household_number": self.household_number,
            "head_name": self.head_name, "person_name": self.person_name, "kind": self.kind,
            "summary": list(self.summary), "reason": self.reason, "status": self.status,
            "requested_at": self.requested_at.isoformat() if self.requested_at else None,
            "decided_by": self.decided_by, "decided_at": self.decided_at.isoformat() if self.decided_at else None,
            "decision_reason": self.decision_reason, "decided_where": self.decided_where,
            "row_version": self.row_version,
        }


@dataclass(frozen=True, slots=True)
class DistrictChangePage:
    items: tuple[DistrictChangeItem, ...]
    total: int  # rows matching the filter, over all pages
    offset: int
    limit: int


def kind_words(kind: str) -> str:
    return _KIND_WORDS.get(kind, kind)


def change_summary(kind: str, payload: Mapping[str, Any], person_name: str,
                   names: Mapping[str, str]) -> tuple[str, ...]:
    """What approving the request would do, one line per effect, in Bahasa (names looked up by person id)."""

    def name(person_id: object) -> str:
        return names.get(str(person_id or ""), "") or "(anggota tidak dikenal)"

    lines: list[str] = []
    if kind == "TAMBAH_ANGGOTA":
        found = payload.get("member")
        member: Mapping[str, Any] = found if isinstance(found, dict) else {}
        born = member.get("birth_date") or "-"
        lines.append(f"Anggota baru: {member.get('name') or '-'} ({member.get('relation') or '-'}, "
                     f"{member.get('sex') or '-'}, lahir {born})")
        if payload.get("existing_person_id"):
            lines.append("Warga ini pindah dari KK lain di desa.")
    elif kind == "KELUARKAN_ANGGOTA":
        lines.append(f"Dikeluarkan dari KK: {person_name or '-'}")
    elif kind == "GANTI_KEPALA":
        lines.append(f"Kepala keluarga baru: {person_name or name(payload.get('new_head_person_id'))}")
        lines.extend(f"Hubungan {name(pid)} menjadi {rel}" for pid, rel in dict(payload.get("relations") or {}).items())
    elif kind == "PISAH_KK":
        moving = [name(pid) for pid in list(payload.get("person_ids") or [])]
        lines.append(f"Pindah ke KK baru: {', '.join(moving) or '-'}")
        lines.append(f"Kepala keluarga KK baru: {name(payload.get('new_head_person_id'))}")
        lines.append(f"Nomor KK baru: {payload.get('kk_number') or 'belum ada'}")
    elif kind in ("PINDAH", "MENINGGAL"):
        verb = "Meninggal" if kind == "MENINGGAL" else "Pindah"
        lines.append(f"{verb}: {person_name or '-'} pada {payload.get('event_date') or '-'}")
        if payload.get("destination"):
            lines.append(f"Tujuan: {payload['destination']}")
        if payload.get("new_head_person_id"):
            lines.append(f"Kepala keluarga baru: {name(payload.get('new_head_person_id'))}")
    if payload.get(APPLIED_AT_VILLAGE):
        lines.append(f"Sudah diterapkan di desa ({payload[APPLIED_AT_VILLAGE]}).")
    if payload.get(VILLAGE_APPLY_PROBLEM):
        lines.append(f"Tidak dapat diterapkan di desa: {payload[VILLAGE_APPLY_PROBLEM]}")
    return tuple(lines)
