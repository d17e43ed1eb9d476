"""Everything held about one person, as plain rows per dossier section (domain.subject_access names them).

Soft-deleted records are still held (they are tombstones that travelled to the district), so they are listed too,
marked "(dihapus)". Disclosures are the PRINT/EXPORT/SUBJECT_ACCESS audit events whose record names this person:
the person, one of their referrals, or a visit where they were helped or came; an exchange package is counted when
the ledger shows the person's row was sent in it (only the last package per receiver is known).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.casework import Complaint, Consent, Need, Participation, Visit
from puskesos_desk.data.orm.exchange import ExchangePackage, ExchangePeerRecord
from puskesos_desk.data.orm.household import Household, KkHistory, Membership, Person, PersonPpks
from puskesos_desk.data.orm.proposals import DtsenProposal
from puskesos_desk.data.orm.reference import ServiceDirectoryEntry
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.data.orm.register import RegisterBatch, RegisterRecord
from puskesos_desk.data.repositories.households import get_person
from puskesos_desk.data.repositories.referrals import staff
from puskesos_desk.data.repositories.regions import region_chain
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.subject_access import DELETED_MARK, DISCLOSURE_NAMES, ConsentLine, readable_code

Rows = list[tuple[object, ...]]
DISCLOSURE_ACTIONS = (AuditAction.PRINT.value, AuditAction.EXPORT.value, AuditAction.SUBJECT_ACCESS.value)
PUBLIC_SERVICE_BASIS = "PS20E_PELAYANAN_PUBLIK"
SEX = {"L": "Laki-laki", "P": "Perempuan"}


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Ya" if value else "Tidak")


def _marked(text: str, row: Any) -> str:
    return f"{text}{DELETED_MARK}" if getattr(row, "deleted_at", None) is not None else text


def _day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def _join(values: Iterable[object] | None) -> str:
    return ", ".join(str(v) for v in values or () if v not in (None, ""))


def household_address(session: Session, household: Household) -> str:
    chain = region_chain(session, household.village_code)
    parts = [household.address.strip(), f"RT {household.rt or '-'} / RW {household.rw or '-'}",
             household.hamlet.strip(), chain[0][1].title() if chain else household.village_code]
    return ", ".join(part for part in parts if part)


def _identity(session: Session, person: Person) -> Rows:
    household = session.get(Household, person.household_id) if person.household_id else None
    recorded, _ = staff(session, person.created_by)
    facts: list[tuple[str, object]] = [
        ("Nama", person.name), ("NIK", person.nik or f"Tidak ada ({person.no_nik_reason or '-'})"),
        ("No. KK", (household.kk_number or f"Tidak ada ({household.no_kk_reason or '-'})") if household else "-"),
        ("Tempat lahir", person.birth_place), ("Tanggal lahir", _day(person.birth_date)),
        ("Jenis kelamin", SEX.get(person.sex, person.sex)), ("Hubungan dalam KK", readable_code(person.relation)),
        ("Status perkawinan", readable_code(person.marital_status)), ("Agama", readable_code(person.religion)),
        ("Pendidikan", readable_code(person.education)), ("Status sekolah", readable_code(person.school_status)),
        ("Pekerjaan", person.occupation or ""), ("Dokumen yang dimiliki", _join(person.documents)),
        ("Disabilitas (data spesifik)", _join(person.disability)),
        ("Penyakit kronis (data spesifik)", person.chronic_illness or ""),
        ("Hamil (data spesifik)", _yes_no(person.pregnant)),
        ("Perkiraan lahir", _day(person.due_date)),
        ("Nama ibu kandung", person.mother_name or ""), ("Status tinggal", readable_code(person.residence_status)),
        ("Kewarganegaraan", person.citizenship), ("Telepon", person.phone or ""),
        ("Alamat", household_address(session, household) if household else ""),
        ("Telepon keluarga", (household.phone or "") if household else ""),
        ("Dicatat pada", _day(person.created_at.date())), ("Dicatat oleh", recorded),
    ]
    if person.deleted_at is not None:
        facts.append(("Dihapus", f"{_day(person.deleted_at.date())}: {person.deleted_reason or ''}"))
    if person.anonymised_at is not None:
        facts.append(("Dianonimkan", _day(person.anonymised_at.date())))
    return [(label, "" if value is None else str(value)) for label, value in facts]


def _memberships(session: Session, person: Person) -> tuple[Rows, list[str]]:
    memberships = session.scalars(select(Membership).where(Membership.person_id == person.id)
                                  .order_by(Membership.valid_from, Membership.created_at)).all()
    household_ids = list(dict.fromkeys([*(m.household_id for m in memberships),
                                        *([person.household_id] if person.household_id else [])]))
    homes = {h.id: h for h in session.scalars(select(Household).where(Household.id.in_(household_ids)))}
    rows: Rows = [(_marked(homes[m.household_id].number, m), homes[m.household_id].head_name, readable_code(m.relation),
                   m.valid_from, m.valid_to, m.reason) for m in memberships if m.household_id in homes]
    if not memberships and person.household_id in homes:
        home = homes[person.household_id]
        rows.append((home.number, home.head_name, readable_code(person.relation), None, None, "Keluarga saat ini"))
    return rows, household_ids


def _kk_history(session: Session, household_ids: list[str]) -> Rows:
    rows = session.scalars(select(KkHistory).where(KkHistory.household_id.in_(household_ids))
                           .order_by(KkHistory.valid_from)).all()
    return [(r.kk_number, r.valid_from, r.valid_to, _marked(r.reason, r)) for r in rows]


def _ppks(session: Session, person_id: str, names: dict[str, str]) -> Rows:
    rows = session.scalars(select(PersonPpks).where(PersonPpks.person_id == person_id)
                           .order_by(PersonPpks.since)).all()
    return [(_marked(r.ppks_code, r), names.get(r.ppks_code, ""), r.since, r.source, r.notes) for r in rows]


def person_visits(session: Session, person_id: str) -> list[Visit]:
    """Visits where the person was helped or came to ask (subject ids are a JSON list: filtered here)."""
    person = get_person(session, person_id)
    household_ids = {person.household_id, *session.scalars(select(Membership.household_id)
                                                          .where(Membership.person_id == person_id))}
    where = or_(Visit.household_id.in_(household_ids - {None}), Visit.applicant_person_id == person_id)
    candidates = session.scalars(select(Visit).where(where).order_by(Visit.occurred_at)).all()
    return [v for v in candidates if v.applicant_person_id == person_id or person_id in (v.subject_person_ids or ())]


def consent_lines(session: Session, person_id: str) -> list[ConsentLine]:
    """Every notice and consent recorded for the person, oldest first."""
    rows = session.execute(select(Consent, Visit.registration_number).outerjoin(Visit, Visit.id == Consent.visit_id)
                           .where(Consent.person_id == person_id, Consent.deleted_at.is_(None))
                           .order_by(Consent.given_at, Consent.created_at)).all()
    # The notice comes before any explicit consent given at the same moment: that is the order they were given in.
    rows = sorted(rows, key=lambda pair: (pair[0].given_at, pair[0].legal_basis != PUBLIC_SERVICE_BASIS))
    recipients = _consent_recipients(session, [c.id for c, _ in rows])
    return [ConsentLine(id=c.id, given_at=c.given_at, legal_basis=c.legal_basis, purposes=tuple(c.purposes or ()),
                        given_by=c.given_by, given_by_name=c.given_by_name, method=c.method,
                        notice_version=c.notice_version, recorded_by=staff(session, c.created_by)[0],
                        visit_number=number or "", withdrawn_at=c.withdrawn_at,
                        recipient=_join(recipients.get(c.id, ())))
            for c, number in rows]


def _consent_recipients(session: Session, consent_ids: list[str]) -> dict[str, list[str]]:
    """consent id → the organisations its data went to: a referral that needed explicit consent names the consent it
    relied on, and the referral's service names the receiving organisation (recorded when the referral is made)."""
    if not consent_ids:
        return {}
    query = (select(Referral.consent_id, ServiceDirectoryEntry.organization)
             .join(ServiceDirectoryEntry, ServiceDirectoryEntry.id == Referral.service_id)
             .where(Referral.consent_id.in_(consent_ids), Referral.deleted_at.is_(None))
             .order_by(Referral.letter_date))
    found: dict[str, list[str]] = {}
    for consent_id, organisation in session.execute(query):
        names = found.setdefault(consent_id, [])
        if organisation not in names:
            names.append(organisation)
    return found


