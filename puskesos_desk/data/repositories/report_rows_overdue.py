"""The SQL of the overdue-referrals list: referrals still awaiting an answer whose answer date has passed, with the
receiving agency, the resident's village and the last recorded follow-up (the latest status event)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.reference import ServiceDirectoryEntry, Wilayah
from puskesos_desk.data.orm.referral import Referral, ReferralEvent


@dataclass(frozen=True, slots=True)
class OverdueRow:
    organization: str
    letter_number: str
    letter_date: date
    person_name: str
    village_name: str
    service_name: str
    response_due: date
    status: str
    last_event_at: datetime | None  # aware
    last_event_notes: str


def overdue_referrals(session: Session, statuses: Sequence[str], due_before: date,
                      village_code: str = "") -> list[OverdueRow]:
    """Referrals in `statuses` whose `response_due` is before `due_before` and that had no answer yet on that day
    (`received_on` empty or later: a past month is looked at as it was, not as it is now); by agency, then the
    oldest answer date first (the `status, response_due` index serves the filter)."""
    # The latest event of each listed referral, looked up through the referral_id index for those referrals only:
    # numbering every event of the district first (a window over all of them) took seconds at 200,000 referrals.
    latest_id = (select(ReferralEvent.id)
                 .where(ReferralEvent.referral_id == Referral.id, ReferralEvent.deleted_at.is_(None))
                 .order_by(ReferralEvent.occurred_at.desc(), ReferralEvent.created_at.desc()).limit(1)
                 .correlate(Referral).scalar_subquery())
    last_event = aliased(ReferralEvent)
    query = (
        select(ServiceDirectoryEntry.organization, Referral.letter_number, Referral.letter_date, Person.name,
               func.coalesce(Wilayah.name, Household.village_code), ServiceDirectoryEntry.service_name,
               Referral.response_due, Referral.status, last_event.occurred_at, last_event.notes)
        .select_from(Referral)
        .join(ServiceDirectoryEntry, ServiceDirectoryEntry.id == Referral.service_id)
        .join(Household, Household.id == Referral.household_id)
        .join(Person, Person.id == Referral.person_id)
        .outerjoin(Wilayah, Wilayah.code == Household.village_code)
        .outerjoin(last_event, last_event.id == latest_id)
        .where(Referral.deleted_at.is_(None), Referral.status.in_(list(statuses)),
               Referral.response_due.is_not(None), Referral.response_due < due_before,
               or_(Referral.received_on.is_(None), Referral.received_on > due_before))
        .order_by(ServiceDirectoryEntry.organization, Referral.response_due, Referral.letter_number)
    )
    if village_code:
        query = query.where(Household.village_code == village_code)
    return [
        OverdueRow(organization=org, letter_number=letter, letter_date=letter_date, person_name=name,
                   village_name=village, service_name=service, response_due=due, status=status,
                   last_event_at=event_at, last_event_notes=notes or "")
        for org, letter, letter_date, name, village, service, due, status, event_at, notes in session.execute(query)
    ]
