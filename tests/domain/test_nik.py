from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lokal import PROVINCES, parse_nik

from puskesos_desk.domain.nik import Finding, IdCheck, check_kk, check_nik, mask_id, strip_separators

TODAY = date(2026, 6, 1)


def codes(check: IdCheck) -> list[str]:
    return [f.code for f in check.findings]


def error_codes(check: IdCheck) -> list[str]:
    return [f.code for f in check.errors]


# --- decoding -------------------------------------------------------------------------------------------------------


def test_man() -> None:
    r = check_nik("3322011505800003", today=TODAY)
    assert r.valid
    assert r.kind == "NIK"
    assert r.value == "3322011505800003"
    assert r.region_code == "33.22.01"
    assert r.birth_date == date(1980, 5, 15)
    assert r.sex == "L"
    assert r.serial == "0003"
    assert r.findings == ()


def test_woman_day_plus_40() -> None:
    r = check_nik("3322015505800002", today=TODAY)
    assert r.valid
    assert r.birth_date == date(1980, 5, 15)
    assert r.sex == "P"


@pytest.mark.parametrize(
    ("nik", "born", "sex"),
    [
        ("3322012902040001", date(2004, 2, 29), "L"),  # leap year
        ("3322016902040001", date(2004, 2, 29), "P"),
        ("3322012902000001", date(2000, 2, 29), "L"),  # 2000 is a leap year (divisible by 400)
        ("3322010101250001", date(2025, 1, 1), "L"),
        ("3322017112990001", date(1999, 12, 31), "P"),
    ],
)
def test_valid_dates(nik: str, born: date, sex: str) -> None:
    r = check_nik(nik, today=TODAY)
    assert r.valid, r.findings
    assert (r.birth_date, r.sex) == (born, sex)


@pytest.mark.parametrize(
    "nik",
    [
        "3322012902030001",  # 29 Feb 2003: not a leap year
        "3322016902030001",  # the same for a woman
        "3322013104800001",  # 31 April
        "3322010005800001",  # day 00
        "3322013205800001",  # day 32
        "3322014005800001",  # day 40: neither a man's nor a woman's day
        "3322017205800001",  # day 72
        "3322011513800001",  # month 13
        "3322011500800001",  # month 00
    ],
)
def test_impossible_dates(nik: str) -> None:
    r = check_nik(nik, today=TODAY)
    assert not r.valid
    assert error_codes(r) == ["date"]
    assert r.birth_date is None
    assert r.sex is None
    assert r.value == nik


def test_serial_0000() -> None:
    r = check_nik("3322011505800000", today=TODAY)
    assert error_codes(r) == ["serial"]
    # Serials ending in 0 are normal; only 0000 is impossible.
    assert check_nik("3322011505800010", today=TODAY).valid


@pytest.mark.parametrize(
    "nik",
    [
        "0000000000000000",
        "1111111111111111",
        "3333333333333333",
        "1234567890123456",
        "0123456789012345",
        "6543210987654321",
        "9876543210987654",
    ],
)
def test_dummy_values(nik: str) -> None:
    r = check_nik(nik, today=TODAY)
    # Only the dummy error: province/date/serial errors on a placeholder would be noise.
    assert error_codes(r) == ["dummy"]
    assert r.value == nik
    assert r.birth_date is None
    assert r.region_code is None


@pytest.mark.parametrize(("nik", "count"), [("332201150580003", 15), ("332201150580", 12), ("33220115058000031", 17)])
def test_wrong_length(nik: str, count: int) -> None:
    r = check_nik(nik, today=TODAY)
    assert error_codes(r) == ["length"]
    assert f"NIK harus 16 digit; yang dimasukkan {count} digit." in r.errors[0].message
    assert r.value is None


def test_not_digits() -> None:
    r = check_nik("33220115O5800003", today=TODAY)  # letter O instead of zero
    assert error_codes(r) == ["not_digits"]
    assert "O" in r.errors[0].message


