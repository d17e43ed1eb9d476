"""The Beranda figures."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from puskesos_desk.data.repositories import dashboard, sites
from puskesos_desk.domain.records import BerandaFigures
from puskesos_desk.services.context import ServiceContext, local_zone


def _month_start(year: int, month: int) -> datetime:
    return datetime(year, month, 1, tzinfo=local_zone())


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def beranda_figures(ctx: ServiceContext) -> BerandaFigures:
    """Aggregates only (no personal data), so every signed-in role may see them."""
    zone = local_zone()
    now = ctx.now()
    today = ctx.today()
    day_start = datetime.combine(today, time.min, tzinfo=zone)
    this_month = _month_start(today.year, today.month)
    last_month = _month_start(*_shift_month(today.year, today.month, -1))
    next_month = _month_start(*_shift_month(today.year, today.month, 1))
    first_of_trend = _month_start(*_shift_month(today.year, today.month, -11))
    with ctx.db.reading() as session:
        site = sites.get_site_row(session)
        per_month = dashboard.visits_per_month(session, first_of_trend, zone)
        return BerandaFigures(
            site_name=site.name if site else "",
            households=dashboard.count_households(session),
            persons=dashboard.count_persons(session),
            visits_today=dashboard.count_visits_between(session, day_start, day_start + timedelta(days=1)),
            visits_this_month=dashboard.count_visits_between(session, this_month, next_month),
            visits_last_month=dashboard.count_visits_between(session, last_month, this_month),
            open_complaints=dashboard.count_open_complaints(session),
            open_needs=dashboard.count_open_needs(session),
            referrals_open=dashboard.count_open_referrals(session),
            referrals_overdue=dashboard.count_overdue_referrals(session, today),
            proposals_open=dashboard.count_open_proposals(session),
            as_of=now,
            visits_by_month=tuple(
                (key, per_month.get(key, 0))
                for key in (
                    "{:04d}-{:02d}".format(*_shift_month(today.year, today.month, -offset))
                    for offset in range(11, -1, -1)
                )
            ),
        )
