"""Audit-chain heads recomputed from the log itself, for the exchange packages (issue 7).

Stored hashes are never trusted here: the chain is walked from genesis and every hash is computed again from the
event's fields, so an event altered in place (with its stored hash left as it was, or rewritten) changes every
head after it. The events stream in sequence order in partitions; the log is never loaded whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.domain.audit_chain import GENESIS_HASH, HASHED_FIELDS, event_hash
from puskesos_desk.domain.audit_log import BreakKind, BrokenLink

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


@dataclass(frozen=True)
class ChainScan:
    """A walk of the whole log. `broken` is the first place the chain does not hold (None when it is whole);
    `heads` holds the recomputed "seq:hash" at each wanted number met before that place."""

    checked: int
    last_seq: int
    head: str
    heads: dict[int, str]
    broken: BrokenLink | None


def _link(kind: BreakKind, seq: int, row: dict[str, Any], missing: int = 0) -> BrokenLink:
    return BrokenLink(seq=seq, kind=kind, occurred_at=row["_occurred_at"], action=row["action"],
                      entity=row["entity"], entity_id=row["entity_id"], missing=missing)


def _stream(session: Session) -> Iterator[dict[str, Any]]:
    names = (*HASHED_FIELDS, "prev_hash", "hash")
    query = select(*(_EVENTS.c[name] for name in names)).order_by(_EVENTS.c.seq)
    result = session.execute(query.execution_options(yield_per=_PARTITION))
    try:
        for part in result.partitions():
            for values in part:
                row = dict(zip(names, values, strict=True))
                row["_occurred_at"] = row["occurred_at"]
                row["occurred_at"] = row["occurred_at"].isoformat()
                yield row
    finally:  # the walk may stop at the first broken link: free the cursor before the next query
        result.close()


def scan_chain(session: Session, at: Iterable[int] = ()) -> ChainScan:
    """Recompute every hash from the events' fields, in order, and name the first broken link.

    Stored hashes are compared, never trusted: each event's hash is recomputed from the recomputed hash before it.
    A gap in the numbers is a deletion. An event whose stored link does not point to the event before it is an
    insertion when the event after it does point there; otherwise it was changed."""
    wanted = set(at)
    heads: dict[int, str] = {}
    digest, expected, checked = GENESIS_HASH, 1, 0
    broken: BrokenLink | None = None
    suspect: dict[str, Any] | None = None  # an event not linked to the one before: the next event decides
    rows = _stream(session)
    for row in rows:
        if suspect is not None:
            kind = BreakKind.INSERTED if row["prev_hash"] == digest else BreakKind.CHANGED
            broken = _link(kind, expected, suspect)
            break
        if row["seq"] != expected:
            broken = _link(BreakKind.DELETED, expected, row, missing=row["seq"] - expected)
            break
        if row["prev_hash"] != digest:
            suspect = row
            continue
        recomputed = event_hash(digest, row)
        if recomputed != row["hash"]:
            broken = _link(BreakKind.CHANGED, expected, row)
            break
        digest, checked = recomputed, checked + 1
        if expected in wanted:
            heads[expected] = f"{expected}:{digest}"
        expected += 1
    rows.close()
    if broken is None and suspect is not None:  # the last event is not linked to the one before it
        broken = _link(BreakKind.CHANGED, expected, suspect)
    last = expected - 1 if broken is None else _last_seq(session)
    return ChainScan(checked, last, f"{expected - 1}:{digest}", heads, broken)


def _last_seq(session: Session) -> int:
    return int(session.scalar(select(func.max(_EVENTS.c.seq))) or 0)
