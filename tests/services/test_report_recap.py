"""The monthly recap against counts made independently: raw reads of the demo database, counted in plain
Python (local months, tombstones left out, the working-day median with the holiday calendar), and a district whose
village filter narrows every figure and whose villages add up to the whole."""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from backends import DbLocation, clone, drop, rows
from conftest import SITE_CODE, SITE_NAME, SiteFixture, cloned_fixture

from puskesos_desk.data.db import Database
from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.errors import Cancelled
from puskesos_desk.domain.exchange_records import ProgressSink
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.referrals import STATUS_LABELS as REFERRAL_STATUS_LABELS
from puskesos_desk.domain.reports import ReportDocument, ReportKind, ReportMonth, ReportRequest, ReportTable
from puskesos_desk.domain.workdays import WorkCalendar
from puskesos_desk.services.context import ServiceContext, local_zone
from puskesos_desk.services.demo import generate_demo
from puskesos_desk.services.proposals import STATUS_LABELS as PROPOSAL_STATUS_LABELS
from puskesos_desk.services.report_recap import (
    COMPLAINT_STATUS_LABELS,
    COMPLAINT_TYPE_LABELS,
    TITLE_DESA,
    TITLE_DISTRICT,
    build_recap,
)
from puskesos_desk.services.site import initialise_site
from tests.services.consolidated_rows import GENUK, SAMIRONO, SUMOGAWE, build_district_location, district_copy

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)  # a Friday morning in Indonesia
MONTHS = ("2026-11", "2026-10", "2026-04", "2026-02", "2026-01")
OPEN_COMPLAINT = ("BARU", "DITANGANI", "DIRUJUK")
NEVER_SENT = ("DRAFT", "DISETUJUI", "DIBATALKAN")


@dataclass(frozen=True)
class Demo:
    site: SiteFixture
    ctx: ServiceContext  # with the fixed clock


@pytest.fixture(scope="module")
def demo_template(seeded_location: DbLocation,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbLocation]:
    """Desa Sumogawe with a year of demo activity up to NOW, plus an overdue referral and a tombstoned visit."""
    location = clone(seeded_location, tmp_path_factory.mktemp("recap"), "demo.db")
    db = Database(location.url)
    initialise_site(ServiceContext(db, Actor.cli("pytest"), lambda: NOW), code=SITE_CODE, name=SITE_NAME,
                    role=SiteRole.DESA, admin_username="admin", admin_full_name="Admin Desa",
                    admin_password="admin-desa-rahasia-1", address="Jl. Raya Sumogawe No. 1")
    generate_demo(ServiceContext(db, Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA),
                                 lambda: NOW), households=100, seed=7)
    db.dispose()
    # One sent referral whose answer was due before NOW, and one visit of November removed (the server keeps UTC,
    # like SQLite's text: the literal moment is UTC on both).
    rows(location, "UPDATE referral SET response_due = '2026-11-10' WHERE id = "
                   "(SELECT id FROM referral WHERE status = 'DIKIRIM' ORDER BY id LIMIT 1)")
    rows(location, "UPDATE visit SET deleted_at = '2026-11-20 02:00:00.000000' WHERE id = "
                   "(SELECT id FROM visit WHERE occurred_at >= '2026-11-03' ORDER BY occurred_at LIMIT 1)")
    yield location
    drop(location)


@pytest.fixture
def demo(demo_template: DbLocation, tmp_path: Path) -> Iterator[Demo]:
    actor = Actor.cli("pytest", site_code=SITE_CODE, site_role=SiteRole.DESA)
    with cloned_fixture(demo_template, tmp_path, "demo.db", actor) as site:
        yield Demo(site, ServiceContext(site.db, site.cli.actor, lambda: NOW))


def recap(ctx: ServiceContext, month: str, village: str = "") -> ReportDocument:
    return build_recap(ctx, ReportRequest(ReportKind.RECAP, ReportMonth.parse(month), village_code=village),
                       ProgressSink())


def table(document: ReportDocument, sheet: str, title: str) -> ReportTable:
    section = next(s for s in document.sections if s.sheet_name == sheet)
    return next(t for t in section.tables if t.title == title)


def columns(found: ReportTable, index: int) -> dict[str, object]:
    """label → the value of one column (1 = this month, 2 = previous month)."""
    return {str(row[0]): row[index] for row in found.rows}


def nonzero(values: dict[str, object]) -> dict[str, object]:
    return {key: value for key, value in values.items() if value}


