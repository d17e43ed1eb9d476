"""Whole-table reads and writes for exchange packages, in SQLAlchemy Core.

A package moves tens of thousands of rows; going through the ORM would build an object, an audit event and a
version check per row. Here rows are plain dicts keyed by column name (the exchange sheets use the same keys),
read in streamed partitions and written with executemany. The caller audits the package as one event and each
update of an existing record as its own event (export and import services).

Also here: the per-peer bookkeeping (exchange_peer_record) that decides what the next delta holds and which
version of a record a peer already has.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Table, UniqueConstraint, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.audit import AuditEvent
from puskesos_desk.data.orm.base import Base, UTCDateTime
from puskesos_desk.data.orm.exchange import ExchangePeerRecord
from puskesos_desk.data.repositories.name_index_bulk import person_index_paused

_CHUNK = 500  # ids per IN (…) query: well under SQLite's 32,766 bound parameters
_PEER = ExchangePeerRecord.__table__

#: Tables whose records a district sends to one village only when they belong to it (issue 7 widens this).
_VILLAGE_OWNED = {"referral", "dtsen_proposal", "household_change_request"}


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def count_outgoing(session: Session, table_name: str, peer_code: str, *, full: bool,
                   village: str | None = None) -> int:
    query = _outgoing_query(table_name, peer_code, full=full, village=village)
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def outgoing_rows(session: Session, table_name: str, peer_code: str, *, full: bool, village: str | None = None,
                  partition: int = 2000) -> Iterator[tuple[dict[str, Any], int]]:
    """(row, the peer's version of it or 0) for every record the peer should receive, oldest first.

    Delta: records the peer has not confirmed at their current version (never sent, changed since, or sent in a
    package not yet acknowledged). Full: every record. `village`, for a district: only what belongs to that village.
    """
    query = _outgoing_query(table_name, peer_code, full=full, village=village)
    result = session.execute(query.execution_options(yield_per=partition))
    for part in result.partitions():
        for row in part:
            values = dict(row._mapping)
            peer_version = values.pop("__peer_version") or 0
            yield values, int(peer_version)


def _outgoing_query(table_name: str, peer_code: str, *, full: bool, village: str | None) -> Any:
    source = table(table_name)
    joined = source.outerjoin(_PEER, and_(_PEER.c.peer_code == peer_code, _PEER.c.table_name == table_name,
                                          _PEER.c.record_id == source.c.id))
    query = select(source, _PEER.c.peer_version.label("__peer_version")).select_from(joined)
    if not full:
        query = query.where(or_(_PEER.c.peer_version.is_(None), _PEER.c.peer_version != source.c.row_version))
    if village is not None:
        query = query.where(_belongs_to(table_name, source, village))
    return query.order_by(source.c.created_at, source.c.id)


def _belongs_to(table_name: str, source: Table, village: str) -> Any:
    if table_name in _VILLAGE_OWNED:
        return source.c.origin_site == village
    if table_name == "referral_event":
        referrals = table("referral")
        return source.c.referral_id.in_(select(referrals.c.id).where(referrals.c.origin_site == village))
    if table_name == "person_merge":  # both persons' villages learn of a merge; "not a duplicate" stays here
        persons = table("person")
        in_village = select(persons.c.id).where(persons.c.origin_site == village)
        return and_(source.c.decision == "DIGABUNG",
                    or_(source.c.duplicate_person_id.in_(in_village), source.c.survivor_person_id.in_(in_village)))
    return True  # the service directory and other reference data: every village gets it


def record_sent(session: Session, peer_code: str, table_name: str, sent: Iterable[tuple[str, int]],
                sequence: int) -> None:
    """Remember that package `sequence` carried these (record id, version) pairs to the peer."""
    rows = [{"peer_code": peer_code, "table_name": table_name, "record_id": record_id, "sent_version": version,
             "sent_sequence": sequence} for record_id, version in sent]
    _upsert(session, rows, ("sent_version", "sent_sequence"))


def record_peer_versions(session: Session, peer_code: str, table_name: str, versions: Iterable[tuple[str, int]],
                         at: datetime) -> None:
    """The peer holds these versions now (it sent them, or confirmed a package that carried them)."""
    rows = [{"peer_code": peer_code, "table_name": table_name, "record_id": record_id, "peer_version": version,
             "synced_at": at} for record_id, version in versions]
    _upsert(session, rows, ("peer_version", "synced_at"))


def acknowledge(session: Session, peer_code: str, sequences: set[int], at: datetime) -> int:
    """The peer applied our packages with these sequences: it holds what they carried. Returns the rows updated."""
    if not sequences:
        return 0
    done = 0
    ordered = sorted(sequences)
    for start in range(0, len(ordered), _CHUNK):
        part = ordered[start:start + _CHUNK]
        result = session.execute(
            update(_PEER)
            .where(_PEER.c.peer_code == peer_code, _PEER.c.sent_sequence.in_(part),
                   or_(_PEER.c.peer_version.is_(None), _PEER.c.peer_version < _PEER.c.sent_version))
            .values(peer_version=_PEER.c.sent_version, synced_at=at)
        )
        done += result.rowcount or 0
    return done


def peer_state(session: Session, peer_code: str, table_name: str, ids: Sequence[str]
               ) -> dict[str, tuple[int | None, datetime | None]]:
    """record id → (the peer's version as known, when it was learnt)."""
    known: dict[str, tuple[int | None, datetime | None]] = {}
    for part in _chunks(ids):
        rows = session.execute(select(_PEER.c.record_id, _PEER.c.peer_version, _PEER.c.synced_at).where(
            _PEER.c.peer_code == peer_code, _PEER.c.table_name == table_name, _PEER.c.record_id.in_(part)))
        for record_id, version, synced_at in rows:
            known[record_id] = (version, synced_at)
    return known


def _upsert(session: Session, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":  # the driver's executemany: SQLAlchemy's per-row handling was most of this upsert's time
        keys = ("peer_code", "table_name", "record_id")
        updates = ", ".join(f'"{column}" = excluded."{column}"' for column in columns)
        _insert_sqlite(session, _PEER.name, rows, f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}")
        return
    builder = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = builder(_PEER)
    statement = statement.on_conflict_do_update(
        index_elements=["peer_code", "table_name", "record_id"],
        set_={column: getattr(statement.excluded, column) for column in columns},
    )
    for start in range(0, len(rows), 5000):
        session.execute(statement, rows[start:start + 5000])


# --- records ----------------------------------------------------------------------------------------------------


def rows_by_id(session: Session, table_name: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    source = table(table_name)
    found: dict[str, dict[str, Any]] = {}
    for part in _chunks(ids):
        for row in session.execute(select(source).where(source.c.id.in_(part))):
            found[row.id] = dict(row._mapping)
    return found


def existing_ids(session: Session, table_name: str, ids: Sequence[str]) -> set[str]:
    source = table(table_name)
    found: set[str] = set()
    for part in _chunks(ids):
        found.update(session.scalars(select(source.c.id).where(source.c.id.in_(part))))
    return found


def values_taken(session: Session, table_name: str, column: str, values: Sequence[str]) -> dict[str, str]:
    """value → id of the record holding it, for unique columns (numbers) an incoming row must not collide with."""
    source = table(table_name)
    taken: dict[str, str] = {}
    for part in _chunks([v for v in values if v]):
        for value, record_id in session.execute(select(source.c[column], source.c.id)
                                                .where(source.c[column].in_(part))):
            taken[value] = record_id
    return taken


def insert_rows(session: Session, table_name: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        for start in range(0, len(rows), 5000):
            session.execute(insert(table(table_name)), rows[start:start + 5000])
        return
    if table_name == "person":  # the name search index is caught up once per batch, not once per row
        with person_index_paused(connection):
            _insert_sqlite(session, table_name, rows)
        return
    _insert_sqlite(session, table_name, rows)


def _insert_sqlite(session: Session, table_name: str, rows: list[dict[str, Any]], suffix: str = "") -> None:
    """The driver's executemany with each column's own bind processor (the same conversion SQLAlchemy applies, so
    dates, moments and JSON are stored exactly as the ORM stores them: tests/data/test_bulk_insert.py). SQLAlchemy's
    per-row parameter handling was half of an import's insert time at 100,000 persons. Every row must carry the
    keys of the first."""
    connection = session.connection()
    columns = list(dict.fromkeys(key for row in rows[:1] for key in row))
    source = table(table_name)
    processors = [_sqlite_processor(source.c[name].type, connection.dialect) for name in columns]
    quoted = ", ".join(f'"{name}"' for name in columns)
    sql = f'INSERT INTO "{table_name}" ({quoted}) VALUES ({", ".join("?" for _ in columns)}) {suffix}'
    # Most columns need no conversion: take every value in C (map over dict.get), then convert the few that do.
    # A value converted once in this call is not converted again: the moment of the import is on every row, and
    # empty lists and the shared "no NIK warnings" (domain/exchange_intake.py) on most.
    converted = [(index, processor, {}) for index, processor in enumerate(processors) if processor is not None]
    payload: list[Any] = []
    missing = object()
    for row in rows:
        values = list(map(row.get, columns))
        for index, processor, done in converted:
            value = values[index]
            kind = type(value)
            if kind is list or kind is dict:  # by identity: alive until the end of this call, and not changed
                key: Any = (kind, id(value)) if value else (kind, 0)
            else:
                key = (kind, value)  # the type too: True == 1, and a bool and an int may convert differently
            try:
                result = done.get(key, missing)
            except TypeError:  # unhashable inside (a tuple holding a list): converted as it comes
                result = key = missing
            if result is missing:
                result = processor(value)  # None too: JSON stores it as 'null', as the ORM does
                if key is not missing:
                    done[key] = result
            values[index] = result
        payload.append(tuple(values))
    connection.exec_driver_sql(sql, payload)


def _sqlite_processor(column_type: Any, dialect: Any) -> Any:
    """The conversion SQLAlchemy's own insert applies: the type as this dialect implements it (the generic type's
    processor left moments to the sqlite3 module, which wrote them without SQLAlchemy's microseconds)."""
    if isinstance(column_type, UTCDateTime):
        return UTCDateTime.sqlite_text  # the same text, in one step
    return column_type.dialect_impl(dialect).bind_processor(dialect)


def update_rows(session: Session, table_name: str, rows: list[dict[str, Any]]) -> None:
    """Update each row by its "id"; every row must carry the same keys."""
    if not rows:
        return
    source = table(table_name)
    keys = [key for key in rows[0] if key != "id"]
    statement = (update(source).where(source.c.id == bindparam("_id"))
                 .values({key: bindparam(key) for key in keys}))
    payload = [{"_id": row["id"], **{key: row[key] for key in keys}} for row in rows]
    session.connection().execute(statement, payload)


def columns_of(table_name: str) -> list[str]:
    return [column.name for column in table(table_name).columns]


@cache
def text_limits(table_name: str) -> dict[str, int]:
    """column → its declared maximum length, for the text columns that have one (a longer value would be cut by
    nothing on SQLite but refused by PostgreSQL, so the import checks it first)."""
    limits: dict[str, int] = {}
    for column in table(table_name).columns:
        length = getattr(column.type, "length", None)
        if isinstance(length, int):
            limits[column.name] = length
    return limits


@cache
def reference_targets(table_name: str) -> dict[str, str]:
    """column → the table its foreign key points at."""
    return {fk.parent.name: fk.column.table.name for fk in table(table_name).foreign_keys}


@cache
def unique_columns(table_name: str) -> frozenset[str]:
    """Columns unique on their own: an incoming number must not collide with another record's."""
    source = table(table_name)
    single = {c.name for c in source.columns if c.unique}
    single |= {next(iter(u.columns)).name for u in source.constraints
               if isinstance(u, UniqueConstraint) and len(u.columns) == 1}
    return frozenset(single)


@cache
def empty_defaults(table_name: str) -> dict[str, Any]:
    """Required columns with a default, and the default an empty cell stands for ("" for text, [] for a list)."""
    found: dict[str, Any] = {}
    for column in table(table_name).columns:
        default = column.default
        if column.nullable or column.primary_key or default is None:
            continue
        if default.is_scalar:
            found[column.name] = default.arg
        elif default.is_callable:
            found[column.name] = default.arg(None)  # dict, list: SQLAlchemy wraps them to take a context
    return found


def changes_since(session: Session, table_name: str, record_id: str, since: datetime | None) -> list[dict[str, Any]]:
    """The audited field changes of one record after `since` (all when None), oldest first: the receiver's side of a
    conflict, from which the value at the last exchange (the base) is read back."""
    query = select(AuditEvent.changes).where(AuditEvent.entity == table_name, AuditEvent.entity_id == record_id,
                                             AuditEvent.action == "UPDATE")
    if since is not None:
        query = query.where(AuditEvent.occurred_at > since)
    return [dict(changes or {}) for changes in session.scalars(query.order_by(AuditEvent.seq))]
