"""Everything the household page shows, read in one session: the household, its members with their DTSEN
standing, and what was recorded for them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.base import utcnow
from puskesos_desk.data.orm.casework import Complaint, Consent, Need, Participation, Visit
from puskesos_desk.data.orm.household import Household, Person, PersonPpks
from puskesos_desk.data.orm.reference import Wilayah
from puskesos_desk.data.orm.register import RegisterBatch, RegisterRecord
from puskesos_desk.data.orm.users import UserAccount
from puskesos_desk.data.repositories.casework import complaint_record, need_record, participation_record
from puskesos_desk.domain.casework import (
    ComplaintRecord,
    HouseholdHeader,
    MemberRow,
    NeedRecord,
    ParticipationRecord,
    RegisterStatus,
    VisitRow,
)
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.errors import NotFound

ACTIVE_BATCH = "AKTIF"


def household_header(session: Session, household_id: str) -> HouseholdHeader:
    row = session.get(Household, household_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Keluarga tidak ditemukan; mungkin sudah dihapus.")
    village = session.get(Wilayah, row.village_code)
    return HouseholdHeader(
        id=row.id, number=row.number, kk_number=row.kk_number, no_kk_reason=row.no_kk_reason,
        head_person_id=row.head_person_id, head_name=row.head_name, address=row.address, rt=row.rt, rw=row.rw,
        hamlet=row.hamlet, village_code=row.village_code, village_name=village.name if village else "",
        phone=row.phone, housing={str(k): str(v) for k, v in (row.housing or {}).items()},
        row_version=row.row_version,
    )


def member_rows(session: Session, household_id: str, *, show_specific: bool,
                specific_ppks: set[str]) -> list[MemberRow]:
    persons = list(session.scalars(
        select(Person).where(Person.household_id == household_id, Person.deleted_at.is_(None))
        .order_by(Person.birth_date.is_(None), Person.birth_date)
    ))
    ppks: dict[str, list[str]] = {}
    if persons:
        rows = session.execute(select(PersonPpks.person_id, PersonPpks.ppks_code).where(
            PersonPpks.person_id.in_([p.id for p in persons]), PersonPpks.deleted_at.is_(None)
        ).order_by(PersonPpks.ppks_code))
        for person_id, code in rows:
            if show_specific or code not in specific_ppks:
                ppks.setdefault(person_id, []).append(code)
    return [
        MemberRow(
            id=p.id, nik=p.nik, name=p.name, sex=p.sex, birth_date=p.birth_date, birth_place=p.birth_place,
            relation=p.relation, residence_status=p.residence_status, occupation=p.occupation,
            education=p.education, school_status=p.school_status, marital_status=p.marital_status,
            disability=tuple(p.disability or ()) if show_specific else (), ppks=tuple(ppks.get(p.id, ())),
            chronic_illness=(p.chronic_illness or None) if show_specific else None,
            pregnant=p.pregnant if show_specific else None,
        )
        for p in persons
    ]


def _flagged(programs: dict[str, object]) -> tuple[str, ...]:
    """Programme codes set in the extract: {"PKH": true} or {"PKH": {"aktif": true, "periode": …}}."""

    def on(value: object) -> bool:
        if isinstance(value, dict):
            value = value.get("aktif", value.get("active", True))
        if isinstance(value, str):
            return value.strip().upper() in {"1", "Y", "YA", "TRUE", "AKTIF"}
        return bool(value)

    return tuple(sorted(code for code, value in (programs or {}).items() if on(value)))


def register_statuses(session: Session, niks: Iterable[str | None]) -> dict[str, RegisterStatus]:
    """The members' rows in the active extracts, by NIK; DTSEN before DTKS, the newest extract first."""
    wanted = sorted({n for n in niks if n})
    if not wanted:
        return {}
    rows = session.execute(
        select(RegisterRecord, RegisterBatch.as_of)
        .join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id)
        .where(RegisterRecord.nik.in_(wanted), RegisterBatch.status == ACTIVE_BATCH,
               RegisterBatch.deleted_at.is_(None))
    ).all()
    found: dict[str, RegisterStatus] = {}
    for record, as_of in rows:
        status = RegisterStatus(
            dataset=record.dataset, as_of=as_of, desil=record.desil_national, family_id=record.family_id,
            kk_number=record.kk_number, programs=_flagged(record.programs),
        )
        current = found.get(record.nik or "")
        if current is None or (status.dataset == "DTSEN", status.as_of) > (current.dataset == "DTSEN", current.as_of):
            found[record.nik or ""] = status
    return found