# --- independent counting over raw rows ------------------------------------------------------------------------------

class Raw:
    def __init__(self, site: SiteFixture) -> None:
        self.site = site

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        return rows(self.site, sql)

    def names(self, sql: str) -> dict[str, str]:
        return {str(code): str(name) for code, name in self.rows(sql)}


def local(moment: object) -> datetime:
    return datetime.fromisoformat(str(moment)).replace(tzinfo=UTC).astimezone(local_zone())


def month_of(moment: object) -> str:
    return f"{local(moment):%Y-%m}"


def counted(pairs: list[tuple[str, str]], month: str, labels: dict[str, str]) -> dict[str, int]:
    """(month key, code) pairs → label → count for one month, zero labels dropped."""
    return dict(Counter(labels.get(code, code) for key, code in pairs if key == month))


def expected_median(raw: Raw, month: str) -> float | None:
    calendar = WorkCalendar(
        holidays=frozenset(date.fromisoformat(str(d)) for (d,) in raw.rows(
            "SELECT day FROM holiday WHERE deleted_at IS NULL")),
        covered_years=frozenset(int(str(y)) for (y,) in raw.rows(
            "SELECT year FROM holiday_year WHERE deleted_at IS NULL")))
    sent = {str(rid): local(m).date() for rid, m in raw.rows(
        "SELECT referral_id, MIN(occurred_at) FROM referral_event WHERE status_after = 'DIKIRIM' "
        "AND deleted_at IS NULL GROUP BY referral_id")}
    days = [calendar.count_working_days(sent.get(str(rid), date.fromisoformat(str(letter))),
                                        date.fromisoformat(str(answered))).value
            for rid, letter, answered in raw.rows(
                "SELECT id, letter_date, received_on FROM referral WHERE deleted_at IS NULL "
                "AND received_on IS NOT NULL") if str(answered)[:7] == month]
    return round(float(statistics.median(days)), 1) if days else None


def expected_overdue(raw: Raw, as_of: date) -> tuple[int, int]:
    referrals = sum(
        1 for status, due, received in raw.rows(
            "SELECT status, response_due, received_on FROM referral WHERE deleted_at IS NULL")
        if status not in NEVER_SENT and due is not None and date.fromisoformat(str(due)) < as_of
        and (received is None or date.fromisoformat(str(received)) > as_of))
    complaints = sum(
        1 for status, due, created, closed in raw.rows(
            "SELECT status, due_date, created_at, closed_at FROM complaint WHERE deleted_at IS NULL")
        if due is not None and date.fromisoformat(str(due)) < as_of and local(created).date() <= as_of
        and ((closed is None and status in OPEN_COMPLAINT) or (closed is not None and local(closed).date() > as_of)))
    return referrals, complaints


