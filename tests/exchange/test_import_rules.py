"""How an import treats each row and each package (docs/exchange-format.md §7): re-imports and overlaps change
nothing, out-of-order packages keep the later version, hand edits wait for confirmation, invalid rows are rejected
with a code, and a refused package writes nothing but one audit event."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from backends import DbLocation, HasLocation, rows, scalar, table_digest
from conftest import SITE_CODE, cloned_fixture

from puskesos_desk.domain.enums import SiteRole
from puskesos_desk.domain.exchange_package import ImportStatus, RowClass
from puskesos_desk.domain.exchange_records import ExportOutcome, ImportOutcome
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_queries import waiting_rows
from puskesos_desk.services.site import get_site_info
from tests.exchange.conftest import Linked
from tests.exchange.scenarios import (
    DISTRICT_CODE,
    OTHER_DISTRICT_CODE,
    OTHER_DISTRICT_NAME,
    init_site,
    messages_with,
    only,
    records,
    without,
)
from tests.exchange.workbooks import edit, header_index, rows_of, set_cells
from tests.services.sites import site_at
from tests.spreadsheet import hostile

PERSONS = "Anggota Keluarga"
HOUSEHOLDS = "Rumah Tangga"
AUDIT = "audit_event"


# --- helpers ----------------------------------------------------------------------------------------------------


def bump(site: HasLocation, table: str, record_id: str, **values: object) -> None:
    """A change made at a site: new values and the next row version (as the application's update would)."""
    assignments = ", ".join(f"{column} = ?" for column in values)
    rows(site, f"UPDATE {table} SET {assignments}, row_version = row_version + 1 WHERE id = ?",
         *values.values(), record_id)


def acknowledge(linked: Linked, folder: Path, name: str = "kabupaten.xlsx") -> ImportOutcome:
    """The district sends the village its next package (which acknowledges what it applied); the village imports."""
    answer = export_package(linked.district.cli, folder / name, receiver=SITE_CODE)
    outcome = import_package(linked.village.cli, answer.path)
    assert outcome.status is ImportStatus.APPLIED
    return outcome


@dataclass(frozen=True)
class Person:
    row: int  # the workbook row (2 = first data row)
    cells: dict[str, Any]

    @property
    def id(self) -> str:
        return str(self.cells["ID"])


def a_member(package: Path, *, with_nik: bool = True) -> Person:
    """A household member who is not its head (so no household depends on the row)."""
    for number, row in enumerate(rows_of(package, PERSONS), start=2):
        if row["HUBUNGAN DALAM KK"] != "KEPALA_KELUARGA" and (row["NIK"] or not with_nik) and not row["DIHAPUS"]:
            return Person(number, row)
    raise LookupError("no member")


def _memberships_of(linked: Linked, member: Person) -> int:
    return int(scalar(linked.district, "SELECT count(*) FROM membership WHERE person_id = ?",  # type: ignore[arg-type]
                      member.id))


def total(outcome: ImportOutcome) -> int:
    return sum(outcome.rows.values())


def ledger_rows(site: HasLocation) -> int:
    return int(scalar(site, "SELECT count(*) FROM exchange_package"))  # type: ignore[arg-type]


def audit_rows(site: HasLocation) -> int:
    return int(scalar(site, "SELECT count(*) FROM audit_event"))  # type: ignore[arg-type]


@pytest.fixture
def package(linked: Linked, tmp_path: Path) -> ExportOutcome:
    """The village's first package to its district (the demo year: households, visits, referrals…)."""
    return export_package(linked.village.cli, tmp_path / "desa-1.xlsx")


# --- re-imports, overlaps, order --------------------------------------------------------------------------------


def test_importing_a_package_again_changes_nothing_and_says_when(linked: Linked, package: ExportOutcome) -> None:
    first = import_package(linked.district.cli, package.path)
    assert first.status is ImportStatus.APPLIED and first.rows[RowClass.NEW] > 600
    before = table_digest(linked.district)

    again = import_package(linked.district.cli, package.path)

    assert again.status is ImportStatus.ALREADY_APPLIED and again.exit_code == 0
    assert total(again) == 0
    message = only(messages_with(again, "SUDAH_DIIMPOR"))
    assert "sudah diimpor pada" in message.message
    assert without(table_digest(linked.district), AUDIT) == without(before, AUDIT)


def test_a_full_package_after_a_delta_is_identical_row_for_row(linked: Linked, package: ExportOutcome,
                                                               tmp_path: Path) -> None:
    import_package(linked.district.cli, package.path)
    full = export_package(linked.village.cli, tmp_path / "desa-2-lengkap.xlsx", full=True)
    before = without(table_digest(linked.district), AUDIT, "exchange_package", "exchange_peer_record")

    outcome = import_package(linked.district.cli, full.path)

    assert full.scope == "FULL" and sum(full.rows.values()) == sum(package.rows.values())
    assert outcome.status is ImportStatus.APPLIED
    assert outcome.rows == {RowClass.IDENTICAL: sum(full.rows.values())}
    assert without(table_digest(linked.district), AUDIT, "exchange_package", "exchange_peer_record") == before


def test_out_of_order_packages_keep_the_later_version(linked: Linked, package: ExportOutcome,
                                                      tmp_path: Path) -> None:
    import_package(linked.district.cli, package.path)
    acknowledge(linked, tmp_path)
    household = sorted(records(linked.village, "household"))[3]
    version = records(linked.village, "household", [household])[household]["row_version"]
    bump(linked.village, "household", household, address="Alamat kedua")
    second = export_package(linked.village.cli, tmp_path / "desa-2.xlsx")
    bump(linked.village, "household", household, address="Alamat ketiga")
    third = export_package(linked.village.cli, tmp_path / "desa-3.xlsx")
    assert (second.sequence, third.sequence) == (2, 3)
    assert second.rows[HOUSEHOLDS] == third.rows[HOUSEHOLDS] == 1

    later = import_package(linked.district.cli, third.path)
    assert later.rows == {RowClass.CHANGED: 1}
    gap = only(messages_with(later, "PAKET_BELUM_DITERIMA"))
    assert gap.severity == "warning" and "ke-2" in gap.message

    earlier = import_package(linked.district.cli, second.path)
    assert earlier.status is ImportStatus.APPLIED
    assert earlier.rows == {RowClass.STALE: 1}
    kept = records(linked.district, "household", [household])[household]
    assert kept["address"] == "Alamat ketiga" and kept["row_version"] == version + 2
    assert not waiting_rows(linked.district.cli)


def test_a_village_change_after_acknowledgement_is_applied_as_changed(linked: Linked, package: ExportOutcome,
                                                                      tmp_path: Path) -> None:
    import_package(linked.district.cli, package.path)
    acknowledge(linked, tmp_path)
    household = sorted(records(linked.village, "household"))[5]
    version = records(linked.village, "household", [household])[household]["row_version"]
    bump(linked.village, "household", household, address="Dusun Baru RT 3", phone="081234567890")
    change = export_package(linked.village.cli, tmp_path / "desa-2.xlsx")
    assert change.rows[HOUSEHOLDS] == 1 and sum(change.rows.values()) == 1

    outcome = import_package(linked.district.cli, change.path)

    assert outcome.rows == {RowClass.CHANGED: 1}
    mine = records(linked.village, "household", [household])[household]
    theirs = records(linked.district, "household", [household])[household]
    assert (theirs["address"], theirs["phone"]) == ("Dusun Baru RT 3", "081234567890")
    assert theirs["row_version"] == mine["row_version"] == version + 1


def test_an_applied_person_change_audits_only_the_fields_that_changed(linked: Linked, package: ExportOutcome,
                                                                     tmp_path: Path) -> None:
    import_package(linked.district.cli, package.path)
    acknowledge(linked, tmp_path)
    person = sorted(records(linked.village, "person"))[3]
    bump(linked.village, "person", person, phone="081298765432")
    change = export_package(linked.village.cli, tmp_path / "desa-2.xlsx")

    assert import_package(linked.district.cli, change.path).rows == {RowClass.CHANGED: 1}
    (changes,) = rows(linked.district, f"SELECT changes FROM {AUDIT} WHERE entity = 'person' AND entity_id = ? "
                                       "AND action = 'UPDATE'", person)
    # Not the derived NIK warnings: the same as stored, whatever container they travelled in.
    assert set(json.loads(changes[0]) if isinstance(changes[0], str) else changes[0]) == {"phone"}


def test_a_village_change_before_any_acknowledgement_is_not_a_conflict(linked: Linked, package: ExportOutcome,
                                                                       tmp_path: Path) -> None:
    """The district has not answered yet, so the village still sends VERSI_DASAR 0; but the district's copy is
    exactly the version the village sent before (it changed nothing), so this is an ordinary change."""
    import_package(linked.district.cli, package.path)
    household = sorted(records(linked.village, "household"))[5]
    bump(linked.village, "household", household, address="Dusun Baru RT 3")
    change = export_package(linked.village.cli, tmp_path / "desa-2.xlsx")

    outcome = import_package(linked.district.cli, change.path)

    assert outcome.rows.get(RowClass.CONFLICT, 0) == 0, outcome.messages
    assert outcome.rows[RowClass.CHANGED] == 1
    assert records(linked.district, "household", [household])[household]["address"] == "Dusun Baru RT 3"


# --- hand edits -------------------------------------------------------------------------------------------------


def test_a_hand_edited_name_waits_until_edits_are_accepted(linked: Linked, package: ExportOutcome,
                                                           tmp_path: Path) -> None:
    member = a_member(package.path)
    edited = set_cells(package.path, tmp_path / "diedit.xlsx", PERSONS, member.row, {"NAMA": "Nama Diketik Ulang"})

    plain = import_package(linked.district.cli, edited)

    assert plain.status is ImportStatus.APPLIED
    flagged = only(messages_with(plain, "DIUBAH_DI_LUAR_APLIKASI"))
    assert (flagged.sheet, flagged.row) == (PERSONS, member.row)
    assert plain.sheets[PERSONS][RowClass.EDITED] == 1
    assert member.id not in records(linked.district, "person", [member.id])
    assert [row.record_id for row in waiting_rows(linked.district.cli, reason="DIUBAH") if row.sheet == PERSONS] \
        == [member.id]
    memberships = [row for row in rows_of(package.path, "Keanggotaan KK") if row["ID WARGA"] == member.id]
    assert memberships and _memberships_of(linked, member) == 0  # they wait with their person

    accepted = import_package(linked.district.cli, edited, accept_edits=True)

    assert accepted.status is ImportStatus.APPLIED
    assert records(linked.district, "person", [member.id])[member.id]["name"] == "Nama Diketik Ulang"
    assert not waiting_rows(linked.district.cli, reason="DIUBAH")
    assert _memberships_of(linked, member) == len(memberships)
    assert import_package(linked.district.cli, edited, accept_edits=True).status is ImportStatus.ALREADY_APPLIED


def test_a_hand_edited_name_applies_at_once_with_accept_edits(linked: Linked, package: ExportOutcome,
                                                              tmp_path: Path) -> None:
    member = a_member(package.path)
    edited = set_cells(package.path, tmp_path / "diedit.xlsx", PERSONS, member.row, {"NAMA": "Nama Diketik Ulang"})

    outcome = import_package(linked.district.cli, edited, accept_edits=True)

    assert outcome.status is ImportStatus.APPLIED
    assert RowClass.EDITED not in outcome.rows
    accepted = only(messages_with(outcome, "DIUBAH_DITERIMA"))
    assert (accepted.sheet, accepted.row, accepted.severity) == (PERSONS, member.row, "info")
    assert records(linked.district, "person", [member.id])[member.id]["name"] == "Nama Diketik Ulang"
    assert outcome.rows[RowClass.NEW] == sum(package.rows.values()) - outcome.rows.get(RowClass.IDENTICAL, 0)


def test_a_nik_typed_with_spaces_and_dashes_is_stored_as_16_digits(linked: Linked, package: ExportOutcome,
                                                                   tmp_path: Path) -> None:
    member = a_member(package.path)
    nik = str(member.cells["NIK"])
    spaced = f"{nik[:4]} {nik[4:8]}-{nik[8:12]} {nik[12:]}"
    edited = set_cells(package.path, tmp_path / "nik.xlsx", PERSONS, member.row, {"NIK": spaced})

    waiting = import_package(linked.district.cli, edited, dry_run=True)
    assert only(messages_with(waiting, "DIUBAH_DI_LUAR_APLIKASI")).row == member.row

    outcome = import_package(linked.district.cli, edited, accept_edits=True)
    assert RowClass.REJECTED not in outcome.rows
    assert records(linked.district, "person", [member.id])[member.id]["nik"] == nik


def test_moved_and_added_columns_still_verify(linked: Linked, package: ExportOutcome, tmp_path: Path) -> None:
    def rearrange(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[PERSONS]
        columns = header_index(sheet)
        name, relation = columns["NAMA"], columns["HUBUNGAN DALAM KK"]
        for row in sheet.iter_rows(min_row=1, max_row=sheet.max_row):  # swap two columns, header included
            row[name - 1].value, row[relation - 1].value = row[relation - 1].value, row[name - 1].value
        sheet.insert_cols(1)
        sheet.cell(row=1, column=1).value = "CATATAN PETUGAS"
        for number in range(2, sheet.max_row + 1):
            sheet.cell(row=number, column=1).value = f"cek {number}"

    moved = edit(package.path, tmp_path / "kolom.xlsx", rearrange)
    assert next(iter(header_index(openpyxl.load_workbook(moved)[PERSONS]))) == "CATATAN PETUGAS"

    outcome = import_package(linked.district.cli, moved)

    assert outcome.status is ImportStatus.APPLIED
    assert set(outcome.rows) <= {RowClass.NEW, RowClass.IDENTICAL}, outcome.messages[:5]
    assert outcome.sheets[PERSONS] == {RowClass.NEW: package.rows[PERSONS]}


# --- rejected rows ----------------------------------------------------------------------------------------------


def test_a_numeric_nik_rejects_that_row_and_the_others_apply(linked: Linked, package: ExportOutcome,
                                                             tmp_path: Path) -> None:
    member = a_member(package.path)
    edited = set_cells(package.path, tmp_path / "angka.xlsx", PERSONS, member.row,
                       {"NIK": int(str(member.cells["NIK"]))})

    outcome = import_package(linked.district.cli, edited)

    assert outcome.status is ImportStatus.APPLIED
    numeric = only(messages_with(outcome, "ANGKA_BUKAN_TEKS"))
    assert (numeric.sheet, numeric.row, numeric.column) == (PERSONS, member.row, "NIK")
    assert outcome.sheets[PERSONS][RowClass.REJECTED] == 1
    assert outcome.sheets[PERSONS][RowClass.NEW] == package.rows[PERSONS] - 1
    assert member.id not in records(linked.district, "person", [member.id])
    assert int(scalar(linked.district, "SELECT count(*) FROM person")) == package.rows[PERSONS] - 1  # type: ignore[arg-type]


def test_a_name_longer_than_the_column_rejects_that_row_on_either_backend(linked: Linked, package: ExportOutcome,
                                                                         tmp_path: Path) -> None:
    """PostgreSQL refuses a value longer than its column (SQLite would keep it): the row check names it first, so a
    hand-lengthened cell is one rejected row with a message, never a failed import."""
    member = a_member(package.path)
    edited = set_cells(package.path, tmp_path / "panjang.xlsx", PERSONS, member.row, {"NAMA": "Nama " + "X" * 300})

    outcome = import_package(linked.district.cli, edited, accept_edits=True)

    assert outcome.status is ImportStatus.APPLIED
    too_long = only(messages_with(outcome, "TERLALU_PANJANG"))
    assert (too_long.sheet, too_long.row, too_long.column) == (PERSONS, member.row, "NAMA")
    assert "paling banyak 200 karakter" in too_long.message
    assert outcome.sheets[PERSONS][RowClass.REJECTED] == 1
    assert member.id not in records(linked.district, "person", [member.id])


def test_a_household_without_its_head_is_rejected(linked: Linked, package: ExportOutcome, tmp_path: Path) -> None:
    edited = set_cells(package.path, tmp_path / "tanpa-kepala.xlsx", HOUSEHOLDS, 2, {"ID KEPALA KELUARGA": None})
    household = str(rows_of(package.path, HOUSEHOLDS)[0]["ID"])

    outcome = import_package(linked.district.cli, edited, accept_edits=True)

    headless = only(messages_with(outcome, "KK_TANPA_KEPALA"))
    assert (headless.sheet, headless.row, headless.column) == (HOUSEHOLDS, 2, "ID KEPALA KELUARGA")
    assert outcome.sheets[HOUSEHOLDS][RowClass.REJECTED] == 1
    assert household not in records(linked.district, "household", [household])


def test_a_birth_date_next_year_is_rejected(linked: Linked, package: ExportOutcome, tmp_path: Path) -> None:
    member = a_member(package.path)
    next_year = date(linked.district.cli.today().year + 1, 3, 1)
    edited = set_cells(package.path, tmp_path / "lahir.xlsx", PERSONS, member.row, {"TANGGAL LAHIR": next_year})

    outcome = import_package(linked.district.cli, edited, accept_edits=True)

    future = only(messages_with(outcome, "TANGGAL_MASA_DEPAN"))
    assert (future.sheet, future.row, future.column) == (PERSONS, member.row, "TANGGAL LAHIR")
    assert member.id not in records(linked.district, "person", [member.id])


def test_a_copied_row_is_rejected_as_a_duplicate_id(linked: Linked, package: ExportOutcome, tmp_path: Path) -> None:
    member = a_member(package.path)

    def copy_row(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[PERSONS]
        sheet.append([cell.value for cell in sheet[member.row]])

    copied = edit(package.path, tmp_path / "salin.xlsx", copy_row)
    last_row = package.rows[PERSONS] + 2

    outcome = import_package(linked.district.cli, copied)

    duplicate = only(messages_with(outcome, "ID_GANDA"))
    assert (duplicate.sheet, duplicate.row) == (PERSONS, last_row)
    assert outcome.sheets[PERSONS] == {RowClass.NEW: package.rows[PERSONS], RowClass.REJECTED: 1}
    assert int(scalar(linked.district, "SELECT count(*) FROM person WHERE id = ?", member.id)) == 1  # type: ignore[arg-type]


def test_a_formula_in_a_cell_counts_as_a_hand_edit(linked: Linked, package: ExportOutcome, tmp_path: Path) -> None:
    member = next(Person(number, row) for number, row in enumerate(rows_of(package.path, PERSONS), start=2)
                  if row["HUBUNGAN DALAM KK"] != "KEPALA_KELUARGA" and not row["PENYAKIT KRONIS"])
    edited = set_cells(package.path, tmp_path / "rumus.xlsx", PERSONS, member.row, {"PENYAKIT KRONIS": "=1+1"})

    outcome = import_package(linked.district.cli, edited)

    flagged = only(messages_with(outcome, "RUMUS"))
    assert (flagged.sheet, flagged.row) == (PERSONS, member.row)
    assert outcome.sheets[PERSONS][RowClass.EDITED] >= 1
    assert member.id not in records(linked.district, "person", [member.id])


# --- refused packages -------------------------------------------------------------------------------------------


def test_a_package_for_another_district_is_refused(linked: Linked, package: ExportOutcome,
                                                   seeded_location: DbLocation, tmp_path: Path) -> None:
    location = init_site(seeded_location, tmp_path / "lain.db", OTHER_DISTRICT_CODE, OTHER_DISTRICT_NAME,
                         SiteRole.KABUPATEN)
    with site_at(location, OTHER_DISTRICT_CODE, SiteRole.KABUPATEN) as other:
        _assert_refused(other, package.path, "WRONG_RECEIVER", ["33.22", OTHER_DISTRICT_CODE])


def test_a_package_from_an_untrusted_village_is_refused_showing_its_fingerprint(
        linked: Linked, package: ExportOutcome, district_location: DbLocation, tmp_path: Path) -> None:
    fingerprint = get_site_info(linked.village.db).fingerprint
    with cloned_fixture(district_location, tmp_path, "belum-percaya.db",
                        Actor.cli("pytest", site_code=DISTRICT_CODE, site_role=SiteRole.KABUPATEN)) as stranger:
        _assert_refused(stranger, package.path, "UNKNOWN_SENDER", [fingerprint, SITE_CODE])


def test_a_package_missing_a_required_column_is_refused(linked: Linked, package: ExportOutcome,
                                                        tmp_path: Path) -> None:
    def drop_name(workbook: openpyxl.Workbook) -> None:
        sheet = workbook[PERSONS]
        sheet.delete_cols(header_index(sheet)["NAMA"])

    damaged = edit(package.path, tmp_path / "tanpa-nama.xlsx", drop_name)
    _assert_refused(linked.district, damaged, "MISSING_COLUMN", ["NAMA", PERSONS])


def test_a_truncated_package_is_refused(linked: Linked, package: ExportOutcome, tmp_path: Path) -> None:
    _assert_refused(linked.district, hostile.truncated(package.path, tmp_path / "terpotong.xlsx"), "TRUNCATED", [])


def _assert_refused(site: Any, path: Path, code: str, mentions: list[str]) -> None:
    """Refused with `code`: no ledger row, no domain row, no parked row, exactly one audit event."""
    before = table_digest(site)
    audit, ledger = audit_rows(site), ledger_rows(site)

    outcome = import_package(site.cli, path)

    assert outcome.status is ImportStatus.REJECTED and outcome.exit_code == 3
    refusal = only(outcome.messages)
    assert refusal.code == code, refusal
    for text in mentions:
        assert text in refusal.message
    assert ledger_rows(site) == ledger
    assert audit_rows(site) == audit + 1
    event = rows(site, "SELECT action, entity FROM audit_event ORDER BY seq DESC LIMIT 1")[0]
    assert event == ("IMPORT", "exchange_package")
    assert without(table_digest(site), AUDIT) == without(before, AUDIT)


# --- dry run and report -----------------------------------------------------------------------------------------


def test_a_dry_run_writes_nothing_at_all(linked: Linked, package: ExportOutcome, tmp_path: Path) -> None:
    member = a_member(package.path)
    edited = set_cells(package.path, tmp_path / "diedit.xlsx", PERSONS, member.row, {"NAMA": "Nama Lain"})
    before = table_digest(linked.district)

    outcome = import_package(linked.district.cli, edited, dry_run=True)

    assert outcome.status is ImportStatus.WOULD_APPLY and outcome.exit_code == 0
    assert outcome.rows[RowClass.NEW] > 600 and outcome.sheets[PERSONS][RowClass.EDITED] == 1
    assert table_digest(linked.district) == before
    assert import_package(linked.district.cli, edited).status is ImportStatus.APPLIED  # it was not recorded


def _referenced(package: Path) -> dict[str, set[str]]:
    """Person id → the sheets (other than memberships) whose rows name that person."""
    found: dict[str, set[str]] = {}
    for sheet in ("Kunjungan", "Persetujuan", "Keluhan", "Kebutuhan", "Kepesertaan", "Rujukan", "PPKS Warga",
                  "Usulan Perubahan"):
        for row in rows_of(package, sheet):
            for header in ("ID WARGA", "ID PEMOHON"):
                if row.get(header):
                    found.setdefault(str(row[header]), set()).add(sheet)
    return found


def _born_next_year(linked: Linked, package: Path, member: Person, folder: Path) -> Path:
    next_year = date(linked.district.cli.today().year + 1, 3, 1)
    return set_cells(package, folder / "lahir.xlsx", PERSONS, member.row, {"TANGGAL LAHIR": next_year})


def test_the_report_workbook_lists_rejected_rows_with_their_problem(linked: Linked, package: ExportOutcome,
                                                                    tmp_path: Path) -> None:
    referenced = _referenced(package.path)
    member = next(Person(number, row) for number, row in enumerate(rows_of(package.path, PERSONS), start=2)
                  if row["HUBUNGAN DALAM KK"] != "KEPALA_KELUARGA" and str(row["ID"]) not in referenced)
    report = tmp_path / "laporan.xlsx"

    outcome = import_package(linked.district.cli, _born_next_year(linked, package.path, member, tmp_path),
                             report_path=report)

    assert outcome.report == report and report.exists()
    workbook = openpyxl.load_workbook(report, read_only=True)
    try:
        assert {"Ringkasan", "Pesan", PERSONS} <= set(workbook.sheetnames)
    finally:
        workbook.close()
    summary = {row["KETERANGAN"]: row["ISI"] for row in rows_of(report, "Ringkasan")}
    assert summary["Hasil"] == "diterapkan" and summary["Baris ditolak"] == str(outcome.rows[RowClass.REJECTED])
    assert "TANGGAL_MASA_DEPAN" in {row["KODE"] for row in rows_of(report, "Pesan")}
    rejected = only([row for row in rows_of(report, PERSONS) if row["ID"] == member.id])
    assert rejected["BARIS PAKET"] == member.row and rejected["HASIL IMPOR"] == "ditolak"
    assert "TANGGAL LAHIR" in rejected["MASALAH"] and "masa depan" in rejected["MASALAH"]


def test_a_report_can_list_rejected_referrals(linked: Linked, package: ExportOutcome, tmp_path: Path) -> None:
    """The Rujukan sheet has its own HASIL column (the referral's outcome) beside the report's HASIL column."""
    referenced = _referenced(package.path)
    member = next(Person(number, row) for number, row in enumerate(rows_of(package.path, PERSONS), start=2)
                  if "Rujukan" in referenced.get(str(row["ID"]), set()))
    report = tmp_path / "laporan.xlsx"

    outcome = import_package(linked.district.cli, _born_next_year(linked, package.path, member, tmp_path),
                             report_path=report)

    assert outcome.sheets["Rujukan"][RowClass.REJECTED] >= 1
    referrals = rows_of(report, "Rujukan")
    assert referrals and all(row["MASALAH"] for row in referrals)
