"""Reports on paper: goldens, what the pages say, landscape sections, the repeated header and the signatures."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date

import pytest

from puskesos_desk.domain.documents import Paper
from puskesos_desk.domain.reports import CellKind, ChartSeries, ReportChart, ReportSection
from puskesos_desk.printing import render_report
from puskesos_desk.printing.report_tables import format_cell
from tests.printing.golden import assert_matches_golden
from tests.printing.pdf_tools import all_text, flat, page_size_mm, page_texts, text_box
from tests.printing.report_samples import BNBA, BNBA_ROWS, EMPTY, FULL_NIK, MONTHS, RECAP

F4_PORTRAIT = (215.0, 330.0)
F4_LANDSCAPE = (330.0, 215.0)
GOLDENS: dict[str, Callable[[], bytes]] = {
    "report_recap_f4.pdf": lambda: render_report(RECAP, Paper.F4),
    "report_recap_a4.pdf": lambda: render_report(RECAP, Paper.A4),
    "report_bnba_f4.pdf": lambda: render_report(BNBA, Paper.F4),
    "report_empty_a4.pdf": lambda: render_report(EMPTY, Paper.A4),
}


@pytest.fixture(scope="module")
def recap_pdf() -> bytes:
    return render_report(RECAP, Paper.F4)


@pytest.fixture(scope="module")
def bnba_pdf() -> bytes:
    return render_report(BNBA, Paper.F4)


@pytest.mark.parametrize("name", sorted(GOLDENS))
def test_report_matches_its_golden(name: str) -> None:
    assert_matches_golden(name, GOLDENS[name]())


@pytest.mark.parametrize(("value", "kind", "printed"), [
    (1234, CellKind.INTEGER, "1.234"),
    (1234567, CellKind.INTEGER, "1.234.567"),
    (12.5, CellKind.DECIMAL, "12,5"),
    (12.25, CellKind.DECIMAL, "12,3"),  # halves round up, as by hand
    (1234.0, CellKind.DECIMAL, "1.234,0"),
    (0.125, CellKind.PERCENT, "12,5%"),
    (-0.0543, CellKind.PERCENT, "-5,4%"),
    (date(2026, 11, 5), CellKind.DATE, "05-11-2026"),
    (None, CellKind.INTEGER, ""),
    ("3322••••••••0001", CellKind.ID, "3322••••••••0001"),
])
def test_cells_are_printed_the_indonesian_way(value: object, kind: CellKind, printed: str) -> None:
    assert format_cell(value, kind) == printed


def test_recap_pages_carry_cover_numbers_charts_and_signatures(recap_pdf: bytes) -> None:
    text = flat(all_text(recap_pdf))
    for expected in ("REKAP BULANAN PELAYANAN PUSKESOS", "Periode : November 2026", "Cakupan : Desa Sumogawe",
                     "Puskesos Desa Sumogawe (33.22.01.2007)", "Rabu, 2 Desember 2026 pukul 09.15 WIB",
                     "Pembanding : Oktober 2026", "Datang langsung 1.234 1.100 12,2%", "Jumlah 1.378 1.222 12,8%",
                     "Rehabilitasi sosial 4 2 12,3 2", "=1+1", "Satu kunjungan dihitung sekali",
                     "Kunjungan dan keluhan, 12 bulan terakhir", "Belum dijawab", MONTHS[0], MONTHS[-1],
                     "Usulan menurut status Tidak ada data pada periode ini.",
                     "Sumogawe, 2 Desember 2026", "Koordinator Puskesos Desa Sumogawe", "NIP. 196805051990032004"):
        assert expected in text, expected
    assert [page_size_mm(recap_pdf, page) for page in range(len(page_texts(recap_pdf)))] == [F4_PORTRAIT] * 2


def test_every_page_footer_counts_the_whole_report(recap_pdf: bytes) -> None:
    texts = page_texts(recap_pdf)
    for number, text in enumerate(texts, start=1):
        assert f"halaman {number} dari {len(texts)}" in text
    assert "(lanjutan)" in texts[1] and "(lanjutan)" not in texts[0]


def test_a4_report_is_on_a4(recap_pdf: bytes) -> None:
    assert page_size_mm(render_report(RECAP, Paper.A4)) == (210.0, 297.0)


def test_register_is_landscape_with_its_header_on_every_page(bnba_pdf: bytes) -> None:
    texts = page_texts(bnba_pdf)
    assert len(texts) >= 3
    assert all(page_size_mm(bnba_pdf, page) == F4_LANDSCAPE for page in range(len(texts)))
    header = "No Tanggal Nama NIK Alamat Layanan Hasil Petugas"
    for text in texts[1:]:
        assert header in flat(text)  # the header row repeated at the top of each continued page
    rows = re.findall(r"^\s*(\d+) \d{2}-11-2026 ", all_text(bnba_pdf), flags=re.MULTILINE)
    assert [int(number) for number in rows] == list(range(1, BNBA_ROWS + 1))


def test_register_shows_only_the_numbers_it_was_given(bnba_pdf: bytes) -> None:
    # The builder unmasked exactly one row; every other NIK stays masked on paper.
    assert re.findall(r"(?<!\d)\d{16}(?!\d)", all_text(bnba_pdf)) == [FULL_NIK]
    assert "3322••••••••" in all_text(bnba_pdf)
    nik = text_box(bnba_pdf, 0, FULL_NIK)
    assert nik.top - nik.bottom < 12  # one line, not broken after some digit


def test_sections_switch_orientation_and_back() -> None:
    mixed = dataclasses.replace(RECAP, sections=(RECAP.sections[0], BNBA.sections[0], RECAP.sections[1]))
    pdf = render_report(mixed, Paper.F4)
    sizes = [page_size_mm(pdf, page) for page in range(len(page_texts(pdf)))]
    assert sizes[0] == F4_PORTRAIT and sizes[-1] == F4_PORTRAIT
    assert F4_LANDSCAPE in sizes
    landscape = [index for index, size in enumerate(sizes) if size == F4_LANDSCAPE]
    assert landscape == list(range(landscape[0], landscape[-1] + 1))  # one run of landscape pages
    assert "Keluhan menurut jenis dan status" in page_texts(pdf)[-1]


def test_empty_period_says_so_on_the_first_page_and_keeps_the_signatures() -> None:
    pdf = render_report(EMPTY, Paper.A4)
    first = flat(page_texts(pdf)[0])
    assert EMPTY.empty_text in first
    assert "Seluruh Kabupaten Semarang" in first and "Ungaran, 1 Februari 2027" in first
    assert "Kepala Dinas Sosial Kabupaten Semarang" in first and "(....." in first
    # Roles wrap onto different numbers of lines; the names still sit on one line across the columns.
    assert text_box(pdf, 0, "Sutrisno").top == pytest.approx(text_box(pdf, 0, "Dra.").top, abs=0.5)


def test_a_chart_of_zeros_still_draws_an_axis() -> None:
    zeros = ReportChart("Rujukan", MONTHS[:3], (ChartSeries("Dikirim", (0, 0, 0)),))
    document = dataclasses.replace(EMPTY, sections=(ReportSection("Tren", "Tren", charts=(zeros,)),))
    text = flat(all_text(render_report(document, Paper.A4)))
    assert "Rujukan" in text and "Dikirim" in text and MONTHS[2] in text


def test_same_report_gives_the_same_bytes(recap_pdf: bytes) -> None:
    assert render_report(RECAP, Paper.F4) == recap_pdf


def test_reports_are_not_printed_on_a5() -> None:
    with pytest.raises(ValueError, match="F4 or A4"):
        render_report(RECAP, Paper.A5)
