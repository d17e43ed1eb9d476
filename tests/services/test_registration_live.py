"""Live checks of the registration form: NIK decoding for prefill, warnings, duplicates while typing."""

from __future__ import annotations

from datetime import date

from puskesos_desk.services.registration import check_kk_live, check_member_live, register_household
from tests.services.factories import HEAD_NIK, KK_NUMBER, WIFE_NIK, family


def test_valid_nik_gives_birth_date_and_sex_for_prefill(site_db) -> None:
    check = check_member_live(site_db.cli, nik="3322 0160 0785 0004")
    assert check.nik_value == WIFE_NIK and check.nik_errors == () and check.nik_warnings == ()
    assert (check.nik_birth_date, check.nik_sex) == (date(1985, 7, 20), "P")
    assert check.same_nik == () and check.same_identity == ()


def test_nik_warnings_do_not_block_and_errors_are_in_bahasa(site_db) -> None:
    differs = check_member_live(site_db.cli, nik=WIFE_NIK, birth_date=date(1985, 7, 21), sex="L")
    assert differs.nik_errors == ()
    assert any("berbeda dengan tanggal lahir" in w for w in differs.nik_warnings)
    assert any("Menurut NIK, pemiliknya perempuan" in w for w in differs.nik_warnings)
    unknown_region = check_member_live(site_db.cli, nik="3322991505800003")
    assert any("tidak ada dalam daftar Kemendagri" in w for w in unknown_region.nik_warnings)
    short = check_member_live(site_db.cli, nik=HEAD_NIK[:15])
    assert short.nik_value is None and short.nik_errors == (
        "NIK harus 16 digit; yang dimasukkan 15 digit. Satu digit mungkin terlewat atau terpotong; salin ulang "
        "dari KTP atau KK.",)


def test_same_nik_and_likely_duplicates_are_found_while_typing(site_db) -> None:
    household = register_household(site_db.cli, family()).household
    same = check_member_live(site_db.cli, nik=HEAD_NIK, name="Slamet")
    assert [(d.name, d.household_id, d.household_number, d.reason) for d in same.same_nik] == [
        ("SLAMET RIYADI", household.id, "KLG-3322012007-00001", "NIK_SAMA")]
    # Another NIK, but the same person by name (old spelling, title) and birth date: offered for comparison.
    likely = check_member_live(site_db.cli, nik="3322011505800099", name="H. Slamet Rijadi",
                               birth_date=date(1980, 5, 15))
    assert likely.same_nik == () and likely.same_identity == ()  # j→y is not folded: a different name key
    likely = check_member_live(site_db.cli, name="Slamett Riyadi", birth_date=date(1980, 5, 15))
    assert [(d.name, d.reason) for d in likely.same_identity] == [("SLAMET RIYADI", "NAMA_TANGGAL_LAHIR")]
    # Without a typed birth date the NIK's date is used.
    from_nik = check_member_live(site_db.cli, nik="3322011505800099", name="Slamet Riyadi")
    assert [d.name for d in from_nik.same_identity] == ["SLAMET RIYADI"]


def test_kk_live_check(site_db) -> None:
    assert check_kk_live(site_db.cli, "").kk_value is None
    fresh = check_kk_live(site_db.cli, KK_NUMBER)
    assert fresh.kk_value == KK_NUMBER and fresh.errors == () and fresh.households == ()
    register_household(site_db.cli, family())
    again = check_kk_live(site_db.cli, KK_NUMBER)
    assert [(h.name, h.reason) for h in again.households] == [("SLAMET RIYADI", "KK_SAMA")]
    impossible = check_kk_live(site_db.cli, "3322013102150007")  # recorded on 31 February
    assert impossible.kk_value == "3322013102150007" and "tidak ada di kalender" in impossible.errors[0]
