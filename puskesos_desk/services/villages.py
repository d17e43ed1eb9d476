"""The villages a district exchanges with (or, at a village, its district): what each has sent and what is missing."""

from __future__ import annotations

from datetime import date

from puskesos_desk.data.repositories import exchange_ledger, trust
from puskesos_desk.domain.audit_continuity import BROKEN, INTACT, REPORT_KEY, UNKNOWN
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.exchange_package import missing_sequences
from puskesos_desk.domain.exchange_records import LedgerEntry
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import TrustedSiteInfo
from puskesos_desk.domain.villages import VillageStatus
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.site import get_site_info

# Every package ever received is needed for the counts and gaps; the ledger keeps one row per package.
_LEDGER_LIMIT = 10_000_000


def village_list(ctx: ServiceContext) -> list[VillageStatus]:
    """At a district: every trusted village, by code. At a village: the trusted district."""
    ctx.require(Permission.VIEW_CASES)
    site = get_site_info(ctx.db)
    partner = SiteRole.DESA if site.role is SiteRole.KABUPATEN else SiteRole.KABUPATEN
    with ctx.db.reading() as session:
        sites = [s for s in trust.all_trusted(session) if s.role == partner.value]
        received: dict[str, list[LedgerEntry]] = {}
        for entry in exchange_ledger.recent(session, _LEDGER_LIMIT):
            if entry.direction == exchange_ledger.IN:
                received.setdefault(entry.sender, []).append(entry)
    today = ctx.today()
    return [_status(s, received.get(s.code, []), today) for s in sites]


def _status(site: TrustedSiteInfo, entries: list[LedgerEntry], today: date) -> VillageStatus:
    last = max(entries, key=lambda e: e.sequence, default=None)
    sequences = {e.sequence for e in entries}
    sent = last.created_at if last else None
    days = (today - sent.astimezone(local_zone()).date()).days if sent else None
    return VillageStatus(
        code=site.code, name=site.name, role=site.role, fingerprint=site.fingerprint, trusted_at=site.trusted_at,
        packages_received=len(entries), last_sequence=last.sequence if last else None, last_sent_at=sent,
        last_received_at=last.processed_at if last else None, last_file=last.file_name if last else "",
        missing=tuple(missing_sequences(sequences, last.sequence)) if last else (), days_since_last=days,
        audit_chain=_audit_chain(entries), audit_breaks=sum(1 for e in entries if e.report.get(REPORT_KEY) == BROKEN),
    )


def _audit_chain(entries: list[LedgerEntry]) -> str:
    """The state found by the latest package whose sender's history could be compared with the one before."""
    for entry in sorted(entries, key=lambda e: e.sequence, reverse=True):
        state = entry.report.get(REPORT_KEY)
        if state in (INTACT, BROKEN):
            return str(state)
    return UNKNOWN
