"""Referrals on the household page: "Rujuk…" on the needs and complaints tabs, and the household's referrals tab
(with "Rujukan baru…" for the member selected above and "Buka di Rujukan" to follow one up in the Rujukan area).

The directory of services is read the first time a referral is started and kept for the page's life.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from puskesos_desk.domain.casework import CaseworkChoices, ComplaintRecord, HouseholdDetail, NeedRecord
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.domain.reference import ServiceItem
from puskesos_desk.domain.referrals import ReferralRecord
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.reference import directory_services
from puskesos_desk.services.referrals import create_referral
from puskesos_desk.ui.dialogs.referral_dialog import ReferralDialog
from puskesos_desk.ui.error_dialog import show_error
from puskesos_desk.ui.ops import run_op
from puskesos_desk.ui.widgets.household.case_tab import CaseTab
from puskesos_desk.ui.widgets.household.dialog_runner import DialogRunner
from puskesos_desk.ui.widgets.household.members_table import MembersTable
from puskesos_desk.ui.widgets.household.referral_table_model import HouseholdReferralsTableModel

Ready = Callable[[], tuple[HouseholdDetail, CaseworkChoices] | None]


class ReferralSection(QObject):
    open_requested = Signal(str, str)  # referral id, letter number: show it in the Rujukan area
    created = Signal(object)  # ReferralRecord, after the dialog has closed

    def __init__(self, page: QWidget, ctx: ServiceContext, runner: DialogRunner, ready: Ready,
                 report: Callable[[str], None], *, tabs: QTabWidget, tab_needs: CaseTab, tab_complaints: CaseTab,
                 members: MembersTable) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = ctx
        self.runner = runner
        self.ready = ready
        self.report = report
        self.tabs = tabs
        self.tab_needs = tab_needs
        self.tab_complaints = tab_complaints
        self.members = members
        self.services: list[ServiceItem] | None = None
        self._loading = False
        self._select_id: str | None = None  # the referral just made, selected once the list has reloaded

        # Widgets
        self.model = HouseholdReferralsTableModel()
        self.tab = CaseTab(self.model, self.tr("Belum ada rujukan."), descending=True,
                           sort_column=HouseholdReferralsTableModel.COL_NUMBER,
                           stretch_column=HouseholdReferralsTableModel.COL_SERVICE)
        self.btn_refer_need = QPushButton(self.tr("Rujuk…"))
        self.btn_refer_need.setToolTip(self.tr("Rujuk kebutuhan yang dipilih ke layanan di direktori"))
        self.btn_refer_complaint = QPushButton(self.tr("Rujuk…"))
        self.btn_refer_complaint.setToolTip(self.tr("Rujuk keluhan yang dipilih ke layanan di direktori"))
        self.btn_new = QPushButton(self.tr("Rujukan baru…"))
        self.btn_new.setToolTip(self.tr("Rujuk anggota yang dipilih di tabel anggota (atau kepala keluarga)"))
        self.btn_open = QPushButton(self.tr("Buka di Rujukan"))
        self.btn_open.setToolTip(self.tr("Lihat riwayat, setujui, cetak, atau catat tanggapan di area Rujukan"))

        # Signals
        self.btn_refer_need.clicked.connect(self._on_btn_refer_need_clicked)
        self.btn_refer_complaint.clicked.connect(self._on_btn_refer_complaint_clicked)
        self.btn_new.clicked.connect(self._on_btn_new_clicked)
        self.btn_open.clicked.connect(self._on_btn_open_clicked)
        self.tab.row_activated.connect(self._on_tab_row_activated)
        self.tab.selection_changed.connect(self.update_buttons)

        # Assemble
        tab_needs.add_button(self.btn_refer_need)
        tab_complaints.add_button(self.btn_refer_complaint)
        self.tab.add_button(self.btn_new)
        self.tab.add_button(self.btn_open)

    # --- the list ----------------------------------------------------------------------------------------------------

    def show_rows(self, records: Sequence[ReferralRecord]) -> None:
        self.model.set_rows(records)
        self.tab.refresh()
        self.retitle()
        if self._select_id is not None:
            self._select(self._select_id)
            self._select_id = None
        self.update_buttons()

    def retitle(self) -> None:
        count = self.model.rowCount()
        title = self.tr("Rujukan")
        self.tabs.setTabText(self.tabs.indexOf(self.tab), f"{title} ({count})" if count else title)

    def _select(self, referral_id: str) -> None:
        for row in range(self.tab.proxy.rowCount()):
            if self.tab.proxy.index(row, 0).data(HouseholdReferralsTableModel.RowRole).id == referral_id:
                self.tab.tbl.selectRow(row)
                return

    def update_buttons(self, *_args: object) -> None:
        may = self.ready() is not None and self.ctx.actor.can(Permission.CREATE_REFERRAL)
        self.btn_refer_need.setEnabled(may and self.tab_needs.selected() is not None)
        self.btn_refer_complaint.setEnabled(may and self.tab_complaints.selected() is not None)
        self.btn_new.setEnabled(may)
        self.btn_open.setEnabled(self.tab.selected() is not None)
        if not self.ctx.actor.can(Permission.CREATE_REFERRAL):
            for button in (self.btn_refer_need, self.btn_refer_complaint, self.btn_new):
                button.setToolTip(self.tr("Hanya Koordinator dan Petugas BO yang dapat membuat rujukan."))

    # --- making one --------------------------------------------------------------------------------------------------

    def open_dialog(self, *, need: NeedRecord | None = None, complaint: ComplaintRecord | None = None,
                    person_id: str | None = None) -> None:
        if self.ready() is None or not self.ctx.actor.can(Permission.CREATE_REFERRAL):
            return
        if self.services is None:
            self._load_services(lambda: self.open_dialog(need=need, complaint=complaint, person_id=person_id))
            return
        ready = self.ready()
        if ready is None:  # another dialog opened while the directory was loading
            return
        ctx = self.ctx
        dialog = ReferralDialog(*ready, self.services, need=need, complaint=complaint, person_id=person_id,
                                parent=self.page)
        self.runner.open(dialog, lambda draft: create_referral(ctx, draft), self._on_saved)

    def _load_services(self, then: Callable[[], None]) -> None:
        if self._loading:
            return
        self._loading = True
        ctx = self.ctx

        def loaded(services: list[ServiceItem]) -> None:
            self._loading = False
            self.services = services
            then()

        def failed(error: BaseException) -> None:
            self._loading = False
            show_error(self.page, error)

        run_op(self.page, lambda: directory_services(ctx), loaded, failed)

    def _on_saved(self, record: Any) -> None:
        self._select_id = record.id
        self.tabs.setCurrentWidget(self.tab)
        self.report(self.tr("Rujukan {number} untuk {name} tersimpan sebagai draf; menunggu persetujuan Koordinator "
                            "sebelum dicetak.").format(number=record.number, name=record.person_name))
        self.created.emit(record)

    # --- slots -------------------------------------------------------------------------------------------------------

    def _on_btn_refer_need_clicked(self) -> None:
        need = self.tab_needs.selected()
        if isinstance(need, NeedRecord):
            self.open_dialog(need=need)

    def _on_btn_refer_complaint_clicked(self) -> None:
        complaint = self.tab_complaints.selected()
        if isinstance(complaint, ComplaintRecord):
            self.open_dialog(complaint=complaint)

    def _on_btn_new_clicked(self) -> None:
        member = self.members.current_member() if self.members.selectionModel().hasSelection() else None
        self.open_dialog(person_id=member.id if member else None)

    def _on_btn_open_clicked(self) -> None:
        record = self.tab.selected()
        if isinstance(record, ReferralRecord):
            self.open_requested.emit(record.id, record.number)

    def _on_tab_row_activated(self, record: object) -> None:
        if isinstance(record, ReferralRecord):
            self.open_requested.emit(record.id, record.number)
