"""A resident's deletion request: refused while a service is under way or while the person heads a household with
other living members; otherwise the person is anonymised, the rows stay, and one PURGE event carries the reason."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from conftest import SITE_CODE, SiteFixture
from sqlalchemy import select

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.casework import Complaint
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.domain.casework import ComplaintDraft
from puskesos_desk.domain.enums import AuditAction, ComplaintStatus, Role, SiteRole
from puskesos_desk.domain.errors import PermissionDenied
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.retention import ANONYMISED_NAME
from puskesos_desk.services.casework import record_complaint
from puskesos_desk.services.complaints import update_complaint_status
from puskesos_desk.services.erasure import ErasureRefused, erase_person
from tests.services.casework_rows import household
from tests.services.factories import HEAD_NIK, WIFE_NIK

REASON = "Permintaan tertulis warga tanggal 20-11-2026"


def _member(site: SiteFixture, household_id: str, nik: str) -> Person:
    with site.db.reading() as session:
        person = session.scalar(select(Person).where(Person.household_id == household_id, Person.nik == nik))
        assert person is not None
        session.expunge(person)
        return person


def _purges(site: SiteFixture) -> list[AuditEvent]:
    with site.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.PURGE.value)))


def test_a_member_is_anonymised_and_the_event_keeps_the_reason_only(site_db: SiteFixture) -> None:
    home = household(site_db.cli)
    wife = _member(site_db, home.id, WIFE_NIK)
    result = erase_person(site_db.cli, wife.id, reason=REASON)
    assert not result.household_anonymised
    with site_db.db.reading() as session:
        after = session.get(Person, wife.id)
        family = session.get(Household, home.id)
        assert after is not None and family is not None
        assert (after.name, after.nik, after.birth_place, after.sex) == (ANONYMISED_NAME, None, "", "P")
        assert after.birth_date is not None and after.birth_date.year == 1985
        assert after.anonymised_at is not None and after.row_version > wife.row_version  # travels in the next package
        assert family.anonymised_at is None and family.head_name == "SLAMET RIYADI"
    [event] = _purges(site_db)
    assert event.reason == REASON and event.entity_id == wife.id
    assert "SITI" not in json.dumps(event.changes).upper() and WIFE_NIK not in json.dumps(event.changes)
    with pytest.raises(ErasureRefused, match="sudah dianonimkan"):
        erase_person(site_db.cli, wife.id, reason=REASON)


def test_an_open_complaint_keeps_the_data_until_it_is_closed(site_db: SiteFixture) -> None:
    home = household(site_db.cli)
    wife = _member(site_db, home.id, WIFE_NIK)
    complaint = record_complaint(site_db.cli, ComplaintDraft(
        household_id=home.id, kind="PENGADUAN", category_code="PBI_NONAKTIF", description="Kartu PBI Siti nonaktif",
        person_id=wife.id))
    with pytest.raises(ErasureRefused, match="1 keluhan"):
        erase_person(site_db.cli, wife.id, reason=REASON)
    assert not _purges(site_db)
    update_complaint_status(site_db.cli, complaint.id, status=ComplaintStatus.SELESAI, answer="Sudah aktif lagi",
                            expected_version=complaint.row_version)
    erase_person(site_db.cli, wife.id, reason=REASON)
    with site_db.db.reading() as session:
        row = session.get(Complaint, complaint.id)
        assert row is not None and (row.description, row.answer, row.status) == (ANONYMISED_NAME, "", "SELESAI")


def test_the_head_of_a_living_household_is_refused(site_db: SiteFixture) -> None:
    home = household(site_db.cli)
    head = _member(site_db, home.id, HEAD_NIK)
    with pytest.raises(ErasureRefused, match="kepala keluarga dengan 2 anggota"):
        erase_person(site_db.cli, head.id, reason=REASON)
    with site_db.db.reading() as session:
        assert session.get(Person, head.id).name == "SLAMET RIYADI"  # type: ignore[union-attr]


def test_an_officer_cannot_erase(site_db: SiteFixture) -> None:
    home = household(site_db.cli)
    wife = _member(site_db, home.id, WIFE_NIK)
    officer = replace(site_db.cli, actor=Actor(id="fo", name="Petugas", role=Role.PETUGAS_FO, site_code=SITE_CODE,
                                               site_role=SiteRole.DESA))
    with pytest.raises(PermissionDenied):
        erase_person(officer, wife.id, reason=REASON)
