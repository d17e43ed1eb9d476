"""Cell values of district extracts as they come: property tests of the readers."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from puskesos_desk.domain.extract_values import (
    MONTHS,
    display_value,
    parse_date,
    read_desil,
    read_flag,
    read_kk,
    read_nik,
    read_relation,
    read_rt_rw,
    read_sex,
)

TODAY = date(2026, 11, 23)
INDONESIAN_MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
                     "Oktober", "November", "Desember"]
birth_dates = st.dates(min_value=date(1900, 3, 1), max_value=TODAY)


@st.composite
def niks(draw: st.DrawFn) -> str:
    """Structurally valid NIKs of Kec. Getasan (33.22.01), any serial, including ones ending in 0."""
    born = draw(st.dates(min_value=date(1930, 1, 1), max_value=TODAY))
    female = draw(st.booleans())
    serial = draw(st.integers(min_value=1, max_value=9999))
    return f"332201{born.day + (40 if female else 0):02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


@given(birth_dates, st.sampled_from(["{d:02d}-{m:02d}-{y}", "{d:02d}/{m:02d}/{y}", "{d}-{m}-{y}", "{y}-{m:02d}-{d:02d}",
                                     "{d} {month} {y}", "{d:02d} {month} {y}", "{d}-{month}-{y}"]))
def test_dates_in_every_written_form_read_back(day: date, form: str) -> None:
    text = form.format(d=day.day, m=day.month, y=day.year, month=INDONESIAN_MONTHS[day.month - 1])
    assert parse_date(text, today=TODAY) == (day, None)
    assert parse_date(text.upper(), today=TODAY) == (day, None)


@given(birth_dates)
def test_excel_dates_and_serial_numbers_read_back(day: date) -> None:
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial, today=TODAY) == (day, None)
    assert parse_date(float(serial), today=TODAY) == (day, None)
    assert parse_date(day, today=TODAY) == (day, None)
    assert parse_date(datetime(day.year, day.month, day.day, 13, 5), today=TODAY) == (day, None)


def test_every_indonesian_and_english_month_name() -> None:
    for number, name in enumerate(INDONESIAN_MONTHS, start=1):
        assert MONTHS[name.upper()] == number
        assert parse_date(f"7 {name[:3]} 1999", today=TODAY) == (date(1999, number, 7), None)
    assert parse_date("7 Agt 1999", today=TODAY)[0] == date(1999, 8, 7)
    assert parse_date("7 Nopember 1999", today=TODAY)[0] == date(1999, 11, 7)


@given(st.dates(min_value=TODAY + timedelta(days=1), max_value=date(2100, 1, 1)))
def test_a_birth_date_in_the_future_is_a_warning_and_left_empty(day: date) -> None:
    value, problem = parse_date(day.strftime("%d-%m-%Y"), today=TODAY)
    assert value is None
    assert problem is not None and problem.code == "date_future"


@pytest.mark.parametrize("text", ["31-02-1980", "1980", "kemarin", "00-00-0000", "12 Bulan 1980", "31/13/1980"])
def test_unreadable_dates_are_warnings(text: str) -> None:
    value, problem = parse_date(text, today=TODAY)
    assert value is None
    assert problem is not None and problem.code == "date_invalid"
    assert text in problem.message


@given(niks(), st.lists(st.sampled_from([" ", ".", "-", "\u00a0"]), min_size=1, max_size=4), st.data())
def test_nik_separators_are_stripped_with_a_warning(nik: str, separators: list[str], data: st.DataObject) -> None:
    text = nik
    for separator in separators:
        at = data.draw(st.integers(min_value=1, max_value=len(text) - 1))
        text = text[:at] + separator + text[at:]
    read = read_nik(text, today=TODAY)
    assert read.digits == nik
    assert read.separators
    assert not read.damaged


@given(niks())
def test_a_text_nik_is_kept_whole_even_when_it_ends_in_0(nik: str) -> None:
    read = read_nik(nik, today=TODAY)
    assert (read.digits, read.damaged, read.problem) == (nik, False, None)
    tenth = nik[:12] + f"{max(1, int(nik[12:]) // 10) * 10:04d}"
    assert read_nik(tenth, today=TODAY).digits == tenth


@given(niks())
def test_a_nik_that_arrives_as_a_number_is_damaged(nik: str) -> None:
    for cell in (int(nik), float(nik), f"{float(nik):.5E}", f"{float(nik):.5e}".replace("e+", "E"),
                 f"{int(nik[:15])}0.0"):
        read = read_nik(cell, today=TODAY)
        assert read.damaged, cell
        assert read.digits is None
        assert read.problem is not None and read.problem.code == "nik_damaged"
        assert nik not in read.problem.message


def test_scientific_notation_as_the_district_sends_it() -> None:
    read = read_nik("3.32201E+15", today=TODAY)
    assert read.damaged
    assert "3.32201E+15" in read.problem.message


@pytest.mark.parametrize(("cell", "code"), [("", "nik_missing"), ("33220115058000", "nik_invalid"),
                                             ("0000000000000000", "nik_invalid"), ("3322O11505800003", "nik_invalid")])
def test_unusable_niks_are_not_damaged_but_rejected(cell: str, code: str) -> None:
    read = read_nik(cell, today=TODAY)
    assert (read.digits, read.damaged, read.problem.code) == (None, False, code)


def test_a_bad_kk_is_a_warning_and_an_empty_one_none() -> None:
    assert read_kk(None, today=TODAY).problem is None
    assert read_kk(3322010101150007, today=TODAY).problem.code == "kk_damaged"
    assert read_kk("3322-0101-0115-0007", today=TODAY).digits == "3322010101150007"


@given(st.integers(min_value=0, max_value=999))
def test_rt_and_rw_become_three_characters(number: int) -> None:
    expected = f"{number:03d}"
    assert read_rt_rw(number) == (expected, None)
    assert read_rt_rw(float(number)) == (expected, None)
    assert read_rt_rw(str(number)) == (expected, None)
    assert read_rt_rw(f"RT {number:02d}", "RT") == (expected, None)


@given(st.text(alphabet="ABCXYZ/-", min_size=1, max_size=6))
def test_rt_that_is_no_number_is_a_warning(text: str) -> None:
    value, problem = read_rt_rw(text)
    assert value == ""
    assert problem is not None


@given(st.integers(min_value=-50, max_value=50))
def test_desil_is_1_to_10(number: int) -> None:
    value, problem = read_desil(number)
    if 1 <= number <= 10:
        assert (value, problem) == (number, None)
        assert read_desil(str(number)) == (number, None)
        assert read_desil(f"Desil {number}") == (number, None)
        assert read_desil(float(number)) == (number, None)
    else:
        assert value is None
        assert problem is not None and problem.code == "desil_invalid"


@pytest.mark.parametrize(("cell", "sex"), [("L", "L"), ("l", "L"), ("LAKI-LAKI", "L"), ("Laki laki", "L"), (1, "L"),
                                           ("1", "L"), ("P", "P"), ("PEREMPUAN", "P"), ("Wanita", "P"), (2, "P"),
                                           (None, None), ("", None)])
def test_sex_as_it_comes(cell: object, sex: str | None) -> None:
    assert read_sex(cell) == (sex, None)


def test_unknown_sex_is_a_warning() -> None:
    assert read_sex("X")[1].code == "sex_invalid"


@given(st.sampled_from(["Y", "y", "YA", "Ya", "1", 1, True, "TRUE", "✓", "✔", "ADA", "V", "PKH", "pkh", "Bansos PKH"]))
def test_programme_flags_that_mean_yes(cell: object) -> None:
    assert read_flag(cell, frozenset({"PKH", "BANSOS PKH"})) == (True, None)


@given(st.sampled_from([None, "", "N", "T", "TIDAK", "tidak", "0", 0, False, "-", "FALSE", "Tidak Ada"]))
def test_programme_flags_that_mean_no(cell: object) -> None:
    assert read_flag(cell, frozenset({"PKH"})) == (False, None)


def test_an_odd_flag_is_a_warning() -> None:
    value, problem = read_flag("TAHAP 3", frozenset({"PKH"}))
    assert value is False
    assert problem is not None and problem.code == "flag_invalid"


@pytest.mark.parametrize(("cell", "sex", "relation"), [
    ("KEPALA KELUARGA", "L", "KEPALA_KELUARGA"), ("Kepala Keluarga", None, "KEPALA_KELUARGA"),
    (1, None, "KEPALA_KELUARGA"), ("ISTRI", "P", "ISTRI"), ("Istri/Suami", "L", "SUAMI"), (2, "P", "ISTRI"),
    ("ANAK", "L", "ANAK"), ("3", None, "ANAK"),
    ("Orang Tua/Mertua", None, "ORANG_TUA"), ("CUCU", None, "CUCU"),
])
def test_relation_names_and_dtks_codes(cell: object, sex: str | None, relation: str) -> None:
    assert read_relation(cell, sex) == (relation, None)


@given(niks())
def test_messages_never_show_a_whole_nik(nik: str) -> None:
    assert nik not in display_value(int(nik))
    assert nik not in display_value(f"NIK {nik} ganda")
