"""Rotation of the automatic backups (7 daily, 4 weekly, 12 monthly), on names and on a real folder."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from puskesos_desk.data import backup_files
from puskesos_desk.domain.backup_rotation import backups_to_delete, backups_to_keep, newest

START = datetime(2026, 1, 1, 7, 30)


def daily(days: int, start: datetime = START, step: int = 1) -> list[tuple[str, datetime]]:
    return [(f"b{i:03d}", start + timedelta(days=i * step)) for i in range(days)]


def test_fewer_than_seven_backups_are_all_kept() -> None:
    assert backups_to_delete(daily(5)) == set()
    assert backups_to_delete([]) == set()


def test_a_year_of_daily_backups_keeps_seven_days_four_weeks_twelve_months() -> None:
    year = daily(400)
    kept = backups_to_keep(year)
    moments = sorted(moment for name, moment in year if name in kept)
    assert moments[-7:] == [moment for _, moment in year[-7:]]  # the last seven days
    assert len({(m.year, m.month) for m in moments}) == 12
    assert len(kept) <= 7 + 4 + 12
    assert {(m.year, m.month) for m in moments} >= {(2027, 2), (2026, 3)} and (2026, 1) not in {
        (m.year, m.month) for m in moments}


def test_the_newest_backup_of_a_month_is_the_one_kept_across_a_month_boundary() -> None:
    backups = [("jan-30", datetime(2026, 1, 30)), ("jan-31", datetime(2026, 1, 31)),
               ("feb-01", datetime(2026, 2, 1))]
    assert backups_to_keep(backups) == {"jan-30", "jan-31", "feb-01"}  # all within seven days
    many = daily(40, datetime(2026, 1, 1))  # 1 Jan .. 9 Feb
    kept = backups_to_keep(many)
    assert "b030" in kept  # 31 January: the newest of January
    assert "b029" not in kept  # 30 January: neither among the last 7 days nor the newest of its week or month


def test_gaps_of_days_keep_the_last_seven_backups_not_the_last_seven_calendar_days() -> None:
    sparse = daily(20, step=10)  # a PC switched on every ten days
    kept = backups_to_keep(sparse)
    assert {name for name, _ in sparse[-7:]} <= kept


def test_two_backups_on_one_day_keep_the_later() -> None:
    same_day = [("pagi", datetime(2026, 5, 4, 7)), ("siang", datetime(2026, 5, 4, 13))]
    assert backups_to_keep(same_day) == {"siang"}


def test_only_the_newest_pre_migration_backups_are_kept() -> None:
    assert newest(daily(9), 5) == {f"b{i:03d}" for i in range(4, 9)}


def test_a_folder_is_rotated_and_manual_and_unknown_files_are_left_alone(tmp_path: Path) -> None:
    for index in range(60):
        moment = START + timedelta(days=index)
        (tmp_path / backup_files.backup_name("33.22.01.2007", moment, backup_files.DAILY)).write_bytes(b"x")
    for index in range(8):
        (tmp_path / f"puskesos-2026010{index}-101010-123456-sebelum-migrasi-0012.db").write_bytes(b"x")
    manual = tmp_path / backup_files.backup_name("33.22.01.2007", START, backup_files.MANUAL, encrypted=True)
    manual.write_bytes(b"x")
    stranger = tmp_path / "catatan.txt"
    stranger.write_text("milik pengguna")
    deleted = backup_files.rotate(tmp_path)
    left = backup_files.list_backups(tmp_path)
    assert len([item for item in left if item.kind == backup_files.DAILY]) == len(
        backups_to_keep((f"b{i}", START + timedelta(days=i)) for i in range(60)))
    assert len([item for item in left if item.kind == backup_files.BEFORE_MIGRATION]) == 5
    assert manual.exists() and stranger.exists() and manual not in deleted
    assert backup_files.rotate(tmp_path) == []


@pytest.mark.parametrize("name", ["puskesos-33.22.01.2007-20261301-000000-harian.db", "replaced-x.db", "a.partial"])
def test_names_that_are_not_backups_are_ignored(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"x")
    assert backup_files.list_backups(tmp_path) == []
