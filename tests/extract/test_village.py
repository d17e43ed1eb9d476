"""Which rows belong to this Puskesos: by desa code when there is one, else by name within the kecamatan."""

from __future__ import annotations

import pytest

from puskesos_desk.domain.extract_values import read_village_code
from puskesos_desk.domain.extract_village import Belongs, VillageScope, belongs, place_key

SUMOGAWE = VillageScope.for_site("33.22.01.2007", "Sumogawe", "Getasan")


@pytest.mark.parametrize("written", ["Sumogawe", "SUMOGAWE", "Desa Sumogawe", "DESA SUMOGAWE", "Kel. Sumogawe",
                                     "KELURAHAN SUMOGAWE", "  desa   sumogawe ", "DS. SUMOGAWE"])
def test_desa_name_in_any_case_with_or_without_prefix(written: str) -> None:
    assert place_key(written) == "SUMOGAWE"
    assert belongs(SUMOGAWE, None, written, "Kec. Getasan") is Belongs.YES
    assert belongs(SUMOGAWE, None, written) is Belongs.YES  # no kecamatan column: the name decides


@pytest.mark.parametrize(("code", "name", "district", "expected"), [
    ("3322012007", "", "", Belongs.YES),
    ("3322012007", "TAJUK", "", Belongs.YES),  # the code decides when there is one
    ("3322012001", "SUMOGAWE", "GETASAN", Belongs.OTHER_VILLAGE),
    (None, "TAJUK", "GETASAN", Belongs.OTHER_VILLAGE),
    (None, "SUMOGAWE", "TENGARAN", Belongs.OTHER_VILLAGE),  # a desa of the same name in another kecamatan
    (None, "GETASAN", "GETASAN", Belongs.OTHER_VILLAGE),  # Desa Getasan, Kec. Getasan: another desa
    (None, "", "GETASAN", Belongs.UNKNOWN),
])
def test_code_first_then_name_within_the_kecamatan(code, name, district, expected) -> None:
    assert belongs(SUMOGAWE, code, name, district) is expected


@pytest.mark.parametrize(("cell", "digits"), [
    ("33.22.01.2007", "3322012007"), ("3322012007", "3322012007"), (3322012007, "3322012007"),
    (3322012007.0, "3322012007"), ("33 22 01 2007", "3322012007"), ("33.22.01", None), ("", None), (None, None),
])
def test_desa_codes_in_any_spelling(cell, digits) -> None:
    assert read_village_code(cell) == digits


def test_a_kabupaten_secretariat_keeps_its_whole_kabupaten() -> None:
    district = VillageScope.for_site("33.22")
    assert belongs(district, "3322012007") is Belongs.YES
    assert belongs(district, "3373041001") is Belongs.OTHER_VILLAGE
    assert belongs(district, None, "TAJUK") is Belongs.YES
