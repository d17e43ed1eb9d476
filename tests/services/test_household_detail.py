"""The household page's read: members with their DTSEN standing (active extracts only) and every record."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.register import RegisterBatch, RegisterRecord
from puskesos_desk.domain.casework import ChangeRequestDraft, ComplaintDraft, NeedDraft, ParticipationDraft
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import NotFound
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdRecord, VisitDraft
from puskesos_desk.services.casework import record_complaint, record_need, record_participation
from puskesos_desk.services.changes import request_change
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.households import casework_choices, household_detail
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.visits import record_visit
from tests.services.factories import CHILD_NIK, HEAD_NIK, WIFE_NIK, family
from tests.services.test_casework import FRIDAY_BEFORE_INDEPENDENCE_DAY, as_role, on_day


def load_extract(ctx: ServiceContext, *, as_of: date, status: str, rows: list[dict[str, Any]]) -> None:
    """A register batch written straight through the ORM (the import itself is tested with its own loader)."""
    with ctx.db.transaction(ctx.actor) as session:
        batch = RegisterBatch(id=new_uuid(), dataset="DTSEN", file_name="dtsen.xlsx", sha256="0" * 64, as_of=as_of,
                              imported_at=datetime(2026, 8, 1, tzinfo=UTC), rows_imported=len(rows), status=status)
        session.add(batch)
        session.flush()
        for row in rows:
            session.add(RegisterRecord(batch_id=batch.id, dataset="DTSEN", name_key=row["name"].lower(), **row))


@pytest.fixture
def koordinator(site_db: Any) -> ServiceContext:
    with sqlite3.connect(site_db.path) as conn:
        (user_id,) = conn.execute("SELECT id FROM user_account WHERE username = 'koordinator'").fetchone()
    ctx = on_day(site_db.cli, FRIDAY_BEFORE_INDEPENDENCE_DAY)
    return replace(ctx, actor=Actor(id=user_id, name="koordinator", role=Role.KOORDINATOR,
                                    site_code=ctx.actor.site_code, site_role=ctx.actor.site_role))


@pytest.fixture
def household(koordinator: ServiceContext) -> HouseholdRecord:
    return register_household(koordinator, family()).household


def test_detail_brings_members_with_their_active_dtsen_rows(koordinator: ServiceContext,
                                                            household: HouseholdRecord) -> None:
    family_rows = [
        {"nik": HEAD_NIK, "name": "SLAMET RIYADI", "kk_number": "3322010101150007", "family_id": "F-1",
         "desil_national": 3, "programs": {"PKH": True, "PBI_JK": {"aktif": True}, "SEMBAKO": False}},
        {"nik": WIFE_NIK, "name": "SITI AMINAH", "family_id": "F-1", "desil_national": 3, "programs": {}},
    ]
    load_extract(koordinator, as_of=date(2025, 12, 31), status="DIGANTI",
                 rows=[{**family_rows[0], "desil_national": 6}, {"nik": CHILD_NIK, "name": "DWI", "desil_national": 6}])
    load_extract(koordinator, as_of=date(2026, 6, 30), status="AKTIF", rows=family_rows)
    detail = household_detail(koordinator, household.id)
    assert detail.household.number == household.number and detail.household.village_name == "Sumogawe"
    by_name = {m.name: m for m in detail.members}
    head = by_name["SLAMET RIYADI"].register
    assert head is not None
    assert (head.dataset, head.desil, head.as_of, head.programs) == ("DTSEN", 3, date(2026, 6, 30), ("PBI_JK", "PKH"))
    assert by_name["DWI LESTARI"].register is None  # only in the replaced extract
    assert detail.register == head
    assert by_name["DWI LESTARI"].age_on(detail.today) == 14


def test_detail_lists_everything_recorded_for_the_household(koordinator: ServiceContext,
                                                            household: HouseholdRecord) -> None:
    head, _wife, child = household.members
    visit = record_visit(koordinator, VisitDraft(
        household_id=household.id, applicant_person_id=head.id, applicant_relation="KELUARGA",
        purpose="Anak butuh PIP", subject_person_ids=(child.id,), consent_purposes=("FOTO_DOKUMEN",)))
    record_complaint(koordinator, ComplaintDraft(household_id=household.id, visit_id=visit.id, person_id=head.id,
                                                 kind="PENGADUAN", category_code="PBI_NONAKTIF",
                                                 description="PBI nonaktif"))
    record_need(koordinator, NeedDraft(household_id=household.id, visit_id=visit.id, person_id=child.id,
                                       domain_code="KESEHATAN", ppks_codes=("PPKS-16", "PPKS-24"),
                                       description="Perlu pendampingan"))
    record_participation(koordinator, ParticipationDraft(household_id=household.id, person_id=head.id,
                                                         program_code="PBI_JK", active=False, source="KABUPATEN"))
    request_change(koordinator, ChangeRequestDraft(household_id=household.id, kind="PINDAH", reason="Kerja",
                                                   person_id=child.id, event_date=date(2026, 8, 1)))
    detail = household_detail(koordinator, household.id)
    (row,) = detail.visits
    assert (row.registration_number, row.applicant_name, row.subject_names, row.officer_name) == (
        visit.registration_number, "SLAMET RIYADI", ("DWI LESTARI",), "Sri Wahyuni")
    assert row.notice_given and row.consent_purposes == ("FOTO_DOKUMEN",)
    assert [(c.number, c.person_name, c.urgency) for c in detail.complaints] == [
        ("KLH-3322012007-2026-00001", "SLAMET RIYADI", "SEGERA")]
    assert detail.needs[0].ppks_codes == ("PPKS-16", "PPKS-24")
    assert [(p.program_code, p.active, p.person_name) for p in detail.participations] == [
        ("PBI_JK", False, "SLAMET RIYADI")]
    assert [(r.kind, r.person_name, r.status) for r in detail.change_requests] == [
        ("PINDAH", "DWI LESTARI", "MENUNGGU")]
    assert detail.member(child.id) is not None and detail.member(child.id).ppks == ("PPKS-16", "PPKS-24")  # type: ignore[union-attr]
    assert not detail.specific_data_hidden and detail.local_change_approval is False

    # The front office sees the case but not specific data (HIV is PPKS-16; Fakir Miskin is not specific), and of a
    # child (Dwi is 14) not even the non-specific PPKS: all of a child's data is specific.
    record_need(koordinator, NeedDraft(household_id=household.id, person_id=head.id, domain_code="TUNAI",
                                       ppks_codes=("PPKS-16", "PPKS-24"), description="Butuh bantuan"))
    fo_view = household_detail(as_role(koordinator, Role.PETUGAS_FO), household.id)
    assert fo_view.specific_data_hidden
    assert {n.person_id: n.ppks_codes for n in fo_view.needs} == {head.id: ("PPKS-24",), child.id: ()}
    assert fo_view.member(child.id).ppks == ()  # type: ignore[union-attr]


def test_detail_of_an_unknown_household(koordinator: ServiceContext) -> None:
    with pytest.raises(NotFound):
        household_detail(koordinator, new_uuid())


def test_choices_hold_every_list_the_dialogs_offer(koordinator: ServiceContext) -> None:
    choices = casework_choices(koordinator)
    assert [i.code for i in choices.items("urgensi")] == ["DARURAT", "SEGERA", "BIASA"]
    assert len(choices.items("kriteria_262")) == 9 and len(choices.items("kondisi_rumah_atap")) > 3
    assert choices.label("complaint_category", "PBI_NONAKTIF", "en").startswith("PBI-JK")
    assert choices.label("program", "TIDAK_DIKENAL", "id") == "TIDAK_DIKENAL"
