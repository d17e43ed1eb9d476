"""Service directory freshness: an entry the district has not confirmed with its agency for six months is flagged,
because phone numbers, addresses and requirements of agencies change and a stale entry sends residents astray."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

FRESH_MONTHS = 6


def checked_cutoff(today: date, months: int = FRESH_MONTHS) -> date:
    """The same day `months` calendar months back (the month's last day when it is shorter: 31 Aug → 28/29 Feb)."""
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(today.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def is_stale(last_checked_on: date | None, today: date) -> bool:
    """Never checked, or last checked before the cutoff (a check exactly six months ago is still fresh)."""
    return last_checked_on is None or last_checked_on < checked_cutoff(today)


@dataclass(frozen=True, slots=True)
class StaleService:
    code: str
    name: str
    organization: str
    last_checked_on: date | None  # None: never checked since the entry exists

    @property
    def never_checked(self) -> bool:
        return self.last_checked_on is None
