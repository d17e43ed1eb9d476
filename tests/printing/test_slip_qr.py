"""The QR codes on the slip and its stub carry exactly the token, and are big enough to scan."""

from __future__ import annotations

import pytest

from puskesos_desk.domain.documents import Paper, SlipDocument
from puskesos_desk.printing import render_slip
from puskesos_desk.printing.qr import qr_symbol
from tests.printing.pdf_tools import decode_qr_codes, render_all
from tests.printing.samples import DRAFT_SLIP, SLIP

DPI = 200
MIN_WIDTH_MM = {Paper.F4: 27.5, Paper.A4: 27.5, Paper.A5: 25.0}  # 28 mm and 26 mm as drawn, less render rounding


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("doc", [SLIP, DRAFT_SLIP], ids=["approved", "draft"])
def test_slip_and_stub_codes_decode_to_the_token(paper: Paper, doc: SlipDocument) -> None:
    codes = [code for page in render_all(render_slip(doc, paper), DPI) for code in decode_qr_codes(page, DPI)]
    assert [code.text for code in codes] == [SLIP.token, SLIP.token]
    for code in codes:
        assert code.width_mm >= MIN_WIDTH_MM[paper]


def test_symbol_uses_error_correction_m_in_byte_mode() -> None:
    import segno

    symbol = qr_symbol(SLIP.token)
    expected = segno.make(SLIP.token, error="m", mode="byte", boost_error=False, micro=False)
    assert expected.error == "M"
    assert expected.mode == "byte"
    assert symbol.modules == expected.symbol_size(border=0)[0]
    dark_modules = sum(int(op.split()[2]) for op in symbol.operators.splitlines())
    assert dark_modules == sum(sum(row) for row in expected.matrix)


def test_symbol_is_one_filled_path() -> None:
    import pypdfium2.raw as pdfium_c

    from tests.printing.pdf_tools import open_pdf

    page = open_pdf(render_slip(SLIP, Paper.A4))[0]
    paths = list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)))
    # Two codes on the page: each is one path object whose size is the symbol's.
    sizes = [round((right - left) / 72 * 25.4, 1) for left, _, right, _ in (path.get_bounds() for path in paths)]
    assert sizes.count(28.0) == 2
