"""Recording a visit (kunjungan) with the privacy notice given at intake."""

from __future__ import annotations

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import households, numbering, sites, visits
from puskesos_desk.domain.enums import VisitStatus
from puskesos_desk.domain.errors import FieldErrors
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import VisitDraft, VisitRecord
from puskesos_desk.services.context import ServiceContext, local_zone

NOTICE_VERSION = "pemberitahuan-2026-1"
APPLICANT_RELATIONS = {"DIRI_SENDIRI", "KELUARGA", "TETANGGA", "RT_RW", "PENDAMPING", "LAINNYA"}
ADULT_AGE = 18


def record_visit(ctx: ServiceContext, draft: VisitDraft) -> VisitRecord:
    ctx.require(Permission.RECORD_VISIT)
    with ctx.db.transaction(ctx.actor) as session:
        return record_visit_in(session, ctx, draft)


def record_visit_in(session: DbSession, ctx: ServiceContext, draft: VisitDraft) -> VisitRecord:
    errors: dict[str, str] = {}
    if not draft.purpose.strip():
        errors["purpose"] = "Tuliskan keperluan kunjungan."
    if draft.applicant_relation not in APPLICANT_RELATIONS:
        errors["applicant_relation"] = "Pilih hubungan pemohon dengan warga yang dibantu."
    moment = draft.occurred_at or ctx.now()
    if moment > ctx.now():
        errors["occurred_at"] = "Waktu kunjungan tidak boleh di masa depan."
    if errors:
        raise FieldErrors(errors)
    households.get_household(session, draft.household_id)  # NotFound if it is gone
    applicant = households.get_person(session, draft.applicant_person_id)
    subjects = list(draft.subject_person_ids) or [applicant.id]
    for person_id in subjects:
        households.get_person(session, person_id)
    site = sites.get_site_row(session)
    digits = site.code.replace(".", "") if site else "0"
    local_day = moment.astimezone(local_zone()).strftime("%Y%m%d")
    serial = numbering.next_number(session, "visit", local_day)
    row = visits.insert_visit(
        session, registration_number=f"REG-{digits}-{local_day}-{serial:03d}", occurred_at=moment,
        channel=draft.channel.value, household_id=draft.household_id, applicant_person_id=applicant.id,
        applicant_relation=draft.applicant_relation, subject_person_ids=subjects, officer_id=ctx.actor.id,
        purpose=draft.purpose.strip(), status=VisitStatus.TERBUKA.value,
    )
    session.flush()  # the consent rows reference the visit (no ORM relationship orders the inserts)
    # UU PDP: the notice is recorded per person per visit; a child's is given by a parent or guardian (Ps. 25).
    for person_id in subjects:
        person = households.get_person(session, person_id)
        is_child = person.birth_date is not None and (moment.date() - person.birth_date).days < ADULT_AGE * 365.25
        visits.insert_consent(
            session, person_id=person_id, visit_id=row.id, legal_basis="PS20E_PELAYANAN_PUBLIK",
            notice_given=draft.notice_given, purposes=["PELAYANAN_RUJUKAN_PEMERINTAH"],
            given_by="ORANG_TUA_WALI" if is_child and person_id != applicant.id else "DIRI_SENDIRI",
            given_by_name=applicant.name, method="LISAN_TERCATAT", given_at=moment, notice_version=NOTICE_VERSION,
        )
    return visits.visit_record(row)
