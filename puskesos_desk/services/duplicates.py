"""The district's review of likely duplicate persons across villages: list the pairs, merge one into the other, or
record that they are two different people (issue 7).

Nothing here edits a village's person rows: a decision is a `person_merge` record. A merge travels to both villages
in their next return packages; the village that holds the duplicate turns it into a tombstone pointing to the
survivor (services/merge_arrivals.py). Until then, and for "bukan duplikat", both persons keep getting service.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from puskesos_desk.data.repositories import duplicates as repo
from puskesos_desk.domain.duplicates import (
    Candidate,
    MatchKind,
    MergeDecision,
    PersonSide,
    mask_nik_last4,
    match_kind,
    suggested_survivor,
)
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected, NotFound
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import get_site_info

DEFAULT_PAGE = 50
MAX_PAGE = 500
MAX_REASON = 500


@dataclass(frozen=True)
class CandidatePage:
    total: int
    offset: int
    candidates: list[Candidate]

    def as_json(self) -> dict[str, object]:
        return {"total": self.total, "offset": self.offset,
                "candidates": [{"match": c.match.value, "left": _side_json(c.left), "right": _side_json(c.right)}
                               for c in self.candidates]}


@dataclass(frozen=True)
class Decision:
    merge_id: str
    decision: MergeDecision
    match: MatchKind
    survivor: PersonSide
    duplicate: PersonSide

    def as_json(self) -> dict[str, object]:
        return {"merge_id": self.merge_id, "decision": self.decision.value, "match": self.match.value,
                "survivor": _side_json(self.survivor), "duplicate": _side_json(self.duplicate)}


def _side_json(side: PersonSide) -> dict[str, object]:
    return side.snapshot()


def _require_district(ctx: ServiceContext, permission: Permission) -> None:
    ctx.require(permission)
    if get_site_info(ctx.db).role is not SiteRole.KABUPATEN:
        raise InputRejected("Data warga ganda antar desa diputuskan oleh Sekretariat SLRT kabupaten/kota, yang "
                            "melihat data semua desa.")


def list_candidates(ctx: ServiceContext, *, limit: int = DEFAULT_PAGE, offset: int = 0) -> CandidatePage:
    """Pairs still to review, strongest evidence first; `left` of each is the suggested survivor."""
    _require_district(ctx, Permission.VIEW_CASES)
    if limit < 1 or limit > MAX_PAGE or offset < 0:
        raise InputRejected(f"Jumlah per halaman 1–{MAX_PAGE}, dan awal halaman tidak boleh negatif.", field="limit")
    with ctx.db.reading() as session:
        every = repo.candidate_pairs(session)
        total, pairs = len(every), every[offset:offset + limit]
        sides = _sides(session, [i for pair in pairs for i in (pair.first_id, pair.second_id)])
    candidates = []
    for pair in pairs:
        survivor, duplicate = suggested_survivor(sides[pair.first_id], sides[pair.second_id])
        candidates.append(Candidate(survivor, duplicate, pair.match))
    return CandidatePage(total, offset, candidates)


def merge(ctx: ServiceContext, *, survivor_id: str, duplicate_id: str, reason: str = "") -> Decision:
    """The duplicate is the same person as the survivor; both villages learn it from their next return package."""
    return _decide(ctx, survivor_id, duplicate_id, MergeDecision.DIGABUNG, reason)


def not_duplicate(ctx: ServiceContext, first_id: str, second_id: str, *, reason: str) -> Decision:
    """Two different people who only look alike; the pair is not listed again. Stays at the district."""
    if not " ".join(reason.split()):
        raise InputRejected("Tuliskan alasan mengapa keduanya bukan orang yang sama (misalnya: ibu dan anak dengan "
                            "nama sama, NIK berbeda menurut Dukcapil).", field="reason")
    return _decide(ctx, first_id, second_id, MergeDecision.BUKAN_DUPLIKAT, reason)


def _decide(ctx: ServiceContext, survivor_id: str, duplicate_id: str, decision: MergeDecision,
            reason: str) -> Decision:
    _require_district(ctx, Permission.MERGE_PERSONS)
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON:
        raise InputRejected(f"Alasan paling banyak {MAX_REASON} huruf.", field="reason")
    if survivor_id == duplicate_id:
        raise InputRejected("Pilih dua data warga yang berbeda.")
    with ctx.db.transaction(ctx.actor) as session:
        rows = repo.persons(session, [survivor_id, duplicate_id])
        for person_id in (survivor_id, duplicate_id):
            row = rows.get(person_id)
            if row is None or row.deleted:
                raise NotFound(f"Data warga {person_id} tidak ada (atau sudah dihapus) di basis data kabupaten.")
        survivor_row, duplicate_row = rows[survivor_id], rows[duplicate_id]
        if survivor_row.origin_site == duplicate_row.origin_site:
            raise InputRejected("Kedua data berasal dari desa yang sama; data ganda di satu desa dibereskan oleh "
                                "Puskesos desa itu sendiri.")
        kind = match_kind(survivor_row.nik, duplicate_row.nik, survivor_row.name_key, duplicate_row.name_key,
                          survivor_row.birth_date, duplicate_row.birth_date)
        if kind is None:
            raise InputRejected("Kedua data ini tidak sama NIK-nya, juga tidak sama nama dan tanggal lahirnya; "
                                "hanya pasangan dari daftar kemungkinan ganda yang dapat diputuskan.")
        if repo.merge_for_pair(session, survivor_id, duplicate_id) is not None:
            raise InputRejected("Pasangan ini sudah diputuskan sebelumnya.")
        merged = repo.merged_away(session, [survivor_id, duplicate_id])
        if merged:
            raise InputRejected("Salah satu data ini sudah digabung ke data lain; putuskan pasangan dengan data yang "
                                "dipertahankan.")
        sides = _sides(session, [survivor_id, duplicate_id])
        record = repo.add_decision(
            session, duplicate_person_id=duplicate_id, survivor_person_id=survivor_id, decision=decision.value,
            match_kind=kind.value, reason=reason, decided_by=ctx.actor.name, decided_at=ctx.now(),
            snapshot={"survivor": sides[survivor_id].snapshot(), "duplicate": sides[duplicate_id].snapshot()})
        return Decision(record.id, decision, kind, sides[survivor_id], sides[duplicate_id])


def _sides(session: Any, ids: list[str]) -> dict[str, PersonSide]:
    rows = repo.persons(session, list(dict.fromkeys(ids)))
    names = repo.village_names(session, {row.origin_site for row in rows.values() if row.origin_site})
    return {person_id: PersonSide(
        person_id=person_id, name=row.name, nik_masked=mask_nik_last4(row.nik), birth_date=row.birth_date,
        village_code=row.origin_site or "", village_name=names.get(row.origin_site or "", row.origin_site or ""),
        household_id=row.household_id, household_number=row.household_number, updated_at=row.updated_at,
    ) for person_id, row in rows.items()}
