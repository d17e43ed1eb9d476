"""What the referral slip says: every field the receiving office needs, and nothing the service did not pass."""

from __future__ import annotations

import dataclasses

import pytest

from puskesos_desk.domain.documents import Paper, Recipient
from puskesos_desk.domain.referrals import RegisterKnowledge, RegisterSnapshot
from puskesos_desk.printing import render_slip
from tests.printing.pdf_tools import all_text, flat, image_count, page_count, page_texts, sixteen_digit_runs
from tests.printing.samples import (
    DRAFT_SLIP,
    FULL_KK,
    FULL_NIK,
    LOGO_PNG,
    LONG_SLIP,
    MASKED_KK,
    MASKED_NIK,
    NON_LATIN_NAME,
    REPRINTED_SLIP,
    SLIP,
)

PAPERS = list(Paper)


@pytest.fixture(scope="module")
def slip_texts() -> dict[Paper, str]:
    return {paper: flat(all_text(render_slip(SLIP, paper))) for paper in PAPERS}


@pytest.mark.parametrize("paper", PAPERS)
def test_letter_shows_every_field(slip_texts: dict[Paper, str], paper: Paper) -> None:
    text = slip_texts[paper]
    for expected in (
        "PUSKESOS DESA SUMOGAWE",
        "Kecamatan Getasan, Kabupaten Semarang",
        "SURAT RUJUKAN",
        f"Nomor: {SLIP.number}",
        "Sumogawe, 23 November 2026",
        "Kepada Yth. Dinas Sosial Kabupaten Semarang Reaktivasi PBI-JK (KIS) Jl. Gatot Subroto No. 2",
        "Jam layanan: Senin–Jumat 08.00–15.00",
        "Perihal : Rujukan layanan — Reaktivasi PBI-JK (KIS)",
        f"Nama : {NON_LATIN_NAME}",
        f"NIK : {MASKED_NIK}",
        f"No. KK : {MASKED_KK}",
        "Tempat/tanggal lahir : Kab. Semarang, 5 Maret 1968",
        "Jenis kelamin : Laki-laki",
        "Alamat : Dusun Krajan RT 002/RW 001, Desa Sumogawe, Kec. Getasan",
        f"Status DTSEN/DTKS : {SLIP.register.describe()}",
        f"Ringkasan masalah {SLIP.problem_summary}",
        "Layanan yang dimohon: Reaktivasi kepesertaan PBI-JK",
        "Mohon lembar balasan di bawah diisi dan dikembalikan melalui warga atau dikabari ke Puskesos dalam 10 hari "
        "kerja (paling lambat 7 Desember 2026).",
        "Petugas, Petugas Back Office",
        "Budi Santoso",
        "Mengetahui/Menyetujui, Koordinator Puskesos",
        "Cap",
        "Sri Wahyuni",
        "Pindai untuk memverifikasi surat ini",
        "Dicetak dengan Puskesos Desk",
    ):
        assert expected in text, expected
    assert "DRAF" not in text
    assert "Cetak ulang" not in text


@pytest.mark.parametrize("paper", PAPERS)
def test_document_checklist_marks_what_the_resident_brings(slip_texts: dict[Paper, str], paper: Paper) -> None:
    text = slip_texts[paper]
    for name, attached in SLIP.documents:
        assert f"{'☑' if attached else '☐'} {name}" in text


@pytest.mark.parametrize("paper", PAPERS)
def test_masked_ids_leave_no_sixteen_digit_number(paper: Paper) -> None:
    for doc in (SLIP, DRAFT_SLIP, LONG_SLIP, REPRINTED_SLIP):
        text = all_text(render_slip(doc, paper))
        assert MASKED_NIK in text
        assert sixteen_digit_runs(text) == []


def test_full_ids_are_printed_when_the_service_passes_them() -> None:
    # The service decides disclosure; the printer prints what it gets, so the check above can fail.
    resident = dataclasses.replace(SLIP.resident, nik=FULL_NIK, kk_number=FULL_KK)
    text = all_text(render_slip(dataclasses.replace(SLIP, resident=resident), Paper.A4))
    assert sorted(sixteen_digit_runs(text)) == sorted([FULL_NIK, FULL_KK])


