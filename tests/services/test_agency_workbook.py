"""Closing referral loops at the district: the agency workbook (template out, answers in, all or nothing), outcomes
recorded by letter number and by a village's QR token at the district, and the outcomes travelling back to the
village in the return package."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from backends import rows
from conftest import SITE_CODE

from puskesos_desk.domain import agency_workbook as aw
from puskesos_desk.domain.agency_workbook import AgencyImportStatus, MessageCode
from puskesos_desk.domain.enums import FeedbackSource, ReferralOutcome, ReferralStatus
from puskesos_desk.domain.errors import InputRejected
from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.domain.referrals import ReferralChange
from puskesos_desk.services import slip_tokens
from puskesos_desk.services.agency_workbook import import_agency_outcomes, write_agency_template
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.referral_queries import find_referral, list_referrals, referral_detail
from puskesos_desk.services.referrals import change_status
from tests.cli._helpers import query
from tests.exchange import conftest as exchange_sites
from tests.exchange.conftest import Linked
from tests.exchange.workbooks import header_index, rows_of

# The exchange tests' sites: Desa Sumogawe with a demo year, and its district, trusting each other.
village_location = exchange_sites.village_location
district_location = exchange_sites.district_location
linked = exchange_sites.linked


@dataclass(frozen=True)
class Waiting:
    """The district after importing the village's first package, and the letter numbers of its sent referrals."""

    linked: Linked
    numbers: tuple[str, ...]

    @property
    def district(self) -> Any:
        return self.linked.district


@pytest.fixture
def waiting(linked: Linked, tmp_path: Path) -> Waiting:
    package = export_package(linked.village.cli, tmp_path / "desa-1.xlsx")
    assert import_package(linked.district.cli, package.path).status is ImportStatus.APPLIED
    sent = list_referrals(linked.district.cli, statuses=(ReferralStatus.DIKIRIM,))
    assert len(sent) >= 3, "the demo village should have sent at least three slips"
    return Waiting(linked, tuple(sorted(r.number for r in sent)))


def fill(template: Path, target: Path, answers: Mapping[str, Mapping[str, Any]],
         extra_rows: list[Mapping[str, Any]] = ()) -> Path:  # type: ignore[assignment]
    """What an agency does in its spreadsheet program: fill the outcome columns of some rows, maybe add rows."""
    workbook = openpyxl.load_workbook(template)
    sheet = workbook[aw.DATA_SHEET]
    columns = header_index(sheet)
    for row in range(2, sheet.max_row + 1):
        number = sheet.cell(row=row, column=columns[aw.H_NUMBER]).value
        for header, value in answers.get(str(number), {}).items():
            sheet.cell(row=row, column=columns[header]).value = value
    for values in extra_rows:
        row = sheet.max_row + 1
        for header, value in values.items():
            sheet.cell(row=row, column=columns[header]).value = value
    workbook.save(target)
    workbook.close()
    return target


def statuses(site: Any) -> dict[str, str]:
    return {r.number: r.status.value for r in list_referrals(site.cli)}


def today(site: Any) -> date:
    return site.cli.today()


# --- the template -----------------------------------------------------------------------------------------------


