from __future__ import annotations

from datetime import date, timedelta

import lokal
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from puskesos_desk.domain.workdays import (
    MAX_WORKING_DAYS,
    WorkCalendar,
    WorkdayResult,
    calendar_from_lokal,
    lokal_holiday_rows,
)

# Only 2026 and 2027, whatever later versions of lokal add, so that 2028 onwards is reliably uncovered.
CAL = calendar_from_lokal([2026, 2027])


def test_idulfitri_2026_is_skipped() -> None:
    # Nyepi 18-19 March (cuti bersama + libur), Idulfitri 20-24 March (cuti bersama around the two libur days).
    for d in range(18, 25):
        assert not CAL.is_working_day(date(2026, 3, d))
    assert CAL.is_working_day(date(2026, 3, 17))
    assert CAL.is_working_day(date(2026, 3, 25))

    r = CAL.add_working_days(date(2026, 3, 17), 1)
    assert r.value == date(2026, 3, 25)
    assert r.exact
    assert r.note() is None
    assert CAL.add_working_days(date(2026, 3, 16), 3).value == date(2026, 3, 26)
    assert CAL.add_working_days(date(2026, 3, 13), 10).value == date(2026, 4, 6)  # 3 April is Good Friday


def test_count_across_idulfitri_2026() -> None:
    # (13 Mar, 31 Mar]: 16, 17, 25, 26, 27, 30, 31 March.
    r = CAL.count_working_days(date(2026, 3, 13), date(2026, 3, 31))
    assert r == WorkdayResult(7, ())
    # lokal counts both ends inclusive; ours leaves out the start day.
    assert r.value == lokal.count_working_days(date(2026, 3, 14), date(2026, 3, 31))


def test_zero_days_moves_to_the_next_working_day() -> None:
    assert CAL.add_working_days(date(2026, 3, 17), 0).value == date(2026, 3, 17)
    assert CAL.add_working_days(date(2026, 3, 19), 0).value == date(2026, 3, 25)
    assert CAL.add_working_days(date(2026, 3, 21), 0).value == date(2026, 3, 25)


def test_uncovered_year_counts_weekends_only() -> None:
    r = CAL.add_working_days(date(2031, 1, 1), 5)  # a Wednesday; 1 January is not known as a holiday here
    assert r.value == date(2031, 1, 8)
    assert r.uncovered_years == (2031,)
    assert not r.exact
    assert r.note() is not None
    assert r.note().startswith("Data hari libur tahun 2031 belum ada; hanya akhir pekan yang dihitung.")

    c = CAL.count_working_days(date(2030, 12, 31), date(2031, 1, 31))
    assert c.value == 23
    assert c.uncovered_years == (2031,)


def test_from_covered_into_uncovered_year() -> None:
    # 24 Dec 2027 cuti bersama, 25-26 Dec weekend and holidays.
    within = CAL.add_working_days(date(2027, 12, 23), 5)
    assert within.value == date(2027, 12, 31)
    assert within.exact

    crossing = CAL.add_working_days(date(2027, 12, 23), 6)
    assert crossing.value == date(2028, 1, 3)
    assert crossing.uncovered_years == (2028,)

    count = CAL.count_working_days(date(2027, 12, 23), date(2030, 1, 2))
    assert count.uncovered_years == (2028, 2029, 2030)
    assert count.note() is not None
    assert "2028, 2029 dan 2030" in count.note()


def test_count_is_zero_for_empty_or_reversed_spans() -> None:
    assert CAL.count_working_days(date(2026, 5, 4), date(2026, 5, 4)) == WorkdayResult(0, ())
    assert CAL.count_working_days(date(2026, 5, 5), date(2026, 5, 4)) == WorkdayResult(0, ())


def test_negative_and_huge_n() -> None:
    with pytest.raises(ValueError, match="tidak boleh negatif"):
        CAL.add_working_days(date(2026, 1, 5), -1)
    with pytest.raises(ValueError, match="terlalu besar"):
        CAL.add_working_days(date(2026, 1, 5), MAX_WORKING_DAYS + 1)
    assert CAL.add_working_days(date(2026, 1, 5), MAX_WORKING_DAYS).value.year > 2060


def test_weekend_validation_and_six_day_week() -> None:
    with pytest.raises(ValueError, match="satu hari kerja"):
        WorkCalendar(frozenset(), frozenset(), frozenset(range(7)))
    with pytest.raises(ValueError, match="0 \\(Senin\\)"):
        WorkCalendar(frozenset(), frozenset(), frozenset({7}))
    six = WorkCalendar(frozenset(), frozenset({2031}), frozenset({6}))
    assert six.add_working_days(date(2031, 1, 3), 1).value == date(2031, 1, 4)  # Friday -> Saturday
    assert six.count_working_days(date(2031, 1, 4), date(2031, 1, 11)).value == 6


def test_calendar_accepts_plain_sets() -> None:
    cal = WorkCalendar({date(2031, 1, 1)}, {2031}, {5, 6})  # type: ignore[arg-type]
    assert isinstance(cal.holidays, frozenset)
    assert not cal.is_working_day(date(2031, 1, 1))
    assert cal.add_working_days(date(2030, 12, 31), 1) == WorkdayResult(date(2031, 1, 2), ())


def test_calendar_from_lokal() -> None:
    full = calendar_from_lokal()
    assert full.covered_years == frozenset(lokal.HOLIDAY_YEARS)
    assert date(2026, 3, 20) in full.holidays  # cuti bersama is included
    partial = calendar_from_lokal([2026, 2031])
    assert partial.covered_years == frozenset({2026})
    assert all(d.year == 2026 for d in partial.holidays)
    assert calendar_from_lokal([]).holidays == frozenset()


def test_lokal_holiday_rows() -> None:
    rows = lokal_holiday_rows()
    assert rows == sorted(rows)
    assert (date(2026, 8, 17), "Proklamasi Kemerdekaan", "libur_nasional") in rows
    assert (date(2026, 3, 20), "Idulfitri 1447 H", "cuti_bersama") in rows
    assert {kind for _d, _n, kind in rows} == {"libur_nasional", "cuti_bersama"}
    assert {d.year for d, _n, _k in rows} == set(lokal.HOLIDAY_YEARS)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2025, 6, 1), max_value=date(2029, 6, 1)), st.integers(1, 400))
def test_count_inverts_add(start: date, n: int) -> None:
    added = CAL.add_working_days(start, n)
    assert isinstance(added.value, date)
    assert CAL.is_working_day(added.value)
    counted = CAL.count_working_days(start, added.value)
    assert counted.value == n
    assert counted.uncovered_years == added.uncovered_years
    # One day earlier there is one working day fewer.
    assert CAL.count_working_days(start, added.value - timedelta(days=1)).value == n - 1


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)), st.integers(0, 60))
def test_agrees_with_lokal_on_covered_years(start: date, span: int) -> None:
    # lokal raises for a year it has no data for, which is the reason this module exists: stay inside 2026-2027.
    end = min(start + timedelta(days=span), date(2027, 12, 31))
    expected = lokal.count_working_days(start + timedelta(days=1), end) if end > start else 0
    assert CAL.count_working_days(start, end).value == expected
