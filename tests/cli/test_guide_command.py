"""`panduan --out FILE.pdf [--paper F4|A4] [--lang id|en]`: the one-page desk guide under the site's letterhead;
a paper or language not offered is a usage error in Bahasa (exit 2) and writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from puskesos_desk.domain.documents import PAPER_MM, Paper
from puskesos_desk.domain.quick_guide import GuideLanguage, guide_text
from tests.cli._helpers import scalar
from tests.printing.pdf_tools import all_text, flat, page_count, page_size_mm


def test_writes_the_bahasa_guide_on_f4_by_default(run_cli, site_db: Any, tmp_path: Path) -> None:
    target = tmp_path / "panduan.pdf"
    result = run_cli("panduan", "--out", target, "--db", site_db.url)
    assert result.rc == 0, result.err
    assert f"ditulis ke {target} (F4, Bahasa Indonesia)" in result.out
    pdf = target.read_bytes()
    assert page_count(pdf) == 1
    assert page_size_mm(pdf) == pytest.approx(PAPER_MM[Paper.F4], abs=0.5)
    text = flat(all_text(pdf))
    assert "PUSKESOS DESA SUMOGAWE" in text and "Jl. Raya Sumogawe No. 1" in text  # the site's letterhead
    assert guide_text(GuideLanguage.ID).title in text
    assert not target.with_name("panduan.pdf.part").exists()


def test_english_on_a4_as_json(run_cli, site_db: Any, tmp_path: Path) -> None:
    target = tmp_path / "guide.pdf"
    audit_before = scalar(site_db, "SELECT count(*) FROM audit_event")
    result = run_cli("panduan", "--out", target, "--paper", "A4", "--lang", "en", "--json", "--db", site_db.url)
    assert result.rc == 0, result.err
    answer = result.json()
    pdf = target.read_bytes()
    assert answer == {"ok": True, "path": str(target), "paper": "a4", "language": "en", "bytes": len(pdf)}
    assert page_size_mm(pdf) == pytest.approx(PAPER_MM[Paper.A4], abs=0.5)
    assert guide_text(GuideLanguage.EN).title in all_text(pdf)
    assert scalar(site_db, "SELECT count(*) FROM audit_event") == audit_before, "no personal data, nothing logged"


@pytest.mark.parametrize(("option", "value"), [("--paper", "A5"), ("--paper", "legal"), ("--lang", "fr")])
def test_an_option_not_offered_is_a_usage_error_in_bahasa(run_cli, site_db: Any, tmp_path: Path, option: str,
                                                          value: str) -> None:
    target = tmp_path / "panduan.pdf"
    result = run_cli("panduan", "--out", target, option, value, "--db", site_db.url)
    assert result.rc == 2
    assert f"kesalahan penggunaan: {option}: pilihan '{value.lower()}' tidak dikenal" in result.err
    assert not target.exists()


def test_a_folder_as_target_is_refused(run_cli, site_db: Any, tmp_path: Path) -> None:
    result = run_cli("panduan", "--out", tmp_path, "--db", site_db.url)
    assert result.rc == 3
    assert "adalah folder" in result.err


def test_a_database_without_a_site_has_no_letterhead(run_cli, seeded_db: Any, tmp_path: Path) -> None:
    target = tmp_path / "panduan.pdf"
    result = run_cli("panduan", "--out", target, "--db", seeded_db.url)
    assert result.rc == 3
    assert "Situs belum disiapkan" in result.err
    assert not target.exists()
