"""Registering households: errors block with a message per field and save nothing; warnings never block."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, timedelta

import pytest

from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import FieldErrors, PermissionDenied
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from tests.services.factories import HEAD_NIK, KK_NUMBER, family, member


def _count(site_db, table: str) -> int:
    with sqlite3.connect(site_db.path) as conn:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]


def test_household_and_members_are_saved_with_history(site_db) -> None:
    result = register_household(site_db.cli, family())
    household = result.household
    assert household.number == "KLG-3322012007-00001"
    assert household.kk_number == KK_NUMBER and household.rt == "001" and household.rw == "002"
    assert household.village_code == "33.22.01.2007" and household.head_name == "SLAMET RIYADI"
    assert [m.name for m in household.members] == ["SLAMET RIYADI", "SITI AMINAH", "DWI LESTARI"]
    assert result.warnings == {} and result.duplicates == ()
    with sqlite3.connect(site_db.path) as conn:
        members = conn.execute("SELECT count(*) FROM membership WHERE household_id = ?", (household.id,))
        assert members.fetchone()[0] == 3
        assert conn.execute("SELECT kk_number FROM kk_history WHERE household_id = ?",
                            (household.id,)).fetchall() == [(KK_NUMBER,)]
        head_id = conn.execute("SELECT head_person_id FROM household WHERE id = ?", (household.id,)).fetchone()[0]
        assert conn.execute("SELECT nik FROM person WHERE id = ?", (head_id,)).fetchone()[0] == HEAD_NIK
    assert register_household(site_db.cli, family(kk_number="", no_kk_reason="HILANG", members=(
        replace(family().members[0], nik="", no_nik_reason="HILANG"),))).household.number == "KLG-3322012007-00002"


@pytest.mark.parametrize(
    ("draft", "field", "message"),
    [
        (member(0, family(), nik="332201150580000"), "members[0].nik", "16 digit"),
        (member(0, family(), nik="3322011505800000"), "members[0].nik", "0000"),
        (member(2, family(), birth_date=date.today() + timedelta(days=3)), "members[2].birth_date", "masa depan"),
        (member(1, family(), relation="KEPALA_KELUARGA"), "members", "Hanya boleh ada satu kepala keluarga"),
        (member(0, family(), relation="ANAK"), "members", "tepat satu kepala keluarga"),
        (family(rt="1a"), "rt", "hanya berisi angka"),
        (family(rw=""), "rw", "wajib diisi"),
        (member(2, family(), nik=HEAD_NIK), "members[2].nik", "sudah dipakai anggota ke-1"),
        (member(1, family(), nik="", no_nik_reason=""), "members[1].nik", "alasan"),
        (family(kk_number="", no_kk_reason=""), "kk_number", "alasan"),
        (family(address="  "), "address", "Alamat wajib"),
        (family(members=()), "members", "paling sedikit satu"),
    ],
)
def test_bad_input_is_refused_per_field_and_nothing_is_saved(site_db, draft, field: str, message: str) -> None:
    before = (_count(site_db, "household"), _count(site_db, "person"))
    with pytest.raises(FieldErrors) as caught:
        register_household(site_db.cli, draft)
    assert field in caught.value.errors and message in caught.value.errors[field]
    assert (_count(site_db, "household"), _count(site_db, "person")) == before


def test_member_listed_twice_by_name_and_birth_date(site_db) -> None:
    draft = family()
    twin = replace(draft.members[1], nik="")  # same person typed again without NIK
    draft = replace(draft, members=(*draft.members, replace(twin, no_nik_reason="TIDAK_TAHU", name="siti  aminah")))
    with pytest.raises(FieldErrors) as caught:
        register_household(site_db.cli, draft)
    assert "tercatat dua kali" in caught.value.errors["members[3].name"]


def test_warnings_do_not_block(site_db) -> None:
    # NIK typed with separators, and a birth date corrected after the NIK was issued: both are warnings.
    draft = member(0, family(), nik="3322 0115 0580 0003", birth_date=date(1980, 5, 16))
    result = register_household(site_db.cli, draft)
    messages = " ".join(result.warnings["members[0].nik"])
    assert "tanggal lahir" in messages.lower()
    assert result.household.members[0].nik == HEAD_NIK


def test_possible_duplicates_are_recorded_but_never_block(site_db) -> None:
    first = register_household(site_db.cli, family())
    again = register_household(site_db.cli, family(kk_number="", no_kk_reason="TIDAK_TAHU", members=(
        family().members[0],  # same NIK
        replace(family().members[1], nik="", no_nik_reason="TIDAK_TAHU", name="Sitti Aminah"),  # same person, typo
        replace(family().members[0], relation="ANAK", nik="", no_nik_reason="BAYI", name="Bayu",
                birth_date=date.today() - timedelta(days=40)),
    )))
    reasons = {(d.member_index, d.reason) for d in again.duplicates}
    assert (0, "NIK_SAMA") in reasons and (1, "NAMA_TANGGAL_LAHIR") in reasons
    with sqlite3.connect(site_db.path) as conn:
        flagged = dict(conn.execute("SELECT name, duplicate_of FROM person WHERE household_id = ?",
                                    (again.household.id,)).fetchall())
    original = {m.name: m.id for m in first.household.members}
    assert flagged["SLAMET RIYADI"] == original["SLAMET RIYADI"]
    assert flagged["SITTI AMINAH"] == original["SITI AMINAH"]
    assert flagged["BAYU"] is None


def test_a_role_without_the_permission_is_refused(site_db) -> None:
    admin = ServiceContext(site_db.db, Actor(id="u-admin", name="admin", role=Role.ADMIN, site_code="33.22.01.2007"))
    with pytest.raises(PermissionDenied, match="tidak berwenang"):
        register_household(admin, family())
    fo = ServiceContext(site_db.db, Actor(id="u-fo", name="fo", role=Role.PETUGAS_FO, site_code="33.22.01.2007"))
    assert register_household(fo, family()).household.members
