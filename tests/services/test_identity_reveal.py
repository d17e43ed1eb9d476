"""Unmasking a NIK / No. KK: a permission, a reason, and an UNMASK audit event that never holds the number."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.domain.enums import AuditAction, Role
from puskesos_desk.domain.errors import InputRejected, PermissionDenied
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.identity_reveal import reveal_ids
from puskesos_desk.services.registration import register_household
from tests.services.factories import CHILD_NIK, KK_NUMBER, WIFE_NIK, family
from tests.services.test_specific_data_views import user_ctx


@pytest.fixture
def koordinator(site_db: Any) -> ServiceContext:
    return user_ctx(site_db, "koordinator", Role.KOORDINATOR)


@pytest.fixture
def household(koordinator: ServiceContext) -> HouseholdRecord:
    return register_household(koordinator, family()).household


def unmask_events(ctx: ServiceContext) -> list[AuditEvent]:
    with ctx.db.reading() as session:
        rows = list(session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.UNMASK.value)
                                    .order_by(AuditEvent.seq)))
        session.expunge_all()
        return rows


def test_the_koordinator_sees_the_full_numbers_and_each_reveal_is_audited(koordinator: ServiceContext,
                                                                         household: HouseholdRecord) -> None:
    wife = household.members[1]
    assert reveal_ids(koordinator, person_id=wife.id, reason="  Verifikasi dokumen   warga ") == WIFE_NIK
    assert reveal_ids(koordinator, household_id=household.id, reason="Pengisian formulir instansi") == KK_NUMBER
    first, second = unmask_events(koordinator)
    assert (first.actor_id, first.entity, first.entity_id, first.changes, first.reason) == (
        koordinator.actor.id, "person", wife.id, {"field": "nik"}, "Verifikasi dokumen warga")
    assert (second.entity, second.entity_id, second.changes, second.reason) == (
        "household", household.id, {"field": "kk_number"}, "Pengisian formulir instansi")
    for event in (first, second):  # the trail says that a number was seen, never the number
        assert WIFE_NIK not in repr(event.changes) and KK_NUMBER not in repr(event.changes)


def test_a_child_nik_is_revealed_to_a_holder_of_specific_data_access(koordinator: ServiceContext,
                                                                     household: HouseholdRecord) -> None:
    assert reveal_ids(koordinator, person_id=household.members[2].id, reason="Pendaftaran PIP") == CHILD_NIK


def test_the_front_office_cannot_unmask(site_db: Any, koordinator: ServiceContext,
                                        household: HouseholdRecord) -> None:
    fo = user_ctx(site_db, "petugas.fo", Role.PETUGAS_FO)
    with pytest.raises(PermissionDenied):
        reveal_ids(fo, person_id=household.members[0].id, reason="Verifikasi dokumen warga")
    with pytest.raises(PermissionDenied):
        reveal_ids(fo, household_id=household.id, reason="Verifikasi dokumen warga")
    assert unmask_events(koordinator) == []


def test_a_reason_is_required(koordinator: ServiceContext, household: HouseholdRecord) -> None:
    with pytest.raises(InputRejected) as caught:
        reveal_ids(koordinator, person_id=household.members[0].id, reason="   ")
    assert caught.value.field == "reason"
    with pytest.raises(InputRejected):
        reveal_ids(koordinator, household_id=household.id, reason="x" * 201)
    assert unmask_events(koordinator) == []
