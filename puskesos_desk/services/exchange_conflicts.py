"""Conflicts: a record changed at both sites since their last exchange is never overwritten. People decide, field
by field, in a workbook: base (the value at the last exchange) / sender / receiver side by side and a PAKAI
column. Importing the answered workbook applies the decisions.

The workbook is signed with this site's own key over every cell except PAKAI, so an answered workbook is known to
be the one this site made, with only the decisions filled in. A decided record takes a version above both sides
(resolved_version) so the decision travels back to the sender in the next package as an ordinary change.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from puskesos_desk.data.audit import append_event, record_changes
from puskesos_desk.data.repositories import exchange_ledger, exchange_rows
from puskesos_desk.domain.canonical import canonical_value, row_hash, statement
from puskesos_desk.domain.enums import AuditAction
from puskesos_desk.domain.exchange_cells import CellProblem, from_cell, to_cell
from puskesos_desk.domain.exchange_package import ImportStatus, PackageRefused, RowClass, resolved_version
from puskesos_desk.domain.exchange_records import ImportMessage, ImportOutcome
from puskesos_desk.domain.exchange_sheets import DISTRICT_SHEETS, VILLAGE_SHEETS, Column, ColumnKind, SheetSpec
from puskesos_desk.domain.permissions import Permission
from puskesos_desk.services import keys
from puskesos_desk.services.context import ServiceContext
from puskesos_desk.services.exchange_read import OpenedPackage
from puskesos_desk.services.site import get_site_info, site_private_seed
from puskesos_desk.spreadsheet import columns as xl
from puskesos_desk.spreadsheet.reader import read_sheets
from puskesos_desk.spreadsheet.writer import ExchangeWorkbookWriter

FORMAT = "puskesos-desk/konflik"
SHEET = "Konflik"
SENDER, RECEIVER = "PENGIRIM", "PENERIMA"
_T = xl.ColumnKind.TEXT
_COLUMNS = (
    xl.Column("parked_id", "ID KONFLIK", _T, width=38.0), xl.Column("sheet", "LEMBAR", _T, width=18.0),
    xl.Column("number", "NOMOR", _T, width=26.0), xl.Column("record_id", "ID", _T, width=38.0),
    xl.Column("field", "KOLOM", _T, width=24.0), xl.Column("base", "DASAR", _T, width=28.0),
    xl.Column("sender", "PENGIRIM", _T, width=28.0), xl.Column("receiver", "PENERIMA", _T, width=28.0),
    xl.Column("choice", "PAKAI", xl.ColumnKind.ENUM, width=12.0, choices=(SENDER, RECEIVER), required=True,
              help="Nilai yang dipakai: PENGIRIM atau PENERIMA."),
    xl.Column("version", "VERSI PENERIMA", xl.ColumnKind.INT, width=10.0),
    xl.Column("field_key", "KODE KOLOM", _T, width=18.0),
)
_SIGNED_KEYS = tuple(c.key for c in _COLUMNS if c.key != "choice")
_HEADERS = {c.header: c.key for c in _COLUMNS}


def _spec(sheet: str) -> SheetSpec | None:
    return next((s for s in (*VILLAGE_SHEETS, *DISTRICT_SHEETS) if s.name == sheet), None)


def _shown(column: Column, value: object) -> str:
    return canonical_value(to_cell(column.kind, value, UTC))


def _field_value(column: Column, stored: object) -> object:
    """A parked value (JSON-safe: dates as ISO text) back to the field's type."""
    if column.kind in (ColumnKind.LIST, ColumnKind.JSON) and isinstance(stored, list | dict):
        return stored
    result = from_cell(column.kind, stored)
    return None if isinstance(result, CellProblem) else result


@dataclass(frozen=True)
class _Line:
    parked_id: str
    sheet: str
    number: str
    record_id: str
    field: str
    base: str
    sender: str
    receiver: str
    version: int
    field_key: str

    def cells(self) -> dict[str, object]:
        return {"parked_id": self.parked_id, "sheet": self.sheet, "number": self.number,
                "record_id": self.record_id, "field": self.field, "base": self.base, "sender": self.sender,
                "receiver": self.receiver, "version": self.version, "field_key": self.field_key, "choice": None}