def test_the_template_lists_waiting_referrals_with_their_village_and_a_masked_nik(waiting: Waiting,
                                                                                  tmp_path: Path) -> None:
    district = waiting.district
    first = find_referral(district.cli, waiting.numbers[0].lower())  # typed by hand at the district
    change_status(district.cli, ReferralChange(referral_id=first.id, status=ReferralStatus.DITERIMA,
                                               source=FeedbackSource.TELEPON.value))
    before = statuses(district)

    outcome = write_agency_template(district.cli, tmp_path / "lembar.xlsx")

    rows = rows_of(outcome.path, aw.DATA_SHEET)
    listed = {row[aw.H_NUMBER]: row for row in rows}
    waiting_numbers = {n for n, s in before.items() if s in {"DIKIRIM", "DITERIMA", "DIPROSES", "TIDAK_ADA_KABAR"}}
    assert set(listed) == waiting_numbers and outcome.rows == len(rows) == len(waiting_numbers)
    assert first.number in listed  # DITERIMA is still waiting for the end of the story
    assert not set(listed) & {n for n, s in before.items() if s in {"DRAFT", "DISETUJUI"}}
    row = listed[first.number]
    assert row[aw.H_VILLAGE] == f"Puskesos Desa Sumogawe ({SITE_CODE})"
    assert row[aw.H_NAME] == first.person_name
    assert "••••" in row[aw.H_NIK] and len(row[aw.H_NIK]) == 16
    assert all(row[h] is None for h in (aw.H_STATUS, aw.H_OUTCOME, aw.H_ACTED_ON, aw.H_NOTES, aw.H_REASON))
    workbook = openpyxl.load_workbook(outcome.path)
    try:
        marker = workbook[aw.MARKER_SHEET]
        assert marker.sheet_state == "hidden"
        values = {r[0].value: r[1].value for r in marker.iter_rows()}
        assert values["format"] == aw.FORMAT and values["site"] == "33.22"
        assert values["template_id"] == outcome.template_id
        dropdowns = [v for v in workbook[aw.DATA_SHEET].data_validations.dataValidation if v.type == "list"]
        assert {v.formula1 for v in dropdowns} >= {'"DITERIMA,DIPROSES,SELESAI,DITOLAK"',
                                                    '"TERLAYANI_PENUH,TERLAYANI_SEBAGIAN,TIDAK_TERLAYANI"'}
    finally:
        workbook.close()
    (kind, rows_json, masked), = query(district, "SELECT kind, row_counts, masked FROM export_record")
    assert kind == aw.EXPORT_KIND and masked == 1 and str(len(rows)) in rows_json
    assert query(district, "SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND entity_id = ?",
                 (outcome.template_id,)) == [(1,)]


def test_a_template_for_chosen_services_lists_only_theirs(waiting: Waiting, tmp_path: Path) -> None:
    # The demo's referrals depend on the day it runs; two may share a service. Take the least-used service and
    # expect exactly its referrals, none of the others.
    referrals = [find_referral(waiting.district.cli, number) for number in waiting.numbers]
    by_service: dict[str, list[str]] = {}
    for referral in referrals:
        by_service.setdefault(referral.service_code, []).append(referral.number)
    service, numbers = min(by_service.items(), key=lambda item: (len(item[1]), item[0]))
    assert len(numbers) < len(referrals), "the demo's waiting referrals should go to more than one service"
    outcome = write_agency_template(waiting.district.cli, tmp_path / "satu.xlsx", service_codes=[service])
    assert sorted(r[aw.H_NUMBER] for r in rows_of(outcome.path, aw.DATA_SHEET)) == sorted(numbers)
    with pytest.raises(InputRejected, match="Tidak ada rujukan"):
        write_agency_template(waiting.district.cli, tmp_path / "kosong.xlsx", service_codes=["TIDAK-ADA"])
    assert not (tmp_path / "kosong.xlsx").exists()


# --- importing the answers ----------------------------------------------------------------------------------------


def test_answers_are_recorded_as_secretariat_feedback_and_travel_back_to_the_village(waiting: Waiting,
                                                                                     tmp_path: Path) -> None:
    district, village = waiting.district, waiting.linked.village
    done, refused, untouched = waiting.numbers[:3]
    day = today(district)
    template = write_agency_template(district.cli, tmp_path / "lembar.xlsx")
    answered = fill(template.path, tmp_path / "terisi.xlsx", {
        done: {aw.H_STATUS: "SELESAI", aw.H_OUTCOME: "Terlayani penuh", aw.H_ACTED_ON: day,
               aw.H_NOTES: "Sudah dirawat"},
        refused: {aw.H_STATUS: "DITOLAK", aw.H_ACTED_ON: day.strftime("%d-%m-%Y"),
                  aw.H_REASON: "Bukan wewenang instansi ini"},
    })

    outcome = import_agency_outcomes(district.cli, answered)

    assert outcome.status is AgencyImportStatus.APPLIED and outcome.exit_code == 0
    listed = len(rows_of(template.path, aw.DATA_SHEET))
    assert listed >= 3 and (outcome.applied, outcome.skipped, outcome.errors) == (2, listed - 2, 0)
    assert set(outcome.numbers) == {done, refused}
    after = statuses(district)
    assert (after[done], after[refused], after[untouched]) == ("SELESAI", "DITOLAK", "DIKIRIM")
    detail = referral_detail(district.cli, find_referral(district.cli, done).id)
    assert detail.referral.outcome is ReferralOutcome.TERLAYANI_PENUH and detail.referral.completed_on == day
    assert detail.events[-1].source == FeedbackSource.SEKRETARIAT.value
    assert "Sudah dirawat" in detail.events[-1].notes
    assert find_referral(district.cli, refused).rejection_reason == "Bukan wewenang instansi ini"

    again = import_agency_outcomes(district.cli, answered)  # the agency sent the same file twice
    assert again.status is AgencyImportStatus.APPLIED and again.applied == 0 and again.unchanged == 2
    assert {m.code for m in again.messages} == {MessageCode.ALREADY_RECORDED}

    answer = export_package(district.cli, tmp_path / "kabupaten-1.xlsx", receiver=SITE_CODE)
    assert import_package(village.cli, answer.path).status is ImportStatus.APPLIED
    at_village = {r.number: r for r in list_referrals(village.cli)}
    assert at_village[done].status is ReferralStatus.SELESAI
    assert at_village[done].outcome is ReferralOutcome.TERLAYANI_PENUH
    assert at_village[refused].status is ReferralStatus.DITOLAK
    assert at_village[refused].rejection_reason == "Bukan wewenang instansi ini"
    assert at_village[untouched].status is ReferralStatus.DIKIRIM
    events = referral_detail(village.cli, at_village[done].id).events
    assert events[-1].source == FeedbackSource.SEKRETARIAT.value


