"""The holiday table and the working-day calendar built from it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.reference import Holiday, HolidayYear
from puskesos_desk.domain.holiday_ids import holiday_id, holiday_year_id
from puskesos_desk.domain.workdays import WorkCalendar


def work_calendar(session: Session) -> WorkCalendar:
    days = session.scalars(select(Holiday.day).where(Holiday.deleted_at.is_(None)))
    years = session.scalars(select(HolidayYear.year).where(HolidayYear.deleted_at.is_(None)))
    return WorkCalendar(holidays=frozenset(days), covered_years=frozenset(years))


def add_holiday(session: Session, *, day: date, name: str, kind: str, source: str) -> None:
    session.add(Holiday(id=holiday_id(day, name), day=day, name=name, kind=kind, source=source))


def mark_year_known(session: Session, *, year: int, decree: str, source: str) -> None:
    if session.scalar(select(HolidayYear).where(HolidayYear.year == year)) is None:
        session.add(HolidayYear(id=holiday_year_id(year), year=year, decree=decree, source=source))


def holidays_in_year(session: Session, year: int) -> list[tuple[date, str, str]]:
    rows = session.execute(
        select(Holiday.day, Holiday.name, Holiday.kind)
        .where(Holiday.day >= date(year, 1, 1), Holiday.day <= date(year, 12, 31), Holiday.deleted_at.is_(None))
        .order_by(Holiday.day)
    )
    return [(d, n, k) for d, n, k in rows]
