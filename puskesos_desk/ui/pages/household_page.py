"""The household page: who lives there, their DTSEN standing, and everything the desk recorded for them, with the
actions of the day one key away (Ctrl+K visit, Ctrl+L complaint, Ctrl+B need, Ctrl+E participation, Ctrl+U DTSEN
proposal, Ctrl+G household change). After a visit is saved the page offers its complaint and needs at once.
Needs and complaints are referred to a directory service from their tabs; the household's referrals have their own
tab (widgets/household/referral_section.py), and receipts and DTSEN notes print from the page (print_actions.py).

Dialogs hand a frozen draft back; this page runs the service through run_op (writes=True), closes the dialog on
success or shows the service's field messages in it, then reloads and emits `changed`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from puskesos_desk.domain.casework import (
    OPEN_PROPOSAL_STATUSES,
    CaseworkChoices,
    HouseholdDetail,
    NeedRecord,
    VisitRow,
)
from puskesos_desk.domain.errors import PuskesosError
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.referrals import ReferralRecord
from puskesos_desk.services.casework import record_complaint, record_need, record_participation
from puskesos_desk.services.changes import request_change
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.households import casework_choices, household_detail
from puskesos_desk.services.proposals import advance_proposal, create_proposal
from puskesos_desk.services.referral_queries import list_referrals
from puskesos_desk.services.visits import record_visit
from puskesos_desk.ui.dialogs.change_request_dialog import ChangeRequestDialog
from puskesos_desk.ui.dialogs.complaint_dialog import ComplaintDialog
from puskesos_desk.ui.dialogs.need_dialog import NeedDialog
from puskesos_desk.ui.dialogs.participation_dialog import ParticipationDialog
from puskesos_desk.ui.dialogs.proposal_dialog import ProposalDialog
from puskesos_desk.ui.dialogs.visit_dialog import VisitDialog
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.formatting import format_date_short
from puskesos_desk.ui.i18n import current_language
from puskesos_desk.ui.models.household_changes_model import HouseholdChangesTableModel
from puskesos_desk.ui.models.household_complaints_model import HouseholdComplaintsTableModel
from puskesos_desk.ui.models.household_needs_model import HouseholdNeedsTableModel
from puskesos_desk.ui.models.household_participations_model import HouseholdParticipationsTableModel
from puskesos_desk.ui.models.household_proposals_model import HouseholdProposalsTableModel
from puskesos_desk.ui.models.household_visits_model import HouseholdVisitsTableModel
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.pages.household_extract_tab import HouseholdExtractTab
from puskesos_desk.ui.widgets.household.case_tab import CaseTab
from puskesos_desk.ui.widgets.household.change_decisions import ChangeDecisions
from puskesos_desk.ui.widgets.household.dialog_runner import DialogRunner
from puskesos_desk.ui.widgets.household.form_dialog import FormDialog
from puskesos_desk.ui.widgets.household.household_header import HouseholdHeaderCard
from puskesos_desk.ui.widgets.household.id_reveal import IdReveal
from puskesos_desk.ui.widgets.household.members_table import MembersTable
from puskesos_desk.ui.widgets.household.merge_notice import MergeNoticeBar
from puskesos_desk.ui.widgets.household.print_actions import HouseholdPrints
from puskesos_desk.ui.widgets.household.proposal_status_dialog import ProposalAdvance, ProposalStatusDialog
from puskesos_desk.ui.widgets.household.record_requests import RecordRequests
from puskesos_desk.ui.widgets.household.referral_section import ReferralSection
from puskesos_desk.ui.widgets.household.visit_follow_up_bar import VisitFollowUpBar
from puskesos_desk.ui.widgets.split_button_row import SplitButtonRow
from puskesos_desk.ui.widgets.wrapped_label import fit_lines, keep_lines

log = logging.getLogger(__name__)


class HouseholdPage(QWidget):
    back_requested = Signal()
    changed = Signal()  # after any save
    loaded = Signal(object)  # HouseholdDetail, each time the page has (re)loaded
    load_failed = Signal(object)  # the exception
    referral_open_requested = Signal(str, str)  # referral id, letter number: the main window shows it in Rujukan

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id: str | None = None
        self.detail: HouseholdDetail | None = None
        self.choices: CaseworkChoices | None = None
        self.runner = DialogRunner(self)
        self._offer_visit: tuple[str, str] | None = None  # visit saved just now: (id, number)
        self._need_to_refer: NeedRecord | None = None  # the visit's need saved just now, offered for referral
        self._focus_first_action = False  # a household was just opened: its first action gets the focus

        # Widgets
        self.btn_back = QPushButton(self.tr("← Kembali"))
        self.sc_back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.btn_back.setToolTip(self.tr("Kembali ke pencarian (Esc)"))
        self.lbl_status = QLabel()
        self.lbl_status.setObjectName("lbl_hint")
        self.lbl_status.setWordWrap(True)  # never widens the page (125 % scaling on 1366×768)
        keep_lines(self.lbl_status)  # two lines at 125 %: the page's minimum height counts both
        self.btn_refresh = QPushButton(self.tr("Muat ulang"))
        self.sc_refresh = QShortcut(QKeySequence("F5"), self)
        self.btn_refresh.setToolTip(self.tr("Baca ulang data keluarga (F5)"))
        self.card = HouseholdHeaderCard()
        self.btn_visit = self._action(self.tr("Catat kunjungan"), "Ctrl+K", self.open_visit_dialog)
        self.btn_visit.setObjectName("btn_primary")
        self.btn_complaint = self._action(self.tr("Keluhan"), "Ctrl+L", self._on_btn_complaint_clicked)
        self.btn_need = self._action(self.tr("Kebutuhan"), "Ctrl+B", self._on_btn_need_clicked)
        self.btn_participation = self._action(self.tr("Kepesertaan"), "Ctrl+E", self.open_participation_dialog)
        self.btn_proposal = self._action(self.tr("Usulan DTSEN"), "Ctrl+U", self.open_proposal_dialog)
        self.btn_change = self._action(self.tr("Perubahan KK"), "Ctrl+G", self.open_change_dialog)
        self.bar = VisitFollowUpBar()
        self.tbl_members = MembersTable()
        self.members_model = self.tbl_members.model_
        self.tab_visits = CaseTab(HouseholdVisitsTableModel(), self.tr("Belum ada kunjungan."), descending=True,
                                  stretch_column=HouseholdVisitsTableModel.COL_PURPOSE)
        self.tab_complaints = CaseTab(HouseholdComplaintsTableModel(), self.tr("Belum ada keluhan."), descending=True,
                                      stretch_column=HouseholdComplaintsTableModel.COL_CATEGORY)
        self.tab_needs = CaseTab(HouseholdNeedsTableModel(), self.tr("Belum ada kebutuhan."), descending=True,
                                 stretch_column=HouseholdNeedsTableModel.COL_DOMAIN)
        self.tab_participations = CaseTab(HouseholdParticipationsTableModel(),
                                          self.tr("Belum ada kepesertaan program yang dicatat."),
                                          stretch_column=HouseholdParticipationsTableModel.COL_PROGRAM)
        self.tab_proposals = CaseTab(HouseholdProposalsTableModel(), self.tr("Belum ada usulan DTSEN."),
                                     descending=True)
        self.tab_changes = CaseTab(HouseholdChangesTableModel(), self.tr("Belum ada permintaan perubahan KK."),
                                   descending=True, stretch_column=HouseholdChangesTableModel.COL_REASON)
        self.btn_visit_complaint = QPushButton(self.tr("Keluhan dari kunjungan ini"))
        self.btn_visit_need = QPushButton(self.tr("Kebutuhan dari kunjungan ini"))
        self.btn_proposal_status = QPushButton(self.tr("Ubah status…"))
        self.tabs = QTabWidget()
        self.referrals = ReferralSection(self, ctx, self.runner, self._ready, self._saved_message, tabs=self.tabs,
                                         tab_needs=self.tab_needs, tab_complaints=self.tab_complaints,
                                         members=self.tbl_members)
        self.tab_extract = HouseholdExtractTab(ctx)  # the household compared with the DTSEN/DTKS extract
        self.merge_notice = MergeNoticeBar(ctx)  # the district merged a duplicate member (issue 7)
        self.id_reveal = IdReveal(self, ctx, self.tbl_members, self.card)  # "Tampilkan NIK / No. KK", audited
        self.records = RecordRequests(self, ctx, self.tbl_members, self.card)  # corrections, data requests

        # Signals
        self.runner.saved.connect(self._on_runner_saved)
        self.runner.reload_requested.connect(self.reload)
        self.btn_back.clicked.connect(self.back_requested)
        self.sc_back.activated.connect(self.back_requested)
        self.btn_refresh.clicked.connect(self.reload)
        self.sc_refresh.activated.connect(self.reload)
        self.bar.complaint_requested.connect(self._on_bar_complaint_requested)
        self.bar.need_requested.connect(self._on_bar_need_requested)
        self.bar.referral_requested.connect(self._on_bar_referral_requested)
        self.btn_visit_complaint.clicked.connect(self._on_btn_visit_complaint_clicked)
        self.btn_visit_need.clicked.connect(self._on_btn_visit_need_clicked)
        self.btn_proposal_status.clicked.connect(self.open_proposal_status_dialog)
        for tab in self._tabs():
            tab.selection_changed.connect(self._update_buttons)
        self.tab_proposals.row_activated.connect(self.open_proposal_status_dialog)
        self.referrals.open_requested.connect(self.referral_open_requested)
        self.referrals.created.connect(self._on_referrals_created)
        self.tab_extract.proposal_requested.connect(self.open_proposal_dialog)
        self.tab_extract.checked.connect(self._retitle_tabs)
        self.records.changed.connect(self._on_runner_saved)

        # Assemble
        self.tab_visits.add_button(self.btn_visit_complaint)
        self.tab_visits.add_button(self.btn_visit_need)
        self.prints = HouseholdPrints(self, ctx, self.tab_visits, self.tbl_members)  # adds its button last
        self.tab_proposals.add_button(self.btn_proposal_status)
        self.decisions = ChangeDecisions(self, ctx, self.runner, self._ready, self._saved_message, self.tab_changes)
        self.btn_change_approve, self.btn_change_reject = self.decisions.btn_approve, self.decisions.btn_reject
        for tab in self._tabs():
            self.tabs.addTab(tab, "")
        self.tabs.addTab(self.referrals.tab, "")
        self.tabs.addTab(self.tab_extract, "")
        top = QHBoxLayout()
        top.addWidget(self.btn_back)
        top.addWidget(self.lbl_status, 1)
        top.addWidget(self.btn_refresh)
        # What the officer records on the left, identity and papers on the right: a second row where one is too
        # narrow for the eight (a 1366×768 screen at 125 %).
        actions = SplitButtonRow((self.btn_visit, self.btn_complaint, self.btn_need, self.btn_participation,
                                  self.btn_proposal, self.btn_change),
                                 (self.id_reveal.btn_reveal_nik, self.prints.btn_register_note))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.card)
        layout.addWidget(self.merge_notice)
        layout.addLayout(actions)
        layout.addWidget(self.bar)
        layout.addWidget(self.tbl_members)
        layout.addWidget(self.tabs, 1)
        self._retitle_tabs()
        self._update_buttons()

    def _action(self, text: str, keys: str, slot: Callable[[], None]) -> QPushButton:
        """A button with its own key. A QShortcut calls click(), so the dialog opens at once (a button's own
        shortcut animates a click first) and nothing happens while the button is disabled."""
        button = QPushButton(text)
        button.setToolTip(f"{text} ({keys})")
        button.clicked.connect(slot)
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.activated.connect(button.click)
        return button

    def _show_status(self, text: str) -> None:
        self.lbl_status.setText(text)
        fit_lines(self.lbl_status)  # a longer or shorter text than before, at the same width

    def keys_hint(self) -> str:
        return self.tr("Ctrl+K kunjungan · Ctrl+L keluhan · Ctrl+B kebutuhan · Ctrl+E kepesertaan · "
                       "Ctrl+U usulan DTSEN · Ctrl+G perubahan KK")

    def _tabs(self) -> tuple[CaseTab, ...]:
        return (self.tab_visits, self.tab_complaints, self.tab_needs, self.tab_participations, self.tab_proposals,
                self.tab_changes)

    # --- loading ---------------------------------------------------------------------------------------------------

    def load(self, household_id: str) -> None:
        if household_id != self.household_id:
            self.bar.setVisible(False)
            self._offer_visit = None
            self._need_to_refer = None
        self.household_id = household_id
        self._focus_first_action = True
        self.records.show_household(household_id)
        self.reload()

    def reload(self) -> None:
        if self.household_id is None:
            return
        ctx, household_id, choices = self.ctx, self.household_id, self.choices
        if not self.lbl_status.property("keep"):  # a save's message stays through the reload that follows it
            self._show_status(self.tr("Memuat…"))

        def op() -> tuple[HouseholdDetail, CaseworkChoices, list[ReferralRecord]]:
            return (household_detail(ctx, household_id), choices or casework_choices(ctx),
                    list_referrals(ctx, household_id=household_id))

        run_op(self, op, self._on_loaded, self._on_load_failed)

    def _on_loaded(self, result: tuple[HouseholdDetail, CaseworkChoices, list[ReferralRecord]]) -> None:
        detail, choices, referrals = result
        if detail.household.id != self.household_id:
            return  # an older load arrived after the user opened another household
        self.detail, self.choices = detail, choices
        self.id_reveal.loaded(detail.household.id)
        language = current_language()
        self.card.show_detail(detail, choices.label("alasan_tanpa_kk", detail.household.no_kk_reason, language))
        self.tbl_members.show_members(detail.members, choices, detail.today)
        self.tab_complaints.model.today = detail.today  # type: ignore[attr-defined]
        records: tuple[tuple[Any, ...], ...] = (detail.visits, detail.complaints, detail.needs, detail.participations,
                                                detail.proposals, detail.change_requests)
        for tab, rows_of_tab in zip(self._tabs(), records, strict=True):
            tab.model.set_choices(choices)
            tab.model.set_rows(rows_of_tab)
            tab.refresh()
        self.referrals.show_rows(referrals)
        self.tab_extract.load(detail.household.id, choices)
        self.merge_notice.load(detail.household.id)
        self._retitle_tabs()
        self._update_buttons()
        if not self.lbl_status.property("keep"):
            self._show_status(self.keys_hint())
        self.lbl_status.setProperty("keep", False)
        if self._focus_first_action:
            self._focus_first_action = False
            if self.btn_visit.isEnabled():  # Space records today's visit (the focus was left on "Kembali")
                self.btn_visit.setFocus()
        if self._offer_visit is not None:
            visit_id, number = self._offer_visit
            self._offer_visit = None
            self.bar.offer(visit_id, number)
        self.loaded.emit(detail)

    def _on_load_failed(self, error: BaseException) -> None:
        message = error.message if isinstance(error, PuskesosError) else self.tr("Data keluarga tidak dapat dimuat.")
        self._show_status(message)
        if not isinstance(error, PuskesosError):
            show_error(self, error)
        self.load_failed.emit(error)

    def _retitle_tabs(self) -> None:
        titles = (self.tr("Kunjungan"), self.tr("Keluhan"), self.tr("Kebutuhan"), self.tr("Kepesertaan"),
                  self.tr("Usulan DTSEN"), self.tr("Perubahan KK"))
        for index, (tab, title) in enumerate(zip(self._tabs(), titles, strict=True)):
            count = tab.model.rowCount()
            self.tabs.setTabText(index, f"{title} ({count})" if count else title)
        self.referrals.retitle()
        self.tabs.setTabText(self.tabs.indexOf(self.tab_extract), self.tab_extract.title())

    def _update_buttons(self) -> None:
        ready = self.detail is not None
        can = self.ctx.actor.can
        for button, permission in ((self.btn_visit, Permission.RECORD_VISIT),
                                   (self.btn_complaint, Permission.RECORD_VISIT),
                                   (self.btn_need, Permission.RECORD_VISIT),
                                   (self.btn_participation, Permission.RECORD_VISIT),
                                   (self.btn_proposal, Permission.PROPOSE_DTSEN),
                                   (self.btn_change, Permission.REGISTER),
                                   (self.btn_proposal_status, Permission.PROPOSE_DTSEN)):
            button.setEnabled(ready and can(permission))
            if not can(permission):
                button.setToolTip(self.tr("Akun Anda tidak berwenang untuk tindakan ini."))
        visit = self.tab_visits.selected() is not None and can(Permission.RECORD_VISIT)
        self.btn_visit_complaint.setEnabled(visit)
        self.btn_visit_need.setEnabled(visit)
        self.btn_proposal_status.setEnabled(self.btn_proposal_status.isEnabled()
                                            and self.tab_proposals.selected() is not None)
        self.decisions.update_buttons(self.detail)
        self.referrals.update_buttons()
        self.prints.update_buttons()

    # --- dialogs -----------------------------------------------------------------------------------------------------

    @property
    def active_dialog(self) -> FormDialog | None:
        """The dialog open right now (one at a time), or None."""
        return self.runner.active

    def _open(self, dialog: FormDialog, save: Callable[[Any], Any], on_saved: Callable[[Any], None]) -> None:
        self.runner.open(dialog, save, on_saved)

    def _on_runner_saved(self, _result: object = None) -> None:
        self.lbl_status.setProperty("keep", True)
        self.changed.emit()
        self.reload()

    def _ready(self) -> tuple[HouseholdDetail, CaseworkChoices] | None:
        if self.detail is None or self.choices is None or self.active_dialog is not None:
            return None
        return self.detail, self.choices

    def _saved_message(self, text: str, note: str | None = None) -> None:
        self._show_status(f"{text} {note}" if note else text)

    def open_visit_dialog(self) -> None:
        if (ready := self._ready()) is None:
            return
        ctx = self.ctx

        def saved(record: Any) -> None:
            self._offer_visit = (record.id, record.registration_number)
            self._saved_message(self.tr("Kunjungan {number} tersimpan.").format(number=record.registration_number))

        self._open(VisitDialog(*ready, parent=self), lambda draft: record_visit(ctx, draft), saved)

    def _visit(self, visit_id: str | None) -> VisitRow | None:
        return next((v for v in self.detail.visits if v.id == visit_id), None) if self.detail else None

    def open_complaint_dialog(self, visit: VisitRow | None = None) -> None:
        if (ready := self._ready()) is None:
            return
        ctx = self.ctx

        def saved(record: Any) -> None:
            self._saved_message(self.tr("Keluhan {number} tersimpan; jatuh tempo {date}.").format(
                number=record.number, date=format_date_short(record.due_date)), record.due_note)
            if self.bar.isVisible():
                self.bar.btn_need.setFocus()

        self._open(ComplaintDialog(*ready, visit=visit, parent=self), lambda d: record_complaint(ctx, d), saved)

    def open_need_dialog(self, visit: VisitRow | None = None) -> None:
        if (ready := self._ready()) is None:
            return
        ctx = self.ctx

        def saved(record: NeedRecord) -> None:
            self._saved_message(self.tr("Kebutuhan {number} tersimpan; jatuh tempo {date}.").format(
                number=record.number, date=format_date_short(record.due_date)), record.due_note)
            if self.bar.isVisible() and self.ctx.actor.can(Permission.CREATE_REFERRAL):
                self._need_to_refer = record
                self.bar.offer_referral()
            elif self.bar.isVisible():
                self.bar.btn_need.setFocus()

        self._open(NeedDialog(*ready, visit=visit, parent=self), lambda d: record_need(ctx, d), saved)

    def open_participation_dialog(self) -> None:
        if (ready := self._ready()) is None:
            return
        ctx = self.ctx
        member = self.tbl_members.current_member()
        self._open(ParticipationDialog(*ready, person_id=member.id if member else None, parent=self),
                   lambda d: record_participation(ctx, d),
                   lambda _r: self._saved_message(self.tr("Kepesertaan program tersimpan.")))

    def open_proposal_dialog(self) -> None:
        if (ready := self._ready()) is None:
            return
        running = [p for p in ready[0].proposals if p.status in {s.value for s in OPEN_PROPOSAL_STATUSES}]
        if running:  # one open proposal per household: continue that one instead
            self.tabs.setCurrentWidget(self.tab_proposals)
            self.tab_proposals.select_first()
            self._show_status(self.tr("Usulan {number} masih berjalan; lanjutkan dengan Ubah status.").format(
                number=running[0].number))
            return
        ctx = self.ctx
        self._open(ProposalDialog(*ready, visit_id=self.bar.visit_id if self.bar.isVisible() else None, parent=self),
                   lambda d: create_proposal(ctx, d),
                   lambda r: self._saved_message(self.tr("Usulan {number} tersimpan sebagai draf.").format(
                       number=r.number)))

    def open_change_dialog(self) -> None:
        if (ready := self._ready()) is None:
            return
        ctx = self.ctx
        self._open(ChangeRequestDialog(*ready, parent=self), lambda d: request_change(ctx, d),
                   lambda r: self._saved_message(self.tr("Permintaan {number} tersimpan dan menunggu persetujuan.")
                                                 .format(number=r.number)))

    def open_proposal_status_dialog(self, *_args: object) -> None:
        proposal = self.tab_proposals.selected()
        if proposal is None or self._ready() is None or not self.ctx.actor.can(Permission.PROPOSE_DTSEN):
            return
        ctx = self.ctx

        def save(change: ProposalAdvance) -> Any:
            return advance_proposal(ctx, proposal_id=change.proposal_id, expected_version=change.expected_version,
                                    to_status=change.to_status, musdes_date=change.musdes_date,
                                    musdes_minutes_number=change.musdes_minutes_number, notes=change.notes)

        self._open(ProposalStatusDialog(proposal, parent=self), save,
                   lambda r: self._saved_message(self.tr("Status usulan {number} diperbarui.").format(number=r.number)))

    # --- slots ------------------------------------------------------------------------------------------------------

    def _on_btn_complaint_clicked(self) -> None:
        self.open_complaint_dialog(self._visit(self.bar.visit_id) if self.bar.isVisible() else None)

    def _on_btn_need_clicked(self) -> None:
        self.open_need_dialog(self._visit(self.bar.visit_id) if self.bar.isVisible() else None)

    def _on_bar_complaint_requested(self) -> None:
        self.open_complaint_dialog(self._visit(self.bar.visit_id))

    def _on_bar_need_requested(self) -> None:
        self.open_need_dialog(self._visit(self.bar.visit_id))

    def _on_bar_referral_requested(self) -> None:
        if self._need_to_refer is not None:
            self.referrals.open_dialog(need=self._need_to_refer)

    def _on_referrals_created(self, _record: object) -> None:
        self._need_to_refer = None
        self.bar.withdraw_referral()

    def _on_btn_visit_complaint_clicked(self) -> None:
        self.open_complaint_dialog(self.tab_visits.selected())

    def _on_btn_visit_need_clicked(self) -> None:
        self.open_need_dialog(self.tab_visits.selected())
