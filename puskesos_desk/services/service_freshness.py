"""Service directory freshness: the district records that it confirmed an entry with the agency, and lists the
entries not confirmed for six months (domain.service_freshness)."""

from __future__ import annotations

from datetime import date

from puskesos_desk.data.repositories import service_directory
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import InputRejected, NotFound
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.service_freshness import StaleService, checked_cutoff
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.site import get_site_info


def mark_service_checked(ctx: ServiceContext, code: str) -> date:
    """Today's date as the entry's last check; returns it. Only the district maintains the directory."""
    ctx.require(Permission.MANAGE_SERVICE_DIRECTORY)
    if get_site_info(ctx.db).role is not SiteRole.KABUPATEN:
        raise InputRejected("Direktori layanan dipelihara oleh Sekretariat SLRT kabupaten/kota; pemeriksaan "
                            "layanan dicatat di sana.")
    today = ctx.today()
    with ctx.db.transaction(ctx.actor) as session:
        if not service_directory.mark_checked(session, code, today):
            raise NotFound(f"Layanan dengan kode {code} tidak ada di direktori layanan.")
    return today


def stale_services(ctx: ServiceContext, today: date | None = None) -> list[StaleService]:
    """Active entries never checked, or last checked more than six months before `today` (default: ctx.today())."""
    cutoff = checked_cutoff(today or ctx.today())
    with ctx.db.reading() as session:
        return service_directory.checked_before(session, cutoff)