def write_conflict_workbook(ctx: ServiceContext, out: Path) -> int:
    """One row per differing field of every conflict waiting for a decision; returns the number of conflicts."""
    ctx.require(Permission.IMPORT_DATA)
    site = get_site_info(ctx.db)
    with ctx.db.reading() as session:
        parked = exchange_ledger.pending(session, reason="KONFLIK")
        lines = [line for row in parked for line in _lines(session, row)]
    # Keyed by conflict and field, not by row number: people may sort the sheet.
    manifest = [(SHEET, f"{line.parked_id}/{line.field_key}", row_hash(SHEET, _SIGNED_KEYS, line.cells()))
                for line in lines]
    meta = {"format": FORMAT, "format_version": "1", "workbook_id": str(uuid.uuid4()), "site": site.code,
            "created_at": ctx.now().isoformat(timespec="seconds"), "conflicts": str(len(parked))}
    meta["signature"] = keys.b64(keys.sign(site_private_seed(ctx), statement(1, meta, manifest)))
    with ExchangeWorkbookWriter(out) as writer:
        writer.add_instructions("Lembar keputusan konflik pertukaran data", _PARAGRAPHS, column_docs=None)
        writer.add_sheet(SHEET, _COLUMNS, (line.cells() for line in lines),
                         note="Satu baris per kolom yang berbeda; isi PAKAI.")
        writer.add_hidden_sheet("_meta", [*sorted(meta.items()), (None, None), ("sheet", "id", "hash"), *manifest])
    return len(parked)


def _lines(session: Any, row: Any) -> Iterator[_Line]:
    spec = _spec(row.sheet)
    current = exchange_rows.rows_by_id(session, row.table, [row.record_id]).get(row.record_id)
    if spec is None or current is None:
        return
    synced = exchange_rows.peer_state(session, row.sender, row.table, [row.record_id]).get(row.record_id)
    history = exchange_rows.changes_since(session, row.table, row.record_id, synced[1] if synced else None)
    number = str(current.get("number") or current.get("letter_number") or current.get("registration_number") or "")
    for column in spec.columns:
        theirs = _field_value(column, row.values.get(column.key))
        mine = current.get(column.key)
        if _shown(column, theirs) == _shown(column, mine):
            continue
        before = next((change[column.key]["before"] for change in history if column.key in change), mine)
        base = "(disamarkan)" if isinstance(before, str) and before.startswith("hmac:") else _shown(
            column, _field_value(column, before) if isinstance(before, str) else before)
        yield _Line(row.id, row.sheet, number, row.record_id, column.header, base, _shown(column, theirs),
                    _shown(column, mine), int(current["row_version"]), column.key)


_PARAGRAPHS = [
    "Setiap baris adalah satu kolom data yang diubah di kedua situs sejak pertukaran terakhir. DASAR adalah nilai "
    "saat pertukaran terakhir, PENGIRIM nilai dari paket yang masuk, PENERIMA nilai di situs ini.",
    "Isi kolom PAKAI dengan PENGIRIM atau PENERIMA untuk setiap baris, simpan, lalu impor berkas ini kembali "
    "(Pertukaran Data → Impor). Jangan mengubah kolom lain: berkas ini ditandatangani.",
    "Data yang belum diputuskan semua kolomnya tetap menunggu. Keputusan dikirim ke situs pengirim pada paket "
    "berikutnya.",
]


def is_conflict_workbook(package: OpenedPackage) -> bool:
    return package.meta.get("format") == FORMAT


