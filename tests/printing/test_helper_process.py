"""The PDF helper process (printing/helper.py): what the desk gets from it is what it would have made itself, and a
helper that dies, hangs about idle or is interrupted never costs the desk more than a new helper."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing import helper, raster, render_receipt, render_slip, render_slips, render_task_list
from puskesos_desk.printing.helper import HelperFailed
from puskesos_desk.printing.raster import PdfUnreadable
from tests.printing.samples import RECEIPT, SLIP, TASK_LIST, sample_token

REPORTS_ONLY_ON_F4_OR_A4 = "reports print on F4 or A4"


@pytest.fixture
def in_helper() -> Iterator[None]:
    helper.use_helper_process()
    yield
    helper.use_helper_process(False)


def _made_here(make: object) -> bytes:
    helper.use_helper_process(False)
    try:
        return make()  # type: ignore[operator]
    finally:
        helper.use_helper_process()


def _wait_for(predicate: object, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.mark.parametrize("make", [
    lambda: render_slip(SLIP, Paper.F4),
    lambda: render_slips([SLIP, dataclasses.replace(SLIP, token=sample_token(2))], Paper.A5),
    lambda: render_receipt(RECEIPT),
    lambda: render_task_list(TASK_LIST, Paper.A4),
], ids=["slip", "batch", "receipt", "task-list"])
def test_a_document_laid_out_in_the_helper_is_the_same_bytes_as_here(in_helper: None, make: object) -> None:
    made_there = make()  # type: ignore[operator]
    assert helper.helper_state()["pid"] not in (None, os.getpid())
    assert made_there == _made_here(make)


def test_pages_and_bands_from_the_helper_are_the_pixels_made_here(in_helper: None) -> None:
    pdf = _made_here(lambda: render_slips([SLIP, SLIP], Paper.A5))
    there = helper.rasterise(pdf, 72.0, 3)
    bands_there = list(helper.print_bands(pdf, 100.0))
    helper.use_helper_process(False)
    assert there == raster.rasterise(pdf, 72.0, 3)
    assert (len(there.sizes_pt), len(there.pages)) == (4, 3)
    assert bands_there == list(raster.print_bands(pdf, 100.0))
    assert sum(isinstance(item, raster.PageStart) for item in bands_there) == 4


def test_the_desk_process_loads_neither_reportlab_nor_pdfium() -> None:
    script = """
import sys
from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing import helper, render_slip
from puskesos_desk.ui.pdf_pages import rasterise
from tests.printing.samples import SLIP
helper.use_helper_process()
pages = rasterise(render_slip(SLIP, Paper.F4))
assert pages.page_count == 1 and not pages.images[0].isNull()
assert helper.helper_state()["started"] == 1
loaded = sorted(name for name in ("reportlab", "pypdfium2") if name in sys.modules)
helper.shutdown()
print("loaded:", loaded)
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env,
                          cwd=os.getcwd())
    assert done.returncode == 0, done.stderr
    assert "loaded: []" in done.stdout


def test_the_documents_errors_come_back_as_themselves(in_helper: None) -> None:
    with pytest.raises(PdfUnreadable):
        helper.rasterise(b"%PDF-1.4 bukan PDF", 72.0)
    with pytest.raises(KeyError):
        helper.render("no-such-document")
    pid = helper.helper_state()["pid"]
    assert pid is not None  # an error in a document is not the helper's end
    assert helper.page_sizes_pt(render_slip(SLIP, Paper.A4))[0][0] == pytest.approx(595.28, abs=0.1)
    assert helper.helper_state()["pid"] == pid


def test_a_helper_killed_between_requests_is_replaced_on_the_next(in_helper: None) -> None:
    render_slip(SLIP, Paper.F4)
    os.kill(helper.helper_state()["pid"], signal.SIGKILL)
    made = render_slip(SLIP, Paper.F4)
    assert helper.helper_state()["started"] == 2
    assert made == _made_here(lambda: render_slip(SLIP, Paper.F4))


def test_a_helper_killed_under_a_request_is_asked_again(in_helper: None) -> None:
    batch = [dataclasses.replace(SLIP, token=sample_token(n)) for n in range(100)]
    render_slip(SLIP, Paper.A5)  # the helper is up
    victim = helper.helper_state()["pid"]
    killer = threading.Timer(0.3, os.kill, (victim, signal.SIGKILL))
    killer.start()
    try:
        made = render_slips(batch, Paper.A5)  # about 2 s in the helper: the kill lands in the middle
    finally:
        killer.join()
    assert helper.helper_state()["started"] == 2
    assert made == _made_here(lambda: render_slips(batch, Paper.A5))


def test_a_helper_that_cannot_start_is_an_error_that_says_so(monkeypatch: pytest.MonkeyPatch, in_helper: None) -> None:
    monkeypatch.setattr(helper.child_process, "command",
                        lambda *_args: [sys.executable, "-c", "import sys; sys.stderr.write('rusak'); sys.exit(3)"])
    with pytest.raises(HelperFailed, match=r"exit code 3\): rusak"):
        render_slip(SLIP, Paper.F4)


def test_an_idle_helper_retires_and_a_new_one_serves_the_next_request() -> None:
    helper.use_helper_process(idle_s=0.3)
    try:
        render_slip(SLIP, Paper.A5)
        assert helper.helper_state()["pid"] is not None
        _wait_for(lambda: helper.helper_state()["pid"] is None)
        render_slip(SLIP, Paper.A5)
        assert helper.helper_state()["started"] == 2
    finally:
        helper.use_helper_process(False)


def test_a_print_stopped_halfway_retires_the_helper_and_the_next_request_is_served(in_helper: None) -> None:
    pdf = render_slips([SLIP, SLIP], Paper.A4)
    bands = helper.print_bands(pdf, 150.0)
    assert isinstance(next(bands), raster.PageStart)
    assert isinstance(next(bands), raster.Band)
    bands.close()  # the printer failed: the helper was still sending
    assert helper.helper_state()["pid"] is None
    assert len(helper.page_sizes_pt(pdf)) == 2
