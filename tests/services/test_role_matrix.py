"""Every role × every action, through the services (issue 10): who may do what is decided in the service layer, so
a role refused an action gets PermissionDenied from the service itself and nothing is written, and a role allowed it
gets the action done.

The division of work is written out here a second time, from the SLRT guidelines rather than from the code: FO
registers and logs, BO handles cases and drafts, the Koordinator decides and signs, the Admin manages accounts and
settings and sees no case data, the Auditor reads. The first test holds the code's matrix to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from backends import rows as rows_of
from backends import scalar
from conftest import SITE_CODE, SiteFixture

import tests.services.casework_rows as rows
from puskesos_desk.data.orm.household import Person
from puskesos_desk.data.repositories import reference
from puskesos_desk.domain.audit_log import AuditFilter
from puskesos_desk.domain.breach import BreachReport, DataCategory, ExposureKind
from puskesos_desk.domain.casework import ChangeRequestDraft, ComplaintDraft, ProposalDraft
from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import ComplaintStatus, Role, SiteRole
from puskesos_desk.domain.errors import DatabaseProblem, PermissionDenied
from puskesos_desk.domain.permissions import ROLE_PERMISSIONS, Actor, Permission
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft, VisitDraft
from puskesos_desk.domain.referrals import ReferralDraft
from puskesos_desk.services import (
    accounts,
    audit_log,
    backups,
    breach,
    changes,
    complaints,
    corrections,
    duplicates,
    exchange_queries,
    households,
    identity_reveal,
    proposals,
    referral_queries,
    referrals,
    registration,
    retention,
    service_freshness,
    site,
    subject_access,
    visits,
)
from puskesos_desk.services.agency_workbook import write_agency_template
from puskesos_desk.services.casework import record_complaint
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.slips import issue_slip
from tests.services.duplicate_rows import VILLAGE_A, VILLAGE_B, Member, add_family, district_site
from tests.services.factories import HEAD_NIK, family
from tests.services.test_proposals import HOUSING, criteria_codes

P = Permission
R = Role
DESA_ROLES = (R.ADMIN, R.KOORDINATOR, R.PETUGAS_FO, R.PETUGAS_BO, R.OPERATOR_SIKS)
KABUPATEN_ROLES = (R.ADMIN, R.MANAJER_SLRT, R.PETUGAS_SEKRETARIAT, R.OPERATOR_KABUPATEN, R.AUDITOR)
CASE_ROLES = frozenset(set(DESA_ROLES + KABUPATEN_ROLES) - {R.ADMIN})

# Who holds each permission, from the division of work (not from the code).
EXPECTED: dict[Permission, frozenset[Role]] = {
    P.VIEW_CASES: CASE_ROLES,
    P.VIEW_REPORTS: CASE_ROLES,
    P.REGISTER: frozenset({R.PETUGAS_FO, R.PETUGAS_BO, R.KOORDINATOR}),
    P.EDIT_RECORDS: frozenset({R.PETUGAS_BO, R.KOORDINATOR, R.PETUGAS_SEKRETARIAT}),
    P.RECORD_VISIT: frozenset({R.PETUGAS_FO, R.PETUGAS_BO, R.KOORDINATOR}),
    P.HANDLE_CASE: frozenset({R.PETUGAS_BO, R.KOORDINATOR, R.MANAJER_SLRT, R.PETUGAS_SEKRETARIAT}),
    P.CREATE_REFERRAL: frozenset({R.PETUGAS_BO, R.KOORDINATOR}),
    P.APPROVE_REFERRAL: frozenset({R.KOORDINATOR, R.MANAJER_SLRT}),
    P.APPROVE_HOUSEHOLD_CHANGE: frozenset({R.KOORDINATOR, R.MANAJER_SLRT}),
    P.PROPOSE_DTSEN: frozenset({R.PETUGAS_BO, R.KOORDINATOR, R.OPERATOR_SIKS}),
    P.IMPORT_DATA: frozenset({R.KOORDINATOR, R.OPERATOR_SIKS, R.MANAJER_SLRT, R.PETUGAS_SEKRETARIAT,
                              R.OPERATOR_KABUPATEN}),
    P.EXPORT_DATA: frozenset({R.KOORDINATOR, R.OPERATOR_SIKS, R.MANAJER_SLRT, R.PETUGAS_SEKRETARIAT,
                              R.OPERATOR_KABUPATEN}),
    P.VIEW_SPECIFIC_DATA: frozenset({R.KOORDINATOR, R.MANAJER_SLRT}),
    P.UNMASK_ID: frozenset({R.KOORDINATOR, R.MANAJER_SLRT}),
    P.MANAGE_USERS: frozenset({R.ADMIN}),
    P.MANAGE_SETTINGS: frozenset({R.ADMIN}),
    P.MANAGE_SERVICE_DIRECTORY: frozenset({R.ADMIN, R.MANAJER_SLRT, R.PETUGAS_SEKRETARIAT, R.OPERATOR_KABUPATEN}),
    P.RESTORE_BACKUP: frozenset({R.ADMIN}),
    P.VIEW_AUDIT: frozenset({R.ADMIN, R.KOORDINATOR, R.MANAJER_SLRT, R.AUDITOR}),
    P.INITIALISE_SITE: frozenset(),  # the CLI only: `puskesos-desk init`
    P.MERGE_PERSONS: frozenset({R.MANAJER_SLRT}),
    P.HANDLE_DATA_REQUESTS: frozenset({R.KOORDINATOR, R.MANAJER_SLRT}),
    P.APPLY_RETENTION: frozenset({R.KOORDINATOR, R.MANAJER_SLRT}),
    P.BREACH_RESPONSE: frozenset({R.KOORDINATOR, R.MANAJER_SLRT}),
}
# Permissions whose service arrives with a later issue; the walk below covers every other one.
LATER: dict[Permission, str] = {}

DAY = date(2026, 3, 2)
NEW_HEAD_NIK = "3322011207750005"  # man, 12-07-1975, Kec. Getasan
NEW_KK = "3322010101160003"
DISTRICT = "33.22"


def test_the_declared_matrix_is_the_division_of_work() -> None:
    for permission in Permission:
        holders = frozenset(role for role in Role if permission in ROLE_PERMISSIONS[role])
        assert holders == EXPECTED[permission], permission


def test_an_account_with_a_case_role_besides_admin_holds_both() -> None:
    admin = Actor(id="u1", name="kades", role=R.ADMIN, site_code=SITE_CODE, site_role=SiteRole.DESA)
    assert not admin.can(P.VIEW_CASES) and admin.can(P.MANAGE_USERS)
    both = replace(admin, extra_roles=(R.KOORDINATOR,))
    assert both.can(P.VIEW_CASES) and both.can(P.APPROVE_REFERRAL) and both.can(P.MANAGE_USERS)


def test_the_cli_actor_holds_every_permission_of_its_site_and_is_audited(site_db: SiteFixture) -> None:
    cli = site_db.cli
    assert all(cli.actor.can(permission) for permission in Permission)
    record = registration.register_household(rows.clocked(cli, DAY), family()).household
    actors = rows_of(site_db, "SELECT DISTINCT actor_id, actor_name FROM audit_event WHERE entity_id = ?", record.id)
    assert actors == [("cli:pytest", "cli:pytest")]


# --- the walk -------------------------------------------------------------------------------------------------------


@dataclass
class Stage:
    """A site with one of everything an action needs, made by the CLI actor before the role acts."""

    site: SiteFixture
    cli: ServiceContext
    folder: Path
    household_id: str = ""
    person_id: str = ""
    complaint_id: str = ""
    complaint_version: int = 0
    referral_id: str = ""
    change_id: str = ""
    change_version: int = 0
    pair: tuple[str, str] = ("", "")
    backup: Path | None = None  # a backup of the site (SQLite), for the restore check
    correction: Any = None  # the head's stored facts, as the correction form is prefilled with them

    def as_role(self, role: Role) -> ServiceContext:
        info = self.cli.actor
        actor = Actor(id=f"user-{role.value}", name=f"pengguna {role.value}", role=role, site_code=info.site_code,
                      site_role=info.site_role)
        return rows.clocked(ServiceContext(self.site.db, actor), DAY)


def _desa_stage(site_db: SiteFixture, folder: Path) -> Stage:
    cli = rows.clocked(site_db.cli, DAY)
    stage = Stage(site_db, cli, folder)
    home = rows.household(cli)
    stage.household_id, stage.person_id = home.id, home.members[0].id
    with site_db.db.transaction(cli.actor) as session:
        session.get(Person, stage.person_id).disability = ["FISIK"]  # specific data on the page
    complaint = record_complaint(cli, ComplaintDraft(
        household_id=home.id, kind="PENGADUAN", category_code="PBI_NONAKTIF", description="PBI nonaktif"))
    stage.complaint_id, stage.complaint_version = complaint.id, complaint.row_version
    with site_db.db.reading() as session:
        service = next(s for s in reference.services(session) if s.code == "DINSOS-PBI-REAKTIVASI")
    stage.referral_id = referrals.create_referral(cli, ReferralDraft(
        household_id=home.id, person_id=stage.person_id, service_id=service.id, requested_service="PBI-JK",
        problem_summary="PBI nonaktif", documents_attached=tuple(service.required_documents[:2]))).id
    _sent_referral(stage)
    changes.set_local_change_approval(cli, enabled=True)
    request = changes.request_change(cli, ChangeRequestDraft(household_id=home.id, kind="PINDAH",
                                                             person_id=home.members[2].id, reason="Kuliah di kota",
                                                             event_date=DAY, destination="Kota Semarang"))
    stage.change_id, stage.change_version = request.id, request.row_version
    if site_db.db.is_sqlite:
        stage.backup = backups.create_backup(cli, folder / "cadangan").path
    return _prefill(stage)


def _new_family() -> HouseholdDraft:
    head = MemberDraft(name="Joko Susilo", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1975, 7, 12),
                       nik=NEW_HEAD_NIK)
    return replace(family(), members=(head,), kk_number=NEW_KK)


Action = Callable[[Stage, ServiceContext], object]

DESA_ACTIONS: dict[str, tuple[Permission, Action]] = {
    "lihat keluarga": (P.VIEW_CASES, lambda s, c: households.household_detail(c, s.household_id)),
    "lihat laporan": (P.VIEW_REPORTS, lambda s, c: referral_queries.service_statistics(c)),
    "daftarkan keluarga": (P.REGISTER, lambda s, c: registration.register_household(c, _new_family())),
    "koreksi data warga": (P.EDIT_RECORDS, lambda s, c: _correct_person(s, c)),
    "catat kunjungan": (P.RECORD_VISIT, lambda s, c: visits.record_visit(c, VisitDraft(
        household_id=s.household_id, applicant_person_id=s.person_id, applicant_relation="DIRI_SENDIRI",
        purpose="Menanyakan PKH"))),
    "tangani keluhan": (P.HANDLE_CASE, lambda s, c: complaints.update_complaint_status(
        c, s.complaint_id, status=ComplaintStatus.DITANGANI, expected_version=s.complaint_version)),
    "buat rujukan": (P.CREATE_REFERRAL, lambda s, c: referrals.create_referral(c, _referral_draft(s))),
    "setujui rujukan": (P.APPROVE_REFERRAL, lambda s, c: referrals.approve_referral(c, s.referral_id)),
    "putuskan perubahan KK": (P.APPROVE_HOUSEHOLD_CHANGE, lambda s, c: changes.decide_change(
        c, request_id=s.change_id, expected_version=s.change_version, approve=False, reason="Belum ada surat")),
    "usulkan DTSEN": (P.PROPOSE_DTSEN, lambda s, c: proposals.create_proposal(c, _proposal(s))),
    "impor": (P.IMPORT_DATA, lambda s, c: exchange_queries.waiting_rows(c)),
    "ekspor": (P.EXPORT_DATA, lambda s, c: write_agency_template(c, s.folder / f"{c.actor.id}.xlsx")),
    "buka NIK": (P.UNMASK_ID, lambda s, c: identity_reveal.reveal_ids(c, person_id=s.person_id,
                                                                     reason="Verifikasi dokumen warga")),
    "kelola akun": (P.MANAGE_USERS, lambda s, c: accounts.list_accounts(c)),
    "ubah pengaturan": (P.MANAGE_SETTINGS, lambda s, c: changes.set_local_change_approval(c, enabled=True)),
    "lihat audit": (P.VIEW_AUDIT, lambda s, c: audit_log.list_events(c, AuditFilter(), 0, 20)),
    "siapkan situs": (P.INITIALISE_SITE, lambda s, c: site.initialise_site(
        c, code=SITE_CODE, name="Lagi", role=SiteRole.DESA, admin_username="admin2", admin_full_name="Admin",
        admin_password="rahasia-sekali-9", address="-")),
    "salinan data warga": (P.HANDLE_DATA_REQUESTS, lambda s, c: subject_access.person_dossier(c, s.person_id)),
    "pratinjau retensi": (P.APPLY_RETENTION, lambda s, c: retention.preview(c)),
    "kebocoran data": (P.BREACH_RESPONSE, lambda s, c: breach.affected_persons(c, _breach())),
    "periksa cadangan untuk dipulihkan": (P.RESTORE_BACKUP, lambda s, c: _inspect_backup(s, c)),
}


def _inspect_backup(stage: Stage, ctx: ServiceContext) -> object:
    """The checks before a restore (the permission comes first); on a server the app points to pg_restore."""
    if stage.backup is None:
        with pytest.raises(DatabaseProblem, match="pg_dump"):
            backups.inspect(ctx, stage.folder / "cadangan.db")
        return None
    info = backups.inspect(ctx, stage.backup)
    assert info.schema_state == "sama"
    return info


def _proposal(stage: Stage) -> ProposalDraft:
    answers = tuple((code, code == "LANTAI_TANAH_PLESTERAN") for code in criteria_codes())
    return ProposalDraft(household_id=stage.household_id, kind="BARU", housing=HOUSING, criteria=answers,
                         requested_programs=("PKH",))


def _sent_referral(stage: Stage) -> None:
    """A referral out with its agency: the agency's answer sheet (an export) lists it."""
    sent = referrals.create_referral(stage.cli, _referral_draft(stage)).id
    referrals.approve_referral(stage.cli, sent)
    issue_slip(stage.cli, sent, paper=Paper.A4, channel=OutputChannel.CETAK)


