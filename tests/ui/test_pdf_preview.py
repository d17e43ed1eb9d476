"""The PDF preview dialog on its own: paper switching, zoom, blocked printing, printing to a PDF printer, saving."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from puskesos_desk.domain.documents import PAPER_MM, OutputChannel, Paper
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.ui import pdf_pages
from puskesos_desk.ui.dialogs import pdf_preview_dialog
from puskesos_desk.ui.dialogs.pdf_preview_dialog import ZOOM_ACTUAL, PdfPreviewDialog
from puskesos_desk.ui.pdf_pages import page_count, page_sizes_pt, rasterise
from puskesos_desk.ui.widgets import page_desk

MM_PER_POINT = 25.4 / 72


def sample_pdf(paper: Paper, *, pages: int = 2, label: str = "PRATINJAU") -> bytes:
    """`pages` pages of `paper`, each with a black 40 × 20 mm block whose top-left corner is 30 mm from the left
    and 50 mm from the top edge (so a print can be checked for position and true size)."""
    width, height = PAPER_MM[paper]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width * mm, height * mm), invariant=1)
    for number in range(1, pages + 1):
        canvas.rect(30 * mm, (height - 50 - 20) * mm, 40 * mm, 20 * mm, stroke=0, fill=1)
        canvas.drawString(30 * mm, (height - 80) * mm, f"{label} {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


class Calls:
    """Stand-ins for the service callables, recording how they were called."""

    def __init__(self, *, refuse: str | None = None) -> None:
        self.rendered: list[Paper] = []
        self.issued: list[tuple[Paper, OutputChannel]] = []
        self.notified = 0
        self.refuse = refuse

    def render(self, paper: Paper) -> bytes:
        self.rendered.append(paper)
        return sample_pdf(paper)

    def issue(self, paper: Paper, channel: OutputChannel) -> bytes:
        if self.refuse:
            raise InputRejected(self.refuse)
        self.issued.append((paper, channel))
        return sample_pdf(paper, pages=3, label="DICETAK")

    def on_issued(self) -> None:
        self.notified += 1


def _open(qtbot: Any, calls: Calls, **options: Any) -> PdfPreviewDialog:
    options.setdefault("issue", calls.issue)
    dialog = PdfPreviewDialog(None, title="Surat rujukan 001", render=calls.render, on_issued=calls.on_issued,
                              **options)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.pages_rendered, timeout=10_000):
        dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _assert_size(size_mm: tuple[float, float], paper: Paper) -> None:
    assert size_mm == pytest.approx(PAPER_MM[paper], abs=1.0)


def test_paper_switch_renders_again_at_that_size(qtbot: Any) -> None:
    calls = Calls()
    dialog = _open(qtbot, calls)
    assert dialog.windowTitle() == "Surat rujukan 001"
    assert dialog.pages is not None and dialog.pages.page_count == 2
    _assert_size(dialog.pages.size_mm(0), Paper.F4)
    assert dialog.lbl_pages.text() == "2 halaman"
    assert [dialog.cmb_paper.itemText(i) for i in range(dialog.cmb_paper.count())] == [
        "F4 / Folio (215 × 330 mm)", "A4 (210 × 297 mm)", "A5 (148 × 210 mm)"]
    with qtbot.waitSignal(dialog.pages_rendered, timeout=10_000):
        qtbot.keyClick(dialog.cmb_paper, Qt.Key.Key_End)  # the last paper: A5
    assert dialog.paper() is Paper.A5
    _assert_size(dialog.pages.size_mm(1), Paper.A5)
    assert calls.rendered == [Paper.F4, Paper.A5]
    assert len(dialog.wdg_page_images) == 2
    assert calls.issued == []  # previewing records nothing


def test_papers_offered_and_initial_paper_follow_the_caller(qtbot: Any) -> None:
    calls = Calls()
    dialog = _open(qtbot, calls, papers=(Paper.A4, Paper.A5), paper=Paper.A5)
    assert dialog.cmb_paper.count() == 2
    assert dialog.paper() is Paper.A5
    assert calls.rendered == [Paper.A5]


def test_zoom_fit_width_and_actual_size(qtbot: Any) -> None:
    dialog = _open(qtbot, Calls())
    room = dialog.scr_pages.viewport().width()
    fit = dialog.wdg_page_images[0].width()
    assert room - 60 < fit <= room
    qtbot.mouseClick(dialog.btn_actual_size, Qt.MouseButton.LeftButton)
    assert dialog.zoom() == ZOOM_ACTUAL
    expected = round(PAPER_MM[Paper.F4][0] / 25.4 * dialog.logicalDpiX())
    assert abs(dialog.wdg_page_images[0].width() - 2 - expected) <= 2


def test_the_preview_is_rasterised_for_the_pixels_it_shows_and_again_when_the_window_grows(qtbot: Any) -> None:
    calls = Calls()
    dialog = _open(qtbot, calls)
    assert dialog.pages is not None
    fit = dialog.wdg_page_images[0].width() - 2  # the page's frame
    actual = PAPER_MM[Paper.F4][0] / 25.4 * dialog.logicalDpiX()  # its width at 100 %
    step = PAPER_MM[Paper.F4][0] / 25.4 * page_desk.PREVIEW_DPI_STEP
    image = dialog.pages.images[0]
    # Rasterised for the larger of fit width and 100 %, not at 150 dpi: sharp at both, and no bigger than that.
    assert max(fit, actual) <= image.width() < max(fit, actual) + step
    assert dialog.pages.dpi < pdf_pages.PREVIEW_DPI
    assert dialog.pages.dpi == dialog.preview_dpi()
    assert calls.rendered == [Paper.F4]  # once, when first shown

    small_dpi = dialog.pages.dpi
    with qtbot.waitSignal(dialog.pages_rendered, timeout=10_000):
        dialog.resize(dialog.width() + 400, dialog.height())
    assert dialog.pages.dpi > small_dpi  # more room: sharper pages, not the small ones blown up
    assert dialog.pages.images[0].width() >= dialog.wdg_page_images[0].width() - 2
    assert calls.rendered == [Paper.F4, Paper.F4]


def test_blocked_reason_disables_printing_and_saving(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Calls()
    asked: list[str] = []
    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", lambda _self, _printer: asked.append("print") or True)
    monkeypatch.setattr(PdfPreviewDialog, "choose_save_path", lambda _self: asked.append("save") or "/tmp/x.pdf")
    dialog = _open(qtbot, calls, blocked_reason="Belum disetujui Koordinator")
    assert dialog.lbl_blocked.isVisible()
    assert dialog.lbl_blocked.text() == "Belum disetujui Koordinator"
    assert not dialog.btn_print.isEnabled()
    assert not dialog.btn_save.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == []
    assert calls.issued == []
    assert dialog.pages is not None  # the preview itself still works


def test_without_issue_it_is_a_preview_only(qtbot: Any) -> None:
    dialog = _open(qtbot, Calls(), issue=None)
    assert not dialog.btn_print.isEnabled()
    assert not dialog.btn_save.isEnabled()
    assert not dialog.lbl_blocked.isVisible()


def test_print_sends_the_issued_pdf_to_the_printer(qtbot: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.pdf"
    printers: list[QPrinter] = []

    def to_pdf_file(_self: PdfPreviewDialog, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printers.append(printer)
        return True

    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", to_pdf_file)
    calls = Calls()
    dialog = _open(qtbot, calls)
    assert dialog.btn_print.isEnabled()
    with qtbot.waitSignal(dialog.output_finished, timeout=20_000) as finished:
        qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    assert finished.args == [OutputChannel.CETAK.value]
    assert calls.issued == [(Paper.F4, OutputChannel.CETAK)]
    qtbot.waitUntil(lambda: calls.notified == 1)  # once the preview is drawn again
    assert printers[0].pageLayout().pageSize().size(printers[0].pageLayout().pageSize().Unit.Millimeter).width() \
        == pytest.approx(215)
    data = out.read_bytes()
    assert page_count(data) == 3  # the issued PDF's pages, not the preview's two
    for width, height in page_sizes_pt(data):
        _assert_size((width * MM_PER_POINT, height * MM_PER_POINT), Paper.F4)
    # Printed at true size: the black block is still 30 mm from the left and 50 mm from the top.
    image = rasterise(data, dpi=72).images[0]
    per_mm = 72 / 25.4
    inside = image.pixelColor(round(50 * per_mm), round(60 * per_mm))
    outside = image.pixelColor(round(20 * per_mm), round(60 * per_mm))
    assert inside.lightness() < 60
    assert outside.lightness() > 200
    assert "Terkirim ke printer: 3 halaman" in dialog.lbl_status.text()


def test_print_dialog_cancelled_records_nothing(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", lambda _self, _printer: False)
    calls = Calls()
    dialog = _open(qtbot, calls)
    qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    assert calls.issued == []
    assert dialog.btn_print.isEnabled()


def test_printer_gets_the_f4_page_size(qtbot: Any) -> None:
    dialog = _open(qtbot, Calls())
    printer = dialog.make_printer(Paper.F4)
    size = printer.pageLayout().fullRectPoints()
    assert (size.width(), size.height()) == (609, 935)  # 215 × 330 mm, not Qt's 210 mm "Folio"
    assert printer.fullPage()
    a5 = dialog.make_printer(Paper.A5).pageLayout().fullRectPoints()
    assert (a5.width(), a5.height()) == (420, 595)


def test_save_writes_the_issued_pdf(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PdfPreviewDialog, "choose_save_path", lambda _self: str(tmp_path / "surat rujukan"))
    calls = Calls()
    dialog = _open(qtbot, calls, suggested_file_name="surat.pdf")
    with qtbot.waitSignal(dialog.pages_rendered, timeout=10_000):
        qtbot.keyClicks(dialog.cmb_paper, "A4")
    with qtbot.waitSignal(dialog.output_finished, timeout=10_000) as finished:
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert finished.args == [OutputChannel.SIMPAN_PDF.value]
    saved = tmp_path / "surat rujukan.pdf"
    assert saved.read_bytes() == sample_pdf(Paper.A4, pages=3, label="DICETAK")
    assert calls.issued == [(Paper.A4, OutputChannel.SIMPAN_PDF)]
    assert calls.notified == 1
    assert not (tmp_path / "surat rujukan.pdf.part").exists()
    assert str(saved) in dialog.lbl_status.text()


def test_save_into_a_folder_that_cannot_be_written_records_nothing(qtbot: Any, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PdfPreviewDialog, "choose_save_path", lambda _self: str(tmp_path / "tidak-ada" / "s.pdf"))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    calls = Calls()
    dialog = _open(qtbot, calls)
    with qtbot.waitSignal(dialog.output_failed, timeout=10_000):
        qtbot.mouseClick(dialog.btn_save, Qt.MouseButton.LeftButton)
    assert calls.issued == []
    assert calls.notified == 0
    assert "tidak dapat disimpan" in warnings[0]
    assert dialog.btn_save.isEnabled()


def test_refused_issue_is_shown_and_nothing_is_printed(qtbot: Any, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.pdf"

    def to_pdf_file(_self: PdfPreviewDialog, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", to_pdf_file)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    calls = Calls(refuse="Surat rujukan 001 sudah dibatalkan dan tidak dapat dicetak.")
    dialog = _open(qtbot, calls)
    with qtbot.waitSignal(dialog.output_failed, timeout=10_000):
        qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    assert warnings == ["Surat rujukan 001 sudah dibatalkan dan tidak dapat dicetak."]
    assert dialog.lbl_status.text() == warnings[0]
    assert not out.exists()
    assert calls.notified == 0


def test_a_render_failure_is_explained(qtbot: Any) -> None:
    def refuse(_paper: Paper) -> bytes:
        raise InputRejected("Rujukan tidak ditemukan.")

    dialog = PdfPreviewDialog(None, title="Surat", render=refuse, issue=Calls().issue)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Rujukan tidak ditemukan." in dialog.lbl_status.text(), timeout=10_000)
    assert dialog.pages is None
    assert not dialog.btn_print.isEnabled()


def test_a_large_batch_shows_its_first_pages_and_prints_them_all(qtbot: Any, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand slips would need gigabytes of preview images: the preview holds the first PREVIEW_PAGE_LIMIT,
    says so, and the print still carries every page."""

    batch = pdf_preview_dialog.PREVIEW_PAGE_LIMIT + 5
    out = tmp_path / "batch.pdf"

    def to_pdf_file(_self: PdfPreviewDialog, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", to_pdf_file)
    calls = Calls()
    monkeypatch.setattr(calls, "render", lambda paper: sample_pdf(paper, pages=batch, label="SURAT"))
    monkeypatch.setattr(calls, "issue", lambda paper, _channel: sample_pdf(paper, pages=batch, label="SURAT"))
    dialog = _open(qtbot, calls)
    assert dialog.pages is not None
    assert (dialog.pages.page_count, dialog.pages.shown_count) == (batch, pdf_preview_dialog.PREVIEW_PAGE_LIMIT)
    assert len(dialog.wdg_page_images) == pdf_preview_dialog.PREVIEW_PAGE_LIMIT
    assert dialog.lbl_pages.text() == f"{batch} halaman; pratinjau {pdf_preview_dialog.PREVIEW_PAGE_LIMIT} " \
                                      "halaman pertama, semuanya dicetak"
    with qtbot.waitSignal(dialog.output_finished, timeout=30_000):
        qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    assert page_count(out.read_bytes()) == batch


def test_the_caller_hears_of_a_print_when_the_printer_is_done_or_has_failed(qtbot: Any,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The page reloads its list when told; told while a long print still holds the interpreter, that reload froze
    the window (benchmarks/gui_stalls.py). A failed print was recorded all the same, so it is told then too."""

    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", lambda _self, _printer: True)
    calls = Calls()
    seen_while_printing: list[int] = []

    def refusing_printer(_printer: QPrinter, _pdf: bytes) -> int:
        seen_while_printing.append(calls.notified)
        raise pdf_preview_dialog.PrintFailed("the printer is out of paper")

    monkeypatch.setattr(pdf_preview_dialog, "print_pdf", refusing_printer)
    dialog = _open(qtbot, calls)
    with qtbot.waitSignal(dialog.output_failed, timeout=20_000):
        qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    assert seen_while_printing == [0]
    with qtbot.waitSignal(dialog.pages_rendered, timeout=20_000):
        pass  # the preview drawn again after the print; the caller is told then, when no worker holds the GIL
    assert calls.notified == 1
    assert calls.issued == [(Paper.F4, OutputChannel.CETAK)]


def test_a_dialog_closed_before_its_preview_is_drawn_again_still_tells_the_caller(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def to_pdf_file(_self: PdfPreviewDialog, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "out.pdf"))
        return True

    monkeypatch.setattr(PdfPreviewDialog, "exec_print_dialog", to_pdf_file)
    calls = Calls()
    dialog = _open(qtbot, calls)
    dialog.refresh = lambda **_kw: None  # type: ignore[method-assign]  # the new rendering never ends
    with qtbot.waitSignal(dialog.output_finished, timeout=20_000):
        qtbot.mouseClick(dialog.btn_print, Qt.MouseButton.LeftButton)
    assert calls.notified == 0
    dialog.reject()
    assert calls.notified == 1
