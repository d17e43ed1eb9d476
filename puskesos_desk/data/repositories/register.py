"""The district's DTSEN/DTKS extract: batches (one per file and as-of date) and their rows.

Only AKTIF batches count: loading a new batch of a dataset marks the earlier AKTIF batches of that dataset DIGANTI.
`load_register_rows` is the loader for tests and the demo; the spreadsheet import (a later issue) builds on it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from puskesos_desk.data.orm.base import new_uuid
from puskesos_desk.data.orm.register import RegisterBatch, RegisterRecord
from puskesos_desk.domain.errors import InputRejected, NotFound
from puskesos_desk.domain.names import normalize_name
from puskesos_desk.domain.nik import strip_separators
from puskesos_desk.domain.search import RegisterBatchInfo, RegisterStatus

DATASETS = ("DTSEN", "DTKS", "P3KE")
ACTIVE = "AKTIF"
REPLACED = "DIGANTI"
_INSERT_CHUNK = 2000
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
    code = dataset.strip().upper()
    if code not in DATASETS:
        raise InputRejected(f"Jenis data {dataset!r} tidak dikenal; pilih salah satu dari {', '.join(DATASETS)}.")
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
    for start in range(0, len(values), _INSERT_CHUNK):
        session.execute(insert(RegisterRecord), values[start:start + _INSERT_CHUNK])
    return batch_id


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


_ENTRY_COLUMNS = (
    RegisterRecord.id, RegisterRecord.batch_id, RegisterRecord.dataset, RegisterBatch.as_of,
    RegisterRecord.desil_national, RegisterRecord.programs, RegisterRecord.name, RegisterRecord.name_key,
    RegisterRecord.nik, RegisterRecord.kk_number, RegisterRecord.birth_date, RegisterRecord.sex,
    RegisterRecord.relation, RegisterRecord.address, RegisterRecord.rt, RegisterRecord.rw,
    RegisterRecord.village_code, RegisterRecord.village_name, RegisterRecord.family_id,
)


def _entry(row: Any) -> RegisterStatus:
    return RegisterStatus(
        record_id=row.id, batch_id=row.batch_id, dataset=row.dataset, as_of=row.as_of, desil=row.desil_national,
        programs=active_programs(row.programs), name=row.name, name_key=row.name_key, nik=row.nik,
        kk_number=row.kk_number, birth_date=row.birth_date, sex=row.sex, relation=row.relation,
        address=row.address, rt=row.rt, rw=row.rw, village_code=row.village_code, village_name=row.village_name,
        family_id=row.family_id,
    )


def _active_query() -> Any:
    return (
        select(*_ENTRY_COLUMNS)
        .join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id)
        .where(RegisterBatch.status == ACTIVE, RegisterBatch.deleted_at.is_(None))
    )


def active_entries(session: Session) -> list[RegisterStatus]:
    """Every row of every AKTIF batch (the desk index loads these once and again when a batch changes)."""
    rows = session.connection().execute(_active_query().order_by(RegisterRecord.id))  # Core: no ORM per-row work
    return [_entry(row) for row in rows]


def active_with_nik(session: Session, nik: str) -> list[RegisterStatus]:
    return [_entry(row) for row in session.execute(_active_query().where(RegisterRecord.nik == nik))]


def get_entry(session: Session, record_id: int) -> RegisterStatus:
    row = session.execute(
        select(*_ENTRY_COLUMNS).join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id)
        .where(RegisterRecord.id == record_id)
    ).first()
    if row is None:
        raise NotFound("Baris data DTSEN/DTKS tidak ditemukan; mungkin data sudah diganti.")
    return _entry(row)


def family_entries(session: Session, record_id: int) -> list[RegisterStatus]:
    """The row and the rest of its family in the same batch (same family id, else same No. KK), in file order."""
    entry = get_entry(session, record_id)
    query = select(*_ENTRY_COLUMNS).join(RegisterBatch, RegisterBatch.id == RegisterRecord.batch_id).where(
        RegisterRecord.batch_id == entry.batch_id
    )
    if entry.family_id:
        query = query.where(RegisterRecord.family_id == entry.family_id)
    elif entry.kk_number:
        query = query.where(RegisterRecord.kk_number == entry.kk_number)
    else:
        return [entry]
    return [_entry(row) for row in session.execute(query.order_by(RegisterRecord.id))]
