"""The Rujukan area: the scan bar for return stubs, the referral list with its detail, and the per-service
statistics. Every action on a referral (approve, print, record feedback, send back, cancel) starts here, runs its
service through run_op, and reloads the list, which first marks referrals past their response date."""

from __future__ import annotations

import importlib
import logging
import re
from types import ModuleType

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.enums import FeedbackSource, ReferralStatus
from puskesos_desk.domain.errors import Conflict, FieldErrors, PuskesosError
from puskesos_desk.domain.file_names import safe_file_stem
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.referrals import ReferralChange, ReferralDetail, ReferralRecord
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.referral_queries import find_referral, referral_detail
from puskesos_desk.services.referrals import approve_referral, change_status
from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog
from puskesos_desk.ui.dialogs.referral_status_dialog import ReferralStatusDialog, feedback_choices
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.models.referrals_model import STATUS_NAMES, label
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.rujukan_agency_tab import ReferralAgencyTab
from puskesos_desk.ui.pages.rujukan_list_tab import ReferralListTab
from puskesos_desk.ui.pages.rujukan_scan_bar import ScanBar
from puskesos_desk.ui.pages.rujukan_stats_tab import ReferralStatsTab
from puskesos_desk.ui.pdf_pages import merge_pdfs
from puskesos_desk.ui.widgets.wrapped_label import keep_lines

log = logging.getLogger(__name__)


def _slips() -> ModuleType:
    """services.slips, imported on the first preview: it loads reportlab, which a start-up does not need."""
    return importlib.import_module("puskesos_desk.services.slips")


def slip_file_name(number: str) -> str:
    """'surat-rujukan-001-RJK-PUSKESOS-3322012007-XI-2026.pdf': a letter number made safe for any file system."""
    return "surat-rujukan-" + safe_file_stem(re.sub(r"[^0-9A-Za-z.-]+", "-", number), "baru") + ".pdf"


