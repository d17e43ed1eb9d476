"""The Koordinator's "Setujui…" and "Tolak…" on the household-changes tab: enabled for a waiting request when the
site lets the desa approve changes, and opening the decision dialog through the page's dialog runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton, QWidget

from puskesos_desk.domain.casework import CaseworkChoices, HouseholdDetail
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.changes import decide_change
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.widgets.household.case_tab import CaseTab
from puskesos_desk.ui.widgets.household.change_decision_dialog import ChangeDecision, ChangeDecisionDialog
from puskesos_desk.ui.widgets.household.dialog_runner import DialogRunner

Ready = Callable[[], tuple[HouseholdDetail, CaseworkChoices] | None]


class ChangeDecisions(QObject):
    def __init__(self, page: QWidget, ctx: ServiceContext, runner: DialogRunner, ready: Ready,
                 report: Callable[[str], None], tab: CaseTab) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = ctx
        self.runner = runner
        self.ready = ready
        self.report = report
        self.tab = tab

        # Widgets
        self.btn_approve = QPushButton(self.tr("Setujui…"))
        self.btn_reject = QPushButton(self.tr("Tolak…"))

        # Signals
        self.btn_approve.clicked.connect(self._on_btn_approve_clicked)
        self.btn_reject.clicked.connect(self._on_btn_reject_clicked)

        # Assemble
        tab.add_button(self.btn_approve)
        tab.add_button(self.btn_reject)

    def update_buttons(self, detail: HouseholdDetail | None) -> None:
        request = self.tab.selected()
        decidable = (request is not None and request.status == "MENUNGGU" and detail is not None
                     and detail.local_change_approval and self.ctx.actor.can(Permission.APPROVE_HOUSEHOLD_CHANGE))
        self.btn_approve.setEnabled(decidable)
        self.btn_reject.setEnabled(decidable)
        if detail is not None and not detail.local_change_approval:
            hint = self.tr("Persetujuan perubahan KK dilakukan kabupaten (persetujuan di desa tidak diaktifkan).")
        else:
            hint = self.tr("Koordinator menyetujui atau menolak permintaan yang menunggu.")
        self.btn_approve.setToolTip(hint)
        self.btn_reject.setToolTip(hint)

    def open_dialog(self, approve: bool) -> None:
        request = self.tab.selected()
        if request is None or self.ready() is None or not self.btn_approve.isEnabled():
            return
        ctx = self.ctx
        subject = self.tab.model.person(request)  # type: ignore[attr-defined]

        def save(decision: ChangeDecision) -> Any:
            return decide_change(ctx, request_id=decision.request_id, expected_version=decision.expected_version,
                                 approve=decision.approve, reason=decision.reason)

        self.runner.open(ChangeDecisionDialog(request, subject, approve=approve, parent=self.page), save,
                         lambda r: self.report(self.tr("Permintaan {number} diputuskan.").format(number=r.number)))

    def _on_btn_approve_clicked(self) -> None:
        self.open_dialog(True)

    def _on_btn_reject_clicked(self) -> None:
        self.open_dialog(False)