def check_month(document: ReportDocument, raw: Raw, month: str, today: date) -> None:
    previous = ReportMonth.parse(month).previous().key
    channels = raw.names("SELECT code, name FROM code_list_entry WHERE list_name = 'kanal_kunjungan'")
    visits = [(month_of(at), str(channel)) for at, channel in raw.rows(
        "SELECT occurred_at, channel FROM visit WHERE deleted_at IS NULL")]
    complaints = raw.rows("SELECT created_at, kind, status FROM complaint WHERE deleted_at IS NULL")
    needs = raw.rows("SELECT created_at, ppks_codes FROM need WHERE deleted_at IS NULL")
    referrals = [(str(letter)[:7], str(status)) for letter, status in raw.rows(
        "SELECT letter_date, status FROM referral WHERE deleted_at IS NULL AND status <> 'DRAFT'")]
    proposals = [(month_of(at), str(status)) for at, status in raw.rows(
        "SELECT created_at, status FROM dtsen_proposal WHERE deleted_at IS NULL")]
    ppks = raw.names("SELECT code, name FROM ppks_category WHERE deleted_at IS NULL")

    for index, key in ((1, month), (2, previous)):
        assert nonzero(columns(table(document, "Kunjungan", "Kunjungan menurut kanal"), index)) == \
            counted(visits, key, channels)
        assert nonzero(columns(table(document, "Keluhan", "Keluhan menurut jenis"), index)) == counted(
            [(month_of(at), str(kind)) for at, kind, _ in complaints], key, dict(COMPLAINT_TYPE_LABELS))
        assert nonzero(columns(table(document, "Keluhan", "Keluhan menurut status saat ini"), index)) == counted(
            [(month_of(at), str(status)) for at, _, status in complaints], key, dict(COMPLAINT_STATUS_LABELS))
        per_ppks = Counter(ppks[code] for at, codes in needs if month_of(at) == key
                           for code in set(json.loads(str(codes))))
        assert nonzero(columns(table(document, "Kebutuhan", "Kebutuhan menurut kategori PPKS"), index)) == \
            dict(per_ppks)
        assert nonzero(columns(table(document, "Rujukan", "Surat rujukan menurut status"), index)) == counted(
            referrals, key, {s.value: label for s, label in REFERRAL_STATUS_LABELS.items()})
        assert nonzero(columns(table(document, "Usulan DTSEN", "Usulan DTSEN menurut status"), index)) == counted(
            proposals, key, {s.value: label for s, label in PROPOSAL_STATUS_LABELS.items()})

    summary = table(document, "Ringkasan", "Ringkasan pelayanan")
    for index, key in ((1, month), (2, previous)):
        figures = columns(summary, index)
        assert figures["Kunjungan"] == sum(1 for m, _ in visits if m == key)
        assert figures["Keluhan diterima"] == sum(1 for at, _, _ in complaints if month_of(at) == key)
        assert figures["Kebutuhan teridentifikasi"] == sum(1 for at, _ in needs if month_of(at) == key)
        assert figures["Surat rujukan dibuat"] == sum(1 for m, _ in referrals if m == key)
        assert figures["Usulan DTSEN dibuat"] == sum(1 for m, _ in proposals if m == key)
        last_day = ReportMonth.parse(key).last_day
        overdue_referrals, overdue_complaints = expected_overdue(raw, min(today, last_day))
        assert figures["Rujukan lewat batas waktu, belum dijawab"] == overdue_referrals
        assert figures["Keluhan terbuka lewat batas waktu"] == overdue_complaints
    assert all(row[3] == row[1] - row[2] for row in summary.rows)
    timing = table(document, "Ringkasan", "Waktu jawab rujukan").rows[0]
    assert timing[1:3] == (expected_median(raw, month), expected_median(raw, previous))


# --- tests -----------------------------------------------------------------------------------------------------------

def test_recap_numbers_match_independent_counts(demo: Demo) -> None:
    raw = Raw(demo.site)
    medians, overdue, visits = [], [], []
    answered = {str(day)[:7] for (day,) in raw.rows("SELECT received_on FROM referral WHERE received_on IS NOT NULL")}
    for month in (*MONTHS, *sorted(answered - set(MONTHS))):
        document = recap(demo.ctx, month)
        check_month(document, raw, month, NOW.date())
        summary = columns(table(document, "Ringkasan", "Ringkasan pelayanan"), 1)
        visits.append(summary["Kunjungan"])
        overdue.append(summary["Rujukan lewat batas waktu, belum dijawab"])
        medians.append(table(document, "Ringkasan", "Waktu jawab rujukan").rows[0][1])
    # The comparison above is not vacuous: the months chosen carry visits, an overdue referral and answered ones.
    assert all(visits[:len(MONTHS)]) and overdue[0] >= 1
    assert sum(m is not None for m in medians) == len(answered) >= 2


def test_recap_document_shape(demo: Demo) -> None:
    progress: list[tuple[int, int, str]] = []

    class Recorder(ProgressSink):
        def progress(self, done: int, total: int, label: str) -> None:
            progress.append((done, total, label))

    document = build_recap(demo.ctx, ReportRequest(ReportKind.RECAP, ReportMonth(2026, 11)), Recorder())
    assert document.title == TITLE_DESA and document.period_label == "November 2026" and not document.is_empty
    assert [s.sheet_name for s in document.sections] == [
        "Ringkasan", "Kunjungan", "Keluhan", "Kebutuhan", "Usulan DTSEN", "Rujukan", "Tren 12 bulan"]
    assert "Menghitung kunjungan…" in [label for _, _, label in progress] and progress[-1][0] == progress[-1][1]
    visits = table(document, "Kunjungan", "Kunjungan menurut kanal")
    assert len(visits.rows) == 5 and visits.total == ("Jumlah", *(sum(r[i] for r in visits.rows) for i in (1, 2, 3)))
    assert len(table(document, "Kebutuhan", "Kebutuhan menurut kategori PPKS").rows) == 26
    trend_section = document.sections[-1]
    trend = trend_section.tables[0]
    assert trend.rows[0][0] == "Desember 2025" and trend.rows[-1][0] == "November 2026"
    summary = columns(table(document, "Ringkasan", "Ringkasan pelayanan"), 1)
    assert trend.rows[-1][1] == summary["Kunjungan"] and trend.rows[-1][2] == summary["Keluhan diterima"]
    assert [c.title for c in trend_section.charts] == ["Kunjungan per bulan", "Keluhan diterima per bulan",
                                                       "Rujukan menurut hasil"]
    assert trend_section.charts[2].stacked and trend_section.charts[0].series[0].values == tuple(
        r[1] for r in trend.rows)


