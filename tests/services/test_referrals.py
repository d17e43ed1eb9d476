"""The referral lifecycle: every allowed and forbidden transition, required fields, permissions, letter numbers
(gap-free under concurrent creation), consent for non-government services, the register snapshot, overdue
referrals and the per-service statistics."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from typing import Any

import pytest

import tests.services.casework_rows as rows
from puskesos_desk.data.repositories import referrals as referral_rows
from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.enums import FeedbackSource, ReferralOutcome, ReferralStatus
from puskesos_desk.domain.errors import Conflict, FieldErrors, InputRejected, PermissionDenied
from puskesos_desk.domain.records import VisitDraft
from puskesos_desk.domain.referrals import REFERRAL_TRANSITIONS, RegisterKnowledge
from puskesos_desk.services import referral_queries, referrals
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.visits import record_visit
from tests.services.factories import HEAD_NIK
from tests.services.referral_rows import DAY, OVERDUE_DAY, PATHS, Desk, change, desk, draft, referral_in, step


@pytest.fixture
def d(site_db: Any) -> Desk:
    return desk(site_db)


def _status(site_db: Any, referral_id: str) -> str:
    with sqlite3.connect(site_db.path) as con:
        return con.execute("SELECT status FROM referral WHERE id = ?", (referral_id,)).fetchone()[0]


# --- creating ------------------------------------------------------------------------------------------------------


def test_a_new_referral_is_a_draft_with_the_next_letter_number_and_an_event(site_db: Any, d: Desk) -> None:
    first = referrals.create_referral(d.bo, draft(d))
    second = referrals.create_referral(d.bo, draft(d))
    assert first.status is ReferralStatus.DRAFT
    assert first.number == "001/RJK/PUSKESOS-3322012007/III/2026"
    assert second.number == "002/RJK/PUSKESOS-3322012007/III/2026"
    assert first.drafted_by == "Rina Kartika" and first.approved_by is None
    assert first.letter_date == DAY
    assert first.organization == "Dinas Sosial Kabupaten Semarang"
    assert first.register.knowledge is RegisterKnowledge.TIDAK_DIKETAHUI  # no extract loaded: never made up
    assert "nik_lengkap" not in first.data_shared and "nik_disamarkan" in first.data_shared
    detail = referral_queries.referral_detail(d.bo, first.id)
    assert [(e.status_before, e.status_after) for e in detail.events] == [(None, "DRAFT")]


def test_numbers_restart_each_year_and_follow_the_configured_pattern(site_db: Any, d: Desk) -> None:
    referrals.create_referral(d.bo, draft(d))
    example = referrals.set_number_pattern(site_db.cli, "RJK-{year}-{seq:04d}")
    assert example.startswith("RJK-") and example.endswith("-0001")
    assert referrals.create_referral(d.bo, draft(d)).number == "RJK-2026-0002"
    next_year = d.on(date(2027, 1, 4))
    assert referrals.create_referral(next_year.bo, draft(d)).number == "RJK-2027-0001"


@pytest.mark.parametrize("pattern", ["{seq:03d}/RJK", "RJK/{year}", "{seq}/{tahun}", "{seq/{year}", "{0}{seq}{year}"])
def test_a_pattern_that_could_repeat_numbers_is_refused(site_db: Any, pattern: str) -> None:
    with pytest.raises(InputRejected, match="harus memuat"):
        referrals.set_number_pattern(site_db.cli, pattern)
    assert referrals.number_pattern(site_db.cli) == "{seq:03d}/RJK/PUSKESOS-{site}/{month_roman}/{year}"


def test_missing_fields_and_foreign_records_are_refused_with_every_reason(site_db: Any, d: Desk) -> None:
    other = rows.household(site_db.cli, head_name="Tukiman")
    bad = draft(d, requested_service=" ", problem_summary="", person_id=other.members[0].id,
                documents_attached=("Akta tanah",))
    with pytest.raises(FieldErrors) as caught:
        referrals.create_referral(d.bo, bad)
    assert set(caught.value.errors) == {"requested_service", "problem_summary", "person_id", "documents_attached"}
    assert referral_rows_count(site_db) == 0


def test_a_long_summary_is_accepted_up_to_the_limit(site_db: Any, d: Desk) -> None:
    long_text = "Warga membutuhkan bantuan. " * 74  # 1,998 characters
    assert referrals.create_referral(d.bo, draft(d, problem_summary=long_text)).problem_summary == long_text.strip()
    with pytest.raises(FieldErrors, match="terlalu panjang"):
        referrals.create_referral(d.bo, draft(d, problem_summary="x" * 2001))


def referral_rows_count(site_db: Any) -> int:
    with sqlite3.connect(site_db.path) as con:
        return con.execute("SELECT count(*) FROM referral").fetchone()[0]


def test_front_office_staff_may_not_draft_and_back_office_may_not_approve(site_db: Any, d: Desk) -> None:
    from conftest import FO_PASSWORD

    fo = ServiceContext(site_db.db, sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD).actor)
    with pytest.raises(PermissionDenied):
        referrals.create_referral(fo, draft(d))
    record = referrals.create_referral(d.bo, draft(d))
    with pytest.raises(PermissionDenied):
        referrals.approve_referral(d.bo, record.id)
    assert _status(site_db, record.id) == "DRAFT"


# --- consent and the register snapshot ------------------------------------------------------------------------------


def test_a_non_government_service_needs_recorded_consent(site_db: Any, d: Desk) -> None:
    baznas = draft(d, "BAZNAS-KAB", documents_attached=())
    with pytest.raises(FieldErrors) as caught:
        referrals.create_referral(d.bo, baznas)
    assert "consent" in caught.value.errors and "persetujuan" in caught.value.errors["consent"]
    head = d.household.members[0]
    record_visit(d.bo, VisitDraft(household_id=d.household.id, applicant_person_id=head.id,
                                  applicant_relation="DIRI_SENDIRI", purpose="Bantuan biaya berobat",
                                  notice_given=True, consent_purposes=("RUJUKAN_NON_PEMERINTAH",),
                                  consent_method="TANDA_TANGAN"))
    created = referrals.create_referral(d.bo, baznas)
    with sqlite3.connect(site_db.path) as con:
        consent_id = con.execute("SELECT consent_id FROM referral WHERE id = ?", (created.id,)).fetchone()[0]
    assert consent_id is not None


def test_the_register_snapshot_comes_from_the_active_extract_with_its_date(site_db: Any, d: Desk) -> None:
    with site_db.db.transaction(site_db.cli.actor) as session:
        load_register_rows(session, dataset="DTSEN", as_of=date(2026, 1, 31), file_name="dtsen.xlsx", rows=[
            {"nik": HEAD_NIK, "name": "SLAMET RIYADI", "desil_national": 2, "programs": {"PKH": True, "PBI": 1}},
            {"nik": "3322010101010001", "name": "ORANG LAIN", "desil_national": 7},
        ])
    head, wife = d.household.members[0], d.household.members[1]
    found = referrals.create_referral(d.bo, draft(d, person_id=head.id)).register
    assert found.knowledge is RegisterKnowledge.TERDAFTAR and found.desil == 2
    assert found.as_of == date(2026, 1, 31) and found.programs == ("PBI", "PKH")
    assert "desil 2" in found.describe() and "31-01-2026" in found.describe()
    missing = referrals.create_referral(d.bo, draft(d, person_id=wife.id)).register
    assert missing.knowledge is RegisterKnowledge.TIDAK_TERDAFTAR and missing.as_of == date(2026, 1, 31)
    assert missing.describe().startswith("Tidak ditemukan dalam ekstrak DTSEN")


# --- transitions ----------------------------------------------------------------------------------------------------

ALL = list(ReferralStatus)
PAIRS = [(a, b) for a in ALL for b in ALL if a is not b]


@pytest.mark.parametrize(("start", "target"), PAIRS, ids=[f"{a.value}->{b.value}" for a, b in PAIRS])
def test_every_transition_is_allowed_or_refused_as_the_flow_says(site_db: Any, d: Desk, start: ReferralStatus,
                                                                 target: ReferralStatus) -> None:
    referral_id = referral_in(d, start)
    assert _status(site_db, referral_id) == start.value
    if start is ReferralStatus.TIDAK_ADA_KABAR:
        d = d.on(OVERDUE_DAY)  # news that comes after the referral was marked overdue
    allowed = target in REFERRAL_TRANSITIONS[start]
    if allowed:
        step(d, referral_id, target)
        assert _status(site_db, referral_id) == target.value
        events = referral_queries.referral_detail(d.koordinator, referral_id).events
        assert (events[-1].status_before, events[-1].status_after) == (start.value, target.value)
        return
    if target is ReferralStatus.DISETUJUI:
        attempt = lambda: referrals.approve_referral(d.koordinator, referral_id)  # noqa: E731
    else:
        attempt = lambda: referrals.change_status(d.koordinator, change(referral_id, target))  # noqa: E731
    with pytest.raises(InputRejected):
        attempt()
    assert _status(site_db, referral_id) == start.value


def test_every_status_is_reachable_and_the_paths_only_use_allowed_steps() -> None:
    for status, path in PATHS.items():
        current = ReferralStatus.DRAFT
        for target in path:
            assert target in REFERRAL_TRANSITIONS[current], (status, current, target)
            current = target
        assert current is status


def test_sent_and_no_news_cannot_be_chosen_by_hand(site_db: Any, d: Desk) -> None:
    referral_id = referral_in(d, ReferralStatus.DISETUJUI)
    with pytest.raises(InputRejected, match="otomatis"):
        referrals.change_status(d.koordinator, change(referral_id, ReferralStatus.DIKIRIM))
    sent = referral_in(d, ReferralStatus.DIKIRIM)
    with pytest.raises(InputRejected, match="otomatis"):
        referrals.change_status(d.koordinator, change(sent, ReferralStatus.TIDAK_ADA_KABAR))


def test_feedback_needs_its_source_outcome_reason_and_a_sensible_date(site_db: Any, d: Desk) -> None:
    referral_id = referral_in(d, ReferralStatus.DIKIRIM)
    cases = [
        (change(referral_id, ReferralStatus.DITERIMA, source=None), "source"),
        (change(referral_id, ReferralStatus.SELESAI, outcome=None), "outcome"),
        (change(referral_id, ReferralStatus.DITOLAK, rejection_reason="  "), "rejection_reason"),
        (change(referral_id, ReferralStatus.DITERIMA, occurred_on=date(2026, 3, 3)), "occurred_on"),  # future
        (change(referral_id, ReferralStatus.DITERIMA, occurred_on=date(2026, 2, 27)), "occurred_on"),  # before sent
        (change(referral_id, ReferralStatus.DIBATALKAN, notes=""), "notes"),
    ]
    for bad, field in cases:
        with pytest.raises(FieldErrors) as caught:
            referrals.change_status(d.koordinator, bad)
        assert field in caught.value.errors, bad
    assert _status(site_db, referral_id) == "DIKIRIM"


def test_closing_records_outcome_dates_and_fulfils_the_need(site_db: Any, d: Desk) -> None:
    from puskesos_desk.domain.casework import NeedDraft
    from puskesos_desk.services.casework import record_need

    need = record_need(d.bo, NeedDraft(household_id=d.household.id, domain_code="KESEHATAN",
                                       description="Butuh PBI aktif", person_id=d.household.members[0].id))
    record = referrals.create_referral(d.bo, draft(d, need_id=need.id))
    step(d, record.id, ReferralStatus.DISETUJUI)
    step(d, record.id, ReferralStatus.DIKIRIM)
    with sqlite3.connect(site_db.path) as con:
        assert con.execute("SELECT status FROM need WHERE id = ?", (need.id,)).fetchone()[0] == "DIRUJUK"
    later = d.on(date(2026, 3, 6))
    referrals.change_status(later.koordinator, change(record.id, ReferralStatus.DITERIMA,
                                                      occurred_on=date(2026, 3, 4)))
    done = referrals.change_status(later.koordinator, change(
        record.id, ReferralStatus.SELESAI, outcome=ReferralOutcome.TERLAYANI_PENUH, notes="PBI aktif kembali",
        source=FeedbackSource.TELEPON.value))
    assert done.received_on == date(2026, 3, 4) and done.completed_on == date(2026, 3, 6)
    assert done.outcome is ReferralOutcome.TERLAYANI_PENUH and done.outcome_notes == "PBI aktif kembali"
    with sqlite3.connect(site_db.path) as con:
        assert con.execute("SELECT status FROM need WHERE id = ?", (need.id,)).fetchone()[0] == "TERPENUHI"
    events = referral_queries.referral_detail(d.koordinator, record.id).events
    assert [e.source for e in events[-2:]] == ["LEMBAR_BALASAN", "TELEPON"]
    assert "04-03-2026" in events[-2].notes


def test_a_stale_screen_cannot_overwrite_a_newer_change(site_db: Any, d: Desk) -> None:
    record = referrals.create_referral(d.bo, draft(d))
    referrals.approve_referral(d.koordinator, record.id, expected_version=record.row_version)
    with pytest.raises(Conflict, match="baru saja diubah"):
        referrals.change_status(d.koordinator, change(record.id, ReferralStatus.DIBATALKAN,
                                                      expected_version=record.row_version))
    assert _status(site_db, record.id) == "DISETUJUI"


def test_a_cancelled_referral_keeps_its_number(site_db: Any, d: Desk) -> None:
    first = referral_in(d, ReferralStatus.DIBATALKAN)
    second = referrals.create_referral(d.bo, draft(d))
    with sqlite3.connect(site_db.path) as con:
        numbers = dict(con.execute("SELECT id, letter_seq FROM referral").fetchall())
    assert numbers == {first: 1, second.id: 2}


# --- numbering under concurrency ------------------------------------------------------------------------------------


def test_numbers_stay_gap_free_and_unique_when_many_desks_create_at_once(site_db: Any, d: Desk) -> None:
    threads_count, per_thread = 4, 6
    made: list[str] = []
    failures: list[BaseException] = []
    barrier = threading.Barrier(threads_count)

    def work(index: int) -> None:
        try:
            barrier.wait()
            for _ in range(per_thread):
                made.append(referrals.create_referral(d.bo, draft(d)).number)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    with sqlite3.connect(site_db.path) as con:
        seqs = sorted(s for (s,) in con.execute("SELECT letter_seq FROM referral"))
    assert seqs == list(range(1, threads_count * per_thread + 1))
    assert len(set(made)) == len(made) == threads_count * per_thread


def test_a_creation_that_fails_after_drawing_a_number_gives_the_number_back(site_db: Any, d: Desk,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(referral_rows, "insert_event", broken)
    with pytest.raises(RuntimeError):
        referrals.create_referral(d.bo, draft(d))
    monkeypatch.undo()
    assert referrals.create_referral(d.bo, draft(d)).number.startswith("001/")


# --- overdue and statistics ------------------------------------------------------------------------------------------


def test_no_news_past_the_response_time_turns_the_referral_overdue(site_db: Any, d: Desk) -> None:
    referral_id = referral_in(d, ReferralStatus.DIKIRIM)  # PBI reactivation: 3 working days from Mon 2 March
    with sqlite3.connect(site_db.path) as con:
        due = con.execute("SELECT response_due FROM referral WHERE id = ?", (referral_id,)).fetchone()[0]
    assert due == "2026-03-05"
    assert referrals.mark_overdue(d.on(date(2026, 3, 5)).koordinator) == 0
    late = d.on(date(2026, 3, 9))  # Monday: Friday and Monday are past the due date
    assert referrals.mark_overdue(late.koordinator) == 1
    assert referrals.mark_overdue(late.koordinator) == 0
    assert _status(site_db, referral_id) == "TIDAK_ADA_KABAR"
    [overdue] = referral_queries.overdue_referrals(late.koordinator)
    assert overdue.id == referral_id and overdue.working_days_late == 2
    events = referral_queries.referral_detail(late.koordinator, referral_id).events
    assert "terlewati" in events[-1].notes
    referrals.change_status(late.koordinator, change(referral_id, ReferralStatus.DITERIMA))  # late news still counts
    assert _status(site_db, referral_id) == "DITERIMA"
    assert referral_queries.overdue_referrals(late.koordinator) == []


def test_service_statistics_count_sent_answered_served_and_the_median_days(site_db: Any, d: Desk) -> None:
    ids = [referral_in(d, ReferralStatus.DIKIRIM) for _ in range(3)]  # sent Monday 2 March
    answers = [date(2026, 3, 3), date(2026, 3, 5), None]  # 1 and 3 working days
    late = d.on(date(2026, 3, 6))
    for referral_id, answered in zip(ids, answers, strict=True):
        if answered:
            referrals.change_status(late.koordinator, change(referral_id, ReferralStatus.SELESAI,
                                                             occurred_on=answered))
    referral_in(d, ReferralStatus.DRAFT)  # not sent: not counted
    baznas_free = referral_in(d, ReferralStatus.DISETUJUI)  # approved, not printed: not counted
    assert baznas_free
    [stats] = referral_queries.service_statistics(late.koordinator)
    assert (stats.service_code, stats.sent, stats.answered, stats.served, stats.waiting) == (
        "DINSOS-PBI-REAKTIVASI", 3, 2, 2, 1)
    assert stats.median_working_days_to_answer == 2.0


def test_the_list_filters_by_status_text_and_household(site_db: Any, d: Desk) -> None:
    sent = referral_in(d, ReferralStatus.DIKIRIM)
    drafted = referral_in(d, ReferralStatus.DRAFT)
    assert [r.id for r in referral_queries.list_referrals(d.koordinator, statuses=(ReferralStatus.DRAFT,))] == [drafted]
    assert {r.id for r in referral_queries.list_referrals(d.koordinator, text="slamet")} == {sent, drafted}
    assert referral_queries.list_referrals(d.koordinator, text="tidak ada orang ini") == []
    other = rows.household(site_db.cli, head_name="Tukiman")
    assert referral_queries.list_referrals(d.koordinator, household_id=other.id) == []
    assert [r.id for r in referral_queries.ready_to_print(d.koordinator)] == []
    approved = referral_in(d, ReferralStatus.DISETUJUI)
    assert [r.id for r in referral_queries.ready_to_print(d.koordinator)] == [approved]


def test_find_by_letter_number_forgives_case_and_spaces(site_db: Any, d: Desk) -> None:
    record = referrals.create_referral(d.bo, draft(d))
    typed = " " + record.number.lower().replace("/", " / ", 1) + " "
    assert referral_queries.find_referral(d.koordinator, typed).id == record.id
    with pytest.raises(InputRejected, match="Tidak ada surat rujukan"):
        referral_queries.find_referral(d.koordinator, "999/RJK/X/2026")
