"""Bulk inserts of persons on SQLite without the name search index's row trigger, caught up once per batch.

The row trigger `person_name_key_person_ai` (migration 0010) upserts one name key per inserted person. In a bulk
load that upsert lands on a random page of person_name_key while the insert itself lands on random pages of
person's nine indexes. Measured at 100,000 persons (CPU seconds of the inserts, 64 MB page cache): 14.8 with the
trigger; 11.1 with a trigger that only checks a "paused" flag in its WHEN clause (firing a row trigger costs even
when it does nothing); 6.7 with the trigger dropped for the batch and one grouped, key-ordered upsert after it.

So the batch drops the trigger, inserts, puts the trigger back exactly as it was (its SQL is read from the schema,
not repeated here), and counts the batch's new persons in one statement: the same counts the trigger would have
kept. All of it happens inside the caller's write transaction, and SQLite's DDL is transactional: another
connection never sees the trigger missing, and a failed or interrupted batch rolls back to the trigger in place.
The update and delete triggers stay, so a person changed later in the same transaction is counted from a correct
starting point. PostgreSQL keeps the index with statement triggers, which are already set-based: nothing to do
there.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection

TRIGGER = "person_name_key_person_ai"

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
    definition = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (TRIGGER,)).scalar()
    if definition is None:  # a schema without the search index (before migration 0010): nothing to keep current
        yield
        return
    before = connection.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM person").scalar()
    connection.exec_driver_sql(f"DROP TRIGGER {TRIGGER}")
    yield  # on an error the caller's transaction rolls back, the trigger with it
    connection.exec_driver_sql(definition)
    connection.exec_driver_sql(_CATCH_UP, (before,))
