"""Aggregate counts for the monthly recap and the Beranda trends, all grouped in SQL.

Nothing here loads one row per record: at district scale (a million persons) a month holds tens of thousands of
visits. Month boundaries are computed by the caller in local time (`MonthSpan`); stored moments are compared with
them as aware datetimes, which the UTCDateTime column type turns into UTC on every backend, so no date function of
a particular database is needed.

A record's village is its household's `village_code`. With a village filter every count joins Household; without
one there is no join at all. Tombstoned rows (deleted_at set) never count.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from puskesos_desk.data.orm.casework import Complaint, Need, Visit
from puskesos_desk.data.orm.household import Household
from puskesos_desk.data.orm.proposals import DtsenProposal
from puskesos_desk.data.orm.reference import ServiceDirectoryEntry, Wilayah
from puskesos_desk.data.orm.referral import Referral, ReferralEvent
from puskesos_desk.domain.enums import ComplaintStatus, NeedStatus, ReferralOutcome, ReferralStatus
from puskesos_desk.domain.records import ReferralOutcomeMonth

OPEN_COMPLAINT = (ComplaintStatus.BARU.value, ComplaintStatus.DITANGANI.value, ComplaintStatus.DIRUJUK.value)
OPEN_NEED = (NeedStatus.TERIDENTIFIKASI.value, NeedStatus.DIRUJUK.value)
#: Referrals that reached an agency at some point (a draft never did; a cancelled one may have).
SENT_STATUSES = tuple(s.value for s in ReferralStatus if s not in (ReferralStatus.DRAFT, ReferralStatus.DISETUJUI,
                                                                  ReferralStatus.DIBATALKAN))
_WAITING = frozenset({ReferralStatus.DISETUJUI, ReferralStatus.DIKIRIM, ReferralStatus.DITERIMA,
                      ReferralStatus.DIPROSES, ReferralStatus.TIDAK_ADA_KABAR})
_NOT_SERVED_OUTCOME = ReferralOutcome.TIDAK_TERLAYANI.value


#: The kinds of record a recap counts, by the name services use for them.
MODELS: dict[str, Any] = {"visit": Visit, "complaint": Complaint, "need": Need, "proposal": DtsenProposal,
                          "referral": Referral}


@dataclass(frozen=True)
class MonthSpan:
    """One calendar month as local time [start, end), both aware."""

    key: str  # "2026-05"
    start: datetime
    end: datetime

    @property
    def first_day(self) -> date:
        return self.start.date()

    @property
    def last_day(self) -> date:
        return self.end.date() - timedelta(days=1)


@dataclass(frozen=True)
class Place:
    """Which records a count covers: every record ('') or the records of one village's households."""

    village_code: str = ""


@dataclass(frozen=True)
class TrendMonth:
    month: str
    visits: int
    complaints: int
    referrals: ReferralOutcomeMonth


@dataclass(frozen=True)
class AnsweredReferral:
    """A referral answered in the month: when it was sent (the first DIKIRIM event, None if it has none), its
    letter date (the fallback), and the day of the first answer."""

    sent_at: datetime | None
    letter_date: date
    answered_on: date


@dataclass(frozen=True)
class ServiceCount:
    organization: str
    service_name: str
    status: str
    outcome: str | None
    count: int


# --- what "in the month" means for each kind of record -------------------------------------------------------------

def _moment(model: Any) -> Any:
    return Visit.occurred_at if model is Visit else model.created_at


def _in_month(model: Any, span: MonthSpan) -> list[ColumnElement[bool]]:
    """Visits by when they happened; referrals by letter date, drafts left out; the rest by when recorded."""
    if model is Referral:
        return [Referral.letter_date >= span.first_day, Referral.letter_date <= span.last_day,
                Referral.status != ReferralStatus.DRAFT.value]
    moment = _moment(model)
    return [moment >= span.start, moment < span.end]


def _scoped(statement: Select[Any], model: Any, place: Place) -> Select[Any]:
    statement = statement.where(model.deleted_at.is_(None))
    if place.village_code:
        statement = statement.join(Household, Household.id == model.household_id) \
            .where(Household.village_code == place.village_code)
    return statement


