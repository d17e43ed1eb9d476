"""The "Cetak panduan singkat…" action: the one-page service desk guide in the PDF preview, to print for the wall.

The guide is in the interface's language and holds no personal data, so printing or saving it records nothing: the
preview's `issue` is the same rendering as its preview. The service and the preview dialog are imported on first
use: they pull in reportlab and PDFium, which the start of the app does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from puskesos_desk.domain.documents import OutputChannel, Paper
from puskesos_desk.domain.quick_guide import GUIDE_PAPERS, GuideLanguage
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.ui.i18n import current_language

if TYPE_CHECKING:
    from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

FILE_NAMES = {GuideLanguage.ID: "panduan-singkat-meja-layanan.pdf", GuideLanguage.EN: "service-desk-quick-guide.pdf"}


def guide_language() -> GuideLanguage:
    """The interface's language; Bahasa Indonesia for any language the guide is not written in."""
    try:
        return GuideLanguage(current_language())
    except ValueError:
        return GuideLanguage.ID


def open_quick_guide(parent: QWidget, ctx: ServiceContext, *, paper: Paper = Paper.F4) -> PdfPreviewDialog:
    """Open the preview of the guide (F4 unless told otherwise) and return it; it deletes itself when closed."""
    from puskesos_desk.services.quick_guide import quick_guide_pdf
    from puskesos_desk.ui.dialogs.pdf_preview_dialog import PdfPreviewDialog

    language = guide_language()

    def render(chosen: Paper) -> bytes:
        return quick_guide_pdf(ctx, paper=chosen, language=language)

    def issue(chosen: Paper, _channel: OutputChannel) -> bytes:
        return render(chosen)  # no personal data: nothing to record

    # A literal context: pyside6-lupdate only collects translate() calls it can read.
    title = QCoreApplication.translate("QuickGuideAction", "Panduan singkat meja layanan")
    dialog = PdfPreviewDialog(parent, title=title, render=render, issue=issue, papers=GUIDE_PAPERS,
                              paper=paper if paper in GUIDE_PAPERS else Paper.F4,
                              suggested_file_name=FILE_NAMES[language])
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
