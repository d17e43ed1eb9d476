"""Name search at district scale (issue 9): the distinct normalised name keys with a trigram index, and the
vocabulary of name words, kept current by triggers on person (data/repositories/name_search.py uses them).

Both backends: `person_name_key(id, name_key, persons)` and `person_name_word(word, name_keys)`.
SQLite: the FTS5 trigram table `person_name_fts` over person_name_key, and row triggers.
PostgreSQL: the pg_trgm extension (trusted since PostgreSQL 13, so the database owner may create it), a GIN trigram
index on person_name_key.name_key, and PL/pgSQL statement triggers.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from puskesos_desk.data.repositories import name_search

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "person_name_key",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("persons", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_person_name_key"),
        sa.UniqueConstraint("name_key", name="uq_person_name_key_name_key"),
    )
    op.create_table(
        "person_name_word",
        sa.Column("word", sa.String(length=200), nullable=False),
        sa.Column("name_keys", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("word", name="pk_person_name_word"),
    )
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE person_name_fts USING fts5(name_key, content='person_name_key', "
                   "content_rowid='id', tokenize='trigram')")
        name_search.fill_sqlite_index(connection)
        name_search.install_sqlite_triggers(connection)
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    name_search.fill_postgres_index(connection)
    op.execute("CREATE INDEX ix_person_name_key_trgm ON person_name_key USING gin (name_key gin_trgm_ops)")
    name_search.install_postgres_triggers(connection)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in name_search.SQLITE_TRIGGER_NAMES:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE person_name_fts")
    else:
        for on, trigger, *_ in name_search.POSTGRES_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {on}")
        op.execute("DROP FUNCTION IF EXISTS person_name_key_sync()")
        op.execute("DROP FUNCTION IF EXISTS person_name_word_sync()")
        # pg_trgm stays: harmless, and other objects of the database may use it.
    op.drop_table("person_name_word")
    op.drop_table("person_name_key")
