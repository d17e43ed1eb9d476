"""Recording a visit (kunjungan) with the privacy notice given at intake and, where needed, explicit consent.

UU PDP: the public-service basis (Ps. 20(2)(e)) covers the service itself, and the notice is recorded per person
per visit. Anything beyond it — sharing with a non-government service, photos of documents — needs explicit
consent (Ps. 20(2)(a)), written or recorded (Ps. 22). A child's notice and consent are given by a parent or
guardian (Ps. 25).
"""

from __future__ import annotations

from datetime import date, datetime

from puskesos_desk.data.db import DbSession
from puskesos_desk.data.repositories import households, numbering, sites, visits
from puskesos_desk.domain.casework import CONSENT_METHODS, EXPLICIT_CONSENT_PURPOSES, PUBLIC_SERVICE_PURPOSE
from puskesos_desk.domain.enums import VisitStatus
from puskesos_desk.domain.errors import FieldErrors
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.records import VisitDraft, VisitRecord
from puskesos_desk.domain.text_input import free_text_problem, name_problem
from puskesos_desk.services.context import ServiceContext, local_zone

NOTICE_VERSION = "pemberitahuan-2026-1"
APPLICANT_RELATIONS = {"DIRI_SENDIRI", "KELUARGA", "TETANGGA", "RT_RW", "PENDAMPING", "LAINNYA"}
ADULT_AGE = 18
GUARDIAN_RELATIONS = {"DIRI_SENDIRI", "KELUARGA"}


def is_child(birth_date: date | None, on: date) -> bool:
    return birth_date is not None and (on - birth_date).days < ADULT_AGE * 365.25


def record_visit(ctx: ServiceContext, draft: VisitDraft) -> VisitRecord:
    ctx.require(Permission.RECORD_VISIT)
    with ctx.db.transaction(ctx.actor) as session:
        return record_visit_in(session, ctx, draft)


def _check_draft(ctx: ServiceContext, draft: VisitDraft, moment: datetime) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not draft.purpose.strip():
        errors["purpose"] = "Tuliskan keperluan kunjungan."
    elif problem := free_text_problem(draft.purpose, "Keperluan kunjungan"):
        errors["purpose"] = problem
    for key, label, value in (("applicant", "Nama pemohon", draft.applicant_name.strip()),
                              ("guardian_name", "Nama orang tua/wali", draft.guardian_name.strip())):
        if problem := name_problem(value, label):
            errors[key] = problem
    if draft.applicant_relation not in APPLICANT_RELATIONS:
        errors["applicant_relation"] = "Pilih hubungan pemohon dengan warga yang dibantu."
    if moment > ctx.now():
        errors["occurred_at"] = "Waktu kunjungan tidak boleh di masa depan."
    if not draft.notice_given:
        errors["notice_given"] = (
            "Sampaikan pemberitahuan privasi kepada warga, lalu centang bahwa pemberitahuan sudah diberikan."
        )
    if not draft.applicant_person_id and not draft.applicant_name.strip():
        errors["applicant"] = "Pilih siapa yang datang, atau tuliskan namanya bila bukan anggota keluarga."
    if not draft.applicant_person_id and not draft.subject_person_ids:
        errors["subject_person_ids"] = "Pilih paling sedikit satu warga yang dibantu."
    if set(draft.consent_purposes) - set(EXPLICIT_CONSENT_PURPOSES):
        errors["consent_purposes"] = "Tujuan persetujuan tidak dikenal; pilih dari daftar."
    if draft.consent_method and draft.consent_method not in CONSENT_METHODS:
        errors["consent_method"] = "Pilih cara persetujuan diberikan (tanda tangan, cap jempol, atau lisan)."
    return errors


def record_visit_in(session: DbSession, ctx: ServiceContext, draft: VisitDraft) -> VisitRecord:
    moment = draft.occurred_at or ctx.now()
    errors = _check_draft(ctx, draft, moment)
    if errors:
        raise FieldErrors(errors)
    households.get_household(session, draft.household_id)  # NotFound if it is gone
    applicant = households.get_person(session, draft.applicant_person_id) if draft.applicant_person_id else None
    applicant_name = applicant.name if applicant is not None else draft.applicant_name.strip().upper()
    subjects = list(dict.fromkeys(draft.subject_person_ids)) or [applicant.id]  # type: ignore[union-attr]
    persons = [households.get_person(session, person_id) for person_id in subjects]
    if any(p.household_id != draft.household_id for p in persons):
        errors["subject_person_ids"] = "Warga yang dibantu harus anggota keluarga ini."
    day = moment.astimezone(local_zone()).date()
    children = [p for p in persons if is_child(p.birth_date, day)]
    # Who speaks for a child: the guardian named on the form, else the family member who came (if an adult).
    applicant_can_guard = (
        applicant is not None and draft.applicant_relation in GUARDIAN_RELATIONS
        and not is_child(applicant.birth_date, day)
    )
    guardian = draft.guardian_name.strip().upper() or (applicant_name if applicant_can_guard else "")
    if draft.consent_purposes and children and not guardian:
        errors["guardian_name"] = (
            "Warga yang dibantu masih anak: tuliskan nama orang tua atau wali yang memberi persetujuan."
        )
    if errors:
        raise FieldErrors(errors)

    site = sites.get_site_row(session)
    digits = site.code.replace(".", "") if site else "0"
    local_day = moment.astimezone(local_zone()).strftime("%Y%m%d")
    serial = numbering.next_number(session, "visit", local_day)
    row = visits.insert_visit(
        session, registration_number=f"REG-{digits}-{local_day}-{serial:03d}", occurred_at=moment,
        channel=draft.channel.value, household_id=draft.household_id,
        applicant_person_id=applicant.id if applicant is not None else None,
        applicant_name="" if applicant is not None else applicant_name,
        applicant_relation=draft.applicant_relation, subject_person_ids=subjects, officer_id=ctx.actor.id,
        purpose=draft.purpose.strip(), status=VisitStatus.TERBUKA.value,
    )
    session.flush()  # the consent rows reference the visit (no ORM relationship orders the inserts)
    method = draft.consent_method or "TANDA_TANGAN"
    for person in persons:
        for_child = person in children and person.id != draft.applicant_person_id
        given_by = "ORANG_TUA_WALI" if for_child else "DIRI_SENDIRI"
        given_by_name = (guardian or applicant_name) if for_child else person.name
        if not for_child and person.id != draft.applicant_person_id:
            given_by, given_by_name = "PENDAMPING", applicant_name  # an adult represented by whoever came
        visits.insert_consent(
            session, person_id=person.id, visit_id=row.id, legal_basis="PS20E_PELAYANAN_PUBLIK",
            notice_given=True, purposes=[PUBLIC_SERVICE_PURPOSE], given_by=given_by, given_by_name=given_by_name,
            method="LISAN_TERCATAT", given_at=moment, notice_version=NOTICE_VERSION,
        )
        if draft.consent_purposes:
            # Explicit consent for a child always comes from a parent or guardian, even if the child came alone.
            if person in children:
                given_by, given_by_name = "ORANG_TUA_WALI", guardian
            visits.insert_consent(
                session, person_id=person.id, visit_id=row.id, legal_basis="PS20A_PERSETUJUAN",
                notice_given=True, purposes=list(draft.consent_purposes), given_by=given_by,
                given_by_name=given_by_name, method=method, given_at=moment, notice_version=NOTICE_VERSION,
            )
    return visits.visit_record(row)
