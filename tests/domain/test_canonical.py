"""Canonical values and row hashes: stable under what a re-save changes, sensitive to every real edit."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from puskesos_desk.domain.canonical import canonical_value, row_hash, statement

COLUMNS = ("id", "nik", "nama", "tanggal_lahir", "jumlah")


@given(st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1))
def test_an_integer_reads_the_same_as_int_or_float(number: int) -> None:
    assert canonical_value(number) == canonical_value(float(number)) == str(number)


@given(st.dates())
def test_a_date_reads_the_same_as_date_or_midnight_datetime(day: date) -> None:
    midnight = datetime(day.year, day.month, day.day)
    assert canonical_value(day) == canonical_value(midnight) == day.isoformat()


@given(st.text().filter(lambda t: "\r" not in t))
def test_text_ignores_surrounding_spaces_line_endings_and_unicode_composition(text: str) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    assert canonical_value(f"  {decomposed}\t") == canonical_value(text)
    assert canonical_value(text.replace("\n", "\r\n")) == canonical_value(text)


def test_empty_is_missing_and_text_stays_text() -> None:
    assert canonical_value(None) == canonical_value("") == canonical_value("   ") == ""
    assert canonical_value("0012345678901234") == "0012345678901234"  # a text NIK keeps its leading zeros
    assert canonical_value(3322014505800003.0) == "3322014505800003"
    assert canonical_value(1.5) == "1.5"
    assert canonical_value(datetime(2026, 11, 22, 9, 15, tzinfo=timezone(timedelta(hours=7)))) == \
        "2026-11-22T09:15:00+07:00"
    with pytest.raises(TypeError):
        canonical_value(float("nan"))
    with pytest.raises(TypeError):
        canonical_value(object())


ROW = {"id": "2b1f…", "nik": "3322014505800003", "nama": "ŚITI AMINAH", "tanggal_lahir": date(1980, 5, 5),
       "jumlah": 3}


def test_a_re_saved_row_hashes_the_same() -> None:
    resaved = {"id": "2b1f…", "nik": "3322014505800003 ", "nama": "ŚITI AMINAH",
               "tanggal_lahir": datetime(1980, 5, 5), "jumlah": 3.0, "kolom_tambahan": "diabaikan"}
    assert row_hash("Anggota Keluarga", COLUMNS, resaved) == row_hash("Anggota Keluarga", COLUMNS, ROW)


@pytest.mark.parametrize(("key", "value"), [
    ("nik", "3322 0145 0580 0003"), ("nik", 3322014505800000.0), ("nama", "SITI AMINAH"),
    ("tanggal_lahir", date(1980, 5, 6)), ("jumlah", 4), ("jumlah", None),
])
def test_every_real_edit_changes_the_hash(key: str, value: object) -> None:
    assert row_hash("Anggota Keluarga", COLUMNS, {**ROW, key: value}) != row_hash("Anggota Keluarga", COLUMNS, ROW)


def test_the_same_values_on_another_sheet_hash_differently() -> None:
    assert row_hash("Kunjungan", COLUMNS, ROW) != row_hash("Anggota Keluarga", COLUMNS, ROW)


def test_a_long_statement_is_the_same_bytes_as_one_written_at_once() -> None:
    manifest = [("Anggota Keluarga", f"id-{n:06d}", f"{n:064x}") for n in range(40_000, 0, -1)]  # several steps

    made = statement(1, {"b": "2", "a": "é", "signature": "x"}, manifest)

    lines = ["puskesos-desk/paket@1", "a=é", "b=2", "manifest", *("\t".join(row) for row in sorted(manifest))]
    assert made == ("\n".join(lines) + "\n").encode("utf-8")


def test_the_statement_ignores_row_order_and_the_signature_but_not_content() -> None:
    manifest = [("Anggota Keluarga", f"id-{i}", f"{i:064x}") for i in range(50)]
    meta = {"package_id": "p-1", "sequence": "7", "signature": "abc"}
    shuffled = manifest[:]
    random.Random(1).shuffle(shuffled)
    base = statement(1, meta, manifest)
    assert statement(1, meta, shuffled) == base
    assert statement(1, {**meta, "signature": "other"}, manifest) == base
    assert statement(1, {**meta, "sequence": "8"}, manifest) != base
    assert statement(1, meta, manifest[:-1]) != base  # a removed row shows
    assert statement(2, meta, manifest) != base
