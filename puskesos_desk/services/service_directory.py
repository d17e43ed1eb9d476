"""The service directory screen: the district lists, adds, edits, checks, deactivates and reactivates entries.

Entries are never deleted (referrals name them): an agency that stops a service is deactivated. Every write is a
new row version, so it travels to every village in the next return packages. Saving an edit counts as a check
with the agency (last_checked_on = today). Villages read the directory only; they receive it from the district.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import reference, regions
from puskesos_desk.data.repositories import service_directory as freshness
from puskesos_desk.data.repositories import service_directory_entries as entries
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected, NotFound
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.service_directory import (
    DirectoryFilter,
    DirectoryPage,
    ServiceDraft,
    ServiceEntry,
    normalized,
    shape_errors,
)
from puskesos_desk.domain.service_freshness import checked_cutoff
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import get_site_info

PAGE_SIZE = 500
DISTRICT_ONLY = ("Direktori layanan dipelihara oleh Sekretariat SLRT kabupaten/kota. Di desa, direktori hanya "
                 "dapat dibaca; perubahan datang lewat paket balasan kabupaten.")


def _stale_message(code: str) -> str:
    return (f"Layanan {code} baru saja diubah oleh petugas lain. Tidak ada yang disimpan. Muat ulang direktori, "
            "periksa isinya, lalu ubah lagi bila masih perlu.")


def can_manage(ctx: ServiceContext) -> bool:
    """Whether the signed-in account may change the directory at this site (the district only)."""
    return ctx.actor.can(Permission.MANAGE_SERVICE_DIRECTORY) and get_site_info(ctx.db).role is SiteRole.KABUPATEN


def _require_manage(ctx: ServiceContext) -> None:
    ctx.require(Permission.MANAGE_SERVICE_DIRECTORY)
    if get_site_info(ctx.db).role is not SiteRole.KABUPATEN:
        raise InputRejected(DISTRICT_ONLY)


def list_services(ctx: ServiceContext, spec: DirectoryFilter | None = None, *, limit: int = PAGE_SIZE,
                  offset: int = 0) -> DirectoryPage:
    """One page of entries matching `spec`, how many match, how many active entries need a check, and whether
    this account may edit. Any signed-in role may read: the directory holds agencies, not residents."""
    today = ctx.today()
    cutoff = checked_cutoff(today)
    editable = can_manage(ctx)
    with ctx.db.reading() as session:
        rows, total = entries.list_entries(session, spec or DirectoryFilter(), cutoff=cutoff, today=today,
                                           limit=limit, offset=offset)
        stale = entries.count_stale(session, cutoff)
    return DirectoryPage(entries=rows, total=total, stale_count=stale, editable=editable)


def get_service(ctx: ServiceContext, entry_id: str) -> ServiceEntry:
    with ctx.db.reading() as session:
        return _get(session, entry_id, ctx.today())


def _get(session: DbSession, entry_id: str, today: date) -> ServiceEntry:
    found = entries.get_entry(session, entry_id, today)
    if found is None:
        raise NotFound("Layanan ini tidak ada lagi di direktori layanan. Muat ulang direktori.")
    return found


def _checked(session: DbSession, draft: ServiceDraft, *, entry_id: str | None) -> ServiceDraft:
    """The normalized draft, or FieldErrors with every problem found (shape, then the database's lists)."""
    clean = normalized(draft)
    errors = shape_errors(clean)
    if clean.region_code and regions.get_region(session, clean.region_code) is None:
        errors["region_code"] = f"Kode wilayah {clean.region_code} tidak ada dalam daftar wilayah Kemendagri."
    known = reference.code_sets(session, {"program", "need_domain"})
    if clean.program_code and clean.program_code not in known.get("program", ()):
        errors["program_code"] = f"Program {clean.program_code} tidak dikenal."
    unknown = [d for d in clean.need_domains if d not in known.get("need_domain", ())]
    if unknown:
        errors["need_domains"] = f"Bidang kebutuhan tidak dikenal: {', '.join(unknown)}."
    if "code" not in errors and entry_id is None and entries.code_owner(session, clean.code) is not None:
        errors["code"] = f"Kode {clean.code} sudah dipakai layanan lain. Pilih kode yang lain."
    if errors:
        raise FieldErrors(errors)
    return clean


def create_service(ctx: ServiceContext, draft: ServiceDraft) -> ServiceEntry:
    """A new active entry, checked today. Without a source, the district itself is named as the source."""
    _require_manage(ctx)
    today = ctx.today()
    with ctx.db.transaction(ctx.actor) as session:
        clean = _checked(session, draft, entry_id=None)
        if not clean.supplied_by:
            clean = replace(clean, supplied_by=get_site_info(ctx.db).name)
        entry_id = entries.insert_entry(session, clean, checked_on=today)
        return _get(session, entry_id, today)


def update_service(ctx: ServiceContext, entry_id: str, draft: ServiceDraft, *, expected_version: int) -> ServiceEntry:
    """Every field but the code (villages' referrals and slips carry it). Counts as a check today."""
    _require_manage(ctx)
    today = ctx.today()
    with ctx.db.transaction(ctx.actor) as session:
        current = _get(session, entry_id, today)
        if current.row_version != expected_version:
            raise Conflict(_stale_message(current.code))
        if normalized(draft).code != current.code:
            raise FieldErrors({"code": f"Kode layanan tidak dapat diubah (tetap {current.code}): rujukan dan "
                                       "slip di desa memakainya. Buat layanan baru bila perlu kode lain."})
        clean = _checked(session, draft, entry_id=entry_id)
        entries.update_entry(session, entry_id, clean, checked_on=today)
        return _get(session, entry_id, today)


def set_service_active(ctx: ServiceContext, entry_id: str, active: bool, *, expected_version: int) -> ServiceEntry:
    """Deactivate (no new referrals can choose it; referrals that name it stay valid) or reactivate."""
    _require_manage(ctx)
    today = ctx.today()
    with ctx.db.transaction(ctx.actor) as session:
        current = _get(session, entry_id, today)
        if current.row_version != expected_version:
            raise Conflict(_stale_message(current.code))
        if current.active is active:
            state = "aktif" if active else "nonaktif"
            raise InputRejected(f"Layanan {current.code} sudah {state}.")
        entries.set_active(session, entry_id, active)
        return _get(session, entry_id, today)


def mark_checked(ctx: ServiceContext, entry_id: str) -> ServiceEntry:
    """Record today as the day the district confirmed the entry with its agency (a new row version)."""
    _require_manage(ctx)
    today = ctx.today()
    with ctx.db.transaction(ctx.actor) as session:
        current = _get(session, entry_id, today)
        freshness.mark_checked(session, current.code, today)
        return _get(session, entry_id, today)
