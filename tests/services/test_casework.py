"""Complaints, needs and programme participation recorded at the desk, and the visit's notice and consent."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from puskesos_desk.domain.casework import ComplaintDraft, NeedDraft, ParticipationDraft
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import FieldErrors, PermissionDenied
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdRecord, VisitDraft
from puskesos_desk.services.casework import record_complaint, record_need, record_participation
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.visits import record_visit
from tests.services.factories import family

FRIDAY_BEFORE_INDEPENDENCE_DAY = date(2026, 8, 14)  # 17 Aug (Mon) and 25 Aug (Tue) 2026 are holidays


def on_day(ctx: ServiceContext, day: date) -> ServiceContext:
    """The context with its clock at 12:00 WIB of `day` (the same local date in every Indonesian zone)."""
    return replace(ctx, clock=lambda: datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC))


def as_role(ctx: ServiceContext, role: Role) -> ServiceContext:
    return replace(ctx, actor=Actor(id=f"test-{role.value}", name=role.value.lower(), role=role,
                                    site_code=ctx.actor.site_code, site_role=ctx.actor.site_role))


@pytest.fixture
def desk_day(site_db: Any) -> ServiceContext:
    return on_day(site_db.cli, FRIDAY_BEFORE_INDEPENDENCE_DAY)


@pytest.fixture
def household(desk_day: ServiceContext) -> HouseholdRecord:
    return register_household(desk_day, family()).household


def rows(path: Any, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, args).fetchall()


# --- complaints ------------------------------------------------------------------------------------------------------


def test_complaint_gets_a_yearly_number_and_a_due_date_in_working_days(site_db: Any, desk_day: ServiceContext,
                                                                        household: HouseholdRecord) -> None:
    head = household.members[0]
    visit = record_visit(desk_day, VisitDraft(household_id=household.id, applicant_person_id=head.id,
                                              applicant_relation="DIRI_SENDIRI", purpose="PBI nonaktif"))
    first = record_complaint(desk_day, ComplaintDraft(
        household_id=household.id, person_id=head.id, visit_id=visit.id, kind="PENGADUAN",
        category_code="PBI_NONAKTIF", program_code="PBI_JK", description="Kartu KIS ditolak di puskesmas"))
    # The category's default urgency is SEGERA: 3 working days, counted from the day after.
    assert (first.number, first.urgency, first.status) == ("KLH-3322012007-2026-00001", "SEGERA", "BARU")
    assert first.due_date == date(2026, 8, 20)
    second = record_complaint(desk_day, ComplaintDraft(
        household_id=household.id, kind="PERTANYAAN", category_code="LAINNYA", description="Jadwal layanan?"))
    # BIASA: 10 working days, skipping 17 and 25 August.
    assert (second.number, second.urgency, second.due_date) == ("KLH-3322012007-2026-00002", "BIASA", date(2026, 9, 1))
    urgent = record_complaint(desk_day, ComplaintDraft(
        household_id=household.id, kind="PENGADUAN", category_code="LAINNYA", description="Rumah roboh",
        urgency="DARURAT"))
    assert urgent.due_date == date(2026, 8, 18)  # Monday 17 August is Independence Day
    stored = rows(site_db.path, "SELECT number, visit_id, person_id, household_id, program_code, status, due_date "
                                "FROM complaint ORDER BY number")
    assert stored[0] == ("KLH-3322012007-2026-00001", visit.id, head.id, household.id, "PBI_JK", "BARU",
                         "2026-08-20")
    next_year = record_complaint(on_day(site_db.cli, date(2027, 1, 4)), ComplaintDraft(
        household_id=household.id, kind="SARAN", category_code="LAINNYA", description="Buka hari Sabtu"))
    assert next_year.number == "KLH-3322012007-2027-00001"


def test_complaint_deadline_says_when_holiday_data_is_missing(site_db: Any, household: HouseholdRecord) -> None:
    far = on_day(site_db.cli, date(2035, 1, 8))
    record = record_complaint(far, ComplaintDraft(household_id=household.id, kind="SARAN",
                                                  category_code="LAINNYA", description="Saran"))
    assert record.due_note is not None and "2035" in record.due_note


def test_complaint_input_is_checked_and_nothing_is_saved(site_db: Any, desk_day: ServiceContext,
                                                         household: HouseholdRecord) -> None:
    other = register_household(desk_day, family(kk_number="3322010202160003", members=(
        replace(family().members[0], nik="3322010101700005", birth_date=date(1970, 1, 1), name="Muhamad Slamet"),
    ))).household
    with pytest.raises(FieldErrors) as caught:
        record_complaint(desk_day, ComplaintDraft(
            household_id=household.id, person_id=other.members[0].id, kind="KELUHAN", category_code="?",
            program_code="BUKAN_PROGRAM", description="  ", urgency="SANGAT"))
    assert set(caught.value.errors) == {"kind", "category_code", "program_code", "description", "urgency",
                                        "person_id"}
    assert rows(site_db.path, "SELECT count(*) FROM complaint") == [(0,)]


def test_front_office_records_cases_but_an_auditor_cannot(desk_day: ServiceContext,
                                                          household: HouseholdRecord) -> None:
    draft = ComplaintDraft(household_id=household.id, kind="PERTANYAAN", category_code="LAINNYA",
                           description="Syarat PIP?")
    assert record_complaint(as_role(desk_day, Role.PETUGAS_FO), draft).status == "BARU"
    with pytest.raises(PermissionDenied):
        record_complaint(as_role(desk_day, Role.AUDITOR), draft)


# --- needs ---------------------------------------------------------------------------------------------------------


def test_need_adds_new_ppks_categories_to_the_person(site_db: Any, desk_day: ServiceContext,
                                                     household: HouseholdRecord) -> None:
    child = household.members[2]
    first = record_need(desk_day, NeedDraft(
        household_id=household.id, person_id=child.id, domain_code="PENDIDIKAN", proposed_program="PIP",
        ppks_codes=("PPKS-04", "PPKS-01"), description="Anak putus sekolah karena biaya"))
    assert (first.number, first.status, first.due_date) == ("KBT-3322012007-2026-00001", "TERIDENTIFIKASI",
                                                            date(2026, 9, 1))
    assert set(first.ppks_added) == {"PPKS-04", "PPKS-01"}
    second = record_need(desk_day, NeedDraft(
        household_id=household.id, person_id=child.id, domain_code="KESEHATAN", ppks_codes=("PPKS-04",),
        description="Butuh KIS"))
    assert second.ppks_added == ()
    assert sorted(rows(site_db.path, "SELECT ppks_code, source FROM person_ppks WHERE person_id = ?", child.id)) == [
        ("PPKS-01", "Kebutuhan KBT-3322012007-2026-00001"), ("PPKS-04", "Kebutuhan KBT-3322012007-2026-00001"),
    ]
    assert rows(site_db.path, "SELECT domain_code, proposed_program FROM need ORDER BY number") == [
        ("PENDIDIKAN", "PIP"), ("KESEHATAN", None)]


def test_need_input_is_checked(site_db: Any, desk_day: ServiceContext, household: HouseholdRecord) -> None:
    with pytest.raises(FieldErrors) as caught:
        record_need(desk_day, NeedDraft(household_id=household.id, domain_code="MAKAN", ppks_codes=("PPKS-04",),
                                        proposed_program="X", description=""))
    assert set(caught.value.errors) == {"domain_code", "ppks_codes", "proposed_program", "description"}
    assert "pilih warga" in caught.value.errors["ppks_codes"]
    assert rows(site_db.path, "SELECT count(*) FROM need") == [(0,)]


# --- participation ---------------------------------------------------------------------------------------------------


def test_participation_records_an_inactive_pbi_with_its_source(site_db: Any, desk_day: ServiceContext,
                                                               household: HouseholdRecord) -> None:
    wife = household.members[1]
    record = record_participation(desk_day, ParticipationDraft(
        household_id=household.id, person_id=wife.id, program_code="PBI_JK", card_number="0001 2345-6789 012",
        active=False, since=date(2019, 3, 1), source="KARTU_DILIHAT"))
    assert (record.card_number, record.active, record.as_of) == ("000123456789012", False,
                                                                 FRIDAY_BEFORE_INDEPENDENCE_DAY)
    assert rows(site_db.path, "SELECT person_id, program_code, card_number, active, since, source, as_of "
                              "FROM participation") == [
        (wife.id, "PBI_JK", "000123456789012", 0, "2019-03-01", "KARTU_DILIHAT", "2026-08-14")]
    household_wide = record_participation(desk_day, ParticipationDraft(
        household_id=household.id, program_code="PKH", source="PERNYATAAN_WARGA"))
    assert household_wide.person_id is None and household_wide.active


def test_participation_dates_and_source_are_checked(desk_day: ServiceContext, household: HouseholdRecord) -> None:
    with pytest.raises(FieldErrors) as caught:
        record_participation(desk_day, ParticipationDraft(
            household_id=household.id, program_code="PBI_JK", source="TETANGGA", card_number="12/34",
            since=date(2026, 9, 1), as_of=date(2026, 8, 31)))
    assert set(caught.value.errors) == {"source", "card_number", "as_of", "since"}
    with pytest.raises(FieldErrors) as caught:
        record_participation(desk_day, ParticipationDraft(
            household_id=household.id, program_code="PBI_JK", source="KABUPATEN", since=date(2026, 8, 1),
            as_of=date(2026, 7, 1)))
    assert set(caught.value.errors) == {"since"}


# --- visit: who came, notice and consent -----------------------------------------------------------------------------


def test_visit_by_a_neighbour_with_explicit_consent_for_a_child(site_db: Any, desk_day: ServiceContext,
                                                               household: HouseholdRecord) -> None:
    head, _wife, child = household.members
    draft = VisitDraft(household_id=household.id, applicant_person_id="", applicant_name="Bu Darmi",
                       applicant_relation="TETANGGA", purpose="Mengantar anak yang putus sekolah",
                       subject_person_ids=(child.id, head.id), consent_purposes=("RUJUKAN_NON_PEMERINTAH",),
                       consent_method="CAP_JEMPOL")
    with pytest.raises(FieldErrors) as caught:
        record_visit(desk_day, draft)
    assert set(caught.value.errors) == {"guardian_name"}  # a neighbour cannot consent for a child
    visit = record_visit(desk_day, replace(draft, guardian_name="Siti Aminah"))
    assert rows(site_db.path, "SELECT applicant_person_id, applicant_name FROM visit") == [(None, "BU DARMI")]
    consents = rows(site_db.path, "SELECT person_id, legal_basis, purposes, given_by, given_by_name, method "
                                  "FROM consent WHERE visit_id = ? ORDER BY person_id, legal_basis", visit.id)
    expected = {
        (child.id, "PS20A_PERSETUJUAN", '["RUJUKAN_NON_PEMERINTAH"]', "ORANG_TUA_WALI", "SITI AMINAH", "CAP_JEMPOL"),
        (child.id, "PS20E_PELAYANAN_PUBLIK", '["PELAYANAN_RUJUKAN_PEMERINTAH"]', "ORANG_TUA_WALI", "SITI AMINAH",
         "LISAN_TERCATAT"),
        (head.id, "PS20A_PERSETUJUAN", '["RUJUKAN_NON_PEMERINTAH"]', "PENDAMPING", "BU DARMI", "CAP_JEMPOL"),
        (head.id, "PS20E_PELAYANAN_PUBLIK", '["PELAYANAN_RUJUKAN_PEMERINTAH"]', "PENDAMPING", "BU DARMI",
         "LISAN_TERCATAT"),
    }
    assert set(consents) == expected


def test_visit_needs_the_notice_and_members_of_this_household(site_db: Any, desk_day: ServiceContext,
                                                              household: HouseholdRecord) -> None:
    other = register_household(desk_day, family(kk_number="3322010202160003", members=(
        replace(family().members[0], nik="3322010101700005", birth_date=date(1970, 1, 1), name="Muhamad Slamet"),
    ))).household
    with pytest.raises(FieldErrors) as caught:
        record_visit(desk_day, VisitDraft(household_id=household.id, applicant_person_id="", applicant_name="",
                                          applicant_relation="KELUARGA", purpose="Cek", notice_given=False,
                                          consent_purposes=("JUAL_DATA",)))
    assert set(caught.value.errors) == {"notice_given", "applicant", "subject_person_ids", "consent_purposes"}
    with pytest.raises(FieldErrors) as caught:
        record_visit(desk_day, VisitDraft(household_id=household.id, applicant_person_id=household.members[0].id,
                                          applicant_relation="DIRI_SENDIRI", purpose="Cek",
                                          subject_person_ids=(other.members[0].id,)))
    assert set(caught.value.errors) == {"subject_person_ids"}
    assert rows(site_db.path, "SELECT count(*) FROM visit") == [(0,)]


def test_explicit_consent_for_a_child_who_came_alone_needs_a_guardian(site_db: Any, desk_day: ServiceContext,
                                                                     household: HouseholdRecord) -> None:
    child = household.members[2]
    draft = VisitDraft(household_id=household.id, applicant_person_id=child.id, applicant_relation="DIRI_SENDIRI",
                       purpose="Minta foto rumah untuk usulan RTLH", consent_purposes=("FOTO_DOKUMEN",))
    with pytest.raises(FieldErrors) as caught:
        record_visit(desk_day, draft)
    assert set(caught.value.errors) == {"guardian_name"}
    visit = record_visit(desk_day, replace(draft, guardian_name="Slamet Riyadi"))
    assert set(rows(site_db.path, "SELECT legal_basis, given_by, given_by_name FROM consent WHERE visit_id = ?",
                    visit.id)) == {("PS20E_PELAYANAN_PUBLIK", "DIRI_SENDIRI", "DWI LESTARI"),
                                   ("PS20A_PERSETUJUAN", "ORANG_TUA_WALI", "SLAMET RIYADI")}