def test_empty() -> None:
    for value in ("", "   ", None):
        r = check_nik(value)
        assert error_codes(r) == ["empty"]
        assert r.input == ("" if value is None else value)


# --- Excel ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [3322011505800003, 3322011505800000, 3.3220115058e15, Decimal("3322011505800003")])
def test_numeric_cell_is_always_an_error(value: object) -> None:
    r = check_nik(value, today=TODAY)
    assert error_codes(r) == ["excel_number"]
    assert "Teks" in r.errors[0].message
    assert r.value is None
    assert r.input == str(value)


@pytest.mark.parametrize("value", ["3322011505800003.0", "3322011505800000,00", " 332201150580000.0 "])
def test_numeric_text_with_decimal_tail(value: str) -> None:
    assert error_codes(check_nik(value, today=TODAY)) == ["excel_number"]


@pytest.mark.parametrize("value", ["3.32201E+15", "3,32201E+15", "3.322011505800003e15", "3E+15"])
def test_scientific_notation(value: str) -> None:
    r = check_nik(value, today=TODAY)
    assert error_codes(r) == ["excel_scientific"]
    assert "Teks" in r.errors[0].message


def test_kk_numeric_cell() -> None:
    r = check_kk(3322011203150004, today=TODAY)
    assert error_codes(r) == ["excel_number"]
    assert r.errors[0].message.startswith("No. KK")


# --- separators -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["3322 0115 0580 0003", "33.22.01-150580-0003", "3322\u00a00115\u00a005800003", "3322–0115–0580–0003"],
)
def test_separators_are_stripped_with_a_warning(value: str) -> None:
    r = check_nik(value, today=TODAY)
    assert r.valid
    assert r.value == "3322011505800003"
    assert codes(r) == ["separators"]
    assert r.warnings[0].severity == "warning"


def test_surrounding_whitespace_is_not_a_separator() -> None:
    r = check_nik(" 3322011505800003\n", today=TODAY)
    assert r.valid
    assert r.findings == ()


def test_full_width_digits() -> None:
    r = check_nik("３３２２０１１５０５８００００３", today=TODAY)
    assert r.value == "3322011505800003"
    assert r.valid


def test_strip_separators() -> None:
    assert strip_separators(" 33.22-01 15\u200b05\u00a080 0003 ") == "3322011505800003"
    assert strip_separators("abc") == "abc"


# --- regions --------------------------------------------------------------------------------------------------------


def test_unknown_province() -> None:
    r = check_nik("9922011505800003", today=TODAY)
    assert error_codes(r) == ["province"]
    assert "99" in r.errors[0].message
    # No region_unknown warning on top of the province error.
    assert r.warnings == ()


@pytest.mark.parametrize("nik", ["3300011505800003", "3322001505800003"])
def test_zero_regency_or_district(nik: str) -> None:
    r = check_nik(nik, today=TODAY)
    assert error_codes(r) == ["region"]


def test_unknown_district_prefix_is_only_a_warning() -> None:
    r = check_nik("3322991505800003", today=TODAY)
    assert r.valid
    assert r.region_code == "33.22.99"
    assert codes(r) == ["region_unknown"]
    assert r.findings[0].severity == "warning"


def test_region_exists_callback() -> None:
    seen: list[str] = []

    def exists(code: str) -> bool:
        seen.append(code)
        return False

    r = check_nik("3322011505800003", today=TODAY, region_exists=exists)
    assert seen == ["33.22.01"]
    assert codes(r) == ["region_unknown"]
    assert check_nik("3322991505800003", today=TODAY, region_exists=lambda _c: True).findings == ()


# --- century and age ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nik", "born"),
    [
        ("3322011505260001", date(2026, 5, 15)),  # earlier this year: a baby
        ("3322010106260001", date(2026, 6, 1)),  # born today
        ("3322010206260001", date(1926, 6, 2)),  # tomorrow in 2026 cannot be a birth date: 1926
        ("3322011507260001", date(1926, 7, 15)),
        ("3322011505300001", date(1930, 5, 15)),
        ("3322011505000001", date(2000, 5, 15)),
    ],
)
def test_century_resolution_around_today(nik: str, born: date) -> None:
    r = check_nik(nik, today=TODAY)
    assert r.valid
    assert r.birth_date == born