def _referral_draft(stage: Stage) -> ReferralDraft:
    with stage.site.db.reading() as session:
        service = next(s for s in reference.services(session) if s.code == "DINSOS-PBI-REAKTIVASI")
    return ReferralDraft(household_id=stage.household_id, person_id=stage.person_id, service_id=service.id,
                         requested_service="PBI-JK", problem_summary="Butuh surat",
                         documents_attached=tuple(service.required_documents[:2]))


def _prefill(stage: Stage) -> Stage:
    stage.correction = corrections.person_for_correction(stage.cli, stage.person_id).current
    return stage


def _correct_person(stage: Stage, ctx: ServiceContext) -> object:
    # Only the general facts: specific data has its own permission (tests/services/test_corrections.py).
    correction = replace(stage.correction, name="Slamet Riyadi Putra", reason="Salah ketik", specific=None)
    return corrections.correct_person(ctx, stage.person_id, correction)


def _breach() -> BreachReport:
    moment = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    return BreachReport(discovered_at=moment, period_start=moment.replace(day=1), period_end=moment,
                        kind=ExposureKind.SELURUH_BASIS_DATA, categories=(DataCategory.IDENTITAS,))


def _audit_count(stage: Stage) -> int:
    return int(scalar(stage.site, "SELECT count(*) FROM audit_event"))  # type: ignore[arg-type]


