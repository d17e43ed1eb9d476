"""Bulk inserts of persons on SQLite without the name search index's row trigger, caught up once per batch.

The row trigger `person_name_key_person_ai` upserts one name key per inserted person. In a bulk load that upsert
lands on a random page of person_name_key while the insert itself lands on random pages of person's nine indexes,
and with both the working set no longer fits the page cache: at 100,000 persons the inserts took 23.7 s of CPU with
the trigger against 9.0 s without it. So while a batch goes in, a row in `person_name_index_pause` makes the trigger
step aside (its WHEN clause, migration 0014), and one grouped, key-ordered upsert then counts the batch's new
persons (5.2 s for the same load, with data/bulk.py's larger cache): the same counts the trigger would have kept.

The pause lives only inside the caller's write transaction and ends before the batch returns: another connection
never sees it (SQLite writers are serialised and readers see committed data only), and a failed batch rolls the
pause back with everything else. The update and delete triggers never pause, so a person changed later in the
same transaction is counted from a correct starting point. PostgreSQL keeps the index with statement triggers,
which are already set-based: nothing to pause there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy.engine import Connection

PAUSE_TABLE = "person_name_index_pause"

# The insert trigger of migration 0010, with the pause in its WHEN clause (migration 0014 swaps it in).
PAUSABLE_PERSON_INSERT = f"""CREATE TRIGGER person_name_key_person_ai AFTER INSERT ON person
    WHEN new.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM {PAUSE_TABLE}) BEGIN
        INSERT INTO person_name_key(name_key, persons) SELECT new.name_key, 1 WHERE true
            ON CONFLICT(name_key) DO UPDATE SET persons = persons + 1;
    END"""

# Persons get rowids above every existing one (max(rowid) + 1; the table is not AUTOINCREMENT, but the writer holds
# the database while the batch goes in), so "rowid > the largest before the batch" is exactly the batch.
_CATCH_UP = ("INSERT INTO person_name_key(name_key, persons) SELECT name_key, count(*) FROM person "
             "WHERE rowid > ? AND deleted_at IS NULL GROUP BY name_key ORDER BY name_key "
             "ON CONFLICT(name_key) DO UPDATE SET persons = persons + excluded.persons")


@contextmanager
def person_index_paused(connection: Connection) -> Iterator[None]:
    """Insert persons inside the block; their name keys are counted (and indexed for search) when it ends."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM person").scalar()
    connection.exec_driver_sql(f"INSERT INTO {PAUSE_TABLE} (paused) VALUES (1)")
    try:
        yield
    except BaseException:
        with suppress(Exception):  # the caller rolls back anyway; a broken connection must not hide the cause
            connection.exec_driver_sql(f"DELETE FROM {PAUSE_TABLE}")
        raise
    connection.exec_driver_sql(f"DELETE FROM {PAUSE_TABLE}")
    connection.exec_driver_sql(_CATCH_UP, (before,))