def apply_decisions(ctx: ServiceContext, package: OpenedPackage, *, dry_run: bool) -> ImportOutcome:
    """Apply an answered conflict workbook (found by import_package from its `_meta`)."""
    site = get_site_info(ctx.db)
    if package.meta.get("site") != site.code:
        raise PackageRefused("WRONG_RECEIVER", receiver=package.meta.get("site", "?"), own=site.code)
    signature = base64.b64decode(package.meta.get("signature", ""), validate=False)
    if not keys.verify(base64.b64decode(site.public_key_b64), statement(1, package.meta, package.manifest),
                       signature):
        raise PackageRefused("BAD_SIGNATURE")
    signed = {record_id: digest for _, record_id, digest in package.manifest}
    expected: dict[str, set[str]] = {}  # conflict → the fields the workbook asked about (from the signed manifest)
    for key in signed:
        parked_id, _, field_key = key.partition("/")
        expected.setdefault(parked_id, set()).add(field_key)
    decisions: dict[str, dict[str, str]] = {}
    versions: dict[str, int] = {}
    spoiled: set[str] = set()  # conflicts with a line edited outside PAKAI: decided by nobody
    messages: list[ImportMessage] = []
    for number, cells in _answered_rows(package):
        key = f"{cells.get('parked_id')}/{cells.get('field_key')}"
        if signed.get(key) != row_hash(SHEET, _SIGNED_KEYS, {**cells, "choice": None}):
            messages.append(ImportMessage(SHEET, number, None, "DIUBAH_DI_LUAR_APLIKASI",
                                          "Baris ini diubah selain kolom PAKAI; konflik ini tetap menunggu."))
            spoiled.add(str(cells.get("parked_id")))
            continue
        choice = str(cells.get("choice") or "").strip().upper()
        parked_id = str(cells.get("parked_id"))
        decisions.setdefault(parked_id, {})[str(cells.get("field_key"))] = choice
        versions[parked_id] = int(float(str(cells.get("version") or 0)))
    resolved = rejected = 0
    scope = ctx.db.reading() if dry_run else ctx.db.transaction(ctx.actor)
    with scope as session:
        parked = {row.id: row for row in exchange_ledger.pending(session, reason="KONFLIK", ids=list(decisions))}
        for parked_id, fields in decisions.items():
            row = parked.get(parked_id)
            problem = _decision_problem(session, row, fields, versions.get(parked_id, -1))
            if problem is None and (parked_id in spoiled or set(fields) != expected.get(parked_id, set())):
                problem = ("BELUM_DIPUTUSKAN", f"Konflik {row.sheet if row else ''} {row.record_id if row else ''}: "
                           "ada baris yang diubah atau dihapus di lembar; konflik ini tetap menunggu.")
            if problem:
                messages.append(ImportMessage(SHEET, None, None, problem[0], problem[1], "warning"))
                rejected += 1
                continue
            assert row is not None
            if not dry_run:
                _apply(ctx, session, row, fields)
            resolved += 1
    counts = {RowClass.CHANGED: resolved, RowClass.REJECTED: rejected}
    return ImportOutcome(status=ImportStatus.WOULD_APPLY if dry_run else ImportStatus.APPLIED,
                         package_id=package.meta.get("workbook_id", ""), sender=site.code, sender_name=site.name,
                         sequence=0, rows=counts, sheets={SHEET: counts}, messages=messages,
                         applied_at=None if dry_run else ctx.now(), applied_by="" if dry_run else ctx.actor.name)


def _answered_rows(package: OpenedPackage) -> Iterator[tuple[int, dict[str, object]]]:
    mapping: dict[int, str] = {}
    for batch in read_sheets(package.path, [SHEET], shape=package.shape):
        rows = batch.rows
        first = batch.first_row
        if not mapping:
            mapping = {i: _HEADERS[str(v).strip()] for i, v in enumerate(rows[0]) if str(v).strip() in _HEADERS}
            rows, first = rows[1:], first + 1
        for offset, row in enumerate(rows):
            cells = {key: row[i] for i, key in mapping.items() if i < len(row)}
            cells["version"] = int(cells["version"]) if isinstance(cells.get("version"), float) else cells.get(
                "version")
            if cells.get("parked_id"):
                yield first + offset, cells


def _decision_problem(session: Any, row: Any, fields: dict[str, str], version: int) -> tuple[str, str] | None:
    if row is None:
        return "SUDAH_DIPUTUSKAN", "Konflik ini sudah diputuskan sebelumnya atau tidak ada lagi."
    if any(choice not in (SENDER, RECEIVER) for choice in fields.values()):
        return "BELUM_DIPUTUSKAN", (f"Konflik {row.sheet} {row.record_id}: belum semua kolom diisi PAKAI; tetap "
                                    "menunggu.")
    current = exchange_rows.rows_by_id(session, row.table, [row.record_id]).get(row.record_id)
    if current is None or int(current["row_version"]) != version:
        return "BERUBAH_SEJAK_LEMBAR", (f"Data {row.sheet} {row.record_id} berubah sejak lembar konflik dibuat; buat "
                                        "lembar konflik baru.")
    return None


def _apply(ctx: ServiceContext, session: Any, row: Any, fields: dict[str, str]) -> None:
    spec = _spec(row.sheet)
    assert spec is not None
    current = exchange_rows.rows_by_id(session, row.table, [row.record_id])[row.record_id]
    record = dict(current)
    for column in spec.columns:
        if fields.get(column.key) == SENDER:
            record[column.key] = _field_value(column, row.values.get(column.key))
    now = ctx.now()
    record.update(row_version=resolved_version(int(current["row_version"]), row.sender_version), updated_at=now,
                  updated_by=ctx.actor.id)
    exchange_rows.update_rows(session, row.table, [record])
    append_event(session, AuditAction.UPDATE, entity=row.table, entity_id=row.record_id,
                 changes=record_changes(session, row.table, current, record),
                 reason=f"keputusan konflik paket {row.package_id}")
    exchange_rows.record_peer_versions(session, row.sender, row.table, [(row.record_id, row.sender_version)], now)
    exchange_ledger.decide(session, row.id, "DITERAPKAN", ctx.actor.id, now)