def count_by(session: Session, kind: str, key: str, span: MonthSpan, place: Place) -> dict[str, int]:
    """Records of `kind` (a key of MODELS) in the month, per value of its column `key` ("status", "channel"…)."""
    model = MODELS[kind]
    key_column = getattr(model, key)
    statement = _scoped(select(key_column, func.count()).select_from(model), model, place) \
        .where(*_in_month(model, span)).group_by(key_column)
    return {"" if value is None else str(value): int(count) for value, count in session.execute(statement)}


def count_in(session: Session, kind: str, span: MonthSpan, place: Place) -> int:
    model = MODELS[kind]
    statement = _scoped(select(func.count()).select_from(model), model, place).where(*_in_month(model, span))
    return int(session.scalar(statement) or 0)


def need_ppks_lists(session: Session, span: MonthSpan, place: Place) -> list[list[str]]:
    """The PPKS code list of each need recorded in the month (one narrow column; JSON is read in Python)."""
    statement = _scoped(select(Need.ppks_codes).select_from(Need), Need, place).where(*_in_month(Need, span))
    return [list(codes or []) for codes in session.scalars(statement)]


def referrals_by_service(session: Session, span: MonthSpan, place: Place) -> list[ServiceCount]:
    statement = _scoped(
        select(ServiceDirectoryEntry.organization, ServiceDirectoryEntry.service_name, Referral.status,
               Referral.outcome, func.count()).select_from(Referral)
        .join(ServiceDirectoryEntry, ServiceDirectoryEntry.id == Referral.service_id), Referral, place,
    ).where(*_in_month(Referral, span)).group_by(
        ServiceDirectoryEntry.organization, ServiceDirectoryEntry.service_name, Referral.status, Referral.outcome)
    return [ServiceCount(org or "", name or "", status, outcome, int(count))
            for org, name, status, outcome, count in session.execute(statement)]


def referrals_answered(session: Session, span: MonthSpan, place: Place) -> list[AnsweredReferral]:
    """Referrals whose first answer (received_on) fell in the month, with the moment each was sent.

    One row per answered referral: a month has at most a few thousand, and the working-day count needs the
    holiday calendar, which lives in Python. The sending moment is looked up for those referrals only (the
    referral_id index): grouping every event of the district first took seconds at 200,000 referrals."""
    sent_at = (select(func.min(ReferralEvent.occurred_at))
               .where(ReferralEvent.referral_id == Referral.id,
                      ReferralEvent.status_after == ReferralStatus.DIKIRIM.value, ReferralEvent.deleted_at.is_(None))
               .correlate(Referral).scalar_subquery())
    statement = _scoped(
        select(sent_at, Referral.letter_date, Referral.received_on).select_from(Referral), Referral, place,
    ).where(Referral.received_on >= span.first_day, Referral.received_on <= span.last_day)
    rows = session.execute(statement).all()
    return [AnsweredReferral(sent, letter, answered) for sent, letter, answered in rows]


# --- overdue at a given day -----------------------------------------------------------------------------------------

def overdue_referrals(session: Session, as_of: date, place: Place) -> int:
    """Referrals that were sent, had no answer yet on `as_of`, and whose answer was due before it."""
    statement = _scoped(select(func.count()).select_from(Referral), Referral, place).where(
        Referral.status.in_(SENT_STATUSES), Referral.response_due < as_of,
        or_(Referral.received_on.is_(None), Referral.received_on > as_of))
    return int(session.scalar(statement) or 0)


def overdue_complaints(session: Session, as_of: date, day_end: datetime, place: Place) -> int:
    """Complaints received by the end of `as_of` (`day_end`, local), still open then, and due before it."""
    still_open = or_(and_(Complaint.closed_at.is_(None), Complaint.status.in_(OPEN_COMPLAINT)),
                     Complaint.closed_at >= day_end)
    statement = _scoped(select(func.count()).select_from(Complaint), Complaint, place).where(
        Complaint.created_at < day_end, Complaint.due_date < as_of, still_open)
    return int(session.scalar(statement) or 0)


