from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from puskesos_desk.domain.enums import SiteRole as SiteRoleEnum
from puskesos_desk.domain.site_code import SiteCode, SiteCodeError, parse_site_code, region_name, region_path


@pytest.mark.parametrize("raw", ["33.22.01.2007", "3322012007", " 33.22.01.2007 ", "33 22 01 2007", "3322\u00a0012007"])
def test_desa(raw: str) -> None:
    site = parse_site_code(raw, "desa")
    assert site == SiteCode(code="33.22.01.2007", role="desa", province="33", regency="33.22", district="33.22.01")
    assert not site.is_kelurahan
    assert not site.is_kota
    assert region_name(site.code) == "Sumogawe"


def test_kelurahan_in_a_kota() -> None:
    site = parse_site_code("33.73.04.1001", "desa")
    assert site.is_kelurahan
    assert site.is_kota
    assert site.district == "33.73.04"
    assert region_path(site.code) == "Kecandran, Sidomukti, Kota Salatiga, Jawa Tengah"


@pytest.mark.parametrize(("raw", "is_kota"), [("33.22", False), ("3322", False), ("33.73", True), ("3373", True)])
def test_kabupaten_and_kota(raw: str, is_kota: bool) -> None:
    site = parse_site_code(raw, "kabupaten")
    assert site.role == "kabupaten"
    assert site.code == site.regency
    assert site.province == "33"
    assert site.district is None
    assert site.is_kota is is_kota
    assert not site.is_kelurahan


def test_enum_role_is_accepted() -> None:
    # The services pass the StrEnum member's value; the member itself works as well.
    site = parse_site_code("33.22.01.2007", SiteRoleEnum.DESA)  # type: ignore[arg-type]
    assert site.role == "desa"
    assert type(site.role) is str


@pytest.mark.parametrize(
    ("raw", "role", "fragment"),
    [
        ("33.22", "desa", "Kode 33.22 adalah kode kabupaten/kota; untuk Puskesos desa/kelurahan gunakan format "
                          "PP.KK.CC.DDDD, misalnya 33.22.01.2007."),
        ("3322", "desa", "Kode 33.22 adalah kode kabupaten/kota"),
        ("33.22.01", "desa", "Kode 33.22.01 adalah kode kecamatan"),
        ("33", "desa", "Kode 33 adalah kode provinsi"),
        ("33.22.01.2007", "kabupaten", "Kode 33.22.01.2007 adalah kode desa/kelurahan; untuk Puskesos "
                                       "kabupaten/kota gunakan format PP.KK, misalnya 33.22."),
    ],
)
def test_wrong_level(raw: str, role: str, fragment: str) -> None:
    with pytest.raises(SiteCodeError) as info:
        parse_site_code(raw, role)  # type: ignore[arg-type]
    assert fragment in str(info.value)
    assert info.value.code == raw


@pytest.mark.parametrize(("raw", "role"), [("33.22.01.9999", "desa"), ("3322019999", "desa"), ("33.99", "kabupaten")])
def test_unknown_code(raw: str, role: str) -> None:
    with pytest.raises(SiteCodeError, match="tidak ada dalam daftar Kemendagri") as info:
        parse_site_code(raw, role)  # type: ignore[arg-type]
    assert info.value.code == raw
    assert str(info.value).startswith(f"Kode wilayah {'33.99' if role == 'kabupaten' else '33.22.01.9999'} tidak")


@pytest.mark.parametrize(
    "raw", ["", "   ", "abc", "33.22.1.2007", "33-22-01-2007", "332201200", "33.22.01.2007.1", "33..22", "３３２２"]
)
def test_garbage(raw: str) -> None:
    with pytest.raises(SiteCodeError) as info:
        parse_site_code(raw, "desa")
    assert info.value.code == raw
    assert "PP.KK.CC.DDDD" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_unknown_role_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="Peran situs"):
        parse_site_code("33.22", "provinsi")  # type: ignore[arg-type]


def test_region_helpers() -> None:
    assert region_name("33.22") == "Kabupaten Semarang"
    assert region_name("3322012007") == "Sumogawe"
    assert region_path("33.22.01.2007") == "Sumogawe, Getasan, Kabupaten Semarang, Jawa Tengah"
    assert region_name("33.22.01.9999") is None
    assert region_path("33.22.01.9999") is None
    assert region_name("") is None
    assert region_path("garbage") is None


@given(st.text(max_size=20), st.sampled_from(["desa", "kabupaten"]))
def test_never_raises_anything_but_site_code_error(raw: str, role: str) -> None:
    error: SiteCodeError | None = None
    try:
        site = parse_site_code(raw, role)  # type: ignore[arg-type]
    except SiteCodeError as exc:
        error = exc
    if error is None:
        assert region_name(site.code) is not None
    else:
        assert str(error)
        assert error.code == raw
