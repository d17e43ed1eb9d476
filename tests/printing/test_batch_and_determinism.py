"""Batch printing (many slips, one PDF) and identical bytes for identical input."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing import (
    render_receipt,
    render_register_note,
    render_slip,
    render_slips,
    render_task_list,
)
from tests.printing.pdf_tools import decode_qr_codes, page_texts, render
from tests.printing.samples import DRAFT_SLIP, RECEIPT, REGISTER_NOTE, SLIP, TASK_LIST, sample_token

BATCH = [dataclasses.replace(SLIP, number=f"00{n}/RJK/PUSKESOS-3322012007/XI/2026", token=sample_token(n))
         for n in (1, 2, 3)]


@pytest.mark.parametrize(("paper", "pages_per_slip"), [(Paper.F4, 1), (Paper.A4, 1), (Paper.A5, 2)])
def test_batch_has_every_slip_with_its_own_page_numbers(paper: Paper, pages_per_slip: int) -> None:
    pages = page_texts(render_slips(BATCH, paper))
    assert len(pages) == 3 * pages_per_slip
    for index, doc in enumerate(BATCH):
        own_pages = pages[index * pages_per_slip:(index + 1) * pages_per_slip]
        assert f"Nomor: {doc.number}" in own_pages[0]
        for number, page in enumerate(own_pages, start=1):
            assert f"{doc.number} · halaman {number} dari {pages_per_slip}" in page


def test_batch_codes_follow_their_slips() -> None:
    data = render_slips(BATCH, Paper.A4)
    for index, doc in enumerate(BATCH):
        assert [code.text for code in decode_qr_codes(render(data, index, 150), 150)] == [doc.token, doc.token]


def test_draft_in_a_batch_marks_only_its_own_pages() -> None:
    draft = dataclasses.replace(DRAFT_SLIP, number="009/RJK/PUSKESOS-3322012007/XI/2026")
    pages = page_texts(render_slips([SLIP, draft, SLIP], Paper.A4))
    assert ["DRAF – BELUM DISETUJUI" in page for page in pages] == [False, True, False]


def test_single_slip_is_a_batch_of_one() -> None:
    assert render_slip(SLIP, Paper.A4) == render_slips([SLIP], Paper.A4)


def test_empty_batch_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one document"):
        render_slips([], Paper.A4)


@pytest.mark.parametrize("render_twice", [
    lambda: render_slip(SLIP, Paper.F4),
    lambda: render_slip(DRAFT_SLIP, Paper.A5),
    lambda: render_slips(BATCH, Paper.A4),
    lambda: render_receipt(RECEIPT),
    lambda: render_register_note(REGISTER_NOTE),
    lambda: render_task_list(TASK_LIST),
], ids=["slip", "draft", "batch", "receipt", "register_note", "task_list"])
def test_same_input_gives_the_same_bytes(render_twice: Callable[[], bytes]) -> None:
    first = render_twice()
    assert first.startswith(b"%PDF-")
    assert render_twice() == first
