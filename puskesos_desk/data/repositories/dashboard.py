"""Counts for the Beranda page (the 12-month trends live in report_counts, shared with the monthly recap)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.casework import Complaint, Need, Visit
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.proposals import DtsenProposal
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.domain.enums import ComplaintStatus, NeedStatus, ProposalStatus, ReferralStatus

OPEN_COMPLAINT = (ComplaintStatus.BARU, ComplaintStatus.DITANGANI, ComplaintStatus.DIRUJUK)
OPEN_NEED = (NeedStatus.TERIDENTIFIKASI, NeedStatus.DIRUJUK)
OPEN_REFERRAL = (
    ReferralStatus.DRAFT, ReferralStatus.DISETUJUI, ReferralStatus.DIKIRIM, ReferralStatus.DITERIMA,
    ReferralStatus.DIPROSES, ReferralStatus.TIDAK_ADA_KABAR,
)
# No answer yet (an acknowledgement is an answer): the same rule as the Rujukan page and the monthly recap.
AWAITING_ANSWER = (ReferralStatus.DIKIRIM, ReferralStatus.TIDAK_ADA_KABAR)
OPEN_PROPOSAL = (ProposalStatus.DRAFT, ProposalStatus.SIAP_MUSDES, ProposalStatus.DIAJUKAN)


def _count(session: Session, model: type, *conditions: object) -> int:
    query = select(func.count()).select_from(model).where(model.deleted_at.is_(None), *conditions)  # type: ignore[attr-defined]
    return int(session.scalar(query) or 0)


def count_households(session: Session) -> int:
    return _count(session, Household)


def count_persons(session: Session) -> int:
    return _count(session, Person)


def count_visits_between(session: Session, start: datetime, end: datetime) -> int:
    return _count(session, Visit, Visit.occurred_at >= start, Visit.occurred_at < end)


def count_open_complaints(session: Session) -> int:
    return _count(session, Complaint, Complaint.status.in_([s.value for s in OPEN_COMPLAINT]))


def count_open_needs(session: Session) -> int:
    return _count(session, Need, Need.status.in_([s.value for s in OPEN_NEED]))


def count_open_referrals(session: Session) -> int:
    return _count(session, Referral, Referral.status.in_([s.value for s in OPEN_REFERRAL]))


def count_overdue_referrals(session: Session, today: date) -> int:
    return _count(session, Referral, Referral.status.in_([s.value for s in AWAITING_ANSWER]),
                  Referral.response_due < today)


def count_open_proposals(session: Session) -> int:
    return _count(session, DtsenProposal, DtsenProposal.status.in_([s.value for s in OPEN_PROPOSAL]))
