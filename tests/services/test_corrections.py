"""Correcting a registered person's or household's facts: only what changed is written, in one UPDATE audit event
that carries the reason; stale forms, numbers held by another record, anonymised records and roles without the
right are refused and nothing is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from conftest import SITE_CODE, SiteFixture
from sqlalchemy import func, select

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.household import Household, KkHistory, Person
from puskesos_desk.domain.corrections import SpecificCorrection
from puskesos_desk.domain.enums import AuditAction, Role, SiteRole
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected, PermissionDenied
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdRecord, MemberDraft
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.corrections import (
    correct_household,
    correct_person,
    household_for_correction,
    person_for_correction,
)
from puskesos_desk.services.registration import register_household
from tests.services.casework_rows import household
from tests.services.factories import CHILD_NIK, HEAD_NIK, KK_NUMBER, WIFE_NIK, family

REASON = "Salah ketik saat pendaftaran"
NEW_KK = "3322010202160003"


def _as(site: SiteFixture, role: Role) -> ServiceContext:
    return replace(site.cli, actor=Actor(id=f"user-{role.value}", name=role.value, role=role, site_code=SITE_CODE,
                                         site_role=SiteRole.DESA))


def _person_id(site: SiteFixture, nik: str) -> str:
    with site.db.reading() as session:
        found = session.scalar(select(Person.id).where(Person.nik == nik))
    assert found is not None
    return found


def _events(site: SiteFixture, entity_id: str, action: AuditAction) -> list[AuditEvent]:
    with site.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.entity_id == entity_id,
                                                             AuditEvent.action == action.value)
                                    .order_by(AuditEvent.seq)))


def _audit_count(site: SiteFixture) -> int:
    with site.db.reading() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def test_a_name_typo_is_corrected_with_its_key_and_audited_with_the_reason(site_db: SiteFixture) -> None:
    home = household(site_db.cli, head_name="Slamet Riyadu")
    head_id = _person_id(site_db, HEAD_NIK)
    form = person_for_correction(site_db.cli, head_id)
    assert form.current.name == "SLAMET RIYADU" and form.masked_nik == "3322••••••••0003"
    assert form.current.nik is None and form.household_number == home.number

    result = correct_person(site_db.cli, head_id, replace(form.current, name="Slamet  Riyadi", reason=REASON))

    assert result.changed == ("name", "name_key")
    with site_db.db.reading() as session:
        person = session.get(Person, head_id)
        family_row = session.get(Household, home.id)
        assert person is not None and family_row is not None
        assert (person.name, person.name_key) == ("SLAMET RIYADI", normalize_name("Slamet Riyadi"))
        assert person.row_version == form.current.expected_version + 1 == result.row_version
        assert person.nik == HEAD_NIK  # the masked NIK on the form did not touch the stored one
        assert family_row.head_name == "SLAMET RIYADI"  # the lists read the head's name from the household
    [event] = _events(site_db, head_id, AuditAction.UPDATE)
    assert event.reason == REASON and event.entity == "person"
    assert set(event.changes) == {"name", "name_key"}
    before, after = event.changes["name"]["before"], event.changes["name"]["after"]
    assert before and after and before != after  # names are personal data: logged as keyed hashes, never in clear
    assert "RIYAD" not in str(event.changes).upper()
    [head_event] = _events(site_db, home.id, AuditAction.UPDATE)
    assert head_event.reason == REASON and set(head_event.changes) == {"head_name"}


def test_a_corrected_nik_is_checked_and_hashed_in_the_audit(site_db: SiteFixture) -> None:
    household(site_db.cli)
    wife_id = _person_id(site_db, WIFE_NIK)
    form = person_for_correction(site_db.cli, wife_id)
    with pytest.raises(FieldErrors) as bad:
        correct_person(site_db.cli, wife_id, replace(form.current, nik="33220160078500", reason=REASON))
    assert "16" in bad.value.errors["nik"]
    new_nik = "3322016007850005"
    correct_person(site_db.cli, wife_id, replace(form.current, nik=new_nik, reason="Sesuai KTP terbaru"))
    [event] = _events(site_db, wife_id, AuditAction.UPDATE)
    assert set(event.changes) == {"nik"} and event.reason == "Sesuai KTP terbaru"
    assert str(event.changes["nik"]["after"]).startswith("hmac:") and new_nik not in str(event.changes)


def test_a_nik_another_live_person_holds_is_refused_naming_their_household(site_db: SiteFixture) -> None:
    first = household(site_db.cli)
    second = register_other_family(site_db)
    other_id = _person_id(site_db, "3322015003900002")
    form = person_for_correction(site_db.cli, other_id)
    before = _audit_count(site_db)
    with pytest.raises(FieldErrors) as refused:
        correct_person(site_db.cli, other_id, replace(form.current, nik=HEAD_NIK, reason=REASON))
    assert first.number in refused.value.errors["nik"] and second.number not in refused.value.errors["nik"]
    assert _audit_count(site_db) == before
    with site_db.db.reading() as session:
        assert session.scalar(select(Person.nik).where(Person.id == other_id)) == "3322015003900002"


def register_other_family(site: SiteFixture) -> HouseholdRecord:
    head = MemberDraft(name="Wati Rahayu", relation="KEPALA_KELUARGA", sex="P", birth_date=date(1990, 3, 10),
                       nik="3322015003900002")
    return register_household(site.cli, family(members=(head,), kk_number="", no_kk_reason="HILANG")).household


def test_a_stale_form_gets_conflict_and_writes_nothing(site_db: SiteFixture) -> None:
    household(site_db.cli)
    head_id = _person_id(site_db, HEAD_NIK)
    form = person_for_correction(site_db.cli, head_id)
    correct_person(site_db.cli, head_id, replace(form.current, birth_place="Ungaran", reason=REASON))
    with pytest.raises(Conflict, match="Muat ulang"):
        correct_person(site_db.cli, head_id, replace(form.current, name="Slamet R", reason=REASON))
    with site_db.db.reading() as session:
        assert session.scalar(select(Person.name).where(Person.id == head_id)) == "SLAMET RIYADI"
    assert len(_events(site_db, head_id, AuditAction.UPDATE)) == 1


def test_specific_data_needs_the_right_to_see_it(site_db: SiteFixture) -> None:
    household(site_db.cli)
    head_id = _person_id(site_db, HEAD_NIK)
    officer = _as(site_db, Role.PETUGAS_BO)  # may correct records, may not see specific data
    form = person_for_correction(officer, head_id)
    assert not form.specific_shown and form.current.specific is None
    with pytest.raises(PermissionDenied, match="data spesifik"):
        correct_person(officer, head_id, replace(form.current, reason=REASON,
                                                 specific=SpecificCorrection(disability=("FISIK",))))
    with pytest.raises(PermissionDenied):  # the front office neither
        correct_person(_as(site_db, Role.PETUGAS_FO), head_id,
                       replace(form.current, reason=REASON, specific=SpecificCorrection(disability=("FISIK",))))
    coordinator = _as(site_db, Role.KOORDINATOR)
    form = person_for_correction(coordinator, head_id)
    assert form.specific_shown and form.current.specific == SpecificCorrection()
    correct_person(coordinator, head_id, replace(form.current, reason="Permintaan warga",
                                                 specific=SpecificCorrection(disability=("FISIK",))))
    with site_db.db.reading() as session:
        assert session.scalar(select(Person.disability).where(Person.id == head_id)) == ["FISIK"]
    person_for_correction(coordinator, head_id)  # now holds disability data: the view is audited
    [view] = _events(site_db, head_id, AuditAction.VIEW_SENSITIVE)
    assert view.changes["kinds"] == ["disabilitas"] and view.actor_id == "user-KOORDINATOR"


def test_a_child_is_corrected_only_by_a_role_that_may_see_specific_data(site_db: SiteFixture) -> None:
    household(site_db.cli)
    child_id = _person_id(site_db, CHILD_NIK)
    with pytest.raises(PermissionDenied, match="anak"):
        person_for_correction(_as(site_db, Role.PETUGAS_BO), child_id)
    form = person_for_correction(_as(site_db, Role.KOORDINATOR), child_id)
    assert _events(site_db, child_id, AuditAction.VIEW_SENSITIVE)[0].changes["kinds"] == ["data_anak"]
    assert form.current.birth_date == date(2012, 2, 1)


@pytest.mark.parametrize("role", [Role.OPERATOR_SIKS, Role.ADMIN, Role.AUDITOR])
def test_roles_without_edit_rights_are_refused(site_db: SiteFixture, role: Role) -> None:
    home = household(site_db.cli)
    head_id = _person_id(site_db, HEAD_NIK)
    form = person_for_correction(site_db.cli, head_id)
    ctx = _as(site_db, role)
    with pytest.raises(PermissionDenied):
        person_for_correction(ctx, head_id)
    with pytest.raises(PermissionDenied):
        correct_person(ctx, head_id, replace(form.current, name="X", reason=REASON))
    with pytest.raises(PermissionDenied):
        household_for_correction(ctx, home.id)


def test_an_anonymised_person_or_household_is_refused(site_db: SiteFixture) -> None:
    home = household(site_db.cli)
    head_id = _person_id(site_db, HEAD_NIK)
    form = person_for_correction(site_db.cli, head_id)
    household_form = household_for_correction(site_db.cli, home.id)
    with site_db.db.transaction(site_db.cli.actor) as session:
        moment = datetime(2026, 1, 5, tzinfo=UTC)
        session.get(Person, head_id).anonymised_at = moment  # type: ignore[union-attr]
        session.get(Household, home.id).anonymised_at = moment  # type: ignore[union-attr]
    with pytest.raises(InputRejected, match="dianonimkan"):
        correct_person(site_db.cli, head_id, replace(form.current, name="Siapa", reason=REASON))
    with pytest.raises(InputRejected, match="dianonimkan"):
        person_for_correction(site_db.cli, head_id)
    with pytest.raises(InputRejected, match="dianonimkan"):
        correct_household(site_db.cli, home.id, replace(household_form.current, rt="9", reason=REASON))


def test_a_reason_is_required_and_no_change_writes_nothing(site_db: SiteFixture) -> None:
    household(site_db.cli)
    head_id = _person_id(site_db, HEAD_NIK)
    form = person_for_correction(site_db.cli, head_id)
    with pytest.raises(FieldErrors) as missing:
        correct_person(site_db.cli, head_id, replace(form.current, name="Slamet Riyadi S", reason=" ok "))
    assert set(missing.value.errors) == {"reason"}
    before = _audit_count(site_db)
    with pytest.raises(InputRejected, match="Tidak ada data yang berubah"):
        correct_person(site_db.cli, head_id, replace(form.current, reason=REASON))
    assert _audit_count(site_db) == before


def test_a_household_correction_writes_kk_history_and_normalises_rt_rw(site_db: SiteFixture) -> None:
    home = household(site_db.cli)
    form = household_for_correction(site_db.cli, home.id)
    assert form.masked_kk == "3322••••••••0007" and form.current.rt == "001"
    result = correct_household(site_db.cli, home.id, replace(form.current, kk_number=NEW_KK, rt="4",
                                                             address="Dusun Krajan RT 4", reason="KK baru terbit"))
    assert result.changed == ("address", "kk_number", "rt")
    with site_db.db.reading() as session:
        row = session.get(Household, home.id)
        assert row is not None and (row.kk_number, row.rt) == (NEW_KK, "004")
        history = list(session.scalars(select(KkHistory).where(KkHistory.household_id == home.id)
                                       .order_by(KkHistory.created_at)))
    assert [(h.kk_number, h.valid_to is None) for h in history] == [(KK_NUMBER, False), (NEW_KK, True)]
    assert history[1].reason == "Koreksi: KK baru terbit"
    [event] = _events(site_db, home.id, AuditAction.UPDATE)
    assert event.reason == "KK baru terbit" and set(event.changes) == {"address", "kk_number", "rt"}
    assert event.changes["rt"] == {"before": "001", "after": "004"}


def test_a_kk_another_household_holds_is_refused(site_db: SiteFixture) -> None:
    first = household(site_db.cli)
    second = register_other_family(site_db)
    form = household_for_correction(site_db.cli, second.id)
    with pytest.raises(FieldErrors) as refused:
        correct_household(site_db.cli, second.id, replace(form.current, kk_number=KK_NUMBER, reason=REASON))
    assert first.number in refused.value.errors["kk_number"]
    with pytest.raises(FieldErrors) as bad:
        correct_household(site_db.cli, second.id, replace(form.current, rt="1a", postal_code="507", reason=REASON))
    assert set(bad.value.errors) == {"rt", "postal_code"}


def test_a_stale_household_form_gets_conflict(site_db: SiteFixture) -> None:
    home = household(site_db.cli)
    form = household_for_correction(site_db.cli, home.id)
    correct_household(site_db.cli, home.id, replace(form.current, hamlet="Krajan Lor", reason=REASON))
    with pytest.raises(Conflict):
        correct_household(site_db.cli, home.id, replace(form.current, hamlet="Krajan Kidul", reason=REASON))


def test_the_back_office_corrects_an_adult(site_db: SiteFixture) -> None:
    household(site_db.cli)
    wife_id = _person_id(site_db, WIFE_NIK)
    officer = _as(site_db, Role.PETUGAS_BO)
    form = person_for_correction(officer, wife_id)
    result = correct_person(officer, wife_id, replace(form.current, birth_place="Salatiga", religion="ISLAM",
                                                      reason="Permintaan warga"))
    assert result.changed == ("birth_place", "religion")
    [event] = _events(site_db, wife_id, AuditAction.UPDATE)
    assert event.actor_id == "user-PETUGAS_BO"


def test_a_birth_date_the_kept_nik_contradicts_is_saved_with_a_warning(site_db: SiteFixture) -> None:
    household(site_db.cli)
    head_id = _person_id(site_db, HEAD_NIK)
    form = person_for_correction(site_db.cli, head_id)
    result = correct_person(site_db.cli, head_id, replace(form.current, birth_date=date(1980, 6, 15),
                                                          reason="Sesuai akta kelahiran"))
    assert "birth_date" in result.changed and result.warnings.get("nik")
    with site_db.db.reading() as session:
        person = session.get(Person, head_id)
        assert person is not None and person.birth_date == date(1980, 6, 15) and person.nik == HEAD_NIK
        assert person.nik_check["warnings"]
