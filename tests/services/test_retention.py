"""The anonymisation job on a village whose year of demo work ended in 2019, plus a household registered today:
old closed cases lose their identifying data, recent and open ones keep it, the monthly recap of an old month gives
the same figures, the PURGE event names ids and counts but no removed value, and a second run does nothing."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from backends import DbLocation, clone, drop, rows
from conftest import SITE_CODE, SITE_NAME, SiteFixture, cloned_fixture
from sqlalchemy import select

from puskesos_desk.data.db import Database
from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.casework import Complaint, Need, Visit
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.proposals import DtsenProposal, HouseholdChangeRequest
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.data.repositories import name_search
from puskesos_desk.domain.enums import AuditAction, Role, SiteRole
from puskesos_desk.domain.errors import FieldErrors, InputRejected, PermissionDenied
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.reports import ReportKind, ReportMonth, ReportRequest
from puskesos_desk.domain.retention import ANONYMISED_NAME, RecordType
from puskesos_desk.services import retention
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.report_recap import build_recap
from puskesos_desk.services.site import initialise_site
from tests.services.casework_rows import household

THEN = datetime(2019, 11, 20, 3, 0, tzinfo=UTC)
AGED_TABLES = ("household", "person", "visit", "complaint", "need", "referral", "dtsen_proposal",
               "household_change_request", "participation")
OLD_MONTH = ReportMonth(2019, 6)
CLOSED_REFERRAL = ("SELESAI", "DITOLAK", "DIBATALKAN")


@pytest.fixture(scope="module")
def old_village(seeded_location: DbLocation, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbLocation]:
    location = clone(seeded_location, tmp_path_factory.mktemp("retention"), "old.db")
    db = Database(location.url)
    initialise_site(ServiceContext(db, Actor.cli("pytest"), lambda: THEN), code=SITE_CODE, name=SITE_NAME,
                    role=SiteRole.DESA, admin_username="admin", admin_full_name="Admin Desa",
                    admin_password="admin-desa-rahasia-1", address="Jl. Raya Sumogawe No. 1")
    generate_demo(ServiceContext(db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA),
                                 lambda: THEN), households=30, seed=7)
    db.dispose()
    # The demo backdates the casework but stamps some rows with the real time: the whole village was last touched
    # in 2019 (the literal moment is UTC on both backends).
    for table in AGED_TABLES:
        rows(location, f"UPDATE {table} SET updated_at = '2019-11-20 03:00:00.000000'")
    yield location
    drop(location)


@pytest.fixture
def village(old_village: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    actor = Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA)
    with cloned_fixture(old_village, tmp_path, "old.db", actor) as site:
        yield site


def _now(site: SiteFixture) -> ServiceContext:
    return site.cli


def _recap(ctx: ServiceContext) -> object:
    document = build_recap(ctx, ReportRequest(ReportKind.RECAP, OLD_MONTH), ProgressSink())
    return document.sections


def _households_with_open_cases(site: SiteFixture) -> set[str]:
    with site.db.reading() as session:
        def live(model: Any, is_open: Any) -> Iterable[str]:
            return session.scalars(select(model.household_id).where(model.deleted_at.is_(None), is_open))

        open_referrals = live(Referral, Referral.status.not_in(CLOSED_REFERRAL))
        open_complaints = live(Complaint, Complaint.status.in_(("BARU", "DITANGANI", "DIRUJUK")))
        open_needs = live(Need, Need.status.in_(("TERIDENTIFIKASI", "DIRUJUK")))
        open_proposals = live(DtsenProposal, DtsenProposal.status.in_(("DRAFT", "SIAP_MUSDES", "DIAJUKAN")))
        pending_changes = live(HouseholdChangeRequest, HouseholdChangeRequest.status == "MENUNGGU")
        return {*open_referrals, *open_complaints, *open_needs, *open_proposals, *pending_changes}


def _purge_events(site: SiteFixture) -> list[AuditEvent]:
    with site.db.reading() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.PURGE.value)))


def test_old_closed_households_are_anonymised_recent_and_open_ones_are_not(village: SiteFixture) -> None:
    ctx = _now(village)
    recent = household(ctx, head_name="Sumarni Baru Datang")
    still_open = _households_with_open_cases(village)
    assert still_open, "the demo leaves some cases open"
    with village.db.reading() as session:
        before = {p.id: (p.name, p.nik, p.birth_date, p.sex, p.household_id) for p in session.scalars(select(Person))}
        visits_before = {v.id: (v.status, v.channel, v.occurred_at, v.purpose) for v in session.scalars(select(Visit))}

    recap_before = _recap(ctx)
    preview = retention.preview(ctx)
    assert preview.households > 0 and preview.persons > 0
    summary = retention.run(ctx, reason="Berita acara pemusnahan arsip No. 1/2026")
    assert summary.preview == preview
    assert _recap(ctx) == recap_before  # the old month counts the same

    with village.db.reading() as session:
        people = {p.id: p for p in session.scalars(select(Person))}
        households = {h.id: h for h in session.scalars(select(Household))}
        visits = {v.id: v for v in session.scalars(select(Visit))}
    assert set(people) == set(before) and set(visits) == set(visits_before)  # no row is deleted
    anonymised = [h for h in households.values() if h.anonymised_at is not None]
    assert len(anonymised) == preview.households
    for home in households.values():
        members = [p for p in people.values() if p.household_id == home.id]
        if home.id == recent.id or home.id in still_open:
            assert home.anonymised_at is None and home.head_name != ANONYMISED_NAME
            assert all(p.anonymised_at is None and p.name == before[p.id][0] for p in members)
            continue
        assert home.head_name == ANONYMISED_NAME and home.kk_number is None and home.address == ANONYMISED_NAME
        for person in members:
            name, _nik, born, sex, _ = before[person.id]
            assert person.name == ANONYMISED_NAME and person.nik is None and person.phone is None
            assert person.sex == sex  # the categories stay
            assert person.birth_date == (None if born is None else born.replace(month=7, day=1))
    for visit_id, (status, channel, occurred, _purpose) in visits_before.items():
        visit = visits[visit_id]
        assert (visit.status, visit.channel, visit.occurred_at) == (status, channel, occurred)
        if households[visit.household_id].anonymised_at is not None:
            assert visit.purpose == ANONYMISED_NAME
    assert households[recent.id].head_name == "SUMARNI BARU DATANG"

    # The event lists ids and counts, and none of the removed names or NIKs.
    [event] = _purge_events(village)
    assert event.reason == "Berita acara pemusnahan arsip No. 1/2026"
    text = json.dumps(event.changes)
    assert sorted(event.changes["household_ids"]) == sorted(h.id for h in anonymised)
    assert event.changes["counts"]["person"] == preview.persons
    assert event.changes["settings"] == {"case_records": 5, "extract_rows": 3, "parked_rows": 12}
    removed = [before[pid] for pid in event.changes["person_ids"]]
    assert removed
    for name, nik, *_ in removed:
        assert name not in text
        assert nik is None or nik not in text

    # The name search no longer finds an old name.
    name, *_ = removed[0]
    with village.db.reading() as session:
        hits = name_search.search(session, name.upper())
    assert event.changes["person_ids"][0] not in {hit.person_id for hit in hits}

    # A second run finds nothing and writes nothing.
    again = retention.run(ctx, reason="Berita acara pemusnahan arsip No. 2/2026")
    assert again.preview.is_empty and again.audit_event_id is None
    assert len(_purge_events(village)) == 1


def test_a_longer_period_keeps_everything(village: SiteFixture) -> None:
    ctx = _now(village)
    retention.save_retention_settings(ctx, {RecordType.CASE_RECORDS: 10})
    assert retention.retention_settings(ctx).period(RecordType.CASE_RECORDS) == 10
    assert retention.preview(ctx).households == 0


def test_settings_are_checked_and_permissions_enforced(village: SiteFixture) -> None:
    ctx = _now(village)
    with pytest.raises(FieldErrors):
        retention.save_retention_settings(ctx, {RecordType.CASE_RECORDS: 0})
    with pytest.raises(InputRejected):
        retention.run(ctx, reason=" ")
    officer = replace(ctx, actor=Actor(id="fo", name="Petugas", role=Role.PETUGAS_FO, site_code=SITE_CODE,
                                       site_role=SiteRole.DESA))
    with pytest.raises(PermissionDenied):
        retention.run(officer, reason="Berita acara No. 3")
    with pytest.raises(PermissionDenied):
        retention.save_retention_settings(officer, {RecordType.CASE_RECORDS: 6})
    assert not _purge_events(village)
