"""Referral rows and their event history, read as domain records with the names screens and slips show."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.casework import Consent
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.reference import ServiceDirectoryEntry
from puskesos_desk.data.orm.referral import Referral, ReferralEvent
from puskesos_desk.data.orm.users import UserAccount
from puskesos_desk.domain.enums import ReferralOutcome, ReferralStatus
from puskesos_desk.domain.errors import NotFound
from puskesos_desk.domain.referrals import ReferralEventRecord, ReferralRecord, RegisterSnapshot


def insert_referral(session: Session, **fields: Any) -> Referral:
    row = Referral(id=new_uuid(), **fields)
    session.add(row)
    return row


def insert_event(session: Session, **fields: Any) -> ReferralEvent:
    row = ReferralEvent(id=new_uuid(), **fields)
    session.add(row)
    return row


def get_referral(session: Session, referral_id: str) -> Referral:
    row = session.get(Referral, referral_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Rujukan tidak ditemukan; mungkin sudah dihapus.")
    return row


def find_by_number(session: Session, number: str) -> Referral | None:
    """The referral with this letter number; spaces and letter case typed by hand are forgiven."""
    wanted = "".join(number.split()).upper()
    return session.scalar(select(Referral).where(func.upper(Referral.letter_number) == wanted,
                                                 Referral.deleted_at.is_(None)))


def get_service(session: Session, service_id: str) -> ServiceDirectoryEntry:
    row = session.get(ServiceDirectoryEntry, service_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("Layanan tujuan tidak ditemukan di direktori layanan.")
    return row


def has_explicit_consent(session: Session, person_id: str, purpose: str) -> bool:
    """Explicit consent (Ps. 20(2)(a)) for this purpose, given and not withdrawn."""
    rows = session.scalars(select(Consent.purposes).where(
        Consent.person_id == person_id, Consent.legal_basis == "PS20A_PERSETUJUAN",
        Consent.withdrawn_at.is_(None), Consent.deleted_at.is_(None)))
    return any(purpose in (purposes or ()) for purposes in rows)


def explicit_consent_id(session: Session, person_id: str, purpose: str) -> str | None:
    rows = session.execute(select(Consent.id, Consent.purposes).where(
        Consent.person_id == person_id, Consent.legal_basis == "PS20A_PERSETUJUAN",
        Consent.withdrawn_at.is_(None), Consent.deleted_at.is_(None)).order_by(Consent.given_at.desc()))
    return next((cid for cid, purposes in rows if purpose in (purposes or ())), None)


def display_names(session: Session, actor_ids: Iterable[str | None]) -> dict[str, str]:
    """User ids to full names; the CLI actor and unknown ids stay as they are."""
    wanted = {i for i in actor_ids if i}
    if not wanted:
        return {}
    found = dict(session.execute(select(UserAccount.id, UserAccount.full_name).where(UserAccount.id.in_(wanted))).all())
    return {i: found.get(i, i) for i in wanted}


def staff(session: Session, actor_id: str) -> tuple[str, str | None]:
    """(full name, role code) of a user; the CLI actor and unknown ids come back as (id, None)."""
    row = session.execute(select(UserAccount.full_name, UserAccount.role).where(UserAccount.id == actor_id)).first()
    return (row[0], row[1]) if row is not None else (actor_id, None)


@dataclass(frozen=True, slots=True)
class _Joined:
    referral: Referral
    person_name: str
    household_number: str
    service_code: str
    service_name: str
    organization: str
    organization_kind: str


def _query() -> Any:
    return (
        select(Referral, Person.name, Household.number, ServiceDirectoryEntry.code,
               ServiceDirectoryEntry.service_name, ServiceDirectoryEntry.organization,
               ServiceDirectoryEntry.organization_kind)
        .join(Person, Person.id == Referral.person_id)
        .join(Household, Household.id == Referral.household_id)
        .join(ServiceDirectoryEntry, ServiceDirectoryEntry.id == Referral.service_id)
        .where(Referral.deleted_at.is_(None))
    )


def _records(session: Session, rows: Sequence[Any]) -> list[ReferralRecord]:
    joined = [_Joined(*row) for row in rows]
    names = display_names(session, [j.referral.drafted_by for j in joined] + [j.referral.approved_by for j in joined])
    return [to_record(j, names) for j in joined]


def to_record(j: _Joined, names: dict[str, str]) -> ReferralRecord:
    r = j.referral
    snapshot = r.recipient_snapshot or {}
    return ReferralRecord(
        id=r.id, number=r.letter_number, letter_date=r.letter_date, status=ReferralStatus(r.status),
        household_id=r.household_id, household_number=j.household_number, person_id=r.person_id,
        person_name=j.person_name, service_id=r.service_id, service_code=j.service_code,
        service_name=str(snapshot.get("service_name") or j.service_name),
        organization=str(snapshot.get("organization") or j.organization),
        organization_kind=j.organization_kind, requested_service=r.requested_service,
        problem_summary=r.problem_summary, documents_attached=tuple(r.documents_attached or ()),
        data_shared=tuple(r.data_shared or ()), register=RegisterSnapshot.from_json(r.register_snapshot),
        full_ids_on_slip=r.full_ids_on_slip, drafted_by=names.get(r.drafted_by, r.drafted_by),
        approved_by=names.get(r.approved_by, r.approved_by) if r.approved_by else None, approved_at=r.approved_at,
        response_due=r.response_due, received_on=r.received_on, completed_on=r.completed_on,
        outcome=ReferralOutcome(r.outcome) if r.outcome else None, outcome_notes=r.outcome_notes,
        rejection_reason=r.rejection_reason, print_count=r.print_count, visit_id=r.visit_id, need_id=r.need_id,
        complaint_id=r.complaint_id, created_at=r.created_at, row_version=r.row_version,
    )


def referral_record(session: Session, referral_id: str) -> ReferralRecord:
    row = session.execute(_query().where(Referral.id == referral_id)).first()
    if row is None:
        raise NotFound("Rujukan tidak ditemukan; mungkin sudah dihapus.")
    return _records(session, [row])[0]


def list_records(session: Session, *, statuses: Sequence[str] = (), household_id: str | None = None,
                 text: str = "", approved_on: date | None = None, limit: int = 1000) -> list[ReferralRecord]:
    """Newest first. `text` matches the letter number, the resident's name or the service."""
    query = _query()
    if statuses:
        query = query.where(Referral.status.in_(list(statuses)))
    if household_id:
        query = query.where(Referral.household_id == household_id)
    if text.strip():
        like = f"%{text.strip()}%"
        query = query.where(or_(Referral.letter_number.ilike(like), Person.name.ilike(like),
                                ServiceDirectoryEntry.service_name.ilike(like),
                                ServiceDirectoryEntry.organization.ilike(like)))
    rows = session.execute(query.order_by(Referral.letter_year.desc(), Referral.letter_seq.desc()).limit(limit)).all()
    records = _records(session, rows)
    if approved_on is not None:
        records = [r for r in records if r.approved_at is not None and r.approved_at.date() == approved_on]
    return records


