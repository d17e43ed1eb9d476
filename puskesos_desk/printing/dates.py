"""Dates as Indonesian letters write them: "22 November 2026", "Senin, 22 November 2026 pukul 09.15"."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def long_date(day: date) -> str:
    """`22 November 2026`; never strftime, whose month names follow the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def weekday_date(day: date) -> str:
    """`Minggu, 22 November 2026`."""
    return f"{WEEKDAYS[day.weekday()]}, {long_date(day)}"


def weekday_date_time(moment: datetime) -> str:
    """`Minggu, 22 November 2026 pukul 09.15`: Indonesian writes the time with a dot."""
    return f"{weekday_date(moment.date())} pukul {moment.hour:02d}.{moment.minute:02d}"


def long_date_or_dash(day: date | None) -> str:
    return long_date(day) if day is not None else "-"


def short_date(day: date) -> str:
    """`22-11-2026`, for table columns (and as `RegisterSnapshot.describe()` writes dates)."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"