def _walk(stage: Stage, role: Role, actions: dict[str, tuple[Permission, Action]]) -> None:
    for name, (permission, action) in actions.items():
        ctx = stage.as_role(role)
        allowed = role in EXPECTED[permission]
        if allowed:
            action(stage, ctx)  # done, not merely not refused
            continue
        before = _audit_count(stage)
        with pytest.raises(PermissionDenied):
            action(stage, ctx)
        assert _audit_count(stage) == before, f"{role.value} {name}: a refused action wrote to the database"


def test_every_permission_has_an_action_in_the_walk() -> None:
    walked = {p for p, _ in DESA_ACTIONS.values()} | {p for p, _ in DISTRICT_ONLY.values()} | {P.VIEW_SPECIFIC_DATA}
    assert walked | set(LATER) == set(Permission)


@pytest.mark.parametrize("role", DESA_ROLES, ids=lambda r: r.value)
def test_each_desa_role_does_exactly_what_it_may(role: Role, site_db: SiteFixture, tmp_path: Path) -> None:
    stage = _desa_stage(site_db, tmp_path)
    _walk(stage, role, DESA_ACTIONS)
    _specific_data(stage, role)


def _specific_data(stage: Stage, role: Role) -> None:
    """Specific data is not refused but withheld: the page opens, the disability is only there for those who may."""
    ctx = stage.as_role(role)
    if P.VIEW_CASES not in ROLE_PERMISSIONS[role]:
        with pytest.raises(PermissionDenied):
            households.household_detail(ctx, stage.household_id)
        return
    detail = households.household_detail(ctx, stage.household_id)
    head = next(m for m in detail.members if m.id == stage.person_id)
    shown = not detail.specific_data_hidden and bool(head.disability)
    assert shown == (role in EXPECTED[P.VIEW_SPECIFIC_DATA]), role


