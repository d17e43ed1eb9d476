"""Beranda shows the real figures: data goes in through the real services, is counted independently with plain
SQL, and must appear in the window after signing in through the real dialog."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from conftest import KOORDINATOR_PASSWORD
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from puskesos_desk.domain.records import HouseholdDraft, MemberDraft, VisitDraft
from puskesos_desk.services.context import local_zone
from puskesos_desk.services.registration import register_household
from puskesos_desk.services.visits import record_visit
from puskesos_desk.ui.login_dialog import LoginDialog
from puskesos_desk.ui.main_window import MainWindow

FAMILIES = (
    (
        MemberDraft(name="Slamet Riyadi", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1980, 5, 15),
                    nik="3322011505800003"),
        MemberDraft(name="Siti Aminah", relation="ISTRI", sex="P", birth_date=date(1985, 7, 20),
                    nik="3322016007850004"),
        MemberDraft(name="Dimas Riyadi", relation="ANAK", sex="L", birth_date=date(2012, 2, 1),
                    nik="3322010102120001"),
    ),
    (
        MemberDraft(name="Sukinem", relation="KEPALA_KELUARGA", sex="P", birth_date=date(1950, 1, 1),
                    no_nik_reason="BELUM_REKAM"),
    ),
)


def _register(cli: Any) -> list[tuple[str, list[str]]]:
    made = []
    for index, members in enumerate(FAMILIES):
        draft = HouseholdDraft(members=members, address=f"Dusun Krajan No. {index + 1}", rt="1", rw="2",
                               no_kk_reason="TIDAK_TAHU")
        household = register_household(cli, draft).household
        made.append((household.id, [m.id for m in household.members]))
    return made


def _visit(cli: Any, household: tuple[str, list[str]], when: datetime | None = None) -> None:
    household_id, members = household
    record_visit(cli, VisitDraft(household_id=household_id, applicant_person_id=members[0],
                                 applicant_relation="DIRI_SENDIRI", purpose="Menanyakan bantuan PKH",
                                 occurred_at=when))


def _count(path: Any, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(sql).fetchone()[0])


def _visit_times(path: Any) -> list[datetime]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT occurred_at FROM visit WHERE deleted_at IS NULL").fetchall()
    return [datetime.fromisoformat(value).replace(tzinfo=UTC).astimezone(local_zone()) for (value,) in rows]


def _dotted(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@pytest.fixture
def window(qtbot: Any, desk: Any, site_info: Any) -> MainWindow:
    households = _register(desk.cli)
    _visit(desk.cli, households[0])
    _visit(desk.cli, households[1])
    _visit(desk.cli, households[0], datetime.now(UTC) - timedelta(days=70))
    dialog = LoginDialog(desk.db, site_info)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edt_username, "koordinator")
    qtbot.keyClicks(dialog.edt_password, KOORDINATOR_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.btn_sign_in, Qt.MouseButton.LeftButton)
    assert dialog.signed_in is not None
    main = MainWindow(desk.db, dialog.signed_in, site_info)
    qtbot.addWidget(main)
    return main


def _value(main: MainWindow, key: str) -> str:
    label = main.findChild(QLabel, f"lbl_value_{key}")
    assert label is not None, key
    return label.text()


def test_beranda_shows_counts_from_the_database(qtbot: Any, desk: Any, window: MainWindow) -> None:
    page = window.page_beranda
    assert _value(window, "households") == "…"  # nothing is read before the window is painted
    with qtbot.waitSignal(page.figures_loaded, timeout=10_000):
        window.show()
    households = _count(desk.path, "SELECT count(*) FROM household WHERE deleted_at IS NULL")
    persons = _count(desk.path, "SELECT count(*) FROM person WHERE deleted_at IS NULL")
    assert (households, persons) == (2, 4)  # the registrations above really happened
    now = datetime.now(local_zone())
    times = _visit_times(desk.path)
    today = sum(1 for t in times if t.date() == now.date())
    this_month = sum(1 for t in times if (t.year, t.month) == (now.year, now.month))
    assert today == 2
    assert _value(window, "households") == _dotted(households)
    assert _value(window, "persons") == _dotted(persons)
    assert _value(window, "visits_today") == _dotted(today)
    assert _value(window, "visits_month") == _dotted(this_month)
    open_complaints = _count(desk.path, "SELECT count(*) FROM complaint WHERE deleted_at IS NULL "
                                        "AND status IN ('BARU', 'DITANGANI', 'DIRUJUK')")
    open_needs = _count(desk.path, "SELECT count(*) FROM need WHERE deleted_at IS NULL "
                                   "AND status IN ('TERIDENTIFIKASI', 'DIRUJUK')")
    referrals = _count(desk.path, "SELECT count(*) FROM referral WHERE deleted_at IS NULL AND status IN "
                                  "('DRAFT', 'DISETUJUI', 'DIKIRIM', 'DITERIMA', 'DIPROSES', 'TIDAK_ADA_KABAR')")
    proposals = _count(desk.path, "SELECT count(*) FROM dtsen_proposal WHERE deleted_at IS NULL "
                                  "AND status IN ('DRAFT', 'SIAP_MUSDES', 'DIAJUKAN')")
    assert _value(window, "open_complaints") == _dotted(open_complaints)
    assert _value(window, "open_needs") == _dotted(open_needs)
    assert _value(window, "referrals_open") == _dotted(referrals)
    assert _value(window, "proposals_open") == _dotted(proposals)
    assert "Memuat" not in page.lbl_status.text()


def test_beranda_chart_counts_visits_per_month(qtbot: Any, desk: Any, window: MainWindow) -> None:
    with qtbot.waitSignal(window.page_beranda.figures_loaded, timeout=10_000):
        window.show()
    chart = window.page_beranda.chart_visits
    data = tuple(zip(chart.categories(), chart.series()[0].values, strict=True))
    assert len(data) == 12
    per_month: dict[str, int] = {}
    for moment in _visit_times(desk.path):
        key = f"{moment.year:04d}-{moment.month:02d}"
        per_month[key] = per_month.get(key, 0) + 1
    assert dict(data) == {key: per_month.get(key, 0) for key, _count in data}
    assert sum(count for _key, count in data) == 3  # the visit 70 days ago is inside the 12 months
    now = datetime.now(local_zone())
    assert data[-1][0] == f"{now.year:04d}-{now.month:02d}"


def test_refresh_picks_up_new_visits(qtbot: Any, desk: Any, window: MainWindow) -> None:
    page = window.page_beranda
    with qtbot.waitSignal(page.figures_loaded, timeout=10_000):
        window.show()
    before = int(_value(window, "visits_today"))
    with sqlite3.connect(desk.path) as conn:
        household_id, applicant = conn.execute("SELECT household_id, id FROM person LIMIT 1").fetchone()
    _visit(desk.cli, (household_id, [applicant]))
    with qtbot.waitSignal(page.figures_loaded, timeout=10_000):
        qtbot.mouseClick(page.btn_refresh, Qt.MouseButton.LeftButton)
    assert int(_value(window, "visits_today")) == before + 1


def _figures(**changes: Any) -> Any:
    from dataclasses import replace

    from puskesos_desk.domain.records import BerandaFigures

    base = BerandaFigures(site_name="Puskesos Desa Sumogawe", households=1234, persons=4321, visits_today=3,
                          visits_this_month=40, visits_last_month=52, open_complaints=2, open_needs=5,
                          referrals_open=7, referrals_overdue=0, proposals_open=1,
                          as_of=datetime(2026, 5, 12, 2, 30, tzinfo=UTC),
                          visits_by_month=tuple((f"2026-{m:02d}", m) for m in range(1, 13)))
    return replace(base, **changes)


def test_cards_show_trend_and_overdue_warning(qtbot: Any, desk: Any) -> None:
    from puskesos_desk.ui.pages.beranda import BerandaPage

    page = BerandaPage(desk.cli)
    qtbot.addWidget(page)
    page.show_figures(_figures())
    assert page.cards["households"].lbl_value.text() == "1.234"
    assert page.cards["visits_month"].lbl_note.text() == "bulan lalu: 52\n▼ turun 12"
    note = page.cards["referrals_open"].lbl_note
    assert note.text() == "tidak ada yang terlambat"
    assert note.property("warning") is False
    page.show_figures(_figures(referrals_overdue=3, visits_this_month=60))
    assert note.text() == "3 lewat batas waktu"
    assert note.property("warning") is True
    assert page.cards["visits_month"].lbl_note.text() == "bulan lalu: 52\n▲ naik 8"
    assert "12 Mei 2026" in page.lbl_status.text()
    assert page.chart_visits.categories()[4] == "2026-05"


def _trend_figures() -> Any:
    from puskesos_desk.domain.records import ReferralOutcomeMonth

    months = tuple(f"2026-{m:02d}" for m in range(1, 13))
    return _figures(
        complaints_by_month=tuple((key, 20 - index) for index, key in enumerate(months)),
        referrals_by_month=tuple(
            ReferralOutcomeMonth(month=key, served=index, not_served=index % 3, waiting=2) for index, key in
            enumerate(months)
        ),
    )


def test_charts_show_the_three_trends(qtbot: Any, desk: Any) -> None:
    from puskesos_desk.ui.pages.beranda import BerandaPage

    page = BerandaPage(desk.cli)
    qtbot.addWidget(page)
    page.show_figures(_trend_figures())
    visits, complaints, referrals = page.chart_visits, page.chart_complaints, page.chart_referrals
    assert visits.series()[0].values == tuple(range(1, 13))
    assert complaints.categories()[0] == "2026-01"
    assert complaints.series()[0].values == tuple(range(20, 8, -1))
    assert referrals.is_stacked() and not visits.is_stacked()
    assert [one.name for one in referrals.series()] == ["Terlayani", "Tidak terlayani", "Menunggu"]
    assert referrals.series()[1].values == tuple(m % 3 for m in range(12))
    assert referrals.totals()[7] == 7 + 1 + 2
    # as_of is 12 May 2026 (local time): May is the month emphasised on every chart.
    assert {chart.current_category() for chart in page.charts} == {"2026-05"}
    assert referrals.tooltip_text(4) == "Mei 2026\nTerlayani: 4\nTidak terlayani: 1\nMenunggu: 2\nJumlah: 7"


def test_charts_without_trend_data_say_so(qtbot: Any, desk: Any) -> None:
    from puskesos_desk.ui.pages.beranda import BerandaPage

    page = BerandaPage(desk.cli)
    qtbot.addWidget(page)
    page.show_figures(_figures())  # complaints_by_month and referrals_by_month left empty
    assert not page.chart_visits.is_empty()
    assert page.chart_complaints.is_empty() and page.chart_referrals.is_empty()
    assert page.chart_referrals.accessibleDescription() == "Belum ada data"
    page.show_figures(_figures(visits_by_month=tuple((f"2026-{m:02d}", 0) for m in range(1, 13))))
    assert page.chart_visits.is_empty()


def test_charts_go_three_in_a_row_when_wide_and_two_plus_one_when_narrow(qtbot: Any, desk: Any) -> None:
    from puskesos_desk.ui.pages.beranda import BerandaPage

    page = BerandaPage(desk.cli)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.figures_loaded, timeout=10_000):
        page.show()
    page.show_figures(_trend_figures())
    first, second, third = page.chart_frames
    page.resize(1190, 725)  # the page on a 1366×768 screen
    qtbot.waitUntil(lambda: third.y() == first.y() and third.x() > second.x())
    assert first.width() >= first.minimumSizeHint().width()
    page.resize(700, 1000)
    qtbot.waitUntil(lambda: third.y() > first.y())
    assert third.x() == first.x() and third.width() > first.width()
    cards = list(page.cards.values())
    assert cards[4].y() > cards[0].y()  # four cards a row: the fifth starts the second row
    page.resize(1700, 900)
    qtbot.waitUntil(lambda: cards[7].y() == cards[0].y())
