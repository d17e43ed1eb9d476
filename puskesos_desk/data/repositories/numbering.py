"""Gap-free human numbers. The counter row is updated in the caller's transaction: a rollback returns the number."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.site import NumberSequence


def next_number(session: Session, name: str, period: str = "") -> int:
    """The next value of counter (name, period), starting at 1."""
    updated = session.execute(
        update(NumberSequence)
        .where(NumberSequence.name == name, NumberSequence.period == period)
        .values(last_value=NumberSequence.last_value + 1)
        .returning(NumberSequence.last_value)
    ).scalar_one_or_none()
    if updated is not None:
        return int(updated)
    session.add(NumberSequence(name=name, period=period, last_value=1))
    session.flush()
    return 1


def peek_number(session: Session, name: str, period: str = "") -> int:
    value = session.scalar(
        select(NumberSequence.last_value).where(NumberSequence.name == name, NumberSequence.period == period)
    )
    return int(value or 0)
