"""Checking a household against the extract: the three ways a member is tied to a row, the differences field by
field, members missing on either side, which extract is used, and how old it is."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.enums import Role
from puskesos_desk.domain.errors import NotFound, PermissionDenied
from puskesos_desk.domain.extract_check import (
    CheckResult,
    DiffField,
    LinkedBy,
    add_months,
    is_stale,
    months_between,
)
from puskesos_desk.domain.records import HouseholdRecord, MemberDraft
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.extract_check import extract_status, household_check
from puskesos_desk.services.registration import register_household
from tests.services.factories import CHILD_NIK, HEAD_NIK, KK_NUMBER, WIFE_NIK, family
from tests.services.test_casework import as_role

AS_OF = date(2026, 10, 1)
GRANDMA = MemberDraft(name="Painem", relation="ORANG_TUA", sex="P", birth_date=date(1955, 3, 12),
                      nik="3322015203550009")


@pytest.fixture
def ctx(site_db: Any) -> ServiceContext:
    return replace(site_db.cli, clock=lambda: datetime(2026, 11, 23, 3, 0, tzinfo=UTC))


@pytest.fixture
def household(ctx: ServiceContext) -> HouseholdRecord:
    return register_household(ctx, family()).household


def load(ctx: ServiceContext, rows: list[dict[str, Any]], *, dataset: str = "DTSEN", as_of: date = AS_OF) -> str:
    with ctx.db.transaction(ctx.actor) as session:
        return load_register_rows(session, dataset=dataset, as_of=as_of, file_name=f"{dataset}.xlsx", rows=rows)


def row(nik: str | None, name: str, birth: date | None, *, sex: str, relation: str, kk: str | None = KK_NUMBER,
        family_id: str | None = "F-1", desil: int | None = 3, **more: Any) -> dict[str, Any]:
    return {"nik": nik, "name": name, "birth_date": birth, "sex": sex, "relation": relation, "kk_number": kk,
            "family_id": family_id, "desil_national": desil, "programs": {"PKH": True, "SEMBAKO": False}, **more}


HEAD = row(HEAD_NIK, "SLAMET RIYADI", date(1980, 5, 15), sex="L", relation="KEPALA KELUARGA")
WIFE = row(WIFE_NIK, "SITI AMINAH", date(1985, 7, 20), sex="P", relation="ISTRI")
CHILD = row(CHILD_NIK, "DWI LESTARI", date(2012, 2, 1), sex="P", relation="3")  # DTKS code 3: anak


def by_name(check: Any, name: str) -> Any:
    return next(m for m in check.members if m.member.name == name)


def test_every_member_found_by_nik_with_desil_programmes_and_date(ctx: ServiceContext,
                                                                  household: HouseholdRecord) -> None:
    load(ctx, [HEAD, WIFE, CHILD])
    check = household_check(ctx, household.id)
    assert check.extract is not None
    assert (check.extract.dataset, check.extract.as_of, check.extract.rows) == ("DTSEN", AS_OF, 3)
    assert [(m.member.name, m.linked_by) for m in check.members] == [
        ("SLAMET RIYADI", LinkedBy.NIK), ("SITI AMINAH", LinkedBy.NIK), ("DWI LESTARI", LinkedBy.NIK)]
    assert all(m.differences == () for m in check.members)  # "3" is the DTKS code of ANAK: no difference
    assert check.desil == 3
    assert check.programs == ("PKH",)
    assert check.missing == () and check.extract_only == ()
    assert check.result is CheckResult.REGISTERED
    assert not check.suggests_proposal


def test_kk_and_name_tie_a_member_whose_nik_differs_and_report_it_masked(ctx: ServiceContext,
                                                                          household: HouseholdRecord) -> None:
    typo = "3322016007850009"  # the wife's NIK with its serial mistyped at the district
    load(ctx, [HEAD, {**WIFE, "nik": typo}, CHILD])
    wife = by_name(household_check(ctx, household.id), "SITI AMINAH")
    assert wife.linked_by is LinkedBy.KK_NAME
    assert [(d.field, d.here, d.extract) for d in wife.differences] == [
        (DiffField.NIK, "3322••••••••0004", "3322••••••••0009")]


def test_kk_and_a_close_spelling_tie_a_member_but_not_a_sibling(ctx: ServiceContext) -> None:
    draft = family(members=(*family().members,
                            MemberDraft(name="Tri Lestari", relation="ANAK", sex="P", birth_date=date(2015, 6, 9),
                                        no_nik_reason="BELUM_PUNYA")))
    household = register_household(ctx, draft).household
    # The child's NIK is missing in the extract and her name is spelled the old way; "Tri Lestari" is not there.
    load(ctx, [HEAD, WIFE, {**CHILD, "nik": None, "name": "DWI LESTARY"}])
    check = household_check(ctx, household.id)
    child = by_name(check, "DWI LESTARI")
    assert child.linked_by is LinkedBy.KK_NAME
    assert [(d.field, d.here, d.extract) for d in child.differences] == [
        (DiffField.NAME, "DWI LESTARI", "DWI LESTARY")]
    assert by_name(check, "TRI LESTARI").row is None
    assert [m.member.name for m in check.missing] == ["TRI LESTARI"]


def test_name_and_birth_date_tie_a_member_filed_under_another_card(ctx: ServiceContext) -> None:
    draft = family(members=(*family().members, GRANDMA))
    household = register_household(ctx, draft).household
    # Grandmother still on her late husband's card in the extract, without a NIK; her name in the old spelling.
    load(ctx, [HEAD, WIFE, CHILD,
               row(None, "PAINEM", date(1955, 3, 12), sex="P", relation="KEPALA KELUARGA", kk="3322012002900001",
                   family_id="F-2", desil=2)])
    check = household_check(ctx, household.id)
    grandma = by_name(check, "PAINEM")
    assert grandma.linked_by is LinkedBy.NAME_BIRTH_DATE
    assert {d.field for d in grandma.differences} == {DiffField.RELATION, DiffField.KK}
    assert check.desil == 3  # the family's desil: most of its rows say 3


def test_differences_field_by_field(ctx: ServiceContext, household: HouseholdRecord) -> None:
    load(ctx, [
        {**HEAD, "name": "SLAMET RIJADI"},  # Y written J: another name key
        {**WIFE, "birth_date": date(1985, 7, 21), "sex": "L", "relation": "ANAK"},
        {**CHILD, "name": "Dwi  Lestari,"},  # same name, written with other punctuation and spacing
    ])
    check = household_check(ctx, household.id)
    assert [(d.field, d.here, d.extract) for d in by_name(check, "SITI AMINAH").differences] == [
        (DiffField.BIRTH_DATE, "20-07-1985", "21-07-1985"), (DiffField.SEX, "P", "L"),
        (DiffField.RELATION, "ISTRI", "ANAK")]
    assert [d.field for d in by_name(check, "SLAMET RIYADI").differences] == [DiffField.NAME]
    assert by_name(check, "DWI LESTARI").differences == ()
    assert check.result is CheckResult.DIFFERENT


def test_old_spelling_is_the_same_name_written_differently(ctx: ServiceContext) -> None:
    draft = family(members=(MemberDraft(name="Sukarno", relation="KEPALA_KELUARGA", sex="L",
                                        birth_date=date(1980, 5, 15), nik=HEAD_NIK),))
    household = register_household(ctx, draft).household
    load(ctx, [{**HEAD, "name": "SOEKARNO"}])
    (member,) = household_check(ctx, household.id).members
    assert [(d.field, d.here, d.extract) for d in member.differences] == [
        (DiffField.NAME_SPELLING, "SUKARNO", "SOEKARNO")]


def test_members_missing_on_either_side(ctx: ServiceContext, household: HouseholdRecord) -> None:
    load(ctx, [HEAD, WIFE, row("3322010101460001", "KARSO", date(1946, 1, 1), sex="L", relation="6")])
    check = household_check(ctx, household.id)
    assert [m.member.name for m in check.missing] == ["DWI LESTARI"]
    assert [r.name for r in check.extract_only] == ["KARSO"]
    assert check.result is CheckResult.PARTIAL
    assert check.suggests_proposal


def test_a_member_who_died_here_but_is_still_listed(ctx: ServiceContext) -> None:
    draft = family()
    members = list(draft.members)
    members[2] = replace(members[2], residence_status="MENINGGAL")
    household = register_household(ctx, replace(draft, members=tuple(members))).household
    load(ctx, [HEAD, WIFE, CHILD])
    check = household_check(ctx, household.id)
    child = by_name(check, "DWI LESTARI")
    assert [(d.field, d.here, d.extract) for d in child.differences] == [(DiffField.PRESENCE, "MENINGGAL", "ADA")]
    assert not child.missing


def test_household_not_in_the_extract(ctx: ServiceContext, household: HouseholdRecord) -> None:
    load(ctx, [row("3322014101700001", "SARMI", date(1970, 1, 1), sex="P", relation="1", kk="3322010202020002",
                   family_id="F-9")])
    check = household_check(ctx, household.id)
    assert check.found == () and len(check.missing) == 3
    assert check.extract_only == ()  # another family's row is not "missing here"
    assert check.result is CheckResult.NOT_REGISTERED
    assert check.desil is None


def test_without_an_extract(ctx: ServiceContext, household: HouseholdRecord) -> None:
    assert extract_status(ctx) is None
    check = household_check(ctx, household.id)
    assert check.extract is None and check.result is CheckResult.NO_EXTRACT
    assert check.missing and not check.suggests_proposal


def test_dtsen_is_preferred_and_only_active_batches_count(ctx: ServiceContext, household: HouseholdRecord) -> None:
    load(ctx, [{**HEAD, "desil_national": None}], dataset="DTKS", as_of=date(2026, 9, 1))
    load(ctx, [{**HEAD, "desil_national": 7}], as_of=date(2026, 4, 1))
    load(ctx, [HEAD, WIFE, CHILD])  # replaces the April DTSEN extract
    status = extract_status(ctx)
    assert status is not None and (status.dataset, status.as_of) == ("DTSEN", AS_OF)
    check = household_check(ctx, household.id)
    assert check.desil == 3 and len(check.found) == 3


def test_extract_age_and_staleness(ctx: ServiceContext, household: HouseholdRecord) -> None:
    load(ctx, [HEAD], as_of=date(2026, 7, 1))
    status = extract_status(ctx)
    assert status is not None
    assert status.months_old == 4 and status.is_stale  # 1 Jul + 4 months = 1 Nov < 23 Nov
    assert status.imported_by == ctx.actor.id  # the CLI actor has no account name
    load(ctx, [HEAD], as_of=date(2026, 8, 1))
    status = extract_status(ctx)
    assert status is not None and status.months_old == 3 and not status.is_stale


@pytest.mark.parametrize(("as_of", "today", "months", "stale"), [
    (date(2026, 7, 23), date(2026, 11, 23), 4, False),  # exactly four months: not yet
    (date(2026, 7, 22), date(2026, 11, 23), 4, True),
    (date(2026, 10, 31), date(2027, 3, 1), 4, True),  # 31 Oct + 4 months = 28 Feb
    (date(2026, 12, 1), date(2026, 11, 23), 0, False),  # dated ahead: never negative
])
def test_age_arithmetic(as_of: date, today: date, months: int, stale: bool) -> None:
    assert months_between(as_of, today) == months
    assert is_stale(as_of, today) is stale
    assert add_months(date(2026, 10, 31), 4) == date(2027, 2, 28)


def test_needs_a_reader_and_an_existing_household(ctx: ServiceContext, household: HouseholdRecord) -> None:
    with pytest.raises(PermissionDenied):
        household_check(as_role(ctx, Role.ADMIN), household.id)
    with pytest.raises(NotFound):
        household_check(ctx, "no-such-household")


def test_same_name_on_the_same_card_ties_a_member_whose_birth_date_differs(ctx: ServiceContext,
                                                                             household: HouseholdRecord) -> None:
    load(ctx, [HEAD, WIFE, {**CHILD, "nik": None, "birth_date": date(2012, 1, 2)}])
    child = by_name(household_check(ctx, household.id), "DWI LESTARI")
    assert child.linked_by is LinkedBy.KK_NAME
    assert [(d.field, d.here, d.extract) for d in child.differences] == [
        (DiffField.BIRTH_DATE, "01-02-2012", "02-01-2012")]
