"""The Rujukan area driven as a user: the list with late rows, filters, the detail and its buttons per role and
status, approving, sending back, cancelling, the batch print, the statistics, and the feedback dialog."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import FO_PASSWORD, KOORDINATOR_PASSWORD
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTableView

import tests.services.casework_rows as rows
from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import FeedbackSource, ReferralOutcome, ReferralStatus
from puskesos_desk.domain.errors import FieldErrors
from puskesos_desk.domain.followup import TaskKind
from puskesos_desk.domain.referrals import ReferralChange, ReferralDraft, ReferralRecord
from puskesos_desk.services.auth import sign_in
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.followup import tasks_today
from puskesos_desk.services.reference import directory_services
from puskesos_desk.services.referral_queries import list_referrals, referral_detail, service_statistics
from puskesos_desk.services.referrals import approve_referral, change_status, create_referral, mark_overdue
from puskesos_desk.services.slips import issue_slip
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.dialogs.referral_status_dialog import ReferralStatusDialog
from puskesos_desk.ui.models.record_table_model import ROW_ROLE
from puskesos_desk.ui.models.referrals_model import LATE_BACKGROUND, ReferralsTableModel
from puskesos_desk.ui.models.service_stats_model import ServiceStatsTableModel
from puskesos_desk.ui.models.tasks_model import TasksTableModel
from puskesos_desk.ui.pages.rujukan_page import RujukanPage, slip_file_name
from puskesos_desk.ui.pdf_pages import page_count

TODAY = date(2026, 11, 20)  # a Friday
LONG_AGO = date(2026, 10, 1)  # sent then, three working days to answer: long past by TODAY
PBI = "DINSOS-PBI-REAKTIVASI"  # Dinas Sosial, 3 working days, no explicit consent needed
KTP = "DUKCAPIL-KTP-KK"


# --- rows made through the services ---------------------------------------------------------------------------------


def signed(desk: Any, username: str = "koordinator", password: str = KOORDINATOR_PASSWORD, *,
           day: date = TODAY) -> ServiceContext:
    session = sign_in(desk.db, username=username, password=password)
    return rows.clocked(ServiceContext(desk.db, session.actor), day)


def household_with_head(ctx: ServiceContext, head_name: str = "Slamet Riyadi") -> tuple[str, str]:
    home = rows.household(ctx, head_name)
    return home.id, home.members[0].id


def new_referral(ctx: ServiceContext, household: tuple[str, str], *, service_code: str = PBI,
                 summary: str = "Kartu PBI nonaktif, perlu berobat rutin") -> ReferralRecord:
    service = next(s for s in directory_services(ctx) if s.code == service_code)
    return create_referral(ctx, ReferralDraft(
        household_id=household[0], person_id=household[1], service_id=service.id,
        requested_service="Reaktivasi kepesertaan PBI-JK", problem_summary=summary,
        documents_attached=("Fotokopi KK",) if service_code == PBI else ()))


def approved(ctx: ServiceContext, record: ReferralRecord) -> ReferralRecord:
    return approve_referral(ctx, record.id, expected_version=record.row_version)


def sent(ctx: ServiceContext, record: ReferralRecord) -> ReferralRecord:
    if record.status is ReferralStatus.DRAFT:
        record = approved(ctx, record)
    issue_slip(ctx, record.id, paper=Paper.F4, channel=OutputChannel.SIMPAN_PDF)
    return referral_detail(ctx, record.id).referral


def db_row(desk: Any, referral_id: str) -> tuple[Any, ...]:
    con = sqlite3.connect(desk.path)
    try:
        return con.execute("SELECT status, print_count, approved_by, outcome, rejection_reason FROM referral "
                           "WHERE id = ?", (referral_id,)).fetchone()
    finally:
        con.close()


# --- driving the page -----------------------------------------------------------------------------------------------


def open_page(qtbot: Any, ctx: ServiceContext) -> RujukanPage:
    page = RujukanPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 720)
    with qtbot.waitSignal(page.tab_list.referrals_loaded, timeout=10_000):
        page.show()
    qtbot.waitExposed(page)
    return page


def table_rows(table: QTableView) -> list[Any]:
    model = table.model()
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def select(qtbot: Any, page: RujukanPage, referral_id: str) -> None:
    table = page.tab_list.tbl_referrals
    row = next(i for i, r in enumerate(table_rows(table)) if r.id == referral_id)
    rect = table.visualRect(table.model().index(row, ReferralsTableModel.COL_PERSON))
    with qtbot.waitSignal(page.tab_list.detail_loaded, timeout=10_000,
                          check_params_cb=lambda d: d is not None and d.referral.id == referral_id):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def reload(qtbot: Any, page: RujukanPage) -> None:
    with qtbot.waitSignal(page.tab_list.referrals_loaded, timeout=10_000):
        qtbot.mouseClick(page.tab_list.btn_refresh, Qt.MouseButton.LeftButton)


@pytest.fixture
def koordinator(desk: Any) -> ServiceContext:
    return signed(desk)


@pytest.fixture
def referrals(koordinator: ServiceContext) -> dict[str, ReferralRecord]:
    slamet = household_with_head(koordinator)
    sutrisno = household_with_head(koordinator, "Sutrisno")
    late = sent(rows.clocked(koordinator, LONG_AGO), new_referral(rows.clocked(koordinator, LONG_AGO), slamet))
    return {
        "late": late,
        "draft": new_referral(koordinator, sutrisno, service_code=KTP, summary="KTP-el hilang saat banjir"),
        "ready": approved(koordinator, new_referral(koordinator, slamet, summary="Butuh kartu KIS baru")),
    }


# --- the list ---------------------------------------------------------------------------------------------------------


def test_list_marks_overdue_and_shows_late_rows(qtbot: Any, desk: Any, koordinator: ServiceContext,
                                               referrals: dict[str, ReferralRecord]) -> None:
    assert db_row(desk, referrals["late"].id)[0] == "DIKIRIM"
    page = open_page(qtbot, koordinator)
    # Opening the page turned the unanswered referral into "tidak ada kabar".
    assert db_row(desk, referrals["late"].id)[0] == "TIDAK_ADA_KABAR"
    table = page.tab_list.tbl_referrals
    shown = {r.id: r for r in table_rows(table)}
    assert set(shown) == {r.id for r in referrals.values()}
    model = table.model()
    row = next(i for i, r in enumerate(table_rows(table)) if r.id == referrals["late"].id)
    cell = lambda column: model.index(row, column)  # noqa: E731
    assert cell(ReferralsTableModel.COL_NUMBER).data() == referrals["late"].number
    assert cell(ReferralsTableModel.COL_DATE).data() == "01/10/2026"
    assert cell(ReferralsTableModel.COL_PERSON).data() == "SLAMET RIYADI"
    assert cell(ReferralsTableModel.COL_SERVICE).data().startswith("Dinas Sosial Kabupaten Semarang — ")
    assert cell(ReferralsTableModel.COL_STATUS).data() == "Tidak ada kabar"
    late_days = shown[referrals["late"].id].working_days_late
    assert late_days is not None and late_days > 20
    assert cell(ReferralsTableModel.COL_LATE).data() == f"{late_days} hari kerja"
    assert cell(ReferralsTableModel.COL_LATE).data(Qt.ItemDataRole.BackgroundRole).color() == LATE_BACKGROUND
    other = next(i for i, r in enumerate(table_rows(table)) if r.id == referrals["draft"].id)
    assert model.index(other, ReferralsTableModel.COL_LATE).data() == ""
    assert model.index(other, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert page.tab_list.lbl_count.text() == "3 rujukan · 1 lewat batas jawaban"
    assert page.tab_list.btn_print_ready.text() == "Cetak semua yang siap (1)"


def test_status_filter_and_search(qtbot: Any, koordinator: ServiceContext,
                                  referrals: dict[str, ReferralRecord]) -> None:
    page = open_page(qtbot, koordinator)
    tab = page.tab_list
    expectations = {
        "Perlu persetujuan": [referrals["draft"].id],
        "Siap cetak": [referrals["ready"].id],
        "Terlambat / tidak ada kabar": [referrals["late"].id],
        "Menunggu jawaban": [],
        "Selesai": [],
    }
    for choice, expected in expectations.items():
        with qtbot.waitSignal(tab.referrals_loaded, timeout=10_000):
            tab.cmb_status.setCurrentIndex(tab.cmb_status.findText(choice))
        assert [r.id for r in table_rows(tab.tbl_referrals)] == expected, choice
    with qtbot.waitSignal(tab.referrals_loaded, timeout=10_000):
        tab.cmb_status.setCurrentIndex(0)
    with qtbot.waitSignal(tab.referrals_loaded, timeout=10_000):
        qtbot.keyClicks(tab.edt_search, "sutris")
    assert [r.id for r in table_rows(tab.tbl_referrals)] == [referrals["draft"].id]


def test_detail_shows_the_referral_and_buttons_follow_the_status(qtbot: Any, koordinator: ServiceContext,
                                                                 referrals: dict[str, ReferralRecord]) -> None:
    page = open_page(qtbot, koordinator)
    panel = page.tab_list.pnl_detail
    assert panel.lbl_empty.isVisible()
    assert not panel.btn_preview.isEnabled()
    select(qtbot, page, referrals["draft"].id)
    assert panel.lbl_number.text() == referrals["draft"].number
    assert panel.lbl_status.text() == "Draf"
    assert panel.values["person"].text() == "SUTRISNO"
    assert panel.values["service"].text().startswith("Dinas Kependudukan dan Pencatatan Sipil")
    assert panel.values["summary"].text() == "KTP-el hilang saat banjir"
    assert panel.values["register"].text() == "Tidak diketahui"  # no DTSEN extract loaded in this database
    assert panel.values["approved"].text() == "belum"
    assert panel.values["printed"].text() == "belum pernah"
    assert "Draf rujukan dibuat" in panel.lbl_timeline.text()
    assert "Sri Wahyuni" in panel.lbl_timeline.text()
    assert [b.isEnabled() for b in (panel.btn_approve, panel.btn_preview, panel.btn_feedback, panel.btn_send_back,
                                    panel.btn_cancel)] == [True, True, False, False, True]
    select(qtbot, page, referrals["late"].id)
    assert panel.lbl_status.text() == "Tidak ada kabar"
    assert panel.lbl_late.isVisible()
    assert panel.values["printed"].text() == "1 kali"
    assert panel.values["approved"].text().startswith("Sri Wahyuni, ")
    assert [b.isEnabled() for b in (panel.btn_approve, panel.btn_feedback, panel.btn_send_back,
                                    panel.btn_cancel)] == [False, True, False, True]
    select(qtbot, page, referrals["ready"].id)
    assert [b.isEnabled() for b in (panel.btn_approve, panel.btn_feedback, panel.btn_send_back,
                                    panel.btn_cancel)] == [False, False, True, True]


def test_front_office_reads_but_cannot_act(qtbot: Any, desk: Any, referrals: dict[str, ReferralRecord]) -> None:
    page = open_page(qtbot, signed(desk, "petugas.fo", FO_PASSWORD))
    assert not page.tab_list.btn_print_ready.isVisible()
    select(qtbot, page, referrals["ready"].id)
    panel = page.tab_list.pnl_detail
    assert [b.isEnabled() for b in (panel.btn_approve, panel.btn_feedback, panel.btn_send_back,
                                    panel.btn_cancel)] == [False, False, False, False]
    with qtbot.waitSignal(page.preview_opened, timeout=5_000) as opened:
        qtbot.mouseClick(panel.btn_preview, Qt.MouseButton.LeftButton)
    dialog: PdfPreviewDialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.pages is not None, timeout=10_000)
    assert dialog.lbl_blocked.text() == "Hanya Koordinator dan Petugas BO yang dapat mencetak surat rujukan."
    assert not dialog.btn_print.isEnabled()
    dialog.close()


def test_a_draft_can_be_previewed_but_not_printed(qtbot: Any, desk: Any, koordinator: ServiceContext,
                                                  referrals: dict[str, ReferralRecord]) -> None:
    page = open_page(qtbot, koordinator)
    select(qtbot, page, referrals["draft"].id)
    with qtbot.waitSignal(page.preview_opened, timeout=5_000) as opened:
        qtbot.mouseClick(page.tab_list.pnl_detail.btn_preview, Qt.MouseButton.LeftButton)
    dialog: PdfPreviewDialog = opened.args[0]
    with qtbot.waitSignal(dialog.pages_rendered, timeout=10_000):
        pass
    assert dialog.windowTitle() == f"Surat rujukan {referrals['draft'].number}"
    assert dialog.lbl_blocked.isVisible()
    assert dialog.lbl_blocked.text().startswith("Belum disetujui Koordinator")
    assert not dialog.btn_print.isEnabled() and not dialog.btn_save.isEnabled()
    assert dialog.pages is not None and dialog.pages.page_count >= 1
    assert dialog.suggested_file_name == slip_file_name(referrals["draft"].number)
    dialog.close()
    assert db_row(desk, referrals["draft"].id)[:2] == ("DRAFT", 0)


def test_slip_file_name_is_safe() -> None:
    assert slip_file_name("001/RJK/PUSKESOS-3322012007/XI/2026") == \
        "surat-rujukan-001-RJK-PUSKESOS-3322012007-XI-2026.pdf"
    assert slip_file_name("///") == "surat-rujukan-baru.pdf"


# --- deciding -------------------------------------------------------------------------------------------------------


def test_approve_asks_first_and_records_the_signer(qtbot: Any, desk: Any, koordinator: ServiceContext,
                                                   referrals: dict[str, ReferralRecord],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    page = open_page(qtbot, koordinator)
    select(qtbot, page, referrals["draft"].id)
    qtbot.mouseClick(page.tab_list.pnl_detail.btn_approve, Qt.MouseButton.LeftButton)
    assert "Nama Anda akan tercetak sebagai penanda tangan" in asked[0]
    assert db_row(desk, referrals["draft"].id)[0] == "DRAFT"  # "No" changes nothing
    with qtbot.waitSignal(page.changed, timeout=10_000):
        qtbot.mouseClick(page.tab_list.pnl_detail.btn_approve, Qt.MouseButton.LeftButton)
    assert db_row(desk, referrals["draft"].id)[:3] == ("DISETUJUI", 0, koordinator.actor.id)
    qtbot.waitUntil(lambda: page.tab_list.pnl_detail.lbl_status.text() == "Disetujui", timeout=10_000)
    assert page.tab_list.btn_print_ready.text() == "Cetak semua yang siap (2)"


def test_send_back_to_draft_clears_the_signature(qtbot: Any, desk: Any, koordinator: ServiceContext,
                                                 referrals: dict[str, ReferralRecord],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda *_args, **_kwargs: ("Nama layanan yang dimohon kurang jelas", True))
    page = open_page(qtbot, koordinator)
    select(qtbot, page, referrals["ready"].id)
    with qtbot.waitSignal(page.changed, timeout=10_000):
        qtbot.mouseClick(page.tab_list.pnl_detail.btn_send_back, Qt.MouseButton.LeftButton)
    assert db_row(desk, referrals["ready"].id)[:3] == ("DRAFT", 0, None)
    qtbot.waitUntil(lambda: "Nama layanan yang dimohon kurang jelas" in page.tab_list.pnl_detail.lbl_timeline.text(),
                    timeout=10_000)


def test_cancel_needs_a_reason(qtbot: Any, desk: Any, koordinator: ServiceContext,
                               referrals: dict[str, ReferralRecord], monkeypatch: pytest.MonkeyPatch) -> None:
    reasons = [("  ", True), ("Warga sudah pindah ke luar kabupaten", True)]
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_args, **_kwargs: reasons.pop(0))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    page = open_page(qtbot, koordinator)
    select(qtbot, page, referrals["late"].id)
    qtbot.mouseClick(page.tab_list.pnl_detail.btn_cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=10_000)
    assert "alasan pembatalan" in warnings[0]
    assert db_row(desk, referrals["late"].id)[0] == "TIDAK_ADA_KABAR"
    with qtbot.waitSignal(page.changed, timeout=10_000):
        qtbot.mouseClick(page.tab_list.pnl_detail.btn_cancel, Qt.MouseButton.LeftButton)
    assert db_row(desk, referrals["late"].id)[0] == "DIBATALKAN"


def test_a_stale_approval_is_refused_with_a_clear_message(qtbot: Any, desk: Any, koordinator: ServiceContext,
                                                          referrals: dict[str, ReferralRecord],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    page = open_page(qtbot, koordinator)
    select(qtbot, page, referrals["draft"].id)
    # Meanwhile the Koordinator approves it on another PC.
    approved(koordinator, referrals["draft"])
    qtbot.mouseClick(page.tab_list.pnl_detail.btn_approve, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=10_000)
    assert "diubah oleh petugas lain" in warnings[0]
    qtbot.waitUntil(lambda: page.tab_list.pnl_detail.lbl_status.text() == "Disetujui", timeout=10_000)


# --- printing everything that is ready -----------------------------------------------------------------------------


def test_batch_print_of_approved_referrals(qtbot: Any, desk: Any, koordinator: ServiceContext,
                                           referrals: dict[str, ReferralRecord], tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    second = approved(koordinator, referrals["draft"])
    out = tmp_path / "siap.pdf"

    def to_pdf_file(_self: PdfPreviewDialog, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", to_pdf_file)
    page = open_page(qtbot, koordinator)
    button = page.tab_list.btn_print_ready
    assert button.text() == "Cetak semua yang siap (2)"
    with qtbot.waitSignal(page.preview_opened, timeout=5_000) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog: PdfPreviewDialog = opened.args[0]
    qtbot.waitUntil(lambda: dialog.pages is not None, timeout=10_000)
    assert dialog.windowTitle() == "Cetak 2 surat rujukan yang siap"
    preview_pages = dialog.pages.page_count
    with qtbot.waitSignal(dialog.output_finished, timeout=20_000):
        qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    assert page_count(out.read_bytes()) == preview_pages
    for record in (referrals["ready"], second):
        assert db_row(desk, record.id)[:2] == ("DIKIRIM", 1)
    qtbot.waitUntil(lambda: button.text() == "Cetak semua yang siap (0)", timeout=10_000)
    assert not button.isEnabled()
    dialog.close()


# --- statistics -----------------------------------------------------------------------------------------------------


def test_statistics_per_service_and_the_late_list(qtbot: Any, koordinator: ServiceContext,
                                                  referrals: dict[str, ReferralRecord]) -> None:
    answered = sent(koordinator, referrals["ready"])
    change_status(koordinator, ReferralChange(referral_id=answered.id, status=ReferralStatus.SELESAI,
                                              source=FeedbackSource.TELEPON.value,
                                              outcome=ReferralOutcome.TERLAYANI_PENUH,
                                              expected_version=answered.row_version))
    page = open_page(qtbot, koordinator)
    with qtbot.waitSignal(page.tab_stats.statistics_loaded, timeout=10_000):
        page.show_stats()
    stats = page.tab_stats
    model = stats.tbl_services.model()
    assert model.rowCount() == 1  # both sent referrals went to the same PBI service
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert texts[ServiceStatsTableModel.COL_ORGANIZATION] == "Dinas Sosial Kabupaten Semarang"
    assert texts[ServiceStatsTableModel.COL_SENT:ServiceStatsTableModel.COL_MEDIAN] == ["2", "1", "1", "1"]
    assert texts[ServiceStatsTableModel.COL_MEDIAN] == "0"  # answered the day it was sent
    assert [r.id for r in table_rows(stats.tbl_overdue)] == [referrals["late"].id]
    assert stats.lbl_overdue.text() == "Terlambat (1)"
    assert stats.lbl_summary.text() == "2 surat dikirim ke 1 layanan; 1 sudah dijawab; 1 lewat batas jawaban."
    # Enter on a late referral shows it in the list.
    stats.tbl_overdue.setFocus()
    stats.tbl_overdue.setCurrentIndex(stats.tbl_overdue.model().index(0, 0))
    with qtbot.waitSignal(page.tab_list.referrals_loaded, timeout=10_000):
        qtbot.keyClick(stats.tbl_overdue, Qt.Key.Key_Return)
    assert page.tab_sections.currentIndex() == RujukanPage.TAB_LIST


# --- the feedback dialog on its own ---------------------------------------------------------------------------------


def test_status_dialog_shows_the_fields_each_status_needs(qtbot: Any, koordinator: ServiceContext,
                                                          referrals: dict[str, ReferralRecord]) -> None:
    detail = referral_detail(koordinator, referrals["late"].id)
    dialog = ReferralStatusDialog(detail, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.cmb_status.itemText(i) for i in range(dialog.cmb_status.count())] == [
        "Diterima", "Diproses", "Selesai", "Ditolak"]
    assert dialog.selected_source() is None  # typed in by hand: the officer says where the news came from
    assert not dialog.wdg_outcome.isVisible() and not dialog.edt_reason.isVisible()
    dialog.cmb_status.setCurrentIndex(dialog.cmb_status.findText("Selesai"))
    assert dialog.wdg_outcome.isVisible() and not dialog.edt_reason.isVisible()
    submitted: list[ReferralChange] = []
    dialog.change_submitted.connect(submitted.append)
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert submitted == []
    assert dialog.lbl_errors["source"].text() == "Pilih dari mana kabar ini diterima."
    assert dialog.lbl_errors["outcome"].isVisible()
    dialog.cmb_status.setCurrentIndex(dialog.cmb_status.findText("Ditolak"))
    assert dialog.edt_reason.isVisible() and not dialog.wdg_outcome.isVisible()
    assert dialog.dte_occurred.maximumDate().toPython() == TODAY
    assert dialog.dte_occurred.minimumDate().toPython() == LONG_AGO  # not before the slip went out
    dialog.cmb_source.setCurrentIndex(dialog.cmb_source.findText("Telepon / WhatsApp"))
    qtbot.keyClicks(dialog.edt_reason, "Bukan kewenangan Dinas Sosial")
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert submitted == [ReferralChange(
        referral_id=referrals["late"].id, status=ReferralStatus.DITOLAK, source="TELEPON", occurred_on=TODAY,
        rejection_reason="Bukan kewenangan Dinas Sosial", expected_version=detail.referral.row_version)]


def test_service_field_messages_land_next_to_their_fields(qtbot: Any, koordinator: ServiceContext,
                                                          referrals: dict[str, ReferralRecord]) -> None:
    detail = referral_detail(koordinator, referrals["late"].id)
    with pytest.raises(FieldErrors) as refused:
        change_status(koordinator, ReferralChange(referral_id=detail.referral.id, status=ReferralStatus.SELESAI,
                                                  occurred_on=date(2030, 1, 1)))
    dialog = ReferralStatusDialog(detail, today=TODAY, source=FeedbackSource.LEMBAR_BALASAN)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.cmb_status.setCurrentIndex(dialog.cmb_status.findText("Selesai"))
    dialog.show_errors(refused.value.errors)
    for key in ("source", "occurred_on", "outcome"):
        assert dialog.lbl_errors[key].isVisible(), key
        assert dialog.lbl_errors[key].text() == refused.value.errors[key]
    assert not dialog.lbl_error.isVisible()


def test_models(qtmodeltester: Any, koordinator: ServiceContext, referrals: dict[str, ReferralRecord]) -> None:
    records = list_referrals(koordinator)
    model = ReferralsTableModel()
    model.set_rows(records)
    qtmodeltester.check(model)
    assert model.index(0, 0, QModelIndex()).data(ROW_ROLE) == records[0]
    stats = ServiceStatsTableModel()
    first = service_statistics(koordinator)[0]
    stats.set_rows([first, replace(first, median_working_days_to_answer=2.5)])
    qtmodeltester.check(stats)
    assert stats.index(1, ServiceStatsTableModel.COL_MEDIAN).data() == "2,5"
    assert stats.index(0, ServiceStatsTableModel.COL_MEDIAN).data() == "—"  # nothing answered yet


def test_worklist_names_the_referral_statuses(koordinator: ServiceContext,
                                              referrals: dict[str, ReferralRecord]) -> None:
    model = TasksTableModel()
    model.set_rows(tasks_today(koordinator))
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ROW_ROLE).kind is TaskKind.RUJUKAN)
    assert model.index(row, TasksTableModel.COL_KIND).data() == "Rujukan"
    assert model.index(row, TasksTableModel.COL_STATUS).data() == "Dikirim, menunggu jawaban"
    mark_overdue(koordinator)
    model.set_rows(tasks_today(koordinator))
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ROW_ROLE).kind is TaskKind.RUJUKAN)
    assert model.index(row, TasksTableModel.COL_STATUS).data() == "Tidak ada kabar"


def test_feedback_on_a_stale_copy_is_refused_and_saves_nothing(qtbot: Any, desk: Any, koordinator: ServiceContext,
                                                               referrals: dict[str, ReferralRecord],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    page = open_page(qtbot, koordinator)
    late = referrals["late"].id
    select(qtbot, page, late)
    with qtbot.waitSignal(page.status_dialog_opened, timeout=10_000) as opened:
        qtbot.mouseClick(page.tab_list.pnl_detail.btn_feedback, Qt.MouseButton.LeftButton)
    dialog: ReferralStatusDialog = opened.args[0]
    # Meanwhile a colleague records on another PC that the office received it.
    current = referral_detail(koordinator, late).referral
    change_status(koordinator, ReferralChange(referral_id=late, status=ReferralStatus.DITERIMA,
                                              source=FeedbackSource.TELEPON.value,
                                              expected_version=current.row_version))
    dialog.cmb_source.setCurrentIndex(dialog.cmb_source.findText("Lembar balasan"))
    dialog.cmb_status.setCurrentIndex(dialog.cmb_status.findText("Diproses"))
    qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(warnings) == 1, timeout=10_000)
    assert "diubah oleh petugas lain" in warnings[0]
    qtbot.waitUntil(lambda: page.dlg_status is None, timeout=5_000)
    assert db_row(desk, late)[0] == "DITERIMA"
    qtbot.waitUntil(lambda: page.tab_list.pnl_detail.lbl_status.text() == "Diterima", timeout=10_000)
