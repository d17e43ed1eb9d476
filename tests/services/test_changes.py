"""Household change requests: pending until approved; the Koordinator approves locally only where the site allows
it, and an approval changes persons, memberships and the head in the same transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from puskesos_desk.domain.casework import ChangeRequestDraft
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected, PermissionDenied
from puskesos_desk.domain.records import HouseholdRecord, MemberDraft
from puskesos_desk.services.changes import (
    decide_change,
    local_change_approval,
    request_change,
    set_local_change_approval,
)
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from tests.services.factories import family
from tests.services.test_casework import FRIDAY_BEFORE_INDEPENDENCE_DAY, as_role, on_day

SON = MemberDraft(name="Agus Riyadi", relation="ANAK", sex="L", birth_date=date(1995, 3, 10), nik="3322011003950001")
DAUGHTER_IN_LAW = MemberDraft(name="Rina Wati", relation="MENANTU", sex="P", birth_date=date(1997, 6, 12),
                              nik="3322015206970001")


@pytest.fixture
def fo(site_db: Any) -> ServiceContext:
    return as_role(on_day(site_db.cli, FRIDAY_BEFORE_INDEPENDENCE_DAY), Role.PETUGAS_FO)


@pytest.fixture
def koordinator(site_db: Any) -> ServiceContext:
    return as_role(on_day(site_db.cli, FRIDAY_BEFORE_INDEPENDENCE_DAY), Role.KOORDINATOR)


@pytest.fixture
def local_approval(site_db: Any) -> None:
    set_local_change_approval(as_role(site_db.cli, Role.ADMIN), enabled=True)


@pytest.fixture
def household(fo: ServiceContext) -> HouseholdRecord:
    draft = family()
    return register_household(fo, replace(draft, members=(*draft.members, SON, DAUGHTER_IN_LAW))).household


def member(household: HouseholdRecord, name: str) -> str:
    return next(m.id for m in household.members if m.name == name)


def query(path: Any, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, args).fetchall()


def test_local_approval_is_a_setting_only_admin_changes(site_db: Any, koordinator: ServiceContext) -> None:
    assert local_change_approval(koordinator) is False
    with pytest.raises(PermissionDenied):
        set_local_change_approval(koordinator, enabled=True)
    admin = as_role(site_db.cli, Role.ADMIN)
    set_local_change_approval(admin, enabled=True)
    assert local_change_approval(koordinator) is True and local_change_approval(admin) is True
    with pytest.raises(PermissionDenied):  # an account without a role reads nothing
        local_change_approval(replace(koordinator, actor=replace(koordinator.actor, role=None)))


def test_new_member_waits_and_is_added_when_the_koordinator_approves(
        site_db: Any, fo: ServiceContext, koordinator: ServiceContext, household: HouseholdRecord) -> None:
    baby = MemberDraft(name="Bayu Riyadi", relation="CUCU", sex="L", birth_date=date(2026, 7, 1),
                       no_nik_reason="BAYI")
    request = request_change(fo, ChangeRequestDraft(household_id=household.id, kind="TAMBAH_ANGGOTA",
                                                    reason="Kelahiran cucu", new_member=baby))
    assert (request.number, request.status) == ("PRB-3322012007-2026-00001", "MENUNGGU")
    assert query(site_db.path, "SELECT count(*) FROM person WHERE name = 'BAYU RIYADI'") == [(0,)]
    # Refused for the front office, and for the Koordinator while the site leaves approval to the district.
    with pytest.raises(PermissionDenied):
        decide_change(fo, request_id=request.id, expected_version=request.row_version, approve=True)
    with pytest.raises(InputRejected, match="kabupaten"):
        decide_change(koordinator, request_id=request.id, expected_version=request.row_version, approve=True)
    assert query(site_db.path, "SELECT status FROM household_change_request") == [("MENUNGGU",)]

    set_local_change_approval(as_role(site_db.cli, Role.ADMIN), enabled=True)
    approved = decide_change(koordinator, request_id=request.id, expected_version=request.row_version, approve=True)
    assert (approved.status, approved.decided_where, approved.decided_by) == ("DISETUJUI", "lokal",
                                                                              koordinator.actor.id)
    person_id, household_id, relation, no_nik_reason = query(
        site_db.path, "SELECT id, household_id, relation, no_nik_reason FROM person WHERE name = 'BAYU RIYADI'")[0]
    assert (household_id, relation, no_nik_reason) == (household.id, "CUCU", "BAYI")
    assert approved.payload["added_person_id"] == person_id
    assert query(site_db.path, "SELECT relation, valid_from, valid_to FROM membership WHERE person_id = ?",
                 person_id) == [("CUCU", "2026-08-14", None)]
    with pytest.raises(InputRejected, match="sudah diputuskan"):
        decide_change(koordinator, request_id=request.id, expected_version=approved.row_version, approve=False,
                      reason="x")


@pytest.mark.usefixtures("local_approval")
def test_split_moves_members_to_a_new_household(site_db: Any, fo: ServiceContext, koordinator: ServiceContext,
                                                household: HouseholdRecord) -> None:
    son, wife = member(household, "AGUS RIYADI"), member(household, "RINA WATI")
    draft = ChangeRequestDraft(household_id=household.id, kind="PISAH_KK", reason="Menikah, punya KK sendiri",
                               person_ids=(son, wife), new_head_person_id=son, kk_number="3322010303200004",
                               rt="4")
    with pytest.raises(FieldErrors) as caught:
        request_change(fo, replace(draft, person_ids=(son, wife, household.members[0].id)))
    assert set(caught.value.errors) == {"person_ids", "relations"}
    request = request_change(fo, replace(draft, relations=((wife, "ISTRI"),)))
    decided = decide_change(koordinator, request_id=request.id, expected_version=request.row_version, approve=True)
    new_id = decided.payload["new_household_id"]
    assert query(site_db.path, "SELECT number, kk_number, head_person_id, head_name, rt, rw, address FROM household "
                               "WHERE id = ?", new_id) == [
        ("KLG-3322012007-00002", "3322010303200004", son, "AGUS RIYADI", "004", "002", "Dusun Krajan")]
    assert sorted(query(site_db.path, "SELECT name, household_id, relation FROM person WHERE id IN (?, ?)",
                        son, wife)) == [("AGUS RIYADI", new_id, "KEPALA_KELUARGA"), ("RINA WATI", new_id, "ISTRI")]
    history = query(site_db.path, "SELECT household_id, relation, valid_to FROM membership WHERE person_id = ? "
                                  "ORDER BY valid_from, valid_to IS NULL", son)
    assert history == [(household.id, "ANAK", "2026-08-14"), (new_id, "KEPALA_KELUARGA", None)]
    assert query(site_db.path, "SELECT kk_number FROM kk_history WHERE household_id = ?", new_id) == [
        ("3322010303200004",)]


@pytest.mark.usefixtures("local_approval")
def test_death_of_the_head_hands_the_household_to_the_new_head(
        site_db: Any, fo: ServiceContext, koordinator: ServiceContext, household: HouseholdRecord) -> None:
    head, wife = household.members[0].id, member(household, "SITI AMINAH")
    draft = ChangeRequestDraft(household_id=household.id, kind="MENINGGAL", reason="Meninggal karena sakit",
                               person_id=head, event_date=date(2026, 8, 10))
    with pytest.raises(FieldErrors) as caught:
        request_change(fo, draft)
    assert set(caught.value.errors) == {"new_head_person_id"}
    request = request_change(fo, replace(draft, new_head_person_id=wife))
    with pytest.raises(InputRejected, match=request.number):
        request_change(fo, replace(draft, new_head_person_id=wife))  # the same change is already waiting
    decide_change(koordinator, request_id=request.id, expected_version=request.row_version, approve=True)
    assert query(site_db.path, "SELECT residence_status, household_id FROM person WHERE id = ?", head) == [
        ("MENINGGAL", household.id)]
    assert query(site_db.path, "SELECT valid_to FROM membership WHERE person_id = ?", head) == [("2026-08-10",)]
    assert query(site_db.path, "SELECT head_person_id, head_name FROM household WHERE id = ?", household.id) == [
        (wife, "SITI AMINAH")]
    assert query(site_db.path, "SELECT relation FROM person WHERE id = ?", wife) == [("KEPALA_KELUARGA",)]


@pytest.mark.usefixtures("local_approval")
def test_remove_change_head_reject_and_stale_decisions(site_db: Any, fo: ServiceContext,
                                                       koordinator: ServiceContext,
                                                       household: HouseholdRecord) -> None:
    head, wife = household.members[0].id, member(household, "SITI AMINAH")
    son = member(household, "AGUS RIYADI")
    with pytest.raises(FieldErrors) as caught:
        request_change(fo, ChangeRequestDraft(household_id=household.id, kind="KELUARKAN_ANGGOTA", reason="x",
                                              person_id=head))
    assert "ganti kepala keluarga" in caught.value.errors["person_id"]
    removal = request_change(fo, ChangeRequestDraft(household_id=household.id, kind="KELUARKAN_ANGGOTA",
                                                    reason="Ikut suami ke Semarang", person_id=son))
    with pytest.raises(FieldErrors) as caught:
        decide_change(koordinator, request_id=removal.id, expected_version=removal.row_version, approve=False)
    assert set(caught.value.errors) == {"decision_reason"}
    rejected = decide_change(koordinator, request_id=removal.id, expected_version=removal.row_version, approve=False,
                             reason="Belum ada surat pindah")
    assert rejected.status == "DITOLAK"
    assert query(site_db.path, "SELECT household_id FROM person WHERE id = ?", son) == [(household.id,)]

    removal = request_change(fo, ChangeRequestDraft(household_id=household.id, kind="KELUARKAN_ANGGOTA",
                                                    reason="Surat pindah sudah ada", person_id=son))
    with pytest.raises(Conflict, match="Muat ulang"):
        decide_change(koordinator, request_id=removal.id, expected_version=removal.row_version + 1, approve=True)
    decide_change(koordinator, request_id=removal.id, expected_version=removal.row_version, approve=True)
    assert query(site_db.path, "SELECT household_id FROM person WHERE id = ?", son) == [(None,)]
    assert query(site_db.path, "SELECT valid_to FROM membership WHERE person_id = ?", son) == [("2026-08-14",)]

    with pytest.raises(FieldErrors) as caught:
        request_change(fo, ChangeRequestDraft(household_id=household.id, kind="GANTI_KEPALA", reason="Sakit",
                                              person_id=wife))
    assert set(caught.value.errors) == {"relations"}
    change = request_change(fo, ChangeRequestDraft(household_id=household.id, kind="GANTI_KEPALA",
                                                   reason="Suami sakit berat", person_id=wife,
                                                   relations=((head, "SUAMI"),)))
    decide_change(koordinator, request_id=change.id, expected_version=change.row_version, approve=True)
    assert sorted(query(site_db.path, "SELECT id, relation FROM person WHERE id IN (?, ?)", head, wife)) == sorted(
        [(head, "SUAMI"), (wife, "KEPALA_KELUARGA")])
    assert query(site_db.path, "SELECT head_name FROM household WHERE id = ?", household.id) == [("SITI AMINAH",)]


@pytest.mark.usefixtures("local_approval")
def test_adding_a_registered_person_moves_them_in(site_db: Any, fo: ServiceContext, koordinator: ServiceContext,
                                                  household: HouseholdRecord) -> None:
    lone = register_household(fo, family(kk_number="3322010202160003", members=(
        MemberDraft(name="Sukinem", relation="KEPALA_KELUARGA", sex="P", birth_date=date(1950, 1, 1),
                    nik="3322014101500002"),))).household
    request = request_change(fo, ChangeRequestDraft(
        household_id=household.id, kind="TAMBAH_ANGGOTA", reason="Ibu ikut tinggal",
        new_member=MemberDraft(name="Sukinem", relation="ORANG_TUA", sex="P", birth_date=date(1950, 1, 1),
                               nik="3322014101500002")))
    assert request.payload["existing_person_id"] == lone.members[0].id
    decide_change(koordinator, request_id=request.id, expected_version=request.row_version, approve=True)
    assert query(site_db.path, "SELECT count(*), household_id, relation FROM person WHERE nik = ?",
                 "3322014101500002") == [(1, household.id, "ORANG_TUA")]
    assert sorted(query(site_db.path, "SELECT household_id, valid_to IS NULL FROM membership WHERE person_id = ?",
                        lone.members[0].id)) == sorted([(lone.id, 0), (household.id, 1)])