def test_unknown_and_duplicate_numbers_apply_nothing(waiting: Waiting, tmp_path: Path) -> None:
    district = waiting.district
    day = today(district)
    template = write_agency_template(district.cli, tmp_path / "lembar.xlsx")
    good = {aw.H_STATUS: "DITERIMA", aw.H_ACTED_ON: day}
    answered = fill(template.path, tmp_path / "terisi.xlsx", {waiting.numbers[0]: good}, extra_rows=[
        {aw.H_NUMBER: "999/RJK/PUSKESOS-3322012007/XI/2026", **good},
        {aw.H_NUMBER: waiting.numbers[0].lower(), aw.H_STATUS: "DIPROSES", aw.H_ACTED_ON: day},
    ])
    before = statuses(district)

    for dry_run in (True, False):
        outcome = import_agency_outcomes(district.cli, answered, dry_run=dry_run)
        assert outcome.status is AgencyImportStatus.REJECTED and outcome.exit_code == 3
        assert outcome.applied == 0 and outcome.errors == 2
        by_code = {m.code: m for m in outcome.messages}
        unknown, duplicate = by_code[MessageCode.UNKNOWN_NUMBER], by_code[MessageCode.DUPLICATE_NUMBER]
        last = len(rows_of(answered, aw.DATA_SHEET)) + 1
        assert (unknown.row, unknown.column) == (last - 1, aw.H_NUMBER) and "999/RJK" in unknown.message
        assert (duplicate.row, duplicate.column) == (last, aw.H_NUMBER)
        assert duplicate.message.startswith(f"Baris {last}, kolom NOMOR SURAT")
        assert statuses(district) == before


def test_rows_the_lifecycle_or_the_calendar_forbid_apply_nothing(waiting: Waiting, tmp_path: Path) -> None:
    district = waiting.district
    closed = find_referral(district.cli, waiting.numbers[0])
    change_status(district.cli, ReferralChange(referral_id=closed.id, status=ReferralStatus.SELESAI,
                                               source=FeedbackSource.TELEPON.value,
                                               outcome=ReferralOutcome.TIDAK_TERLAYANI))
    day = today(district)
    template = write_agency_template(district.cli, tmp_path / "lembar.xlsx",
                                     statuses=(ReferralStatus.DIKIRIM, ReferralStatus.SELESAI))
    answered = fill(template.path, tmp_path / "terisi.xlsx", {
        waiting.numbers[0]: {aw.H_STATUS: "DITERIMA", aw.H_ACTED_ON: day},  # closed already
        waiting.numbers[1]: {aw.H_STATUS: "SELESAI", aw.H_ACTED_ON: day},  # no HASIL
        waiting.numbers[2]: {aw.H_STATUS: "DITOLAK", aw.H_ACTED_ON: day + timedelta(days=3)},  # no reason, future
    })
    before = statuses(district)

    outcome = import_agency_outcomes(district.cli, answered)

    assert outcome.status is AgencyImportStatus.REJECTED and outcome.applied == 0
    codes = {(m.code, m.column) for m in outcome.messages}
    assert {(MessageCode.NO_OUTCOME, aw.H_OUTCOME), (MessageCode.NO_REASON, aw.H_REASON)} <= codes
    assert statuses(district) == before

    fixed = fill(template.path, tmp_path / "diperbaiki.xlsx", {
        waiting.numbers[0]: {aw.H_STATUS: "DITERIMA", aw.H_ACTED_ON: day},
        waiting.numbers[1]: {aw.H_STATUS: "SELESAI", aw.H_OUTCOME: "TERLAYANI_SEBAGIAN", aw.H_ACTED_ON: day},
        waiting.numbers[2]: {aw.H_STATUS: "DIPROSES", aw.H_ACTED_ON: date(2020, 1, 1)},  # before sending
    })
    outcome = import_agency_outcomes(district.cli, fixed)
    assert outcome.status is AgencyImportStatus.REJECTED
    assert {m.code for m in outcome.messages} == {MessageCode.FORBIDDEN_CHANGE, MessageCode.BEFORE_SENDING}
    forbidden = next(m for m in outcome.messages if m.code is MessageCode.FORBIDDEN_CHANGE)
    assert forbidden.column == aw.H_STATUS and "sudah selesai" in forbidden.message
    assert statuses(district) == before


