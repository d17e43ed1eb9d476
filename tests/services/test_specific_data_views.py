"""Specific data on the household page (UU PDP Ps. 4): shown only to VIEW_SPECIFIC_DATA holders, each view audited
per person; a child's row reduced for everyone else."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.users import UserAccount
from puskesos_desk.domain.casework import NeedDraft
from puskesos_desk.domain.enums import AuditAction, Role
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdRecord
from puskesos_desk.services import households as households_service
from puskesos_desk.services.casework import record_need
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.households import household_detail
from puskesos_desk.services.registration import register_household
from tests.services.factories import CHILD_NIK, family, member
from tests.services.test_casework import FRIDAY_BEFORE_INDEPENDENCE_DAY, as_role, on_day


def user_ctx(site_db: Any, username: str, role: Role) -> ServiceContext:
    ctx = on_day(site_db.cli, FRIDAY_BEFORE_INDEPENDENCE_DAY)
    with ctx.db.reading() as session:
        user_id = session.scalar(select(UserAccount.id).where(UserAccount.username == username))
    assert user_id is not None
    return replace(ctx, actor=Actor(id=user_id, name=username, role=role, site_code=ctx.actor.site_code,
                                    site_role=ctx.actor.site_role))


@pytest.fixture
def koordinator(site_db: Any) -> ServiceContext:
    return user_ctx(site_db, "koordinator", Role.KOORDINATOR)


@pytest.fixture
def household(koordinator: ServiceContext) -> HouseholdRecord:
    """Slamet (adult), Siti (adult, physical disability), Dwi (14 on the test day, HIV in a health need)."""
    record = register_household(koordinator, member(1, family(), disability=("FISIK",))).household
    child = record.members[2]
    record_need(koordinator, NeedDraft(household_id=record.id, person_id=child.id, domain_code="PENDIDIKAN",
                                       ppks_codes=("PPKS-16", "PPKS-24"), description="Perlu pendampingan"))
    return record


def sensitive_views(ctx: ServiceContext) -> list[tuple[str, str, list[str]]]:
    with ctx.db.reading() as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.VIEW_SENSITIVE.value)
                               .order_by(AuditEvent.seq))
        return [(row.actor_id, row.entity_id or "", list(row.changes.get("kinds", ()))) for row in rows
                if row.entity == "person"]


def test_a_koordinator_view_of_specific_data_is_audited_per_person(koordinator: ServiceContext,
                                                                    household: HouseholdRecord) -> None:
    head, wife, child = household.members
    detail = household_detail(koordinator, household.id)
    assert detail.member(wife.id).disability == ("FISIK",)  # type: ignore[union-attr]
    assert detail.member(child.id).nik == CHILD_NIK  # type: ignore[union-attr]
    events = sensitive_views(koordinator)
    by_person = {person: kinds for _actor, person, kinds in events}
    assert by_person == {wife.id: ["disabilitas"], child.id: ["ppks_spesifik", "kebutuhan_spesifik", "data_anak"]}
    assert {actor for actor, _p, _k in events} == {koordinator.actor.id}
    assert head.id not in by_person  # nothing specific about him was shown


def test_the_reload_after_a_save_is_not_a_new_view_but_a_later_visit_is(
        koordinator: ServiceContext, household: HouseholdRecord, monkeypatch: pytest.MonkeyPatch) -> None:
    household_detail(koordinator, household.id)
    household_detail(koordinator, household.id)  # the page's reload right after a save
    assert len(sensitive_views(koordinator)) == 2
    monkeypatch.setattr(households_service, "REPEAT_VIEW_WINDOW", timedelta(0))  # opened again later
    household_detail(koordinator, household.id)
    assert len(sensitive_views(koordinator)) == 4


def test_another_user_looking_at_once_is_a_view_of_their_own(site_db: Any, koordinator: ServiceContext,
                                                            household: HouseholdRecord) -> None:
    household_detail(koordinator, household.id)
    manager = replace(koordinator, actor=replace(koordinator.actor, id="other-user", name="other"))
    household_detail(manager, household.id)
    assert [actor for actor, _p, _k in sensitive_views(koordinator)] == [koordinator.actor.id] * 2 + ["other-user"] * 2


def test_the_front_office_sees_no_specific_data_and_a_child_reduced(site_db: Any, koordinator: ServiceContext,
                                                                   household: HouseholdRecord) -> None:
    head, wife, child = household.members
    fo = user_ctx(site_db, "petugas.fo", Role.PETUGAS_FO)
    detail = household_detail(fo, household.id)
    assert detail.specific_data_hidden
    assert detail.member(wife.id).disability == ()  # type: ignore[union-attr]
    row = detail.member(child.id)
    assert row is not None and row.withheld
    assert (row.name, row.nik, row.birth_date, row.birth_place, row.age_on(detail.today), row.relation,
            row.residence_status) == ("DWI LESTARI", "•" * 16, None, "", 14, "ANAK", "ADA")
    assert row.ppks == () and row.education is None and row.school_status is None
    assert [n.ppks_codes for n in detail.needs if n.person_id == child.id] == [()]
    adult = detail.member(head.id)
    assert adult is not None and not adult.withheld and adult.birth_date is not None and adult.nik == head.nik
    assert sensitive_views(fo) == []  # nothing specific was shown, nothing to audit


def test_other_roles_without_specific_access_see_the_child_reduced_too(koordinator: ServiceContext,
                                                                      household: HouseholdRecord) -> None:
    for role in (Role.PETUGAS_BO, Role.OPERATOR_SIKS):
        detail = household_detail(as_role(koordinator, role), household.id)
        assert [m.withheld for m in detail.members] == [False, False, True]
    assert sensitive_views(koordinator) == []
