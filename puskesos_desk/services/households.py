"""The household page: one read that brings the household, its members (with their standing in the active
DTSEN/DTKS extract) and everything recorded for them, plus the lists its dialogs offer.

Specific data (UU PDP Ps. 4; domain/specific_data.py) reaches only viewers holding VIEW_SPECIFIC_DATA, and every read
that returns some is audited: one VIEW_SENSITIVE event per person, naming the kinds of data shown (disability,
illness, pregnancy, specific PPKS, needs in health/rehabilitation, a child's data). Per person rather than one per
household so that a resident's own request ("who looked at my data?") and a breach notice find the events by person
id. Opening the household again is a new view; the reload that follows the same user's save a few seconds later is
not (REPEAT_VIEW_WINDOW).

Children (under 18 on the read's date): a viewer without VIEW_SPECIFIC_DATA sees a child's name, age, relation and
residence only, the NIK fully masked, no birth date or place, no PPKS (not even the non-specific ones: all of a
child's data is specific) and no PPKS codes on the child's needs. The front office keeps working without the birth
date: FO holds REGISTER but not EDIT_RECORDS, so it never edits an existing member's identity; a new member's birth
date is typed by FO from the KK, and duplicate checks run in the services on the stored data. The age is enough for
everything FO does with an existing child (who the visit is for, school-age programmes).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from puskesos_desk.data.audit import append_event
from puskesos_desk.data.repositories import changes, proposals, reference, sites
from puskesos_desk.data.repositories import household_detail as detail_repo
from puskesos_desk.domain.casework import (
    CRITERIA_LIST,
    HOUSING_ITEMS,
    HOUSING_LIST_PREFIX,
    LOCAL_CHANGE_APPROVAL_SETTING,
    CaseworkChoices,
    HouseholdDetail,
    ProposalMember,
    ProposalRecord,
)
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.nik import mask_id_fully
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.specific_data import ADULT_AGE, age_on, specific_data_kinds, withhold_minor
from puskesos_desk.services.changes import setting_on
from puskesos_desk.services.context import ServiceContext

VISIT_LIMIT = 50
#: A second read of the same person's specific data by the same user within this time is the same look (the page
#: reloads itself after every save), so it is not audited again.
REPEAT_VIEW_WINDOW = timedelta(seconds=10)
VIEW_PURPOSE = "Halaman keluarga"
CODE_LISTS = (
    "kanal_kunjungan", "hubungan_pemohon", "urgensi", "sumber_kepesertaan", "hubungan_kk", "status_keberadaan",
    "jenis_kelamin", "alasan_tanpa_nik", "alasan_tanpa_kk", "pekerjaan", "disabilitas_jenis", "jenis_keluhan",
    CRITERIA_LIST, *(HOUSING_LIST_PREFIX + item for item in HOUSING_ITEMS),
)


def household_detail(ctx: ServiceContext, household_id: str) -> HouseholdDetail:
    ctx.require(Permission.VIEW_CASES)
    show_specific = ctx.actor.can(Permission.VIEW_SPECIFIC_DATA)
    today = ctx.today()
    with ctx.db.reading() as session:
        specific = {item.code for item in reference.ppks_categories(session) if item.extra.get("specific_data")}
        hidden = set() if show_specific else specific
        header = detail_repo.household_header(session, household_id)
        members = detail_repo.member_rows(session, household_id, show_specific=show_specific,
                                               specific_ppks=specific)
        register = detail_repo.register_statuses(session, (m.nik for m in members))
        members = [replace(m, register=register.get(m.nik or "")) for m in members]
        if not show_specific:
            members = [withhold_minor(m, today, mask_id_fully(m.nik)) for m in members]
        withheld = {m.id for m in members if m.withheld}
        names = {m.id: m.name for m in members}
        requests = changes.change_requests_for_household(session, household_id, names)
        missing = [r.person_id for r in requests if r.person_id and r.person_id not in names]
        names |= detail_repo.person_names(session, missing)
        proposal_rows = proposals.proposals_for_household(session, household_id)
        if not show_specific:
            proposal_rows = _without_specific(proposal_rows, today)
        needs = [replace(n, ppks_codes=()) if n.person_id in withheld else n
                 for n in detail_repo.needs(session, household_id, hide_ppks=hidden)]
        detail = HouseholdDetail(
            household=header,
            members=tuple(members),
            visits=tuple(detail_repo.visit_rows(session, household_id, limit=VISIT_LIMIT)),
            complaints=tuple(detail_repo.complaints(session, household_id)),
            needs=tuple(needs),
            participations=tuple(detail_repo.participations(session, household_id)),
            proposals=tuple(proposal_rows),
            change_requests=tuple(replace(r, person_name=names.get(r.person_id or "", r.person_name))
                                  for r in requests),
            local_change_approval=setting_on(sites.get_setting(session, LOCAL_CHANGE_APPROVAL_SETTING, False)),
            specific_data_hidden=not show_specific,
            today=today,
        )
    if show_specific:
        _audit_specific_views(ctx, detail, specific)
    return detail


def _audit_specific_views(ctx: ServiceContext, detail: HouseholdDetail, specific_ppks: set[str]) -> None:
    viewed = {m.id: kinds for m in detail.members
              if (kinds := specific_data_kinds(m, detail.needs, specific_ppks, detail.today))}
    if not viewed:
        return
    with ctx.db.transaction(ctx.actor) as session:
        seen = detail_repo.recently_viewed(session, ctx.actor.id, viewed, within=REPEAT_VIEW_WINDOW)
        for person_id, kinds in viewed.items():
            if person_id not in seen:
                append_event(session, AuditAction.VIEW_SENSITIVE, entity="person", entity_id=person_id,
                             changes={"kinds": list(kinds), "household_id": detail.household.id},
                             purpose=VIEW_PURPOSE, actor=ctx.actor)


def _without_specific(rows: list[ProposalRecord], today: date) -> list[ProposalRecord]:
    """Proposals freeze their members (with disability and birth dates): the same rules as the member rows."""

    def member(m: ProposalMember) -> ProposalMember:
        minor = m.birth_date is not None and age_on(m.birth_date, today) < ADULT_AGE
        return replace(m, disability=(), nik=mask_id_fully(m.nik) or None, birth_date=None) if minor \
            else replace(m, disability=())

    return [replace(p, members=tuple(member(m) for m in p.members)) for p in rows]


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
