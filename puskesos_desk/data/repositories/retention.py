"""Anonymisation in bulk (domain/retention.py says what goes and what stays).

Rows are updated with Core statements, not ORM objects: one statement per table per batch of ids, and no per-row
audit event — an UPDATE event would write every removed name and address into the append-only log as its "before"
value. The service writes one PURGE event instead, with ids and counts. Each updated row still gets a new
row_version, so the next exchange package carries the anonymised row to the peer. The name-search tables follow
`person.name_key` through their triggers (migration 0010).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, func, select, union_all, update
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.casework import Complaint, Consent, FollowUp, Need, Participation, Visit
from puskesos_desk.data.orm.exchange import ExchangeParkedRow
from puskesos_desk.data.orm.household import Household, KkHistory, Membership, Person, PersonPpks
from puskesos_desk.data.orm.proposals import DtsenProposal, HouseholdChangeRequest
from puskesos_desk.data.orm.referral import Referral, ReferralEvent
from puskesos_desk.data.orm.register import RegisterBatch, RegisterIssue, RegisterRecord
from puskesos_desk.data.repositories.register import ACTIVE, purge_batches
from puskesos_desk.domain.enums import ComplaintStatus, NeedStatus, ProposalStatus, ReferralStatus
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.retention import ANONYMISED_NAME, HouseholdActivity, anonymised_birth_date

#: What replaces free text in a column the exchange sheets require (an empty cell would be refused at the peer).
REQUIRED_TEXT = ANONYMISED_NAME
CHUNK = 500  # ids per IN (…): well under SQLite's bound-parameter limit
OPEN_REFERRAL = (ReferralStatus.DRAFT, ReferralStatus.DISETUJUI, ReferralStatus.DIKIRIM, ReferralStatus.DITERIMA,
                 ReferralStatus.DIPROSES, ReferralStatus.TIDAK_ADA_KABAR)
OPEN_COMPLAINT = (ComplaintStatus.BARU, ComplaintStatus.DITANGANI, ComplaintStatus.DIRUJUK)
OPEN_NEED = (NeedStatus.TERIDENTIFIKASI, NeedStatus.DIRUJUK)
OPEN_PROPOSAL = (ProposalStatus.DRAFT, ProposalStatus.SIAP_MUSDES, ProposalStatus.DIAJUKAN)
_PENDING = "MENUNGGU"
#: Proposal member snapshot keys that stay: what the proposal reports count, nothing that names a person.
_SNAPSHOT_KEEPS = ("person_id", "relation", "sex", "occupation", "education", "school_status", "marital_status",
                   "disability", "residence_status")


@dataclass
class Removed:
    """Counts per table and the ids of the households and persons anonymised (never the removed values)."""

    counts: dict[str, int] = field(default_factory=dict)
    household_ids: list[str] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)

    def add(self, table: str, rows: int) -> None:
        if rows:
            self.counts[table] = self.counts.get(table, 0) + rows


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield list(ids[start:start + CHUNK])


def _stamp(table: Table, when: datetime, actor_id: str) -> dict[str, Any]:
    return {"row_version": table.c.row_version + 1, "updated_at": when, "updated_by": actor_id}


def _clear(session: Session, model: Any, where: Any, values: dict[str, Any], when: datetime, actor_id: str) -> int:
    table: Table = model.__table__
    result = session.execute(update(table).where(where).values(**values, **_stamp(table, when, actor_id)))
    return int(result.rowcount or 0)


# --- which households are due --------------------------------------------------------------------------------------

def household_activity(session: Session) -> list[HouseholdActivity]:
    """For every household not yet anonymised: its latest change to any of its records, and whether it has an
    open referral, complaint, need, proposal or change request. Grouped in SQL, one row per household."""
    moments = union_all(
        select(Household.id.label("hid"), Household.updated_at.label("at")),
        select(Person.household_id, func.max(Person.updated_at)).group_by(Person.household_id),
        *(select(model.household_id, func.max(model.updated_at)).group_by(model.household_id)
          for model in (Visit, Complaint, Need, Referral, DtsenProposal, HouseholdChangeRequest, Participation)),
        select(Visit.household_id, func.max(Visit.occurred_at)).group_by(Visit.household_id),
    ).subquery()
    last = dict(session.execute(select(moments.c.hid, func.max(moments.c.at)).group_by(moments.c.hid)).all())
    opened = _households_with_open_cases(session)
    households = session.scalars(select(Household.id).where(Household.anonymised_at.is_(None)))
    return [HouseholdActivity(hid, last[hid], hid in opened) for hid in households if last.get(hid) is not None]


def _households_with_open_cases(session: Session) -> set[str]:
    live = [(Referral, Referral.status.in_([s.value for s in OPEN_REFERRAL])),
            (Complaint, Complaint.status.in_([s.value for s in OPEN_COMPLAINT])),
            (Need, Need.status.in_([s.value for s in OPEN_NEED])),
            (DtsenProposal, DtsenProposal.status.in_([s.value for s in OPEN_PROPOSAL])),
            (HouseholdChangeRequest, HouseholdChangeRequest.status == _PENDING)]
    found: set[str] = set()
    for model, is_open in live:
        found.update(session.scalars(select(model.household_id).where(model.deleted_at.is_(None), is_open)
                                     .distinct()))
    return found


def count_members(session: Session, household_ids: Sequence[str]) -> int:
    """Persons whose current household is one of these (the members a run would anonymise)."""
    return sum(int(session.scalar(select(func.count()).select_from(Person).where(
        Person.household_id.in_(part), Person.anonymised_at.is_(None))) or 0) for part in _chunks(household_ids))


def person_open_cases(session: Session, person_id: str) -> tuple[int, int]:
    """Open referrals and open complaints about one person."""
    referrals = session.scalar(select(func.count()).select_from(Referral).where(
        Referral.person_id == person_id, Referral.deleted_at.is_(None),
        Referral.status.in_([s.value for s in OPEN_REFERRAL])))
    complaints = session.scalar(select(func.count()).select_from(Complaint).where(
        Complaint.person_id == person_id, Complaint.deleted_at.is_(None),
        Complaint.status.in_([s.value for s in OPEN_COMPLAINT])))
    return int(referrals or 0), int(complaints or 0)


# --- anonymising ----------------------------------------------------------------------------------------------------

def anonymise_persons(session: Session, person_ids: Sequence[str], when: datetime, actor_id: str,
                      removed: Removed) -> None:
    """The person rows and what hangs on a person alone: consent, PPKS notes, memberships, participation."""
    table: Table = Person.__table__
    for part in _chunks(person_ids):
        rows = session.execute(select(Person.id, Person.birth_date).where(
            Person.id.in_(part), Person.anonymised_at.is_(None))).all()
        if not rows:
            continue
        statement = update(table).where(table.c.id == bindparam("pid")).values(
            name=ANONYMISED_NAME, name_key=normalize_name(ANONYMISED_NAME), nik=None, nik_check={}, birth_place="",
            birth_date=bindparam("born"), mother_name=None, chronic_illness=None, due_date=None, phone=None,
            anonymised_at=when, **_stamp(table, when, actor_id))
        session.execute(statement, [{"pid": pid, "born": anonymised_birth_date(born)} for pid, born in rows])
        done = [pid for pid, _ in rows]
        removed.add("person", len(done))
        removed.person_ids.extend(done)
        removed.add("consent", _clear(session, Consent, Consent.person_id.in_(done), {"given_by_name": ""},
                                      when, actor_id))
        removed.add("person_ppks", _clear(session, PersonPpks, PersonPpks.person_id.in_(done), {"notes": ""},
                                          when, actor_id))
        removed.add("membership", _clear(session, Membership, Membership.person_id.in_(done), {"reason": ""},
                                         when, actor_id))
        removed.add("participation", _clear(session, Participation, Participation.person_id.in_(done),
                                            {"card_number": None, "notes": ""}, when, actor_id))


def anonymise_households(session: Session, household_ids: Sequence[str], when: datetime, actor_id: str,
                         removed: Removed) -> None:
    """Due households: the household row, every current member, and the free text of all their case records."""
    for part in _chunks(household_ids):
        anonymise_household_rows(session, part, when, actor_id, removed)
        members = list(session.scalars(select(Person.id).where(Person.household_id.in_(part))))
        anonymise_persons(session, members, when, actor_id, removed)
        clear_case_text(session, household_ids=part, person_ids=(), when=when, actor_id=actor_id, removed=removed)


def anonymise_household_rows(session: Session, household_ids: Sequence[str], when: datetime, actor_id: str,
                             removed: Removed) -> None:
    """The household rows themselves (head name, KK number, address, location, phone), their KK-number history and
    the participation recorded for the household as a whole."""
    count = _clear(session, Household, Household.id.in_(household_ids) & Household.anonymised_at.is_(None), {
        "head_name": ANONYMISED_NAME, "kk_number": None, "address": REQUIRED_TEXT, "rt": "", "rw": "", "hamlet": "",
        "latitude": None, "longitude": None, "phone": None, "anonymised_at": when}, when, actor_id)
    removed.add("household", count)
    removed.household_ids.extend(household_ids)
    removed.add("kk_history", _clear(session, KkHistory, KkHistory.household_id.in_(household_ids),
                                     {"kk_number": "", "reason": ""}, when, actor_id))
    removed.add("participation", _clear(
        session, Participation, Participation.household_id.in_(household_ids) & Participation.person_id.is_(None),
        {"card_number": None, "notes": ""}, when, actor_id))


def clear_case_text(session: Session, *, household_ids: Sequence[str], person_ids: Sequence[str], when: datetime,
                    actor_id: str, removed: Removed) -> None:
    """Free text of visits, complaints, needs, referrals (and their events), follow-ups, proposals and change
    requests: of whole households, or of the records about the given persons. Categories, dates, statuses and
    outcome codes stay."""
    def about(model: Any, person_column: Any) -> Any:
        return model.household_id.in_(household_ids) if household_ids else person_column.in_(person_ids)

    removed.add("visit", _clear(session, Visit, about(Visit, Visit.applicant_person_id),
                                {"applicant_name": "", "purpose": REQUIRED_TEXT}, when, actor_id))
    complaint_where, need_where = about(Complaint, Complaint.person_id), about(Need, Need.person_id)
    referral_where = about(Referral, Referral.person_id)
    topics = [*session.scalars(select(Complaint.id).where(complaint_where)),
              *session.scalars(select(Need.id).where(need_where))]
    referrals = list(session.scalars(select(Referral.id).where(referral_where)))
    removed.add("complaint", _clear(session, Complaint, complaint_where, {"description": REQUIRED_TEXT, "answer": ""},
                                    when, actor_id))
    removed.add("need", _clear(session, Need, need_where, {"description": ""}, when, actor_id))
    removed.add("referral", _clear(session, Referral, referral_where, {
        "requested_service": REQUIRED_TEXT, "problem_summary": REQUIRED_TEXT, "outcome_notes": "",
        "rejection_reason": "", "register_snapshot": {}}, when, actor_id))
    for part in _chunks(referrals):
        removed.add("referral_event", _clear(session, ReferralEvent, ReferralEvent.referral_id.in_(part),
                                             {"notes": ""}, when, actor_id))
    if household_ids:
        proposals = session.execute(select(DtsenProposal.id, DtsenProposal.members_snapshot).where(
            DtsenProposal.household_id.in_(household_ids))).all()
        topics.extend(pid for pid, _ in proposals)
        _anonymise_proposals(session, proposals, when, actor_id, removed)
        removed.add("household_change_request", _clear(
            session, HouseholdChangeRequest, HouseholdChangeRequest.household_id.in_(household_ids),
            {"payload": {}, "reason": REQUIRED_TEXT, "decision_reason": ""}, when, actor_id))
    for part in _chunks(topics):
        removed.add("follow_up", _clear(session, FollowUp, FollowUp.entity_id.in_(part), {"notes": ""},
                                        when, actor_id))


def _anonymise_proposals(session: Session, proposals: Sequence[Any], when: datetime, actor_id: str,
                         removed: Removed) -> None:
    if not proposals:
        return
    table: Table = DtsenProposal.__table__
    statement = update(table).where(table.c.id == bindparam("pid")).values(
        members_snapshot=bindparam("members"), verification_notes="", **_stamp(table, when, actor_id))
    session.execute(statement, [{"pid": pid, "members": [_snapshot_member(m) for m in members or ()]}
                                for pid, members in proposals])
    removed.add("dtsen_proposal", len(proposals))


def _snapshot_member(member: dict[str, Any]) -> dict[str, Any]:
    kept = {key: member.get(key) for key in _SNAPSHOT_KEEPS if key in member}
    born = member.get("birth_date")
    kept.update(name=ANONYMISED_NAME, nik=None, birth_date=f"{str(born)[:4]}-07-01" if born else None)
    return kept


# --- superseded extracts and parked exchange rows -------------------------------------------------------------------

def superseded_extract_rows(session: Session, cut: datetime) -> dict[str, int]:
    """Rows still held by extract batches that were replaced (or removed) before `cut`: {batch id: rows}."""
    replaced = select(RegisterBatch.id).where(
        (RegisterBatch.status != ACTIVE) | RegisterBatch.deleted_at.is_not(None), RegisterBatch.updated_at < cut)
    counts = session.execute(select(RegisterRecord.batch_id, func.count()).where(
        RegisterRecord.batch_id.in_(replaced)).group_by(RegisterRecord.batch_id)).all()
    issues = session.execute(select(RegisterIssue.batch_id, func.count()).where(
        RegisterIssue.batch_id.in_(replaced)).group_by(RegisterIssue.batch_id)).all()
    found = {batch: int(rows) for batch, rows in counts}
    for batch, _ in issues:
        found.setdefault(batch, 0)
    return found


def purge_extract_rows(session: Session, batch_ids: Sequence[str]) -> None:
    purge_batches(session, list(batch_ids))


def parked_rows_due(session: Session, cut: datetime) -> list[str]:
    """Decided parked rows whose copied values are still held, decided before `cut`."""
    rows = session.execute(select(ExchangeParkedRow.id, ExchangeParkedRow.values).where(
        ExchangeParkedRow.status != _PENDING, ExchangeParkedRow.decided_at < cut)).all()
    return [rid for rid, values in rows if values]


def clear_parked_rows(session: Session, row_ids: Sequence[str], when: datetime, actor_id: str) -> int:
    return sum(_clear(session, ExchangeParkedRow, ExchangeParkedRow.id.in_(part), {"values": {}}, when, actor_id)
               for part in _chunks(row_ids))


# --- erasure of one person ------------------------------------------------------------------------------------------

def living_members(session: Session, household_id: str) -> list[str]:
    return list(session.scalars(select(Person.id).where(
        Person.household_id == household_id, Person.deleted_at.is_(None), Person.residence_status == "ADA")))

