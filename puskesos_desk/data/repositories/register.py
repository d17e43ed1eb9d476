"""The district's DTSEN/DTKS extract: batches (one per file and as-of date) and their rows.

Only AKTIF batches count: loading a new batch of a dataset marks the earlier AKTIF batches of that dataset DIGANTI.
`load_register_rows` is the loader for tests and the demo. The spreadsheet import (services.extract_import) streams a
file through `start_batch` → `insert_records` / `insert_issues` (executemany, no ORM object per row) →
`finish_batch`, which also purges the rows of every earlier batch of the dataset (UU PDP: a superseded extract is
not kept; its batch row stays as history, DIGANTI).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.register import RegisterBatch, RegisterIssue, RegisterRecord
from puskesos_desk.data.repositories.exchange_rows import insert_rows
from puskesos_desk.domain.errors import InputRejected, NotFound
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.nik import strip_separators
from puskesos_desk.domain.search import RegisterBatchInfo, RegisterStatus

DATASETS = ("DTSEN", "DTKS", "P3KE")
ACTIVE = "AKTIF"
REPLACED = "DIGANTI"
_INSERT_CHUNK = 5000
_IN_CHUNK = 500  # values per IN (…): well under SQLite's bound-parameter limit
# Columns a row dict may carry, besides those derived here (name_key, dataset, batch_id).
_COLUMNS = (
    "family_id", "register_person_id", "kk_number", "nik", "name", "birth_date", "sex", "relation", "address", "rt",
    "rw", "village_code", "village_name", "desil_national", "desil_province", "desil_regency", "programs", "remarks",
    "warnings", "raw",
)


def _digits(value: object) -> str | None:
    if value is None:
        return None
    text = strip_separators(str(value))
    return text or None


def _date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _rt_rw(value: object) -> str:
    text = "" if value is None else str(value).strip()
    return text.zfill(3) if text.isdigit() and len(text) <= 3 else text[:3]


def _plain(value: object) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _record_values(batch_id: str, dataset: str, row: Mapping[str, Any], number: int) -> dict[str, Any]:
    name = str(row.get("name") or "").strip()
    if not name:
        raise InputRejected(f"Baris {number} data {dataset} tidak punya nama.")
    values: dict[str, Any] = {column: row.get(column) for column in _COLUMNS}  # same keys in every row
    values.update(
        batch_id=batch_id, dataset=dataset, name=name.upper(), name_key=normalize_name(name),
        nik=_digits(row.get("nik")), kk_number=_digits(row.get("kk_number")), birth_date=_date(row.get("birth_date")),
        sex=(str(row["sex"]).strip().upper()[:1] or None) if row.get("sex") else None,
        rt=_rt_rw(row.get("rt")), rw=_rt_rw(row.get("rw")), address=str(row.get("address") or ""),
        village_name=str(row.get("village_name") or ""), programs=dict(row.get("programs") or {}),
        remarks=str(row.get("remarks") or ""), warnings=list(row.get("warnings") or []),
        raw=dict(row.get("raw") or {key: _plain(value) for key, value in row.items()}),
    )
    return values


def load_register_rows(session: Session, *, dataset: str, as_of: date, file_name: str,
                       rows: Iterable[Mapping[str, Any]]) -> str:
    """Store one extract as a new AKTIF batch and return its id; earlier AKTIF batches of `dataset` become DIGANTI.

    Row keys are RegisterRecord columns (nik, kk_number, name, birth_date, sex, relation, address, rt, rw,
    village_code, village_name, desil_national, programs, family_id…); the name key is computed here.
    """
    code = dataset_code(dataset)
    materialised = [dict(r) for r in rows]
    batch_id = new_uuid()
    values = [_record_values(batch_id, code, row, number) for number, row in enumerate(materialised, start=1)]
    digest = hashlib.sha256(
        json.dumps(materialised, default=_plain, sort_keys=True, ensure_ascii=False).encode("utf-8")
    ).hexdigest()
    for older in session.scalars(select(RegisterBatch).where(
        RegisterBatch.dataset == code, RegisterBatch.status == ACTIVE, RegisterBatch.deleted_at.is_(None)
    )):
        older.status = REPLACED
    session.add(RegisterBatch(
        id=batch_id, dataset=code, file_name=file_name, sha256=digest, as_of=as_of, imported_at=datetime.now(UTC),
        rows_total=len(values), rows_imported=len(values),
    ))
    session.flush()  # the batch row must exist before its records reference it
    insert_records(session, values)
    return batch_id


RECORD_COLUMNS = ("batch_id", "dataset", "name_key", *_COLUMNS)
ISSUE_COLUMNS = ("batch_id", "row_number", "column", "masked_value", "severity", "code", "message")


def insert_records(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Bulk-insert extract rows; every row carries the RECORD_COLUMNS keys, JSON values as dicts/lists."""
    _insert(session, RegisterRecord.__table__, RECORD_COLUMNS, rows)


