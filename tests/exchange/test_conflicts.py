"""A record changed at both sites since their last exchange is parked, never overwritten; the signed conflict
workbook, answered field by field, decides it, and the decision travels back to the village."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from backends import rows, table_digest
from conftest import SITE_CODE

from puskesos_desk.data.orm.household import Household
from puskesos_desk.data.orm.referral import Referral
from puskesos_desk.domain.exchange_package import ImportStatus, RowClass
from puskesos_desk.domain.exchange_records import ImportOutcome
from puskesos_desk.services.exchange_conflicts import write_conflict_workbook
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_queries import waiting_counts, waiting_rows
from tests.exchange.conftest import Linked
from tests.exchange.scenarios import messages_with, only, records, without
from tests.exchange.workbooks import edit, header_index, rows_of

SHEET = "Konflik"
ORIGINAL_NOTES = "Catatan awal"


def change(site: Any, model: type, record_id: str, **values: object) -> None:
    """An ordinary edit at a site, through the ORM: audited, and the row version goes up by one."""
    with site.db.transaction(site.cli.actor) as session:
        record = session.get(model, record_id)
        for name, value in values.items():
            setattr(record, name, value)


def import_ok(site: Any, path: Path, **options: Any) -> ImportOutcome:
    outcome = import_package(site.cli, path, **options)
    assert outcome.status is ImportStatus.APPLIED, outcome.messages
    return outcome


@dataclass(frozen=True)
class Conflict:
    linked: Linked
    referral: str
    folder: Path
    outcome: ImportOutcome  # the district's import of the village package that collided

    def record(self, site: Any) -> dict[str, Any]:
        return records(site, "referral", [self.referral])[self.referral]


@pytest.fixture
def conflict(linked: Linked, tmp_path: Path) -> Conflict:
    """Both sites know the same referral (package 1, acknowledged), then each changes its outcome and notes; the
    village's second package reaches the district."""
    village, district = linked.village, linked.district
    referral = sorted(records(village, "referral"))[0]
    change(village, Referral, referral, outcome_notes=ORIGINAL_NOTES, outcome=None)
    import_ok(district, export_package(village.cli, tmp_path / "desa-1.xlsx").path)
    import_ok(village, export_package(district.cli, tmp_path / "kabupaten-1.xlsx", receiver=SITE_CODE).path)

    change(village, Referral, referral, outcome_notes="Sudah dilayani, kata desa", outcome="TERLAYANI_PENUH")
    change(district, Referral, referral, outcome_notes="Dilayani sebagian, kata dinas", outcome="TERLAYANI_SEBAGIAN")
    second = export_package(village.cli, tmp_path / "desa-2.xlsx")
    assert second.rows["Rujukan"] == 1
    return Conflict(linked, referral, tmp_path, import_ok(district, second.path))


