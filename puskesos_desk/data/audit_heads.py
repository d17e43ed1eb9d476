"""Audit-chain heads recomputed from the log itself, for the exchange packages (issue 7).

Stored hashes are never trusted here: the chain is walked from genesis and every hash is computed again from the
event's fields, so an event altered in place (with its stored hash left as it was, or rewritten) changes every
head after it. The events stream in sequence order in partitions; the log is never loaded whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.domain.audit_chain import GENESIS_HASH, HASHED_FIELDS, event_hash

_EVENTS = AuditEvent.__table__
_PARTITION = 5000


def recomputed_heads(session: Session, at: Iterable[int] = ()) -> tuple[str, dict[int, str]]:
    """("seq:hash" of the last event, {seq: "seq:hash"} for each wanted sequence found), all recomputed."""
    wanted = set(at)
    found: dict[int, str] = {}
    digest, last = GENESIS_HASH, 0
    names = HASHED_FIELDS
    query = select(*(_EVENTS.c[name] for name in names)).order_by(_EVENTS.c.seq)
    for part in session.execute(query.execution_options(yield_per=_PARTITION)).partitions():
        for row in part:
            fields = dict(zip(names, row, strict=True))
            fields["occurred_at"] = fields["occurred_at"].isoformat()
            digest = event_hash(digest, fields)
            last = fields["seq"]
            if last in wanted:
                found[last] = f"{last}:{digest}"
    return f"{last}:{digest}", found
