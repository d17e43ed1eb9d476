from __future__ import annotations

from datetime import date, datetime

from puskesos_desk.printing.dates import long_date, long_date_or_dash, short_date, weekday_date, weekday_date_time


def test_long_date_uses_indonesian_month_names() -> None:
    assert long_date(date(2026, 11, 22)) == "22 November 2026"
    assert long_date(date(2027, 2, 1)) == "1 Februari 2027"
    assert long_date(date(2026, 8, 17)) == "17 Agustus 2026"


def test_weekday_and_time() -> None:
    assert weekday_date(date(2026, 11, 22)) == "Minggu, 22 November 2026"
    assert weekday_date_time(datetime(2026, 11, 23, 9, 5)) == "Senin, 23 November 2026 pukul 09.05"
    assert weekday_date_time(datetime(2026, 11, 27, 13, 30)) == "Jumat, 27 November 2026 pukul 13.30"


def test_short_and_missing_dates() -> None:
    assert short_date(date(2026, 3, 5)) == "05-03-2026"
    assert long_date_or_dash(None) == "-"
