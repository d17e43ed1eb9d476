"""Where things land: the return stub, long content flowing onto further pages, nothing past the margins."""

from __future__ import annotations

import pytest

from puskesos_desk.domain.documents import Paper, SlipDocument
from puskesos_desk.printing import render_slip
from puskesos_desk.printing.paper import geometry
from tests.printing.pdf_tools import char_boxes, flat, page_count, page_size_mm, page_texts, text_box
from tests.printing.samples import LONG_SLIP, LONG_SUMMARY, MASKED_NIK, NON_LATIN_NAME, SLIP

STUB = "LEMBAR BALASAN"
MARGIN_TOLERANCE = 0.5  # points: glyph boxes may overhang their advance by a hair


def _stub_text(pages: list[str]) -> str:
    text = flat("\n".join(pages))
    return text[text.index(STUB):]


@pytest.mark.parametrize("paper", list(Paper))
def test_page_size_matches_the_paper(paper: Paper) -> None:
    width, height = page_size_mm(render_slip(SLIP, paper))
    assert (width, height) == {Paper.F4: (215.0, 330.0), Paper.A4: (210.0, 297.0), Paper.A5: (148.0, 210.0)}[paper]


@pytest.mark.parametrize("paper", [Paper.F4, Paper.A4])
def test_letter_and_stub_share_one_page_on_office_paper(paper: Paper) -> None:
    pages = page_texts(render_slip(SLIP, paper))
    assert len(pages) == 1
    assert STUB in pages[0]


def test_stub_has_its_own_page_on_a5() -> None:
    pages = page_texts(render_slip(SLIP, Paper.A5))
    assert len(pages) == 2
    assert STUB not in pages[0]
    assert "Sri Wahyuni" in pages[0]  # the whole letter, signatures included, on the first page
    assert STUB in pages[1]


@pytest.mark.parametrize("paper", list(Paper))
def test_stub_names_the_resident_but_no_identity_number(paper: Paper) -> None:
    stub = _stub_text(page_texts(render_slip(SLIP, paper)))
    assert stub.startswith("LEMBAR BALASAN")
    for expected in (
        "✂ gunting di sini",
        f"Nomor surat : {SLIP.number}",
        f"Nama warga : {NON_LATIN_NAME}",
        "Lembaga tujuan : Dinas Sosial Kabupaten Semarang — Reaktivasi PBI-JK (KIS)",
        "Diterima tanggal:",
        "Tindakan yang dilakukan:",
        "Hasil: ☐ Terlayani penuh ☐ Terlayani sebagian ☐ Tidak terlayani ☐ Ditolak",
        "Alasan bila ditolak:",
        "Nama & paraf petugas penerima:",
        "dikembalikan ke PUSKESOS DESA SUMOGAWE",
    ):
        assert expected in flat(page_texts(render_slip(SLIP, paper))[-1]), expected
    assert MASKED_NIK not in stub
    assert "NIK" not in stub


@pytest.mark.parametrize("paper", [Paper.F4, Paper.A4])
def test_stub_sits_at_the_bottom_of_the_page(paper: Paper) -> None:
    data = render_slip(SLIP, paper)
    page = geometry(paper)
    cut_line = text_box(data, 0, "✂ gunting di sini")
    signer = text_box(data, 0, "Sri Wahyuni")
    last_stub_line = text_box(data, 0, "Mohon lembar ini dikembalikan")
    assert cut_line.top < signer.bottom - 20  # a gap: the stub does not follow the signatures directly
    assert 0 < last_stub_line.bottom - page.bottom < 6  # flush with the bottom margin


@pytest.mark.parametrize("paper", list(Paper))
def test_long_content_wraps_and_flows_onto_more_pages(paper: Paper) -> None:
    data = render_slip(LONG_SLIP, paper)
    pages = page_texts(data)
    text = flat("\n".join(pages))
    assert len(pages) >= 2
    assert flat(LONG_SUMMARY) in text  # every word of the 1,500-character summary, in order
    assert flat(LONG_SLIP.resident.name) in text
    assert flat(LONG_SLIP.resident.address) in text
    assert STUB in pages[-1]


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("doc", [SLIP, LONG_SLIP], ids=["typical", "long"])
def test_no_text_runs_past_the_margins(paper: Paper, doc: SlipDocument) -> None:
    data = render_slip(doc, paper)
    page = geometry(paper)
    for index in range(page_count(data)):
        for box in char_boxes(data, index):
            assert box.left >= page.left - MARGIN_TOLERANCE, (index, box)
            assert box.right <= page.width - page.right + MARGIN_TOLERANCE, (index, box)
            assert box.bottom >= 0
            assert box.top <= page.height
