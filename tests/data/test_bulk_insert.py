"""The bulk insert of an import (repositories/exchange_rows._insert_sqlite) stores every value exactly as
SQLAlchemy's own insert does: the same text for moments (in any time zone, with and without microseconds), dates,
booleans and JSON, also when one value object is shared by many rows or converted once and reused."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import insert

from puskesos_desk.data.db import Database
from puskesos_desk.data.orm.base import UTCDateTime
from puskesos_desk.data.orm.household import Household
from puskesos_desk.data.repositories import exchange_rows
from puskesos_desk.domain.permissions import Actor
from puskesos_desk.services.bootstrap import open_database

ACTOR = Actor.cli("pytest")
WIB = timezone(timedelta(hours=7))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "bulk.db"
    open_database(f"sqlite:///{path}").db.dispose()
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


def _rows(household_id: str) -> list[dict[str, object]]:
    shared_warnings = {"warnings": []}  # one object on many rows, as the reader sends a clean NIK
    moments = [datetime(2026, 11, 24, 3, 4, 5, tzinfo=UTC), datetime(2026, 11, 24, 10, 4, 5, 123456, tzinfo=WIB),
               datetime(2025, 1, 1, tzinfo=WIB), datetime(2026, 11, 24, 3, 4, 5, tzinfo=UTC)]
    rows = []
    for index, moment in enumerate(moments * 2):
        rows.append({
            "id": str(uuid.uuid4()), "household_id": household_id, "name": f"Warga {index}", "name_key": f"W{index}",
            "sex": "L" if index % 2 else "P", "relation": "ANAK", "birth_place": "", "residence_status": "TETAP",
            "citizenship": "WNI", "birth_date": date(1990 + index, 1 + index, 2) if index % 3 else None,
            "nik_check": shared_warnings if index % 2 else {"warnings": [f"peringatan {index}"]},
            "documents": ["KTP", "KK"] if index == 3 else [], "disability": [],
            "pregnant": (index % 3 == 0) if index % 2 else None,
            "created_at": moment, "created_by": "pytest", "updated_at": moments[0], "updated_by": "pytest",
            "row_version": 1, "deleted_at": moment if index == 5 else None,
        })
    return rows


def _stored(path: str, ids: list[str]) -> list[tuple[object, ...]]:
    """Every column of each row as SQLite holds it (its type and its text), the id left out."""
    with closing(sqlite3.connect(path)) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(person)") if row[1] != "id"]
        select = ", ".join(f'typeof("{c}"), quote("{c}")' for c in columns)
        return [connection.execute(f"SELECT {select} FROM person WHERE id = ?", (record_id,)).fetchone()
                for record_id in ids]


def test_bulk_rows_are_stored_as_sqlalchemy_stores_them(db: Database, tmp_path: Path) -> None:
    with db.transaction(ACTOR) as session:
        household = Household(number="H-1", head_name="Kepala", rt="001", rw="002", village_code="33.22.01.2007")
        session.add(household)
        session.flush()
        household_id = household.id
    by_sqlalchemy, by_bulk = _rows(household_id), _rows(household_id)
    with db.transaction(ACTOR) as session:
        session.execute(insert(exchange_rows.table("person")), by_sqlalchemy)
        exchange_rows.insert_rows(session, "person", by_bulk)

    path = str(tmp_path / "bulk.db")
    expected = _stored(path, [row["id"] for row in by_sqlalchemy])
    assert _stored(path, [row["id"] for row in by_bulk]) == expected
    stored = {pair for row in expected for pair in zip(row[::2], row[1::2], strict=True)}
    assert {("text", "'2026-11-24 03:04:05.000000'"), ("text", "'2026-11-24 03:04:05.123456'"),
            ("text", "'2024-12-31 17:00:00.000000'"), ("integer", "1"), ("integer", "0")} <= stored


def test_a_moment_is_stored_in_utc_and_a_naive_one_is_refused() -> None:
    assert UTCDateTime.sqlite_text(datetime(2026, 11, 24, 10, 0, tzinfo=WIB)) == "2026-11-24 03:00:00.000000"
    assert UTCDateTime.sqlite_text(None) is None
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime.sqlite_text(datetime(2026, 11, 24, 10, 0))
