"""Service directory upkeep at the district: when each entry was last confirmed with its agency."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.reference import ServiceDirectoryEntry
from puskesos_desk.domain.service_freshness import StaleService


def checked_before(session: Session, cutoff: date) -> list[StaleService]:
    """Active entries never checked or last checked before `cutoff`, by agency and service name."""
    entry = ServiceDirectoryEntry
    rows = session.scalars(
        select(entry)
        .where(entry.active.is_(True), entry.deleted_at.is_(None),
               or_(entry.last_checked_on.is_(None), entry.last_checked_on < cutoff))
        .order_by(entry.organization, entry.service_name))
    return [StaleService(code=r.code, name=r.service_name, organization=r.organization,
                         last_checked_on=r.last_checked_on) for r in rows]


def mark_checked(session: Session, code: str, day: date) -> bool:
    """Record the check on the entry (a new row version, so it travels in the next return packages)."""
    row = session.scalar(select(ServiceDirectoryEntry).where(ServiceDirectoryEntry.code == code,
                                                             ServiceDirectoryEntry.deleted_at.is_(None)))
    if row is None:
        return False
    row.last_checked_on = day
    session.flush()
    return True