# --- at the district -----------------------------------------------------------------------------------------------


DISTRICT_ONLY: dict[str, tuple[Permission, Action]] = {
    "gabungkan warga": (P.MERGE_PERSONS, lambda s, c: duplicates.not_duplicate(
        c, s.pair[0], s.pair[1], reason="Ayah dan anak, NIK berbeda")),
    "kelola direktori layanan": (P.MANAGE_SERVICE_DIRECTORY, lambda s, c: service_freshness.mark_service_checked(
        c, "DINSOS-PBI-REAKTIVASI")),
}
# The desa actions a district also does (the rest are the desa's: registering, visits, referral slips).
DISTRICT_ACTIONS = {name: DESA_ACTIONS[name] for name in (
    "lihat keluarga", "lihat laporan", "koreksi data warga", "tangani keluhan", "setujui rujukan", "impor", "ekspor",
    "buka NIK", "kelola akun", "lihat audit", "siapkan situs", "salinan data warga", "pratinjau retensi",
    "kebocoran data")} | DISTRICT_ONLY


@pytest.fixture
def district_stage(seeded_location: Any, tmp_path: Path) -> Iterator[Stage]:
    with district_site(seeded_location, tmp_path) as district:
        cli = rows.clocked(district.cli, DAY)
        first = add_family(district, VILLAGE_A, Member("Slamet Riyadi", date(1980, 5, 15), HEAD_NIK))
        second = add_family(district, VILLAGE_B, Member("Slamet Riyadi", date(1980, 5, 15)))
        stage = Stage(district, cli, tmp_path, household_id=_household_of(district, first[0]), person_id=first[0],
                      pair=(first[0], second[0]))
        complaint = record_complaint(cli, ComplaintDraft(
            household_id=stage.household_id, kind="PENGADUAN", category_code="PBI_NONAKTIF",
            description="PBI nonaktif"))
        stage.complaint_id, stage.complaint_version = complaint.id, complaint.row_version
        stage.referral_id = referrals.create_referral(cli, _referral_draft(stage)).id
        _sent_referral(stage)
        with district.db.transaction(cli.actor) as session:
            session.get(Person, stage.person_id).disability = ["FISIK"]
        yield _prefill(stage)


def _household_of(site: SiteFixture, person_id: str) -> str:
    return str(scalar(site, "SELECT household_id FROM person WHERE id = ?", person_id))


@pytest.mark.parametrize("role", KABUPATEN_ROLES, ids=lambda r: r.value)
def test_each_kabupaten_role_does_exactly_what_it_may(role: Role, district_stage: Stage) -> None:
    _walk(district_stage, role, DISTRICT_ACTIONS)
    _specific_data(district_stage, role)