def _consents(session: Session, person_id: str) -> Rows:
    return [(c.given_at, readable_code(c.legal_basis), _join(readable_code(p) for p in c.purposes), c.recipient,
             f"{c.given_by_name} ({readable_code(c.given_by)})",
             readable_code(c.method),
             c.recorded_by, c.withdrawn_at) for c in consent_lines(session, person_id)]


def _complaints(session: Session, person_id: str, names: dict[str, str]) -> Rows:
    rows = session.scalars(select(Complaint).where(Complaint.person_id == person_id)
                           .order_by(Complaint.created_at)).all()
    return [(_marked(r.number, r), r.created_at.date(), readable_code(r.kind),
             names.get(r.category_code, r.category_code), r.description, readable_code(r.status), r.answer)
            for r in rows]


def _needs(session: Session, person_id: str, names: dict[str, str]) -> Rows:
    rows = session.scalars(select(Need).where(Need.person_id == person_id).order_by(Need.created_at)).all()
    return [(_marked(r.number, r), r.created_at.date(), names.get(r.domain_code, r.domain_code), _join(r.ppks_codes),
             r.description, readable_code(r.status)) for r in rows]


def person_referrals(session: Session, person_id: str) -> list[Referral]:
    return list(session.scalars(select(Referral).where(Referral.person_id == person_id)
                                .order_by(Referral.letter_date, Referral.letter_seq)))


