"""Reading the audit log a page at a time (it can hold millions of events: never loaded whole), its actors, the
events of one record, and the heads this site committed to earlier (in packages sent, in earlier checks)."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.exchange import ExchangePackage
from puskesos_desk.data.repositories.exchange_ledger import OUT
from puskesos_desk.domain.audit_continuity import head_sequence
from puskesos_desk.domain.audit_log import AuditActor, AuditFilter, AuditRow, SentHead
from puskesos_desk.domain.enums import AuditAction

E = AuditEvent
_COLUMNS = (E.seq, E.occurred_at, E.actor_id, E.actor_name, E.device, E.action, E.entity, E.entity_id, E.changes,
            E.reason, E.recipient, E.purpose, E.site_code)


def _local_start(day: Any, zone: tzinfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=zone)


def _filtered(query: Select[Any], filt: AuditFilter, zone: tzinfo) -> Select[Any]:
    if filt.period_from is not None:
        query = query.where(E.occurred_at >= _local_start(filt.period_from, zone))
    if filt.period_to is not None:
        query = query.where(E.occurred_at < _local_start(filt.period_to + timedelta(days=1), zone))
    if filt.actor_id:
        query = query.where(E.actor_id == filt.actor_id)
    if filt.action:
        query = query.where(E.action == filt.action)
    text = filt.record_text.strip()
    if filt.up_to_seq is not None:
        query = query.where(E.seq <= filt.up_to_seq)
    elif text:
        query = query.where(or_(E.entity_id.startswith(text, autoescape=True), E.entity == text.lower()))
    return query


def _row(values: Any) -> AuditRow:
    return AuditRow(*values[:8], dict(values[8] or {}), *values[9:])


def list_events(session: Session, filt: AuditFilter, zone: tzinfo, *, offset: int = 0, limit: int = 100
                ) -> list[AuditRow]:
    """Newest first."""
    query = _filtered(select(*_COLUMNS), filt, zone).order_by(E.seq.desc()).offset(offset).limit(limit)
    return [_row(values) for values in session.execute(query)]


def count_events(session: Session, filt: AuditFilter, zone: tzinfo) -> int:
    return int(session.scalar(_filtered(select(func.count()).select_from(E), filt, zone)) or 0)


def actors(session: Session) -> list[AuditActor]:
    """Everyone who appears in the log, by the latest name they acted under."""
    latest = select(E.actor_id, func.max(E.seq).label("seq")).group_by(E.actor_id).subquery()
    query = select(E.actor_id, E.actor_name).join(latest, E.seq == latest.c.seq).order_by(E.actor_name)
    return [AuditActor(actor_id, name) for actor_id, name in session.execute(query)]


def events_for_record(session: Session, entity_id: str, *, limit: int = 500) -> list[AuditRow]:
    query = select(*_COLUMNS).where(E.entity_id == entity_id).order_by(E.seq.desc()).limit(limit)
    return [_row(values) for values in session.execute(query)]


def sent_heads(session: Session) -> list[SentHead]:
    """The heads named in the packages this site made (the receiver holds a copy this site cannot change)."""
    query = select(ExchangePackage.report, ExchangePackage.file_name, ExchangePackage.package_created_at) \
        .where(ExchangePackage.direction == OUT).order_by(ExchangePackage.package_created_at)
    found: list[SentHead] = []
    for report, file_name, created_at in session.execute(query):
        head = str((report or {}).get("audit_head") or "")
        seq = head_sequence(head)
        if seq:
            found.append(SentHead(seq, head.partition(":")[2], "paket", file_name or "-", created_at))
    return found


def earlier_checks(session: Session) -> list[tuple[SentHead, bool]]:
    """What earlier integrity checks recorded: (the head seen — or, when the chain was broken, the first broken
    number with no hash —, whether the chain was broken)."""
    query = select(E.seq, E.occurred_at, E.changes).where(E.action == AuditAction.AUDIT_VERIFY.value) \
        .order_by(E.seq)
    found: list[tuple[SentHead, bool]] = []
    for seq, occurred_at, changes in session.execute(query):
        values = dict(changes or {})
        head = str(values.get("head") or "")
        head_seq = head_sequence(head)
        if head_seq:
            found.append((SentHead(head_seq, head.partition(":")[2], "pemeriksaan", str(seq), occurred_at), False))
        elif isinstance(values.get("first_broken_seq"), int):
            found.append((SentHead(values["first_broken_seq"], "", "pemeriksaan", str(seq), occurred_at), True))
    return found