def waiting_past(session: Session, statuses: Sequence[str], before: date) -> list[Referral]:
    """Referrals in `statuses` whose response date lies before `before`."""
    return list(session.scalars(select(Referral).where(
        Referral.status.in_(list(statuses)), Referral.response_due.is_not(None), Referral.response_due < before,
        Referral.deleted_at.is_(None))))


def events(session: Session, referral_id: str) -> list[ReferralEventRecord]:
    rows = list(session.scalars(select(ReferralEvent).where(ReferralEvent.referral_id == referral_id)
                                .order_by(ReferralEvent.occurred_at, ReferralEvent.created_at)))
    names = display_names(session, (r.actor_id for r in rows))
    return [ReferralEventRecord(occurred_at=r.occurred_at, actor_name=names.get(r.actor_id, r.actor_id),
                                status_before=r.status_before, status_after=r.status_after, source=r.source,
                                notes=r.notes) for r in rows]


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """What the per-service statistics need of one referral."""

    service_id: str
    service_code: str
    service_name: str
    organization: str
    status: str
    outcome: str | None
    sent_at: datetime | None
    answered_on: date | None  # the date the receiving office first acted, as reported


def sent_on(session: Session, referral_id: str) -> date | None:
    """When the slip was handed over (the first DIKIRIM event), as a UTC date."""
    at = session.scalar(select(func.min(ReferralEvent.occurred_at)).where(
        ReferralEvent.referral_id == referral_id, ReferralEvent.status_after == "DIKIRIM"))
    return at.date() if at is not None else None


def timelines(session: Session, *, since: date | None = None) -> list[TimelineRow]:
    query = (select(Referral.id, Referral.service_id, ServiceDirectoryEntry.code, ServiceDirectoryEntry.service_name,
                    ServiceDirectoryEntry.organization, Referral.status, Referral.outcome, Referral.received_on)
             .join(ServiceDirectoryEntry, ServiceDirectoryEntry.id == Referral.service_id)
             .where(Referral.deleted_at.is_(None)))
    if since is not None:
        query = query.where(Referral.letter_date >= since)
    referrals = session.execute(query).all()
    sent = dict(session.execute(
        select(ReferralEvent.referral_id, func.min(ReferralEvent.occurred_at))
        .where(ReferralEvent.status_after == "DIKIRIM").group_by(ReferralEvent.referral_id)).all())
    return [TimelineRow(service_id=sid, service_code=code, service_name=name, organization=org, status=status,
                        outcome=outcome, sent_at=sent.get(rid), answered_on=received)
            for rid, sid, code, name, org, status, outcome, received in referrals]
