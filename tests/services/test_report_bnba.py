"""The BNBA service register: one row per complaint, need and visit-without-either of the month, counted against
the demo data independently; NIK/KK masked unless a user who may see them asks; the count per service."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from backends import DbLocation, clone, drop, rows
from conftest import SiteFixture, cloned_fixture

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import PermissionDenied
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.reports import ReportKind, ReportMonth, ReportRequest
from puskesos_desk.services.auth import change_own_password, sign_in
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.report_bnba import build_bnba
from puskesos_desk.services.site import initialise_site

SITE = "33.22.01.2007"
NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)  # the demo's fixed "today": Friday 20 November 2026
MONTHS = tuple(ReportMonth(2026, 11).trailing(13))
NIK_COLUMN, KK_COLUMN, SERVICE_COLUMN = 4, 5, 10


def clock() -> datetime:
    return NOW


@pytest.fixture(scope="module")
def demo_template(seeded_location: DbLocation,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DbLocation, list[dict[str, str]]]]:
    location = clone(seeded_location, tmp_path_factory.mktemp("report_bnba"), "demo.db")
    db = Database(location.url)
    initialise_site(ServiceContext(db, Actor.cli("pytest"), clock), code=SITE, name="Puskesos Desa Sumogawe",
                    role=SiteRole.DESA, admin_username="admin", admin_password="admin-rahasia-12345")
    result = generate_demo(ServiceContext(db, Actor.cli("pytest", site_code=SITE, site_role=SiteRole.DESA), clock),
                           households=60, seed=5)
    db.dispose()
    yield location, result.users
    drop(location)


@pytest.fixture
def demo(demo_template: tuple[DbLocation, list[dict[str, str]]], tmp_path: Path) -> Iterator[SiteFixture]:
    actor = Actor.cli("pytest", site_code=SITE, site_role=SiteRole.DESA)
    with cloned_fixture(demo_template[0], tmp_path, "demo.db", actor) as site:
        yield replace(site, cli=ServiceContext(site.db, actor, clock))


def signed_in(site: SiteFixture, users: list[dict[str, str]], role: str) -> ServiceContext:
    account = next(user for user in users if user["role"] == role)
    signed = sign_in(site.db, username=account["username"], password=account["password"], clock=clock)
    if signed.must_change_password:  # a demo account's generated password is changed at first sign-in
        signed = change_own_password(site.db, signed, old_password=account["password"],
                                     new_password=account["password"] + "-baru")
    return ServiceContext(site.db, signed.actor, clock)


def request(month: ReportMonth, *, unmask: bool = False) -> ReportRequest:
    return ReportRequest(ReportKind.BNBA, month, unmask=unmask)


def local_day(stored: str) -> date:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC).astimezone(local_zone()).date()


def services_in(site: SiteFixture, month: ReportMonth) -> Counter[str]:
    """Counted straight from the tables: complaints and needs recorded in the month, visits with neither."""
    inside = lambda stored: month.first_day <= local_day(stored) <= month.last_day  # noqa: E731
    complaints = [r for r in rows(site, "SELECT created_at FROM complaint WHERE deleted_at IS NULL") if inside(r[0])]
    needs = [r for r in rows(site, "SELECT created_at FROM need WHERE deleted_at IS NULL") if inside(r[0])]
    used = {r[0] for r in rows(site, "SELECT visit_id FROM complaint WHERE visit_id IS NOT NULL AND deleted_at "
                                     "IS NULL UNION SELECT visit_id FROM need WHERE visit_id IS NOT NULL "
                                     "AND deleted_at IS NULL")}
    visits = [r for r in rows(site, "SELECT id, occurred_at FROM visit WHERE deleted_at IS NULL")
              if r[0] not in used and inside(r[1])]
    return Counter(complaint=len(complaints), need=len(needs), visit=len(visits))


def rows_of(document: Any) -> tuple[tuple[object, ...], ...]:
    return document.sections[0].tables[0].rows


def test_one_row_per_service_of_the_month_as_counted_from_the_tables(demo: SiteFixture) -> None:
    seen_kinds: set[str] = set()
    for month in MONTHS:
        expected = services_in(demo, month)
        document = build_bnba(demo.cli, request(month), ProgressSink())
        rows = rows_of(document)
        labels = [str(row[SERVICE_COLUMN]) for row in rows]
        assert len(rows) == sum(expected.values()), month
        assert sum(1 for label in labels if label == "Kunjungan") == expected["visit"], month
        assert sum(1 for label in labels if label.startswith("Kebutuhan")) == expected["need"], month
        assert [row[0] for row in rows] == list(range(1, len(rows) + 1))
        assert [row[1] for row in rows] == sorted(row[1] for row in rows)  # type: ignore[type-var]
        assert all(month.first_day <= row[1] <= month.last_day for row in rows)  # type: ignore[operator]
        assert document.is_empty == (not rows)
        counts = document.sections[1].tables[0]
        assert counts.total is not None and counts.total[2] == len(rows)
        assert {row[1]: row[2] for row in counts.rows} == dict(Counter(labels))
        seen_kinds |= {key for key, value in expected.items() if value}
    assert seen_kinds == {"complaint", "need", "visit"}  # the months above exercise every kind of row


def test_identity_numbers_are_masked_unless_asked_for_by_someone_who_may(demo: SiteFixture,
                                                                        demo_template: Any) -> None:
    month = ReportMonth(2026, 9)
    niks = {r[0] for r in rows(demo, "SELECT nik FROM person WHERE nik IS NOT NULL")}
    kks = {r[0] for r in rows(demo, "SELECT kk_number FROM household WHERE kk_number IS NOT NULL")}
    masked = rows_of(build_bnba(demo.cli, request(month), ProgressSink()))
    assert masked
    for row in masked:
        assert "••••••••" in str(row[NIK_COLUMN]) and row[NIK_COLUMN] not in niks
        assert "••••••••" in str(row[KK_COLUMN]) and row[KK_COLUMN] not in kks

    koordinator = signed_in(demo, demo_template[1], "KOORDINATOR")
    full = rows_of(build_bnba(koordinator, request(month, unmask=True), ProgressSink()))
    assert [row[:4] for row in full] == [row[:4] for row in masked]
    assert all(row[NIK_COLUMN] in niks and row[KK_COLUMN] in kks for row in full)
    assert [str(f[NIK_COLUMN])[-4:] for f in full] == [str(m[NIK_COLUMN])[-4:] for m in masked]

    front_office = signed_in(demo, demo_template[1], "PETUGAS_FO")
    assert rows_of(build_bnba(front_office, request(month), ProgressSink())) == masked
    with pytest.raises(PermissionDenied, match="tidak berwenang melihat NIK"):
        build_bnba(front_office, request(month, unmask=True), ProgressSink())


def test_an_empty_month_says_so(demo: SiteFixture) -> None:
    document = build_bnba(demo.cli, request(ReportMonth(2024, 1)), ProgressSink())
    assert document.is_empty and rows_of(document) == ()
    assert document.empty_text == "Tidak ada layanan yang tercatat pada Januari 2024."
    assert document.sections[1].tables[0].total == (None, "JUMLAH", 0)


def test_a_district_report_names_each_village_and_narrows_to_one(demo: SiteFixture) -> None:
    """The demo village turned into a district whose households live in two villages."""
    rows(demo, "UPDATE site SET code = '33.22', role = 'kabupaten', parent_code = NULL")
    rows(demo, "UPDATE household SET village_code = '33.22.01.2001' WHERE number LIKE '%0' OR number LIKE '%2'")
    district = ServiceContext(demo.db, Actor.cli("pytest", site_code="33.22", site_role=SiteRole.KABUPATEN), clock)
    month = ReportMonth(2026, 9)
    everything = rows_of(build_bnba(district, request(month), ProgressSink()))
    assert {row[9] for row in everything} == {"Sumogawe", "Tajuk"}
    narrowed = build_bnba(district, ReportRequest(ReportKind.BNBA, month, village_code="33.22.01.2001"),
                          ProgressSink())
    assert rows_of(narrowed) and {row[9] for row in rows_of(narrowed)} == {"Tajuk"}
    assert [row[2] for row in rows_of(narrowed)] == [row[2] for row in everything if row[9] == "Tajuk"]
    assert "Tajuk" in narrowed.scope_label