def test_a_month_without_activity_is_empty_but_complete(demo: Demo) -> None:
    document = recap(demo.ctx, "2025-06")
    assert document.is_empty and "Juni 2025" in document.empty_text
    assert len(document.sections) == 7 and document.sections[0].paragraphs
    for section in document.sections[:-1]:
        for found in section.tables:
            assert all(not row[1] for row in found.rows), found.title
    assert table(document, "Rujukan", "Surat rujukan bulan ini menurut layanan tujuan").rows == ()
    assert len(table(document, "Kunjungan", "Kunjungan menurut kanal").rows) == 5


def test_cancelling_stops_the_recap(demo: Demo) -> None:
    class Stop(ProgressSink):
        def cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        build_recap(demo.ctx, ReportRequest(ReportKind.RECAP, ReportMonth(2026, 11)), Stop())


# --- district -------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def district_template(seeded_location: DbLocation,
                      tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbLocation]:
    location, _ = build_district_location(seeded_location, tmp_path_factory.mktemp("recap-district"))
    yield location
    drop(location)


@pytest.fixture
def district(district_template: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with district_copy(district_template, tmp_path) as site:
        yield site


def headline(document: ReportDocument) -> dict[str, object]:
    return columns(table(document, "Ringkasan", "Ringkasan pelayanan"), 1)


KINDS = ("Kunjungan", "Keluhan diterima", "Kebutuhan teridentifikasi", "Surat rujukan dibuat", "Usulan DTSEN dibuat")


def test_district_recap_per_village_adds_up(district: SiteFixture) -> None:
    for month in ("2026-01", "2026-02", "2026-03", "2026-04"):
        document = recap(district.cli, month)
        assert document.title == TITLE_DISTRICT
        villages = table(document, "Per desa", f"Pelayanan per desa, {ReportMonth.parse(month).label}")
        figures = headline(document)
        assert villages.total == ("Jumlah", "", *(figures[k] for k in KINDS))
        assert villages.total[2:] == tuple(sum(r[i] for r in villages.rows) for i in range(2, 7))  # type: ignore[misc]
    april = table(recap(district.cli, "2026-04"), "Per desa", "Pelayanan per desa, April 2026")
    # Genuk's tombstoned visit, complaint, need and proposal do not count.
    assert april.rows == ((GENUK, "Genuk", 1, 1, 1, 1, 1),)


def test_village_filter_narrows_every_count(district: SiteFixture) -> None:
    whole = headline(recap(district.cli, "2026-03"))
    samirono = recap(district.cli, "2026-03", SAMIRONO)
    assert "Per desa" not in [s.sheet_name for s in samirono.sections]
    assert {k: headline(samirono)[k] for k in KINDS} == {k: whole[k] for k in KINDS} == {
        "Kunjungan": 1, "Keluhan diterima": 1, "Kebutuhan teridentifikasi": 1, "Surat rujukan dibuat": 1,
        "Usulan DTSEN dibuat": 0}
    assert all(headline(recap(district.cli, "2026-03", code))[k] == 0 for code in (GENUK, SUMOGAWE) for k in KINDS)
    sumogawe = recap(district.cli, "2026-02", SUMOGAWE)
    assert headline(sumogawe)["Kunjungan"] == 1 and headline(sumogawe)["Usulan DTSEN dibuat"] == 1
    # The January referral of Sumogawe is a draft: not a letter yet.
    assert headline(recap(district.cli, "2026-01", SUMOGAWE))["Surat rujukan dibuat"] == 0
    genuk = recap(district.cli, "2026-04", GENUK)
    outcome = columns(table(genuk, "Rujukan", "Rujukan selesai menurut hasil layanan"), 1)
    assert nonzero(outcome) == {"Selesai tanpa keterangan hasil": 1}
    assert genuk.sections[-1].tables[0].rows[-1][3] == 1  # served in the trend, as on Beranda
