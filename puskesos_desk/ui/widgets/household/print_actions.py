"""The household page's printouts: the registration receipt of a visit and a member's DTSEN status note.

Both open the preview first (nothing is recorded); printing or saving from the preview records the disclosure.
Identity numbers on these papers are always masked by the services. The printouts service and the preview dialog
are imported on the first print: they pull in reportlab and PDFium, which the start of the app does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from puskesos_desk.domain.casework import VisitRow
from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.file_names import safe_file_stem
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.widgets.household.case_tab import CaseTab
from puskesos_desk.ui.widgets.household.members_table import MembersTable

if TYPE_CHECKING:
    from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

RECEIPT_PAPERS = (Paper.A5, Paper.A4, Paper.F4)
NOTE_PAPERS = (Paper.A4, Paper.F4, Paper.A5)


def safe_file_part(text: str) -> str:
    """A registration number or name as part of a file name (no slashes or spaces)."""
    return safe_file_stem("-".join(text.split()))


class HouseholdPrints(QObject):
    def __init__(self, page: QWidget, ctx: ServiceContext, tab_visits: CaseTab, members: MembersTable) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = ctx
        self.tab_visits = tab_visits
        self.members = members
        self.preview: PdfPreviewDialog | None = None  # the preview open now (tests look at it)

        # Widgets
        self.btn_receipt = QPushButton(self.tr("Cetak bukti pendaftaran…"))
        self.btn_receipt.setToolTip(self.tr("Pratinjau dan cetak bukti pendaftaran kunjungan yang dipilih"))
        self.btn_register_note = QPushButton(self.tr("Keterangan DTSEN…"))
        self.btn_register_note.setToolTip(self.tr("Pratinjau dan cetak keterangan status DTSEN untuk anggota yang "
                                                  "dipilih di tabel anggota"))

        # Signals
        self.btn_receipt.clicked.connect(self.open_receipt)
        self.btn_register_note.clicked.connect(self.open_register_note)
        self.members.selectionModel().selectionChanged.connect(self.update_buttons)

        # Assemble
        tab_visits.add_button(self.btn_receipt)

    def update_buttons(self, *_args: object) -> None:
        can = self.ctx.actor.can
        self.btn_receipt.setEnabled(self.tab_visits.selected() is not None and can(Permission.RECORD_VISIT))
        self.btn_register_note.setEnabled(self.members.current_member() is not None
                                          and self.members.selectionModel().hasSelection()
                                          and can(Permission.VIEW_CASES))

    def _show(self, dialog: PdfPreviewDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_preview_finished)
        self.preview = dialog
        dialog.open()

    def _on_preview_finished(self, _result: int) -> None:
        self.preview = None

    def open_receipt(self) -> None:
        visit = self.tab_visits.selected()
        if not isinstance(visit, VisitRow) or not self.btn_receipt.isEnabled():
            return
        from puskesos_desk.services.printouts import receipt_pdf
        from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

        ctx, number = self.ctx, visit.registration_number

        def render(paper: Paper) -> bytes:
            return receipt_pdf(ctx, number, paper=paper, channel=None)  # a preview records nothing

        def issue(paper: Paper, channel: OutputChannel) -> bytes:
            return receipt_pdf(ctx, number, paper=paper, channel=channel)

        self._show(PdfPreviewDialog(
            self.page, title=self.tr("Bukti pendaftaran {number}").format(number=number), render=render, issue=issue,
            papers=RECEIPT_PAPERS, paper=Paper.A5, suggested_file_name=f"bukti-{safe_file_part(number)}.pdf"))

    def open_register_note(self) -> None:
        member = self.members.current_member()
        if member is None or not self.btn_register_note.isEnabled():
            return
        from puskesos_desk.services.printouts import register_note_pdf
        from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

        ctx, person_id = self.ctx, member.id

        def render(paper: Paper) -> bytes:
            return register_note_pdf(ctx, person_id, paper=paper, channel=None)

        def issue(paper: Paper, channel: OutputChannel) -> bytes:
            return register_note_pdf(ctx, person_id, paper=paper, channel=channel)

        self._show(PdfPreviewDialog(
            self.page, title=self.tr("Keterangan status DTSEN — {name}").format(name=member.name), render=render,
            issue=issue, papers=NOTE_PAPERS, paper=Paper.A4,
            suggested_file_name=f"keterangan-dtsen-{safe_file_part(member.name.lower())}.pdf"))