def test_a_dry_run_reports_what_would_apply_and_writes_nothing(waiting: Waiting, tmp_path: Path) -> None:
    district = waiting.district
    template = write_agency_template(district.cli, tmp_path / "lembar.xlsx")
    answered = fill(template.path, tmp_path / "terisi.xlsx",
                    {waiting.numbers[0]: {aw.H_STATUS: "DIPROSES", aw.H_ACTED_ON: today(district)}})
    events_before = query(district, "SELECT count(*) FROM referral_event")

    outcome = import_agency_outcomes(district.cli, answered, dry_run=True)

    assert outcome.status is AgencyImportStatus.WOULD_APPLY and outcome.applied == 1 and outcome.exit_code == 0
    assert statuses(district)[waiting.numbers[0]] == "DIKIRIM"
    assert query(district, "SELECT count(*) FROM referral_event") == events_before


def test_files_that_are_not_this_sites_agency_workbook_are_refused(waiting: Waiting, tmp_path: Path) -> None:
    district, village = waiting.district, waiting.linked.village
    package = export_package(village.cli, tmp_path / "desa-2.xlsx", full=True)
    with pytest.raises(InputRejected, match="bukan lembar hasil"):
        import_agency_outcomes(district.cli, package.path)
    at_village = write_agency_template(village.cli, tmp_path / "lembar-desa.xlsx")
    with pytest.raises(InputRejected, match=r"dibuat oleh situs 33\.22\.01\.2007"):
        import_agency_outcomes(district.cli, at_village.path)


# --- by letter number and by QR token, at the district ------------------------------------------------------------


@pytest.fixture
def village_token(waiting: Waiting) -> tuple[str, str]:
    """(letter number, the slip's QR token as the village printed it, signed with the village's key)."""
    record = find_referral(waiting.linked.village.cli, waiting.numbers[0])
    with waiting.linked.village.db.reading() as session:
        token = slip_tokens.issue(session, referral_id=record.id, destination=record.service_code,
                                  letter_date=record.letter_date)
    return record.number, token


def test_the_district_finds_a_village_referral_by_its_qr_token(waiting: Waiting,
                                                               village_token: tuple[str, str]) -> None:
    number, token = village_token
    found = find_referral(waiting.district.cli, token)
    assert found.number == number
    saved = change_status(waiting.district.cli, ReferralChange(
        referral_id=found.id, status=ReferralStatus.DITERIMA, source=FeedbackSource.LEMBAR_BALASAN.value))
    assert saved.status is ReferralStatus.DITERIMA


def test_the_district_refuses_an_edited_token(waiting: Waiting, village_token: tuple[str, str]) -> None:
    _, token = village_token
    edited = token[:-5] + ("A" if token[-5] != "A" else "B") + token[-4:]
    with pytest.raises(InputRejected, match="tidak sah"):
        find_referral(waiting.district.cli, edited)


def test_a_district_refuses_the_token_of_a_village_it_does_not_trust(waiting: Waiting,
                                                                     village_token: tuple[str, str]) -> None:
    _, token = village_token
    rows(waiting.district, "UPDATE trusted_site SET deleted_at = CURRENT_TIMESTAMP WHERE code = ?", SITE_CODE)
    with pytest.raises(InputRejected, match="belum terdaftar sebagai desa"):
        find_referral(waiting.district.cli, token)