def test_entered_birth_date_decides_the_century() -> None:
    # 15-05-26 would be 2026 by default; the form says 1926, so the NIK agrees with it.
    r = check_nik("3322011505260001", birth_date=date(1926, 5, 15), today=TODAY)
    assert r.birth_date == date(1926, 5, 15)
    assert r.findings == ()


def test_implausible_age_is_a_warning() -> None:
    r = check_nik("3322011505900001", birth_date=date(1890, 5, 15), today=TODAY)
    assert r.valid
    assert r.birth_date == date(1890, 5, 15)
    assert codes(r) == ["implausible_age"]


def test_default_today_is_used() -> None:
    assert check_nik("3322011505800003").birth_date == date(1980, 5, 15)


# --- comparisons with the form --------------------------------------------------------------------------------------


def test_dob_mismatch_is_a_warning() -> None:
    r = check_nik("3322011505800003", birth_date=date(1980, 5, 16), today=TODAY)
    assert r.valid
    assert codes(r) == ["dob_mismatch"]
    assert "15-05-1980" in r.warnings[0].message
    assert "16-05-1980" in r.warnings[0].message


def test_dob_mismatch_other_century_digits() -> None:
    r = check_nik("3322011505800003", birth_date=date(1981, 5, 15), today=TODAY)
    assert r.birth_date == date(1980, 5, 15)
    assert codes(r) == ["dob_mismatch"]


@pytest.mark.parametrize(("nik", "entered", "mismatch"), [
    ("3322011505800003", "P", True),
    ("3322011505800003", "L", False),
    ("3322011505800003", "laki-laki", False),
    ("3322011505800003", "Perempuan", True),
    ("3322015505800002", "L", True),
    ("3322015505800002", "p", False),
    ("3322015505800002", "", False),  # unknown entry: nothing to compare
])
def test_sex_mismatch(nik: str, entered: str, mismatch: bool) -> None:
    r = check_nik(nik, sex=entered, today=TODAY)
    assert r.valid
    assert codes(r) == (["sex_mismatch"] if mismatch else [])


def test_nik_equal_to_kk_is_an_error() -> None:
    r = check_nik("3322011505800003", kk_number="3322 0115 0580 0003", today=TODAY)
    assert error_codes(r) == ["same_as_kk"]
    assert check_nik("3322011505800003", kk_number="3322011203150004", today=TODAY).valid


# --- No. KK ---------------------------------------------------------------------------------------------------------


def test_kk_valid() -> None:
    r = check_kk("3322011203150004", today=TODAY)
    assert r.valid
    assert r.kind == "KK"
    assert r.birth_date == date(2015, 3, 12)  # recording date
    assert r.sex is None
    assert r.region_code == "33.22.01"
    assert r.serial == "0004"


def test_kk_has_no_sex_offset() -> None:
    r = check_kk("3322015203150004", today=TODAY)
    assert error_codes(r) == ["date"]
    assert r.errors[0].message.startswith("Tanggal pencatatan pada No. KK")


def test_kk_future_date() -> None:
    r = check_kk("3322011506260004", today=TODAY)
    assert error_codes(r) == ["future_date"]
    assert r.birth_date == date(2026, 6, 15)
    assert check_kk("3322010106260004", today=TODAY).valid  # recorded today


def test_kk_old_recording_date() -> None:
    assert check_kk("3322011203990004", today=TODAY).birth_date == date(1999, 3, 12)


@pytest.mark.parametrize(
    ("kk", "code"),
    [
        ("3322013104150004", "date"),
        ("3322011203150000", "serial"),
        ("9922011203150004", "province"),
        ("1111111111111111", "dummy"),
        ("33220112031500", "length"),
    ],
)
def test_kk_errors(kk: str, code: str) -> None:
    assert error_codes(check_kk(kk, today=TODAY)) == [code]


