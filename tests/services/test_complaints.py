"""Complaint handling: the status chain, closing with an answer, the follow-up history, optimistic locking."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pytest
from conftest import FO_PASSWORD, KOORDINATOR_PASSWORD

import tests.services.casework_rows as rows
from puskesos_desk.domain.enums import ComplaintStatus
from puskesos_desk.domain.errors import Conflict, FieldErrors, PermissionDenied
from puskesos_desk.domain.followup import FollowUpMethod
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.complaints import (
    complaint_history,
    get_complaint,
    list_complaints,
    update_complaint_status,
)
from puskesos_desk.services.context import ServiceContext

TODAY = date(2026, 3, 25)


@pytest.fixture
def koordinator(site_db: Any) -> ServiceContext:
    signed = sign_in(site_db.db, username="koordinator", password=KOORDINATOR_PASSWORD)
    return rows.clocked(ServiceContext(site_db.db, signed.actor), TODAY)


@pytest.fixture
def complaint_id(site_db: Any) -> str:
    home = rows.household(site_db.cli)
    return rows.complaint(site_db.cli, home.id, created=date(2026, 3, 10), urgency="SEGERA")


def _db_row(site_db: Any, complaint_id: str) -> tuple[Any, ...]:
    con = sqlite3.connect(site_db.path)
    try:
        return con.execute("SELECT status, answer, closed_by, closed_at, row_version FROM complaint WHERE id = ?",
                           (complaint_id,)).fetchone()
    finally:
        con.close()


def test_handle_refer_and_close_with_answer(site_db: Any, koordinator: ServiceContext, complaint_id: str) -> None:
    item = get_complaint(koordinator, complaint_id)
    assert item.status is ComplaintStatus.BARU
    assert item.working_days_late == 3  # due 13 March; 16, 17 and 25 March were working days
    item = update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.DITANGANI,
                                   answer="Dicek ke data DTSEN", expected_version=item.row_version,
                                   method=FollowUpMethod.TELEPON)
    assert item.status is ComplaintStatus.DITANGANI
    assert item.answer == ""  # a note on the way is history, not the answer
    assert item.closed_by is None
    item = update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.DIRUJUK,
                                   expected_version=item.row_version)
    item = update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.SELESAI,
                                   answer="  PBI aktif kembali per 1 April.  ", expected_version=item.row_version)
    assert item.status is ComplaintStatus.SELESAI
    assert item.closed_by_name == "Sri Wahyuni"
    assert item.working_days_late == 0
    status, answer, closed_by, closed_at, version = _db_row(site_db, complaint_id)
    assert (status, answer, closed_by) == ("SELESAI", "PBI aktif kembali per 1 April.", koordinator.actor.id)
    assert closed_at.startswith("2026-03-25")
    assert version == 4
    history = complaint_history(koordinator, complaint_id)
    assert [(h.status_before, h.status_after) for h in history] == [
        ("BARU", "DITANGANI"), ("DITANGANI", "DIRUJUK"), ("DIRUJUK", "SELESAI")]
    assert [h.method for h in history] == ["TELEPON", "WARGA_DATANG", "WARGA_DATANG"]
    assert history[0].notes == "Dicek ke data DTSEN"
    assert {h.officer_id for h in history} == {koordinator.actor.id}


def test_closing_needs_an_answer(site_db: Any, koordinator: ServiceContext, complaint_id: str) -> None:
    for target in (ComplaintStatus.SELESAI, ComplaintStatus.TIDAK_DAPAT_DITANGANI):
        with pytest.raises(FieldErrors) as caught:
            update_complaint_status(koordinator, complaint_id, status=target, answer="   ", expected_version=1)
        assert set(caught.value.errors) == {"answer"}
    assert _db_row(site_db, complaint_id)[0] == "BARU"
    assert complaint_history(koordinator, complaint_id) == []


def test_no_way_back_and_closed_stays_closed(site_db: Any, koordinator: ServiceContext, complaint_id: str) -> None:
    item = update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.DIRUJUK, expected_version=1)
    with pytest.raises(FieldErrors) as back:
        update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.DITANGANI,
                                expected_version=item.row_version)
    assert "tidak dapat dikembalikan" in back.value.errors["status"]
    with pytest.raises(FieldErrors) as same:
        update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.DIRUJUK,
                                expected_version=item.row_version)
    assert "sudah berstatus Dirujuk" in same.value.errors["status"]
    item = update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.TIDAK_DAPAT_DITANGANI,
                                   answer="Warga pindah ke luar kota", expected_version=item.row_version)
    with pytest.raises(FieldErrors) as closed:
        update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.SELESAI, answer="x",
                                expected_version=item.row_version)
    assert "sudah ditutup" in closed.value.errors["status"]
    assert _db_row(site_db, complaint_id)[:2] == ("TIDAK_DAPAT_DITANGANI", "Warga pindah ke luar kota")


def test_stale_version_is_a_conflict_and_saves_nothing(site_db: Any, koordinator: ServiceContext,
                                                       complaint_id: str) -> None:
    seen_by_first = get_complaint(koordinator, complaint_id)
    update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.DITANGANI,
                            expected_version=seen_by_first.row_version)
    before = _db_row(site_db, complaint_id)
    with pytest.raises(Conflict) as caught:
        update_complaint_status(koordinator, complaint_id, status=ComplaintStatus.SELESAI, answer="Sudah dijawab",
                                expected_version=seen_by_first.row_version)
    assert rows.number_of(koordinator, complaint_id) in caught.value.message
    assert _db_row(site_db, complaint_id) == before
    assert len(complaint_history(koordinator, complaint_id)) == 1


def test_front_office_cannot_change_status(site_db: Any, complaint_id: str) -> None:
    signed = sign_in(site_db.db, username="petugas.fo", password=FO_PASSWORD)
    fo = ServiceContext(site_db.db, signed.actor)
    assert get_complaint(fo, complaint_id).status is ComplaintStatus.BARU  # FO may read
    with pytest.raises(PermissionDenied):
        update_complaint_status(fo, complaint_id, status=ComplaintStatus.DITANGANI, expected_version=1)
    assert _db_row(site_db, complaint_id)[0] == "BARU"


def test_list_filters_by_status_and_text(site_db: Any, koordinator: ServiceContext) -> None:
    cli = site_db.cli
    slamet = rows.household(cli)
    sutrisno = rows.household(cli, "Sutrisno")
    first = rows.complaint(cli, slamet.id, created=date(2026, 3, 2), description="Kartu KIS hilang")
    second = rows.complaint(cli, sutrisno.id, created=date(2026, 3, 3), description="Anak belum dapat PIP",
                            category="PENDIDIKAN")
    third = rows.complaint(cli, sutrisno.id, created=date(2026, 3, 4), status="SELESAI")
    second_number = rows.number_of(cli, second)
    assert [c.id for c in list_complaints(koordinator)] == [third, second, first]
    assert [c.id for c in list_complaints(koordinator, open_only=True)] == [second, first]
    assert [c.id for c in list_complaints(koordinator, status=ComplaintStatus.SELESAI)] == [third]
    assert [c.id for c in list_complaints(koordinator, text="sutrisno")] == [third, second]
    assert [c.id for c in list_complaints(koordinator, text="kis  hilang")] == [first]
    assert [c.id for c in list_complaints(koordinator, text="pendidikan")] == [second]
    assert [c.id for c in list_complaints(koordinator, text=second_number.lower())] == [second]
    assert list_complaints(koordinator, text="tidak ada yang cocok") == []
    assert len(list_complaints(koordinator, limit=2)) == 2
    item = list_complaints(koordinator, text=second_number)[0]
    assert item.household_name == "SUTRISNO"
    assert item.category_label("en") == "Education"
    assert item.working_days_late > 0
