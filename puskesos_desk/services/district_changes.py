"""Household change requests decided at the district (issue 7).

A village's request reaches the secretariat in the `Usulan Perubahan` sheet. The Manajer SLRT approves or rejects
it here; the district only records the decision (status, who, when, why, "kabupaten"). It never changes the
village's persons or memberships: the decision travels back in the next return package and the village applies it
(services/change_arrivals.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import changes, district_changes, trust
from puskesos_desk.domain.district_changes import (
    DECIDED_AT_DISTRICT,
    FILTER_ALL,
    FILTER_DECIDED,
    FILTER_WAITING,
    STATUS_FILTERS,
    DistrictChangeItem,
    DistrictChangePage,
    change_summary,
)
from puskesos_desk.domain.enums import ChangeStatus, SiteRole
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.changes import STALE_MESSAGE
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import get_site_info

if TYPE_CHECKING:
    from puskesos_desk.data.orm.household import Household
    from puskesos_desk.data.orm.proposals import HouseholdChangeRequest

PAGE_SIZE = 200
NOT_A_DISTRICT = (
    "Permintaan perubahan KK dari desa diputuskan di Sekretariat SLRT kabupaten/kota. Di desa, permintaan menunggu "
    "keputusan kabupaten (atau Koordinator, bila persetujuan lokal diaktifkan di Pengaturan)."
)
_STATUSES = {
    FILTER_WAITING: (ChangeStatus.MENUNGGU.value,),
    FILTER_DECIDED: (ChangeStatus.DISETUJUI.value, ChangeStatus.DITOLAK.value),
    FILTER_ALL: None,
}


def _require_district(ctx: ServiceContext) -> None:
    if get_site_info(ctx.db).role is not SiteRole.KABUPATEN:
        raise InputRejected(NOT_A_DISTRICT)


def list_district_changes(ctx: ServiceContext, *, status: str = FILTER_WAITING, village: str | None = None,
                          offset: int = 0, limit: int = PAGE_SIZE) -> DistrictChangePage:
    """One page of change requests from the villages, oldest first; `status` is one of STATUS_FILTERS or a
    ChangeStatus value."""
    ctx.require(Permission.VIEW_CASES)
    _require_district(ctx)
    if status in STATUS_FILTERS:
        statuses = _STATUSES[status]
    elif status in ChangeStatus.__members__:
        statuses = (status,)
    else:
        raise InputRejected(f"Status {status} tidak dikenal; pilih MENUNGGU, DIPUTUSKAN, SEMUA, DISETUJUI atau "
                            "DITOLAK.", field="status")
    offset, limit = max(0, offset), max(1, min(limit, 5000))
    with ctx.db.reading() as session:
        villages = {site.code: site.name for site in trust.all_trusted(session)}
        total = district_changes.count_requests(session, village=village or None, statuses=statuses)
        rows = district_changes.page_of_requests(session, village=village or None, statuses=statuses,
                                                 offset=offset, limit=limit)
        names = district_changes.names_in_households(session, [household.id for _, household in rows])
        names.update(district_changes.person_names(session, [str(r.person_id) for r, _ in rows
                                                             if r.person_id and r.person_id not in names]))
    items = tuple(_item(request, household, villages, names) for request, household in rows)
    return DistrictChangePage(items=items, total=total, offset=offset, limit=limit)


def decide_district_change(ctx: ServiceContext, *, request_id: str, expected_version: int, approve: bool,
                           reason: str = "") -> DistrictChangeItem:
    """The Manajer SLRT's decision. Recorded only; the village applies an approval when the decision arrives."""
    ctx.require(Permission.APPROVE_HOUSEHOLD_CHANGE)
    _require_district(ctx)
    with ctx.db.transaction(ctx.actor) as session:
        request_id = decide_in(session, ctx, request_id=request_id, expected_version=expected_version,
                               approve=approve, reason=reason)
    return _one(ctx, request_id)


def decide_in(session: DbSession, ctx: ServiceContext, *, request_id: str, expected_version: int, approve: bool,
              reason: str = "") -> str:
    row = changes.get_change_request(session, request_id)
    if row.row_version != expected_version:
        raise Conflict(STALE_MESSAGE)
    if row.status != ChangeStatus.MENUNGGU:
        raise InputRejected(f"Permintaan {row.number} sudah diputuskan; tidak dapat diputuskan lagi.")
    if not approve and not reason.strip():
        raise FieldErrors({"decision_reason": "Tuliskan alasan permintaan ditolak."})
    row.status = (ChangeStatus.DISETUJUI if approve else ChangeStatus.DITOLAK).value
    row.decided_by = ctx.actor.id
    row.decided_at = ctx.now()
    row.decision_reason = reason.strip()
    row.decided_where = DECIDED_AT_DISTRICT
    session.flush()
    return row.id


def get_district_change(ctx: ServiceContext, request_id: str) -> DistrictChangeItem:
    ctx.require(Permission.VIEW_CASES)
    _require_district(ctx)
    return _one(ctx, request_id)


def _one(ctx: ServiceContext, request_id: str) -> DistrictChangeItem:
    with ctx.db.reading() as session:
        row = changes.get_change_request(session, request_id)
        household = changes.get_household_row(session, row.household_id)
        villages = {site.code: site.name for site in trust.all_trusted(session)}
        names = district_changes.names_in_households(session, [household.id])
        names.update(district_changes.person_names(session, [row.person_id or ""]))
        return _item(row, household, villages, names)


def _item(request: HouseholdChangeRequest, household: Household, villages: dict[str, str],
          names: dict[str, str]) -> DistrictChangeItem:
    code = household.village_code or request.origin_site or ""
    person = names.get(request.person_id or "", "")
    payload = dict(request.payload or {})
    return DistrictChangeItem(
        id=request.id, number=request.number, village_code=code, village_name=villages.get(code, code),
        household_id=household.id, household_number=household.number, head_name=household.head_name or "",
        person_name=person, kind=request.kind, payload=payload,
        summary=change_summary(request.kind, payload, person, names), reason=request.reason, status=request.status,
        requested_at=request.created_at, decided_by=request.decided_by, decided_at=request.decided_at,
        decision_reason=request.decision_reason or "", decided_where=request.decided_where,
        row_version=request.row_version,
    )
