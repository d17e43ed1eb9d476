"""Issue 7's whole loop through the CLI, on real databases of the backend under test (SQLite files, or PostgreSQL
databases given to `--db` as URLs): three villages made with `demo` (two joined by card, one by set-up file) send
their packages — one after a LibreOffice re-save — and the district imports them all, records outcomes (one from an
agency workbook), approves a household change request, merges a person registered in two villages, and sends every
village its return package; each village imports it and shows the outcome, the decision and the merge."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from puskesos_desk.data.db import Database
from puskesos_desk.domain import agency_workbook as aw
from puskesos_desk.domain.enums import ReferralStatus, SiteRole
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.domain.records import HouseholdDraft, MemberDraft
from puskesos_desk.domain.referrals import ReferralChange
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.referrals import change_status
from puskesos_desk.services.registration import register_household
from tests.cli._helpers import query, scalar
from tests.exchange.test_libreoffice import SOFFICE, resave
from tests.exchange.workbooks import header_index

DISTRICT = "33.22"
SUMOGAWE, SAMIRONO, GENUK = "33.22.01.2007", "33.22.01.2008", "33.22.18.1007"  # Getasan ×2, Ungaran Barat
DEMO_HOUSEHOLDS = "30"  # enough for slips still waiting for an answer in every village

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def _ctx(url: str, code: str, role: SiteRole) -> tuple[Database, ServiceContext]:
    db = Database(url)
    return db, ServiceContext(db, Actor.cli("pytest", site_code=code, site_role=role))


def _ok(result) -> dict:  # type: ignore[no-untyped-def]
    assert result.rc == 0, (result.out, result.err)
    return result.json()


def _register_same_person(village: str, code: str, twin: tuple) -> None:
    """The person of another village registers here too, living with relatives (moved, and nobody knew): same
    NIK, name and birth date."""
    nik, name, birth_date, sex = twin
    db, ctx = _ctx(village, code, SiteRole.DESA)
    try:
        register_household(ctx, HouseholdDraft(
            members=(MemberDraft(name="Sutrisno", relation="KEPALA_KELUARGA", sex="L", birth_date=date(1961, 3, 2),
                                 nik="", no_nik_reason="HILANG", birth_place="Kab. Semarang"),
                     MemberDraft(name=name, relation="FAMILI_LAIN", sex=sex, birth_date=birth_date, nik=nik,
                                 birth_place="Kab. Semarang")),
            kk_number="", no_kk_reason="TIDAK_TAHU", address="Dusun Ngrawan", rt="2", rw="1", hamlet="Ngrawan"))
    finally:
        db.dispose()


def _answer_agency_workbook(template: Path, target: Path, acted_on: object) -> str:
    """Fill the first row as the agency would: done, fully served. Returns the letter number it answered."""
    workbook = openpyxl.load_workbook(template)
    sheet = workbook[aw.DATA_SHEET]
    columns = header_index(sheet)
    number = str(sheet.cell(row=2, column=columns[aw.H_NUMBER]).value)
    sheet.cell(row=2, column=columns[aw.H_STATUS]).value = "SELESAI"
    sheet.cell(row=2, column=columns[aw.H_OUTCOME]).value = "TERLAYANI_PENUH"
    sheet.cell(row=2, column=columns[aw.H_ACTED_ON]).value = acted_on
    workbook.save(target)
    workbook.close()
    return number


def test_three_villages_to_the_district_and_back(run_cli, fresh_location: Callable[[str], str], tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PUSKESOS_ADMIN_PASSWORD", "sandi-admin-e2e-7")
    district = fresh_location("kabupaten.db")
    _ok(run_cli("init", "--db", district, "--site", DISTRICT, "--role", "kabupaten", "--name",
                "Sekretariat SLRT Kabupaten Semarang", "--json"))
    district_card = tmp_path / "kartu-kabupaten.json"
    _ok(run_cli("site-card", "--db", district, "--out", district_card, "--json"))

    # Two villages join on their own and exchange cards; the third starts from the district's set-up file.
    villages: dict[str, str] = {}
    for seed, code in enumerate((SUMOGAWE, SAMIRONO), 11):  # own seeds: neighbours must not share residents
        path = villages[code] = fresh_location(f"desa-{code}.db")
        _ok(run_cli("demo", "--db", path, "--site", code, "--households", DEMO_HOUSEHOLDS, "--seed", seed,
                    "--json"))
        card = tmp_path / f"kartu-{code}.json"
        _ok(run_cli("site-card", "--db", path, "--out", card, "--json"))
        _ok(run_cli("village", "add", "--db", district, "--card", card, "--json"))
        _ok(run_cli("trust", "--db", path, "--card", district_card, "--json"))
    setup = tmp_path / "penyiapan-genuk.json"
    _ok(run_cli("village", "add", "--db", district, "--site", GENUK, "--name", "Puskesos Kelurahan Genuk",
                "--setup-out", setup, "--json"))
    villages[GENUK] = fresh_location("desa-genuk.db")
    _ok(run_cli("init", "--db", villages[GENUK], "--setup", setup, "--json"))
    _ok(run_cli("demo", "--db", villages[GENUK], "--households", DEMO_HOUSEHOLDS, "--seed", 13, "--json"))

    # A Sumogawe resident is registered in Samirono as well.
    twin_id, nik, name, birth_date, sex = query(
        villages[SUMOGAWE], "SELECT id, nik, name, birth_date, sex FROM person WHERE nik IS NOT NULL "
                            "AND relation = 'KEPALA_KELUARGA' ORDER BY nik LIMIT 1")[0]
    _register_same_person(villages[SAMIRONO], SAMIRONO, (nik, name, date.fromisoformat(birth_date), sex))
    twin_in_samirono = scalar(villages[SAMIRONO], "SELECT id FROM person WHERE nik = ?", (nik,))

    # Each village exports; Genuk's package goes through LibreOffice on the way.
    packages = []
    for code, path in villages.items():
        made = _ok(run_cli("export", "--db", path, "--out", tmp_path / f"paket-{code}.xlsx", "--json"))
        packages.append(Path(made["path"]))
    packages[2] = resave(packages[2], tmp_path)

    imported = _ok(run_cli("import", "--db", district, *packages, "--json"))
    assert [entry["status"] for entry in imported["packages"]] == ["applied"] * 3, imported
    listing = _ok(run_cli("village", "list", "--db", district, "--json"))
    assert {v["code"] for v in listing["villages"]} == {SUMOGAWE, SAMIRONO, GENUK}
    for code in villages:
        households = scalar(villages[code], "SELECT count(*) FROM household WHERE deleted_at IS NULL")
        assert scalar(district, "SELECT count(*) FROM household WHERE origin_site = ? AND deleted_at IS NULL",
                      (code,)) == households

    # Outcomes: one from an agency workbook, one by letter number at the secretariat's desk.
    waiting = query(district, "SELECT status, count(*) FROM referral GROUP BY status")
    assert dict(waiting).get(ReferralStatus.DIKIRIM.value, 0) >= 2, waiting
    template = _ok(run_cli("outcomes", "template", "--db", district, "--out", tmp_path / "lembar-instansi.xlsx",
                           "--json"))
    assert template["rows"] > 0
    db, ctx = _ctx(district, DISTRICT, SiteRole.KABUPATEN)
    today = ctx.today()
    db.dispose()
    by_workbook = _answer_agency_workbook(Path(template["path"]), tmp_path / "lembar-terisi.xlsx", today)
    outcome = _ok(run_cli("outcomes", "import", tmp_path / "lembar-terisi.xlsx", "--db", district, "--json"))
    assert outcome["numbers"] == [by_workbook]
    by_number, referral_id = query(district, "SELECT letter_number, id FROM referral WHERE status = ? "
                                             "AND letter_number != ? ORDER BY letter_number LIMIT 1",
                                   (ReferralStatus.DIKIRIM.value, by_workbook))[0]
    db, ctx = _ctx(district, DISTRICT, SiteRole.KABUPATEN)
    try:
        change_status(ctx, ReferralChange(referral_id=referral_id, status=ReferralStatus.DITERIMA,
                                          source="TELEPON", notes="Diterima Dinas Sosial"))
    finally:
        db.dispose()

    # The Manajer SLRT approves a household change request.
    pending = _ok(run_cli("changes", "list", "--db", district, "--json"))
    request = pending["changes"][0]
    _ok(run_cli("changes", "decide", request["id"], "--approve", "--reason", "Sesuai dokumen", "--db", district,
                "--json"))

    # The person in two villages: keep Sumogawe's record, merge Samirono's into it.
    pairs = _ok(run_cli("duplicates", "list", "--db", district, "--json"))
    pair_ids = [{pair["left"]["person_id"], pair["right"]["person_id"]} for pair in pairs["candidates"]]
    assert {twin_id, twin_in_samirono} in pair_ids
    _ok(run_cli("duplicates", "merge", "--survivor", twin_id, "--duplicate", twin_in_samirono,
                "--reason", "Pindah ke Sumogawe", "--db", district, "--json"))

    # Return packages for every village; each village imports its own.
    out_dir = tmp_path / "balasan"
    out_dir.mkdir()
    returned = _ok(run_cli("export", "--all-villages", "--out-dir", out_dir, "--db", district, "--json"))
    assert {p["village"] for p in returned["packages"]} == set(villages)
    for package in returned["packages"]:
        applied = _ok(run_cli("import", "--db", villages[package["village"]], package["path"], "--json"))
        assert applied["status"] == "applied", applied

    home = dict(villages)
    answered = {number: home[code] for number, code in query(
        district, "SELECT letter_number, origin_site FROM referral WHERE letter_number IN (?, ?)",
        (by_workbook, by_number))}
    assert scalar(answered[by_workbook], "SELECT status FROM referral WHERE letter_number = ?",
                  (by_workbook,)) == "SELESAI"
    assert scalar(answered[by_workbook], "SELECT outcome FROM referral WHERE letter_number = ?",
                  (by_workbook,)) == "TERLAYANI_PENUH"
    assert scalar(answered[by_number], "SELECT status FROM referral WHERE letter_number = ?",
                  (by_number,)) == "DITERIMA"

    asker = home[request["village_code"]]
    status, where, payload = query(asker, "SELECT status, decided_where, payload FROM household_change_request "
                                          "WHERE id = ?", (request["id"],))[0]
    assert (status, where) == ("DISETUJUI", "kabupaten")
    assert "applied_at_village" in json.loads(payload) or "village_apply_problem" in json.loads(payload)

    duplicate_of, deleted_at = query(villages[SAMIRONO], "SELECT duplicate_of, deleted_at FROM person WHERE id = ?",
                                     (twin_in_samirono,))[0]
    assert duplicate_of == twin_id and deleted_at is not None
    assert scalar(villages[SUMOGAWE], "SELECT deleted_at FROM person WHERE id = ?", (twin_id,)) is None
    for code in (SUMOGAWE, SAMIRONO):
        assert scalar(villages[code], "SELECT count(*) FROM person_merge WHERE duplicate_person_id = ?",
                      (twin_in_samirono,)) == 1
    assert scalar(villages[GENUK], "SELECT count(*) FROM person_merge") == 0
