"""The household page: one read that brings the household, its members (with their standing in the active
DTSEN/DTKS extract) and everything recorded for them, plus the lists its dialogs offer."""

from __future__ import annotations

from dataclasses import replace

from puskesos_desk.data.repositories import changes, proposals, reference, sites
from puskesos_desk.data.repositories import household_detail as detail_repo
from puskesos_desk.domain.casework import (
    CRITERIA_LIST,
    HOUSING_ITEMS,
    HOUSING_LIST_PREFIX,
    LOCAL_CHANGE_APPROVAL_SETTING,
    CaseworkChoices,
    HouseholdDetail,
)
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.changes import setting_on
from puskesos_desk.services.context import ServiceContext

VISIT_LIMIT = 50
CODE_LISTS = (
    "kanal_kunjungan", "hubungan_pemohon", "urgensi", "sumber_kepesertaan", "hubungan_kk", "status_keberadaan",
    "jenis_kelamin", "alasan_tanpa_nik", "alasan_tanpa_kk", "pekerjaan", "disabilitas_jenis", "jenis_keluhan",
    CRITERIA_LIST, *(HOUSING_LIST_PREFIX + item for item in HOUSING_ITEMS),
)


def household_detail(ctx: ServiceContext, household_id: str) -> HouseholdDetail:
    ctx.require(Permission.VIEW_CASES)
    show_specific = ctx.actor.can(Permission.VIEW_SPECIFIC_DATA)
    with ctx.db.reading() as session:
        specific = {item.code for item in reference.ppks_categories(session) if item.extra.get("specific_data")}
        hidden = set() if show_specific else specific
        header = detail_repo.household_header(session, household_id)
        members = detail_repo.member_rows(session, household_id, show_specific=show_specific,
                                               specific_ppks=specific)
        register = detail_repo.register_statuses(session, (m.nik for m in members))
        members = [replace(m, register=register.get(m.nik or "")) for m in members]
        names = {m.id: m.name for m in members}
        requests = changes.change_requests_for_household(session, household_id, names)
        missing = [r.person_id for r in requests if r.person_id and r.person_id not in names]
        names |= detail_repo.person_names(session, missing)
        return HouseholdDetail(
            household=header,
            members=tuple(members),
            visits=tuple(detail_repo.visit_rows(session, household_id, limit=VISIT_LIMIT)),
            complaints=tuple(detail_repo.complaints(session, household_id)),
            needs=tuple(detail_repo.needs(session, household_id, hide_ppks=hidden)),
            participations=tuple(detail_repo.participations(session, household_id)),
            proposals=tuple(proposals.proposals_for_household(session, household_id)),
            change_requests=tuple(replace(r, person_name=names.get(r.person_id or "", r.person_name))
                                  for r in requests),
            local_change_approval=setting_on(sites.get_setting(session, LOCAL_CHANGE_APPROVAL_SETTING, False)),
            specific_data_hidden=not show_specific,
            today=ctx.today(),
        )


def casework_choices(ctx: ServiceContext) -> CaseworkChoices:
    """Every list the household page's dialogs need, in one read (reference data holds no personal data)."""
    with ctx.db.reading() as session:
        return CaseworkChoices(
            code_lists={name: tuple(reference.code_list(session, name)) for name in CODE_LISTS},
            programs=tuple(reference.programs(session)),
            ppks=tuple(reference.ppks_categories(session)),
            complaint_categories=tuple(reference.complaint_categories(session)),
            need_domains=tuple(reference.need_domains(session)),
        )
