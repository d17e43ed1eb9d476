"""Indexes built once after a load larger than the table (data/bulk.indexes_deferred): on SQLite the plain
secondary indexes are dropped for the load and created again from their own SQL inside the same transaction; on
PostgreSQL nothing changes. Either way the import's result is the same and the database stays sound."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from backends import ON_POSTGRES, rows

from puskesos_desk.data import bulk
from puskesos_desk.domain.exchange_package import ImportStatus, RowClass
from puskesos_desk.services import exchange_import
from puskesos_desk.services.exchange_export import export_package
from puskesos_desk.services.exchange_import import import_package
from tests.exchange.conftest import Linked

PLAIN_PERSON_INDEXES = {"ix_person_birth_date", "ix_person_created_at", "ix_person_duplicate_name",
                        "ix_person_duplicate_nik", "ix_person_household_id", "ix_person_live_name_key",
                        "ix_person_name_key", "ix_person_nik"}


def index_sql(session: Any, table: str) -> dict[str, str | None]:
    """name → CREATE statement (None for the indexes behind PRIMARY KEY and UNIQUE) of one table's indexes."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        found = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                           "tbl_name = ?", (table,)).all()
    else:
        found = connection.exec_driver_sql("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s",
                                           (table,)).all()
    return {name: sql for name, sql in found}


def test_a_load_larger_than_the_table_drops_plain_indexes_and_builds_them_again(linked: Linked) -> None:
    db = linked.village.db
    with db.reading() as session:
        before = index_sql(session, "person")
    assert set(before) >= PLAIN_PERSON_INDEXES

    with db.transaction(linked.village.cli.actor) as session:
        with bulk.indexes_deferred(session, {"person": 10**6, "household": 1}, floor=1):
            during = index_sql(session, "person")
            household_during = index_sql(session, "household")
        after = index_sql(session, "person")

    if ON_POSTGRES:
        assert during == before  # PostgreSQL keeps its indexes through a load
    else:
        assert set(during) == set(before) - PLAIN_PERSON_INDEXES
        assert all(sql is None or "UNIQUE" in sql for sql in during.values())  # keys and unique numbers stay
        with db.reading() as session:
            assert household_during == index_sql(session, "household")  # 1 row is fewer than the table holds
    assert after == before


@pytest.mark.parametrize(("expected", "floor"), [(10, 1), (10**6, 10**7)], ids=["fewer-than-held", "under-floor"])
def test_small_loads_keep_every_index(linked: Linked, expected: int, floor: int) -> None:
    db = linked.village.db
    with db.transaction(linked.village.cli.actor) as session:
        before = index_sql(session, "person")
        with bulk.indexes_deferred(session, {"person": expected}, floor=floor):
            assert index_sql(session, "person") == before


def test_a_load_that_fails_leaves_every_index_in_place(linked: Linked) -> None:
    db = linked.village.db
    with db.reading() as session:
        before = index_sql(session, "person")

    with pytest.raises(RuntimeError, match="power cut"), db.transaction(linked.village.cli.actor) as session, \
            bulk.indexes_deferred(session, {"person": 10**6}, floor=1):
        raise RuntimeError("power cut")

    with db.reading() as session:
        assert index_sql(session, "person") == before


def test_an_import_with_indexes_built_afterwards_gives_a_sound_database(linked: Linked, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # The demo village is small: with the floor at 1 its first package outnumbers every table at the district.
    monkeypatch.setattr(exchange_import, "indexes_deferred", functools.partial(bulk.indexes_deferred, floor=1))
    package = export_package(linked.village.cli, tmp_path / "desa-1.xlsx", full=True)
    with linked.district.db.reading() as session:
        before = {table: index_sql(session, table) for table in ("person", "household", "membership", "visit")}

    outcome = import_package(linked.district.cli, package.path)

    assert outcome.status is ImportStatus.APPLIED and outcome.rows[RowClass.NEW] > 600
    with linked.district.db.reading() as session:
        assert {table: index_sql(session, table) for table in before} == before
    if not ON_POSTGRES:
        assert rows(linked.district, "PRAGMA integrity_check") == [("ok",)]  # every index holds every row
    villagers = rows(linked.village, "SELECT nik FROM person WHERE nik IS NOT NULL AND deleted_at IS NULL")
    nik = villagers[0][0]
    found = rows(linked.district, "SELECT count(*) FROM person WHERE nik = ?", nik)  # through ix_person_nik
    assert found == [(1,)]
