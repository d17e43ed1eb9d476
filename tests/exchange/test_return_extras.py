"""Return packages carry the district's holiday calendar and each village's slice of the district's DTSEN extract:
every village gets them once (a delta after the village acknowledged carries none again); its working-day calendar
then equals the district's and its register is exactly its slice; a slice edited in Excel refuses the package."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from backends import DbLocation, clone, drop, rows
from conftest import SITE_CODE, SiteFixture
from sqlalchemy import inspect, text

from puskesos_desk.data.db import Database
from puskesos_desk.data.migrate import alembic_config, upgrade_database
from puskesos_desk.data.repositories import holidays
from puskesos_desk.data.repositories.register import load_register_rows
from puskesos_desk.domain.exchange_package import ImportStatus
from puskesos_desk.domain.exchange_sheets import HOLIDAY_YEARS, HOLIDAYS
from puskesos_desk.domain.holiday_ids import holiday_id, holiday_year_id
from puskesos_desk.domain.register_slice import REGISTER_SLICE
from puskesos_desk.domain.workdays import WorkCalendar
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from puskesos_desk.services.exchange_return import export_all_villages
from puskesos_desk.services.extract_check import household_check
from puskesos_desk.services.extract_import import import_extract
from tests.exchange.conftest import DISTRICT_CODE, Linked
from tests.exchange.scenarios import trusted_village
from tests.exchange.workbooks import find_row, rows_of, set_cells
from tests.extract.workbooks import nik, siks_workbook

SECOND_CODE = "33.22.01.2008"
LOCAL_DAY = date(2026, 12, 7)  # a Monday: the district's own holiday moves a deadline
LOCAL_NAME = "Hari Jadi Kabupaten Semarang (uji)"
SLICE_SHEET = REGISTER_SLICE.name


@pytest.fixture
def second_village(linked: Linked, seeded_location: DbLocation, tmp_path: Path) -> Iterator[SiteFixture]:
    with trusted_village(seeded_location, linked.district, tmp_path / "village2.db", SECOND_CODE,
                         "Puskesos Desa Kedua") as site:
        yield site


def _calendar(site: SiteFixture) -> WorkCalendar:
    with site.db.reading() as session:
        return holidays.work_calendar(session)


def _acknowledge(village: SiteFixture, district: SiteFixture, folder: Path) -> None:
    """The village answers with its own package; importing it tells the district what the village applied."""
    answer = export_package(village.cli, folder / f"{village.cli.actor.site_code}-jawab.xlsx")
    assert import_package(district.cli, answer.path).status is ImportStatus.APPLIED


def test_holidays_travel_once_to_every_village_and_set_its_calendar(linked: Linked, second_village: SiteFixture,
                                                                    tmp_path: Path) -> None:
    district = linked.district
    with district.db.transaction(district.cli.actor) as session:
        holidays.add_holiday(session, day=LOCAL_DAY, name=LOCAL_NAME, kind="lokal", source="Perbup (uji)")
        holidays.mark_year_known(session, year=2031, decree="SKB 3 Menteri (uji)", source="uji")
    assert _calendar(linked.village) != _calendar(district)  # the village does not know the district's day yet

    first = tmp_path / "pertama"
    first.mkdir()
    outcome = export_all_villages(district.cli, first)
    assert [p.village for p in outcome.packages] == [SITE_CODE, SECOND_CODE]
    for package, village in zip(outcome.packages, (linked.village, second_village), strict=True):
        assert package.outcome.rows[HOLIDAYS.name] > 0 and package.outcome.rows[HOLIDAY_YEARS.name] > 0
        assert import_package(village.cli, package.outcome.path).status is ImportStatus.APPLIED
        assert _calendar(village) == _calendar(district)
        assert LOCAL_DAY in _calendar(village).holidays and 2031 in _calendar(village).covered_years
        # A deadline one working day after the Friday before the district's own holiday falls on the Tuesday.
        assert _calendar(village).add_working_days(date(2026, 12, 4), 1).value == date(2026, 12, 8)
        _acknowledge(village, district, tmp_path)

    second = tmp_path / "kedua"
    second.mkdir()
    again = export_all_villages(district.cli, second)
    assert [(p.outcome.rows[HOLIDAYS.name], p.outcome.rows[HOLIDAY_YEARS.name]) for p in again.packages] == [
        (0, 0), (0, 0)]


# --- the village's slice of the district's DTSEN extract --------------------------------------------------------

OTHER_CODE = "33.22.01.2001"  # a village of the district that is not a trusted site here
AS_OF = date(2026, 10, 1)


def _head_with_nik(village: SiteFixture) -> tuple[str, str]:
    """(household id, NIK) of a head of household of the demo village."""
    return rows(village, "SELECT h.id, p.nik FROM household h JOIN person p ON p.id = h.head_person_id "
                         "WHERE p.nik IS NOT NULL AND h.deleted_at IS NULL ORDER BY h.id LIMIT 1")[0]


def _extract_rows(head_nik: str) -> list[dict[str, object]]:
    return [
        {"nik": head_nik, "nama": "KEPALA DARI DESA", "kode_desa": SITE_CODE.replace(".", ""), "desil_nasional": 2,
         "bansos_pkh": "YA"},
        {"nik": nik(1, 2, 1981, 41), "nama": "WARGA SUMOGAWE", "kode_desa": SITE_CODE, "desil_nasional": 5},
        {"nik": nik(1, 2, 1982, 42), "nama": "WARGA DESA KEDUA", "kode_desa": SECOND_CODE, "desil_nasional": 1},
        {"nik": nik(1, 2, 1983, 43), "nama": "WARGA LAIN", "kode_desa": OTHER_CODE, "desil_nasional": 4},
    ]


def _district_extract(district: SiteFixture, head_nik: str, folder: Path) -> str:
    outcome = import_extract(district.cli, siks_workbook(folder / "dtsen-kabupaten.xlsx", _extract_rows(head_nik)),
                             as_of=AS_OF)
    assert outcome.status == "imported", outcome.messages
    assert outcome.batch_id is not None
    return outcome.batch_id


def _digits(code: str) -> str:
    return code.replace(".", "")  # an extract stores desa codes as 10 digits


def _register(site: SiteFixture) -> list[tuple[str, str]]:
    return rows(site, "SELECT r.nik, r.village_code FROM register_record r JOIN register_batch b "
                      "ON b.id = r.batch_id WHERE b.status = 'AKTIF' ORDER BY r.nik")


def test_each_village_gets_only_its_slice_as_its_new_active_extract(linked: Linked, second_village: SiteFixture,
                                                                    tmp_path: Path) -> None:
    district, village = linked.district, linked.village
    household_id, head_nik = _head_with_nik(village)
    batch_id = _district_extract(district, head_nik, tmp_path)
    load_register_rows_at(village)  # the village's own, older extract, which the district's slice replaces
    before = rows(village, "SELECT id FROM register_batch WHERE status = 'AKTIF'")

    out = tmp_path / "balasan"
    out.mkdir()
    first, second = export_all_villages(district.cli, out).packages
    assert first.outcome.rows[SLICE_SHEET] == 2 and second.outcome.rows[SLICE_SHEET] == 1
    assert sorted(r["NIK"] for r in rows_of(first.outcome.path, SLICE_SHEET)) == sorted([head_nik, nik(1, 2, 1981, 41)])

    assert import_package(village.cli, first.outcome.path).status is ImportStatus.APPLIED
    assert import_package(second_village.cli, second.outcome.path).status is ImportStatus.APPLIED
    assert _register(village) == sorted([(head_nik, _digits(SITE_CODE)), (nik(1, 2, 1981, 41), _digits(SITE_CODE))])
    assert _register(second_village) == [(nik(1, 2, 1982, 42), _digits(SECOND_CODE))]
    (active,) = rows(village, "SELECT id, as_of, source_label FROM register_batch WHERE status = 'AKTIF'")
    assert active[0] == batch_id and active[1] == AS_OF.isoformat() and DISTRICT_CODE in active[2]
    assert all(status == "DIGANTI" for (status,) in rows(
        village, f"SELECT status FROM register_batch WHERE id IN ({','.join('?' * len(before))})",
        *tuple(b for (b,) in before)))
    check = household_check(village.cli, household_id)
    (head,) = [m for m in check.found if m.member.nik == head_nik]
    assert head.row is not None and head.row.desil == 2 and head.row.programs == ("PKH",)

    # Once the villages acknowledged it, the next packages carry no slice; the same slice again changes nothing.
    for site in (village, second_village):
        _acknowledge(site, district, tmp_path)
    again = tmp_path / "lagi"
    again.mkdir()
    assert [p.outcome.rows[SLICE_SHEET] for p in export_all_villages(district.cli, again).packages] == [0, 0]
    full = export_package(district.cli, tmp_path / "lengkap.xlsx", full=True, receiver=SITE_CODE)
    assert full.rows[SLICE_SHEET] == 2
    assert import_package(village.cli, full.path).status is ImportStatus.APPLIED
    assert rows(village, "SELECT id FROM register_batch WHERE status = 'AKTIF'") == [(batch_id,)]


def test_a_slice_row_edited_in_excel_refuses_the_package_and_nothing_changes(linked: Linked,
                                                                            tmp_path: Path) -> None:
    district, village = linked.district, linked.village
    _, head_nik = _head_with_nik(village)
    _district_extract(district, head_nik, tmp_path)
    register_before = _register(village)
    package = export_package(district.cli, tmp_path / "paket.xlsx", receiver=SITE_CODE)
    row = find_row(package.path, SLICE_SHEET, "NIK", head_nik)
    edited = set_cells(package.path, tmp_path / "diubah.xlsx", SLICE_SHEET, row, {"DESIL NASIONAL": 1})

    outcome = import_package(village.cli, edited)
    assert outcome.status is ImportStatus.REJECTED and outcome.messages[0].code == "MANIFEST_MISMATCH"
    assert _register(village) == register_before
    assert rows(village, "SELECT COUNT(*) FROM exchange_package WHERE direction = 'MASUK'") == [(0,)]
    # The file as signed still applies.
    assert import_package(village.cli, package.path).status is ImportStatus.APPLIED
    assert (head_nik, _digits(SITE_CODE)) in _register(village)


def load_register_rows_at(site: SiteFixture) -> None:
    with site.db.transaction(site.cli.actor) as session:
        load_register_rows(session, dataset="DTSEN", as_of=date(2026, 4, 1), file_name="lokal.xlsx",
                           rows=[{"nik": nik(7, 7, 1977, 77), "name": "WARGA LAMA", "village_code": SITE_CODE}])


def _back_to_0007(db: Database) -> None:
    """Alembic's own downgrade to the schema before 0008, whatever revisions came after it."""
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")


def test_migration_0008_gives_holidays_the_ids_every_site_derives(seeded_location: DbLocation,
                                                                   tmp_path: Path) -> None:
    """A site seeded with random holiday IDs (as every site was before 0008) ends with the derived ones."""
    location = clone(seeded_location, tmp_path, "lama.db")
    db = Database(location.url)
    try:
        _back_to_0007(db)
        with db.engine.begin() as connection:
            for table in ("holiday", "holiday_year"):
                ids = connection.execute(text(f"SELECT id FROM {table}")).scalars().all()
                connection.execute(text(f"UPDATE {table} SET id = :new WHERE id = :old"),
                                   [{"new": uuid.uuid4().hex, "old": old} for old in ids])
        upgrade_database(db, backup=False)
        indexes = {index["name"] for index in inspect(db.engine).get_indexes("register_record")}

        days = rows(location, "SELECT id, day, name FROM holiday")
        years = rows(location, "SELECT id, year FROM holiday_year")
    finally:
        db.dispose()
        drop(location)
    assert days and years
    assert all(record_id == holiday_id(date.fromisoformat(day), name) for record_id, day, name in days)
    assert all(record_id == holiday_year_id(year) for record_id, year in years)
    assert "ix_register_record_batch_village" in indexes