def _referrals(rows: list[Referral]) -> Rows:
    out: Rows = []
    for r in rows:
        snapshot = r.recipient_snapshot or {}
        target = _join((snapshot.get("organization"), snapshot.get("service_name")))
        outcome = _join((r.outcome, r.outcome_notes, r.rejection_reason))
        out.append((_marked(r.letter_number, r), r.letter_date, target, r.requested_service, _join(r.data_shared),
                    readable_code(r.status), outcome))
    return out


def _proposals(session: Session, person: Person, household_ids: list[str]) -> Rows:
    rows = session.scalars(select(DtsenProposal).where(DtsenProposal.household_id.in_(household_ids))
                           .order_by(DtsenProposal.created_at)).all()
    mine = [r for r in rows if any(m.get("person_id") == person.id or (person.nik and m.get("nik") == person.nik)
                                   for m in r.members_snapshot or ())]
    return [(_marked(r.number, r), r.created_at.date(), readable_code(r.kind), _join(r.requested_programs),
             readable_code(r.status)) for r in mine]


def _participations(session: Session, person_id: str, household_ids: list[str]) -> Rows:
    rows = session.scalars(select(Participation).where(or_(
        Participation.person_id == person_id,
        Participation.household_id.in_(household_ids) & Participation.person_id.is_(None)))
        .order_by(Participation.as_of)).all()
    return [(_marked(r.program_code, r), "Pribadi" if r.person_id else "Keluarga", r.card_number or "",
             _yes_no(r.active), r.since, readable_code(r.source), r.as_of) for r in rows]


def _programs(value: dict[str, object] | None) -> str:
    def on(flag: object) -> bool:
        return bool(flag.get("aktif")) if isinstance(flag, dict) else bool(flag)
    return ", ".join(sorted(code for code, flag in (value or {}).items() if on(flag)))