class RujukanPage(QWidget):
    household_opened = Signal(str)
    changed = Signal()  # a referral was approved, printed, answered, sent back or cancelled
    status_dialog_opened = Signal(object)  # ReferralStatusDialog (tests and screenshots use them)
    preview_opened = Signal(object)  # PdfPreviewDialog

    TAB_LIST = 0
    TAB_STATS = 1
    TAB_AGENCY = 2

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dlg_status: ReferralStatusDialog | None = None
        self.dlg_preview: PdfPreviewDialog | None = None
        self._status_from_scan = False

        # Widgets
        self.lbl_title = QLabel(self.tr("Rujukan"))
        self.lbl_title.setObjectName("lbl_title")
        self.lbl_subtitle = QLabel(self.tr("Surat rujukan ke dinas dan lembaga layanan: persetujuan Koordinator, "
                                           "cetak, dan tanggapan lembaga tujuan. Batas jawaban dihitung dalam hari "
                                           "kerja sejak surat dicetak."))
        self.lbl_subtitle.setObjectName("lbl_subtitle")
        self.lbl_subtitle.setWordWrap(True)
        keep_lines(self.lbl_subtitle)  # two lines at 125 %: the page's minimum height counts both
        self.scan = ScanBar()
        self.tab_list = ReferralListTab(ctx)
        self.tab_stats = ReferralStatsTab(ctx)
        self.tab_agency = ReferralAgencyTab(ctx)
        self.tab_sections = QTabWidget()
        self.tab_sections.setDocumentMode(True)
        self.tab_sections.addTab(self.tab_list, self.tr("Daftar rujukan"))
        self.tab_sections.addTab(self.tab_stats, self.tr("Statistik layanan"))
        self.tab_sections.addTab(self.tab_agency, self.tr("Hasil dari instansi"))
        self.lbl_notice = QLabel("")
        self.lbl_notice.setObjectName("lbl_hint")
        self.lbl_notice.setWordWrap(True)
        self.lbl_notice.setVisible(False)

        # Signals
        panel = self.tab_list.pnl_detail
        self.scan.scanned.connect(self._on_scan_scanned)
        panel.approve_requested.connect(self._on_pnl_detail_approve_requested)
        panel.preview_requested.connect(self._on_pnl_detail_preview_requested)
        panel.feedback_requested.connect(self._on_pnl_detail_feedback_requested)
        panel.send_back_requested.connect(self._on_pnl_detail_send_back_requested)
        panel.cancel_requested.connect(self._on_pnl_detail_cancel_requested)
        panel.household_requested.connect(self.household_opened)
        self.tab_list.print_ready_requested.connect(self._on_tab_list_print_ready_requested)
        self.tab_stats.referral_opened.connect(self._on_tab_stats_referral_opened)
        self.tab_agency.changed.connect(self._on_tab_agency_changed)

        # Assemble
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(self.lbl_title)
        layout.addWidget(self.lbl_subtitle)
        layout.addWidget(self.scan)
        layout.addWidget(self.tab_sections, 1)
        layout.addWidget(self.lbl_notice)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.mark_stale()  # each visit marks what became overdue and shows the state as it is now

    def mark_stale(self) -> None:
        """Data changed (here or elsewhere): the visible tab reloads now, the other when it is shown."""
        self.tab_list.mark_stale()
        self.tab_stats.mark_stale()

    def show_list(self) -> None:
        self.tab_sections.setCurrentIndex(self.TAB_LIST)

    def show_stats(self) -> None:
        self.tab_sections.setCurrentIndex(self.TAB_STATS)

    def focus_scan(self) -> None:
        self.scan.ready_for_next()

    def _shown_record(self, referral_id: str) -> ReferralRecord | None:
        detail = self.tab_list.pnl_detail.detail
        return detail.referral if detail is not None and detail.referral.id == referral_id else None

    def _after_change(self, record: ReferralRecord, text: str) -> None:
        log.info("referral %s is now %s", record.number, record.status.value)
        self._notify(text)
        self.mark_stale()
        self.changed.emit()

    def _notify(self, text: str) -> None:
        self.lbl_notice.setText(text)
        self.lbl_notice.setVisible(bool(text))

    def _on_change_failed(self, error: BaseException) -> None:
        if isinstance(error, Conflict):
            QMessageBox.warning(self, self.tr("Rujukan sudah diubah petugas lain"), error.message)
            self.mark_stale()
            return
        show_error(self, error)

    def _on_tab_agency_changed(self) -> None:
        self.mark_stale()
        self.changed.emit()

    def _on_tab_stats_referral_opened(self, referral_id: str, number: str) -> None:
        self.show_list()
        self.tab_list.show_referral(referral_id, number)

    # --- the scan bar ----------------------------------------------------------------------------------------------

    def _on_scan_scanned(self, text: str) -> None:
        ctx = self.ctx
        run_op(self, lambda: find_referral(ctx, text), self._on_scan_found, self._on_scan_failed)

    def _on_scan_found(self, record: ReferralRecord) -> None:
        self.scan.accept_scan()
        self.show_list()
        self.tab_list.show_referral(record.id, record.number)
        self._open_status_dialog(record.id, from_scan=True)

    def _on_scan_failed(self, error: BaseException) -> None:
        if isinstance(error, PuskesosError):
            self.scan.refuse(error.message)
            return
        self.scan.refuse(self.tr("Kode ini tidak dapat diperiksa karena kesalahan sistem."))
        show_error(self, error)

    # --- recording feedback ----------------------------------------------------------------------------------------

    def _on_pnl_detail_feedback_requested(self, referral_id: str) -> None:
        self._open_status_dialog(referral_id, from_scan=False)

    def _open_status_dialog(self, referral_id: str, *, from_scan: bool) -> None:
        if self.dlg_status is not None:
            self.dlg_status.raise_()
            return
        ctx = self.ctx
        run_op(self, lambda: referral_detail(ctx, referral_id),
               lambda detail: self._on_status_detail_read(detail, from_scan), self._on_change_failed)

    def _on_status_detail_read(self, detail: ReferralDetail, from_scan: bool) -> None:
        if self.dlg_status is not None:
            return
        record = detail.referral
        if not feedback_choices(detail):
            if not self.ctx.actor.can(Permission.HANDLE_CASE):
                reason = self.tr("Akun ini tidak berwenang mencatat tanggapan rujukan. Minta Koordinator atau "
                                 "Petugas BO mencatatnya.")
            else:
                reason = self.tr("Rujukan {number} berstatus {status}: tanggapan lembaga tujuan tidak dapat dicatat "
                                 "untuk status ini.").format(number=record.number,
                                                             status=label(STATUS_NAMES, record.status).lower())
            if from_scan:
                self.scan.refuse(reason)
            else:
                QMessageBox.information(self, self.tr("Catat tanggapan"), reason)
            return
        source = FeedbackSource.LEMBAR_BALASAN if from_scan else None
        dialog = ReferralStatusDialog(detail, today=self.ctx.today(), source=source, parent=self)
        dialog.change_submitted.connect(self._on_dlg_status_change_submitted)
        dialog.finished.connect(self._on_dlg_status_finished)
        self.dlg_status = dialog
        self._status_from_scan = from_scan
        dialog.open()
        self.status_dialog_opened.emit(dialog)

    def _on_dlg_status_change_submitted(self, change: ReferralChange) -> None:
        ctx = self.ctx
        run_op(self, lambda: change_status(ctx, change), self._on_status_saved, self._on_status_failed, writes=True)

    def _on_status_saved(self, record: ReferralRecord) -> None:
        if self.dlg_status is not None:
            self.dlg_status.accept()
        self._after_change(record, self.tr("Tanggapan untuk {number} dicatat: {status}.").format(
            number=record.number, status=label(STATUS_NAMES, record.status).lower()))

    def _on_status_failed(self, error: BaseException) -> None:
        dialog = self.dlg_status
        if isinstance(error, FieldErrors) and dialog is not None:
            dialog.show_errors(error.errors)
            return
        if isinstance(error, Conflict):
            if dialog is not None:
                dialog.reject()
            self._on_change_failed(error)
            return
        if isinstance(error, PuskesosError) and dialog is not None:
            dialog.show_errors({"": error.message})
            return
        if dialog is not None:
            dialog.set_busy(False)
        show_error(self, error)

    def _on_dlg_status_finished(self, _result: int) -> None:
        dialog = self.dlg_status
        self.dlg_status = None
        if dialog is not None:
            dialog.deleteLater()
        self.window().activateWindow()
        if self._status_from_scan:
            self.scan.ready_for_next()  # the next return stub can be scanned straight away
        else:
            self.tab_list.focus_list()

    # --- approving, sending back, cancelling -----------------------------------------------------------------------

    def _on_pnl_detail_approve_requested(self, referral_id: str) -> None:
        record = self._shown_record(referral_id)
        if record is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Setujui dan tandatangani"),
            self.tr("Setujui rujukan {number} untuk {person} ke {organization} ({service})?\n\nNama Anda akan "
                    "tercetak sebagai penanda tangan, dan surat dapat dicetak setelah ini.").format(
                number=record.number, person=record.person_name, organization=record.organization,
                service=record.service_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx, version = self.ctx, record.row_version
        run_op(self, lambda: approve_referral(ctx, referral_id, expected_version=version),
               lambda saved: self._after_change(saved, self.tr("Rujukan {number} disetujui dan siap dicetak.")
                                                .format(number=saved.number)),
               self._on_change_failed, writes=True)

    def _on_pnl_detail_send_back_requested(self, referral_id: str) -> None:
        record = self._shown_record(referral_id)
        if record is None:
            return
        notes, ok = QInputDialog.getMultiLineText(
            self, self.tr("Kembalikan ke draf"),
            self.tr("Rujukan {number} dikembalikan ke petugas untuk diperbaiki dan harus disetujui lagi.\n"
                    "Apa yang perlu diperbaiki? (boleh kosong)").format(number=record.number))
        if not ok:
            return
        self._change(ReferralChange(referral_id=referral_id, status=ReferralStatus.DRAFT, notes=notes.strip(),
                                    expected_version=record.row_version),
                     self.tr("Rujukan {number} dikembalikan ke draf."))

    def _on_pnl_detail_cancel_requested(self, referral_id: str) -> None:
        record = self._shown_record(referral_id)
        if record is None:
            return
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("Batalkan rujukan"),
            self.tr("Alasan pembatalan rujukan {number} (wajib):").format(number=record.number))
        if not ok:
            return
        self._change(ReferralChange(referral_id=referral_id, status=ReferralStatus.DIBATALKAN, notes=reason.strip(),
                                    expected_version=record.row_version),
                     self.tr("Rujukan {number} dibatalkan."))

    def _change(self, change: ReferralChange, done_text: str) -> None:
        ctx = self.ctx
        run_op(self, lambda: change_status(ctx, change),
               lambda saved: self._after_change(saved, done_text.format(number=saved.number)),
               self._on_change_failed, writes=True)

    # --- printing --------------------------------------------------------------------------------------------------

    def blocked_reason(self, record: ReferralRecord) -> str | None:
        """Why this referral's slip may be previewed but not printed now; None when it may be printed."""
        if record.status is ReferralStatus.DRAFT:
            return self.tr("Belum disetujui Koordinator. Surat rujukan dapat dicetak setelah Koordinator "
                           "menyetujui dan menandatanganinya.")
        if record.status is ReferralStatus.DIBATALKAN:
            return self.tr("Rujukan ini sudah dibatalkan; suratnya tidak dapat dicetak.")
        if not self.ctx.actor.can(Permission.CREATE_REFERRAL):
            return self.tr("Hanya Koordinator dan Petugas BO yang dapat mencetak surat rujukan.")
        return None

    def _on_pnl_detail_preview_requested(self, referral_id: str) -> None:
        record = self._shown_record(referral_id)
        if record is None:
            return
        ctx = self.ctx

        def render(paper: Paper) -> bytes:
            return _slips().preview_slip(ctx, referral_id, paper)

        def issue(paper: Paper, channel: OutputChannel) -> bytes:
            return _slips().issue_slip(ctx, referral_id, paper=paper, channel=channel)

        self._open_preview(PdfPreviewDialog(
            self, title=self.tr("Surat rujukan {number}").format(number=record.number), render=render, issue=issue,
            blocked_reason=self.blocked_reason(record), suggested_file_name=slip_file_name(record.number),
            on_issued=self._on_slip_issued))

    def _on_tab_list_print_ready_requested(self, referral_ids: list[str]) -> None:
        ctx, ids = self.ctx, tuple(referral_ids)

        def render(paper: Paper) -> bytes:
            return merge_pdfs([_slips().preview_slip(ctx, referral_id, paper) for referral_id in ids])

        def issue(paper: Paper, channel: OutputChannel) -> bytes:
            return _slips().issue_slips(ctx, ids, paper=paper, channel=channel)

        self._open_preview(PdfPreviewDialog(
            self, title=self.tr("Cetak %n surat rujukan yang siap", "", len(ids)), render=render, issue=issue,
            suggested_file_name="surat-rujukan-siap-cetak.pdf", on_issued=self._on_slip_issued))

    def _open_preview(self, dialog: PdfPreviewDialog) -> None:
        # Held here and deleted on `finished` (not WA_DeleteOnClose), as the status dialog is: the page decides
        # when the dialog's Python side and its C++ side go away, together.
        if self.dlg_preview is not None:
            self.dlg_preview.reject()
        self.dlg_preview = dialog
        dialog.finished.connect(self._on_dlg_preview_finished)
        dialog.open()
        self.preview_opened.emit(dialog)

    def _on_dlg_preview_finished(self, _result: int) -> None:
        dialog = self.dlg_preview
        self.dlg_preview = None
        if dialog is not None:
            dialog.deleteLater()

    def _on_slip_issued(self) -> None:
        self._notify(self.tr("Cetakan surat rujukan dicatat."))
        self.mark_stale()
        self.changed.emit()
