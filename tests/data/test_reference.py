"""Reference data as loaded into the database: regions and the holiday table behind working-day arithmetic."""

from __future__ import annotations

from datetime import date

from puskesos_desk.data.repositories import holidays, regions


def test_all_kemendagri_regions_are_loaded(seeded_db) -> None:
    with seeded_db.db.reading() as session:
        assert regions.count_by_level(session) == {1: 38, 2: 514, 3: 7_285, 4: 83_762}


def test_region_lookup_by_code_and_path(seeded_db) -> None:
    with seeded_db.db.reading() as session:
        village = regions.get_region(session, "33.22.01.2007")
        assert village is not None
        assert (village.name, village.kind, village.parent_code, village.postal_code) == (
            "Sumogawe", "desa", "33.22.01", "50774")
        assert regions.get_region(session, "33.73.04.1001").kind == "kelurahan"
        assert regions.get_region(session, "33.22.01.9999") is None
        assert regions.region_path(session, "33.22.01.2007") == "Sumogawe, Getasan, Kabupaten Semarang, Jawa Tengah"
        assert [r.name for r in regions.children(session, "33.22.01")][:3] == sorted(
            r.name for r in regions.children(session, "33.22.01"))[:3]


def test_region_lookup_by_name_within_a_kecamatan(seeded_db) -> None:
    with seeded_db.db.reading() as session:
        for spelling in ("Sumogawe", "SUMOGAWE", "Desa Sumogawe", "desa  sumogawe", "DESA. SUMOGAWE"):
            assert [r.code for r in regions.find_in_district(session, "33.22.01", spelling)] == ["33.22.01.2007"]
        assert [r.code for r in regions.find_in_district(session, "33.73.04", "Kel. Kecandran")] == ["33.73.04.1001"]
        # The same name in another kecamatan is not a match.
        assert regions.find_in_district(session, "33.22.02", "Sumogawe") == []


def test_working_days_use_the_holiday_table_and_say_when_a_year_is_unknown(seeded_db) -> None:
    with seeded_db.db.reading() as session:
        calendar = holidays.work_calendar(session)
    # Idulfitri 2026: 19 (Nyepi), 20–24 March are holidays or cuti bersama; Saturday 21 and Sunday 22 anyway.
    due = calendar.add_working_days(date(2026, 3, 18), 1)
    assert due.value == date(2026, 3, 25) and due.exact
    # 2031 is a year lokal-id has no list for: weekends only, and the result says so.
    unknown = calendar.add_working_days(date(2031, 3, 10), 5)
    assert unknown.value == date(2031, 3, 17)
    assert unknown.uncovered_years == (2031,) and "2031" in (unknown.note() or "")


def test_a_local_decree_added_to_the_table_moves_due_dates(seeded_db) -> None:
    before = None
    with seeded_db.db.reading() as session:
        before = holidays.work_calendar(session).add_working_days(date(2026, 11, 20), 2).value
    with seeded_db.db.transaction(seeded_db.cli.actor) as session:
        holidays.add_holiday(session, day=date(2026, 11, 23), name="Cuti bersama daerah", kind="lokal",
                             source="SK Bupati (uji)")
    with seeded_db.db.reading() as session:
        after = holidays.work_calendar(session).add_working_days(date(2026, 11, 20), 2).value
        listed = holidays.holidays_in_year(session, 2026)
    assert (before, after) == (date(2026, 11, 24), date(2026, 11, 25))
    assert (date(2026, 11, 23), "Cuti bersama daerah", "lokal") in listed
