"""The registration receipt, the DTSEN status note and the day's worklist."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing import render_receipt, render_register_note, render_task_list
from puskesos_desk.printing.paper import geometry
from tests.printing.pdf_tools import (
    all_text,
    char_boxes,
    flat,
    page_count,
    page_size_mm,
    page_texts,
    sixteen_digit_runs,
)
from tests.printing.samples import (
    EMPTY_TASK_LIST,
    LONG_TASK_LIST,
    MASKED_KK,
    MASKED_NIK,
    NON_LATIN_NAME,
    RECEIPT,
    REGISTER_NOTE,
    TASK_LIST,
    UNKNOWN_REGISTER_NOTE,
)

MARGIN_TOLERANCE = 0.5


def test_receipt_content() -> None:
    text = flat(all_text(render_receipt(RECEIPT)))
    for expected in (
        "PUSKESOS DESA SUMOGAWE",
        "BUKTI PENDAFTARAN LAYANAN",
        "Nomor registrasi REG-3322012007-20261123-007",
        "Tanggal/waktu : Senin, 23 November 2026 pukul 09.15",
        "Cara pengajuan : Datang langsung",
        "Pemohon : Sri Lestari",
        f"Warga yang dibantu : {NON_LATIN_NAME}, NIK {MASKED_NIK} Dewi Anggraini, Belum memiliki NIK",
        "Keperluan : Menanyakan kartu KIS yang tidak aktif dan bantuan biaya sekolah anak",
        "PGD-2026-0031 Pengaduan — Kepesertaan PBI-JK (KIS) dinonaktifkan ditindaklanjuti paling lambat "
        "26 November 2026",
        "KBT-2026-0112 Kebutuhan — Bantuan pendidikan (PIP) untuk anak kelas 5 SD ditindaklanjuti paling lambat "
        "7 Desember 2026",
        "PTN-2026-0005 Pertanyaan — Jadwal penyaluran bantuan sembako Data Anda",  # no date for this one
        flat(RECEIPT.notice),
        "Petugas, Budi Santoso",
        "Simpan bukti ini; sebutkan nomor registrasi bila menanyakan perkembangan layanan.",
        "REG-3322012007-20261123-007 · halaman 1 dari 1",
    ):
        assert expected in text, expected
    assert sixteen_digit_runs(text) == []


def test_receipt_defaults_to_a5() -> None:
    data = render_receipt(RECEIPT)
    assert page_size_mm(data) == (148.0, 210.0)
    assert page_count(data) == 1


def test_register_note_content() -> None:
    text = flat(all_text(render_register_note(REGISTER_NOTE)))
    for expected in (
        "KETERANGAN STATUS DATA TUNGGAL SOSIAL EKONOMI NASIONAL (DTSEN)",
        f"Nama : {NON_LATIN_NAME}",
        f"NIK : {MASKED_NIK}",
        f"No. KK : {MASKED_KK}",
        f"Status DTSEN : {REGISTER_NOTE.register.describe()}",
        "Keperluan : Persyaratan pendaftaran sekolah anak",
        "Keterangan ini dibuat dari salinan data yang diterima Puskesos dari Dinas Sosial per 1 Oktober 2026. "
        "Kepesertaan program ditentukan oleh pemerintah berdasarkan desil DTSEN; Puskesos tidak menetapkan "
        "kepesertaan.",
        "Sumogawe, 23 November 2026 Petugas, Budi Santoso",
    ):
        assert expected in text, expected
    assert page_size_mm(render_register_note(REGISTER_NOTE)) == (210.0, 297.0)


def test_register_note_without_an_extract_says_the_status_is_unknown() -> None:
    text = flat(all_text(render_register_note(UNKNOWN_REGISTER_NOTE)))
    assert "Status DTSEN : Tidak diketahui" in text
    assert "Status DTSEN warga ini tidak diketahui: Puskesos belum menerima salinan data DTSEN" in text
    assert "Puskesos tidak menetapkan kepesertaan." in text
    assert " per " not in text.split("Status DTSEN warga")[1]


def test_task_list_content() -> None:
    data = render_task_list(TASK_LIST)
    text = flat(all_text(data))
    assert "TUGAS HARI INI — Senin, 23 November 2026" in text
    assert "Petugas: Budi Santoso · 4 tugas, 1 mendesak (ditandai !)" in text
    assert "! Status Jenis Nomor Keluarga Ringkasan Batas waktu" in text
    assert f"! Terlambat 3 hari kerja Keluhan PGD-2026-0031 {NON_LATIN_NAME} (KK-0012)" in text
    assert "Hari ini Usulan DTSEN USL-2026-0007 Paini (KK-0150) Usulan masuk DTSEN: lansia tunggal -" in text
    # A long number wraps after a slash or dash; pdfium reports a dash that ends a line as U+FFFE.
    unwrapped = text.replace("\ufffe", "-").replace("/ ", "/")
    for line in TASK_LIST.lines:
        assert line.number in unwrapped
    assert text.count("!") == 3  # the header, the urgent row, and the note in the summary line
    assert page_size_mm(data) == (210.0, 297.0)


def test_task_list_repeats_its_header_on_every_page() -> None:
    pages = page_texts(render_task_list(LONG_TASK_LIST))
    assert len(pages) >= 2
    for page in pages:
        assert "! Status Jenis Nomor Keluarga Ringkasan Batas waktu" in flat(page)


def test_empty_task_list() -> None:
    text = flat(all_text(render_task_list(EMPTY_TASK_LIST)))
    assert "Tidak ada tugas untuk hari ini." in text
    assert "Batas waktu" not in text


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize(("render", "doc"), [
    (render_receipt, RECEIPT),
    (render_register_note, REGISTER_NOTE),
    (render_register_note, UNKNOWN_REGISTER_NOTE),
    (render_task_list, LONG_TASK_LIST),
    (render_task_list, EMPTY_TASK_LIST),
], ids=["receipt", "register_note", "unknown_register_note", "task_list", "empty_task_list"])
def test_every_paper_keeps_text_inside_the_margins(paper: Paper, render: Callable[..., bytes], doc: object) -> None:
    data = render(doc, paper)
    page = geometry(paper)
    width_mm, height_mm = page_size_mm(data)
    assert (width_mm, height_mm) == (round(page.width / 72 * 25.4, 1), round(page.height / 72 * 25.4, 1))
    for index in range(page_count(data)):
        for box in char_boxes(data, index):
            assert box.left >= page.left - MARGIN_TOLERANCE, (index, box)
            assert box.right <= page.width - page.right + MARGIN_TOLERANCE, (index, box)