def insert_issues(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Bulk-insert row findings of a batch (ISSUE_COLUMNS); row_number 0 is the file as a whole."""
    _insert(session, RegisterIssue.__table__, ISSUE_COLUMNS, rows)


def _insert(session: Session, table: Any, columns: tuple[str, ...], rows: Sequence[dict[str, Any]]) -> None:
    """One executemany per chunk. On SQLite, the driver's executemany with the columns' own bind processors, as
    exchange_rows.insert_rows does, but applied only to the columns that have one (dates, JSON); a JSON value that
    repeats (a row's programme flags, an empty warning list) is encoded once."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        for start in range(0, len(rows), _INSERT_CHUNK):
            insert_rows(session, table.name, [{key: row[key] for key in columns}
                                              for row in rows[start:start + _INSERT_CHUNK]])
        return
    sql, convert = _statement(connection, table, columns)
    for start in range(0, len(rows), _INSERT_CHUNK):
        connection.exec_driver_sql(sql, convert(rows[start:start + _INSERT_CHUNK]))


def _statement(connection: Any, table: Any, columns: tuple[str, ...]) -> tuple[str, Any]:
    processors = [(position, table.c[name].type.bind_processor(connection.dialect))
                  for position, name in enumerate(columns)]
    converted = [(position, _memoised(processor)) for position, processor in processors if processor is not None]
    pick = itemgetter(*columns)
    quoted = ", ".join(f'"{name}"' for name in columns)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" for _ in columns)})'

    def convert(rows: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
        payload = []
        for row in rows:
            values = list(pick(row))
            for position, processor in converted:
                values[position] = processor(values[position])
            payload.append(tuple(values))
        return payload

    return sql, convert


def _memoised(processor: Any) -> Any:
    """The bind processor, with the text of JSON values that repeat remembered (keyed by their repr)."""
    seen: dict[tuple[type, str], Any] = {}

    def convert(value: Any) -> Any:
        if value is None or value.__class__ not in (dict, list):
            return processor(value)
        key = (value.__class__, repr(value))
        found = seen.get(key)
        if found is None:
            found = processor(value)
            if len(seen) < 10_000:
                seen[key] = found
        return found

    return convert


def start_batch(session: Session, *, dataset: str, as_of: date, file_name: str, sha256: str, source_label: str = "",
                column_mapping: Mapping[str, Any] | None = None, imported_at: datetime | None = None,
                batch_id: str | None = None) -> str:
    """Add the batch an import streams its rows into. The previous extract is retired by `finish_batch` in the same
    transaction, so a rollback (a refusal, a cancel) leaves it as it was. `batch_id`: a village storing its slice of
    the district's batch keeps the district's batch id, so the same slice sent again is recognised."""
    code = dataset_code(dataset)
    batch = RegisterBatch(
        id=batch_id or new_uuid(), dataset=code, file_name=file_name[:300], sha256=sha256, as_of=as_of,
        imported_at=imported_at or datetime.now(UTC), source_label=source_label[:200],
        column_mapping=dict(column_mapping or {}), status=ACTIVE,
    )
    session.add(batch)
    session.flush()
    return batch.id


def drop_records(session: Session, batch_id: str, niks: Collection[str]) -> int:
    """Remove the rows of a batch holding these NIKs (duplicates found after their first row was stored)."""
    removed = 0
    ordered = sorted(niks)
    for start in range(0, len(ordered), _IN_CHUNK):
        result = session.execute(delete(RegisterRecord).where(
            RegisterRecord.batch_id == batch_id, RegisterRecord.nik.in_(ordered[start:start + _IN_CHUNK])))
        removed += result.rowcount or 0
    return removed


def finish_batch(session: Session, batch_id: str, *, rows_total: int, rows_imported: int, rows_other_village: int,
                 rows_rejected: int, rows_nik_damaged: int, rows_with_warnings: int) -> list[str]:
    """Make the batch the AKTIF extract of its dataset: earlier batches become DIGANTI and their rows and issues
    are deleted. Returns the ids of the batches it replaced."""
    batch = session.get(RegisterBatch, batch_id)
    if batch is None:
        raise NotFound("Impor data DTSEN/DTKS tidak ditemukan.")
    earlier = list(session.scalars(select(RegisterBatch).where(
        RegisterBatch.dataset == batch.dataset, RegisterBatch.id != batch_id, RegisterBatch.deleted_at.is_(None))))
    replaced = [older.id for older in earlier if older.status == ACTIVE]
    for older in earlier:
        if older.status == ACTIVE:
            older.status = REPLACED
    purge_batches(session, [older.id for older in earlier])
    batch.status = ACTIVE
    batch.rows_total, batch.rows_imported, batch.rows_other_village = rows_total, rows_imported, rows_other_village
    batch.rows_rejected, batch.rows_nik_damaged, batch.rows_with_warnings = (rows_rejected, rows_nik_damaged,
                                                                             rows_with_warnings)
    session.flush()
    return replaced


def purge_batches(session: Session, batch_ids: Sequence[str]) -> None:
    """Delete the rows and issues of these batches; the batch rows themselves stay as the import history."""
    for start in range(0, len(batch_ids), _IN_CHUNK):
        part = list(batch_ids[start:start + _IN_CHUNK])
        session.execute(delete(RegisterRecord).where(RegisterRecord.batch_id.in_(part)))
        session.execute(delete(RegisterIssue).where(RegisterIssue.batch_id.in_(part)))


def batch_issues(session: Session, batch_id: str, *, limit: int = 10_000) -> list[dict[str, Any]]:
    """The findings stored with a batch, file-level first then by row."""
    rows = session.execute(
        select(RegisterIssue.row_number, RegisterIssue.column, RegisterIssue.masked_value, RegisterIssue.severity,
               RegisterIssue.code, RegisterIssue.message)
        .where(RegisterIssue.batch_id == batch_id).order_by(RegisterIssue.row_number, RegisterIssue.id).limit(limit)
    )
    return [dict(row._mapping) for row in rows]


def dataset_code(dataset: str) -> str:
    """DTSEN / DTKS / P3KE from any spelling; InputRejected for anything else."""
    code = dataset.strip().upper()
    if code not in DATASETS:
        raise InputRejected(f"Jenis data {dataset!r} tidak dikenal; pilih salah satu dari {', '.join(DATASETS)}.")
    return code


def batches(session: Session, *, dataset: str | None = None) -> list[RegisterBatchInfo]:
    query = select(RegisterBatch).where(RegisterBatch.deleted_at.is_(None)).order_by(RegisterBatch.imported_at.desc())
    if dataset:
        query = query.where(RegisterBatch.dataset == dataset)
    return [
        RegisterBatchInfo(id=b.id, dataset=b.dataset, as_of=b.as_of, file_name=b.file_name,
                          imported_at=b.imported_at, rows_imported=b.rows_imported, status=b.status)
        for b in session.scalars(query)
    ]


def active_programs(programs: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Programme codes flagged active: {"PKH": true} or {"PKH": {"aktif": true, "periode": …}}."""
    active = []
    for code, value in (programs or {}).items():
        flag = value.get("aktif", value.get("active", True)) if isinstance(value, Mapping) else value
        if isinstance(flag, str):
            flag = flag.strip().upper() in {"1", "Y", "YA", "TRUE", "AKTIF"}
        if flag:
            active.append(str(code))
    return tuple(sorted(active))


ENTRY_COLUMNS = (
    RegisterRecord.id, RegisterRecord.batch_id, RegisterRecord.dataset, RegisterBatch.as_of,
    RegisterRecord.desil_national, RegisterRecord.programs, RegisterRecord.name, RegisterRecord.name_key,
    RegisterRecord.nik, RegisterRecord.kk_number, RegisterRecord.birth_date, RegisterRecord.sex,
    RegisterRecord.relation, RegisterRecord.address, RegisterRecord.rt, RegisterRecord.rw,
    RegisterRecord.village_code, RegisterRecord.village_name, RegisterRecord.family_id,
)


def entry_of(row: Any) -> RegisterStatus:
    """A row selected with ENTRY_COLUMNS as the desk shows it."""
    return RegisterStatus(
        record_id=row.id, batch_id=row.batch_id, dataset=row.dataset, as_of=row.as_of, desil=row.desil_national,
        programs=active_programs(row.programs), name=row.name, name_key=row.name_key, nik=row.nik,
        kk_number=row.kk_number, birth_date=row.birth_date, sex=row.sex, relation=row.relation,
        address=row.address, rt=row.rt, rw=row.rw, village_code=row.village_code, village_name=row.village_name,
        family_id=row.family_id,
    )


def _active_query() -> Any:
    return (
        select(*ENTRY_COLUMNS)
        .join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id)
        .where(RegisterBatch.status == ACTIVE, RegisterBatch.deleted_at.is_(None))
    )


def active_entries(session: Session) -> list[RegisterStatus]:
    """Every row of every AKTIF batch (the desk index loads these once and again when a batch changes)."""
    rows = session.connection().execute(_active_query().order_by(RegisterRecord.id))  # Core: no ORM per-row work
    return [entry_of(row) for row in rows]


def active_with_nik(session: Session, nik: str) -> list[RegisterStatus]:
    return [entry_of(row) for row in session.execute(_active_query().where(RegisterRecord.nik == nik))]


def get_entry(session: Session, record_id: int) -> RegisterStatus:
    row = session.execute(
        select(*ENTRY_COLUMNS).join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id)
        .where(RegisterRecord.id == record_id)
    ).first()
    if row is None:
        raise NotFound("Baris data DTSEN/DTKS tidak ditemukan; mungkin data sudah diganti.")
    return entry_of(row)


def family_entries(session: Session, record_id: int) -> list[RegisterStatus]:
    """The row and the rest of its family in the same batch (same family id, else same No. KK), in file order."""
    entry = get_entry(session, record_id)
    query = select(*ENTRY_COLUMNS).join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id).where(
        RegisterRecord.batch_id == entry.batch_id
    )
    if entry.family_id:
        query = query.where(RegisterRecord.family_id == entry.family_id)
    elif entry.kk_number:
        query = query.where(RegisterRecord.kk_number == entry.kk_number)
    else:
        return [entry]
    return [entry_of(row) for row in session.execute(query.order_by(RegisterRecord.id))]