def overdue_needs(session: Session, as_of: date, day_end: datetime, place: Place) -> int:
    """Needs recorded by the end of `as_of`, open now, and due before `as_of` (a need keeps no closing date, so
    its current status stands for the status at the end of the month)."""
    statement = _scoped(select(func.count()).select_from(Need), Need, place).where(
        Need.created_at < day_end, Need.due_date < as_of, Need.status.in_(OPEN_NEED))
    return int(session.scalar(statement) or 0)


# --- per village (district) -----------------------------------------------------------------------------------------

def count_per_village(session: Session, kind: str, span: MonthSpan) -> dict[str, int]:
    model = MODELS[kind]
    statement = (select(Household.village_code, func.count()).select_from(model)
                 .join(Household, Household.id == model.household_id)
                 .where(model.deleted_at.is_(None), *_in_month(model, span)).group_by(Household.village_code))
    return {code: int(count) for code, count in session.execute(statement)}


def region_names(session: Session, codes: Sequence[str]) -> dict[str, str]:
    if not codes:
        return {}
    return dict(session.execute(select(Wilayah.code, Wilayah.name).where(Wilayah.code.in_(list(codes)))).all())


# --- the 12-month trend (Beranda and the recap) --------------------------------------------------------------------

def _monthly(session: Session, model: Any, spans: Sequence[MonthSpan], place: Place,
             extra: Sequence[Any] = ()) -> list[Any]:
    """One query: a SUM(CASE WHEN …) column per month, over the whole period, grouped by `extra` columns."""
    if model is Referral:
        def inside(span: MonthSpan) -> ColumnElement[bool]:
            return and_(Referral.letter_date >= span.first_day, Referral.letter_date <= span.last_day)
        period = [Referral.letter_date >= spans[0].first_day, Referral.letter_date <= spans[-1].last_day]
    else:
        moment = _moment(model)

        def inside(span: MonthSpan) -> ColumnElement[bool]:
            return and_(moment >= span.start, moment < span.end)
        period = [moment >= spans[0].start, moment < spans[-1].end]
    sums = [func.coalesce(func.sum(case((inside(span), 1), else_=0)), 0) for span in spans]
    statement = _scoped(select(*extra, *sums).select_from(model), model, place).where(*period)
    if extra:
        statement = statement.group_by(*extra)
    return list(session.execute(statement).all())


def _referral_bucket(status: str, outcome: str | None) -> str | None:
    if status == ReferralStatus.SELESAI.value:
        return "not_served" if outcome == _NOT_SERVED_OUTCOME else "served"  # no outcome recorded: served
    if status == ReferralStatus.DITOLAK.value:
        return "not_served"
    if status in {s.value for s in _WAITING}:
        return "waiting"
    return None  # drafts and cancelled letters never reached an agency


def monthly_trends(session: Session, spans: Sequence[MonthSpan], place: Place) -> list[TrendMonth]:
    """Visits, complaints received and referrals by outcome for each month of `spans` (consecutive, oldest first)."""
    if not spans:
        return []
    visits = _monthly(session, Visit, spans, place)[0]
    complaints = _monthly(session, Complaint, spans, place)[0]
    buckets = {name: [0] * len(spans) for name in ("served", "not_served", "waiting")}
    for status, outcome, *per_month in _monthly(session, Referral, spans, place, (Referral.status, Referral.outcome)):
        bucket = _referral_bucket(status, outcome)
        if bucket is not None:
            for index, count in enumerate(per_month):
                buckets[bucket][index] += int(count or 0)
    return [TrendMonth(month=span.key, visits=int(visits[i] or 0), complaints=int(complaints[i] or 0),
                       referrals=ReferralOutcomeMonth(month=span.key, served=buckets["served"][i],
                                                      not_served=buckets["not_served"][i],
                                                      waiting=buckets["waiting"][i]))
            for i, span in enumerate(spans)]