def test_empty_address_says_it_is_not_recorded() -> None:
    recipient = Recipient(organisation="Puskesmas Getasan", service_name="Surat keterangan sakit", address="")
    text = flat(all_text(render_slip(dataclasses.replace(SLIP, recipient=recipient), Paper.A4)))
    assert "Puskesmas Getasan Surat keterangan sakit Alamat belum tercatat di direktori layanan di tempat" in text
    assert "Kontak:" not in text
    assert "Jam layanan:" not in text


def test_unknown_birth_date_prints_a_dash() -> None:
    resident = dataclasses.replace(SLIP.resident, birth_date=None)
    text = flat(all_text(render_slip(dataclasses.replace(SLIP, resident=resident), Paper.A4)))
    assert "Tempat/tanggal lahir : Kab. Semarang, - Jenis kelamin" in text


def test_no_documents_required() -> None:
    text = flat(all_text(render_slip(dataclasses.replace(SLIP, documents=()), Paper.A5)))
    assert "Dokumen yang dibawa Tidak ada persyaratan dokumen" in text
    assert "☑" not in text


def test_unknown_register_status() -> None:
    register = RegisterSnapshot(RegisterKnowledge.TIDAK_DIKETAHUI)
    text = flat(all_text(render_slip(dataclasses.replace(SLIP, register=register), Paper.F4)))
    assert "Status DTSEN/DTKS : Tidak diketahui" in text


def test_response_line_without_a_due_date() -> None:
    text = flat(all_text(render_slip(dataclasses.replace(SLIP, response_due=None, response_days=5), Paper.A4)))
    assert "dikabari ke Puskesos dalam 5 hari kerja. Atas perhatian" in text
    assert "paling lambat" not in text


def test_text_is_printed_literally_not_as_markup() -> None:
    resident = dataclasses.replace(SLIP.resident, name="Toko <b>Maju</b> & Sentosa")
    text = flat(all_text(render_slip(dataclasses.replace(SLIP, resident=resident), Paper.A4)))
    assert text.count("Toko <b>Maju</b> & Sentosa") == 2  # the letter and the stub


@pytest.mark.parametrize("paper", PAPERS)
def test_draft_is_marked_on_every_page(paper: Paper) -> None:
    pages = page_texts(render_slip(DRAFT_SLIP, paper))
    assert "SURAT RUJUKAN (DRAF)" in pages[0]
    assert "(belum disetujui)" in flat(pages[0])
    assert all("DRAF – BELUM DISETUJUI" in page for page in pages)


@pytest.mark.parametrize("paper", PAPERS)
def test_reprint_is_noted_in_every_footer(paper: Paper) -> None:
    pages = page_texts(render_slip(REPRINTED_SLIP, paper))
    assert all("Cetak ulang ke-2" in page for page in pages)


@pytest.mark.parametrize("paper", PAPERS)
def test_footer_numbers_the_pages(paper: Paper) -> None:
    data = render_slip(LONG_SLIP, paper)
    total = page_count(data)
    assert total >= 2
    for number, page in enumerate(page_texts(data), start=1):
        assert f"{SLIP.number} · halaman {number} dari {total}" in page
        assert "Dicetak dengan Puskesos Desk" in page
        if number > 1:
            assert f"Surat Rujukan Nomor: {SLIP.number} (lanjutan)" in page


def test_logo_is_drawn_when_given() -> None:
    with_logo = dataclasses.replace(SLIP, letterhead=dataclasses.replace(SLIP.letterhead, logo_png=LOGO_PNG))
    assert image_count(render_slip(with_logo, Paper.A4), 0) == 1
    assert image_count(render_slip(SLIP, Paper.A4), 0) == 0


def test_pdf_title_is_the_letter_number() -> None:
    from tests.printing.pdf_tools import open_pdf

    assert open_pdf(render_slip(SLIP, Paper.A4)).get_metadata_dict()["Title"] == f"Surat Rujukan {SLIP.number}"


def test_unreadable_logo_prints_the_letter_without_it(caplog: pytest.LogCaptureFixture) -> None:
    broken = dataclasses.replace(SLIP, letterhead=dataclasses.replace(SLIP.letterhead, logo_png=b"\x89PNG broken"))
    data = render_slip(broken, Paper.A4)
    assert image_count(data, 0) == 0
    assert "PUSKESOS DESA SUMOGAWE" in all_text(data)
    assert "not a readable image" in caplog.text
