"""A package opened and saved again in LibreOffice Calc still verifies and imports exactly like the original; a
cell edited before that re-save shows as exactly one hand-edited row (docs/exchange-format.md §1, §4)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from backends import rows, scalar

from puskesos_desk.domain.exchange_package import ImportStatus, RowClass
from puskesos_desk.domain.exchange_sheets import VILLAGE_SHEETS
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from tests.exchange.conftest import Linked
from tests.exchange.scenarios import field_differences, messages_with, only, records
from tests.exchange.workbooks import rows_of, set_cells

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PERSONS = "Anggota Keluarga"

# On a developer's PC without LibreOffice these are skipped; in CI they must run (and fail if it is missing).
pytestmark = pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                                reason="LibreOffice (soffice) is not installed")


def resave(source: Path, folder: Path) -> Path:
    """Open `source` in LibreOffice Calc and save it again as .xlsx, with a profile of its own."""
    assert SOFFICE is not None, "LibreOffice (soffice) is required in CI"
    out = folder / "libreoffice"
    out.mkdir(parents=True, exist_ok=True)
    profile = folder / f"lo-profile-{source.stem}"
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--convert-to", "xlsx",
         "--outdir", str(out), str(source)],
        capture_output=True, text=True, timeout=240, check=False)
    saved = out / f"{source.stem}.xlsx"
    assert saved.exists(), f"soffice wrote nothing (exit {result.returncode}): {result.stdout} {result.stderr}"
    return saved


@pytest.fixture
def package(linked: Linked, tmp_path: Path) -> Path:
    """The village's first package, with some values spreadsheet programs like to reinterpret."""
    village = linked.village
    person = scalar(village, "SELECT id FROM person WHERE relation != 'KEPALA_KELUARGA' ORDER BY id LIMIT 1")
    rows(village, "UPDATE person SET occupation = '=1+1', birth_place = '+62 Salatiga', chronic_illness = ? "
                  "WHERE id = ?", "-\tasma", person)
    rows(village, "UPDATE household SET address = ?, phone = '0298123456' "
                  "WHERE id = (SELECT min(id) FROM household)", "Dusun Krajan\n@RT 01")
    return export_package(linked.village.cli, tmp_path / "desa-1.xlsx").path


def test_a_resaved_package_imports_exactly_like_the_original(linked: Linked, package: Path, tmp_path: Path) -> None:
    original = import_package(linked.district.cli, package, dry_run=True)
    assert original.status is ImportStatus.WOULD_APPLY and original.rows[RowClass.NEW] > 600

    resaved = import_package(linked.district.cli, resave(package, tmp_path))

    assert resaved.status is ImportStatus.APPLIED, resaved.messages
    assert resaved.rows == original.rows
    assert resaved.sheets == original.sheets
    assert not [m for m in resaved.messages if m.severity != "info"], resaved.messages[:5]
    differences = []
    for spec in VILLAGE_SHEETS:
        mine = records(linked.village, spec.table)
        differences += field_differences(spec, mine, records(linked.district, spec.table, sorted(mine)))
    assert not differences, "\n".join(differences[:20])


def test_a_name_edited_before_a_resave_is_the_one_hand_edited_row(linked: Linked, package: Path,
                                                                  tmp_path: Path) -> None:
    row, member = next((number, r) for number, r in enumerate(rows_of(package, PERSONS), start=2)
                       if r["HUBUNGAN DALAM KK"] != "KEPALA_KELUARGA")
    edited = set_cells(package, tmp_path / "diedit.xlsx", PERSONS, row, {"NAMA": "NAMA DIKETIK ULANG"})

    outcome = import_package(linked.district.cli, resave(edited, tmp_path))

    assert outcome.status is ImportStatus.APPLIED
    assert outcome.sheets[PERSONS] == {RowClass.NEW: len(rows_of(package, PERSONS)) - 1, RowClass.EDITED: 1}
    flagged = only(messages_with(outcome, "DIUBAH_DI_LUAR_APLIKASI"))
    assert (flagged.sheet, flagged.row) == (PERSONS, row)
    waiting = [m for m in outcome.messages if m.code not in ("DIUBAH_DI_LUAR_APLIKASI", "MENUNGGU_INDUK")]
    assert not [m for m in waiting if m.severity != "info"], waiting[:5]
    assert member["ID"] not in records(linked.district, "person", [str(member["ID"])])


LO_PYTHON = "/usr/bin/python3"  # Debian's Python: LibreOffice's UNO bridge (python3-uno) lives there, not in the venv
PACKAGE_PASSWORD = "Paket-Desa-2026"


def open_protected(path: Path, passwords: list[str], folder: Path) -> list[dict[str, object]]:
    """What LibreOffice Calc sees when a user opens `path` with each password (tests/exchange/lo_open_protected.py)."""
    assert SOFFICE is not None, "LibreOffice (soffice) is required in CI"
    script = Path(__file__).with_name("lo_open_protected.py")
    result = subprocess.run([LO_PYTHON, str(script), SOFFICE, str(folder / "lo-profile-protected"), str(path),
                             *passwords], capture_output=True, text=True, timeout=240, check=False)
    seen = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(seen) == len(passwords), f"the UNO script answered {len(seen)} of {len(passwords)} " \
                                        f"(exit {result.returncode}): {result.stderr}"
    return seen


def test_libreoffice_opens_a_protected_package_only_with_its_password(linked: Linked, tmp_path: Path) -> None:
    exported = export_package(linked.village.cli, tmp_path / "desa-terkunci.xlsx", password=PACKAGE_PASSWORD).path
    right, wrong = open_protected(exported, [PACKAGE_PASSWORD, "Bukan-Sandinya-1"], tmp_path)
    assert right["opened"] is True, right
    assert PERSONS in right["sheets"]
    assert any(cell for cell in right["first_cells"]), "the first sheet opened empty"
    assert wrong["opened"] is False, wrong
