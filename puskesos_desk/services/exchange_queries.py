"""What the Pertukaran Data page lists: packages made and applied, and rows waiting for a decision."""

from __future__ import annotations

from puskesos_desk.data.repositories import exchange_ledger
from puskesos_desk.domain.exchange_records import LedgerEntry, ParkedRow
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext


def recent_packages(ctx: ServiceContext, limit: int = 200) -> list[LedgerEntry]:
    """Packages made here and packages applied here, newest first."""
    ctx.require(Permission.VIEW_CASES)
    with ctx.db.reading() as session:
        return exchange_ledger.recent(session, limit)


def waiting_rows(ctx: ServiceContext, *, reason: str | None = None) -> list[ParkedRow]:
    """Incoming rows parked for a decision: KONFLIK (changed on both sides) or DIUBAH (edited outside the app)."""
    ctx.require(Permission.IMPORT_DATA)
    with ctx.db.reading() as session:
        return exchange_ledger.pending(session, reason=reason)


def waiting_counts(ctx: ServiceContext) -> dict[str, int]:
    with ctx.db.reading() as session:
        return exchange_ledger.pending_count(session)