def _extract_rows(session: Session, nik: str | None) -> Rows:
    if not nik:
        return []
    rows = session.execute(select(RegisterRecord, RegisterBatch.as_of, RegisterBatch.status)
                           .join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id)
                           .where(RegisterRecord.nik == nik).order_by(RegisterBatch.as_of)).all()
    return [(r.dataset, as_of, r.name, r.family_id or "", "" if r.desil_national is None else str(r.desil_national),
             _programs(r.programs), status) for r, as_of, status in rows]


def _sent_packages(session: Session, person_id: str) -> list[str]:
    sent = session.execute(select(ExchangePeerRecord.peer_code, ExchangePeerRecord.sent_sequence).where(
        ExchangePeerRecord.table_name == "person", ExchangePeerRecord.record_id == person_id,
        ExchangePeerRecord.sent_sequence.is_not(None))).all()
    ids: list[str] = []
    for peer, sequence in sent:
        ids += session.scalars(select(ExchangePackage.package_uuid).where(
            ExchangePackage.direction == "KELUAR", ExchangePackage.receiver_code == peer,
            ExchangePackage.sequence == sequence))
    return ids


def disclosure_events(session: Session, person_id: str, *, referral_ids: Iterable[str] = (),
                      visit_ids: Iterable[str] = ()) -> list[AuditEvent]:
    """The audit events that put this person's data on paper or in a file, oldest first."""
    targets = [(AuditEvent.entity == "person") & (AuditEvent.entity_id == person_id)]
    if referral_ids := list(referral_ids):
        targets.append((AuditEvent.entity == "referral") & AuditEvent.entity_id.in_(referral_ids))
    if visit_ids := list(visit_ids):
        targets.append((AuditEvent.entity == "visit") & AuditEvent.entity_id.in_(visit_ids))
    if packages := _sent_packages(session, person_id):
        targets.append((AuditEvent.entity == "exchange_package") & AuditEvent.entity_id.in_(packages))
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action.in_(DISCLOSURE_ACTIONS), or_(*targets))
                                .order_by(AuditEvent.seq)))


def _disclosures(events: list[AuditEvent]) -> Rows:
    rows: Rows = []
    for e in events:
        changes = e.changes or {}
        document = _join((changes.get("document") or e.entity, changes.get("number") or changes.get("file")))
        rows.append((e.occurred_at, DISCLOSURE_NAMES.get(e.action, e.action), document, e.recipient or "",
                     e.purpose or "", _join(changes.get("data_shared") or changes.get("sections") or ())))
    return rows


def dossier_rows(session: Session, person_id: str, names: dict[str, dict[str, str]]) -> tuple[str, dict[str, Rows]]:
    """(the person's name, {section key: rows}); `names` maps reference codes to names per code list."""
    person = get_person(session, person_id)
    memberships, household_ids = _memberships(session, person)
    visit_rows = person_visits(session, person_id)
    referral_rows = person_referrals(session, person_id)
    events = disclosure_events(session, person_id, referral_ids=[r.id for r in referral_rows],
                               visit_ids=[v.id for v in visit_rows])
    rows: dict[str, Rows] = {
        "identitas": _identity(session, person),
        "keluarga": memberships,
        "riwayat_kk": _kk_history(session, household_ids),
        "ppks": _ppks(session, person_id, names.get("ppks", {})),
        "kunjungan": [(_marked(v.registration_number, v), v.occurred_at, readable_code(v.channel), v.purpose,
                       readable_code(v.status)) for v in visit_rows],
        "persetujuan": _consents(session, person_id),
        "keluhan": _complaints(session, person_id, names.get("complaint_category", {})),
        "kebutuhan": _needs(session, person_id, names.get("need_domain", {})),
        "rujukan": _referrals(referral_rows),
        "usulan": _proposals(session, person, household_ids),
        "kepesertaan": _participations(session, person_id, household_ids),
        "data_dtsen": _extract_rows(session, person.nik),
        "pengungkapan": _disclosures(events),
    }
    return person.name, rows

