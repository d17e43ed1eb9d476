"""Which persons a breach touched: every living resident (the whole database), the residents named by the
documents printed or exported in a period (their disclosure audit events), or those in one exchange package (the
exchange ledger's sent rows).

A report or worklist export names residents without the audit event saying which; such documents are counted as
unresolved, so the notice can say that the list may be incomplete instead of silently missing them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.casework import Participation, Visit
from puskesos_desk.data.orm.exchange import ExchangePackage, ExchangePeerRecord
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.data.repositories.regions import region_chain
from puskesos_desk.domain.enums import AuditAction, ResidenceStatus
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.subject_access import readable_code

DOCUMENT_ACTIONS = (AuditAction.PRINT.value, AuditAction.EXPORT.value, AuditAction.SUBJECT_ACCESS.value)


@dataclass
class Exposure:
    """Persons found, each with the documents that carried their data (empty for the whole database)."""

    documents: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    document_labels: list[str] = field(default_factory=list)
    unresolved: int = 0


@dataclass(frozen=True, slots=True)
class PersonFacts:
    """What the list shows and what decides which categories concern the person."""

    person_id: str
    name: str
    nik: str | None
    household_number: str
    village: str
    has_kk: bool
    has_phone: bool
    has_health_data: bool
    birth_date: date | None
    receives_aid: bool


def living_person_ids(session: Session) -> list[str]:
    return list(session.scalars(select(Person.id).where(
        Person.deleted_at.is_(None), Person.anonymised_at.is_(None),
        Person.residence_status != ResidenceStatus.MENINGGAL.value).order_by(Person.name_key, Person.id)))


def _package_person_ids(session: Session, package: ExchangePackage) -> list[str]:
    sent = session.execute(select(ExchangePeerRecord.table_name, ExchangePeerRecord.record_id).where(
        ExchangePeerRecord.peer_code == package.receiver_code, ExchangePeerRecord.sent_sequence == package.sequence,
        ExchangePeerRecord.table_name.in_(("person", "household")))).all()
    persons = {record_id for table, record_id in sent if table == "person"}
    households = [record_id for table, record_id in sent if table == "household"]
    if households:
        persons |= set(session.scalars(select(Person.id).where(Person.household_id.in_(households))))
    return sorted(persons)


def find_package(session: Session, reference: str) -> ExchangePackage:
    wanted = reference.strip()
    row = session.scalar(select(ExchangePackage).where(
        ExchangePackage.direction == "KELUAR",
        or_(ExchangePackage.package_uuid == wanted, ExchangePackage.file_name == wanted)))
    if row is None:
        raise InputRejected(f"Paket keluar \"{wanted}\" tidak ditemukan di buku paket situs ini.", field="package")
    return row


def package_exposure(session: Session, reference: str) -> Exposure:
    package = find_package(session, reference)
    exposure = Exposure()
    label = f"Paket pertukaran ke-{package.sequence} ({package.file_name or package.package_uuid})"
    exposure.document_labels.append(label)
    for person_id in _package_person_ids(session, package):
        exposure.documents[person_id].append(label)
    return exposure


def _visit_person_ids(visit: Visit | None) -> list[str]:
    if visit is None:
        return []
    ids = list(visit.subject_person_ids or ())
    if visit.applicant_person_id and visit.applicant_person_id not in ids:
        ids.append(visit.applicant_person_id)
    return ids


def documents_exposure(session: Session, start: datetime, end: datetime) -> Exposure:
    """The residents named by each document printed or exported in [start, end]."""
    exposure = Exposure()
    events = session.scalars(select(AuditEvent).where(AuditEvent.action.in_(DOCUMENT_ACTIONS),
                                                      AuditEvent.occurred_at >= start, AuditEvent.occurred_at <= end)
                             .order_by(AuditEvent.seq)).all()
    for event in events:
        changes = event.changes or {}
        kind = readable_code(str(changes.get("document") or event.entity or event.action))
        label = " ".join(str(part) for part in (kind, changes.get("number") or changes.get("file") or "") if part)
        persons: list[str] = []
        if event.entity == "person":
            persons = [event.entity_id or ""]
        elif event.entity == "referral":
            person_id = session.scalar(select(Referral.person_id).where(Referral.id == event.entity_id))
            persons = [person_id] if person_id else []
        elif event.entity == "visit":
            persons = _visit_person_ids(session.get(Visit, event.entity_id))
        elif event.entity == "exchange_package":
            package = session.scalar(select(ExchangePackage).where(ExchangePackage.package_uuid == event.entity_id))
            persons = _package_person_ids(session, package) if package else []
        if not persons:
            exposure.unresolved += 1  # a report, a worklist, an agency sheet: names residents, not which
            continue
        exposure.document_labels.append(label)
        for person_id in persons:
            if label not in exposure.documents[person_id]:
                exposure.documents[person_id].append(label)
    return exposure


def person_facts(session: Session, person_ids: list[str]) -> list[PersonFacts]:
    """The facts of each person (living or not: a printed slip of a resident who died since still exposed them)."""
    facts: list[PersonFacts] = []
    villages: dict[str, str] = {}
    aided = set()
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start:start + 500]
        aided |= set(session.scalars(select(Participation.person_id).where(Participation.person_id.in_(chunk),
                                                                           Participation.active.is_(True))))
        rows = session.execute(select(Person, Household).outerjoin(Household, Household.id == Person.household_id)
                               .where(Person.id.in_(chunk))).all()
        for person, household in rows:
            village = ""
            if household is not None:
                if household.village_code not in villages:
                    chain = region_chain(session, household.village_code)
                    villages[household.village_code] = chain[0][1].title() if chain else household.village_code
                village = villages[household.village_code]
            facts.append(PersonFacts(
                person_id=person.id, name=person.name, nik=person.nik,
                household_number=household.number if household else "", village=village,
                has_kk=bool(household and household.kk_number), has_phone=bool(person.phone or (household and
                                                                                                 household.phone)),
                has_health_data=bool(person.disability or person.chronic_illness or person.pregnant),
                birth_date=person.birth_date, receives_aid=person.id in aided))
    order = {person_id: index for index, person_id in enumerate(person_ids)}
    return sorted(facts, key=lambda f: order[f.person_id])
