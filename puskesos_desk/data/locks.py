"""Named locks held for the rest of the current transaction, so two staff cannot do the same one-time job at once.

On PostgreSQL these are transaction-scoped advisory locks: `pg_advisory_xact_lock` waits for the holder, the
`try` form answers at once, and both are released by COMMIT or ROLLBACK (never left behind by a crashed PC: the
server drops them with the connection). The key is derived from the name so every PC computes the same one.

On SQLite both are no-ops that grant the lock: every writing transaction already starts with BEGIN IMMEDIATE
(data/db.py), which admits one writer to the whole file at a time, so a writer already holds every lock there is.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for a name: the first 8 bytes of its SHA-256 (advisory keys are bigint)."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big", signed=True)


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def exclusive(session: Session, name: str) -> None:
    """Wait until no other transaction holds `name`, then hold it until this transaction ends."""
    if _is_postgresql(session):
        session.execute(select(func.pg_advisory_xact_lock(lock_key(name))))


def try_exclusive(session: Session, name: str) -> bool:
    """Hold `name` until this transaction ends if nobody else holds it now; False (without waiting) if someone does."""
    if not _is_postgresql(session):
        return True
    return bool(session.scalar(select(func.pg_try_advisory_xact_lock(lock_key(name)))))