def test_kk_unknown_prefix_warning() -> None:
    r = check_kk("3322991203150004", today=TODAY)
    assert r.valid
    assert codes(r) == ["region_unknown"]


def test_findings_are_errors_then_warnings() -> None:
    r = check_nik("33 22 99 15 05 80 0000", sex="P", today=TODAY)
    assert [f.severity for f in r.findings] == ["error", "warning", "warning", "warning"]
    assert all(isinstance(f, Finding) for f in r.findings)


# --- masking --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("3322014505800003", "3322••••••••0003"),
        ("3322 0145 0580 0003", "3322••••••••0003"),
        (None, ""),
        ("", ""),
        ("332201450580", "33••••••••80"),
        ("12345678", "12••••78"),
        ("1234567", "•••••••"),
        ("33220145058000031", "33•••••••••••••31"),
    ],
)
def test_mask_id(value: str | None, masked: str) -> None:
    assert mask_id(value) == masked


@given(st.text(alphabet="0123456789 .-x", max_size=40))
def test_mask_never_reveals_more_than_eight_digits(value: str) -> None:
    masked = mask_id(value)
    assert sum(ch.isdigit() for ch in masked) <= 8
    shown = [ch for ch in masked if ch != "•"]
    if len(masked) != 16 or masked[4:12] != "•" * 8:
        assert len(shown) <= len(masked) // 2


# --- properties and the cross-check with lokal ----------------------------------------------------------------------

_PREFIXES = st.tuples(
    st.sampled_from(sorted(PROVINCES)), st.integers(1, 99), st.integers(1, 99)
).map(lambda t: f"{t[0]}{t[1]:02d}{t[2]:02d}")
# Within 100 years before `today` the century rule has exactly one answer.
_BIRTHS = st.dates(min_value=TODAY - timedelta(days=36_524), max_value=TODAY)


def make_nik(prefix: str, born: date, sex: str, serial: int) -> str:
    day = born.day + (40 if sex == "P" else 0)
    return f"{prefix}{day:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"


@settings(max_examples=300, deadline=None)
@given(_PREFIXES, _BIRTHS, st.sampled_from(["L", "P"]), st.integers(1, 9999))
def test_generated_nik_decodes_back(prefix: str, born: date, sex: str, serial: int) -> None:
    nik = make_nik(prefix, born, sex, serial)
    r = check_nik(nik, today=TODAY, region_exists=lambda _c: True)
    assert r.valid, r.findings
    assert (r.birth_date, r.sex, r.serial) == (born, sex, f"{serial:04d}")
    assert r.region_code == f"{prefix[:2]}.{prefix[2:4]}.{prefix[4:]}"
    # The entered DOB and sex agree, so no warnings either.
    assert check_nik(nik, birth_date=born, sex=sex, today=TODAY, region_exists=lambda _c: True).findings == ()

    info = parse_nik(nik, reference_date=TODAY)
    assert info.valid
    assert info.gender == r.sex
    assert info.district_code == r.region_code
    # lokal resolves the century by year only, so it places a birthday later this year 100 years ahead.
    if not (born.year % 100 == TODAY.year % 100 and born > TODAY.replace(year=born.year)):
        assert info.birth_date == born.isoformat()


@pytest.mark.parametrize(
    "nik", ["3322011505800003", "3322015505800002", "3322012902040001", "3322991505800003", "3173034107990012"]
)
def test_agrees_with_lokal(nik: str) -> None:
    r = check_nik(nik, today=TODAY)
    info = parse_nik(nik, reference_date=TODAY)
    assert r.valid == info.valid
    assert r.sex == info.gender
    assert r.birth_date is not None
    assert r.birth_date.isoformat() == info.birth_date
    assert r.region_code == info.district_code


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(), st.none()))
def test_never_raises(value: object) -> None:
    for r in (check_nik(value, today=TODAY, region_exists=lambda _c: True), check_kk(value, today=TODAY)):
        assert r.valid == (not r.errors)
        assert all(f.message for f in r.findings)
        assert r.value is None or len(r.value) == 16
