"""Visits with their notice/consent records, and person search."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from puskesos_desk.domain.errors import FieldErrors
from puskesos_desk.domain.records import VisitDraft
from puskesos_desk.services.context import local_zone
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.search import search_persons
from puskesos_desk.services.visits import record_visit
from tests.services.factories import KK_NUMBER, family, member


def test_visit_gets_a_daily_registration_number_and_a_notice_per_person(site_db) -> None:
    household = register_household(site_db.cli, family()).household
    head, _wife, child = household.members
    first = record_visit(site_db.cli, VisitDraft(
        household_id=household.id, applicant_person_id=head.id, applicant_relation="KELUARGA",
        purpose="Menanyakan PIP untuk anak", subject_person_ids=(child.id,)))
    second = record_visit(site_db.cli, VisitDraft(
        household_id=household.id, applicant_person_id=head.id, applicant_relation="DIRI_SENDIRI",
        purpose="PBI JK nonaktif"))
    day = first.occurred_at.astimezone(local_zone()).strftime("%Y%m%d")
    assert first.registration_number == f"REG-3322012007-{day}-001"
    assert second.registration_number == f"REG-3322012007-{day}-002"
    with sqlite3.connect(site_db.path) as conn:
        consents = conn.execute("SELECT visit_id, person_id, given_by, notice_given FROM consent ORDER BY given_at")
        rows = consents.fetchall()
    # The child's notice is given by the parent who came (UU PDP Ps. 25); an adult's by themself.
    assert (first.id, child.id, "ORANG_TUA_WALI", 1) in rows
    assert (second.id, head.id, "DIRI_SENDIRI", 1) in rows


def test_visit_input_is_checked(site_db) -> None:
    household = register_household(site_db.cli, family()).household
    with pytest.raises(FieldErrors) as caught:
        record_visit(site_db.cli, VisitDraft(
            household_id=household.id, applicant_person_id=household.members[0].id, applicant_relation="?",
            purpose=" ", occurred_at=datetime.now(UTC) + timedelta(hours=2)))
    assert set(caught.value.errors) == {"purpose", "applicant_relation", "occurred_at"}


def test_search_by_nik_kk_and_name(site_db) -> None:
    register_household(site_db.cli, family())
    other = member(0, family(kk_number="3322010202160003"), name="Muhamad Slamet", nik="3322010101700005",
                   birth_date=__import__("datetime").date(1970, 1, 1))
    other = replace(other, members=other.members[:1], rt="5")
    register_household(site_db.cli, other)

    by_nik = search_persons(site_db.cli, "3322-0115-0580-0003")
    assert [(h.name, h.matched_by) for h in by_nik] == [("SLAMET RIYADI", "NIK")]
    by_kk = search_persons(site_db.cli, KK_NUMBER)
    assert {h.name for h in by_kk} == {"SLAMET RIYADI", "SITI AMINAH", "DWI LESTARI"}
    assert {h.matched_by for h in by_kk} == {"KK"}
    assert search_persons(site_db.cli, "332201150580000") == []  # 15 digits: not a NIK, never a name
    # Name prefix, a word inside the name, old spellings and abbreviations all reach the same person.
    # Names that start with the text come first, then names with a word that starts with it.
    assert [h.name for h in search_persons(site_db.cli, "slam")] == ["SLAMET RIYADI", "MUHAMAD SLAMET"]
    assert [h.name for h in search_persons(site_db.cli, "Mohammad Slamet")] == ["MUHAMAD SLAMET"]
    assert [h.name for h in search_persons(site_db.cli, "M. Slamet")] == ["MUHAMAD SLAMET"]
    assert [h.name for h in search_persons(site_db.cli, "slamet", rt="5")] == ["MUHAMAD SLAMET"]
    hit = search_persons(site_db.cli, "dwi")[0]
    assert (hit.rt, hit.rw, hit.household_number) == ("001", "002", "KLG-3322012007-00001")
