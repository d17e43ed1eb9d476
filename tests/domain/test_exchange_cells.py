"""Field values survive the trip to a cell and back, also as a reader returns them; bad cells get a code."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from puskesos_desk.domain.canonical import canonical_value
from puskesos_desk.domain.exchange_cells import CellProblem, from_cell, to_cell
from puskesos_desk.domain.exchange_sheets import ColumnKind as K

WIB = timezone(timedelta(hours=7))
codes = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789", min_size=1, max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)


def as_read(cell: object) -> object:
    """What python-calamine returns for a cell the writer wrote: numbers come back as floats."""
    return float(cell) if isinstance(cell, int) and not isinstance(cell, bool) else cell


# NUL is the one character a cell does not carry: entry refuses it and an imported cell holding it is a row problem
# (domain/text_input.py; PostgreSQL cannot store it).
@given(st.text(min_size=1).map(str.strip).filter(bool).filter(lambda v: "\x00" not in v))
def test_text(value: str) -> None:
    assert from_cell(K.TEXT, as_read(to_cell(K.TEXT, value))) == value


@given(st.integers(-(2**53) + 1, 2**53 - 1))
def test_int(value: int) -> None:
    assert from_cell(K.INT, as_read(to_cell(K.INT, value))) == value


@given(st.dates())
def test_date_also_as_midnight_datetime(value: date) -> None:
    assert from_cell(K.DATE, to_cell(K.DATE, value)) == value
    assert from_cell(K.DATE, datetime(value.year, value.month, value.day)) == value


@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)))
def test_datetime_is_the_same_instant(value: datetime) -> None:
    value = value.replace(microsecond=0)
    back = from_cell(K.DATETIME, to_cell(K.DATETIME, value, WIB))
    assert back == value and isinstance(back, datetime) and back.utcoffset() == timedelta(hours=7)


@given(st.lists(codes, max_size=6))
def test_list(value: list[str]) -> None:
    assert from_cell(K.LIST, to_cell(K.LIST, value)) == value


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=5))
def test_json(value: dict[str, object]) -> None:
    cell = to_cell(K.JSON, value)
    assert from_cell(K.JSON, cell) == (value or None)
    assert canonical_value(cell) == canonical_value(to_cell(K.JSON, dict(reversed(list(value.items())))))


@pytest.mark.parametrize("value", [True, False])
def test_bool(value: bool) -> None:
    assert from_cell(K.BOOL, to_cell(K.BOOL, value)) is value


def test_identity_numbers_must_stay_text() -> None:
    assert from_cell(K.ID_TEXT, to_cell(K.ID_TEXT, "0012345678901234")) == "0012345678901234"
    problem = from_cell(K.ID_TEXT, 3322014505800003.0)
    assert isinstance(problem, CellProblem) and problem.code == "ANGKA_BUKAN_TEKS" and "Teks" in problem.message


@pytest.mark.parametrize(("kind", "cell", "code"), [
    (K.INT, "dua", "BUKAN_BILANGAN"), (K.INT, 2.5, "BUKAN_BILANGAN"), (K.DATE, "31-02-2026", "TANGGAL_TIDAK_SAH"),
    (K.DATE, datetime(2026, 1, 1, 9, 30), "TANGGAL_TIDAK_SAH"), (K.DATETIME, "2026-11-22 09:15", "WAKTU_TIDAK_SAH"),
    (K.BOOL, "mungkin", "BUKAN_YA_TIDAK"), (K.JSON, "{rusak", "JSON_RUSAK"), (K.DECIMAL, "satu", "BUKAN_ANGKA"),
])
def test_cells_that_cannot_mean_a_value_get_a_code(kind: K, cell: object, code: str) -> None:
    problem = from_cell(kind, cell)
    assert isinstance(problem, CellProblem) and problem.code == code and problem.message


def test_people_typed_dates_and_empty_cells() -> None:
    assert from_cell(K.DATE, "5-3-1968") == date(1968, 3, 5)
    assert from_cell(K.DATE, "1968-03-05") == date(1968, 3, 5)
    assert from_cell(K.TEXT, "  ") is None and from_cell(K.LIST, None) == [] and from_cell(K.BOOL, None) is None
    assert to_cell(K.TEXT, "") is None and to_cell(K.LIST, []) is None and to_cell(K.JSON, {}) is None