def answered(conflict: Conflict, choices: dict[str, str], *, edits: dict[str, dict[str, str]] | None = None) -> Path:
    """The district's conflict workbook with PAKAI filled per KODE KOLOM (and optional edits of other cells)."""
    blank = conflict.folder / "konflik.xlsx"
    assert write_conflict_workbook(conflict.linked.district.cli, blank) == 1

    def answer(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[SHEET]
        columns = header_index(sheet)
        for number in range(2, sheet.max_row + 1):
            field = sheet.cell(row=number, column=columns["KODE KOLOM"]).value
            if field in choices:
                sheet.cell(row=number, column=columns["PAKAI"]).value = choices[field]
            for header, value in (edits or {}).get(str(field), {}).items():
                sheet.cell(row=number, column=columns[header]).value = value

    return edit(blank, conflict.folder / "konflik-dijawab.xlsx", answer)


def test_a_record_changed_at_both_sites_is_parked_and_not_overwritten(conflict: Conflict) -> None:
    assert conflict.outcome.rows == {RowClass.CONFLICT: 1}
    flagged = only(messages_with(conflict.outcome, "KONFLIK"))
    assert flagged.sheet == "Rujukan" and flagged.severity == "warning"
    kept = conflict.record(conflict.linked.district)
    assert (kept["outcome"], kept["outcome_notes"]) == ("TERLAYANI_SEBAGIAN", "Dilayani sebagian, kata dinas")
    parked = only(waiting_rows(conflict.linked.district.cli, reason="KONFLIK"))
    assert parked.record_id == conflict.referral and parked.values["outcome_notes"] == "Sudah dilayani, kata desa"
    assert waiting_counts(conflict.linked.district.cli) == {"KONFLIK": 1}


def test_the_conflict_workbook_has_one_row_per_differing_field(conflict: Conflict) -> None:
    path = conflict.folder / "konflik.xlsx"
    assert write_conflict_workbook(conflict.linked.district.cli, path) == 1
    lines = {row["KODE KOLOM"]: row for row in rows_of(path, SHEET)}
    assert set(lines) == {"outcome", "outcome_notes"}
    notes = lines["outcome_notes"]
    assert (notes["KOLOM"], notes["ID"], notes["LEMBAR"]) == ("CATATAN HASIL", conflict.referral, "Rujukan")
    assert (notes["DASAR"], notes["PENGIRIM"], notes["PENERIMA"]) == (
        ORIGINAL_NOTES, "Sudah dilayani, kata desa", "Dilayani sebagian, kata dinas")
    assert (lines["outcome"]["PENGIRIM"], lines["outcome"]["PENERIMA"]) == ("TERLAYANI_PENUH", "TERLAYANI_SEBAGIAN")
    assert notes["PAKAI"] is None and notes["VERSI PENERIMA"] == conflict.record(conflict.linked.district)[
        "row_version"]


def test_answered_decisions_apply_once_and_travel_back_to_the_village(conflict: Conflict) -> None:
    district, village = conflict.linked.district, conflict.linked.village
    before = {"district": conflict.record(district)["row_version"], "village": conflict.record(village)["row_version"]}
    workbook = answered(conflict, {"outcome_notes": "PENGIRIM", "outcome": "PENERIMA"})

    decided = import_ok(district, workbook)

    assert decided.rows.get(RowClass.CHANGED) == 1 and not decided.rows.get(RowClass.REJECTED)
    record = conflict.record(district)
    assert (record["outcome_notes"], record["outcome"]) == ("Sudah dilayani, kata desa", "TERLAYANI_SEBAGIAN")
    assert record["row_version"] == max(before.values()) + 1
    assert not waiting_rows(district.cli, reason="KONFLIK")
    assert rows(district, "SELECT status FROM exchange_parked_row WHERE record_id = ?",
                conflict.referral) == [("DITERAPKAN",)]

    digest = table_digest(district)
    again = import_package(district.cli, workbook)
    assert again.exit_code == 0 and not again.rows.get(RowClass.CHANGED)
    assert only(messages_with(again, "SUDAH_DIPUTUSKAN"))
    assert without(table_digest(district), "audit_event") == without(digest, "audit_event")

    back = export_package(district.cli, conflict.folder / "kabupaten-2.xlsx", receiver=SITE_CODE)
    assert back.rows["Rujukan"] == 1
    arrived = import_ok(village, back.path)
    assert arrived.sheets["Rujukan"] == {RowClass.CHANGED: 1}
    at_village = conflict.record(village)
    assert (at_village["outcome_notes"], at_village["outcome"], at_village["row_version"]) == (
        "Sudah dilayani, kata desa", "TERLAYANI_SEBAGIAN", record["row_version"])
    assert not waiting_rows(village.cli)


def test_a_decision_on_an_edited_line_is_refused_and_the_conflict_keeps_waiting(conflict: Conflict) -> None:
    district = conflict.linked.district
    before = conflict.record(district)
    workbook = answered(conflict, {"outcome_notes": "PENGIRIM", "outcome": "PENGIRIM"},
                        edits={"outcome_notes": {"PENGIRIM": "Catatan yang diketik ulang"}})

    outcome = import_package(district.cli, workbook)

    refused = only(messages_with(outcome, "DIUBAH_DI_LUAR_APLIKASI"))
    assert refused.sheet == SHEET
    waiting = [row.record_id for row in waiting_rows(district.cli, reason="KONFLIK")]
    assert waiting == [conflict.referral], (
        f"the conflict was decided from its other line alone (rows {outcome.rows}); CATATAN HASIL silently kept "
        "the district's value")
    after = conflict.record(district)
    assert (after["outcome_notes"], after["outcome"], after["row_version"]) == (
        before["outcome_notes"], before["outcome"], before["row_version"])


def test_an_unanswered_line_keeps_the_conflict_waiting(conflict: Conflict) -> None:
    district = conflict.linked.district
    before = conflict.record(district)
    workbook = answered(conflict, {"outcome": "PENGIRIM"})

    outcome = import_package(district.cli, workbook)

    assert outcome.exit_code == 0 and not outcome.rows.get(RowClass.CHANGED)
    assert only(messages_with(outcome, "BELUM_DIPUTUSKAN"))
    assert only(waiting_rows(district.cli, reason="KONFLIK")).record_id == conflict.referral
    assert conflict.record(district)["row_version"] == before["row_version"]


def test_a_household_changed_at_both_sites_is_parked(linked: Linked, tmp_path: Path) -> None:
    village, district = linked.village, linked.district
    import_ok(district, export_package(village.cli, tmp_path / "desa-1.xlsx").path)
    import_ok(village, export_package(district.cli, tmp_path / "kabupaten-1.xlsx", receiver=SITE_CODE).path)
    household = sorted(records(village, "household"))[2]
    change(village, Household, household, address="Alamat menurut desa")
    change(district, Household, household, address="Alamat menurut dinas", phone="0298123456")

    outcome = import_ok(district, export_package(village.cli, tmp_path / "desa-2.xlsx").path)

    assert outcome.rows == {RowClass.CONFLICT: 1}
    kept = records(district, "household", [household])[household]
    assert (kept["address"], kept["phone"]) == ("Alamat menurut dinas", "0298123456")
    assert only(waiting_rows(district.cli, reason="KONFLIK")).record_id == household
