"""The Beranda figures."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

from puskesos_desk.data.repositories import dashboard, report_counts, sites
from puskesos_desk.domain.records import BerandaFigures
from puskesos_desk.domain.reports import ReportMonth
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.report_common import month_window

TREND_MONTHS = 12


def month_spans(last: ReportMonth, count: int, zone: tzinfo) -> tuple[report_counts.MonthSpan, ...]:
    """The `count` months ending with `last`, oldest first, as local-time windows."""
    return tuple(report_counts.MonthSpan(month.key, *month_window(month, zone)) for month in last.trailing(count))


def beranda_figures(ctx: ServiceContext) -> BerandaFigures:
    """Aggregates only (no personal data), so every signed-in role may see them."""
    zone = local_zone()
    now = ctx.now()
    today = ctx.today()
    day_start = datetime.combine(today, time.min, tzinfo=zone)
    spans = month_spans(ReportMonth.of(today), TREND_MONTHS, zone)
    with ctx.db.reading() as session:
        site = sites.get_site_row(session)
        trends = report_counts.monthly_trends(session, spans, report_counts.Place())
        return BerandaFigures(
            site_name=site.name if site else "",
            households=dashboard.count_households(session),
            persons=dashboard.count_persons(session),
            visits_today=dashboard.count_visits_between(session, day_start, day_start + timedelta(days=1)),
            visits_this_month=trends[-1].visits,
            visits_last_month=trends[-2].visits,
            open_complaints=dashboard.count_open_complaints(session),
            open_needs=dashboard.count_open_needs(session),
            referrals_open=dashboard.count_open_referrals(session),
            referrals_overdue=dashboard.count_overdue_referrals(session, today),
            proposals_open=dashboard.count_open_proposals(session),
            as_of=now,
            visits_by_month=tuple((month.month, month.visits) for month in trends),
            complaints_by_month=tuple((month.month, month.complaints) for month in trends),
            referrals_by_month=tuple(month.referrals for month in trends),
        )
