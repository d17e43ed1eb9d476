"""Audit capture. Every flush of a RecordMixin object becomes a hash-chained AuditEvent, written in the same
transaction, so no write through the application escapes the log; other events (sign-in, print, export…) are
appended explicitly with `append_event`.
"""

from __future__ import annotations

import hashlib
import hmac
import socket
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from puskesos_desk.data.audit_heads import scan_chain
from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.base import Base, RecordMixin, new_uuid, utcnow
from puskesos_desk.data.orm.site import SiteKey
from puskesos_desk.domain.audit_chain import GENESIS_HASH, event_hash
from puskesos_desk.domain.audit_log import BrokenLink
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.permissions import Actor

_SYSTEM = Actor(id="system", name="system", role=None, site_code=None)
_SKIP_COLUMNS = {"updated_at", "updated_by", "row_version", "created_at", "created_by"}
_DEVICE = socket.gethostname()[:120]


class AuditTamperingError(RuntimeError):
    pass


def _as_json(value: Any) -> Any:
    """A value as a JSON column holds it: an import's tuples (domain/exchange_intake.py) are the lists read back."""
    if isinstance(value, tuple | list):
        return [_as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _actor(session: Session) -> Actor:
    actor = session.info.get("actor")
    return actor if isinstance(actor, Actor) else _SYSTEM


def _audit_secret(session: Session) -> bytes | None:
    if "audit_secret" not in session.info:
        with session.no_autoflush:
            session.info["audit_secret"] = session.scalar(select(SiteKey.audit_secret).limit(1))
    return session.info["audit_secret"]


def _mask(session: Session, value: Any) -> Any:
    """A sensitive value is logged as a keyed hash: equal values can be matched, the value cannot be read."""
    if value in (None, "", [], {}):
        return value
    secret = _audit_secret(session)
    if not secret:
        return "[disamarkan]"
    digest = hmac.new(secret, repr(_plain(value)).encode("utf-8"), hashlib.sha256).hexdigest()
    return f"hmac:{digest[:16]}"


def _column_values(session: Session, obj: RecordMixin) -> dict[str, Any]:
    sensitive = set(getattr(obj, "__sensitive__", ()))
    values: dict[str, Any] = {}
    for attr in inspect(obj).mapper.column_attrs:
        if attr.key in _SKIP_COLUMNS:
            continue
        value = getattr(obj, attr.key)
        values[attr.key] = _mask(session, value) if attr.key in sensitive else _plain(value)
    return values


def _changed_values(session: Session, obj: RecordMixin) -> dict[str, Any]:
    sensitive = set(getattr(obj, "__sensitive__", ()))
    state = inspect(obj)
    changes: dict[str, Any] = {}
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIP_COLUMNS:
            continue
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        before = history.deleted[0] if history.deleted else None
        after = history.added[0] if history.added else None
        if attr.key in sensitive:
            changes[attr.key] = {"before": _mask(session, before), "after": _mask(session, after)}
        else:
            changes[attr.key] = {"before": _plain(before), "after": _plain(after)}
    return changes


@dataclass
class _ChainHead:
    seq: int
    hash: str


def _chain_head(session: Session) -> _ChainHead:
    head = session.info.get("audit_head")
    if head is None:
        with session.no_autoflush:
            latest = select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
            row = session.execute(latest).first()
        head = _ChainHead(row.seq, row.hash) if row else _ChainHead(0, GENESIS_HASH)
        session.info["audit_head"] = head
    return head


def chain_head(session: Session) -> str:
    """"<seq>:<hash>" of the last audit event: a package names the sender's chain head when it was made."""
    head = _chain_head(session)
    return f"{head.seq}:{head.hash}"


def record_changes(session: Session, table_name: str, before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The changed fields of a record updated outside the ORM (an imported row), as the audit log writes them:
    {field: {"before", "after"}}, sensitive fields as keyed hashes."""
    model = next((m.class_ for m in Base.registry.mappers if m.local_table.name == table_name), None)
    sensitive = set(getattr(model, "__sensitive__", ()))
    changes: dict[str, Any] = {}
    for key, value in after.items():
        if key in _SKIP_COLUMNS or before.get(key) == value or _as_json(before.get(key)) == _as_json(value):
            continue
        old = before.get(key)
        if key in sensitive:
            changes[key] = {"before": _mask(session, old), "after": _mask(session, value)}
        else:
            changes[key] = {"before": _plain(old), "after": _plain(value)}
    return changes


def append_event(
    session: Session,
    action: AuditAction,
    *,
    entity: str | None = None,
    entity_id: str | None = None,
    changes: dict[str, Any] | None = None,
    reason: str | None = None,
    recipient: str | None = None,
    purpose: str | None = None,
    actor: Actor | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the session's transaction."""
    who = actor or _actor(session)
    head = _chain_head(session)
    fields: dict[str, Any] = {
        "seq": head.seq + 1,
        "id": new_uuid(),
        "occurred_at": utcnow().isoformat(),
        "actor_id": who.id,
        "actor_name": who.name,
        "device": _DEVICE,
        "action": action.value,
        "entity": entity,
        "entity_id": entity_id,
        "changes": changes or {},
        "reason": reason,
        "recipient": recipient,
        "purpose": purpose,
        "site_code": who.site_code,
    }
    digest = event_hash(head.hash, fields)
    row = AuditEvent(
        seq=fields["seq"],
        id=fields["id"],
        occurred_at=datetime.fromisoformat(fields["occurred_at"]),
        site_code=who.site_code,
        actor_id=who.id,
        actor_name=who.name,
        device=_DEVICE,
        action=action.value,
        entity=entity,
        entity_id=entity_id,
        changes=fields["changes"],
        reason=reason,
        recipient=recipient,
        purpose=purpose,
        prev_hash=head.hash,
        hash=digest,
    )
    session.add(row)
    session.info["audit_head"] = _ChainHead(fields["seq"], digest)
    return row


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditEvent):
            raise AuditTamperingError("audit events are append-only")
    actor = _actor(session)
    # A session may carry the clock of the case being recorded (the demo backdates a year of work); record times
    # follow it, while audit events always carry the real time they were written.
    clock = session.info.get("clock")
    for obj in list(session.new):
        if not isinstance(obj, RecordMixin):
            continue
        if obj.id is None:
            obj.id = new_uuid()
        obj.created_by = obj.updated_by = actor.id
        if clock is not None:
            obj.created_at = obj.updated_at = clock()
        if obj.origin_site is None:
            obj.origin_site = actor.site_code
        append_event(
            session, AuditAction.CREATE, entity=type(obj).__tablename__, entity_id=obj.id,
            changes=_column_values(session, obj),
        )
    for obj in list(session.dirty):
        if not isinstance(obj, RecordMixin) or not session.is_modified(obj, include_collections=False):
            continue
        changes = _changed_values(session, obj)
        if not changes:
            continue
        obj.updated_by = actor.id
        if clock is not None:
            obj.updated_at = clock()
        action = AuditAction.DELETE if "deleted_at" in changes and obj.deleted_at is not None else AuditAction.UPDATE
        append_event(
            session, action, entity=type(obj).__tablename__, entity_id=obj.id, changes=changes,
            reason=obj.deleted_reason if action is AuditAction.DELETE else None,
        )
    for obj in list(session.deleted):
        if isinstance(obj, RecordMixin):
            append_event(
                session, AuditAction.DELETE, entity=type(obj).__tablename__, entity_id=obj.id,
                changes={"hard_delete": True, "before": _column_values(session, obj)},
            )


def _after_transaction_end(session: Session, _transaction: Any) -> None:
    # The cached head is only valid inside the transaction that advanced it.
    session.info.pop("audit_head", None)


event.listen(Session, "before_flush", _before_flush)
event.listen(Session, "after_transaction_end", _after_transaction_end)


@dataclass(frozen=True)
class ChainVerification:
    ok: bool
    checked: int
    first_broken_seq: int | None
    head_hash: str
    broken: BrokenLink | None = None


def verify_chain(session: Session) -> ChainVerification:
    """Recompute every event's hash in order (streamed); name the first event whose hash, link or number does not
    match. See data/audit_heads.scan_chain."""
    scan = scan_chain(session)
    broken = scan.broken
    return ChainVerification(broken is None, scan.checked, broken.seq if broken else None,
                             scan.head.partition(":")[2], broken)
