"""Service directory entries for the directory screen: a filtered, paged list, one entry, and writes."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.reference import ServiceDirectoryEntry
from puskesos_desk.domain.service_directory import DirectoryFilter, ServiceDraft, ServiceEntry
from puskesos_desk.domain.service_freshness import is_stale

_E = ServiceDirectoryEntry
DRAFT_FIELDS = tuple(ServiceDraft.__dataclass_fields__)


def _entry(row: ServiceDirectoryEntry, today: date) -> ServiceEntry:
    values: dict[str, Any] = {name: getattr(row, name) for name in DRAFT_FIELDS}
    values["required_documents"] = tuple(row.required_documents or ())
    values["need_domains"] = tuple(row.need_domains or ())
    return ServiceEntry(id=row.id, row_version=row.row_version, draft=ServiceDraft(**values), active=row.active,
                        is_example=row.is_example, last_checked_on=row.last_checked_on,
                        stale=is_stale(row.last_checked_on, today))


def _never_or_before(cutoff: date) -> Any:
    return or_(_E.last_checked_on.is_(None), _E.last_checked_on < cutoff)


def _conditions(spec: DirectoryFilter, cutoff: date) -> list[Any]:
    conditions: list[Any] = [_E.deleted_at.is_(None)]
    if not spec.include_inactive:
        conditions.append(_E.active.is_(True))
    if spec.text.strip():
        like = f"%{spec.text.strip()}%"
        conditions.append(or_(_E.code.ilike(like), _E.service_name.ilike(like), _E.organization.ilike(like),
                              _E.description.ilike(like)))
    if spec.program_code:
        conditions.append(_E.program_code == spec.program_code)
    if spec.organization_kind:
        conditions.append(_E.organization_kind == spec.organization_kind)
    if spec.need_domain:
        # need_domains is a JSON list of codes; its text holds each code in quotes on SQLite and PostgreSQL alike.
        conditions.append(cast(_E.need_domains, String).like(f'%"{spec.need_domain}"%'))
    if spec.stale_only:
        conditions.append(_never_or_before(cutoff))
    return conditions


def list_entries(session: Session, spec: DirectoryFilter, *, cutoff: date, today: date, limit: int,
                 offset: int = 0) -> tuple[list[ServiceEntry], int]:
    """(one page by agency and service name, how many match in all)."""
    conditions = _conditions(spec, cutoff)
    total = int(session.scalar(select(func.count()).select_from(_E).where(*conditions)) or 0)
    rows = session.scalars(select(_E).where(*conditions).order_by(_E.organization, _E.service_name, _E.code)
                           .limit(limit).offset(offset))
    return [_entry(row, today) for row in rows], total


def count_stale(session: Session, cutoff: date) -> int:
    """Active entries never checked or last checked before `cutoff`."""
    return int(session.scalar(select(func.count()).select_from(_E).where(
        _E.deleted_at.is_(None), _E.active.is_(True), _never_or_before(cutoff))) or 0)


def get_entry(session: Session, entry_id: str, today: date) -> ServiceEntry | None:
    row = session.get(_E, entry_id)
    return None if row is None or row.deleted_at is not None else _entry(row, today)


def code_owner(session: Session, code: str) -> str | None:
    """The id of the entry (tombstones included: the code stays unique in the table) that has `code`."""
    return session.scalar(select(_E.id).where(_E.code == code))


def insert_entry(session: Session, draft: ServiceDraft, *, checked_on: date) -> str:
    values = {name: getattr(draft, name) for name in DRAFT_FIELDS}
    values["required_documents"] = list(draft.required_documents)
    values["need_domains"] = list(draft.need_domains)
    row = _E(**values, active=True, is_example=False, last_checked_on=checked_on)
    session.add(row)
    session.flush()
    return row.id


def update_entry(session: Session, entry_id: str, draft: ServiceDraft, *, checked_on: date) -> None:
    """Every field of the draft but the code (immutable), and the check date: a new row version."""
    row = session.get_one(_E, entry_id)
    for name in DRAFT_FIELDS:
        if name == "code":
            continue
        value = getattr(draft, name)
        setattr(row, name, list(value) if isinstance(value, tuple) else value)
    row.is_example = False  # the district has confirmed it with the agency: no longer the unverified example
    row.last_checked_on = checked_on
    session.flush()


def set_active(session: Session, entry_id: str, active: bool) -> None:
    row = session.get_one(_E, entry_id)
    row.active = active
    session.flush()
