"""Beranda's 12-month trends: counted in SQL per local month, checked against plain Python over raw rows, and
against records placed on both sides of a month boundary in a time zone far from UTC."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from backends import rows
from conftest import SiteFixture
from sqlalchemy import select

from puskesos_desk.data.orm.casework import Complaint, Visit
from puskesos_desk.data.orm.household import Household, Person
from puskesos_desk.data.orm.reference import ServiceDirectoryEntry
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.domain.records import ReferralOutcomeMonth
from puskesos_desk.domain.reports import ReportMonth
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.dashboard import beranda_figures
from tests.services.test_report_recap import NOW, Demo, demo, demo_template  # noqa: F401  (fixtures)

WIT = timezone(timedelta(hours=9))  # Papua: local midnight is 15:00 UTC the day before


def month_key(moment: object) -> str:
    return f"{datetime.fromisoformat(str(moment)).replace(tzinfo=UTC).astimezone(local_zone()):%Y-%m}"


def bucket(status: str, outcome: str | None) -> str | None:
    if status == "SELESAI":
        return "not_served" if outcome == "TIDAK_TERLAYANI" else "served"
    if status == "DITOLAK":
        return "not_served"
    return None if status in ("DRAFT", "DIBATALKAN") else "waiting"


def test_trends_match_independent_counts(demo: Demo) -> None:  # noqa: F811
    figures = beranda_figures(demo.ctx)
    months = [m.key for m in ReportMonth(2026, 11).trailing(12)]
    visits = Counter(month_key(at) for (at,) in rows(
        demo.site, "SELECT occurred_at FROM visit WHERE deleted_at IS NULL"))
    complaints = Counter(month_key(at) for (at,) in rows(
        demo.site, "SELECT created_at FROM complaint WHERE deleted_at IS NULL"))
    referrals: dict[str, Counter[str]] = {m: Counter() for m in months}
    for letter, status, outcome in rows(
            demo.site, "SELECT letter_date, status, outcome FROM referral WHERE deleted_at IS NULL"):
        kind = bucket(status, outcome)
        if kind and str(letter)[:7] in referrals:
            referrals[str(letter)[:7]][kind] += 1
    assert figures.visits_by_month == tuple((m, visits[m]) for m in months)
    assert figures.complaints_by_month == tuple((m, complaints[m]) for m in months)
    assert figures.referrals_by_month == tuple(ReferralOutcomeMonth(m, r["served"], r["not_served"], r["waiting"])
                                               for m, r in referrals.items())
    assert (figures.visits_this_month, figures.visits_last_month) == (visits["2026-11"], visits["2026-10"])
    assert sum(visits[m] for m in months) > 0 and sum(sum(r.values()) for r in referrals.values()) > 0


@pytest.fixture
def far_east(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The PC's clock set to WIT (UTC+9), so a UTC month and a local month differ by nine hours."""
    monkeypatch.setenv("TZ", "WIT-9")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_months_follow_the_local_calendar(site_db: SiteFixture, far_east: None) -> None:
    assert local_zone().utcoffset(None) == timedelta(hours=9)
    moments = {
        "late on 31 October": datetime(2026, 10, 31, 23, 30, tzinfo=WIT),  # 14:30 UTC
        "just after midnight, 1 November": datetime(2026, 11, 1, 0, 30, tzinfo=WIT),  # 31 October 15:30 UTC
        "late on 30 November": datetime(2026, 11, 30, 23, 30, tzinfo=WIT),
        "1 December": datetime(2026, 12, 1, 0, 10, tzinfo=WIT),
    }
    with site_db.db.transaction(site_db.cli.actor) as session:
        household = Household(number="KK-1", head_name="Yakob", village_code="33.22.01.2007", address="-",
                              rt="001", rw="001")
        session.add(household)
        session.flush()
        person = Person(household_id=household.id, name="Yakob", name_key="yakob", sex="L",
                        relation="KEPALA_KELUARGA")
        session.add(person)
        session.flush()
        service = session.scalars(select(ServiceDirectoryEntry.id)).first()
        for index, moment in enumerate(moments.values()):
            session.add(Visit(registration_number=f"REG-{index}", occurred_at=moment, channel="DATANG_LANGSUNG",
                              household_id=household.id, applicant_relation="DIRI_SENDIRI", officer_id="fo",
                              purpose="-"))
            session.add(Complaint(number=f"KEL-{index}", household_id=household.id, kind="PENGADUAN",
                                  category_code="LAINNYA", description="-", created_at=moment))
        for seq, (day, status, outcome) in enumerate((
                (date(2026, 10, 31), "SELESAI", None), (date(2026, 11, 1), "SELESAI", "TIDAK_TERLAYANI"),
                (date(2026, 11, 30), "DIKIRIM", None), (date(2026, 11, 2), "DRAFT", None),
                (date(2026, 11, 3), "DIBATALKAN", None)), start=1):
            session.add(Referral(letter_number=f"RUJ-{seq}", letter_year=2026, letter_seq=seq, letter_date=day,
                                 person_id=person.id, household_id=household.id, service_id=service,
                                 requested_service="-", problem_summary="-", drafted_by="bo", status=status,
                                 outcome=outcome))
    ctx = ServiceContext(site_db.db, site_db.cli.actor, lambda: datetime(2026, 12, 1, 2, 0, tzinfo=WIT))
    figures = beranda_figures(ctx)
    assert figures.visits_by_month[-3:] == (("2026-10", 1), ("2026-11", 2), ("2026-12", 1))
    assert figures.complaints_by_month[-3:] == (("2026-10", 1), ("2026-11", 2), ("2026-12", 1))
    assert figures.referrals_by_month[-3:] == (ReferralOutcomeMonth("2026-10", 1, 0, 0),
                                               ReferralOutcomeMonth("2026-11", 0, 1, 1),
                                               ReferralOutcomeMonth("2026-12", 0, 0, 0))
    assert (figures.visits_this_month, figures.visits_last_month, figures.visits_today) == (1, 2, 1)
