"""Header rows and column mapping of district extracts: property tests of the layout rules."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from puskesos_desk.domain import extract_layout as layout
from puskesos_desk.domain.extract_layout import (
    find_as_of,
    find_header_row,
    header_matches,
    normalise_header,
    propose_mapping,
    source_key,
)

DISTRICT = {"NIK": "nik", "NAMA": "name", "NAMA IBU KANDUNG": None, "TEMPAT LAHIR": "birth_place",
            "TGL LAHIR": "birth_date", "JENIS KELAMIN": "sex", "NO KK": "kk_number", "HUB KELUARGA": "relation",
            "ALAMAT": "address", "RT": "rt", "RW": "rw", "DESA/KELURAHAN": "village_name",
            "KECAMATAN": "district_name", "DESIL NASIONAL": "desil_national", "PKH": "program:PKH",
            "BPNT": "program:SEMBAKO", "PBI JK": "program:PBI_JK", "ID DTKS": "register_person_id", "NO": None}
SIKS = {"nik": "nik", "nama": "name", "no_kk": "kk_number", "tgl_lahir": "birth_date", "kode_desa": "village_code",
        "desil_nasional": "desil_national", "bansos_pkh": "program:PKH", "bansos_bpnt": "program:SEMBAKO",
        "pbi_jkn": "program:PBI_JK", "pekerjaan_utama": None, "id_keluarga": "family_id"}


def _spelled(header: str, style: int) -> str:
    """The same header as different offices type it."""
    if style == 1:
        return header.lower()
    if style == 2:
        return header.replace(" ", "_").lower()
    if style == 3:
        return header.title().replace(" ", ". ", 1) if header.startswith("NO ") else header.title()
    return header


@given(st.permutations(list(DISTRICT)), st.lists(st.integers(min_value=0, max_value=3), min_size=19, max_size=19))
def test_the_mapping_follows_the_headers_not_their_order_or_spelling(order: list[str], styles: list[int]) -> None:
    cells = [_spelled(header, style) for header, style in zip(order, styles, strict=True)]
    mapping = propose_mapping(cells, 1)
    for index, header in enumerate(order):
        assert mapping.columns.get(index) == DISTRICT[header], cells[index]
    assert mapping.ambiguous == {}
    assert sorted(normalise_header(h) for h in mapping.unknown) == ["NAMA IBU KANDUNG", "NO"]


@given(st.permutations(list(SIKS)))
def test_siks_snake_case_headers(order: list[str]) -> None:
    mapping = propose_mapping(order, 1)
    assert {header: mapping.headers.get(header) for header in order} == {h: SIKS[h] for h in order}


@pytest.mark.parametrize(("headers", "expected"), [
    (["NAMA IBU KANDUNG", "NAMA"], {"NAMA": "name"}),
    (["NAMA", "NAMA IBU KANDUNG"], {"NAMA": "name"}),
    (["TEMPAT LAHIR", "TGL LAHIR"], {"TEMPAT LAHIR": "birth_place", "TGL LAHIR": "birth_date"}),
    (["ID DTKS", "NOMOR NIK"], {"ID DTKS": "register_person_id", "NOMOR NIK": "nik"}),
    (["KODE DESA", "DESA"], {"KODE DESA": "village_code", "DESA": "village_name"}),
    (["ID DESA", "NIK"], {"NIK": "nik"}),  # a SIKS internal desa id is no desa name
    (["NIK KEPALA KELUARGA", "NIK"], {"NIK": "nik"}),
    (["NIK KEPALA KELUARGA", "NAMA KEPALA KELUARGA"], {"NIK KEPALA KELUARGA": "nik", "NAMA KEPALA KELUARGA": "name"}),
    (["PERIODE PKH", "BANSOS PKH"], {"BANSOS PKH": "program:PKH"}),
    (["JENIS KELAMIN (L/P)", "TANGGAL LAHIR (DD-MM-YYYY)"], {"JENIS KELAMIN (L/P)": "sex",
                                                             "TANGGAL LAHIR (DD-MM-YYYY)": "birth_date"}),
])
def test_an_exact_synonym_beats_a_partial_match(headers: list[str], expected: dict[str, str]) -> None:
    mapping = propose_mapping(headers, 1)
    assert mapping.headers == expected
    assert mapping.ambiguous == {}


def test_two_exact_columns_for_one_field_are_ambiguous_and_the_first_is_used() -> None:
    mapping = propose_mapping(["NIK", "NAMA", "NOMOR NIK", "NIK"], 1)
    assert mapping.ambiguous == {"nik": ("NIK (kolom A)", "NOMOR NIK", "NIK (kolom D)")}
    assert mapping.columns[0] == "nik"


@given(st.dictionaries(st.sampled_from(list(DISTRICT)), st.sampled_from([*layout.FIELD_KEYS, ""]), max_size=5))
def test_an_override_wins_where_its_headers_exist(override: dict[str, str]) -> None:
    headers = list(DISTRICT)
    mapping = propose_mapping(headers, 1, override)
    for key in {k for k in override.values() if k}:
        chosen = [header for header in headers if override.get(header) == key]
        owners = [headers[index] for index, field in mapping.columns.items() if field == key]
        assert owners == chosen[:1]  # no automatic column keeps a field the override gave
        assert mapping.ambiguous.get(key, ()) == (tuple(chosen) if len(chosen) > 1 else ())
    for header in (h for h, key in override.items() if not key):
        assert headers.index(header) not in mapping.columns


@given(st.lists(st.sampled_from(["DATA TUNGGAL SOSIAL DAN EKONOMI NASIONAL", "Keadaan per tanggal: 01 Oktober 2026",
                                 "KABUPATEN SEMARANG", None, "Lampiran 1", "Dicetak oleh SIKS-NG"]),
                max_size=8), st.permutations(list(DISTRICT)))
def test_the_header_row_is_found_below_any_title_rows(titles: list[str | None], headers: list[str]) -> None:
    rows = [(title,) + (None,) * 18 for title in titles]
    rows += [tuple(headers), (1, "3322011505800003", "SLAMET") + (None,) * 16]
    assert find_header_row(rows) == (len(titles), True)


def test_no_header_row_without_two_known_headers() -> None:
    assert find_header_row([("DATA",), ("1", "2"), ("SITI", "KRAJAN")]) is None
    assert find_header_row([("NAMA", "ALAMAT"), ("SITI", "KRAJAN")]) == (0, False)


@given(st.permutations(list(SIKS)), st.lists(st.integers(min_value=0, max_value=3), min_size=11, max_size=11))
def test_the_source_key_ignores_order_case_and_punctuation(order: list[str], styles: list[int]) -> None:
    respelled = [_spelled(header.upper().replace("_", " "), style) for header, style in zip(order, styles,
                                                                                             strict=True)]
    assert source_key(respelled) == source_key(list(SIKS))
    assert source_key([*SIKS, "KETERANGAN"]) != source_key(list(SIKS))


@pytest.mark.parametrize(("rows", "expected"), [
    ([["Keadaan per tanggal: 01 Oktober 2026"]], date(2026, 10, 1)),
    ([["DTKS per tanggal 01-10-2026"]], date(2026, 10, 1)),
    ([["Posisi data 30/09/2026"]], date(2026, 9, 30)),
    ([["Keadaan per tanggal:", datetime(2026, 10, 1)]], date(2026, 10, 1)),
    ([["Keadaan per tanggal:", "1 Okt 2026"]], date(2026, 10, 1)),
    ([["DATA TUNGGAL SOSIAL DAN EKONOMI NASIONAL"], [None], ["PER 31 DESEMBER 2025"]], date(2025, 12, 31)),
    ([["Dicetak tanggal 05-10-2026"]], None),  # a printing date is not the date of the data
    ([["Keadaan per tanggal:"]], None),
    ([], None),
])
def test_the_as_of_date_from_a_title_row(rows: list[list[object]], expected: date | None) -> None:
    assert find_as_of(rows) == expected


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(min_value=0, max_value=2))
def test_as_of_in_every_month(day: date, form: int) -> None:
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember"]
    text = [f"Keadaan per tanggal: {day.day:02d} {months[day.month - 1]} {day.year}",
            f"per tanggal {day:%d-%m-%Y}", f"Data per {day:%d/%m/%Y}"][form]
    assert find_as_of([[text]]) == day


def test_synonyms_name_one_field_each() -> None:
    owners: dict[str, str] = {}
    for key, names in layout._SYNONYMS.items():
        for name in names:
            assert owners.setdefault(name, key) == key, name
            assert header_matches(name) == (key, True)
    for code, names in layout.PROGRAMS.items():
        for name in names:
            assert name not in owners, name
            assert header_matches(name) == (layout.PROGRAM_PREFIX + code, True)


def test_dataset_follows_the_desil_column() -> None:
    with_desil = propose_mapping(["NIK", "NAMA", "DESIL"], 1)
    without = propose_mapping(["NIK", "NAMA", "PKH"], 1)
    assert layout.detect_dataset(with_desil) == "DTSEN"
    assert layout.detect_dataset(without) == "DTKS"
    assert layout.detect_dataset(without, [["DATA DTSEN KECAMATAN GETASAN"]]) == "DTSEN"
