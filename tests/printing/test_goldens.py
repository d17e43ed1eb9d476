"""Every document against its golden PDF in tests/_reference (see golden.py and tests/_reference/README.md)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from puskesos_desk.domain.documents import Paper
from puskesos_desk.printing import render_receipt, render_register_note, render_slip, render_task_list
from tests.printing import golden
from tests.printing.golden import Toolchain, assert_matches_golden, assert_renders_alike
from tests.printing.samples import (
    DRAFT_SLIP,
    LOGO_PNG,
    LONG_SLIP,
    LONG_TASK_LIST,
    RECEIPT,
    REGISTER_NOTE,
    SLIP,
    sample_token,
)

LOGO_DRAFT = dataclasses.replace(DRAFT_SLIP, reprint=1, letterhead=dataclasses.replace(SLIP.letterhead,
                                                                                       logo_png=LOGO_PNG))
GOLDENS: dict[str, Callable[[], bytes]] = {
    "slip_f4.pdf": lambda: render_slip(SLIP, Paper.F4),
    "slip_a4.pdf": lambda: render_slip(SLIP, Paper.A4),
    "slip_a5.pdf": lambda: render_slip(SLIP, Paper.A5),
    "slip_draft_a4.pdf": lambda: render_slip(LOGO_DRAFT, Paper.A4),
    "slip_long_a4.pdf": lambda: render_slip(LONG_SLIP, Paper.A4),
    "receipt_a5.pdf": lambda: render_receipt(RECEIPT, Paper.A5),
    "register_note_a4.pdf": lambda: render_register_note(REGISTER_NOTE, Paper.A4),
    "task_list_a4.pdf": lambda: render_task_list(LONG_TASK_LIST, Paper.A4),
}
OTHER_TOOLCHAIN = Toolchain(reportlab="0.0-another-release", zlib="0.0")


@pytest.mark.parametrize("name", sorted(GOLDENS))
def test_document_matches_its_golden(name: str) -> None:
    assert_matches_golden(name, GOLDENS[name]())


def test_another_reportlab_release_compares_the_renderings() -> None:
    assert_matches_golden("slip_a4.pdf", GOLDENS["slip_a4.pdf"](), toolchain=OTHER_TOOLCHAIN)


def test_rendering_comparison_catches_changed_text() -> None:
    reprint = render_slip(dataclasses.replace(SLIP, reprint=3), Paper.A4)
    with pytest.raises(AssertionError, match="extracted text differs"):
        assert_renders_alike(reprint, render_slip(SLIP, Paper.A4), "slip_a4.pdf")


def test_rendering_comparison_catches_a_changed_picture() -> None:
    other_code = dataclasses.replace(SLIP, token=sample_token(5))  # the same text, other QR codes
    with pytest.raises(AssertionError, match="pages differ from the golden"):
        assert_renders_alike(render_slip(other_code, Paper.A4), render_slip(SLIP, Paper.A4), "slip_a4.pdf")


def test_missing_golden_says_how_to_make_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(golden.UPDATE_FLAG, raising=False)
    monkeypatch.setattr(golden, "REFERENCE", tmp_path)
    with pytest.raises(pytest.fail.Exception, match="PUSKESOS_UPDATE_GOLDEN=1"):
        assert_matches_golden("slip_a4.pdf", b"%PDF-")
