"""The household page's person-record requests: correcting a member's or the household's facts
(dialogs/correction_dialog.py) and a resident's data requests — their copy, the consent list, deletion
(dialogs/person_privacy_dialog.py). Each dialog saves through its own service; `changed` tells the page to reload.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.dialogs.correction_dialog import HouseholdCorrectionDialog, PersonCorrectionDialog
from puskesos_desk.ui.widgets.household.household_header import HouseholdHeaderCard
from puskesos_desk.ui.widgets.household.members_table import MembersTable


class RecordRequests(QObject):
    changed = Signal()  # a correction was saved or a person's data was erased

    def __init__(self, page: QWidget, ctx: ServiceContext, members: MembersTable, card: HouseholdHeaderCard) -> None:
        super().__init__(page)
        self.page, self.ctx = page, ctx
        self.household_id: str | None = None
        self.dialog: QDialog | None = None
        can = ctx.actor.can
        members.set_allowed(unmask=can(Permission.UNMASK_ID), data_requests=can(Permission.HANDLE_DATA_REQUESTS),
                            specific_data=can(Permission.VIEW_SPECIFIC_DATA), correct=can(Permission.EDIT_RECORDS))
        card.allow_correction(can(Permission.EDIT_RECORDS))

        # Signals
        members.correction_requested.connect(self.correct_person)
        members.privacy_requested.connect(self.open_privacy)
        card.correction_requested.connect(self.correct_household)

    def show_household(self, household_id: str) -> None:
        self.household_id = household_id

    def correct_person(self, person_id: str) -> None:
        dialog = PersonCorrectionDialog(self.ctx, person_id, self.page)
        dialog.corrected.connect(self.changed)
        self._show(dialog)

    def correct_household(self) -> None:
        if self.household_id is None:
            return
        dialog = HouseholdCorrectionDialog(self.ctx, self.household_id, self.page)
        dialog.corrected.connect(self.changed)
        self._show(dialog)

    def open_privacy(self, person_id: str) -> None:
        # Imported here: the dialog prints the resident's copy, and the GUI starts without reportlab.
        from puskesos_desk.ui.dialogs.person_privacy_dialog import PersonPrivacyDialog

        dialog = PersonPrivacyDialog(self.ctx, person_id, self.page)
        dialog.erased.connect(self.changed)
        self._show(dialog)

    def _show(self, dialog: QDialog) -> None:
        # Window-modal and kept referenced: the page stays visible behind it, and tests find it here.
        self.dialog = dialog
        dialog.finished.connect(self._on_dialog_finished)
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
