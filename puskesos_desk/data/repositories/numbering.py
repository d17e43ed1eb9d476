"""Gap-free human numbers. The counter row is updated in the caller's transaction: a rollback returns the number.

Safe when several staff take numbers at once (PostgreSQL under READ COMMITTED, or any session that does not come
from Database.transaction): the counter row is created with INSERT … ON CONFLICT DO NOTHING, so two transactions
that start a new (name, period) together never fail on the unique constraint, and then incremented with one
UPDATE … RETURNING, whose row lock makes the second transaction wait for the first one's COMMIT (and see its value)
or ROLLBACK (and take the same number again). No number is read and then written back.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.site import NumberSequence


def next_number(session: Session, name: str, period: str = "") -> int:
    """The next value of counter (name, period), starting at 1."""
    _ensure_counter(session, name, period)
    value = session.execute(
        update(NumberSequence)
        .where(NumberSequence.name == name, NumberSequence.period == period)
        .values(last_value=NumberSequence.last_value + 1)
        .returning(NumberSequence.last_value)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    return int(value)


def _ensure_counter(session: Session, name: str, period: str) -> None:
    """Create the counter at 0 unless it exists; a concurrent creator's row wins without an error."""
    exists = session.scalar(
        select(NumberSequence.id).where(NumberSequence.name == name, NumberSequence.period == period)
    )
    if exists is not None:  # the common case: one cheap read instead of an insert that conflicts
        return
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        insert(NumberSequence)
        .values(name=name, period=period, last_value=0)
        .on_conflict_do_nothing(index_elements=[NumberSequence.name, NumberSequence.period])
    )


def peek_number(session: Session, name: str, period: str = "") -> int:
    value = session.scalar(
        select(NumberSequence.last_value).where(NumberSequence.name == name, NumberSequence.period == period)
    )
    return int(value or 0)
