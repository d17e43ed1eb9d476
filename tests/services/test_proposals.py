"""DTSEN proposals: a frozen snapshot of the family, the Kepmensos 262 answers, and the way to the operator."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from puskesos_desk.domain.casework import HOUSING_ITEMS, ProposalDraft
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected, PermissionDenied
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.infra.paths import resource_path
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.proposals import advance_proposal, create_proposal
from puskesos_desk.services.registration import register_household
from tests.services.factories import HEAD_NIK, family
from tests.services.test_casework import FRIDAY_BEFORE_INDEPENDENCE_DAY, as_role, on_day

HOUSING = (("atap", "SENG"), ("dinding", "ANYAMAN_BAMBU"), ("lantai", "TANAH"), ("sumber_air", "SUMUR_TAK_TERLINDUNG"),
           ("penerangan", "PLN_450"), ("bahan_bakar", "KAYU_BAKAR"), ("fasilitas_bab", "UMUM"))


def criteria_codes() -> list[str]:
    with resource_path("reference", "enums.json").open(encoding="utf-8") as handle:
        return [item["kode"] for item in json.load(handle)["items"]["kriteria_262"]]


@pytest.fixture
def desk_day(site_db: Any) -> ServiceContext:
    return on_day(site_db.cli, FRIDAY_BEFORE_INDEPENDENCE_DAY)


@pytest.fixture
def household(desk_day: ServiceContext) -> HouseholdRecord:
    return register_household(desk_day, family()).household


def new_proposal(household: HouseholdRecord, **changes: Any) -> ProposalDraft:
    answers = tuple((code, code in ("KK_TIDAK_BEKERJA", "LANTAI_TANAH_PLESTERAN")) for code in criteria_codes())
    draft = ProposalDraft(household_id=household.id, kind="BARU", housing=HOUSING, criteria=answers,
                          requested_programs=("PKH", "PBI"), notes="Belum pernah terdata")
    return replace(draft, **changes)


def query(path: Any, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, args).fetchall()


def test_new_proposal_freezes_the_family_and_keeps_the_housing(site_db: Any, desk_day: ServiceContext,
                                                               household: HouseholdRecord) -> None:
    proposal = create_proposal(desk_day, new_proposal(household))
    assert (proposal.number, proposal.status, proposal.kind) == ("USL-3322012007-2026-00001", "DRAFT", "BARU")
    # 20 working days from Friday 14 August 2026, skipping 17 and 25 August.
    assert proposal.due_date == date(2026, 9, 15)
    assert proposal.criteria_met == 2 and proposal.requested_programs == ("PKH", "PBI")
    assert next((m.name, m.relation, m.nik) for m in proposal.members) == ("SLAMET RIYADI", "KEPALA_KELUARGA",
                                                                            HEAD_NIK)
    assert len(proposal.members) == 3
    (housing,) = query(site_db.path, "SELECT housing FROM household WHERE id = ?", household.id)[0]
    assert json.loads(housing) == dict(HOUSING)
    # Later edits of the person do not change what was proposed.
    with sqlite3.connect(site_db.path) as conn:
        conn.execute("UPDATE person SET name = 'SLAMET R.' WHERE id = ?", (household.members[0].id,))
    (snapshot,) = query(site_db.path, "SELECT members_snapshot FROM dtsen_proposal")[0]
    assert json.loads(snapshot)[0]["name"] == "SLAMET RIYADI"


def test_new_proposal_needs_housing_criteria_and_programmes(site_db: Any, desk_day: ServiceContext,
                                                            household: HouseholdRecord) -> None:
    with pytest.raises(FieldErrors) as caught:
        create_proposal(desk_day, new_proposal(household, housing=(("atap", "DAUN_EMAS"),), criteria=(),
                                               requested_programs=("PKH", "TIDAK_ADA")))
    assert {f"housing.{item}" for item in HOUSING_ITEMS} | {"criteria", "requested_programs"} == set(
        caught.value.errors)
    assert query(site_db.path, "SELECT count(*) FROM dtsen_proposal") == [(0,)]
    # An objection (sanggah) is about data already in DTSEN: housing and criteria are optional there.
    objection = create_proposal(desk_day, new_proposal(household, kind="SANGGAH", housing=(), criteria=(),
                                                       requested_programs=("TIDAK_ADA",)))
    assert objection.kind == "SANGGAH"


def test_one_open_proposal_per_household(desk_day: ServiceContext, household: HouseholdRecord) -> None:
    first = create_proposal(desk_day, new_proposal(household))
    with pytest.raises(InputRejected, match=first.number):
        create_proposal(desk_day, new_proposal(household, kind="PERBAIKAN_DATA"))


def test_proposal_goes_to_the_operator_only_after_the_musdes(site_db: Any, desk_day: ServiceContext,
                                                             household: HouseholdRecord) -> None:
    proposal = create_proposal(desk_day, new_proposal(household))
    with pytest.raises(InputRejected):
        advance_proposal(desk_day, proposal_id=proposal.id, expected_version=proposal.row_version,
                         to_status="DIAJUKAN")
    ready = advance_proposal(desk_day, proposal_id=proposal.id, expected_version=proposal.row_version,
                             to_status="SIAP_MUSDES")
    with pytest.raises(FieldErrors) as caught:
        advance_proposal(desk_day, proposal_id=proposal.id, expected_version=ready.row_version, to_status="DIAJUKAN")
    assert set(caught.value.errors) == {"musdes_date", "musdes_minutes_number"}
    with pytest.raises(FieldErrors) as caught:
        advance_proposal(desk_day, proposal_id=proposal.id, expected_version=ready.row_version, to_status="DIAJUKAN",
                         musdes_date=date(2026, 8, 20), musdes_minutes_number="140/12/VIII/2026")
    assert set(caught.value.errors) == {"musdes_date"}  # in the future
    later = on_day(desk_day, date(2026, 8, 28))
    sent = advance_proposal(later, proposal_id=proposal.id, expected_version=ready.row_version, to_status="DIAJUKAN",
                            musdes_date=date(2026, 8, 26), musdes_minutes_number="140/12/VIII/2026")
    assert (sent.status, sent.musdes_date, sent.musdes_minutes_number) == ("DIAJUKAN", date(2026, 8, 26),
                                                                           "140/12/VIII/2026")
    assert sent.due_date == date(2026, 9, 25)  # follow-up moves on: 20 working days after 28 August
    with pytest.raises(Conflict, match="Muat ulang"):
        advance_proposal(later, proposal_id=proposal.id, expected_version=ready.row_version, to_status="DITERIMA")
    with pytest.raises(FieldErrors) as caught:
        advance_proposal(later, proposal_id=proposal.id, expected_version=sent.row_version, to_status="DITOLAK")
    assert set(caught.value.errors) == {"notes"}
    done = advance_proposal(later, proposal_id=proposal.id, expected_version=sent.row_version, to_status="DITERIMA",
                            notes="Masuk penetapan triwulan III")
    assert done.status == "DITERIMA" and done.due_date is None
    assert query(site_db.path, "SELECT status_before, status_after FROM follow_up WHERE entity = 'proposal' "
                               "AND entity_id = ? ORDER BY occurred_at, status_after", proposal.id) == [
        ("DRAFT", "SIAP_MUSDES"), ("SIAP_MUSDES", "DIAJUKAN"), ("DIAJUKAN", "DITERIMA")]
    assert "Masuk penetapan triwulan III" in done.verification_notes


def test_who_may_propose(desk_day: ServiceContext, household: HouseholdRecord) -> None:
    with pytest.raises(PermissionDenied):
        create_proposal(as_role(desk_day, Role.PETUGAS_FO), new_proposal(household))
    assert create_proposal(as_role(desk_day, Role.OPERATOR_SIKS), new_proposal(household)).status == "DRAFT"