def _officer_names(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    query = select(UserAccount.id, UserAccount.full_name).where(UserAccount.id.in_(ids))
    return {key: value for key, value in session.execute(query)}


def visit_rows(session: Session, household_id: str, *, limit: int = 50) -> list[VisitRow]:
    visits = list(session.scalars(
        select(Visit).where(Visit.household_id == household_id, Visit.deleted_at.is_(None))
        .order_by(Visit.occurred_at.desc()).limit(limit)
    ))
    if not visits:
        return []
    person_ids = {v.applicant_person_id for v in visits if v.applicant_person_id}
    person_ids |= {p for v in visits for p in (v.subject_person_ids or ())}
    names = _names(session, person_ids)
    officers = _officer_names(session, {v.officer_id for v in visits})
    consents: dict[str, tuple[bool, set[str]]] = {}
    for visit_id, notice, basis, purposes in session.execute(
        select(Consent.visit_id, Consent.notice_given, Consent.legal_basis, Consent.purposes)
        .where(Consent.visit_id.in_([v.id for v in visits]), Consent.deleted_at.is_(None))
    ):
        given, explicit = consents.get(visit_id or "", (False, set()))
        if basis == "PS20A_PERSETUJUAN":
            explicit |= set(purposes or ())
        consents[visit_id or ""] = (given or bool(notice), explicit)
    return [
        VisitRow(
            id=v.id, registration_number=v.registration_number, occurred_at=v.occurred_at, channel=v.channel,
            applicant_person_id=v.applicant_person_id,
            applicant_name=names.get(v.applicant_person_id or "", v.applicant_name) or v.applicant_name,
            applicant_relation=v.applicant_relation, subject_person_ids=tuple(v.subject_person_ids or ()),
            subject_names=tuple(names.get(p, "") for p in (v.subject_person_ids or ())), purpose=v.purpose,
            status=v.status, officer_name=officers.get(v.officer_id, v.officer_id),
            notice_given=consents.get(v.id, (False, set()))[0],
            consent_purposes=tuple(sorted(consents.get(v.id, (False, set()))[1])),
        )
        for v in visits
    ]


def _names(session: Session, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return {key: value for key, value in session.execute(select(Person.id, Person.name).where(Person.id.in_(wanted)))}


def complaints(session: Session, household_id: str) -> list[ComplaintRecord]:
    rows = list(session.scalars(select(Complaint).where(
        Complaint.household_id == household_id, Complaint.deleted_at.is_(None)).order_by(Complaint.created_at.desc())))
    names = _names(session, (r.person_id for r in rows))
    return [complaint_record(r, names.get(r.person_id or "", "")) for r in rows]


def needs(session: Session, household_id: str, *, hide_ppks: set[str]) -> list[NeedRecord]:
    rows = list(session.scalars(select(Need).where(
        Need.household_id == household_id, Need.deleted_at.is_(None)).order_by(Need.created_at.desc())))
    names = _names(session, (r.person_id for r in rows))
    records = []
    for row in rows:
        record = need_record(row, names.get(row.person_id or "", ""))
        if hide_ppks:
            record = replace(record, ppks_codes=tuple(c for c in record.ppks_codes if c not in hide_ppks))
        records.append(record)
    return records


def participations(session: Session, household_id: str) -> list[ParticipationRecord]:
    rows = list(session.scalars(select(Participation).where(
        Participation.household_id == household_id, Participation.deleted_at.is_(None))
        .order_by(Participation.as_of.desc(), Participation.created_at.desc())))
    names = _names(session, (r.person_id for r in rows))
    return [participation_record(r, names.get(r.person_id or "", "")) for r in rows]


def person_names(session: Session, ids: Iterable[str | None]) -> dict[str, str]:
    return _names(session, ids)



def recently_viewed(session: Session, actor_id: str, person_ids: Iterable[str], *, within: timedelta) -> set[str]:
    """The persons whose specific data this actor viewed (a VIEW_SENSITIVE event) in the last `within`: the page's
    reload right after the user's own save is the same look, not a new one. Measured on the audit clock (UTC now),
    the clock append_event stamps events with."""
    wanted = sorted(set(person_ids))
    if not wanted:
        return set()
    query = select(AuditEvent.entity_id).where(
        AuditEvent.action == AuditAction.VIEW_SENSITIVE.value, AuditEvent.actor_id == actor_id,
        AuditEvent.entity == "person", AuditEvent.entity_id.in_(wanted),
        AuditEvent.occurred_at >= utcnow() - within)
    return {value for value in session.scalars(query) if value}
